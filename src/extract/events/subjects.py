"""Who an event is about: the subject of a trigger in its clause, persons coordinated with it,
comitative co-subjects, relative-clause heads, pronoun antecedents in earlier sentences, and
list items under a header. Reads a ``SentenceContext``; returns person ``Mention``s."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional, Sequence

from ..model import Mention, Sentence
from .arguments import pick_org, pick_role, role_at
from .context import CLAUSE_END, EventCandidate, SentenceContext, person_keys
from .lexicons import Lang, Trigger
from .modality import is_passive
from .phrases import words
from .timing import pick_date

CONJ_GAP = 6          # max characters between two coordinated persons besides the conjunction
SUBJECT_LEAD = 24     # a person this close to a sentence start is its subject (pronoun antecedent)


OWNER_WORDS = 3       # words (an article, a title) between a noun trigger's "of"/"von" and the name
OWNED_TYPES = frozenset({"depart", "dismiss", "appoint", "return", "leave_of_absence", "join"})
CLAUSE_LEAD = 3       # characters before a trigger that still "opens" its clause (并, 将, and)
V2_WORDS = 3          # words (a title) between a German finite verb and its inverted subject
LIST_ITEM_LEAD = 4    # a list item begins with a name within this many characters (bullets, numbers)


AGENT_NOUN = re.compile(r"[人者](?![员士数次])")   # 创办人, 创立者 (not 人员, 人士)
Apposed = Callable[[str], Optional[Mention]]
DEFINITE_REACH = 4     # characters between a pointing determiner and its noun (涉事的, 该名)
AGENT_NOUN_GAP = 2     # characters between an agent noun (创办人) and the name it titles
_ZH_OBLIQUE = re.compile(r"[对向与给跟替把被由和同为][^，。；]{0,1}$")
_PLACE_TAGS = frozenset({"ns", "nt"})
_PREP_BEFORE_PLACE = re.compile(r"[在于从到自往赴对向与和同跟给为由把被]")   # 在北京, 对中国: a place, no subject


def role_before(L: Lang, ctx: SentenceContext, a: int, b: int) -> bool:
    """The text between the trigger and the next person is one title (当选总统 X)."""
    return b > a and any(x == a and y == b for x, y, _r in role_at(L, ctx.sent.text, a, b))


def _non_person_subject(ctx: SentenceContext, a: int, b: int) -> bool:
    """A place or organization word (jieba ns/nt) opens the clause head before the trigger, not
    after a preposition: it is the subject."""
    for w in words(ctx):
        if a <= w[0] and w[1] <= b and w[3] in _PLACE_TAGS:
            lead = ctx.sent.text[max(a, w[0] - 2):w[0]]
            if not _PREP_BEFORE_PLACE.search(lead):
                return True
    return False


_FRAME_AFTER_NAME = re.compile(r"(?:年代|时代|时期|任内|政府|当局|班子|阵营|内阁|政权)")
_ZH_PERSONAL = re.compile(r"[我你您](?!们)")

COMITATIVE_TYPES = frozenset({"join", "found", "sue", "merge"})  # 与 A 共同创立: A is a co-subject


def expand(L: Lang, ctx: SentenceContext, idx: int, direction: int, limit: tuple[int, int]) -> list[Mention]:
    """The mention at idx plus persons coordinated with it (A 和 B、C; A and B)."""
    ms, text, off = ctx.ments, ctx.sent.text, ctx.sent.char_start
    out = [ms[idx]]
    j = idx
    while 0 <= j + direction < len(ms):
        a, b = (ms[j + direction], ms[j]) if direction < 0 else (ms[j], ms[j + direction])
        if not (limit[0] <= ms[j + direction].char_start and ms[j + direction].char_end <= limit[1]):
            break
        between = text[a.char_end - off: b.char_start - off]
        if L.code == "zh" and L.nominal is not None:    # A和知名主播B: the title of the second goes
            between = _strip_titles(L, between)
        if not (L.conj.fullmatch(between) or (len(between) <= CONJ_GAP and L.conj.search(between)
                                               and not CLAUSE_END.search(between.replace(",", "").replace("、", "")))):
            break
        j += direction
        out.append(ms[j])
    return out


def _strip_titles(L: Lang, between: str) -> str:
    """The text between two persons without the titles and short modifiers of the second one
    (和知名FPS主播 → 和)."""
    m = L.conj.search(between)
    if m is None:
        return between
    tail = between[m.end():]
    t = list(L.nominal.finditer(tail))
    if t and t[-1].end() == len(tail) and t[-1].start() <= TITLE_LEAD:
        return between[:m.end()]
    return between


EITHER_OBJECT_GAP = 12   # characters of descriptors between an ``either`` trigger and the person after it
_ZH_OWNER = ("的", "之")   # between a name and a noun use of a patient trigger: the name owns it
TITLE_LEAD = 6        # characters of modifiers before the title of a coordinated person (知名FPS主播)
# a Chinese preposition before a person in the trigger's clause: that person is a recipient, a
# source or a companion, not the one who acts (A向B递交辞呈, A对B表示将离职, 跟随教练B转投)
_ZH_PREP = re.compile(r"(?:[向给对替]|跟随|跟着|随同|陪同)\s*[^，,。；;：:]{0,10}$")


def _after_prep(L: Lang, text: str, pos: int, lo: int = 0) -> bool:
    """A Latin-script name right after a preposition (von Firmengründer Otto Brenner, zu Brenner,
    from co-founder X) names a predecessor, a source or a target, not the one who acts; a
    preposition before ``lo`` (the end of a trigger that holds it: trennt sich von) does not count."""
    return L.prep is not None and L.prep.search(text, max(lo, pos - 60), pos) is not None


def _own_group_before(L: Lang, text: str, pos: int) -> bool:
    """A list item whose name has a word of its own before it after the list comma (、支联会李卓人):
    a person of another group, and so are the items after it; not one more of the same title."""
    k = pos
    while k > 0 and text[k - 1] not in "、，,和与及":
        k -= 1
    return k < pos


def subject(L: Lang, ctx: SentenceContext, trig: Trigger, ts: int, te: int, prev_ctx: Sequence[SentenceContext],
            apposed: Apposed | None = None) -> list[Mention]:
    """The persons an event is about. ``apposed(noun)`` gives the one person the article names right
    after that noun (涉事老师常某), for an unnamed subject with a determiner that points back."""
    subj = _subject_core(L, ctx, trig, ts, te, prev_ctx, apposed)
    if subj and trig.type in COMITATIVE_TYPES and trig.voice == "agent" and L.comitative is not None:
        # 2017年与李卫东共同创立 / gemeinsam mit Jan Seidel gegründet: the one named with 与/mit is a
        # co-subject; the subject is the person before (or a pronoun's antecedent)
        s, ms, off = ctx.sent, ctx.ments, ctx.sent.char_start
        first = min(subj, key=lambda m: m.char_start)
        ca = ctx.clause_of(ts)[0]
        if first.char_end <= ts and L.comitative.search(s.text, max(ca, first.char_start - 24) - off,
                                                         first.char_start - off):
            lead = [i for i, m in enumerate(ms) if m.char_end <= first.char_start
                    and m.person_key not in person_keys(subj)]
            extra = expand(L, ctx, lead[-1], -1, (s.char_start, first.char_start)) if lead else (
                _antecedent(L, prev_ctx) if L.pronoun is not None and prev_ctx
                and L.pronoun.search(s.text[:first.char_start - off]) else [])
            return extra + subj
    return subj


def _subject_core(L: Lang, ctx: SentenceContext, trig: Trigger, ts: int, te: int,
                  prev_ctx: Sequence[SentenceContext], apposed: Apposed | None = None) -> list[Mention]:
    s, ms, off = ctx.sent, ctx.ments, ctx.sent.char_start
    ca, cb = ctx.clause_of(ts)
    # a name inside a time or a government phrase (梁振英年代, 林郑政府) is nobody's subject
    framed = {i for i, m in enumerate(ms) if L.code == "zh" and _FRAME_AFTER_NAME.match(s.text, m.char_end - off)}
    before = [i for i, m in enumerate(ms) if ca <= m.char_start and m.char_end <= ts and i not in framed]
    after = [i for i, m in enumerate(ms) if te <= m.char_start and m.char_end <= cb and i not in framed]
    if L.owner is not None and after and trig.type in OWNED_TYPES and "succeed" not in trig.flags \
            and (L.code != "de" or s.text[ts - off].isupper()) and (o := L.owner.match(s.text, te - off)) is not None \
            and len(s.text[o.end():ms[after[0]].char_start - off].split()) <= OWNER_WORDS:
        return expand(L, ctx, after[0], +1, (te, cb))      # der Weggang von X, the resignation of X
    if L.latin:     # (a name right before a noun trigger is its owner: von Schumanns Rücktritt)
        noun = s.text[ts - off].isupper()
        before = [i for i in before if (noun and ts - ms[i].char_end <= 1) or not _after_prep(L, s.text, ms[i].char_start - off)]
        after = [i for i in after if not _after_prep(L, s.text, ms[i].char_start - off, te - off)]
    if L.relative is not None and L.relative.match(s.text, ca - off) and ca > s.char_start:
        # X, der … zurücktrat / X, who resigned: the subject is the head before the relative clause
        head_ms = [i for i, m in enumerate(ms) if m.char_end <= ca]
        if head_ms:
            return expand(L, ctx, head_ms[-1], -1, (s.char_start, ca))
        if L.pronoun is not None and prev_ctx and L.pronoun.search(s.text[:ca - off]):
            return _antecedent(L, prev_ctx)
        return []
    if L.code == "zh" and AGENT_NOUN.match(s.text, te - off):
        # 创办人郑经翰, 创立者: the person named right after the agent noun, else nobody named
        # (only the list members joined to it directly: 创办人A和B, not the next items of a list of
        # persons each with their own group, 创办人黎智英、支联会李卓人、民主党杨森)
        nxt = [i for i in after if ms[i].char_start - te <= AGENT_NOUN_GAP]
        if not nxt:
            return []
        listed = expand(L, ctx, nxt[0], +1, (te, cb))
        cut = next((k for k, m in enumerate(listed) if k and _own_group_before(L, s.text, m.char_start - off)), len(listed))
        return listed[:cut]
    if L.code == "zh" and "elect" in trig.flags and after \
            and role_before(L, ctx, te - off, ms[after[0]].char_start - off):
        return expand(L, ctx, after[0], +1, (te, cb))      # 当选总统穆利诺: the president-elect
    if L.code == "zh" and trig.voice == "agent":
        before = [i for i in before if not _ZH_PREP.search(s.text, max(ca - off, ms[i].char_start - off - 12),
                                                               ms[i].char_start - off)]
        if "either" in trig.flags and not before and after \
                and ms[after[0]].char_start - te <= EITHER_OBJECT_GAP:
            return expand(L, ctx, after[0], +1, (te, cb))   # 俱乐部正式签约球员林书豪: the one signed
    if trig.voice == "patient" and (trig.key.endswith((" by", " von")) or not is_passive(L, s, ca, ts, ms)):
        # (succeeded by X: the "by" of the trigger names X, whatever passive stands before it)
        if L.code == "zh" and _ZH_PERSONAL.match(s.text, te - off):
            return []           # 委任我: the one appointed is the speaker, not a named person
        if after:
            return expand(L, ctx, after[0], +1, (te, cb))
        # (卡瓦纳的任命: the name that owns a noun use is the one appointed)
        if before and (L.code != "zh" or "undergoer" in trig.flags
                       or s.text[ms[before[-1]].char_end - off:ts - off] in _ZH_OWNER):
            return expand(L, ctx, before[-1], -1, (ca, ts))
        return _included(L, ctx, cb)
    # (fired its top executives, including CEO X: the persons the next clause lists)
    # a cleft after the trigger: 接替他的是原副总裁A, 出任CEO的将是A (the one named after 的是)
    if after and L.code == "zh":
        mid = s.text[te - off: ms[after[0]].char_start - off]
        if _ZH_CLEFT.fullmatch(mid):
            return expand(L, ctx, after[0], +1, (te, cb))
    # relative clause head after the trigger: 加入 X 的 A, 最近请长假休息的总裁 A
    # (not after a succession verb: 接替因病辞职的 A = A is the predecessor)
    if after and L.code == "zh" and "succeed" not in trig.flags:
        mid = s.text[te - off: ms[after[0]].char_start - off]
        if _ZH_RELATIVE.fullmatch(mid):
            return expand(L, ctx, after[0], +1, (te, cb))
    if before:
        return expand(L, ctx, before[-1], -1, (ca, ts))
    head = s.text[:ts - off]
    clause_head = s.text[ca - off: ts - off]
    if "near" in trig.flags:        # 代理/署理 also open titles (代理董事长 X): the doer must stand right before
        return []
    # German verb-second after a fronted adverbial: the subject follows the finite verb
    # (Kommissarisch übernimmt Vorstand Stefan Kühn die Führung)
    if L.code == "de" and after and s.text[ts - off].islower() and not (L.pronoun is not None and L.pronoun.search(clause_head)) \
            and len(s.text[te - off: ms[after[0]].char_start - off].split()) <= V2_WORDS:
        return expand(L, ctx, after[0], +1, (te, cb))
    return _earlier_subject(L, ctx, ts, framed, clause_head, head, prev_ctx, apposed)


_INCLUDING = re.compile(r"[\s,，、]*(?:(?:including|among them|such as|namely|darunter|unter ihnen)\b|"
                        r"其中包括|包括|其中有)", re.I)


def _included(L: Lang, ctx: SentenceContext, cb: int) -> list[Mention]:
    """The persons of the clause after ``cb`` when it opens with an inclusion cue (, including CEO X
    and Y; ，包括A和B): the members of the group a trigger's object names."""
    s, ms, off = ctx.sent, ctx.ments, ctx.sent.char_start
    if cb >= s.char_end or not _INCLUDING.match(s.text, cb - off):
        return []
    nb = ctx.clause_of(cb + 1)[1] if cb + 1 < s.char_end else s.char_end
    inside = [i for i, m in enumerate(ms) if cb <= m.char_start and m.char_end <= nb]
    return expand(L, ctx, inside[0], +1, (cb, nb)) if inside else []


