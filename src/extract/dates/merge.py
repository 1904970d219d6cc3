"""The merge step of the dates stage: adjacent mentions that make one expression become one.

A day and a clock time in either order (``tomorrow 8:00am``, ``Dienstag, 14 Uhr``, ``3pm today``,
``2010.01.29晚上六点``), a weekly set and a time (``每周一下午八点``), durations in sequence
(``一年又三个月``, ``1 hour and 30 minutes``), a duration and a day (``3 days after January 12th``),
a week and a weekday (``next week Tuesday``), a bare hour after a day (``last night at 8``), and the
two ends of a range (``2014年至2018年``, ``from March to May 2020``, ``zwischen 2007 und 2009``: one
mention valued ``(start,end,duration)``, see ``ranges``; its words are the lexicon categories
``rangeopen``, ``rangelink`` and ``rangeclose``). Reads the date lexicons; writes nothing: pure
functions of the sentence and two resolved mentions.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .calendar import Point, fmt_num, shift
from .ranges import join, split
from .rules import alt, lex, lookup
from .shared import Out

Span = tuple[int, int, Out]

_TRAILING_HOUR = re.compile(r"\s*,?\s*(?:at|around|about|by|um|gegen)\s+(?:(1[0-2]|0?[1-9])|(2[0-3]|1\d|0?\d)"
                            r"\.([0-5]\d))"
                            r"(?![\w:%]|[.,]\d|\s*(?:%|percent|per\b|Prozent|Uhr|[ap]\.?\s?m\b|o'?clock|euros?\b|"
                            r"dollars?\b|pounds?\b|points?\b|cents?\b|[$€£])"
                            r"|\s+in\s+the\s+(?:morning|afternoon|evening)\b|\s+at\s+night\b)", re.I)
_WEEKLY_SET = re.compile(r"XXXX-WXX-\d")
_JOIN_TIME = re.compile(r"\s*(?:,|，|@|at|on|um|gegen|around|by|before|after|vor|nach|ab|(?:no |not )?(?:later|"
                        r"earlier) than|or (?:later|earlier)(?: on)?)?\s*(?:,\s*)?", re.I)
_JOIN_DUR = re.compile(r"\s*(?:又|零|,|and|und)?\s*", re.I)
_EVENING = re.compile(r"(?i)\b(?:night|evening|abends?|nachts?|afternoon|nachmittags?|tonight|spätabends)\b|晚|夜|下午")
_AMPM = re.compile(r"(?i)[ap]\.?\s?m\b|uhr|[上下]午|凌晨|早|晚")
_DUR_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_DUR_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
_DUR_BOUND = re.compile(r"(?i)(?:less|more|fewer|at least|at most|up to|about|around|nearly|almost|over|under|"
                        r"weniger|mehr|fast|knapp|rund|etwa)\b")
_OFFSET_LINK = re.compile(r"(?i)\b(after|before|from|nach|vor)\s*$")
_OFFSET_HEAD = re.compile(r"(?i)(after|before|from|nach|vor)\b")
_OFFSET_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "TH": "H", "TM": "MIN", "TS": "S"}
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d\d)")
_JOIN_WEEK = re.compile(r"\s*(?:,|-|–|on|of|am|on the|of the)?\s*", re.I)
_WEEKDAY_ZH = r"(?:周|星期|礼拜)([一二三四五六日天])"
_ZH_WEEKDAY = re.compile(_WEEKDAY_ZH)
_BRACKETED_WEEKDAY = re.compile(rf"\s?[（(]\s?{_WEEKDAY_ZH}\s?[)）]")


def takes_trailing_hour(r: Out) -> bool:
    """A day (or a weekly set) that a bare hour after it may complete."""
    return (r.point is not None and r.point.gran == "D" and r.type == "date"
            or r.type == "set" and bool(_WEEKLY_SET.fullmatch(r.value or "")))


def trailing_hour(text: str, s: int, e: int, r: Out) -> tuple[Out, int]:
    """A day (or a weekly set) followed by a bare hour: ``last night at 8`` → 20:00, ``Friday the 26th at 4``,
    ``Monday at 2.30``, ``Thursdays at 17.30`` (H.MM only here: alone it is a price or a score)."""
    m = _TRAILING_HOUR.match(text, e)
    if m is None:
        return r, e
    h, mi = (int(m.group(1)), 0) if m.group(1) else (int(m.group(2)), int(m.group(3)))
    if h < 12 and _EVENING.search(text[s:e]):
        h += 12
    if r.type == "set":                           # Thursdays at 17.30
        return replace(r, value=f"{r.value}T{h:02d}:{mi:02d}"), m.end()
    p = Point(r.point.y, r.point.m, r.point.d, h, mi, "T")
    return replace(r, value=p.iso(), type="time", point=p), m.end()


def dur_parts(v: str) -> dict[str, float] | None:
    """``P1Y3M`` → {Y: 1, M: 3}; ``PT1H30M`` → {TH: 1, TM: 30}; None if not a duration."""
    m = re.fullmatch(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?", v or "")
    if not m or not (m.group(1) or m.group(2)):
        return None
    out = {u: float(n) for n, u in _DUR_PART.findall(m.group(1) or "")}
    out.update({"T" + u: float(n) for n, u in _DUR_PART.findall(m.group(2) or "")})
    return out


def _offset(text: str, prev: Span, cur: Span) -> Span | None:
    """A duration before a day, joined by after / before / from: ``3 days after January 12th``,
    ``two weeks from tomorrow``, ``2 Wochen vor Weihnachten`` → that day moved by the duration."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    if pr.type != "duration" or cr.point is None or cr.point.gran not in ("D", "T") or cr.type not in ("date", "time"):
        return None
    gap = text[pe:cs]
    m = _OFFSET_LINK.search(text[ps:cs])
    if m and gap.strip() and gap.strip().lower() != m.group(1).lower():
        return None
    if m is None:
        m = _OFFSET_HEAD.match(text[cs:ce]) if not gap.strip() else None
    parts = dur_parts(pr.value) if m else None
    if not parts or any(not float(n).is_integer() for n in parts.values()):
        return None
    sign = -1 if m.group(1).lower() in ("before", "vor") else 1
    p: Point | None = cr.point
    for u, n in parts.items():
        p = shift(p, sign * n, _OFFSET_UNIT[u]) if p is not None else None
    if p is None or p.m is None:
        return None
    p = Point(p.y, p.m, p.d or cr.point.d, p.hh, p.mi, cr.point.gran)
    return ps, ce, Out(p.iso(), "time" if p.gran == "T" else "date", True, cr.anchor, p)


