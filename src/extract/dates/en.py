"""The English grammar of the dates stage: patterns built from ``resources/dates_en.txt`` and the
name → resolver table (``RESOLVERS``), shared Latin resolvers plus English ones (numbers, days and
years in words, clock words, year-month numbers, ``the year`` after a preposition, clock ranges
beside a day, enumerated days) and the English checks of the shared ones (``may`` the verb,
``sat`` the word, ``a day`` in prose).

Reads the en date lexicon; writes nothing.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from ..text import alternation
from . import latin
from .calendar import YEAR_MAX, Point, clock_value, duration, num
from .latin import DAY, MONTH, YEAR
from .ranges import interval_from, join
from .rules import Rules, alt, gated, lex, lookup, word_value
from .shared import Out, State, past_year, year_range_rx

L = "en"
FLAGS = {"year": 0, "mon": 0, "weekn": 0, "wdd": re.I, "dom": 0, "ym": 0, "faryear": 0, "theunit": 0}

_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_DIGITW = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_HOURW = rf"(?:{_DIGITW}|ten|eleven|twelve)"          # one … twelve
_MINW = rf"(?:(?:twenty|thirty|forty|fifty)(?:[\s-](?:{_DIGITW}))?|{_TEENS}|o'?\s?(?:{_DIGITW}))"
_99 = rf"(?:(?:{_TENS})(?:[\s-](?:{_DIGITW}))?|{_TEENS}|{_DIGITW})"
# a year in words: nineteen ninety six, nineteen hundred ninety three, two thousand and fifteen
_YEARW = (rf"(?:(?:one|two)\s+thousand(?:\s+and)?(?:\s+{_99})?"
          rf"|(?:seventeen|eighteen|nineteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?:{_TENS}|{_TEENS})"
          rf"(?:[\s-](?:{_DIGITW}))?)")
# "in the year" is not the reference's year when a number, an -ing verb or one of these follows
_THE_UNIT_NOT = ("before|after|ago|later|earlier|that|when|which|in|of|to|since|prior|ahead|between|until|till|from|"
                 "and|or|as|is|was|has|had|will|would|the|a|an|he|she|they|it|we|i|you|his|her|their")


def _ordinal_words() -> str:
    """Day ordinals in words: ``ninth``, ``twenty-first``, ``thirty first`` (and cardinals 10–31)."""
    base = lex(L).get("ordinal", {})
    units = [w for w, v in base.items() if 1 <= int(v) <= 9]
    return (rf"(?:(?:twenty|thirty)[\s-](?:{alternation(units)})|{alternation(base)}"
            rf"|twenty(?:[\s-](?:{_DIGITW}))?|thirty(?:[\s-]one)?|{_TEENS})")


def _dates(month: str, wdays: str, prep: str, dayw: str) -> dict[str, str]:
    """Day-month patterns: ``April 9, 2021``, ``the 3rd of May``, ``Tuesday the 11th``, ``on the 5th``."""
    ordn = rf"(?:(?P<d>{DAY})(?:st|nd|rd|th)?|(?P<dw>(?i:{dayw})))"
    ordn2 = rf"(?:(?<!\d[:.])(?<![\d$€£])(?<!\$ )(?P<d2>{DAY})(?:st|nd|rd|th)?|(?P<dw2>(?i:{dayw})))"
    yearpart = (rf"(?:\s*,?\s*(?:(?:of|in)\s+)?(?P<y>{YEAR})\b|\s+of\s+'?(?P<yy>\d\d)\b"
                rf"|,?\s+(?P<yw>(?i:{_YEARW}))\b)")
    units = alt(L, "unit")
    return {
        "mdy": (rf"(?:(?P<wd>{wdays}),?\s+)?(?:(?P<pre>(?i:{prep}))\s+)?(?:"
                rf"(?:(?i:{month}))\b\.?,?\s+(?:the\s+)?{ordn}\b"
                rf"|(?:the\s+)?{ordn2}\s+(?:day\s+)?(?:of\s+)?(?:(?i:{month}))\b\.?)"
                rf"{yearpart}?"
                rf"(?:,?\s+(?:at\s+)?(?P<hh>[01]?\d)(?::(?P<mi>[0-5]\d))?\s?(?P<ampm>[ap]\.?m\.?)?(?![\w:]))?"),
        "slash": rf"(?<![\w/.])(?P<sm>{DAY})/(?P<sd>{DAY})(?:/(?P<sy>(?:19|20)?\d\d))?(?![\w/]|\.\d)",
        "wdd": (rf"(?:\bon\s+)?\b(?P<wdn>(?i:{wdays}))\b\.?,?\s+(?:(?P<the>the)\s+)?(?:(?P<dd>{DAY})(?P<sfx>st|nd|rd|"
                rf"th)?|(?P<ddw>(?i:{dayw})))\b"
                rf"(?![/-]\d|\s*(?::\d|\.\d|[ap]\.?m\b|o'?clock|(?i:{month})\b|(?i:{units})\b|%|percent)|\s+(?!at\b|"
                rf"around\b|and\b|or\b|to\b|of\b|{_HOURW}\s+[ap]\.?\s?m\b)[a-z])"),
        "dom": (rf"(?:\b(?P<dprep>on|by|until|till|from|since|before|after|around)\s+(?:the\s+)?|\bthe\s+)"
                rf"(?P<dd>{DAY})(?:st|nd|rd|th)\b"
                rf"(?:\s+(?:of\s+)?(?P<drel>this month|next month|last month|the month))?"
                rf"(?=\s*(?:[.,;!?)\-]|$)|\s+(?:at|and|or|to|through|till|until)\b)"),
        "dayof": (rf"(?:the\s+)?(?:(?P<dd>{DAY})(?:st|nd|rd|th)|(?P<ddw>(?i:{dayw})))\s+day\s+of\s+"
                  rf"(?P<drel>(?i:the month|this month|next month|last month))\b"),
        # the first day of "18 and 19 June", "3rd or 4th of May 2020": its month (and year) come after it
        "enum": (rf"(?<![\w.,:/$€£-])(?P<ed>{DAY})(?:st|nd|rd|th)?(?=\s*(?:and|or|to|-|–|&)\s*(?:{DAY})(?:st|nd|rd|th)?"
                 rf"\s+(?:of\s+)?(?P<emon>(?i:{month}))\b(?:\s*,?\s*(?P<ey>{YEAR})\b)?)"),
    }


def _clock_rx() -> str:
    ap = r"(?:[ap]\.?\s?m\b\.?|[ap]\s\.\s?m\s?\.|(?<=\d)[ap](?![\w'])|o'?clock)"
    hw = rf"(?:[01]?\d|{_HOURW})"
    return (rf"(?:(?<![\w:.])(?P<ch>[012]?\d)(?:[:.](?P<cm>[0-5]\d)(?::(?P<cs>[0-5]\d))?)?(?:\s|\.(?=[ap]))"
            rf"?(?P<ampm>{ap})"
            rf"|(?<![\w:.])(?P<ch9>1[0-2]|0?[1-9])(?P<cm9>[0-5]\d)\s?(?P<ampm9>[ap]\.\s?m\b\.?|[ap]m\b)"
            rf"|(?<![\w:.])(?P<ch2>[012]?\d):(?P<cm2>[0-5]\d)(?::(?P<cs2>[0-5]\d))?(?![\w:])"
            rf"|\b(?P<ch3>{_HOURW})(?:[\s-](?P<cmw>{_MINW}))?\s+(?P<ampm3>{ap})"
            rf"|(?<=\bat )(?P<ch4>{_HOURW})[\s-](?P<cmw4>{_MINW})\b(?:\s+minutes\b)?"
            rf"|\b(?P<qm>half|(?:a\s+)?quarter|[0-5]?\d|{_MINW})\s+(?:minutes?\s+|mins?\s+)?(?P<qdir>past)"
            rf"\s+(?P<qh>{hw})\b(?:\s+o'?clock)?"
            rf"|\b(?P<qm2>(?:a\s+)?quarter)\s+to\s+(?P<qh2>{hw})\b"
            rf"|\b(?P<noon>12\s+noon|noon(?:ish)?|midday|midnight|mid\s+night)\b"
            rf"|(?<![\w:.])(?P<ch6>1[0-2]|0?[1-9])ish\b"
            rf"|\b(?:in\s+the\s+)?(?P<cpre>morning|afternoon|evening)\s+at\s+(?P<ch7>{hw})\b(?![:.]\d)"
            rf"|\b(?P<ch8>{hw})(?=\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night))"
            rf"(?:\s+(?:in\s+the\s+(?P<cpart>morning|afternoon|evening)|at\s+(?P<cpart2>night)))?")


def rules() -> Rules:
    month, wdays, nums, units, seasons, mon, year = latin.pieces(L)
    prep = alt(L, "monthprep")
    num_rx = rf"(?:\d+(?:\.\d+)?|½|(?i:{nums})(?:-(?i:{nums}))?)"
    dates = _dates(month, wdays, prep, _ordinal_words())
    mon_only = (rf"(?:(?P<pre>(?i:{prep}))\s+)?(?P<mon>(?i:{month}))\b\.?(?:\s+(?P<rel>(?i:{alt(L, 'relyearword')}))"
                rf"|,?\s+{year}"
                rf"|\s+of\s+(?P<y3>{YEAR})\b|\s+of\s+'?(?P<yy>\d\d)\b|\s+(?P<yw>(?i:{_YEARW}))\b)?")
    yearword = rf"(?P<yw>(?i:{alt(L, 'yearword')}))"
    yearwords = rf"(?<=\b(?:in|of|by) )(?P<ywords>(?i:{_YEARW}))\b"
    rel = (rf"\b(?P<rw>(?i"
           rf":{alt(L, 'relday', 'narrday', 'relyear', 'narryear', 'relmonth', 'narrmonth', 'relweek', 'narrweek')})"
           rf")\b")
    wday = (rf"(?:(?P<wmod>(?i:{alt(L, 'weekmod')}))\s+)?(?P<wdn>(?i:{wdays}))\b(?:\s+(?:(?i:early|late)\s+)"
            rf"?(?P<wpart>(?i:morning|afternoon|evening|night)))?")
    weekn = (r"\b[Ww]eek\s+(?P<wn>5[0-3]|[1-4]\d|0?[1-9])\b(?![.,:]\d|\s*%)(?:\s+of\s+(?:(?P<wy>(?:19|20)\d\d)\b|"
             r"(?P<wrel>(?i:this|last|next)\s+year)\b))?"
             r"|\b(?:[Tt]he\s+)?(?P<word>(?i:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th))\s+week\s+of\s+"
             r"(?:(?P<wy2>(?:19|20)\d\d)\b|(?P<wrel2>(?i:this|last|next)\s+year)\b)")
    dur = (rf"(?P<pre>(?i:for|over|in|within|nearly|almost|about|around|more than|less than|at least|the past|"
           rf"the last|the next|the first|past|last|next|previous|following|coming|upcoming))?\s*"
           rf"(?<![\w.])(?:(?P<n>{num_rx})(?P<andq>\s+and\s+(?:a\s+)?(?:half|quarter))?|"
           rf"(?P<vague>(?i:{alt(L, 'vaguenum')})))(?:[\s-]+|(?<=[\d½]))"
           rf"(?:(?P<mid>(?i:next|past|previous|upcoming|coming|following|last))\s+)?"
           rf"(?P<u>(?i:{units}|quarters))\b"
           rf"(?P<andq2>\s+and\s+(?:a\s+)?(?:half|quarter)\b)?"
           rf"(?:\s+(?P<after>(?i:ago|later|earlier|from now|after(?!\s+\w)|before(?!\s+\w))))?")
    sets = (rf"(?P<set>(?i:every|each))\s+(?:(?P<sn>\d+|{nums})\s+|(?P<other>other)\s+)?(?:(?P<swd>(?i:{wdays}))|"
            rf"(?P<su>(?i:{units})))\b"
            rf"|(?P<adv>(?i:{alt(L, 'setadverb')}))\b|\b(?:on\s+)?(?P<pwd>(?i:{latin.plural_weekdays(L)}))\b")
    whole = rf"\b(?P<whole>(?i:{alt(L, 'wholeunit')}))\b"
    crange = (r"(?:\b(?P<rfrom>from|between)\s+)?(?<![\w:.])(?P<r1h>[01]?\d|2[0-3])(?:[:.](?P<r1m>[0-5]\d))"
              r"?\s?(?P<r1ap>[ap]\.?m\b\.?)?"
              r"\s*(?:-|–|\bto\b|\btill\b|\buntil\b|\band\b)\s*(?P<r2h>[01]?\d|2[0-3])(?:[:.](?P<r2m>[0-5]\d))"
              r"?\s?(?P<r2ap>[ap]\.?m\b\.?|o'?clock)?(?![\w:])"
              r"(?:\s+in\s+the\s+(?P<r2pd>morning|afternoon|evening)\b|\s+at\s+(?P<r2pd2>night)\b)?")
    # from 10 am for 3 hours, for 2.5 hours from 9: a clock time and how long from it
    clock_for = r"(?P<fh{k}>[01]?\d|2[0-3])(?:[:.](?P<fm{k}>[0-5]\d))?\s?(?P<fap{k}>[ap]\.?m\b\.?)?"
    dur_for = (rf"(?P<fn{{k}}>\d+(?:\.\d+)?|{nums})\s*(?P<fu{{k}}>hours?|hrs?|minutes?|mins?)\b"
               rf"(?:\s+(?:and\s+)?(?P<fn2{{k}}>\d+|{nums})\s*(?:minutes?|mins?)\b)?")
    cfor = (rf"\bfrom\s+{clock_for.format(k='')}\s+for\s+{dur_for.format(k='')}"
            rf"|\bfor\s+{dur_for.format(k='b')}\s+from\s+{clock_for.format(k='b')}(?![\w:])")
    season = rf"(?P<spre>(?i:this|last|next)\s+)?(?P<season>(?i:{seasons}))(?:\s+(?:of\s+)?(?P<sy>{YEAR})\b)?"
    decade = r"(?:the\s+)?(?P<dec>(?:19|20)?[1-9]0)'?s\b"
    # 2015-12, 2015-3, 12-2015: a year and a month joined by a hyphen (2011-12 is a season, checked in the resolver)
    ym = (rf"(?<![\w/.:\-])(?:(?P<ymy>(?:19|20)\d\d)-(?P<ymm>{MONTH})|(?P<ymm2>{MONTH})-(?P<ymy2>(?:19|20)\d\d))"
          r"(?![\w/]|[-.,:]\d)")
    ymon = (rf"(?<![\w./:#@+\-$£€])(?P<ymy>(?:19|20)\d\d),?\s+(?P<ymon>(?i:{month}))\b\.?(?!\s*(?:\d|[A-Z])"
            rf")")     # 2017 April (not 2017 May Day)
    theunit = (rf"(?:(?<=\bof )|(?<=\bfor )|(?<=\bin )|(?<=\bOf )|(?<=\bFor )|(?<=\bIn ))"
               rf"(?P<tu>(?i:{alt(L, 'theunit')}))\b(?!['-]|\s+(?:\d|[a-z]+ing\b|(?:{_THE_UNIT_NOT})\b))")
    faryear = (r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bback to ))(?P<fy>1[0-8]\d\d|2[1-9]\d\d)"
               r"(?=\s*(?:[.,;!?)]|$))")
    iso = latin.iso_rx(r"(?<![\w/.:])(?<!\d-)")        # report-2002-10-09.xlsx
    pats = [("yrange", year_range_rx()), ("holiday", latin.holiday_rx(L)), ("iso", iso), ("mdy", dates["mdy"]),
            ("slash", dates["slash"]), ("tok", latin.token_date_rx(L)), ("numdate", latin.numdate_rx(r"(?:19|20)\d\d")),
            ("mon", mon_only), ("yearword", yearword), ("ywords", yearwords), ("rel", rel), ("wday", wday),
            ("wdd", dates["wdd"]), ("dom", dates["dom"]), ("dayof", dates["dayof"]), ("weekn", weekn), ("dur", dur),
            ("set", sets), ("whole", whole), ("clock", _clock_rx()), ("crange", crange), ("cfor", cfor), ("season", season),
            ("year", latin.bare_year_rx("$£€")), ("decade", decade),
            ("ym", ym), ("ymon", ymon), ("theunit", theunit), ("faryear", faryear), ("enum", dates["enum"]),
            ("weekend", latin.weekend_rx(L)), ("period", latin.period_rx(L)),
            ("century", latin.century_rx(L))]
    return gated(L, pats, FLAGS, _gates())


def _gates() -> dict[str, str]:
    g = latin.gates(L)
    months = g["mon"]
    g["clock"] += (r"|\d\.[ap]|\bat (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|"
                   r"\b[ap]\.?\s?m\b|\d\s?[ap]\b"
                   r"|\d[ap]|noon|midday|midnight|mid night|past|quarter|\dish|morning|afternoon|evening|night|"
                   r"\s[ap]\s\.\s?m")
    g["dur"] += r"|quarters"
    g.update({"dom": r"\d(?:st|nd|rd|th)"
                     r"\b", "dayof": r"day of", "ywords": r"thousand|hundred|nineteen|eighteen|seventeen|twenty",
              "ym": r"\d-\d", "ymon": months, "theunit": r"the (?:year|month|week|day)", "faryear": r"\d\d\d\d",
              "enum": months, "cfor": r"\bfor\b.*\bfrom\b|\bfrom\b.*\bfor\b"})
    return g


# --------------------------------------------------------------------------- numbers, days and years in words

def number(w: str | None) -> int | None:
    """``7``, ``seven``, ``twenty-seven``, ``thirty six``, ``o'five`` → int (None if not a number)."""
    if not w:
        return None
    w = w.strip().lower()
    if w.isdigit():
        return int(w)
    w = re.sub(r"^o'?\s?", "", w) if w.startswith("o") and w not in ("one",) else w
    n = num(L, w)
    if n is None:
        parts = re.split(r"[\s-]+", w)
        vals = [num(L, x) for x in parts]
        if len(parts) == 2 and all(v is not None for v in vals):
            n = vals[0] + vals[1]
    return int(n) if n is not None and float(n).is_integer() else None


