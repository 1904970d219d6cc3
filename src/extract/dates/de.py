"""The German grammar of the dates stage: patterns built from ``resources/dates_de.txt`` and the
name → resolver table (``RESOLVERS``), shared Latin resolvers plus German ones (ordinal dates,
clock words such as ``halb 8`` and ``Viertel nach drei``, ``Morgen`` the noun).

Reads the de date lexicon; writes nothing.
"""
from __future__ import annotations

import re

from ..text import alternation
from . import latin
from .calendar import duration, num
from .latin import DAY, MONTH, YEAR
from .rules import Rules, alt, gated, lex, word_value
from .shared import Out, State, year_range_rx

L = "de"
# case-sensitive patterns: German nouns are capitalized; month names are checked in the resolver
FLAGS = {"dur": 0, "year": 0, "mon": 0, "ordm": 0, "weekn": 0}


def _parts() -> str:
    """Parts of day as adverbs (``morgens``, ``spätabends``): the lower-case ``part`` words."""
    return alternation(w for w in lex(L).get("part", {}) if w.islower())


def _ordinal_stems(top: int) -> str:
    return alternation(w for w, v in lex(L).get("ordinal", {}).items() if int(v) <= top)


def _day_ordinal_rx() -> str:
    """A day as an ordinal word: ``zweiten``, ``einundzwanzigsten``, ``dreizehnte``."""
    return rf"[a-zäöüß]*?(?:{_ordinal_stems(12)}|zigst|ßigst)e[nrms]?"