def _earlier_subject(L: Lang, ctx: SentenceContext, ts: int, framed: set, clause_head: str, head: str,
                     prev_ctx: Sequence[SentenceContext], apposed: Apposed | None = None) -> list[Mention]:
    """A trigger with no person of its own clause: the subject of an earlier clause of the sentence,
    unless the clause names another subject (a group, an unnamed person, 我/您, a place or an
    organization); else a pronoun's antecedent in the previous sentences."""
    s, ms, off = ctx.sent, ctx.ments, ctx.sent.char_start
    ca, _cb = ctx.clause_of(ts)
    # an earlier clause of the sentence (unless a plural subject stands in between)
    if L.group is not None and any(not clause_head[g.end():].lstrip().startswith("的")
                                   for g in L.group.finditer(clause_head)):
        return _included(L, ctx, _cb)   # 多名高管相继离职，其中包括A和B: the members named
    # an unnamed subject in the trigger's own clause (涉事的老师…被停职): not a named person before it;
    # after a determiner that points back, the person the article names with that noun (涉事老师常某)
    unnamed = [n for n in L.nominal.finditer(clause_head) if _NOMINAL_SUBJECT.match(clause_head, n.end()) is not None
               and not _NOMINAL_OBLIQUE.search(clause_head, 0, n.start())] if L.nominal is not None else []
    if unnamed:
        n = unnamed[-1]
        if apposed is not None and L.definite is not None and re.search(
                rf"(?:{L.definite.pattern})[的名位]?$", clause_head[max(0, n.start() - DEFINITE_REACH):n.start()]):
            named = apposed(n.group(0))
            if named is not None:
                at = ca + n.start()
                return [replace(named, sentence_id=s.sentence_id, char_start=at, char_end=at + len(n.group(0)))]
        return []
    # 祝贺您当选 / 我加入: a first or second person is the subject, not a name of an earlier clause
    if L.code == "zh" and _ZH_PERSONAL.search(clause_head):
        return []
    # a place, a country or an organization is the clause's subject (东帝汶加入东盟, 俄方已组建)
    if L.code == "zh" and _non_person_subject(ctx, ca - off, ts - off):
        return []
    earlier = [i for i, m in enumerate(ms) if m.char_end <= ca and i not in framed]
    if L.code == "zh":          # 对董建华…不满: a name after a preposition is no subject
        earlier = [i for i in earlier if not _ZH_OBLIQUE.search(s.text, max(0, ms[i].char_start - off - 2),
                                                                  ms[i].char_start - off)]
    if L.latin:
        earlier = [i for i in earlier if not _after_prep(L, s.text, ms[i].char_start - off)]
    # a singular pronoun opening the trigger's clause refers to the sentence's subject, not to the
    # last name before it (马道立将退休，并已知会林郑月娥，他将于当日离任: 马道立)
    if earlier and L.code == "zh" and L.pronoun is not None and L.pronoun.match(clause_head.lstrip()) \
            and ms[earlier[0]].char_start - s.char_start <= SUBJECT_LEAD:
        return expand(L, ctx, earlier[0], -1, (s.char_start, ca))
    if earlier:
        return expand(L, ctx, earlier[-1], -1, (s.char_start, ca))
    # a singular pronoun: the first person of the previous sentence
    if L.pronoun is not None and prev_ctx and L.pronoun.search(head):
        return _antecedent(L, prev_ctx)
    return []


