"""Calendar and number helpers of the dates stage: resolved points, shifting them, holidays,
clock values, numerals and ISO durations.

Reads nothing but the date lexicons (through ``rules.lookup``, for number words); writes nothing.
Pure functions of their arguments.
"""
from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .. import lexicon
from .rules import lookup

YEAR_MIN, YEAR_MAX = 1900, 2099   # a bare 4-digit number is read as a year only in this range
REFERENCE_YEARS = (1000, 8999)    # a reference outside these years is refused: offsets of up to 1000 units from it
                                  # must stay inside the calendar (datetime's years 1–9999)
WEEKDAY_WINDOW = (-4, 2)          # a bare weekday is the nearest one in this window around the anchor (past bias)
PAST_WEEKDAY = (-6, 0)            # … in a sentence told in the past: the last one (hat am Montag ernannt)

GRAN = {"Y": 0, "M": 1, "D": 2, "T": 3}        # granularity order of a resolved point
UNIT_GRAN = {"C": "Y", "10Y": "Y", "Y": "Y", "Q": "M", "M": "M", "W": "D", "D": "D", "H": "D", "MIN": "D", "S": "D"}


# --------------------------------------------------------------------------- numbers

_CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_TENS = {"廿": "二十", "卅": "三十"}


def cn_number(s: str) -> float | None:
    """Arabic or Chinese numeral → number (``二十三`` 23, ``廿一`` 21, ``二〇二三`` 2023, ``3.5``); None if not one."""
    s = s.strip()
    if not s:
        return None
    try:
        return float(s) if "." in s else int(s)
    except ValueError:
        pass
    if s[0] in _CN_TENS:                                    # 廿一 = 21, 卅 = 30
        s = _CN_TENS[s[0]] + s[1:]
    if all(c in _CN_DIGIT for c in s) and len(s) > 1:      # digit by digit: 二〇二三
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            cur = _CN_DIGIT[c]
        elif c in _CN_UNIT:
            total += (cur or 1) * _CN_UNIT[c]
            cur = 0
        else:
            return None
    return total + cur


_COMPOUND_SEPS = ("und", "-", " ")     # einundzwanzig, twenty-one, twenty one


def num(language: str, s: str) -> float | None:
    """A numeral or a number word of ``language`` (``drei``, ``twenty-one``) → number."""
    s = s.strip()
    n = cn_number(s)
    if n is not None:
        return n
    v = lookup(language, "number", s, fold=True)
    if v is None and language != "zh":
        low = s.casefold()
        for sep in _COMPOUND_SEPS:
            if sep in low:
                a, _, b = low.partition(sep)
                x, y = lookup(language, "number", a, True), lookup(language, "number", b, True)
                if x and y:
                    return float(x) + float(y)
    return float(v) if v is not None else None


def fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(n: float | None, unit: str) -> str | None:
    """``n`` units as an ISO duration (``P3Y``, ``PT1.5H``; centuries, decades, quarters in years/months)."""
    if n is None:
        return None
    if unit == "C":
        n, unit = n * 100, "Y"
    elif unit == "10Y":
        n, unit = n * 10, "Y"
    elif unit == "Q":
        n, unit = n * 3, "M"
    if unit == "Y" and n == 0.5:
        return "P6M"
    if unit in ("H", "MIN", "S"):
        return f"PT{fmt_num(n)}{'M' if unit == 'MIN' else unit}"
    return f"P{fmt_num(n)}{unit}"


# --------------------------------------------------------------------------- resolved points

@dataclass(frozen=True)
class Point:
    """A resolved calendar point; ``gran`` is Y, M, D or T (time of day)."""
    y: int | None
    m: int | None = None
    d: int | None = None
    hh: int | None = None
    mi: int | None = None
    gran: str = "Y"

    def iso(self) -> str:
        y = f"{self.y:04d}" if self.y is not None else "XXXX"
        if self.gran == "Y":
            return y
        if self.gran == "M":
            return f"{y}-{self.m:02d}"
        out = f"{y}-{self.m:02d}-{self.d:02d}"
        if self.gran == "T":
            out += f"T{self.hh:02d}:{self.mi or 0:02d}"
        return out

    def as_date(self) -> date | None:
        if self.y is None:
            return None
        try:
            return date(self.y, self.m or 1, self.d or 1)
        except ValueError:
            return None