def _week_day(text: str, prev: Span, cur: Span) -> Span | None:
    """A week and a weekday: ``next week Tuesday``, ``Tuesday of next week``, ``nächste Woche Montag``."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    if not (pr.wd or cr.wd) or not _JOIN_WEEK.fullmatch(text[pe:cs]):
        return None
    for wk, day in ((pr, cr), (cr, pr)):
        w = _WEEK_VALUE.fullmatch(wk.value or "")
        if w and day.wd and day.point is not None:
            try:
                d = date.fromisocalendar(int(w.group(1)), int(w.group(2)), day.wd)
            except ValueError:
                return None
            gran = day.point.gran if day.point.gran == "T" else "D"
            p = Point(d.year, d.month, d.day, day.point.hh, day.point.mi, gran)
            return ps, ce, Out(p.iso(), "time" if p.gran == "T" else "date", True, wk.anchor, p, wd=day.wd)
    return None


def _bracketed_weekday(text: str, prev: Span, cur: Span) -> Span | None:
    """A day and its weekday in brackets (``9月1日（星期六）``): one mention, the day's value."""
    (ps, pe, pr), (cs, ce, _) = prev, cur
    if pr.point is None or pr.point.gran not in ("D", "T"):
        return None
    m = _BRACKETED_WEEKDAY.match(text, pe)
    if m is None or not pe <= cs < ce <= m.end():
        return None
    return ps, m.end(), pr


