"""An event's organization and role: organization candidates of a sentence (the org lexicon,
Chinese names ending in an organization suffix, Latin legal forms, CamelCase, capitalized
words), the one next to the trigger, and the role from the ``post`` lexicon after an
appointment trigger or beside the subject. Reads a ``SentenceContext``; returns strings."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .. import lexicon
from ..model import Mention
from ..persons.names import dictionary_predicates
from ..text import is_han
from .context import SentenceContext
from .lexicons import Lang, Trigger, latin_legal
from .modality import is_passive
from .phrases import BRACKET_CODE, NOT_NAME, PROPER_POS, np_after, np_start, taken_spans, words

ROLE_NOT_AFTER_ZH = "会"   # a role word followed by this names a body (董事会), not a post
ROLE_GAP = 8          # characters between a role word and the person it describes (首席科学家 Ilya)


# Latin-script organization shapes: CamelCase (OpenAI, DeepMind), acronyms (IBM, CMU)
_CAMEL = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*|[A-Z]{2,6})(?![A-Za-z])")
_CAP_SEQ = re.compile(r"(?<![A-Za-z\-])[A-Z][A-Za-z&\-]+(?:\s[A-Z][A-Za-z&\-]+)*(?![A-Za-z])")
_HAS_DIGIT = re.compile(r"\d")
_HYPHEN_POST = re.compile(r"(?<![\w\-])([A-Z][\w&]*)-([^\W\d_]+)(?![\w\-])")
_DE_PREP_NAME = re.compile(r"\b(?:zum|zur|beim|vom|(?:zu|bei|von)\s+(?:der|dem|den))\s+"
                           r"([A-ZÄÖÜ][\w&\-]*(?:\s+[A-ZÄÖÜ][\w&\-]*)+)")
_UNIT_AND = "及与和"      # inside a bureau's name (创新及科技局): its two halves are one unit
_GENERIC_HEAD = re.compile(r"[该本其]?(?:公司|集团)(?!的)")
_ZH_SOURCE = re.compile(r"(?:从|自)\s*$")
_DE_SOURCE = re.compile(r"\b(?:von|vom|aus)(?:\s+(?:der|dem|den))?\s+$")
_EN_ORG_NEXT = re.compile(r"(?:'s|’s)?\s+(?:has\s+|have\s+|had\s+)?(?:hired|hires|appointed|appoints|named|names|fired|fires|"
                          r"sued|sues|announced|announces|agreed|acquired|acquires|confirmed|promoted|ousted)\b")


def _en_first_is_org(L: Lang, text: str, end: int) -> bool:
    """A capitalized name opening an English sentence is an organization when a post or what
    companies do follows it (Initech co-founder X, Globex has hired, Initech's board)."""
    if _EN_ORG_NEXT.match(text, end):
        return True
    if re.match(r"\s+(?:said|says|announced)\b", text[end:]) and re.search(r"\bits\b", text[end:]):
        return True             # Globex said … its chief operating officer: a company speaking
    nxt = re.match(r"\s+", text[end:])
    return nxt is not None and L.roles is not None and L.roles.match(text, end + nxt.end()) is not None


_URL = re.compile(r"(?:https?://|www\.)\S+|\]\([^)]*\)")
_LEAD_WORD = re.compile(r"(\w+)\s+")
_DETERMINERS = frozenset("The A An This That Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen".split())


def org_candidates(L: Lang, ctx: SentenceContext) -> list[tuple[int, int, str]]:
    if ctx.orgs is not None:
        return ctx.orgs
    s, off = ctx.sent, ctx.sent.char_start
    text = s.text
    taken = taken_spans(ctx)
    found: list[tuple[int, int, str]] = []

    def add(a: int, b: int) -> None:
        while b > a and text[b - 1] in ". ":
            b -= 1
        name = text[a:b].strip()
        if len(name) < 2 or any(a < y and x < b for x, y in taken):
            return
        # a longer name that ends with one found before replaces it when what it adds is a place or
        # a name (香港立法会 over the well-known 立法会; not 指国泰航空)
        ending = [f for f in found if a < f[0] and f[1] == b and L.code == "zh" and _proper_words(ctx, a, f[0])]
        if any(a < y and x < b for x, y, n in found if (x, y, n) not in ending):
            return
        for f in ending:
            found.remove(f)
        found.append((a, b, name))

    for m in latin_legal().finditer(text):      # before the names: Bayer AG, not Bayer
        a = m.start()
        while (w := _LEAD_WORD.match(text, a, m.end())) is not None and w.group(1) in _DETERMINERS:
            a = w.end()                          # Die Bayer AG → Bayer AG
        add(a, m.end())
    if L.code == "de":      # zur Munich Re, zum FC Bayern München, bei der Deutschen Bank: a name of two words or more
        for m in _DE_PREP_NAME.finditer(text):
            if not (L.roles is not None and L.roles.search(m.group(1))):
                add(*m.span(1))
    if L.orgs is not None:
        for m in L.orgs.finditer(text):
            add(*m.span())
    if L.zh_org is not None:
        _zh_named_orgs(L, ctx, add)
    if L.code == "zh":
        _stock_code_orgs(L, ctx, add)
        _announcer_orgs(L, ctx, add)
        for m in _QUOTED_AFTER_KIND.finditer(text):    # 文化交流机构「乒乓策划」
            add(*m.span(1))
        for m in _TITLED_BEFORE_POST.finditer(text):   # 《明报》创办人, 《经济导报》总编辑
            if L.roles is not None and (L.roles.match(text, m.end()) or _FOUNDER_NOUN.match(text, m.end())):
                add(*m.span(1))
    if L.latin and L.roles is not None:
        for m in _HYPHEN_POST.finditer(text):    # Adidas-Chef, Siemens-Vorstand: the post's organization
            post = m.group(2)
            r = [x for x in L.roles.finditer(post) if x.end() == len(post)]
            if r and m.group(1) not in L.generic and m.group(1) not in _DETERMINERS:
                add(*m.span(1))
    urls = [u.span() for u in _URL.finditer(text)]
    for m in _CAMEL.finditer(text):
        if m.group(0) in L.generic or any(x <= m.start() < y for x, y in urls):
            continue        # (a link's letters: https://…/AE…)
        if L.code == "zh" and len(m.group(0)) == 2 and m.group(0).isupper():
            continue        # AM声音广播牌照, AE: two capitals in Chinese text are seldom an organization
        add(*m.span())
    if L.code in ("zh", "en"):
        first = re.match(r"\W*\w+", text)
        for m in _CAP_SEQ.finditer(text):
            a, b = m.span()
            if L.code == "en" and first and a < first.end() and not _en_first_is_org(L, text, b):
                continue
            if _HAS_DIGIT.search(text[a:b]) or m.group(0) in _EN_STOP or m.group(0) in L.generic:
                continue
            add(a, b)
    if L.latin:     # FC + Bayern → FC Bayern: two names with one space between are one
        found.sort()
        joined: list[tuple[int, int, str]] = []
        for a, b, name in found:
            if joined and text[joined[-1][1]:a] == " ":
                joined[-1] = (joined[-1][0], b, text[joined[-1][0]:b])
            else:
                joined.append((a, b, name))
        found = joined
    roles = L.roles
    out = []
    for a, b, name in sorted(found):
        if roles is not None and roles.fullmatch(name):
            continue
        out.append((a + off, b + off, name))
    ctx.orgs = out
    return out


def _zh_named_orgs(L: Lang, ctx: SentenceContext, add) -> None:
    """Chinese organizations by their suffix (谷歌公司, 发展局), each grown back to the start of its
    name, and the organizations posts belong to (南国置业董事长)."""
    text = ctx.sent.text
    stops = trigger_stops(ctx)
    for m in L.zh_org.finditer(text):
        a, b = m.span()
        seg = text[a:b]
        core = seg.lstrip("“「\" ")
        suf_at = b
        for suf in sorted(_zh_suffixes(), key=len, reverse=True):
            if core.endswith(suf):
                suf_at = b - len(suf)
                break
        # the name before the suffix: the words that may stand in a name (他加入了谷歌公司 →
        # 谷歌公司; 发公告称董事会 → none), not past a 前雇主/旗下 cue
        floor = 0
        for w in L.org_cut:
            k = seg.rfind(w)
            if k >= 0 and a + k + len(w) <= suf_at:
                floor = max(floor, a + k + len(w))
        start = np_start(L, ctx, suf_at, floor, stops)
        stem = text[start:suf_at].strip("“”「」\" ")
        if len(stem) < 2 or stem in L.generic or any(stem.startswith(g) and len(g) >= 2 for g in L.generic) \
                or stem.isdigit() or (L.roles is not None and L.roles.fullmatch(stem)):
            continue
        if any(x <= start and b <= y for x, y, _r, _o in posts(L, ctx)):
            continue        # 安全团队 in 安全团队负责人: part of a post
        if any(w[0] < suf_at < w[1] and w[3].startswith("v") for w in words(ctx)) \
                or any(text.startswith(v, suf_at - len(v) + 1) for v in L.suffix_verbs):
            continue        # 排队, 带队: the suffix is part of a verb, no organization
        if any(w[0] < b < w[1] for w in words(ctx)) and not (L.roles is not None and L.roles.match(text, b)):
            continue        # 中共党籍, 香港大学生: the suffix opens a longer word (not 中文大学|校长: a post)
        if _former_char(text, start):
            start += 1      # 原夏门大学: the organization, not "former"
            if b - start < 2:
                continue
        add(start, b)
    # the organization a post belongs to: 南国置业董事长, 家家悦独立董事, 发展局的局长
    for x, y, _role, org in posts(L, ctx):
        if org is not None:
            add(*org)


def _proper_words(ctx: SentenceContext, a: int, b: int) -> bool:
    """Whether jieba's words cover ``a``..``b`` (sentence offsets) exactly, each a proper noun."""
    inside = [w for w in words(ctx) if a <= w[0] and w[1] <= b]
    return bool(inside) and inside[0][0] == a and inside[-1][1] == b \
        and sum(w[1] - w[0] for w in inside) == b - a and all(w[3] in PROPER_POS for w in inside)


def _former_char(text: str, k: int) -> bool:
    """The 前 or 原 at ``k`` means "former" (前总裁, 原夏门大学, 百度前总裁): not a part of a time
    word or another word (目前, 此前, 前往, 原因, 原告, 前海, 原子)."""
    before = text[k - 1:k] if k > 0 else ""
    return text[k:k + 1] in _NOT_FORMER_AFTER and before not in _NOT_FORMER_BEFORE \
        and text[k + 1:k + 2] not in _NOT_FORMER_AFTER[text[k]]


_ANNOUNCER = re.compile(r"(?:^|(?<=[，,。；;：:！!？?\s」”]))([\u4e00-\u9fffA-Za-z0-9·&]{2,10}?)"
                        r"(?=(?:今日|昨日|日前|近日|今天|昨天|周[一二三四五六日]|\d{1,2}日)?(?:正式|官方)?"
                        r"(?:宣布|官宣|发布公告|公告称|发布声明|发表声明|发出声明))")
_NOT_ANNOUNCER = re.compile(r"[他她它我你您们其该此这那的了在是和与及年月日]|^[自从于由对向将已曾也再又]|"
                            r"^(?:政府|当局|官方|记者|外界|警方|据悉|报道|消息|同时|随后|此外|另外|最后|目前|本周|上周)")


def _announcer_orgs(L: Lang, ctx: SentenceContext, add) -> None:
    """A name that opens a clause and announces (优信宣布, 华光电子昨日发布公告, 蔚来官宣): a company
    or a body speaking — not a person (a mention), a pronoun, a time or a generic word."""
    text, off = ctx.sent.text, ctx.sent.char_start
    for m in _ANNOUNCER.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        if _NOT_ANNOUNCER.search(name) or name in L.generic or (L.roles is not None and L.roles.search(name)) \
                or (L.nominal is not None and L.nominal.search(name)) \
                or any(a < x.char_end - off and x.char_start - off < b for x in ctx.ments):
            continue
        add(a, b)


def _stock_code_orgs(L: Lang, ctx: SentenceContext, add) -> None:
    """A listed company's name before its stock code: 山东钢铁（600022）, 惠理集团(00806)."""
    text = ctx.sent.text
    for m in _STOCK_CODE.finditer(text):
        # the words of the name: back from the code while none is a time word, verb, adverb,
        # preposition, conjunction, particle or pronoun (近日 | 追日电气（833832）)
        start = m.end(1)
        for w in reversed(words(ctx)):
            if w[1] <= start and w[0] >= m.start(1) and w[1] == start and not w[3].startswith(_NOT_IN_NAME):
                start = w[0]
            elif w[1] <= start:
                break
        if m.end(1) - start >= 2 and text[start:m.end(1)] not in L.generic:
            add(start, m.end(1))


# a name in quotes right after a word for a kind of organization is that organization's name
_QUOTED_AFTER_KIND = re.compile(r"(?:机构|公司|组织|团体|平台|品牌|基金会|协会|学会|剧团|乐队|网站|媒体|工作室)"
                                r"[「“\"『]([^」”\"』，。]{2,16})[」”\"』]")
_TITLED_BEFORE_POST = re.compile(r"《([^》\s]{1,12})》\s*")
_FOUNDER_NOUN = re.compile(r"(?:创办人|创始人|创刊人|创立人|创办者|创始者)")
_NOT_IN_NAME = ("t", "v", "p", "d", "c", "u", "r", "f", "x")
_STOCK_CODE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,12})\s?[（(]"
                         r"(?:(?:[A-Z]{2}|港股|股票代码|证券代码)[:：]?\s?)?\d{5,6}(?:\.[A-Z]{2})?[)）]")