def day_word(w: str) -> int | None:
    """``ninth`` 9, ``twenty-first`` 21, ``thirty first`` 31, ``twenty nine`` 29 (a day of the month)."""
    if not w:
        return None
    low = w.lower()
    v = lookup(L, "ordinal", low)
    if v is None:
        head, _, tail = re.sub(r"[\s-]+", " ", low).partition(" ")
        tens = {"twenty": 20, "thirty": 30}.get(head)
        unit = lookup(L, "ordinal", tail) or lookup(L, "number", tail)
        v = tens + int(unit) if tens and unit and int(unit) < 10 else lookup(L, "number", low)
    d = int(v) if v is not None else None
    return d if d and 1 <= d <= 31 else None


def year_words(w: str) -> int | None:
    """``nineteen ninety six`` 1996, ``two thousand and fifteen`` 2015, ``seventeen hundred thirty three`` 1733."""
    low = re.sub(r"\s+and\s+|[\s-]+", " ", w.lower()).strip()
    m = re.match(r"(one|two) thousand ?(.*)$", low)
    if m:
        rest = number(m.group(2)) if m.group(2) else 0
        y = (1000 if m.group(1) == "one" else 2000) + (rest or 0)
    else:
        head, _, rest = low.partition(" ")
        rest = rest.removeprefix("hundred ").strip()
        c, r = number(head), number(rest)
        if c is None or r is None or r > 99:
            return None
        y = c * 100 + r
    return y if 1000 <= y <= YEAR_MAX else None


