"""Ranges of the dates stage: two time values that bound one stretch (``2014年至2018年``, ``from 3pm
to 5pm``, ``zwischen 4 und 7 Uhr``) become one value ``(start,end,duration)`` as Microsoft
Recognizers-Text writes them, and such a value is read back (its start for events, its interval).

| range | value |
|---|---|
| ``2014年至2018年``, ``2016-2019年`` | ``(2014-01-01,2018-01-01,P4Y)`` |
| ``from March to May 2020`` | ``(2020-03-01,2020-05-01,P2M)`` |
| ``from 2014 through May 2018`` | ``(2014-01-01,2018-05-01,P52M)`` (the finer end decides the unit) |
| ``vom 4. bis 23. Dezember`` | ``(2016-12-04,2016-12-23,P19D)`` |
| ``下午五点一刻到六点`` | ``(T17:15,T18,PT45M)``; past midnight: ``(T17:00,T03:00,PT10H)`` |
| ``the next 3 days`` (see ``interval_from``) | ``(2016-11-08,2016-11-11,P3D)`` |

Each end is written at day precision (a year or a month as its first day), a clock time as the
value gave it. Reads nothing; writes nothing: pure functions of values.
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta

_POINT = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?"
                    r"(?:T(?P<hh>\d\d)(?::(?P<mi>\d\d)(?::(?P<ss>\d\d))?)?)?")
_CLOCK = re.compile(r"T(?P<hh>\d\d)(?::(?P<mi>\d\d)(?::(?P<ss>\d\d))?)?")
RANGE = re.compile(r"\((?P<start>[^,()]+),(?P<end>[^,()]+),(?P<dur>P[^,()]+)\)")
_GRAN = {"y": 0, "m": 1, "d": 2, "hh": 3}


def _parts(v: str) -> tuple[dict, str] | None:
    """A point value's parts and granularity (y, m, d, hh), or None (a duration, a week, a set …)."""
    m = _POINT.fullmatch(v or "") or _CLOCK.fullmatch(v or "")
    if m is None:
        return None
    g = {k: int(x) if x else None for k, x in m.groupdict().items()}
    gran = "hh" if g.get("hh") is not None else "d" if g.get("d") else "m" if g.get("m") else "y"
    return g, gran


def _clock_dur(minutes: int, seconds: int = 0) -> str:
    h, mi = divmod(minutes, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{seconds}S" if seconds else "") \
        if (h or mi or seconds) else "PT0M"


def join(v1: str | None, v2: str | None) -> str | None:
    """The range value from ``v1`` to ``v2`` (two resolved point values), or None when they are not
    two ends of one stretch (different kinds, the end before the start, a clock time and a date).
    A year or month end before the start moves on a year (``8月至2月``: next February); a clock end
    before the start is past midnight."""
    a, b = _parts(v1 or ""), _parts(v2 or "")
    if a is None or b is None:
        return None
    (ga, gra), (gb, grb) = a, b
    if (ga.get("y") is None) != (gb.get("y") is None):        # a clock time and a date
        return None
    if ga.get("y") is None:                                     # two clock times
        s1 = ga["hh"] * 3600 + (ga["mi"] or 0) * 60 + (ga["ss"] or 0)
        s2 = gb["hh"] * 3600 + (gb["mi"] or 0) * 60 + (gb["ss"] or 0)
        if s2 <= s1:
            s2 += 24 * 3600
        mins, secs = divmod(s2 - s1, 60)
        return f"({v1},{v2},{_clock_dur(mins, secs)})"
    if "hh" in (gra, grb):
        if gra != grb:
            return None
        t1 = datetime(ga["y"], ga["m"], ga["d"], ga["hh"], ga["mi"] or 0)
        t2 = datetime(gb["y"], gb["m"], gb["d"], gb["hh"], gb["mi"] or 0)
        if t2 <= t1:
            return None
        return f"({v1},{v2},{_clock_dur(int((t2 - t1).total_seconds()) // 60)})"
    gran = max(gra, grb, key=_GRAN.get)
    y1, m1, d1 = ga["y"], ga["m"] or 1, ga["d"] or 1
    y2, m2, d2 = gb["y"], gb["m"] or 1, gb["d"] or 1
    try:
        start, end = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None
    if end < start and gra == grb == "m" and y1 == y2:
        end = date(y2 + 1, m2, d2)                              # 8月至2月, November to March
    if end <= start:
        return None
    if gran == "y":
        dur = f"P{end.year - start.year}Y"
    elif gran == "m":
        dur = f"P{(end.year - start.year) * 12 + end.month - start.month}M"
    else:
        dur = f"P{(end - start).days}D"
    return f"({start.isoformat()},{end.isoformat()},{dur})"


def interval_from(start: date, n: int, unit: str) -> str | None:
    """``n`` units (D W M Y) from ``start`` on (``the next 3 days`` from the day after the
    reference, ``the last 3 months`` from three months before it): ``(start,end,PnU)``."""
    if unit == "D":
        end = start + timedelta(days=n)
    elif unit == "W":
        end = start + timedelta(weeks=n)
    elif unit in ("M", "Y"):
        k = start.year * 12 + start.month - 1 + (n if unit == "M" else 12 * n)
        y, mo = divmod(k, 12)
        end = date(y, mo + 1, min(start.day, monthrange(y, mo + 1)[1]))
    else:
        return None
    return f"({start.isoformat()},{end.isoformat()},P{n}{unit})"


def split(value: str | None) -> tuple[str, str, str] | None:
    """``(start,end,duration)`` → its three parts; None for any other value."""
    m = RANGE.fullmatch(value or "")
    return (m.group("start"), m.group("end"), m.group("dur")) if m else None


def start_value(value: str | None) -> str | None:
    """The start of a range at the precision its duration counts in (``(2014-01-01,2018-01-01,P4Y)``
    → ``2014``, ``(2018-03-01,2018-05-01,P2M)`` → ``2018-03``, a day or a clock time as written);
    any other value unchanged. Events take this as their date."""
    parts = split(value)
    if parts is None:
        return value
    start, _, dur = parts
    if re.fullmatch(r"P\d+Y", dur) and re.fullmatch(r"\d{4}-01-01", start):
        return start[:4]
    if re.fullmatch(r"P\d+M", dur) and re.fullmatch(r"\d{4}-\d\d-01", start):
        return start[:7]
    return start