def _weekday_then_day(text: str, prev: Span, cur: Span) -> Span | None:
    """A weekday and the day it is (``随后的星期一、9月9日``): one mention, the day's value, when the
    day falls on that weekday."""
    (ps, pe, _), (cs, ce, cr) = prev, cur
    wd = _ZH_WEEKDAY.fullmatch(text, ps, pe)
    if wd is None or text[pe:cs].strip() not in ("、", "，", ",") or cr.point is None \
            or cr.point.gran not in ("D", "T") or cr.point.as_date() is None:
        return None
    return (ps, ce, cr) if cr.point.as_date().isoweekday() == int(lookup("zh", "weekday", wd.group(1))) else None


def _every(text: str, prev: Span, cur: Span) -> Span | None:
    """``每月21日``, ``每年6月4日``: a day of every month or year, a set (``XXXX-XX-21``, ``XXXX-06-04``)."""
    (ps, pe, _), (cs, ce, cr) = prev, cur
    unit = _EVERY.fullmatch(text, ps, pe)
    if unit is None or pe != cs or cr.type != "date" or cr.point is None or cr.point.gran != "D":
        return None
    p = cr.point
    if unit.group(1) == "月":
        return ps, ce, Out(f"XXXX-XX-{p.d:02d}", "set")
    return ps, ce, Out(f"XXXX-{p.m:02d}-{p.d:02d}", "set")


def _year_first_months(text: str, prev: Span, cur: Span) -> Span | None:
    """``今年前8个月``, ``2024年前三季度``: the first months of a year, a range from its start
    (``(2025-01-01,2025-09-01,P8M)``)."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    year = _YEAR_VALUE.fullmatch(pr.value or "")
    months = _FIRST_MONTHS.fullmatch(cr.value or "")
    if year is None or months is None or pe != cs or cr.type != "duration" or not _FIRST.match(text, cs):
        return None
    n = int(months.group(1)) * (3 if months.group(2) == "Q" else 1)
    if not 0 < n < 12:
        return None
    y = int(year.group())
    return ps, ce, Out(join(f"{y:04d}-01", f"{y:04d}-{n + 1:02d}"), "date", pr.relative, pr.anchor, pr.point,
                       pr.explicit_year)


def _durations(text: str, prev: Span, cur: Span) -> Span | None:
    """``一年又三个月``, ``1 hour and 30 minutes``: units in decreasing order (or joined by and / 又)."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    gap = text[pe:cs]
    a, b = dur_parts(pr.value), dur_parts(cr.value)
    if not (a and b) or set(a) & set(b):
        return None
    descending = _DUR_ORDER.index(max(a, key=_DUR_ORDER.index)) < _DUR_ORDER.index(min(b, key=_DUR_ORDER.index))
    if descending or gap.strip() in ("又", "and", "und"):
        parts = {**a, **b}
        date_p = "".join(f"{fmt_num(parts[u])}{u}" for u in _DUR_ORDER[:4] if u in parts)
        time_p = "".join(f"{fmt_num(parts[u])}{u[1]}" for u in _DUR_ORDER[4:] if u in parts)
        return ps, ce, Out("P" + date_p + ("T" + time_p if time_p else ""), "duration", pr.relative or cr.relative)
    return None