# --------------------------------------------------------------------------- day-month dates

_VERB_MONTHS = ("may", "march")       # also verbs: "you may", "they march"


def _is_verb_month(w: str) -> bool:
    return w.lower() in _VERB_MONTHS and w[0].islower()


def _mdy(g: dict, m: re.Match, st: State) -> Out | None:
    """``April 9, 2021``, ``22 July 2019``, ``March twenty first``, ``the 3rd of May at 5 pm``."""
    d = int(g.get("d") or g.get("d2") or 0) or day_word(g.get("dw") or g.get("dw2") or "")
    mm = re.search(rf"(?i:\b(?:{alt(L, 'month')}))\b", m.group(0))
    mo = latin.latin_month(L, mm.group(0)) if mm else None
    if (g.get("dw") or g.get("dw2")) and re.search(r"\bmay\b", m.group(0)):
        return None                   # "you may first", "march ten": a verb, not a month
    y = g.get("y") or g.get("yy") or (year_words(g["yw"]) if g.get("yw") else None)
    if g.get("yw") and y is None:
        return None
    return latin.resolve_day(g, st, mo, d, y)


def _slash(g: dict, m: re.Match, st: State) -> Out | None:
    """``4/5/2020``, ``19/06`` (day first when the first number cannot be a month); 24/7 is round the clock."""
    mo, d = int(g["sm"]), int(g["sd"])
    y = g.get("sy")
    if mo > 12 and d <= 12:
        mo, d = d, mo
    if y is None and (d, mo) == (24, 7):
        return None
    if mo > 12:
        return None
    return latin.resolve_day(g, st, mo, d, y, yearless_unknown=True)


