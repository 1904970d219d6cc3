"""The driver of the dates stage: candidates of every pattern, the longest valid ones kept, each
resolved by its language's table of named resolvers, then merged with its neighbour.

Reads the sentences it is given (and the date lexicons through the grammar modules); writes
nothing. ``find_dates`` is the stage function the pipeline calls; ``find_dates_in_text`` the
free-text form the public API uses (Traditional Chinese is converted with ``text.to_simplified``).
"""
from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import lru_cache
from types import ModuleType
from typing import Sequence

from ..model import DateMention, Sentence
from ..text import to_simplified
from . import de, en, zh
from .calendar import parse_ref
from .merge import enumerated_year, merge, takes_trailing_hour, trailing_hour
from .rules import LANGUAGES, Rules, named_spans, said_at, tense, told_done, told_in_past
from .shared import Out, State

GRAMMARS: dict[str, ModuleType] = {"zh": zh, "de": de, "en": en}
STRICT_ENV = "EXTRACT_DATES_STRICT"    # set to 1 (the tests do) and a resolver's exception is raised, not skipped
_SENT_SPLIT = re.compile(r"[^。！？!?\n]*[。！？!?\n]+|[^。！？!?\n]+")
# tie order of candidates of equal length and start (earlier wins)
_ORDER = {n: i for i, n in enumerate((
    "yrange", "holiday", "iso", "reldot", "chain", "era", "dmy", "dm", "ordw", "ordm", "mdy", "numdate", "tok", "slash",
    "season", "decade",
    "yearword", "ywords", "ymon", "ym", "mon", "rel", "weekn", "wdd", "dom", "dayof", "wday", "weekend", "set",
    "whole", "qhour", "crange", "dur", "dadj", "clock", "vague", "theunit", "year", "faryear", "enum"))}


@lru_cache(maxsize=None)
def rules(language: str) -> Rules:
    """The compiled rules of ``language`` (zh, de, en)."""
    return GRAMMARS[language].rules()


@lru_cache(maxsize=4096)      # the reference inference and the resolution pass scan the same sentences
def candidates(language: str, text: str) -> tuple[tuple[int, int, str, re.Match], ...]:
    """Every non-empty match of every pattern whose gate hits: (start, end, name, match)."""
    r = rules(language)
    out = []
    low = text.lower() if r.gates else text
    for i, (name, rx) in enumerate(r.patterns):
        gate = r.gates[i] if r.gates else None
        if gate is not None and not gate.search(low):
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), name, m))
    return tuple(out)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \u3000,，":
        s += 1
    while e > s and text[e - 1] in " \u3000,，":
        e -= 1
    return s, e


_SWALLOWED = (ValueError, OverflowError, TypeError, ZeroDivisionError, KeyError, AttributeError, IndexError)


def _resolver(language: str):
    """``resolve(name, match, state)`` for ``language``: its table, and the exceptions of a resolver
    bug skipped (the candidate is dropped) unless ``EXTRACT_DATES_STRICT=1``, as under the tests."""
    table = GRAMMARS[language].RESOLVERS
    if os.environ.get(STRICT_ENV) == "1":
        return lambda name, m, st: table[name](m.groupdict(), m, st)

    def resolve(name: str, m: re.Match, st: State) -> Out | None:
        try:
            return table[name](m.groupdict(), m, st)
        except _SWALLOWED:
            return None
    return resolve