def _antecedent(L: Lang, prev: Sequence[SentenceContext]) -> list[Mention]:
    """The person a sentence-initial pronoun refers to: the subject of the nearest earlier sentence
    that has one (a sentence that itself starts with a pronoun passes the chain on)."""
    for c in prev:
        lead = c.ments[0] if c.ments else None
        if lead is not None and lead.char_start - c.sent.char_start <= SUBJECT_LEAD:
            return [lead]
        m = L.pronoun.match(c.sent.text.lstrip()) if L.pronoun is not None else None
        if m is not None:
            continue
        return [lead] if lead is not None else []
    return []


# a person noun that is the subject (not 员工的, a modifier), outside a prepositional phrase (在员工的簇拥下)
_NOMINAL_SUBJECT = re.compile(r"(?!的|们的)")
_NOMINAL_OBLIQUE = re.compile(r"[在被向对与和给让由把从跟同]")

_ZH_CLEFT = re.compile(r"[^,，。;；:：]{0,12}的(?:人)?(?:将|会|则|就)?是[^,，。;；:：]{0,10}")
# trigger … 的 … name, with no verb of saying or copula in between: the name heads a relative clause
_ZH_RELATIVE = re.compile(r"[^,，。;；:：是说称表示的]{0,12}的[^,，。;；:：是说称表示的]{0,10}")