def rules() -> Rules:
    month, wdays, nums, units, seasons, mon, year = latin.pieces(L)
    prep = alt(L, "monthprep")
    relyw = alt(L, "relyearword")
    parts = _parts()
    abbr = "|".join(_ABBREVIATIONS)
    num_rx = rf"(?:\d+(?:[.,]\d+)?|(?i:{nums})|(?i:[a-zäöü]+und[a-zäöü]+zig))"
    dmy = (rf"(?:(?P<wd>{wdays}),?\s+(?:den\s+)?)?(?:(?P<pre>{prep})\s+(?:dem\s+)?)?"
           rf"(?P<d>{DAY})\.\s?(?:{mon}|(?P<mn>{MONTH})\.)(?:\s?(?P<y>{YEAR})\b)?"
           rf"(?:,?\s+(?:um\s+)?(?P<hh>[012]?\d)[:.](?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?:\s?Uhr)?)?")
    # am 22.04: day and month without the month's dot, only after a preposition of dates
    dm = (r"(?:(?<=\b[Aa]m )|(?<=\b[Vv]om )|(?<=\bbis )|(?<=\b[Aa]b ))"
          rf"(?P<d>{DAY})\.(?P<mn>{MONTH})(?![\d.,]|\s*(?:Uhr|%|Prozent|Euro))")
    mon_only = rf"(?:(?P<pre>{prep})\s+)?{mon}(?:\s+(?P<rel>{relyw})|\s+{year})?"
    yearword = (rf"(?P<endw>(?:Ende|Anfang|Mitte|Beginn)\s+(?:des\s+)?(?:(?P<rel2>{relyw})|Jahres\b|(?P<y2>{YEAR})\b))"
                rf"|(?P<yw>{alt(L, 'yearword')})")
    rel = rf"\b(?P<rw>{alt(L, 'relday', 'narrday', 'relyear', 'narryear', 'relmonth', 'relweek')})\b"
    wday = (rf"(?:\b(?P<wmod>{alt(L, 'weekmod')})\s+|\b(?P<wset>jeden|immer)\s+)?\b(?P<wdn>{wdays})"
            rf"(?:\b|(?P<wpart2>vormittag|nachmittag|abend|morgen|mittag|nacht)s?\b)(?:\s+(?P<wpart>{alt(L, 'part')}))?"
            rf"(?:,?\s+(?:um\s+)?(?P<whh>[012]?\d)(?:[:.](?P<wmi>[0-5]\d))?(?:\s?Uhr\b)?(?![\d.])"
            rf"(?:\s+(?P<wpart3>{parts})\b)?)?")
    dur = (rf"(?P<pre>vor|seit|für|nach|in|über|fast|knapp|rund|etwa|mehr als|innerhalb von|innerhalb)?\s*"
           rf"(?:(?<![\d:.,])(?P<n>{num_rx})|(?P<vague>(?i:{alt(L, 'vaguenum')})))\s+(?P<adj>(?:[a-zäöüß]+(?:en|e|er|"
           rf"es|em)\s+){{0,2}})"
           rf"(?P<u>[A-ZÄÖÜ][a-zäöüß]*?(?i:{units})|(?:{units})|(?:{abbr}))\b(?:\s+(?P<after>{alt(L, 'afterword')}))?")
    sets = (rf"(?P<set>(?i:{alt(L, 'setword')}))\s+(?:(?P<sn>\d+|{nums})\s+)?(?:(?P<swd>{wdays})|(?P<su>{units}))\b"
            rf"|\b(?P<adv>(?i:{alt(L, 'setadverb')}))\b|\b(?:(?:immer|jeden)\s+)"
            rf"?(?P<pwd>(?i:{latin.plural_weekdays(L)}))\b")
    whole = rf"\b(?P<whole>(?i:{alt(L, 'wholeunit')}))\b"
    # 14-minütige, zweistündigen, dreitägige: a duration as an adjective (not -jährige: an age)
    dadj = (rf"(?:\b(?P<pre>rund|etwa|knapp|fast|gut)\s+)?\b(?P<n>\d+(?:[.,]\d+)?|(?i:{nums}))-?"
            r"(?P<u>minütig|stündig|tägig|wöchig)(?:e[nrms]?)?\b")
    qhour = rf"(?:\b(?:eine[rn]?|ein)\s+)?\b(?P<qhour>(?i:{alt(L, 'quarterhour')}))\b"
    dslash = rf"(?<![\w/.])(?P<sd>{DAY})/(?P<sm>{MONTH})(?:/(?P<sy>(?:19|20)?\d\d))?(?![\w/]|[.,]\d)"
    wdd = rf"\b(?P<wdn>{wdays}),?\s+(?:der|den)\s+(?P<dd>{DAY})\.(?!\s*(?:\d|(?i:{month})\b))"
    mord = rf"(?:{_ordinal_stems(12)})e[nrms]?"
    dord = _day_ordinal_rx()
    ordm = (rf"\b(?:(?P<owd>{wdays}),?\s+(?:den\s+|der\s+)?)?(?:(?P<dord>{dord})|(?P<dnum>{DAY})\.)(?:\s+|/)"
            rf"(?:(?P<mord>{mord})\b|(?P<mnum>{MONTH})\.)(?:\s?(?P<y>{YEAR})\b)?(?!\s+[A-ZÄÖÜ\d])")
    weekn = (r"\b(?:KW|Kalenderwoche)\s?(?P<wn>5[0-3]|[1-4]\d|0?[1-9])\b(?:\s*(?:/\s*)?(?P<wy>(?:19|20)\d\d)\b)?"
             r"|\b(?:in\s+der\s+)(?P<wn2>5[0-3]|[1-4]\d|0?[1-9])\.\s+(?:Kalender)?[Ww]oche\b")
    crange = (rf"(?:\b(?P<rpre>{parts})\s+)?\b(?P<rfrom>von|zwischen)\s+"
              rf"(?P<r1h>[01]?\d|2[0-3]|(?i:{nums}))(?:[:.](?P<r1m>[0-5]\d))?(?P<r1u>\s?Uhr\b)?\s+(?:bis|und)"
              rf"\s+(?:(?:um|zum)\s+)?"
              rf"(?P<r2h>[01]?\d|2[0-3]|(?i:{nums}))(?:[:.](?P<r2m>[0-5]\d))?(?![\d.,])(?P<r2u>\s?Uhr\b)"
              rf"?(?:\s+(?P<rpart>(?i:{parts})))?")
    hnum = rf"(?:1[0-2]|0?[1-9]|{nums})"
    clock = (rf"(?:\b(?P<cpre>{parts})\s+)?(?:um\s+)?(?:"
             rf"(?P<ch>[012]?\d)(?:[:.](?P<cm>[0-5]\d)(?::(?P<cs>[0-5]\d))?)?\s?Uhr\b"
             rf"(?:\s+(?:und\s+)?(?P<cm3>[0-5]?\d)\b(?![.,]?\d|\s*(?:Minuten|Uhr|%|Prozent|Euro)))?"
             rf"|\b(?P<chw>{nums})\s+Uhr\b"
             rf"|(?:(?<=um )|(?<=gegen )|(?<=ab )|(?<=bis )|(?<=von )|(?<=seit ))(?<![\d.:])(?P<ch2>[012]?\d)"
             rf":(?P<cm2>[0-5]\d)(?::(?P<cs2>[0-5]\d))?(?![\d:])"
             rf"|\b(?P<frac>halb|viertel|dreiviertel)\s+(?P<fh>{hnum})\b(?!\s*(?:{units}|Prozent|%))"
             rf"|\b(?P<qn>viertel|zehn|fünf|zwanzig)\s+(?P<dir>nach|vor)\s+(?P<qh>{hnum})\b(?!\s*(?:{units}|"
             rf"Christus|Chr))"
             rf"|\b(?P<mid>Mitternacht|mitternachts|Mittagszeit|Mittagsstunde)"
             rf"|(?<=um )(?P<ch4>[012]?\d)(?=\s+(?i:{parts})\b))"
             rf"(?:\s+(?P<cpart>{parts}))?")
    season = rf"(?:(?:im|Im)\s+)?(?P<season>{seasons})\s+(?:(?P<sy>{YEAR})\b|(?P<srel>{relyw}))"
    decade = r"(?P<dec>(?:19|20)?[1-9]0)er(?:\s+Jahren?|-Jahren?)\b"
    ordw = rf"\b(?:(?P<owd>{wdays}),?\s+(?:den\s+)?)?(?P<dord>{dord})\s+{mon}(?:\s?(?P<y>{YEAR})\b)?"
    pats = [("yrange", year_range_rx()), ("holiday", latin.holiday_rx(L)), ("iso", latin.iso_rx(r"(?<![\w/.:-])")),
            ("dmy", dmy), ("ordw", ordw),
            ("mon", mon_only), ("yearword", yearword), ("rel", rel), ("wday", wday),
            ("dur", dur), ("set", sets), ("whole", whole), ("qhour", qhour), ("dadj", dadj),
            ("tok", latin.token_date_rx(L, with_prep=False)),
            ("slash", dslash), ("wdd", wdd), ("ordm", ordm), ("weekn", weekn), ("crange", crange), ("clock", clock),
            ("season", season), ("year", latin.bare_year_rx()), ("weekend", latin.weekend_rx(L)), ("period", latin.period_rx(L)),
            ("century", latin.century_rx(L)), ("decade", decade),
            ("dm", dm), ("numdate", latin.numdate_rx(r"(?:19|20)?\d\d"))]
    g = latin.gates(L)
    g.update({"dm": r"\d\.\d", "dadj": r"minütig|stündig|tägig|"
                      r"wöchig", "dmy": r"\d\.", "ordm": rf"(?:{_ordinal_stems(12)}|zigst|ßigst)"
                                                         rf"e[nrms]?[\s/]", "qhour": r"stunde"})
    g["clock"] += r"|um \d"
    return gated(L, pats, FLAGS, g)


