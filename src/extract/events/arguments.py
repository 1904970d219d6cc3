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
from .context import SentenceContext
from .lexicons import Lang, Trigger, latin_legal

ROLE_NOT_AFTER_ZH = "会"   # a role word followed by this names a body (董事会), not a post
ROLE_GAP = 8          # characters between a role word and the person it describes (首席科学家 Ilya)


# Latin-script organization shapes: CamelCase (OpenAI, DeepMind), acronyms (IBM, CMU)
_CAMEL = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*|[A-Z]{2,6})(?![A-Za-z])")
_CAP_SEQ = re.compile(r"(?<![A-Za-z\-])[A-Z][A-Za-z&\-]+(?:\s[A-Z][A-Za-z&\-]+)*(?![A-Za-z])")
_HAS_DIGIT = re.compile(r"\d")


def org_candidates(L: Lang, ctx: SentenceContext) -> list[tuple[int, int, str]]:
    if ctx.orgs is not None:
        return ctx.orgs
    s, off = ctx.sent, ctx.sent.char_start
    text = s.text
    taken = [(m.char_start - off, m.char_end - off) for m in ctx.ments]
    found: list[tuple[int, int, str]] = []

    def add(a: int, b: int) -> None:
        while b > a and text[b - 1] in ". ":
            b -= 1
        name = text[a:b].strip()
        if len(name) < 2 or any(a < y and x < b for x, y in taken):
            return
        if any(a < y and x < b for x, y, _ in found):
            return
        found.append((a, b, name))

    if L.orgs is not None:
        for m in L.orgs.finditer(text):
            add(*m.span())
    for m in latin_legal().finditer(text):
        add(*m.span())
    if L.zh_org is not None:
        for m in L.zh_org.finditer(text):
            a, b = m.span()
            seg = text[a:b]
            # trim at the last function character or trigger on the left (他加入了谷歌公司 → 谷歌公司)
            cut = 0
            for k, ch in enumerate(seg):
                if ch in _ZH_STOP:
                    cut = k + 1
            for tm in L.triggers.finditer(seg):
                cut = max(cut, tm.end())
            for w in L.org_cut:
                k = seg.rfind(w)
                if k >= 0:
                    cut = max(cut, k + len(w))
            core = seg[cut:].strip("“”「」\" ")
            stem = core
            for suf in sorted(_zh_suffixes(), key=len, reverse=True):
                if core.endswith(suf):
                    stem = core[: -len(suf)]
                    break
            stem = stem.strip("“”「」\" ")
            if len(stem) < 2 or stem in L.generic or any(stem.startswith(g) and len(g) >= 2 for g in L.generic) \
                    or stem.isdigit():
                continue
            add(a + cut, b)
    for m in _CAMEL.finditer(text):
        if m.group(0) not in L.generic:
            add(*m.span())
    if L.code in ("zh", "en"):
        first = re.match(r"\W*\w+", text)
        for m in _CAP_SEQ.finditer(text):
            a, b = m.span()
            if L.code == "en" and first and a < first.end():
                continue
            if _HAS_DIGIT.search(text[a:b]) or m.group(0) in _EN_STOP or m.group(0) in L.generic:
                continue
            add(a, b)
    roles = L.roles
    out = []
    for a, b, name in sorted(found):
        if roles is not None and roles.fullmatch(name):
            continue
        out.append((a + off, b + off, name))
    ctx.orgs = out
    return out


_ZH_STOP = frozenset("的了在和与及从到向于是被把将由为对给让跟同也都又还就并而或但且其该这那此每各一家个位名已曾")
_EN_STOP = frozenset("""The A An In On At For From To Of And But Or After Before When While As By With This That
These Those He She They We It His Her Their Our Its I You Mr Ms Mrs Dr Prof Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October
November December Last Next Today Yesterday According However Meanwhile Also Then So Now Earlier Later""".split())


@lru_cache(maxsize=None)
def _zh_suffixes() -> tuple[str, ...]:
    return lexicon.orgs()["zh-end"]