_EN_STOP = frozenset("""The A An In On At For From To Of And But Or After Before When While As By With This That
These Those He She They We It His Her Their Our Its I You Mr Ms Mrs Dr Prof Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October
November December Last Next Today Yesterday According However Meanwhile Also Then So Now Earlier Later""".split())


@lru_cache(maxsize=None)
def _zh_suffixes() -> tuple[str, ...]:
    return lexicon.orgs()["zh-end"]


def trigger_stops(ctx: SentenceContext) -> tuple:
    """The sentence's trigger spans, sentence-relative: no organization name runs across one."""
    off = ctx.sent.char_start
    return tuple((a - off, b - off) for a, b in ctx.spans)


# the words that tie a post to the organization before it (发展局的局长, 董事会之主席)
_POST_OF = ("的", "之")
UNIT_MAX = 8          # characters of a department or team before a post that is part of it (发展局局长)


@lru_cache(maxsize=None)
def _units() -> tuple[str, ...]:
    return tuple(sorted(lexicon.orgs()["unit"], key=len, reverse=True))


FIELD_MAX = 4         # characters of the field before a post that heads one (数据安全负责人)
_FIELD_POS = ("n", "vn", "an", "b", "d", "a")   # jieba tags of a field word (技术/n, 对齐/d, 超级/b)