_MONTH_PREPS = ("in", "since", "until", "till", "to", "through", "by", "early", "late", "mid", "last", "this", "next",
                "of", "end of", "the end of", "from", "during")


@lru_cache(maxsize=None)
def _month_then_month_year() -> re.Pattern:
    month = latin.pieces(L)[0]
    return re.compile(rf"\s?[-–]\s?(?:{month})\b\.?,?\s+(?:19|20)\d\d\b", re.I)


def _month_range_next(m: re.Match) -> bool:
    """A bare month that opens a range of months with its year at the end (``June-August 1992``,
    ``Nov-Feb 2017``): the merge step joins it to the second month, whose year it takes."""
    return bool(_month_then_month_year().match(m.string, m.end()))


def _mon(g: dict, m: re.Match, st: State) -> Out | None:
    """``in January``, ``March 2020``, ``April of 98``, ``last May``: a bare month name needs a
    preposition or a year (``May`` and ``March`` need a preposition of time), or to open a range
    of months dated at its end (``June-August 1992``)."""
    pre, mon = g.get("pre") or "", g["mon"]
    mo = latin.latin_month(L, mon)
    if mo is None:
        return None
    yy = int(g["yy"]) + (2000 if int(g["yy"]) < 50 else 1900) if g.get("yy") else None
    y = g.get("y") or g.get("y3") or yy or (year_words(g["yw"]) if g.get("yw") else None)
    relw = g.get("rel")
    opens_range = not (y or relw) and _month_range_next(m)
    if not (pre or y or relw or opens_range):
        return None
    if _is_verb_month(mon) and not y:
        return None
    if mon.lower() in _VERB_MONTHS and not (y or relw or opens_range or pre.lower() in _MONTH_PREPS):
        return None
    return latin.resolve_month(g, st, mo, y, relw, pre)


