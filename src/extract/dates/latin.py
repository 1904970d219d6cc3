"""What the German and English grammars of the dates stage share: pattern pieces built from a
language's lexicon, cheap gates, and the resolvers that read the same group names in both
(day-month dates, bare months, relative words, weekdays, weeks, sets, durations, seasons, years).

Language-specific checks live in ``de.py`` and ``en.py``, which put these resolvers (or their own
wrappers of them) into their ``RESOLVERS`` tables. Reads the date lexicons; writes nothing.
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from ..text import alternation
from .calendar import (
    PAST_WEEKDAY,
    YEAR_MAX,
    YEAR_MIN,
    Point,
    add_months,
    apply_time,
    clock_value,
    duration,
    from_date,
    iso_week,
    leap_year,
    num,
    shift,
    weekday_near,
)
from .ranges import join
from .rules import alt, lex, lookup, word_value
from .shared import (
    URLISH,
    Out,
    State,
    focus_year,
    in_quote,
    past_year,
    resolve_after,
    resolve_ago,
    resolve_bare_year,
    resolve_holiday,
    resolve_iso,
    resolve_year_range,
    year_part,
)

DAY = r"3[01]|[12]\d|0?[1-9]"          # a day of the month, 1–31
MONTH = r"1[0-2]|0?[1-9]"              # a month number, 1–12
YEAR = r"(?:1[89]|20)\d\d"             # a four-digit year of news (1800–2099)


# --------------------------------------------------------------------------- pattern pieces

def pieces(L: str) -> tuple[str, str, str, str, str, str, str]:
    """Month, weekday, number, unit and season alternations, a month name and a year group."""
    return (alt(L, "month"), alt(L, "weekday"), alt(L, "number"), alt(L, "unit"), alt(L, "season"),
            rf"(?P<mon>{alt(L, 'month')})\b\.?", rf"(?P<y>{YEAR})\b")


def iso_rx(lookbehind: str) -> str:
    """``2024-05-17`` with an optional ``hh:mm``; ``lookbehind`` says what may not precede it."""
    return (rf"{lookbehind}(?P<iy>\d{{4}})-(?P<im>{MONTH})-(?P<id>{DAY})"
            r"(?:(?:T|\s{1,2})(?P<ih>[012]?\d):(?P<imi>[0-5]\d)(?::[0-5]\d)?)?(?![\w/]|\.\d)")


def numdate_rx(year: str) -> str:
    """``14.05.2023`` (``year``: the year digits allowed), an optional ``hh:mm`` after it."""
    return (rf"(?<![\w.])(?P<d>{DAY})\.(?P<mn>{MONTH})\.(?P<y>{year})(?:\s+(?P<hh>[012]?\d):(?P<mi>[0-5]\d))?"
            r"(?![\w.]|\.\d)")


def bare_year_rx(extra_before: str = "") -> str:
    return rf"(?<![\w./:#@+\-{extra_before}])(?P<by>(?:19|20)\d\d)(?![\w%.,:/\-]\d|[\w%])"


def weekend_rx(L: str) -> str:
    """``this weekend``, ``am Wochenende``, ``that weekend``: a word from ``weekendmod`` is required."""
    return rf"\b(?P<wemod>(?i:{alt(L, 'weekendmod')}))\s+(?P<we>(?i:{alt(L, 'weekendword')}))\b"


def plural_weekdays(L: str) -> str:
    """``Mondays``, ``montags``: a weekday name in the plural / adverbial -s form (a set)."""
    return alternation({w + "s" for w in lex(L).get("weekday", {}) if len(w) > 4})


def token_date_rx(L: str, with_prep: bool = True) -> str:
    """A month name with numbers joined by / or -: ``Oct/2``, ``23/Sep/2020``, ``2019-aug-01``,
    ``Sep-23-2020``, ``Dec/2018``; and ``Dec31``, ``mar3`` (an abbreviated month glued to its day)."""
    M = rf"(?i:{alt(L, 'month')})"
    t = rf"(?:{M}|\d{{1,4}})"
    abbr = alternation({w for w in lex(L).get("month", {}) if len(w) <= 4})
    pre = rf"(?:\b(?P<tpre>(?i:{alt(L, 'monthprep')}))\s+)?" if with_prep else ""
    return (rf"{pre}(?<![\w/.\-])(?=[\d/\-]*[^\W\d_])(?P<t1>{t})(?P<ts>[/-])(?P<t2>{t})(?:(?P=ts)(?P<t3>{t}))"
            rf"?(?![\w/]|-\w|\.\d)"
            rf"|\b(?P<mc>(?i:{abbr}))(?P<dc>{DAY})\b(?:\s*,\s*(?P<yc>{YEAR})\b)?")


_HOLIDAY_MODS = ("next|last|this|previous|following|coming|nächsten|nächste|letzten|letzte|kommenden|kommende"
                 "|diesen|dieses|vergangenen")


def holiday_rx(L: str) -> str:
    """``Easter 2018``, ``next Thanksgiving``, ``Pfingsten im nächsten Jahr``, ``Weihnachten``."""
    return (rf"(?:\b(?P<hmod>{_HOLIDAY_MODS})\s+)?\b(?P<hol>{alt(L, 'holiday')})\b"
            rf"(?:\s+(?:(?:im\s+Jahre?|of|in)\s+)?(?P<hy>{YEAR})\b"
            rf"|\s+(?:(?:im|of|in)\s+)?(?P<hrel>{alt(L, 'relyear', 'relyearword')})\b)?")


def period_rx(L: str) -> str:
    """A quarter or a half of a year: ``the first quarter of 2021``, ``im zweiten Halbjahr 2023``,
    ``Q3 2024``, ``2019-H2``, ``2017 q1`` (a lower-case q only beside its year), ``last year's fourth
    quarter``, ``last quarter``,
    ``im Vorquartal``."""
    return (rf"\b(?:(?:(?P<prel2>{alt(L, 'periodyear')})['’]s\s+)?"
            rf"(?P<pord>{alt(L, 'periodord')})\s+(?P<pu>{alt(L, 'periodunit')})"
            rf"(?:\s+(?:of\s+(?:the\s+)?|des\s+Jahres\s+|(?:des\s+)?(?:Jahres|Geschäftsjahres)\s+)?(?P<py>{YEAR})\b"
            rf"|\s+(?:of\s+)?(?P<prel>{alt(L, 'periodyear')})\b)?"
            rf"|(?P<pmod>{alt(L, 'periodmod')})\s+(?P<pu2>{alt(L, 'periodunit')})"
            rf"|(?P<pword>{alt(L, 'periodword')})"
            rf"|(?-i:(?P<pc>[QH])(?P<pn>[1-4]))(?:[\s/-]?(?P<py2>{YEAR}|'?\d\d))?"
            rf"|(?-i:(?P<pc4>q)(?P<pn4>[1-4]))[\s/-]?(?P<py4>{YEAR})"
            rf"|(?P<py3>{YEAR})[\s/-]?(?-i:(?P<pc3>[QHq])(?P<pn3>[1-4])))\b")


def century_rx(L: str) -> str:
    """``the 21st century``, ``the nineteenth century``, ``im 19. Jahrhundert``."""
    return (rf"(?:\bthe\s+)?\b(?:(?P<cn>[1-9]|1\d|2[0-1])(?:st|nd|rd|th|\.)|(?P<cnw>{alt(L, 'centuryord')}))"
            rf"\s+(?P<cw>{alt(L, 'centuryword')})\b")


def resolve_period(g: dict, m: re.Match, st: State) -> Out | None:
    """A quarter or half of a year → the range it covers (``shared.year_part``: Q1 2021 →
    ``(2021-01-01,2021-04-01,P3M)``, H2 2023 → ``(2023-07-01,2024-01-01,P6M)``); without a year, of the
    year in focus; ``last quarter`` from the reference date's quarter."""
    if g.get("pc") or g.get("pc3") or g.get("pc4"):
        key = next(k for k in ("", "3", "4") if g.get("pc" + k))
        unit, n = g["pc" + key].upper(), int(g["pn" + key])
        if unit == "H" and n > 2:
            return None
        y_s = g.get("py2") or g.get("py3") or g.get("py4")
        if unit == "H" and not y_s:          # H1 alone is a heading, a highway, a visa
            return None
        if y_s:
            y_s = y_s.lstrip("'")
            y = int(y_s) if len(y_s) == 4 else 2000 + int(y_s)
            return Out(year_part(y, unit, n), "date", False, None, Point(y), y)
        focus = focus_year(st)
        return Out(year_part(focus[0], unit, n), "date", True, focus[1], Point(focus[0])) if focus else None
    if g.get("pword"):
        code = word_value(st.language, "periodword", g["pword"])   # Vorquartal = the quarter before
        unit, off = code[0], int(code[1:])
        return _period_from_reference(unit, off, st)
    unit = word_value(st.language, "periodunit", g.get("pu") or g.get("pu2") or "")
    if unit is None:
        return None
    if g.get("pmod"):
        return _period_from_reference(unit, int(word_value(st.language, "periodmod", g["pmod"]) or 0), st)
    last = 4 if unit == "Q" else 2
    n = word_value(st.language, "periodord", g["pord"])
    if n == "last" and not (g.get("py") or g.get("prel")):
        return _period_from_reference(unit, -1, st)      # last quarter, im letzten Quartal
    n = last if n == "last" else int(n or 0)
    if not 1 <= n <= last:
        return None
    if g.get("py"):
        y = int(g["py"])
        return Out(year_part(y, unit, n), "date", False, None, Point(y), y)
    if g.get("prel") or g.get("prel2"):
        if not st.ref:
            return Out(None, "date", True)
        y = st.ref.year + int(word_value(st.language, "periodyear", g.get("prel") or g["prel2"]) or 0)
        return Out(year_part(y, unit, n), "date", True, "reference", Point(y))
    focus = focus_year(st)
    if focus is None:
        return Out(None, "date", True)
    return Out(year_part(focus[0], unit, n), "date", True, focus[1], Point(focus[0]))