def _field_start(L: Lang, ctx: SentenceContext, x: int, stops: tuple) -> int:
    """Where the field of a post that heads one begins (技术 of 技术负责人): the two-character Han
    words right before it, of noun-like tags, no person, organization suffix, modifier or other post."""
    taken = taken_spans(ctx, [s for s in stops if s[1] <= x])
    start = x
    for w in reversed([w for w in words(ctx) if w[1] <= x]):
        if w[1] != start or x - w[0] > FIELD_MAX or len(w[2]) != 2 or not all(is_han(ch) for ch in w[2]) \
                or not w[3].startswith(_FIELD_POS) or w[2] in L.role_mods or w[2].endswith(_zh_suffixes()) \
                or any(a < w[1] and w[0] < b for a, b in taken):
            break
        start = w[0]
    return start


def posts(L: Lang, ctx: SentenceContext) -> list[tuple[int, int, str, tuple[int, int] | None]]:
    """The posts of a sentence, whole: a role word of ``titles.txt`` grown to the jieba word it sits
    in (执行长, not 行长), with the modifiers before it (副, 常务, 独立) and a department unit
    (发展局局长); each with the span of the organization right before it (南国置业董事长, OpenAI 的 CTO)
    or None. Sentence-relative offsets."""
    if ctx.posts is not None:
        return ctx.posts
    text = ctx.sent.text
    found = role_at(L, text, 0, len(text), ctx)
    out = []
    off = ctx.sent.char_start
    stops = trigger_stops(ctx) + tuple((x, y) for x, y, _ in found)
    for x, y, role in found:
        org = None
        if L.code == "zh":
            # a unit before the post: 发展局局长
            u = np_start(L, ctx, x, max(0, x - UNIT_MAX), stops)
            if u < x and u >= 3 and text[u - 1] in _UNIT_AND:     # 创新及科技局, 食物及卫生局: one bureau
                w = next((w for w in words(ctx) if w[1] == u - 1), None)
                if w is not None and 2 <= w[1] - w[0] <= 4 and all(is_han(ch) for ch in w[2]) \
                        and not any(w[0] < m.char_end - off and m.char_start - off < w[1] for m in ctx.ments):
                    u = w[0]
            if u < x and (text[u:x].endswith(_units()) or role.startswith(_units())) and x - u <= UNIT_MAX \
                    and text[u:x].lstrip("该本其") not in _zh_suffixes() and not any(
                    u < m.char_end - off and m.char_start - off < x for m in ctx.ments):
                unit = _known_unit(L, text, u, x)
                x = u
                role = text[x:y]
                if unit is not None:        # 国家能源局局长: a ministry or bureau is the post's organization
                    out.append((x, y, role, unit))
                    continue
            if role in L.domain_heads:      # 技术负责人, 数据安全负责人: the field is part of the post
                x = _field_start(L, ctx, x, stops)
                role = text[x:y]
            end = x
            while end > 0 and text[end - 1] == " ":
                end -= 1
            if end > 0 and text[end - 1] in _POST_OF:
                end -= 1
            start = np_start(L, ctx, end, 0, stops + tuple((p[0], p[1]) for p in out))
            name = text[start:end].strip()
            g = _GENERIC_HEAD.match(text, start, end)
            if g is not None and g.end() < end and end == x:
                # 该公司人力资源总监: "the company" then a department: the department is part of the post
                start, name = g.end(), text[g.end():end].strip()
                if not _is_name(L, ctx, start, end, name):
                    x, role = start, text[start:y]
                    out.append((x, y, role, None))
                    continue
            if (code := BRACKET_CODE.search(name)) is not None:   # 锦城饭店（601999）: the name without its code
                name = name[:code.start()].rstrip()
                end = start + len(name)
            if _is_name(L, ctx, start, end, name):
                org = (start, start + len(text[start:end].rstrip()))
            elif (head := _clause_head_name(L, ctx, end, stops)) is not None:
                org = head
        else:
            cands = [o for o in (ctx.orgs or []) if o[1] - off <= x and not text[o[1] - off:x].strip(" -")]
            if cands:
                org = (cands[-1][0] - off, cands[-1][1] - off)
        out.append((x, y, role, org))
    ctx.posts = out
    return out