def _dom(g: dict, m: re.Match, st: State) -> Out | None:
    return day_of_month(int(g["dd"]), g.get("drel"), st)


def _dayof(g: dict, m: re.Match, st: State) -> Out | None:
    d = int(g["dd"]) if g.get("dd") else day_word(g.get("ddw") or "")
    return day_of_month(d, g.get("drel"), st) if d else None


def day_of_month(d: int, drel: str | None, st: State) -> Out | None:
    """``on the 18th``, ``the 15th day of next month``: a day of the anchor's month (past bias) or of
    the month named relatively."""
    from calendar import monthrange

    from .calendar import add_months
    if not 1 <= d <= 31:
        return None
    if st.ref is None:
        return Out(f"XXXX-XX-{d:02d}", "date", True)
    rel = (drel or "").lower()
    if rel:
        y, mo = add_months(st.ref.year, st.ref.month, {"next month": 1, "last month": -1}.get(rel, 0))
    else:
        a = st.last if st.last and st.last.m and st.last.gran in ("M", "D", "T") else None
        y, mo = (a.y, a.m) if a else (st.ref.year, st.ref.month)
        if a is None and d > st.ref.day and not (st.future or st.present):
            y, mo = add_months(y, mo, -1)
        elif a is None and d < st.ref.day and st.future:
            y, mo = add_months(y, mo, 1)
    if d > monthrange(y, mo)[1]:
        return None
    p = Point(y, mo, d, gran="D")
    return Out(p.iso(), "date", True, "reference", p)


def _enum(g: dict, m: re.Match, st: State) -> Out | None:
    mo, d = latin.latin_month(L, g["emon"]), int(g["ed"])
    if mo is None or _is_verb_month(g["emon"]):
        return None
    y = int(g["ey"]) if g.get("ey") else past_year(st, mo, d)
    try:
        date(y or 2000, mo, d)
    except ValueError:
        return None
    if y is None:
        return Out(f"XXXX-{mo:02d}-{d:02d}", "date", True)
    p = Point(y, mo, d, gran="D")
    return Out(p.iso(), "date", not g.get("ey"), None if g.get("ey") else "reference", p)


# --------------------------------------------------------------------------- year-months and years

_NOT_DATE_PREV = ("no.", "nr.", "#", "page", "pp.", "p.")
_NOT_DATE_AFTER = ("season", "votes", "win", "lead")


def _ym(g: dict, m: re.Match, st: State) -> Out | None:
    """``2015-12``, ``2015-3``, ``12-2015`` → ``YYYY-MM``; ``2011-12`` (the next year's two digits) is a season."""
    if g.get("ymy"):
        y, mm = int(g["ymy"]), g["ymm"]
        if len(mm) == 2 and int(mm) == (y + 1) % 100:
            return None
    else:
        y, mm = int(g["ymy2"]), g["ymm2"]
    s = m.string
    before = s[:m.start()].rstrip()
    prev = before.rsplit(None, 1)[-1] if before else ""
    if prev and (prev.isupper() and len(prev) > 1 or prev[-1].isdigit() or prev.lower() in _NOT_DATE_PREV):
        return None                               # "No. 3-2015", "A4 2015-3": a number, not a date
    after = s[m.end():m.end() + 12].lstrip().lower()
    if any(after.startswith(w) for w in lex(L).get("notyear", {})) or after.startswith(_NOT_DATE_AFTER):
        return None
    p = Point(y, int(mm), gran="M")
    return Out(p.iso(), "date", False, None, p, y)


