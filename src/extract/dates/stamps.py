"""Absolute date stamps of the dates stage: the publication-date shapes of bylines and date lines
(``2024-05-17 11:05``, ``2024年5月17日 下午2:30``, ``17.05.2024``, ``12. Mär. 2024``,
``May 17, 2024 8:15 PM``) as ISO 8601, for the cleaning stage's date lines and ``published``.

Reads the month names of ``resources/dates_de.txt`` and ``dates_en.txt`` (one list of month names
for the whole package); writes nothing.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..text import alternation
from .rules import lex

_YMD = r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_DMY = r"(?P<d2>\d{1,2})\.\s*(?P<m2>\d{1,2})\.\s*(?P<y2>(?:19|20)\d\d)"


def _time(n: int) -> str:
    """An optional time after a date, with group names H<n>, M<n>, S<n>."""
    return (rf"(?:[\sT,]*(?:um\s+|at\s+)?(?P<P{n}>上午|下午|中午|晚上|凌晨|早上)?\s*(?P<H{n}>[0-2]?\d)"
            rf"\s*[:：时]\s*(?P<M{n}>[0-5]\d)"
            rf"(?:\s*[:：分]\s*(?P<S{n}>[0-5]\d))?(?:\s*(?P<A{n}>[ap]\.?m\b\.?))?)?")


@lru_cache(maxsize=None)
def month_names() -> dict[str, int]:
    """Lower-case German and English month names and abbreviations → month number."""
    return {w.casefold(): int(v) for lang in ("de", "en") for w, v in lex(lang).get("month", {}).items()}


@lru_cache(maxsize=None)
def stamp_patterns() -> tuple[re.Pattern, ...]:
    """The date-stamp patterns: numeric Y-M-D / 年月日, D.M.Y, D Month Y, Month D Y, each with an
    optional time."""
    month_alt = alternation(month_names())
    return (
        re.compile(_YMD + _time(1)),
        re.compile(_DMY + _time(2)),
        re.compile(rf"(?P<d3>\d{{1,2}})\.?\s*(?P<mn3>{month_alt})\.?,?\s+(?P<y3>(?:19|20)\d\d)" + _time(3), re.I),
        re.compile(rf"\b(?P<mn4>{month_alt})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)"
                   rf"\d\d)" + _time(4), re.I),
    )


def stamp_value(mt: re.Match) -> str | None:
    """The ISO value of a ``stamp_patterns`` match (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS]``);
    None for an impossible date (2023年2月30日)."""
    g = {k: v for k, v in mt.groupdict().items() if v is not None}
    y = g.get("y") or g.get("y2") or g.get("y3") or g.get("y4")
    mo = g.get("m") or g.get("m2")
    if mo is None:
        name = (g.get("mn3") or g.get("mn4") or "").casefold().rstrip(".")
        mo = month_names().get(name)
    d = g.get("d") or g.get("d2") or g.get("d3") or g.get("d4")
    try:
        out = date(int(y), int(mo), int(d)).isoformat()
    except (TypeError, ValueError):
        return None
    hh = next((v for k, v in g.items() if k[0] == "H"), None)
    half = next((v.casefold() for k, v in g.items() if k[0] in "PA"), None)
    if hh is not None and half is not None and int(hh) <= 12:
        # 12-hour clock: 下午2:30 / 2:30 PM → 14:30; 12 AM → 00
        pm = half[0] == "p" or half in ("下午", "晚上")
        hh = str(int(hh) % 12 + (12 if pm else 0)) if (pm or half[0] == "a" or half == "凌晨") else hh
    mm = next((v for k, v in g.items() if k[0] == "M"), None)
    ss = next((v for k, v in g.items() if k[0] == "S"), None)
    if hh is not None and mm is not None and int(hh) < 24:
        out += f"T{int(hh):02d}:{mm}" + (f":{ss}" if ss else "")
    return out


def first_stamp(text: str) -> str | None:
    """The ISO value of the earliest date stamp in ``text``, None if there is none."""
    best = None
    for rx in stamp_patterns():
        mt = rx.search(text)
        if mt and (best is None or mt.start() < best.start()):
            best = mt
    return stamp_value(best) if best else None
