"""Sense and modality of a trigger: blocked inside a longer word (新成立的, 曾担任), negated,
hypothetical, planned or denied in its clause, passive voice. Reads a sentence and a trigger
span with the language's ``Lang``; returns yes or no."""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Mention, Sentence
from ..text import HAN
from .lexicons import Lang

NEAR_CHARS = 3        # "near" negation cues must end this close to the trigger (zh chars / Latin words)
PASSIVE_WINDOW_ZH = 16  # 被 must be this close before a Chinese patient trigger (被董事会罢免)
PASSIVE_WINDOW_EN = 3   # words between an English auxiliary and the participle (was quickly fired)


BLOCK_REACH_ZH = 12   # characters around a trigger searched for a blocker word containing it
BLOCK_REACH_LATIN = 60  # German/English blockers may be separable verbs (kündigte … an = announced)


_COORDINATION = re.compile(r"\s(?:und|aber|sondern|and|but)\s|并且|而且|但是|但|并(?=[" + HAN + "])(?![无未非不没])")


def negated(L: Lang, s: Sentence, ca: int, cb: int, ts: int, te: int) -> bool:
    off = s.char_start
    before = s.text[ca - off: ts - off]
    after = s.text[te - off: cb - off]
    # a demand or a worry governs the clauses after it: 要求特首介入，成立调查委员会
    # (在他的要求下辞职 = at his request: it happened)
    if L.neg.get("sentence") is not None and any(
            not s.text.startswith("下", m.end()) for m in L.neg["sentence"].finditer(s.text, 0, ts - off)):
        return True
    # a coordinated clause has its own polarity: "bestreitet die Vorwürfe und hat Klage eingereicht"
    joins = list(_COORDINATION.finditer(before))
    if joins:
        before = before[joins[-1].end():]
    if L.neg["before"] is not None and L.neg["before"].search(before):
        return True
    if L.neg["near"] is not None:
        for m in L.neg["near"].finditer(before):
            gap = before[m.end():]
            if (len(gap.split()) if L.latin else len(gap.strip())) <= NEAR_CHARS:
                return True
    if L.neg["adjacent"] is not None and any(m.end() == len(before) for m in L.neg["adjacent"].finditer(before)):
        return True
    return bool(L.neg["after"] is not None and L.neg["after"].search(after))


def blocked(L: Lang, s: Sentence, ts: int, te: int) -> bool:
    if L.blockers is None:
        return False
    off = s.char_start
    reach = BLOCK_REACH_LATIN if L.latin else BLOCK_REACH_ZH
    lo, hi = max(0, ts - off - reach), min(len(s.text), te - off + reach)
    for m in L.blockers.finditer(s.text, lo, hi):
        if m.start() + off < te and m.end() + off > ts:
            return True
    return False


def is_passive(L: Lang, s: Sentence, ca: int, ts: int, ments: Sequence[Mention] = ()) -> bool:
    """A passive marker (被, 遭, 把 …; wurde; was) before the trigger in its clause. In Chinese it must
    stand within ``PASSIVE_WINDOW_ZH`` characters, not counting the names of ``ments`` in between
    (把 Maria Kowalski 从 Siemens 挖到)."""
    if L.passive is None:
        return False
    off = s.char_start
    before = s.text[ca - off: ts - off]
    if L.code == "zh":
        def gap(m: re.Match) -> int:
            a = ca + m.end()
            return ts - a - sum(min(x.char_end, ts) - max(x.char_start, a) for x in ments
                                if x.char_start < ts and a < x.char_end)
        return any(gap(m) <= PASSIVE_WINDOW_ZH for m in L.passive.finditer(before))
    if L.code == "de":
        return L.passive.search(before) is not None
    for m in L.passive.finditer(before):
        if len(before[m.end():].split()) <= PASSIVE_WINDOW_EN:
            return True
    return False