# --------------------------------------------------------------------------- ordinal dates

_TEEN = {"drei": 3, "vier": 4, "fünf": 5, "sech": 6, "sieb": 7, "acht": 8, "neun": 9}
_UNIT = {**_TEEN, "ein": 1, "zwei": 2, "sechs": 6, "sieben": 7}


def ordinal(w: str) -> int | None:
    """``zweiten`` 2, ``neunundzwanzigsten`` 29, ``dreizehnte`` 13 (a day of the month, 1–31)."""
    stems = lex(L)["ordinal"]
    stem = re.sub(r"e[nrms]?$", "", w.lower())
    if stem in stems:
        return int(stems[stem])
    unit, sep, tens = stem.partition("und")
    if sep and tens in stems and _UNIT.get(unit):
        n = _UNIT[unit] + int(stems[tens])
    elif stem.endswith("zehnt") and stem[:-5] in _TEEN:
        n = _TEEN[stem[:-5]] + 10
    else:
        return None
    return n if 1 <= n <= 31 else None


def _ordw(g: dict, m: re.Match, st: State) -> Out | None:
    """``zweiten Mai``, ``einunddreißigsten Januar 2020``."""
    d = ordinal(g["dord"])
    return latin.resolve_dmy({**g, "d": str(d)}, m, st) if d is not None else None


