"""The time a date value covers: an ISO 8601 / TIMEX3 value of the ``dates`` or ``events`` table
→ its first and last second, so tables sort and filter by time instead of by text.

Reads and writes nothing: ``interval(value)`` is a pure function; ``tables.py`` calls it to fill
the ``date_start`` / ``date_end`` columns. ``point_of(value)`` is the point events date from.

Both ends are inclusive, to the second, naive (the article's own clock, no time zone):

| value | start | end |
|---|---|---|
| ``2024`` | 2024-01-01 00:00:00 | 2024-12-31 23:59:59 |
| ``2024-05`` | 2024-05-01 00:00:00 | 2024-05-31 23:59:59 |
| ``2024-05-17`` | 2024-05-17 00:00:00 | 2024-05-17 23:59:59 |
| ``2024-05-17T21:43`` | 2024-05-17 21:43:00 | 2024-05-17 21:43:59 |
| ``2024-W20`` (ISO week) | Monday 2024-05-13 00:00:00 | Sunday 2024-05-19 23:59:59 |
| ``2016-W45-WE`` (weekend) | Saturday 00:00:00 | Sunday 23:59:59 |
| ``2024-Q2`` / ``2024-H1`` (TIMEX3; the stage writes these as ranges) | first day of the quarter / half | its last day |
| ``2024-SP`` ``-SU`` ``-FA`` ``-WI`` | meteorological seasons: Mar–May, Jun–Aug, Sep–Nov, Dec–Feb of the next year | |
| ``193`` (decade) | 1930-01-01 00:00:00 | 1939-12-31 23:59:59 |
| ``19`` (century, TIMEX3) | 1900-01-01 00:00:00 | 1999-12-31 23:59:59 |

A range ``(start,end,duration)`` (``ranges``) covers its start's first second up to the second
before its end (``(2014-01-01,2018-01-01,P4Y)``: 2014-01-01 00:00:00 to 2017-12-31 23:59:59, as
Recognizers-Text counts it; the quarter ``(2024-04-01,2024-07-01,P3M)``: April to June); a range of
clock times without a day has none.

Durations (``P3M``), sets (``XXXX-WXX-2``), values with an unknown part (``XXXX-11-17``),
impossible dates (``2024-02-30``) and null have no interval: ``None``.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .ranges import split, start_value

# TIMEX3 season codes → (first month, months covered); winter starts in December of the year named
SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")   # TIMEX3 parts of day: the whole day is given

_ONE_SECOND = timedelta(seconds=1)

_PATTERNS = [   # (name, pattern); the first that matches the whole value decides
    ("century", re.compile(r"(\d{2})")),
    ("decade", re.compile(r"(\d{3})")),
    ("year", re.compile(r"(\d{4})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("day", re.compile(rf"(\d{{4}})-(\d{{2}})-(\d{{2}})(?:T(?:{'|'.join(PARTS_OF_DAY)}))?")),
    ("minute", re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?")),
    ("week", re.compile(r"(\d{4})-W(\d{2})")),
    ("weekday", re.compile(r"(\d{4})-W(\d{2})-([1-7])")),
    ("weekend", re.compile(r"(\d{4})-W(\d{2})-WE")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("season", re.compile(rf"(\d{{4}})-({'|'.join(SEASONS)})")),
]


_PART_OF_DAY = re.compile(rf"(\d{{4}}-\d\d-\d\d)T(?:{'|'.join(PARTS_OF_DAY)})")


def point_of(value: str | None) -> str | None:
    """The point a value dates something from, in the forms events use: a range's start
    (``ranges.start_value``), a day named with its part (``2016-11-07TEV``) as the day; any other
    value unchanged."""
    if not value:
        return value
    m = _PART_OF_DAY.fullmatch(value)
    return m.group(1) if m else start_value(value)


def _months(year: int, month: int, n: int) -> tuple[datetime, datetime]:
    """From the first day of ``month`` to the last second of the ``n``-th month counted from it."""
    start = datetime(year, month, 1)
    last = month + n                      # the month after the interval
    after = datetime(year + (last - 1) // 12, (last - 1) % 12 + 1, 1)
    return start, after - _ONE_SECOND


def _days(first: date, n: int) -> tuple[datetime, datetime]:
    start = datetime(first.year, first.month, first.day)
    return start, start + timedelta(days=n) - _ONE_SECOND


def interval(value: str | None) -> tuple[datetime, datetime] | None:
    """(first second, last second) of the time ``value`` names, both inclusive; None when it names
    no fixed stretch of calendar time (a duration, a set, an unknown year, a vague or null value)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    parts = split(value)
    if parts is not None:
        first, after = interval(parts[0]), interval(parts[1])
        if first is None or after is None or after[0] <= first[0]:
            return None
        return first[0], after[0] - _ONE_SECOND
    for name, pattern in _PATTERNS:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        try:
            return _interval(name, m)
        except ValueError:              # 2024-02-30, week 54, hour 25: no such time
            return None
    return None


def _interval(name: str, m: re.Match) -> tuple[datetime, datetime]:
    n = [int(x) if x and x.isdigit() else x for x in m.groups()]
    if name == "century":
        return _months(n[0] * 100, 1, 1200)
    if name == "decade":
        return _months(n[0] * 10, 1, 120)
    if name == "year":
        return _months(n[0], 1, 12)
    if name == "month":
        return _months(n[0], n[1], 1)
    if name == "day":
        return _days(date(n[0], n[1], n[2]), 1)
    if name == "minute":
        start = datetime(n[0], n[1], n[2], n[3], n[4] or 0)
        return start, start + timedelta(minutes=1 if n[4] is not None else 60) - _ONE_SECOND
    if name in ("week", "weekday", "weekend"):
        first = date.fromisocalendar(n[0], n[1], 1)
        if name == "weekday":
            return _days(first + timedelta(days=n[2] - 1), 1)
        if name == "weekend":
            return _days(first + timedelta(days=5), 2)
        return _days(first, 7)
    if name == "quarter":
        return _months(n[0], 3 * n[1] - 2, 3)
    if name == "half":
        return _months(n[0], 6 * n[1] - 5, 6)
    first_month, months = SEASONS[n[1]]
    return _months(n[0], first_month, months)