def _period_from_reference(unit: str, off: int, st: State) -> Out:
    if not st.ref:
        return Out(None, "date", True)
    size = 3 if unit == "Q" else 6
    k = st.ref.year * (12 // size) + (st.ref.month - 1) // size + off
    y, n = divmod(k, 12 // size)
    return Out(year_part(y, unit, n + 1), "date", True, "reference", Point(y))


def resolve_century(g: dict, m: re.Match, st: State) -> Out | None:
    """The n-th century → TIMEX3 century ``n-1`` (its years' first two digits): 21st century → ``20``."""
    n = int(g["cn"]) if g.get("cn") else int(word_value(st.language, "centuryord", g["cnw"]) or 0)
    return Out(f"{n - 1:02d}", "date") if 1 <= n <= 21 else None


def gates(L: str) -> dict[str, str]:
    """Cheap prefilters, searched in the lower-cased sentence: each pattern runs only on sentences
    holding a word it cannot match without (case-sensitive literal alternations are fast). The
    language modules add their own patterns' gates."""
    def words(*cats):
        return alternation({w.split()[-1].lower() for c in cats for w in lex(L).get(c, {})})
    wday = words("weekday")
    return {"iso": r"\d{4}-\d", "year": r"(?:1[89]|20)\d\d", "numdate": r"\d\.\d", "slash": r"\d/\d",
            "decade": r"0'?s\b|0er",
            "mon": words("month"), "mdy": words("month"), "ordw": words("month"), "holiday": words("holiday"),
            "rel": words("relday", "narrday", "relyear", "narryear", "relmonth", "narrmonth", "relweek", "narrweek"),
            "wday": wday, "wdd": wday,
            "dur": alternation({w.lower() for w in lex(L).get("unit", {}) if len(w) > 1}) + r"|\dh\b|½",
            "season": words("season"),
            "set": (words("setword") + "|every|each|daily|weekly|monthly|annually|yearly|hourly"
                    + "|" + words("setadverb") + "|" + plural_weekdays(L).lower()),
            "clock": r"uhr|\d\s?[ap]\.?m|o'?clock|\d:\d|halb|viertel|mitt",
            "yearword": words("yearword", "relyearword") + r"|jahr|(?:ende|anfang|mitte|beginn)\s",
            "weekend": r"weekend|wochenende",
            "period": r"quart|half|hälfte|halbjahr|q[1-4]|h[12]",
            "century": r"century|jahrhundert",
            "tok": r"[a-z]\d|\d[/-][a-z]|[a-z][/-]\d",
            "weekn": r"week|kw\s?\d", "yrange": r"\d\s?[-–~]\s?[12]",
            "whole": words("wholeunit") or r"(?!)",
            "crange": r"\d(?:\s?[ap]\.?m\b\.?)?\s*(?:-|–|to|till|until|and|bis|und)\s*(?:[\d]|[a-z]+ uhr)|(?:von|"
                      r"zwischen) [a-z]+ (?:bis|und)"}


# --------------------------------------------------------------------------- day-month dates

@lru_cache(maxsize=None)
def _full_month_stop(L: str) -> re.Pattern:
    """A full month name (not an abbreviation: no longer name of the month starts with it) and the
    full stop after it, at the end of a surface."""
    months = lex(L).get("month", {})
    full = [w for w, v in months.items() if not any(o != w and o.startswith(w) and months[o] == v for o in months)]
    return re.compile(rf"(?i:\b(?:{alternation(full)}))\.$")


def full_stop(L: str, surface: str) -> bool:
    """``Ende Juli.``: the sentence's full stop after a full month name is not part of the surface
    (``Jan.``, ``Sept.`` keep theirs)."""
    return bool(_full_month_stop(L).search(surface))


def latin_month(L: str, w: str) -> int | None:
    v = lookup(L, "month", w.rstrip("."), fold=True)
    return int(v) if v else None


def resolve_day(g: dict, st: State, mo: int | None, d: int | None, y, yearless_unknown: bool = False) -> Out | None:
    """A day of a month, with or without a year (then the reference's, past bias), and a clock time
    (groups ``hh``, ``mi``, ``ss``, ``ampm``). ``yearless_unknown``: without a reference give ``XXXX-MM-DD``."""
    if mo is None or not d or not 1 <= d <= 31:
        return None
    st = starting(g.get("pre"), st)
    if y is not None:
        y = int(y)
        if y < 100:
            y += 2000 if y < 50 else 1900
        rel, anc = False, None
    else:
        if yearless_unknown and not st.ref:
            return Out(f"XXXX-{mo:02d}-{d:02d}", "date", True)
        y = past_year(st, mo, d)
        rel, anc = True, "reference" if y else None
        if y and mo == 2 and d == 29:
            y = leap_year(y, 1 if st.future else -1)
    try:
        date(y or 2000, mo, d)
    except ValueError:
        return None
    p = Point(y, mo, d, gran="D")
    hh = g.get("hh")
    if hh is not None:
        part = "pm" if (g.get("ampm") or "").lower().startswith("p") else None
        p = apply_time(p, int(hh), int(g.get("mi") or 0), part)
    v = p.iso()
    if p.gran == "T" and int(g.get("ss") or 0):          # am 14. Oktober um 8:00:31
        v += f":{int(g['ss']):02d}"
    return Out(v, "time" if p.gran == "T" else "date", rel, anc, p if y else None, y if not rel else None)


def starting(pre: str | None, st: State) -> State:
    """``ab 1. Juli``, ``starting May 3``: a date a change starts from has no past bias (``startprep``)."""
    if pre and not st.future and pre.lower() in lex(st.language).get("startprep", {}):
        return replace(st, present=True)
    return st


def resolve_dmy(g: dict, m: re.Match, st: State) -> Out | None:
    """``3. Februar 2022``, ``14.05.2023``: day, month name or number, optional year."""
    mon = g.get("mon")
    mo = latin_month(st.language, mon) if mon else int(g["mn"])
    return resolve_day(g, st, mo, int(g.get("d") or 0) or None, g.get("y"))


def resolve_iso_latin(g: dict, m: re.Match, st: State) -> Out | None:
    if m.start() and m.string[m.start() - 1] == "-" and URLISH.search(m.string[:m.start()].rsplit(None, 1)[-1]):
        return None                           # a date inside a web address
    return resolve_iso(g)


def resolve_token_date(g: dict, m: re.Match, st: State) -> Out | None:
    """``23/Sep/2020``, ``2019-aug-01``, ``Oct/2``, ``Dec-2018``, ``Dec31, 1994``: one month name,
    at most one four-digit year, at most one day, in any order."""
    if g.get("mc"):
        toks = [g["mc"], g["dc"]] + ([g["yc"]] if g.get("yc") else [])
    else:
        toks = [t for t in (g.get("t1"), g.get("t2"), g.get("t3")) if t]
    mo = y = d = None
    for t in toks:
        if t.isdigit():
            if len(t) == 4 and y is None:
                y = int(t)
            elif len(t) <= 2 and d is None and 1 <= int(t) <= 31:
                d = int(t)
            else:
                return None
        else:
            if mo is not None:
                return None
            mo = latin_month(st.language, t)
    if mo is None or (y is None and d is None) or (y is not None and not YEAR_MIN <= y <= YEAR_MAX):
        return None
    if d is None:
        p = Point(y, mo, gran="M")
        return Out(p.iso(), "date", False, None, p, y)
    rel = y is None
    if rel:
        y = past_year(st, mo, d)
        if y is None:
            return Out(f"XXXX-{mo:02d}-{d:02d}", "date", True)
        if mo == 2 and d == 29:
            y = leap_year(y, 1 if st.future else -1)
    try:
        date(y, mo, d)
    except ValueError:
        return None
    p = Point(y, mo, d, gran="D")
    return Out(p.iso(), "date", rel, "reference" if rel else None, p, None if rel else y)


# --------------------------------------------------------------------------- months and years

_WEEKMOD_PREPS = ("last", "next", "this", "letzten", "nächsten", "diesen", "vergangenen")


def resolve_month(g: dict, st: State, mo: int, y, relw: str | None, pre: str) -> Out:
    """A month with a year, a relative year word (``Mai dieses Jahres``), a modifier (``last March``,
    ``im nächsten Mai``), or else the reference's year (past bias)."""
    L = st.language
    st = starting(pre, st)
    if y:
        p = Point(int(y), mo, gran="M")
        return Out(p.iso(), "date", False, None, p, int(y))
    if relw:
        off = int(word_value(L, "relyearword", relw) or 0)
        if not st.ref:
            return Out(f"XXXX-{mo:02d}", "date", True)
        p = Point(st.ref.year + off, mo, gran="M")
        return Out(p.iso(), "date", True, "reference", p)
    last = pre.split()[-1] if pre else ""
    off = word_value(L, "weekmod", last) if last.lower() in _WEEKMOD_PREPS else None
    if off is not None and st.ref:
        y = st.ref.year + int(off) if int(off) else st.ref.year
        if int(off) == -1 and mo < st.ref.month:
            y = st.ref.year
        if int(off) == 1 and mo > st.ref.month:
            y = st.ref.year
    else:
        y = past_year(st, mo, None)
    if y is None:
        return Out(f"XXXX-{mo:02d}", "date", True)
    p = Point(y, mo, gran="M")
    return Out(p.iso(), "date", True, "reference", p)


def resolve_yearword(g: dict, m: re.Match, st: State) -> Out | None:
    """``Ende des Jahres``, ``Ende 2019``, ``heuer``, ``EOY``: a year."""
    if g.get("y2"):
        y = int(g["y2"])
        return Out(f"{y:04d}", "date", False, None, Point(y), y)
    off = int(word_value(st.language, "relyearword", g["rel2"]) or 0) if g.get("rel2") else 0
    if not st.ref:
        return Out(None, "date", True)
    y = st.ref.year + off
    return Out(f"{y:04d}", "date", True, "reference", Point(y))


def resolve_decade(g: dict, m: re.Match, st: State) -> Out | None:
    dec = g["dec"]
    if len(dec) == 2:
        dec = ("19" if int(dec) >= 30 else "20") + dec
    return Out(dec[:3], "date")


def resolve_season(g: dict, m: re.Match, st: State) -> Out | None:
    """``Frühjahr 2020``, ``last summer``, ``im Herbst nächsten Jahres``; a bare season: the story's year."""
    L = st.language
    code = word_value(L, "season", g["season"])
    if g.get("sy"):
        y = int(g["sy"])
        return Out(f"{y:04d}-{code}", "date", False, None, Point(y), y)
    off = 0
    if g.get("srel"):
        off = int(word_value(L, "relyearword", g["srel"]) or 0)
    elif g.get("spre"):
        off = {"this": 0, "last": -1, "next": 1}[g["spre"].strip().lower()]
    a = st.ref if (g.get("srel") or g.get("spre")) else None
    if a is not None:
        return Out(f"{a.year + off:04d}-{code}", "date", True, "reference", Point(a.year + off))
    p = st.anchor()
    if p is None or p.y is None:
        return Out(None, "date", True)
    return Out(f"{p.y:04d}-{code}", "date", True, "narrative" if st.last else "reference")


_YEAR_IN_LIST = re.compile(r"[(\[]?(?:1[89]|20)\d\d[,;]")


def _not_a_year(before: str, after: str, notyear: dict) -> bool:
    """'2000 Euro', 'A4 2015', 'Nr. 2019', '$2000': a quantity or a name, not a year."""
    for w in notyear:
        if after.startswith(w) and after[len(w):len(w) + 1] in ("", " ", ",", ".", ";", ")"):
            return True
    prev = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
    if _YEAR_IN_LIST.fullmatch(prev):
        return False                          # "(1996, 2004)": a list of years
    if prev and (prev.isupper() and len(prev) > 1 or "/" in prev or re.search(r"\d", prev)):
        return True
    return before.endswith(("$", "€", "£", "Nr. ", "No. ", "#"))


def resolve_year(g: dict, m: re.Match, st: State) -> Out | None:
    return resolve_bare_year(m, st, _not_a_year)


# --------------------------------------------------------------------------- relative words, weekdays, weeks

_NARR_UNIT = {"narrday": "D", "narryear": "Y", "narrmonth": "M"}
_REL_CATS = ("relday", "narrday", "relyear", "narryear", "relmonth", "narrmonth", "relweek", "narrweek")


def _relative_to_reference(cat: str, off: int, st: State, m: re.Match) -> Out:
    if st.label == "meta" or not st.ref or (cat == "relday" and in_quote(st.sentence, m.start())):
        return Out(None, "date", True)
    if cat == "relday":
        p = from_date(st.ref + timedelta(days=off))
    elif cat == "relyear":
        p = Point(st.ref.year + off)
    elif cat == "relmonth":
        y, mo = add_months(st.ref.year, st.ref.month, off)
        p = Point(y, mo, gran="M")
    else:
        return Out(iso_week(st.ref + timedelta(weeks=off)), "date", True, "reference")
    return Out(p.iso(), "date", True, "reference", p)


def _relative_to_story(cat: str, off: int, st: State) -> Out:
    a = st.anchor()
    if a is None:
        return Out(None, "date", True)
    anc = "narrative" if st.last else "reference"
    if cat == "narrweek":          # the following week: the story's week moved; a coarser story date gives none
        d = a.as_date() if a.gran in ("D", "T") else None
        if d is None:
            return Out(None, "date", True)
        return Out(iso_week(d + timedelta(weeks=off)), "date", True, anc)
    if cat == "narrday" and a.gran in ("Y", "M") or cat == "narrmonth" and a.gran == "Y":
        p = a
    else:
        p = shift(a, off, _NARR_UNIT[cat]) if off else a
        if p is not None and cat == "narrday":
            p = Point(p.y, p.m, p.d, gran="D")
        elif p is not None and cat == "narryear":
            p = Point(p.y)
        elif p is not None and cat == "narrmonth":
            p = Point(p.y, p.m, gran="M")
    if p is None:
        return Out(None, "date", True)
    return Out(p.iso(), "date", True, anc, p)


def resolve_rel(g: dict, m: re.Match, st: State) -> Out | None:
    """``gestern``, ``letztes Jahr``, ``next month`` (the reference); ``tags darauf``, ``the next day`` (the story)."""
    w = g["rw"]
    for cat in _REL_CATS:
        off = word_value(st.language, cat, w)
        if off is None:
            continue
        if cat.startswith("rel"):
            return _relative_to_reference(cat, int(off), st, m)
        return _relative_to_story(cat, int(off), st)
    return None


_NOT_MOD = ("am", "on", "this", "diesen", "diese")


def resolve_weekday(g: dict, m: re.Match, st: State, wd: int) -> Out | None:
    """A weekday (ISO ``wd``): with a modifier the one before / after the reference, else the nearest
    to the story's day or the reference (past bias); a clock time after it."""
    mod = g.get("wmod")
    off = word_value(st.language, "weekmod", mod) if mod else None
    a = st.last if st.last and st.last.gran in ("D", "T") else None
    if not st.ref and (a is None or off is not None and mod.lower() not in _NOT_MOD):
        return Out(None, "date", True)            # which Wednesday cannot be known without a date
    if off is not None and mod.lower() not in _NOT_MOD:
        off = int(off)
        if off < 0:
            d = st.ref - timedelta(days=((st.ref.isoweekday() - wd) % 7) or 7)
        else:
            d = st.ref + timedelta(days=((wd - st.ref.isoweekday()) % 7) or 7)
        p, anc = from_date(d), "reference"
    elif a is not None:
        p, anc = from_date(weekday_near(a.as_date(), wd, -3, 3)), "narrative"
    else:
        p, anc = from_date(weekday_near(st.ref, wd, *PAST_WEEKDAY) if st.past else weekday_near(st.ref, wd)), "reference"
    if g.get("whh") is not None:
        ap = (g.get("wap") or "").lower()
        part = word_value(st.language, "part", g["wpart3"]) if g.get("wpart3") else "pm" if ap.startswith("p") else None
        p = apply_time(p, int(g["whh"]), int(g.get("wmi") or 0), part)
    return Out(p.iso(), "time" if p.gran == "T" else "date", True, anc, p, wd=wd)


WEEKDAY_DAY_MONTHS = 14   # "Mon 13th": the nearest month (either way) whose 13th is a Monday, within this many


def weekday_day(wd: int, d: int, st: State) -> Out | None:
    """``Tuesday the 11th``, ``Dienstag, der 25.``: the date nearest the anchor whose day is ``d`` and
    weekday ``wd`` (a past one on a tie)."""
    a = st.last if st.last and st.last.gran in ("D", "T") else None
    base = a.as_date() if a else st.ref
    if base is None:
        return Out(f"XXXX-WXX-{wd}", "date", True)
    best = None
    for k in range(-WEEKDAY_DAY_MONTHS, WEEKDAY_DAY_MONTHS + 1):
        y, mo = add_months(base.year, base.month, k)
        if d > monthrange(y, mo)[1]:
            continue
        c = date(y, mo, d)
        if c.isoweekday() == wd and (best is None
                                     or (abs((c - base).days), c > base) < (abs((best - base).days), best > base)):
            best = c
    if best is None:
        return None
    return Out(best.isoformat(), "date", True, "narrative" if a else "reference", from_date(best), wd=wd)


_ORDINAL_WEEK = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "fifth": 5, "5th": 5}


def resolve_week_number(g: dict, m: re.Match, st: State) -> Out | None:
    """``week 23``, ``KW 23``, ``week 27 of last year``, ``the first week of 2015``, ``last week of 2016``
    → ISO week ``YYYY-Www``."""
    y = None
    if g.get("wy") or g.get("wy2"):
        y = int(g.get("wy") or g["wy2"])
    elif st.ref:
        relw = (g.get("wrel") or g.get("wrel2") or "").lower()
        y = st.ref.year + (1 if relw.startswith("next") else -1 if relw.startswith("last") else 0)
    word = (g.get("word") or "").lower()
    if word == "last":
        n = date(y, 12, 28).isocalendar()[1] if y else None
    elif word:
        n = _ORDINAL_WEEK[word]
    else:
        n = int(g.get("wn") or g.get("wn2"))
    if y is None:
        return Out(f"XXXX-W{n:02d}" if n else None, "date", True)
    if not n or n > date(y, 12, 28).isocalendar()[1]:
        return None
    rel = not (g.get("wy") or g.get("wy2"))
    return Out(f"{y:04d}-W{n:02d}", "date", rel, "reference" if rel else None, Point(y), None if rel else y)


def resolve_weekend(g: dict, m: re.Match, st: State) -> Out | None:
    """``this weekend`` → ``2016-W45-WE`` (ISO week of the reference, moved by the modifier); a bare
    ``the weekend`` / ``am Wochenende`` is the one just past (news: past bias) unless the sentence
    speaks of the future; ``that weekend`` follows the story."""
    mod = word_value(st.language, "weekendmod", re.sub(r"\s+", " ", g["wemod"])) or "near"
    a = st.last if mod == "narr" and st.last and st.last.gran in ("D", "T") else None
    if mod == "narr" and a is None:
        return Out(None, "date", True)
    base = a.as_date() if a else st.ref
    if base is None:
        return Out(None, "date", True)
    if mod == "near":          # the last weekend, or (future tense, or said on the weekend) this week's
        off = 0 if st.future or base.isoweekday() >= 6 else -1
    elif mod == "narr":
        off = 0
    else:
        off = int(mod)
    return Out(iso_week(base + timedelta(weeks=off)) + "-WE", "date", True, "narrative" if a else "reference")


# --------------------------------------------------------------------------- sets, durations, clock ranges

def add_months_date(d: date, k: int) -> date:
    """``d`` moved by ``k`` months (the day kept, or the month's last)."""
    y, mo = add_months(d.year, d.month, k)
    return date(y, mo, min(d.day, monthrange(y, mo)[1]))


def unit_of(L: str, w: str) -> str | None:
    """The ISO unit of a unit word, also at the end of a compound (``Arbeitsjahren``)."""
    if not w:
        return None
    v = lookup(L, "unit", w, fold=True)
    if v:
        return v
    low = w.casefold()
    for k in sorted(lex(L).get("unit", {}), key=len, reverse=True):
        if low.endswith(k.casefold()) and k.casefold().startswith("jahr"):
            return lex(L)["unit"][k]
    return None


def resolve_set(g: dict, m: re.Match, st: State) -> Out | None:
    """``jährlich``, ``montags``, ``every Tuesday``, ``every other week``, ``jeden Monat``."""
    L = st.language
    if g.get("adv"):
        return Out(word_value(L, "setadverb", g["adv"]), "set")
    if g.get("pwd"):
        wd = word_value(L, "weekday", g["pwd"][:-1])
        return Out(f"XXXX-WXX-{wd}", "set") if wd else None
    if g.get("swd"):
        return Out(f"XXXX-WXX-{word_value(L, 'weekday', g['swd'])}", "set")
    unit = unit_of(L, g["su"])
    n = num(L, g["sn"]) if g.get("sn") else 2 if g.get("other") else 1
    return Out(duration(n, unit) if unit else None, "set")


def resolve_word(group: str, cat: str, typ: str):
    """A resolver giving the lexicon value (category ``cat``) of group ``group`` (``den ganzen Tag`` → P1D)."""
    return lambda g, m, st: Out(word_value(st.language, cat, g[group]), typ)


DurCheck = Callable[[dict, re.Match, str, float, str, str, str], bool]


def resolve_dur(g: dict, m: re.Match, st: State, number: Callable[[str], float | None], reject: DurCheck) -> Out | None:
    """``drei Monate``, ``vor fünf Jahren`` (before the reference), ``two days later`` (after the story),
    ``in drei Wochen`` (after the reference). ``number`` reads the count, ``reject(g, m, nword, n,
    unit, pre, after)`` is the language's test for a count that is no duration (``a day`` in prose)."""
    unit = unit_of(st.language, g["u"])
    if unit is None:
        return None
    pre = (g.get("pre") or "").lower()
    after = (g.get("after") or "").lower()
    if g.get("vague"):
        typ = "date" if after in ("ago", "later", "später") or pre == "vor" else "duration"
        return Out(None, typ, True)
    nword = g["n"]
    n = 0.5 if nword == "½" else number(nword)
    for q in (g.get("andq"), g.get("andq2")):
        if n is not None and q:
            n += 0.5 if q.rstrip().endswith("half") else 0.25
    if n is None or n <= 0 or n > 1000 or reject(g, m, nword, n, unit, pre, after):
        return None
    if pre in ("vor",) or after in ("ago",):
        return resolve_ago(n, unit, st)
    if after in ("later", "später", "danach", "darauf", "after"):
        return resolve_after(n, unit, st)
    if pre == "in" and st.ref and unit in ("D", "W", "M", "Y") and float(n).is_integer() and n < 100:
        p = shift(from_date(st.ref), n, unit)      # "in two months", "in drei Wochen": from the reference
        if p is not None:
            return Out(p.iso(), "date", True, "reference", p)
    return Out(duration(n, unit), "duration", False)


def range_hours(g: dict, hour: Callable[[str], float | None]) -> tuple[int, int, int, int] | None:
    """The two hours and minutes of a clock range (groups r1h r1m r2h r2m), None if not hours."""
    h1, h2 = hour(g["r1h"]), hour(g["r2h"])
    if h1 is None or h2 is None or h1 > 23 or h2 > 24:
        return None
    return int(h1), int(h2), int(g.get("r1m") or 0), int(g.get("r2m") or 0)


def range_value(g: dict, h1: int, m1: int, part: str | None, h2: int | None = None, m2: int = 0,
                part2: str | None = None) -> Out | None:
    """A clock range is one mention: ``(T17,T18,PT1H)`` (see ``ranges.join``); each end keeps its
    minutes only where they are written. ``part2`` (default ``part``) is the end's part of day."""
    v1 = clock_value(h1, m1 if g.get("r1m") else None, part)
    if h2 is None or v1 is None:
        return Out(v1, "time") if v1 else None
    part2 = part2 or part
    v2 = clock_value(h2, m2 if g.get("r2m") else None, part2)
    if v2 is None:
        return Out(v1, "time")
    joined = join(v1, v2)
    return Out(joined or v1, "time")


def common_resolvers() -> dict[str, Callable]:
    """The name → resolver entries German and English share."""
    return {
        "iso": resolve_iso_latin,
        "holiday": lambda g, m, st: resolve_holiday(g, st),
        "tok": resolve_token_date,
        "numdate": resolve_dmy,
        "yearword": resolve_yearword,
        "rel": resolve_rel,
        "weekn": resolve_week_number,
        "weekend": resolve_weekend,
        "set": resolve_set,
        "whole": resolve_word("whole", "wholeunit", "duration"),
        "season": resolve_season,
        "year": resolve_year,
        "decade": resolve_decade,
        "period": resolve_period,
        "century": resolve_century,
        "yrange": resolve_year_range,
    }