@lru_cache(maxsize=None)
def _range_rx(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The link between two ends (the whole gap), a link opening the second end's surface (``to
    October``), an opener just before the first end or opening its surface, a closer after the second."""
    edge = "" if language == "zh" else r"(?<![^\W\d_])"
    link, opener, closer = alt(language, "rangelink"), alt(language, "rangeopen"), alt(language, "rangeclose")
    return (re.compile(rf"\s*(?P<w>{link})\s*", re.I), re.compile(rf"(?P<w>{link})\s+", re.I),
            re.compile(rf"{edge}(?P<w>{opener})\s*$|^(?P<w2>{opener})\s+", re.I),
            re.compile(rf"\s*(?P<w>{closer})", re.I))


_RANGE_END = re.compile(r"\d{4}(?:-\d\d)?|T\d\d(?::\d\d){0,2}")   # the ends a range joins: years, months, clock times
_RANGE_END_ZH = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?|T\d\d(?::\d\d){0,2}")   # and days: 26日至28日
_ELIDED_UNIT = re.compile(r"[\d一二三四五六七八九十]$")   # a first end without its unit (5至6月)
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)")
_EVERY = re.compile(r"每个?([月年])")      # 每月21日, 每年6月4日: a set
_YEAR_VALUE = re.compile(r"\d{4}")
_FIRST_MONTHS = re.compile(r"P(\d+)([MQ])")
_FIRST = re.compile(r"前|头")                  # 今年前8个月, 今年头两个月
_ENUM_LINK = re.compile(r"\s*(?:and|or|und|oder|,|/|&)\s*", re.I)     # June and July 2019
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d-\d\d)")
_CLOCK_VALUE = re.compile(r"T(\d\d)(?::\d\d)*")


def _aligned(pr: Out, cr: Out, text_cur: str) -> tuple[str | None, str | None]:
    """The two ends' values as one stretch: a month whose year was not stated takes the other end's
    (``from May to Oct 2020``, ``三月到五月``); a clock end without am/pm after a pm start is in the
    afternoon too (``下午5:00到6:00``)."""
    v1, v2 = pr.value, cr.value
    a, b = _MONTH_VALUE.fullmatch(v1 or ""), _MONTH_VALUE.fullmatch(v2 or "")
    if a and b:
        y1, m1, y2, m2 = int(a.group(1)), int(a.group(2)), int(b.group(1)), int(b.group(2))
        if cr.relative and pr.explicit_year is None or cr.relative and not pr.relative:
            y2 = y1 if m2 >= m1 else y1 + 1
        elif pr.relative:
            y1 = y2 if m1 <= m2 else y2 - 1
        return f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"
    a, b = _DAY_VALUE.fullmatch(v1 or ""), _DAY_VALUE.fullmatch(v2 or "")
    if a and b and cr.relative and cr.explicit_year is None:
        y1, md1, md2 = int(a.group(1)), a.group(2), b.group(2)
        return v1, f"{y1 if md2 >= md1 else y1 + 1:04d}-{md2}"   # 2月29日-3月1日: the first end's year
    a, b = _CLOCK_VALUE.match(v1 or ""), _CLOCK_VALUE.match(v2 or "")
    if a and b and not _AMPM.search(text_cur):
        h1, h2 = int(a.group(1)), int(b.group(1))
        if h1 >= 12 and h2 < 12 and h2 + 12 > h1:
            v2 = f"T{h2 + 12:02d}" + v2[3:]
    return v1, v2


def _range(text: str, prev: Span, cur: Span, language: str) -> Span | None:
    """Two ends of one range (see the module docstring) → one mention, its span from the opener to
    the closer; ``and`` only links ends after ``between`` / ``zwischen`` or before ``之间``."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    if pr.type not in ("date", "time") or cr.type not in ("date", "time") or pr.value is None or cr.value is None:
        return None
    if language == "zh" and _ELIDED_UNIT.search(text, ps, pe) and _MONTH_VALUE.match(pr.value or ""):
        return None                      # 今年5至6月, 5月19至21日: an enumeration, two mentions
    link_rx, head_rx, open_rx, close_rx = _range_rx(language)
    words = lex(language)
    link = link_rx.fullmatch(text, pe, cs)
    if link is None and not text[pe:cs].strip():
        link = head_rx.match(text, cs, ce)
    if link is None:
        return None
    before = open_rx.search(text, 0, ps)
    inside = open_rx.match(text, ps, pe)
    opener = before.group("w") if before else inside.group("w2") if inside and inside.group("w2") else None
    closer = close_rx.match(text, ce)
    kinds = {words.get("rangeopen", {}).get(opener.lower() if language != "zh" else opener) if opener else None,
             words.get("rangeclose", {}).get(closer.group("w")) if closer else None}
    if words.get("rangelink", {}).get(link.group("w").lower() if language != "zh" else link.group("w")) == "and" \
            and "and" not in kinds:
        return None
    end_surface = text[cs:ce][link.end() - cs:] if link.start() >= cs else text[cs:ce]
    v1, v2 = _aligned(pr, cr, end_surface)
    ends = _RANGE_END_ZH if language == "zh" else _RANGE_END
    if ends.fullmatch(v1 or "") is None or ends.fullmatch(v2 or "") is None:
        return None                      # two days stay two mentions (14. bis 16. März), but 26日至28日 is one
    value = join(v1, v2)
    if value is None:
        return None
    start = before.start("w") if before else ps
    end = closer.end() if closer and "and" in kinds else ce
    typ = "time" if pr.type == cr.type == "time" else "date"
    return start, end, Out(value, typ, pr.relative or cr.relative, cr.anchor or pr.anchor, cr.point,
                           cr.explicit_year or pr.explicit_year)