HEAD_NAME_MAX = 8      # characters of a name that opens its clause right before a post (朗进科技董事)
_CLAUSE_OPEN = "，。！？；：:、,;!? 　「」“”《》（）()[]【】|"
# jieba tags of a word that cannot stand in a name opening a clause: time, pronoun, preposition,
# conjunction, particle, adverb, locality, measure word, interjection, place word
_NOT_IN_HEAD = ("t", "r", "p", "c", "u", "d", "f", "q", "y", "e", "o", "z", "s")


def _clause_head_name(L: Lang, ctx: SentenceContext, end: int, stops: tuple) -> tuple[int, int] | None:
    """The whole opening of a clause as the name of the organization whose post follows it, where
    jieba cuts the name into words that do not look like one (朗进科技: 朗/nr 进/v 科技/n; 360金融;
    捷信达): short, of names, nouns, digits and letters, with no function word, no time word, no
    person, and verbs or adjectives only where jieba's dictionary does not know them. (start, end)
    sentence-relative, or None."""
    text = ctx.sent.text
    c = end
    while c > 0 and text[c - 1] not in _CLAUSE_OPEN:
        c -= 1
    if not 2 <= end - c <= HEAD_NAME_MAX:
        return None
    name = text[c:end]
    if any(c < y and x < end for x, y in taken_spans(ctx, stops)) or _plain_word(L, name):
        return None
    ws = [w for w in words(ctx) if c <= w[0] and w[1] <= end]
    known = dictionary_predicates()     # 宣布, 资深: not a name's parts as 朗进, 锐达 are
    if not ws or ws[0][0] != c or ws[-1][1] != end:
        return None
    for i, (a, b, w, pos) in enumerate(ws):
        # a verb or adjective stands in a name only as a word jieba does not know (朗进/v, 锐达/a) or as
        # one character inside it (捷信达); never a bare adjective at its end (向港大)
        predicate = pos.startswith(("v", "a")) and (
            w in known or b - a > 2 or (b - a == 1 and (i == 0 or (pos.startswith("a") and i == len(ws) - 1))))
        if w in NOT_NAME or w in L.role_mods or pos.startswith(_NOT_IN_HEAD) or predicate \
                or (pos == "m" and not w.isascii()):
            return None
    if not any(pos in _NAMING or pos.startswith("n") for _, _, _, pos in ws) and not re.search(r"[A-Za-z0-9]", name):
        return None
    return c, end