def _ordm(g: dict, m: re.Match, st: State) -> Out | None:
    """``dritten vierten``, ``12. dritten 2024``: day and month, one of them an ordinal word."""
    d = ordinal(g["dord"]) if g.get("dord") else int(g["dnum"])
    mo = int(lex(L)["ordinal"].get(re.sub(r"e[nrms]?$", "", g["mord"].lower()), 0)) or None if g.get("mord") \
        else int(g["mnum"])
    if not (g.get("dord") or g.get("mord")) or d is None or not mo or mo > 12:
        return None
    return latin.resolve_dmy({**g, "d": str(d), "mn": str(mo)}, m, st)


def _slash(g: dict, m: re.Match, st: State) -> Out | None:
    """``29/3``: day first; 3/4, 1/2 without a year are fractions, 24/7 is round the clock."""
    mo, d = int(g["sm"]), int(g["sd"])
    y = g.get("sy")
    if y is None and ((d, mo) == (24, 7) or d <= 12):
        return None
    if mo > 12:
        return None
    return latin.resolve_day(g, st, mo, d, y, yearless_unknown=True)


# --------------------------------------------------------------------------- months, weekdays, relative words

_BARE_MONTH_NOT = ("Mai", "August", "Jan", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Okt", "Oct", "Nov", "Dez",
                   "Dec", "Feb", "Sept")      # also a name or a word: a preposition or a year is needed


def _mon(g: dict, m: re.Match, st: State) -> Out | None:
    pre, mon = g.get("pre") or "", g["mon"]
    mo = latin.latin_month(L, mon)
    if mo is None:
        return None
    y, relw = g.get("y"), g.get("rel")
    if not (pre or y or relw) and mon.rstrip(".") in _BARE_MONTH_NOT:
        return None
    return latin.resolve_month(g, st, mo, y, relw, pre)


def _wday(g: dict, m: re.Match, st: State) -> Out | None:
    """``am Montag``, ``nächsten Freitag``, ``jeden Dienstag um 9 Uhr`` (a set)."""
    wd = int(word_value(L, "weekday", g["wdn"]) or 0)
    if not wd:
        return None
    if g.get("wset"):
        v = f"XXXX-WXX-{wd}"
        if g.get("whh") is not None and int(g["whh"]) <= 24:
            v += f"T{int(g['whh']):02d}" + (f":{int(g['wmi']):02d}" if g.get("wmi") else "")
        return Out(v, "set")
    return latin.resolve_weekday(g, m, st, wd)


def _wdd(g: dict, m: re.Match, st: State) -> Out | None:
    """``Mittwoch, den 19.``"""
    wd = int(word_value(L, "weekday", g["wdn"]) or 0)
    d = int(g["dd"]) if g.get("dd") else None
    return latin.weekday_day(wd, d, st) if wd and d else None


_MORNING_NOUN = re.compile(r"(?i)(?:\b(?:am|jeden|den|diesen|einen|heute|gestern|guten|frühen)\s+)$")


def _rel(g: dict, m: re.Match, st: State) -> Out | None:
    w = g["rw"]
    if w.lower() == "morgen" and (_MORNING_NOUN.search(st.sentence[:m.start()])
                                  or w[0].isupper() and st.sentence[:m.start()].strip()):
        return None           # "am Morgen", "heute Morgen": the morning, not tomorrow
    return latin.resolve_rel(g, m, st)


# --------------------------------------------------------------------------- durations, clock times

_ABBREVIATIONS = ("sek", "min", "std", "tg")     # lower-case unit abbreviations: 123,45 sek, in 15 tg
_ARTICLES = ("ein", "eine", "einen")        # the dative einem / einer follows a preposition: a duration
_CLOCK_UNITS = ("H", "MIN", "S")               # eine Stunde, eine Minute: always a duration


def _reject_count(g: dict, m: re.Match, nword: str, n: float, unit: str, pre: str, after: str) -> bool:
    """``eine Woche`` alone is rarely a time expression (a year or an hour is); a unit needs its capital."""
    if nword.lower() in _ARTICLES and not (pre or after) and unit not in ("Y",) + _CLOCK_UNITS:
        return True
    return g["u"][0].islower() and g["u"].lower() not in _ABBREVIATIONS