def pick_org(L: Lang, ctx: SentenceContext, typ: str, trig: Trigger, ts: int, te: int) -> str | None:
    orgs = org_candidates(L, ctx)
    if not orgs:
        return None
    ca, cb = ctx.clause_of(ts)
    after = [o for o in orgs if o[0] >= ts and o[1] <= cb]   # inside a gapped trigger too (schließt sich X an)
    before = [o for o in orgs if o[1] <= ts and o[0] >= ca]
    if L.code == "de":
        near = sorted(after + before, key=lambda o: min(abs(o[0] - te), abs(ts - o[1])))
        return near[0][2] if near else None
    forward = typ in ("join", "found", "sue", "merge") or trig.flags & {"org"} or typ == "appoint"
    if typ == "join" and trig.voice == "patient":       # 谷歌聘用 A: the hiring org is the subject
        forward = False
    first, second = (after, before[::-1]) if forward else (before[::-1], after)
    for group in (first, second):
        if group:
            return group[0][2]
    if typ in ("depart", "dismiss", "return", "leave_of_absence"):
        earlier = [o for o in orgs if o[1] <= ts]
        if earlier:
            return earlier[-1][2]
    return None


def role_at(L: Lang, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    if L.roles is None:
        return []
    out = []
    for m in L.roles.finditer(text, a, b):
        x, y = m.span()
        if L.latin:
            if x > 0 and text[x - 1].isalpha() and text[x - 1].islower() and L.code == "en":
                continue
            if y < len(text) and text[y].isalpha() and text[y].islower():
                continue
        elif y < len(text) and text[y] in ROLE_NOT_AFTER_ZH:
            continue            # 董事会, 委员会: a body, not a post
        # a modifier right before the role (临时 CEO, interim CEO)
        head = text[max(0, x - 16):x]
        for mod, keep in L.role_mods.items():
            h = head.rstrip()
            if h.endswith(mod) and (not L.latin or len(h) == len(mod) or not h[-len(mod) - 1].isalpha()):
                if keep:
                    x = x - (len(head) - len(h)) - len(mod)
                break
        out.append((x, y, text[x:y]))
    return out


def pick_role(L: Lang, ctx: SentenceContext, typ: str, ts: int, te: int, subj: Sequence[Mention]) -> str | None:
    s, off = ctx.sent, ctx.sent.char_start
    ca, cb = ctx.clause_of(ts)
    if typ in ("appoint", "return"):
        # the new post: after the trigger (出任 CEO, named CEO), else between subject and trigger
        # (Anna Keller wurde zur Präsidentin ernannt)
        got = []
        if subj and subj[0].char_start >= te:    # 委任营运总监A为行政总裁: the post after the person
            got = role_at(L, s.text, subj[-1].char_end - off, cb - off)
        got = got or role_at(L, s.text, te - off, cb - off)
        if not got and subj and subj[-1].char_end <= ts:
            got = role_at(L, s.text, subj[-1].char_end - off, ts - off)
        if got:
            return got[0][2]
    for m in subj[:1]:
        a, b = m.char_start - off, m.char_end - off
        # title before the name: 首席科学家 Ilya / OpenAI 总裁、董事会主席 Greg Brockman / 作为CEO的奥特曼
        lo = max(ca - off, a - ROLE_GAP - 12)
        cands = [r for r in role_at(L, s.text, lo, a) if a - r[1] <= ROLE_GAP]
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
        tail = role_at(L, s.text, b, min(len(s.text), b + ROLE_GAP + 14))
        if tail and re.fullmatch(r"\s*[,，(（]\s*(?:the\s+|der\s+|die\s+|des\s+|ehemaliger\s+|former\s+)?",
                                 s.text[b:tail[0][0]], re.IGNORECASE):
            return tail[0][2]
    if typ != "appoint":
        # the role named with the trigger: 辞去首席执行官职务, stepped down as CEO
        got = role_at(L, s.text, te - off, min(cb - off, te - off + 12))
        if got and (L.code != "zh" or s.text[te - off: got[0][0]].strip() in ("", "了", "其", "去", "任")):
            return got[0][2]
    return None