def _known_unit(L: Lang, text: str, u: int, x: int) -> tuple[int, int] | None:
    """The unit grown back to ``u`` before a post at ``x`` when it ends in a well-known body
    (``orgs.txt`` names: 国家能源局, 海港发展局 ends in 发展局): that body is the post's organization;
    None for a department (财务部经理)."""
    if L.orgs is None:
        return None
    if any(m.end() == x for m in L.orgs.finditer(text, u, x)):
        return u, x
    return None


def _is_name(L: Lang, ctx: SentenceContext, a: int, b: int, name: str, strict: bool = True) -> bool:
    """A noun phrase that may name an organization: two characters or more, not a generic word
    (公司, 该集团), not a role, with a word that names (not only 研究, 高级: verbal nouns and
    modifiers; with ``strict``, not one common noun alone: 财务, 大牌 — the object of a join,
    加盟火箭, may be one)."""
    if len(name) < 2 or _plain_word(L, name) or any(name.startswith(g) and len(g) >= 2 for g in L.generic):
        return False
    ws = [w for w in words(ctx) if a <= w[0] and w[1] <= b]
    if any(w[3] in _NAMING for w in ws) or re.search(r"[A-Za-z0-9]", name):
        return True
    nouns = [w for w in ws if w[3] in ("n", "l", "i")]
    return bool(nouns) and (not strict or len(nouns) >= 2)


def _plain_word(L: Lang, name: str) -> bool:
    """A word that names no organization by itself: generic (公司), a role, an organization suffix (集团),
    a number."""
    return name in L.generic or bool(L.roles is not None and L.roles.fullmatch(name)) \
        or name in _zh_suffixes() or name.isdigit()


# jieba parts of speech of a word that names (one common noun alone, 财务负责人, 大牌球员, does not)
_NAMING = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})


_AS_POST = re.compile(r"\b(?:as|als)\s+(?:(?:its|their|his|her|the|a|an|new|neue[rnm]?|neuer|zum|zur)\s+)*$", re.I)
_EN_POST_OF = re.compile(r" of (?!the\b|a\b|an\b|its\b|his\b|her\b|their\b)(?:[A-Z]{2,4} )?[a-z][a-z&-]+(?: [a-z][a-z&-]+){0,2}"
                         r"(?=[\s,.;:)]|$)")     # head of AI research, not CEO of Globex Inc (its org)