def _dur(g: dict, m: re.Match, st: State) -> Out | None:
    return latin.resolve_dur(g, m, st, lambda w: num(L, w.replace(",", ".")), _reject_count)


_ADJ_UNIT = {"minütig": "MIN", "stündig": "H", "tägig": "D", "wöchig": "W"}


def _dadj(g: dict, m: re.Match, st: State) -> Out | None:
    """``rund 14-minütige``, ``zweistündigen`` → PT14M, PT2H."""
    n = num(L, g["n"].replace(",", "."))
    return Out(duration(n, _ADJ_UNIT[g["u"].lower()]), "duration") if n and n <= 1000 else None


def _crange(g: dict, m: re.Match, st: State) -> Out | None:
    """``von 17 bis 18 Uhr``, ``morgens von 5 bis sieben``: needs Uhr, minutes or a part of day."""
    hours = latin.range_hours(g, lambda w: num(L, w))
    if hours is None:
        return None
    h1, h2, m1, m2 = hours
    pw = (g.get("rpart") or g.get("rpre") or "").lower()
    if not (g.get("r1u") or g.get("r2u") or pw or g.get("r1m") or g.get("r2m")):
        return None                            # "von 5 bis 6" without Uhr: a score, a count
    part = word_value(L, "part", pw) if pw else None
    return latin.range_value(g, h1, m1, part, h2, m2)


_FRACTION = {"halb": 30, "viertel": 15, "dreiviertel": 45}
_QUARTER = {"viertel": 15, "zehn": 10, "fünf": 5, "zwanzig": 20}


def _int(w: str | None) -> int | None:
    v = num(L, w) if w else None
    return int(v) if v is not None and float(v).is_integer() else None


def _clock(g: dict, m: re.Match, st: State) -> Out | None:
    """``18 Uhr 12``, ``zehn Uhr``, ``um 18:12``, ``halb 8``, ``Viertel nach drei``, ``Mitternacht``,
    ``abends um 8 Uhr`` (a part of day before or after), ``12 Uhr nachts`` → T00."""
    mi, sec = 0, None
    if g.get("mid"):
        hh = 0 if g["mid"].lower().startswith("mitternacht") else 12
    elif g.get("frac"):
        h = _int(g["fh"])
        if h is None:
            return None
        hh, mi = (h - 1) % 12, _FRACTION[g["frac"].lower()]
    elif g.get("qn"):
        h, q = _int(g["qh"]), _QUARTER[g["qn"].lower()]
        if h is None:
            return None
        hh, mi = (h, q) if g["dir"].lower() == "nach" else ((h - 1) % 24, 60 - q)
    else:
        hh = _int(g.get("ch") or g.get("chw") or g.get("ch2") or g.get("ch4"))
        if hh is None:
            return None
        mi = int(g.get("cm") or g.get("cm3") or g.get("cm2") or 0)
        sec = g.get("cs") or g.get("cs2")
    pw = (g.get("cpart") or g.get("cpre") or "").lower()
    part = word_value(L, "part", pw) if pw else None
    if hh == 12 and pw in ("abends", "nachts", "spätabends"):
        hh = 0
    elif part == "pm" and hh < 12:
        hh += 12
    if hh > 24 or mi > 59:
        return None
    minutes = mi or g.get("cm") or g.get("cm2") or g.get("cm3") or g.get("frac") or g.get("qn")
    v = f"T{hh % 24:02d}:{mi:02d}" if minutes else f"T{hh % 24:02d}"
    if sec and int(sec):
        v += f":{int(sec):02d}"
    return Out(v, "time")


RESOLVERS = {
    **latin.common_resolvers(),
    "dmy": latin.resolve_dmy,
    "dm": latin.resolve_dmy,
    "ordw": _ordw,
    "ordm": _ordm,
    "slash": _slash,
    "mon": _mon,
    "wday": _wday,
    "wdd": _wdd,
    "rel": _rel,
    "dur": _dur,
    "dadj": _dadj,
    "crange": _crange,
    "clock": _clock,
    "qhour": latin.resolve_word("qhour", "quarterhour", "duration"),
}
DAY_TAKES_TRAILING_HOUR = True     # "Montag um 14" after a day: see merge.trailing_hour


def full_stop(surface: str) -> bool:
    """The surface ends with a sentence's full stop after a month name (see ``latin.full_stop``)."""
    return latin.full_stop(L, surface)