def _ymon(g: dict, m: re.Match, st: State) -> Out | None:
    mon = g["ymon"]
    mo = latin.latin_month(L, mon)
    if mo is None or _is_verb_month(mon):
        return None                           # "in 2017 may be": a verb
    y = int(g["ymy"])
    cut = 1 if m.group(0).endswith(".") and len(mon) > 4 else 0     # the full stop after "2021 October."
    return Out(f"{y:04d}-{mo:02d}", "date", False, None, Point(y, mo, gran="M"), y, cut=cut)


def _the_unit(g: dict, m: re.Match, st: State) -> Out | None:
    """``player of the year``, ``for the month``, ``later in the week``: the story's (else the
    reference's) year, month, ISO week or day, at that unit."""
    unit = word_value(L, "theunit", re.sub(r"\s+", " ", g["tu"]))
    if unit == "D" and not m.string[:m.start()].lower().endswith("for "):
        return None                               # "at the end of the day", "the order of the day": idioms
    a = st.anchor()
    if a is None or unit is None or st.label == "meta":
        return Out(None, "date", True)
    anc = "narrative" if st.last else "reference"
    if unit == "Y":
        return Out(f"{a.y:04d}", "date", True, anc)
    if unit == "M" and a.gran != "Y":
        return Out(f"{a.y:04d}-{a.m:02d}", "date", True, anc)
    if unit in ("W", "D") and a.gran in ("D", "T"):
        if unit == "D":
            return Out(f"{a.y:04d}-{a.m:02d}-{a.d:02d}", "date", True, anc)
        iy, iw, _ = a.as_date().isocalendar()
        return Out(f"{iy:04d}-W{iw:02d}", "date", True, anc)
    return Out(None, "date", True)


def _faryear(g: dict, m: re.Match, st: State) -> Out | None:
    y = int(g["fy"])          # a remote year anchors the story but gives no year to a later bare month-day
    return Out(f"{y:04d}", "date", False, None, Point(y)) if y >= 1000 else None


def _ywords(g: dict, m: re.Match, st: State) -> Out | None:
    y = year_words(g["ywords"])
    return Out(f"{y:04d}", "date", False, None, Point(y), y) if y else None


def _season(g: dict, m: re.Match, st: State) -> Out | None:
    if g["season"] in ("fall", "Fall") and not (g.get("sy") or g.get("spre")):
        return None                               # "the fall of", "a fall in prices"
    return latin.resolve_season(g, m, st)


# --------------------------------------------------------------------------- weekdays

_AFTER_WEEK = re.compile(r"(?i)\bweek[\s,\-–]*$")
_SHORT_WEEKDAY_WORDS = ("Sat", "Sun", "Wed", "Mon")


def _wday(g: dict, m: re.Match, st: State) -> Out | None:
    """``last Monday``, ``Friday``; ``sat``, ``sun``, ``wed`` are words unless a week precedes them."""
    wd = int(word_value(L, "weekday", g["wdn"]) or 0)
    if not wd:
        return None
    after_week = _AFTER_WEEK.search(st.sentence, 0, m.start()) is not None
    if g["wdn"][:1].islower() and len(g["wdn"]) < 6 and not after_week:
        return None                           # "sat", "sun", "wed": words; "monday" is a day
    if len(g["wdn"]) <= 3 and g["wdn"] in _SHORT_WEEKDAY_WORDS and not (g.get("wmod") or after_week):
        return None                           # "next week Mon": a day of that week
    return latin.resolve_weekday(g, m, st, wd)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def with_part(out: Out | None, words: str | None) -> Out | None:
    """A day named with its part (``this evening``, ``last night``, ``Tuesday afternoon``) → the day
    and its TIMEX3 part (``2016-11-07TEV``, lexicon ``timexpart``); the point stays the day's, so
    a clock time after it still joins (``this evening at 8``)."""
    if out is None or not words or out.type != "date" or not _DAY_VALUE.fullmatch(out.value or ""):
        return out
    code = word_value(L, "timexpart", words.split()[-1])
    return replace(out, value=f"{out.value}T{code}") if code else out


def _rel(g: dict, m: re.Match, st: State) -> Out | None:
    return with_part(latin.resolve_rel(g, m, st), g.get("rw"))


def _wday_part(g: dict, m: re.Match, st: State) -> Out | None:
    return with_part(_wday(g, m, st), g.get("wpart"))


def _wdd(g: dict, m: re.Match, st: State) -> Out | None:
    """``Thursday the 20th``, ``tues the 4th``; ``Friday 7`` is a clock time or a count."""
    wd = int(word_value(L, "weekday", g["wdn"]) or 0)
    d = int(g["dd"]) if g.get("dd") else day_word(g.get("ddw") or "")
    if not wd or not d or (g["wdn"][:1].islower() and len(g["wdn"]) < 6 and not (g.get("the") or g.get("sfx"))):
        return None                           # "wed 12", but "tues the 4th" is a date
    if g.get("dd") and not (g.get("sfx") or g.get("the")) and d <= 12 \
            and not re.match(r"\s+(?:at|around)\b", st.sentence[m.end():]):
        return None                           # "Friday 7": a clock time or a count, not the 7th
    return latin.weekday_day(wd, d, st)


# --------------------------------------------------------------------------- durations, clock times