def role_at(L: Lang, text: str, a: int, b: int, ctx: SentenceContext | None = None) -> list[tuple[int, int, str]]:
    if L.roles is None:
        return []
    out = []
    ws = words(ctx) if ctx is not None and L.code == "zh" else None
    for m in L.roles.finditer(text, a, b):
        x, y = m.span()
        if L.latin:
            if x > 0 and text[x - 1].isalpha() and text[x - 1].islower() and L.code == "en":
                continue
            if y < len(text) and text[y].isalpha() and text[y].islower():
                continue
            if L.code == "de":       # a German compound is one post: Finanzchefin, Vorstandsvorsitzender
                while x > a and text[x - 1].isalpha():
                    x -= 1
            if L.code == "en":       # head of AI research, director of sales: the unit is part of the post
                of = _EN_POST_OF.match(text, y)
                if of and of.end() <= max(b, y):
                    y = of.end()
        elif y < len(text) and text[y] in ROLE_NOT_AFTER_ZH:
            continue            # 董事会, 委员会: a body, not a post
        if ws is not None:
            # the whole jieba word the role word ends (局局长 → the unit is read by ``posts``)
            for wa, wb, w, _ in ws:
                if wa < x < wb <= y and wa >= a:
                    if text[wa:x].endswith(_units()):
                        break
                    x = wa
                    break
        # modifiers right before the role (临时 CEO, interim CEO, 常务副总经理)
        while True:
            head = text[max(0, x - 16):x]
            h = head.rstrip()
            for mod, keep in L.role_mods.items():
                if h.endswith(mod) and (not L.latin or len(h) == len(mod) or not h[-len(mod) - 1].isalpha()):
                    break
            else:
                break
            if not keep:
                break
            x = x - (len(head) - len(h)) - len(mod)
        out.append((x, y, text[x:y]))
    return out


def _locative(text: str, a: int, b: int) -> bool:
    """An organization named as a place of saying: 在推特上, 在微博中 (not the event's organization)."""
    return text[max(0, a - 1):a] == "在" and text[b:b + 1] in ("上", "中", "里", "发")


def _frame(ctx: SentenceContext, ts: int, te: int) -> tuple[int, int]:
    """The part of the trigger's clause no other trigger of it owns: from the end of the trigger
    before it to the start of the next one (离职并加入Anthropic: Anthropic is 加入's)."""
    ca, cb = ctx.clause_of(ts)
    lo = max([b for a, b in ctx.spans if ca <= a and b <= ts] + [ca])
    hi = min([a for a, b in ctx.spans if te <= a < cb] + [cb])
    return lo, hi


OBJECT_TYPES = frozenset({"join", "depart", "return", "found"})


def pick_org(L: Lang, ctx: SentenceContext, typ: str, trig: Trigger, ts: int, te: int,
             subj: Sequence[Mention] = ()) -> str | None:
    """The organization of an event in its trigger's frame: the organization of the post after the
    trigger (任命Y为X公司CEO, 辞去X职务: not the appointing body before it); the object of the trigger
    (加入X, 离开X); 从X离职; an organization hiring (谷歌聘用A); the subject's own organization
    (南国置业董事长A辞职); else the nearest one before the trigger in its sentence."""
    orgs = [o for o in org_candidates(L, ctx) if not _locative(ctx.sent.text, o[0] - ctx.sent.char_start,
                                                                 o[1] - ctx.sent.char_start)]
    off, text = ctx.sent.char_start, ctx.sent.text
    ca, cb = ctx.clause_of(ts)
    lo, hi = _frame(ctx, ts, te)
    if L.code == "zh" and typ in ("join", "return"):
        # 从谷歌跳槽到OpenAI, 把A从微软挖到苹果: where to, not where from (if the clause names both)
        target = [o for o in orgs if not _ZH_SOURCE.search(text, max(0, o[0] - off - 2), o[0] - off)]
        if target and len(target) < len(orgs) and any(ca <= o[0] < cb for o in target):
            orgs = target
    after = [o for o in orgs if o[0] >= ts and o[1] <= hi]   # inside a gapped trigger too (schließt sich X an)
    before = [o for o in orgs if o[1] <= ts and o[0] >= lo]
    if L.code == "de":
        if typ in ("join", "return"):   # wechselt von der Allianz zur Munich Re: where to, not where from
            after = [o for o in after if not _DE_SOURCE.search(text, max(0, o[0] - off - 9), o[0] - off)] or after
        near = sorted(after + before, key=lambda o: min(abs(o[0] - te), abs(ts - o[1])))
        return near[0][2] if near else None
    # the organization of the post the trigger names (出任X公司CEO, 辞去发展局局长职务)
    signed = "either" in trig.flags and bool(subj) and min(m.char_start for m in subj) >= te
    for x, y, _r, org in () if signed else posts(L, ctx):
        if org is not None and te - off <= org[0] and y <= hi - off \
                and not (typ in NEW_POST_TYPES and _former(L, text, min(x, org[0]))):
            return text[org[0]:org[1]]      # (hired former OpenAI chief X: not OpenAI)
    forward = typ in ("join", "found", "sue", "merge") or trig.flags & {"org"} or typ == "appoint"
    if typ == "join" and trig.voice == "patient":       # 谷歌聘用 A: the hiring org is the subject
        forward = False
    if signed:
        forward = False                                  # 俱乐部签约球员A: the club signing, not A's former one
    if typ == "depart" and after and L.code == "zh" and not text[te - off:after[0][0] - off].strip(" 了"):
        forward = True                                   # 离开腾讯, 退出国家队
    if forward and after and typ == "depart" and L.latin and not _object_gap(text[te - off:after[0][0] - off]):
        forward = False                                  # left the company in 2019 to start X: not X
    if forward and after:
        return after[0][2]
    if L.code == "zh" and typ in OBJECT_TYPES and trig.voice == "agent":
        obj = np_after(L, ctx, te - off, hi - off, trigger_stops(ctx))
        if obj is not None and _is_name(L, ctx, obj[0], obj[1], text[obj[0]:obj[1]], strict=typ == "depart") \
                and not (L.roles is not None and L.roles.search(text, obj[0], obj[1])):
            return text[obj[0]:obj[1]]
    if subj and typ not in ("appoint", "join"):    # a new post's organization is not the old one
        aff = affiliation(L, ctx, subj[0])
        if aff is not None:
            return aff
    if not forward:     # after a departure only its object (辞职 美国股东发起调查: another clause's)
        after = [o for o in after if o[0] - te <= 2 or (L.latin and _object_gap(text[te - off:o[0] - off]))]
    first, second = (after, before[::-1]) if forward else (before[::-1], after)
    for group in (first, second):
        if group:
            return group[0][2]
    if typ in ("depart", "dismiss", "return", "leave_of_absence", "appoint"):
        # not the object of another trigger (A已入职X，B离职: X is 入职's)
        earlier = [o for o in orgs if o[1] <= ts and o[0] >= ctx.sent.char_start
                   and not any(b <= o[0] and ctx.clause_of(a) == ctx.clause_of(o[0]) for a, b in ctx.spans if b <= ts)]
        if earlier:
            return earlier[-1][2]
    if L.code == "zh" and trig.voice == "patient" and typ in ("join", "dismiss", "appoint") \
            and not is_passive(L, ctx.sent, ca, ts):
        # 勒沃库森签下阿米里, 星辰科技解雇了A: the name that does it, right before the trigger
        start = np_start(L, ctx, ts - off, max(0, ca - off), trigger_stops(ctx))
        name = text[start:ts - off].strip()
        if start < ts - off and _is_name(L, ctx, start, ts - off, name) \
                and not any(start < m.char_end - off and m.char_start - off < ts - off for m in ctx.ments):
            return name
    return None