def _select(cands, valid) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping valid candidates, longest first (ties: earlier start, rule order)."""
    taken: list[tuple[int, int, str, re.Match]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0], _ORDER.get(c[2], 99))):
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken) and valid(c[2], c[3]) is not None:
            taken.append(c)
    return sorted(taken, key=lambda c: c[0])


def _sentence_mentions(text: str, cands, resolve, st: State, grammar: ModuleType) -> list[tuple[int, int, Out]]:
    """The resolved, merged mentions of one sentence (local offsets); ``st`` moves on with them."""
    found: list[tuple[int, int, Out]] = []
    hour_after_day = getattr(grammar, "DAY_TAKES_TRAILING_HOUR", False)
    full_stop = getattr(grammar, "full_stop", None)
    named = named_spans(st.language, text)
    for s, e, name, m in _select(cands, lambda name, m: resolve(name, m, replace(st, pos=m.start()))):
        if any(a <= s < b for a, b in named):
            continue                      # 明日大屿, 今日美国: a name holding a time word
        st.pos = m.start()
        r = resolve(name, m, st)
        if r is None:
            continue
        s2, e2 = _strip(text, s, e - r.cut)
        if full_stop is not None and full_stop(text[s2:e2]):
            e2 -= 1
        if e2 <= s2:
            continue
        if hour_after_day and takes_trailing_hour(r):
            r, e2 = trailing_hour(text, s2, e2, r)
        if found:
            found[-1] = enumerated_year(text, found[-1], (s2, e2, r))
            merged = merge(text, found[-1], (s2, e2, r), st.language)
            if merged is not None:
                found[-1] = merged
                if merged[2].type in ("date", "time"):
                    st.note_day(merged[2].point, text[merged[0]:merged[1]])
                if merged[2].point is not None:
                    st.last, st.last_line = merged[2].point, st.line_no
                    if merged[2].point.gran in ("D", "T"):
                        st.last_day = merged[2].point
                continue
        found.append((s2, e2, r))
        if r.type in ("date", "time"):
            st.note_day(r.point, text[s2:e2], text[max(0, s2 - 8):s2])
        if r.point is not None and r.point.m is not None and r.type in ("date", "time"):
            st.before = (e2, r.point)
        if r.point is not None and r.point.y is not None and r.type in ("date", "time") \
                and not ((st.future or st.present) and r.relative
                     and not (r.point.gran in ("D", "T") and said_at(st.language, text, e2))):
            # a planned date is no anchor; the day a thing was said is (A 26日表示，X将…)
            st.last, st.last_line = r.point, st.line_no
            if r.point.gran in ("D", "T"):
                st.last_day = r.point
        if r.explicit_year is not None:
            st.year_ctx = (r.explicit_year, st.line_no, r.point.m if r.point is not None else None)
    return found


def find_dates(sentences: Sequence[Sentence], reference: str | None, language: str) -> list[DateMention]:
    """Time expressions of an article's sentences (document order) with ISO values.

    ``reference`` (YYYY-MM-DD or None) anchors relative expressions; narrative ones follow the
    last resolved date of the article. Offsets are article-level: ``sentence.char_start`` + local.
    """
    lang = language if language in LANGUAGES else "zh" if language is None else "en"
    r = rules(lang)
    resolve = _resolver(lang)
    st = State(parse_ref(reference), lang)
    out: list[DateMention] = []
    for sent in sentences:
        text = sent.text
        if not text or (r.trigger is not None and not r.trigger.search(text)):
            continue
        cands = candidates(lang, text)
        if not cands:
            continue
        st.line_no, st.label, st.sentence, st.before = sent.line_no, sent.label, text, None
        fut_at, st.present = tense(lang, text)
        st.future, st.future_at = fut_at is not None, fut_at if fut_at is not None else len(text)
        st.past = not st.future and told_in_past(lang, text)
        st.done = st.past or told_done(lang, text)
        for s2, e2, res in _sentence_mentions(text, cands, resolve, st, GRAMMARS[lang]):
            out.append(DateMention(sent.sentence_id, text[s2:e2], sent.char_start + s2, sent.char_start + e2,
                                   res.value, res.type, res.relative, res.anchor))
    return out


def _simplified_same_length(text: str) -> str:
    """Traditional → Simplified with OpenCC, character for character where a phrase would change the
    length (offsets must stay)."""
    simp = to_simplified(text)
    if len(simp) == len(text):
        return simp
    return "".join(c2 if len(c2 := to_simplified(c)) == 1 else c for c in text)


def find_dates_in_text(text: str, reference: str | None = None, language: str = "zh") -> list[DateMention]:
    """Time expressions of a free text; offsets into ``text`` (Traditional Chinese is read too)."""
    original = text
    if language == "zh" and text:
        text = _simplified_same_length(text)
    sents = []
    line_no = 1
    for i, m in enumerate(_SENT_SPLIT.finditer(text or "")):
        s = m.group()
        sents.append(Sentence(i, s, m.start(), m.end(), line_no, "content"))
        line_no += s.count("\n")
    found = find_dates(sents, reference, language)
    if text != original:
        found = [replace(d, text=original[d.char_start:d.char_end]) for d in found]
    return found