def _reject_count(g: dict, m: re.Match, nword: str, n: float, unit: str, pre: str, after: str) -> bool:
    """``a day``, ``a year`` alone are rarely time expressions in prose."""
    if nword.lower() in ("a", "an") and not pre and not after and not g.get("andq2") and unit in ("D", "Y", "M", "W") \
            and not re.match(r"(?i)an?\s", m.group(0).lstrip()):
        return True
    return nword.lower() in ("a", "an") and not (pre or after or g.get("andq2"))


_NEXT_WORDS = ("next", "the next", "following", "the following", "coming", "the coming", "upcoming", "the upcoming")
_PAST_WORDS = ("past", "the past", "last", "the last", "previous", "the previous")


def _dur(g: dict, m: re.Match, st: State) -> Out | None:
    """A duration; ``the next 3 days``, ``the past five years``, ``within 9 months``, ``the 2 upcoming
    months``: the stretch it names from the reference (the next from the day after it, the past up
    to it, within from it), a range ``(start,end,PnU)``."""
    quarters = g["u"].lower() == "quarters"          # only after a modifier: "three quarters of voters" is no time
    n = number(g.get("n"))
    out = Out(duration(n, "Q"), "duration") if quarters and n else latin.resolve_dur(
        g, m, st, lambda w: num(L, w), _reject_count)
    mod = (g.get("mid") or g.get("pre") or "").lower()
    if quarters and mod not in _NEXT_WORDS + _PAST_WORDS:
        return None
    if out is None or out.type != "duration" or not st.ref or st.label == "meta" or g.get("after"):
        return out
    unit = "Q" if quarters else latin.unit_of(L, g["u"])
    if unit not in ("D", "W", "M", "Y", "Q") or not n or n > 100:
        return out
    if unit == "Q":                       # whole quarters: from the next one, or up to the present one
        first = date(st.ref.year, 3 * ((st.ref.month - 1) // 3) + 1, 1)
        start = latin.add_months_date(first, 3 if mod in _NEXT_WORDS else -3 * n)
        v = interval_from(start, 3 * n, "M") if mod in _NEXT_WORDS + _PAST_WORDS else None
    elif mod in _NEXT_WORDS:
        v = interval_from(st.ref + timedelta(days=1), n, unit)
    elif mod in _PAST_WORDS:
        v = interval_from(latin.add_months_date(st.ref, -n * 12) if unit == "Y" else latin.add_months_date(
            st.ref, -n) if unit == "M" else st.ref - timedelta(days=n * (7 if unit == "W" else 1)), n, unit)
    elif mod == "within":
        v = interval_from(st.ref, n, unit)
    else:
        v = None
    return Out(v, "date", True, "reference") if v else out


def _clock(g: dict, m: re.Match, st: State) -> Out | None:
    """``7:56:30 pm``, ``8.10 pm``, ``9a``, ``seven p.m.``, ``one thirty p m``, ``half past seven``,
    ``ten past 9 in the evening``, ``quarter to six``, ``12 noon``, ``11ish``, ``in the morning at 7``."""
    sec = g.get("cs") or g.get("cs2")
    mi: int | None = None
    if g.get("noon"):
        hh = 0 if "night" in g["noon"].lower() else 12
    elif g.get("qh") or g.get("qh2"):
        h = number(g.get("qh") or g.get("qh2"))
        if h is None or h > 12:
            return None
        if g.get("qh2"):
            hh, mi = (h - 1) % 12, 45
        else:
            q = g["qm"].lower()
            mi = 30 if q == "half" else 15 if q.endswith("quarter") else number(q)
            hh = h
    else:
        hh = number(next((g[k] for k in ("ch", "ch2", "ch3", "ch4", "ch6", "ch7", "ch8", "ch9") if g.get(k)), None))
        mw = g.get("cm") or g.get("cm2") or g.get("cmw") or g.get("cmw4") or g.get("cm9")
        mi = number(mw) if mw else None
        if hh is None or (mw and mi is None):
            return None
    if mi is not None and mi > 59:
        return None
    ampm = (g.get("ampm") or g.get("ampm3") or g.get("ampm9") or "").lower().replace(" ", "")
    part = "pm" if ampm.startswith("p") else "am" if ampm.startswith("a") else None
    pw = g.get("cpart") or g.get("cpart2") or g.get("cpre")
    if pw:
        part = word_value(L, "part", pw)
    if part == "am" and hh == 12 and ampm.startswith("a"):
        hh = 0
    if g.get("ch2") and mi is None:
        return None
    from .calendar import clock_value
    v = clock_value(hh, mi, part)
    if v and sec and int(sec):
        v += f":{int(sec):02d}"
    return Out(v, "time") if v else None


@lru_cache(maxsize=None)
def _day_beside_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A day just before a clock range (``Monday 3-8``), a day just after it (``between 7 and 9 last
    night``), and the future days a bare ``6-8`` may precede (``6-8 next Monday``; scores are past)."""
    wd = alt(L, "weekday")
    before = re.compile(rf"(?i)\b(?:{wd})(?:\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night))?\s+$")
    future = rf"(?:today|tomorrow|tonight|(?:next|this|coming)\s+(?:{wd}))\b"
    after = re.compile(rf"(?i)\s+(?:on\s+)?(?:{future}|(?:yesterday|last\s+night)\b|"
                       rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?![\w/]))")
    return before, after, re.compile(rf"(?i)\s+(?:on\s+)?{future}")


_RANGE_END = re.compile(r"(?i)\s*(?:$|[.,;:!?)]|(?:or|and|with|for|on|in|at|next|this|coming|yesterday|today|"
                        r"tomorrow|tonight|last)\b)")


def _bare_range_beside_day(m: re.Match, st: State, h1: int, h2: int) -> bool:
    """``Monday 3-8``, ``between 3 and 8 yesterday``, ``6-8 next Monday``: hours without am/pm are a
    clock range only next to a day (a score is never ``x-0``, and ``won 3-1 on Sunday`` is past)."""
    if h2 == 0 or h1 == h2 or h1 > 12 or h2 > 12:
        return False
    before, after, future = _day_beside_rx()
    s = m.string
    if not _RANGE_END.match(s, m.end()):
        return False                              # "Monday 3-5 percent", "Saturday 2-1 win": a count or a score
    b = before.search(s, 0, m.start())
    if b:
        wd = int(word_value(L, "weekday", b.group(0).split()[0]) or 0)
        if st.ref and m.group("rfrom") is None:       # "Friday 7-6" where 6 July is a Friday: a date
            try:
                if date(st.ref.year, h1, h2).isoweekday() == wd:
                    return False
            except ValueError:
                pass
        return True
    return bool((after if m.group("rfrom") else future).match(s, m.end()))


def _crange(g: dict, m: re.Match, st: State) -> Out | None:
    """``from 7 to 7:30pm``, ``between 3:00 pm and 5:00 pm``, ``1-3 pm``, ``Monday 3-8``: the end's
    am/pm carries over; bare hours only with minutes after from/between or beside a day."""
    hours = latin.range_hours(g, number)
    if hours is None:
        return None
    h1, h2, m1, m2 = hours
    ap1, ap2 = (g.get("r1ap") or "").lower(), (g.get("r2ap") or "").lower()
    day_part = g.get("r2pd") or g.get("r2pd2")
    if day_part and not (ap1 or ap2):          # between 5 and 6 in the afternoon: the part is both ends'
        ap1 = ap2 = "am" if day_part.lower() == "morning" else "pm"
    if not (ap1 or ap2 or (g.get("rfrom") and (g.get("r1m") or g.get("r2m"))) or _bare_range_beside_day(m, st, h1, h2)):
        return None                            # "from 3 to 5": counts as often as hours
    if not ap1 and ap2.startswith("p") and h1 < 12 and (h1 * 60 + m1 <= (h2 % 12) * 60 + m2 or h2 == 12):
        ap1 = "pm"
    def part(ap: str) -> str | None:
        return "pm" if ap.startswith("p") else "am" if ap.startswith("a") else None
    return latin.range_value(g, h1, m1, part(ap1), h2, m2, part(ap2) or part(ap1))


def _cfor(g: dict, m: re.Match, st: State) -> Out | None:
    """``from 10 am for 3 hours 30 minutes``, ``for 2 hours from 2pm``, ``from 9 for 2.5 hrs``: the
    stretch from the clock time on, ``(T10,T13:30:00,PT3H30M)`` (the end reckoned, to the second, as
    Recognizers-Text writes it)."""
    k = "" if g.get("fh") else "b"
    h, mi = int(g["fh" + k]), int(g.get("fm" + k) or 0)
    ap = (g.get("fap" + k) or "").lower()
    v1 = clock_value(h, mi if g.get("fm" + k) else None, "pm" if ap.startswith("p") else "am" if ap else None)
    n = _amount(g["fn" + k])
    n2 = _amount(g.get("fn2" + k)) if g.get("fn2" + k) else 0
    if v1 is None or n is None or n2 is None:
        return None
    minutes = n * 60 + n2 if g["fu" + k].lower().startswith("h") else n + n2
    if not float(minutes).is_integer() or not 0 < minutes <= 24 * 60:
        return None
    end = (int(v1[1:3]) * 60 + mi + int(minutes)) % (24 * 60)
    value = join(v1, f"T{end // 60:02d}:{end % 60:02d}:00")
    return Out(value, "time") if value else None


def _amount(w: str | None) -> float | None:
    """``2.5``, ``3``, ``two`` → the number."""
    if w and re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    n = number(w)
    return float(n) if n is not None else None


RESOLVERS = {
    **latin.common_resolvers(),
    "mdy": _mdy,
    "slash": _slash,
    "mon": _mon,
    "ywords": _ywords,
    "wday": _wday_part,
    "rel": _rel,
    "wdd": _wdd,
    "dom": _dom,
    "dayof": _dayof,
    "dur": _dur,
    "clock": _clock,
    "crange": _crange,
    "cfor": _cfor,
    "season": _season,
    "ym": _ym,
    "ymon": _ymon,
    "theunit": _the_unit,
    "faryear": _faryear,
    "enum": _enum,
}
DAY_TAKES_TRAILING_HOUR = True     # "last night at 8", "Friday the 26th at 4": see merge.trailing_hour


_AMPM_STOP = re.compile(r"(?i)\d\s?[ap]m\.$")      # "until 5pm." (not "5 p.m.", whose dot is its own)


def full_stop(surface: str) -> bool:
    """The surface ends with a sentence's full stop after a month name (see ``latin.full_stop``) or
    after ``am`` / ``pm`` written without dots."""
    return latin.full_stop(L, surface) or bool(_AMPM_STOP.search(surface))