_OBJECT_GAP = re.compile(r"\s*(?:(?:to|at|from|zu|zum|zur|bei|beim|nach|in|into)\s+)?(?:(?:the|der|die|das|den|dem)\s+)?", re.I)


def _object_gap(between: str) -> bool:
    """The text between a Latin-script trigger and an organization is no more than a preposition
    and an article (returned to Disney, verlässt die Allianz): the organization is its object."""
    return _OBJECT_GAP.fullmatch(between) is not None


AFFILIATION_GAP = 4   # characters besides posts and modifiers between an organization and its member
JOINED_GAP = 0        # characters between a join trigger and the organization that is its object
_CLAUSE_BREAK = re.compile(r"[，,;；。:：]")


def affiliation(L: Lang, ctx: SentenceContext, m: Mention) -> str | None:
    """The organization a person is introduced with: OpenAI 前工程负责人 Evan, 家家悦独立董事陈国欣,
    Ilya Sutskever, chief scientist at OpenAI is not read here. None if there is none."""
    off, text = ctx.sent.char_start, ctx.sent.text
    a = m.char_start - off
    cands = [o for o in org_candidates(L, ctx) if o[1] - off <= a and a - (o[1] - off) <= ROLE_GAP + 14]
    if not cands:
        return None
    o = cands[-1]
    if any(o[1] <= x and y <= m.char_start for x, y in ctx.spans):
        return None             # 加入X的A: X is where A went, not where A is
    if any(0 <= o[0] - y <= JOINED_GAP and ctx.types.get((x, y)) == "join" for x, y in ctx.spans):
        return None             # 加入Anthropic的A, 已入职X，A…: the organization joined, not A's own
    between = text[o[1] - off:a]
    if _CLAUSE_BREAK.search(between):
        return None             # X已入职Anthropic，Jeff Wu…: another clause's organization
    for x, y, _r, _o in posts(L, ctx):
        if o[1] - off <= x and y <= a:
            between = between.replace(text[x:y], "")
    for mod in L.role_mods:
        between = between.replace(mod, "")
    rest = re.sub(r"[\s的之、和兼及&/\-–]|\b(?:of|at|der|des|von|and|und)\b", "", between)
    if len(rest) <= (AFFILIATION_GAP if not L.latin else 0) and len(between) <= ROLE_GAP + 14:
        return o[2]
    return None


def title_of(L: Lang, ctx: SentenceContext, m: Mention) -> str | None:
    """The post a person is introduced with right before the name (首席科学家伊利亚, OpenAI 总裁 Greg
    Brockman), or None."""
    off, text = ctx.sent.char_start, ctx.sent.text
    a = m.char_start - off
    got = [p for p in posts(L, ctx) if p[1] <= a and re.fullmatch(r"[\s的“”「」\"]*", text[p[1]:a])]
    return got[-1][2] if got else None


NEW_POST_TYPES = frozenset({"join", "appoint"})