def from_date(d: date, gran: str = "D") -> Point:
    return Point(d.year, d.month, d.day, gran=gran)


def parse_ref(reference: str | None) -> date | None:
    """``YYYY-MM-DD…`` → date; None if absent, not a date, or outside ``REFERENCE_YEARS``."""
    if not reference:
        return None
    try:
        d = date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None
    return d if REFERENCE_YEARS[0] <= d.year <= REFERENCE_YEARS[1] else None


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def leap_year(y: int, step: int) -> int:
    """``y`` or the nearest leap year from it in direction ``step`` (a 29 February without a year)."""
    while not is_leap(y):
        y += step
    return y


def shift(p: Point, n: float, unit: str) -> Point | None:
    """``p`` moved by ``n`` units, kept at the coarser of p's and the unit's granularity."""
    if p.y is None:
        return None
    n = int(n)
    gran = p.gran if GRAN[p.gran] <= GRAN[UNIT_GRAN.get(unit, "D")] else UNIT_GRAN.get(unit, "D")
    if unit in ("C", "10Y", "Y"):
        y = p.y + n * (100 if unit == "C" else 10 if unit == "10Y" else 1)
        d = 28 if p.m == 2 and p.d == 29 and not is_leap(y) else p.d
        return Point(y, p.m, d, p.hh, p.mi, gran)
    if unit in ("M", "Q"):
        y, m = add_months(p.y, p.m or 1, n * (3 if unit == "Q" else 1))
        d = min(p.d, monthrange(y, m)[1]) if p.d else p.d
        return Point(y, m, d, p.hh, p.mi, gran)
    base = p.as_date()
    if base is None:
        return None
    days = {"W": 7, "D": 1}.get(unit)
    if days is None:          # hours, minutes: day-level arithmetic is enough for an anchor
        hours = n if unit == "H" else n / 60 if unit == "MIN" else n / 3600
        start = (p.hh or 0) + (p.mi or 0) / 60
        nd = base + timedelta(hours=start + hours)
        if p.gran == "T":
            tot = start * 60 + hours * 60
            dd = base + timedelta(minutes=tot)
            return Point(dd.year, dd.month, dd.day, int(tot // 60) % 24, int(tot % 60), "T")
        if gran in ("D", "T"):
            return Point(nd.year, nd.month, nd.day, gran=gran)
        return Point(nd.year, nd.month, gran=gran)
    nd = base + timedelta(days=days * n)
    if gran == "Y":
        return Point(nd.year)
    if gran == "M":
        return Point(nd.year, nd.month, gran="M")
    return Point(nd.year, nd.month, nd.day, p.hh, p.mi, "T" if p.gran == "T" else "D")


def ago(ref: date, n: float, unit: str) -> Point | None:
    """``n`` units before the reference date, at the unit's granularity (hours: the day they fall on,
    counted from the reference day's noon)."""
    if unit in ("H", "MIN", "S"):
        hours = n if unit == "H" else n / 60 if unit == "MIN" else n / 3600
        return from_date(ref - timedelta(days=int((hours + 12) // 24)))
    if not float(n).is_integer():
        return None
    p = shift(from_date(ref), -n, unit)
    if p is None:
        return None
    gran = UNIT_GRAN[unit]
    return Point(p.y, p.m if gran != "Y" else None, p.d if gran == "D" else None, gran=gran)


def weekday_near(base: date, wd: int, lo: int = WEEKDAY_WINDOW[0], hi: int = WEEKDAY_WINDOW[1]) -> date:
    """The day with ISO weekday ``wd`` in ``base + [lo, hi]`` days (``base`` itself if none)."""
    for k in range(lo, hi + 1):
        cand = base + timedelta(days=k)
        if cand.isoweekday() == wd:
            return cand
    return base


def iso_week(d: date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


# --------------------------------------------------------------------------- holidays

def easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mo, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, mo, day + 1)


def holiday_date(spec: str, y: int) -> date | None:
    """Date of a holiday spec (``12-25``, ``E+49``, ``11:4:4+1``, lunar ``L08-15``, ``L01-01-1``) in
    year ``y`` (a lunar holiday of the lunar year that begins in ``y``)."""
    try:
        if spec.startswith("L"):
            mo, dd, *shift_days = spec[1:].split("-")
            day = lunar_to_solar(y, int(mo), int(dd))
            return day - timedelta(days=int(shift_days[0])) if day and shift_days else day
        if spec.startswith("E"):
            return easter(y) + timedelta(days=int(spec[1:]))
        if ":" in spec:
            rule, _, plus = spec.partition("+")
            mo, wd, k = (int(x) for x in rule.split(":"))
            if k > 0:
                first = date(y, mo, 1)
                d = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (k - 1))
            else:
                last = date(y, mo, monthrange(y, mo)[1])
                d = last - timedelta(days=(last.isoweekday() - wd) % 7)
            return d + timedelta(days=int(plus or 0))
        mo, dd = spec.split("-")
        return date(y, int(mo), int(dd))
    except ValueError:
        return None


# --------------------------------------------------------------------------- the lunisolar calendar

@lru_cache(maxsize=None)
def _lunar_years() -> dict[int, tuple[date, int, tuple[int, ...]]]:
    """``resources/dates_lunar.txt``: lunar year → (its first day, leap month, month lengths)."""
    out = {}
    for y, first, leap, lengths in lexicon.rows("dates_lunar.txt", 4, 4):
        out[int(y)] = (date.fromisoformat(first), int(leap), tuple(int(n) for n in lengths.split()))
    return out


def lunar_to_solar(y: int, m: int, d: int, leap: bool = False) -> date | None:
    """The Gregorian date of lunar year ``y``, month ``m`` (the leap month with ``leap``), day ``d``
    (农历二〇二〇年十月初一 → 2020-11-15); None outside the table or for a day the month lacks."""
    row = _lunar_years().get(y)
    if row is None or not 1 <= m <= 12:
        return None
    first, leap_month, lengths = row
    if leap and m != leap_month:
        return None
    i = m - 1 + (1 if leap_month and (m > leap_month or leap) else 0)
    if not 1 <= d <= lengths[i]:
        return None
    return first + timedelta(days=sum(lengths[:i]) + d - 1)


# --------------------------------------------------------------------------- clock times

def apply_time(p: Point, hh: int | None, mi: int | None, part: str | None) -> Point:
    """``p`` at a clock time (``part``: am, pm, noon, mid); unchanged if ``p`` is coarser than a day."""
    if part == "noon" and hh is None:
        hh, mi = 12, 0
    elif part == "mid" and hh is None:
        hh, mi = 0, 0
    if hh is None or p.gran in ("Y", "M") or p.y is None and p.m is None:
        return p
    if part in ("pm",) and hh < 12:
        hh += 12
    if part == "noon" and hh < 6:
        hh += 12
    if hh > 24 or (mi or 0) > 59:
        return p
    return Point(p.y, p.m, p.d, hh % 24, mi or 0, "T")


def clock_value(hh: int | None, mi: int | None, part: str | None) -> str | None:
    """A clock time as ``THH`` / ``THH:MM`` (``part``: am, pm, noon, mid); None if not a time."""
    if hh is None:
        if part == "noon":
            return "T12:00"
        if part == "mid":
            return "T00:00"
        return None
    if part == "pm" and hh < 12:
        hh += 12
    if part == "noon" and hh < 6:
        hh += 12
    if part == "am" and hh == 12:
        hh = 0
    if hh > 24 or (mi or 0) > 59:
        return None
    return f"T{hh % 24:02d}:{mi:02d}" if mi is not None else f"T{hh % 24:02d}"