def opens_next_clause(L: Lang, ctx: SentenceContext, last: EventCandidate, ca: int, ts: int) -> bool:
    """The trigger opens the clause right after the one of the event before it, with no person of
    its own in between (…加盟对手宝德金融，出任营运总裁)."""
    if last.start >= ca or any(last.end <= m.char_start < ts for m in ctx.ments):
        return False
    if last.type not in ("join", "return", "appoint"):
        return False
    prev_clause = ctx.clause_of(last.start)
    head = ctx.sent.text[ca - ctx.sent.char_start: ts - ctx.sent.char_start]
    return prev_clause[1] == ca and len(head.strip()) <= CLAUSE_LEAD


def list_items(L: Lang, body: Sequence[Sentence], k: int, trig: Trigger, typ: str, header: Sentence,
                ts: int, te: int, ctx_of, heading: dict) -> list[EventCandidate]:
    """One event per list item after a header that ends with a colon; an item begins with a name."""
    hctx = ctx_of(header)
    org = pick_org(L, hctx, typ, trig, ts, te)
    hdate = pick_date(hctx, ts, te, L) or heading.get(header.sentence_id)
    out, seen_line = [], header.line_no
    for s in body[k + 1:]:
        if s.line_no == seen_line:
            continue              # later sentences of an item line
        ctx = ctx_of(s)
        lead = ctx.ments[0] if ctx.ments else None
        if lead is None or lead.char_start - s.char_start > LIST_ITEM_LEAD:
            break
        seen_line = s.line_no
        persons = person_keys(expand(L, ctx, 0, +1, (s.char_start, s.char_end)))
        role = pick_role(L, ctx, typ, s.char_start, s.char_start, [lead])
        out.append(EventCandidate(typ, persons, org, role, hdate, header.text[ts - header.char_start: te - header.char_start],
                         s, s.char_start, s.char_start, s.text, 0.0, ["header"]))
    return out