def _former(L: Lang, text: str, x: int) -> bool:
    """The post at ``x`` is marked as a former one, also before the organization it is of (前总裁,
    百度前总裁, 前百度总裁, former OpenAI chief, ehemaliger Chef): not the post an event gives."""
    if L.code == "zh":
        head = text[max(0, x - FORMER_REACH):x]
        k = max(head.rfind("前"), head.rfind("原"))
        if k < 0 or re.search(r"[，,。；;：:、]", head[k:]):
            return False
        return _former_char(text, max(0, x - FORMER_REACH) + k)
    return _FORMER_LATIN.search(text, max(0, x - 40), x) is not None


FORMER_REACH = 8      # characters of an organization name between 前/原 and the post (前百度总裁)
_NOT_FORMER_BEFORE = set("日当目此之以先提眼空")         # 目前, 此前, 提前: time words, not "former"
_NOT_FORMER_AFTER = {"前": "往夕天年景线方面海进锋", "原": "因本来则料先告子平野"}   # 前往, 原因, 前海, 原子
_FORMER_LATIN = re.compile(r"\b(?:former|ex-|ehemalige[rnms]?|frühere[rnms]?)\s*(?:[\w.&\-]+\s+){0,2}$", re.I)


def pick_role(L: Lang, ctx: SentenceContext, typ: str, ts: int, te: int, subj: Sequence[Mention]) -> str | None:
    s, off = ctx.sent, ctx.sent.char_start
    ca, cb = ctx.clause_of(ts)
    lo, hi = _frame(ctx, ts, te)
    ps = posts(L, ctx)

    def within(a: int, b: int) -> list:
        return [(x, y, r) for x, y, r, _ in ps if a <= x and y <= b]

    if typ == "join" and L.latin:
        # hired X as its new CFO, wechselt als Finanzchef zu Y: the post after as/als
        for x, y, r in within(lo - off, hi - off):
            if _AS_POST.search(s.text, max(0, x - 24), x):
                return r
    if typ in ("appoint", "return"):
        # the new post: after the trigger (出任 CEO, named CEO), else between subject and trigger
        # (Anna Keller wurde zur Präsidentin ernannt)
        got = []
        if subj and subj[0].char_start >= te:    # 委任营运总监A为行政总裁: the post after the person
            got = within(subj[-1].char_end - off, hi - off)
        got = got or within(te - off, hi - off)
        if not got and subj and subj[-1].char_end <= ts:
            got = within(subj[-1].char_end - off, ts - off)
        got = [g for g in got if not _former(L, s.text, g[0])]     # 接替他的是原副总裁A: A's old post
        if got:
            return got[0][2]
    if typ != "appoint":
        # the post the trigger names: 辞去首席执行官职务, 辞去X公司董事一职, stepped down as CEO
        got = within(te - off, min(hi - off, te - off + 24))
        if got and typ in NEW_POST_TYPES and _former(L, s.text, got[0][0]):
            got = []            # hired former chief executive X: the post X had
        if got and (L.code != "zh" or re.fullmatch(r"[了其去任\s]*(?:[^，,。；;]{0,16}?(?:的|之)?)?",
                                                   s.text[te - off: got[0][0]])):
            return got[0][2]
    # the first of coordinated subjects carries their shared title (安全团队负责人A和B), and the first
    # mention of the subject in the sentence its own (CEO奥特曼(Sam Altman)被开除)
    keys = {x.person_key for x in subj}
    firsts = [x for x in ctx.ments if x.person_key in keys and x.char_start >= ca][:1] \
        or sorted(subj, key=lambda x: x.char_start)[:1]
    for m in firsts:
        a, b = m.char_start - off, m.char_end - off
        # title before the name: 首席科学家 Ilya / OpenAI 总裁、董事会主席 Greg Brockman / 作为CEO的奥特曼
        lo2 = max(ca - off, a - ROLE_GAP - 12)
        cands = [r for r in within(lo2, a) if a - r[1] <= ROLE_GAP]
        if cands and typ in NEW_POST_TYPES and _former(L, s.text, cands[-1][0]):
            cands = []          # 百度前总裁张亚勤加盟…: the post left behind, not the one taken
        if cands:
            last = cands[-1]
            chain = [last]
            for r in reversed(cands[:-1]):
                if re.fullmatch(r"\s*[、,，和&/]\s*|\s*(?:and|und)\s*", s.text[r[1]:chain[0][0]]):
                    chain.insert(0, r)
                else:
                    break
            return s.text[chain[0][0]:chain[-1][1]] if len(chain) > 1 else last[2]
        # apposition after the name: Ilya Sutskever, chief scientist at ...
        tail = within(b, min(len(s.text), b + ROLE_GAP + 14))
        if tail and re.fullmatch(r"\s*[,，(（]\s*(?:the\s+|der\s+|die\s+|des\s+|ehemaliger\s+|former\s+)?",
                                 s.text[b:tail[0][0]], re.IGNORECASE):
            return tail[0][2]
    return None