def _clock_start(v: str | None) -> str | None:
    """A clock range's start (``(T07,T07:30,PT30M)`` → ``T07``): beside a day the range is valued by
    its start (``Tuesday from 7 to 7:30``); any other value unchanged."""
    parts = split(v)
    return parts[0] if parts and parts[0].startswith("T") else v


def enumerated_year(text: str, prev: Span, cur: Span) -> Span:
    """The first of two months named with one year (``in June and July 2019``, ``im Juni und Juli
    2019``) in that year; any other mention unchanged."""
    (ps, pe, pr), (cs, _, cr) = prev, cur
    a, b = _MONTH_VALUE.fullmatch(pr.value or ""), _MONTH_VALUE.fullmatch(cr.value or "")
    if a is None or b is None or not pr.relative or pr.explicit_year is not None or cr.explicit_year is None \
            or not _ENUM_LINK.fullmatch(text, pe, cs):
        return prev
    y2, m1, m2 = int(b.group(1)), int(a.group(2)), int(b.group(2))
    y1 = y2 if m1 <= m2 else y2 - 1
    point = replace(pr.point, y=y1) if pr.point is not None else None
    return ps, pe, replace(pr, value=f"{y1:04d}-{m1:02d}", point=point, anchor="narrative")


def merge(text: str, prev: Span, cur: Span, language: str | None = None) -> Span | None:
    """The one mention two adjacent ones make (see the module docstring), or None."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    gap = text[pe:cs]
    # in this order: a day and its weekday, sets, a year's first months; ranges; offsets, a week's day
    for join_two in (_bracketed_weekday, _weekday_then_day, _every, _year_first_months):
        joined = join_two(text, prev, cur)
        if joined is not None:
            return joined
    ranged = _range(text, prev, cur, language) if language is not None else None
    if ranged is not None:
        return ranged
    for join_two in (_offset, _week_day):
        joined = join_two(text, prev, cur)
        if joined is not None:
            return joined
    if pr.type == "duration" and cr.type == "duration":
        if _JOIN_DUR.fullmatch(gap) and not _DUR_BOUND.match(text[cs:ce]):
            return _durations(text, prev, cur)
        return None
    if not _JOIN_TIME.fullmatch(gap):
        return None
    if cr.type == "time" and (cr.value or "").startswith("(T"):
        cr = replace(cr, value=_clock_start(cr.value))
    if pr.type == "time" and (pr.value or "").startswith("(T") and cr.point is not None:
        pr = replace(pr, value=_clock_start(pr.value))
    if cr.type == "time" and cr.value and cr.value.startswith("T"):
        day, day_span, clock, clock_span = pr, (ps, pe), cr.value, (cs, ce)
    elif pr.type == "time" and pr.value and pr.value.startswith("T") and cr.point is not None:
        day, day_span, clock, clock_span = cr, (cs, ce), pr.value, (ps, pe)
    else:
        return None
    if day.type == "set" and day.value and _WEEKLY_SET.fullmatch(day.value) and day is pr:
        return ps, ce, Out(day.value + clock, "set")
    if day.point is None or day.point.gran != "D":
        return None
    hh, _, mi = clock[1:].partition(":")
    h = int(hh)
    evening = _EVENING.search(text[day_span[0]:day_span[1]])
    if h < 12 and evening and not _AMPM.search(text[clock_span[0]:clock_span[1]]):
        h += 12
    p = Point(day.point.y, day.point.m, day.point.d, h % 24, int(mi[:2] or 0), "T")
    return ps, ce, Out(p.iso(), "time", day.relative, day.anchor, p, day.explicit_year)
