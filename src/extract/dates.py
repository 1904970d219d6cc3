"""Stage 4b — time expressions: find them in zh / de / en sentences and give them ISO values.

Three steps per article, in document order:

1. **Candidates.** Every rule pattern of the language (built once from the lexicons
   ``resources/dates_{zh,de,en}.txt`` and compiled lazily) is run over each sentence; overlapping
   candidates are resolved longest-first, so ``2022 年秋季`` wins over ``2022 年``.
2. **Resolution** of each kept candidate against
   - nothing (absolute: ``2024年5月17日``, ``1. Oktober 2024``, ``近十年`` → ``P10Y``),
   - the reference date, with a past bias for news (``今年5月``, ``去年11月``, ``上周三``,
     ``vor drei Jahren``, ``last Tuesday``; a bare month after the reference month is last year's
     unless the sentence speaks of the future: ``plant, ab dem 1. Oktober``),
   - the narrative: the last resolved date of the article (``第二天``, ``当晚 9 时 43 分``,
     ``两个月后``, ``am selben Tag``, ``the next day``), at the granularity of that anchor.
     An offset whose anchor is too coarse or missing stays a duration (``106个小时后`` → ``PT106H``).
3. **Output**: ``DateMention`` records with article-level offsets, ``text[start:end] == surface``.

Values are TIMEX3-like ISO strings: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM``,
``YYYY-Www``, seasons ``2022-FA``, decades ``198``, half years ``2024-H1``, durations ``P3Y`` /
``PT106H``, weekends ``2016-W45-WE``, sets ``XXXX-WXX-2`` / ``P1W`` / ``XXXX-WXX-3T16``, a clock range
(``from 7 to 7:30pm``) valued by its start, ``XXXX-MM-DD`` when no year can be known, and ``None`` for vague expressions
(``过去几个月``, ``seit vielen Jahren``). Deictic adverbs (最近, 目前, damals, jetzt), ages and
quantities are not time expressions.
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Sequence

from . import lexicon
from .model import DateMention, Sentence

LANGUAGES = ("zh", "de", "en")
YEAR_MIN, YEAR_MAX = 1900, 2099   # a bare 4-digit number is read as a year only in this range
WEEKDAY_WINDOW = (-4, 2)          # a bare weekday is the nearest one in this window around the anchor (past bias)

_GRAN = {"Y": 0, "M": 1, "D": 2, "T": 3}        # granularity order of a resolved point
_UNIT_GRAN = {"C": "Y", "10Y": "Y", "Y": "Y", "Q": "M", "M": "M", "W": "D", "D": "D", "H": "D", "MIN": "D", "S": "D"}
_SENT_SPLIT = re.compile(r"[^。！？!?\n]*[。！？!?\n]+|[^。！？!?\n]+")


# --------------------------------------------------------------------------- lexicons

@lru_cache(maxsize=None)
def _lex(language: str) -> dict[str, dict[str, str]]:
    """``{category: {word: value}}`` from ``resources/dates_<language>.txt``."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicon.rows(f"dates_{language}.txt", 2, 3):
        out.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 else ""
    return out


def _alt(language: str, *cats: str) -> str:
    words = [w for c in cats for w in _lex(language).get(c, {})]
    return lexicon.alternation(words)


def _lookup(language: str, cat: str, word: str, fold: bool = False) -> str | None:
    d = _lex(language).get(cat, {})
    if word in d:
        return d[word]
    if fold:
        low = word.casefold()
        for k, v in d.items():
            if k.casefold() == low:
                return v
    return None


# --------------------------------------------------------------------------- numbers

_CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def cn_number(s: str) -> float | None:
    """Arabic or Chinese numeral → number (``二十三`` 23, ``二〇二三`` 2023, ``3.5``); None if not one."""
    s = s.strip()
    if not s:
        return None
    try:
        return float(s) if "." in s else int(s)
    except ValueError:
        pass
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


def _num(language: str, s: str) -> float | None:
    s = s.strip()
    n = cn_number(s)
    if n is not None:
        return n
    v = _lookup(language, "number", s, fold=True)
    if v is None and language in ("de", "en"):    # einundzwanzig / twenty-one
        low = s.casefold()
        for sep in ("und", "-", " "):
            if sep in low:
                a, _, b = low.partition(sep)
                x, y = _lookup(language, "number", a, True), _lookup(language, "number", b, True)
                if x and y:
                    return float(x) + float(y)
    return float(v) if v is not None else None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration(n: float | None, unit: str) -> str | None:
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
        return f"PT{_fmt_num(n)}{'M' if unit == 'MIN' else unit}"
    return f"P{_fmt_num(n)}{unit}"


# --------------------------------------------------------------------------- resolved points

@dataclass(frozen=True)
class _Point:
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


def _from_date(d: date, gran: str = "D") -> _Point:
    return _Point(d.year, d.month, d.day, gran=gran)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _shift(p: _Point, n: float, unit: str) -> _Point | None:
    """``p`` moved by ``n`` units, kept at the coarser of p's and the unit's granularity."""
    if p.y is None:
        return None
    n = int(n)
    gran = p.gran if _GRAN[p.gran] <= _GRAN[_UNIT_GRAN.get(unit, "D")] else _UNIT_GRAN.get(unit, "D")
    if unit in ("C", "10Y", "Y"):
        k = n * (100 if unit == "C" else 10 if unit == "10Y" else 1)
        y = p.y + k
        d = p.d
        if p.m == 2 and d == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
            d = 28
        return _Point(y, p.m, d, p.hh, p.mi, gran)
    if unit in ("M", "Q"):
        y, m = _add_months(p.y, p.m or 1, n * (3 if unit == "Q" else 1))
        d = min(p.d, monthrange(y, m)[1]) if p.d else p.d
        return _Point(y, m, d, p.hh, p.mi, gran)
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
            return _Point(dd.year, dd.month, dd.day, int(tot // 60) % 24, int(tot % 60), "T")
        return _Point(nd.year, nd.month, nd.day, gran=gran) if gran in ("D", "T") else _Point(nd.year, nd.month, gran=gran)
    nd = base + timedelta(days=days * n)
    if gran == "Y":
        return _Point(nd.year)
    if gran == "M":
        return _Point(nd.year, nd.month, gran="M")
    return _Point(nd.year, nd.month, nd.day, p.hh, p.mi, "T" if p.gran == "T" else "D")


# --------------------------------------------------------------------------- patterns

_S = r"[ \u3000]?"       # one optional space inside expressions: 今年 4 月, 当晚 9 时 43 分
_CNN = "零〇一二两三四五六七八九十百千"
_URLISH = re.compile(r"(?:https?:|www\.|/)\S*$")


@dataclass(frozen=True)
class _Rules:
    language: str
    patterns: tuple[tuple[str, re.Pattern], ...]
    trigger: re.Pattern | None     # sentences without a match are skipped
    gates: tuple[re.Pattern | None, ...] = ()   # per pattern: a cheap search that must hit first


def _gated(language: str, pats: list[tuple[str, str]], flags: dict[str, int], gates: dict[str, str],
           trigger: re.Pattern | None = None) -> _Rules:
    return _Rules(language, tuple((n, re.compile(p, flags.get(n, re.I))) for n, p in pats), trigger,
                  tuple(re.compile(gates[n]) if n in gates else None for n, _ in pats))


@lru_cache(maxsize=None)
def _rules(language: str) -> _Rules:
    return {"zh": _rules_zh, "de": _rules_de, "en": _rules_en}[language]()


def _first_chars(language: str, *cats: str) -> str:
    return re.escape("".join(sorted({w[0] for c in cats for w in _lex(language).get(c, {})})))


def _rules_zh() -> _Rules:
    L = "zh"
    num = rf"(?:\d+(?:\.\d+)?|[{_CNN}]+)"
    # Republic of China years (Taiwan): 民国113年 = 2024
    year_abs = (rf"(?:(?P<roc>民国|民國){_S})?(?<![\d.])(?P<y>(?<=[国國])\d{{2,3}}|(?<=[国國]\s)\d{{2,3}}|\d{{4}}|[零〇○一二三四五六七八九]{{4}}|0\d|[零〇○][一二三四五六七八九]|\d{{2}}(?={_S}年{_S}\d{{1,2}}{_S}月))"
                rf"{_S}年(?![代级纪龄薪费均轻华少])")
    year_rel = rf"(?<![不相共])(?P<yrel>{_alt(L, 'relyear', 'narryear')})"   # 不同年龄 is not 同年
    yend = rf"(?P<yend>{_alt(L, 'yearend')})"
    month = rf"(?:(?<![\d.])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|正|腊|冬){_S}月(?:(?P<mend>{_alt(L, 'monthend')})(?!(?<=初)[一二三四五六七八九十]))?|(?P<mrel>{_alt(L, 'relmonth', 'narrmonth')}))"
    day = (rf"(?<![\d.])(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]|初[一二三四五六七八九十])"
           rf"(?:{_S}[日号](?![本元子报常期志记])|(?<=初[一二三四五六七八九十])|(?:(?<=月[十二三][一二三四五六七八九十])|(?<=月[二三]十[一二三四五六七八九]))(?![{_CNN}\d个名岁人位家只元件条次天年月号日点时分%.]))")
    wd = rf"(?P<wmod>{_alt(L, 'weekmod')})?(?<![\d{_CNN}几每])(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![直起共边围末年])"
    week = rf"(?P<wrel>{_alt(L, 'relweek')})(?![一二三四五六日天末])"
    # Taiwan/HK copy writes the day after the relative word: 昨（7）日 = yesterday, the 7th
    rday = rf"(?<![不相共])(?P<rday>{_alt(L, 'relday', 'narrday')})(?:(?<=[(（])\d{{1,2}}[)）]日)?"
    part = rf"(?P<part>{_alt(L, 'part')})"
    hour = rf"(?P<hh>[012]?\d|[零一二两三四五六七八九十]{{1,3}}){_S}(?P<hsep>点|时)(?:{_S}(?P<mi>[0-5]?\d|[零一二三四五六七八九十]{{1,3}}){_S}分(?:{_S}(?P<sec>[0-5]?\d|[零一二三四五六七八九十]{{1,3}}){_S}秒)?|(?P<half>半)|(?P<q>一刻|三刻)|钟|整|{_S}(?P<mi2>[一二三四五]?十[一二三四五六七八九]?|[0-5]\d)(?![\d{_CNN}个名岁人位家只元件条次天年月号日%万亿倍分秒]))?"
    clock = r"(?<![\d:：])(?P<ch>[012]?\d)[:：](?P<cm>[0-5]\d)(?:[:：](?P<cs>[0-5]\d))?(?![\d:：])(?:\s?(?P<cap>[ap]\.?m(?![A-Za-z])\.?))?"
    time = rf"(?:{hour}|{clock})"
    dpart = (rf"(?:(?:(?:{year_abs}|{year_rel})(?:{_S}{yend})?)?(?:{_S}{month})?(?:{_S}{day})?"
             rf"|{rday}|{week})")
    first = _first_chars(L, "relyear", "narryear", "relmonth", "narrmonth", "relday", "narrday", "relweek", "weekmod", "part")
    lead = rf"(?=[\d{_CNN}○正腊冬周星礼民{first}])"     # fail fast where no expression can start
    chain = (rf"{lead}(?:{dpart}{_S}(?:[,，]{_S})?)?(?:(?:的{_S}(?:一个|某个)?)?{wd}{_S})?(?:{part}{_S})?(?:{time})?")
    iso = (r"(?<![A-Za-z0-9_/.:-])(?P<iy>\d{4})(?P<sep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=sep)(?P<id>3[01]|[12]\d|0?[1-9])"
           r"(?:(?:T|\s{1,2})(?P<ih>[012]?\d)[:：](?P<imi>[0-5]\d)(?:[:：][0-5]\d)?)?(?![A-Za-z0-9_/]|\.\d)")
    units = _alt(L, "unit")
    vague = _alt(L, "vaguenum")
    dur = (rf"(?=[\d{_CNN}将接大长整足至超过最未近约头前这{_first_chars(L, 'vaguenum')}半])(?P<pre>将近|接近|大约|大概|长达|整整|足足|至少|超过|过去的?|最近的?|接下来的?|未来的?|近|约|头|前|这)?{_S}"
           rf"(?:(?<![\d.{_CNN}])(?<![第最后有某那每])(?P<n>\d{{1,3}}(?:\.\d+)?|[{_CNN}]+)(?:{_S}(?P<more>多|余))?|(?P<vague>{vague})|(?P<halfn>半))"
           rf"{_S}(?P<zheng>整)?(?P<ge>个)?{_S}(?P<u>{units})(?!年)(?P<half2>半)?(?P<more2>多|余|左右)?"
           rf"(?P<suf>{_alt(L, 'ago', 'after', 'within')})?")
    sets = (rf"每(?P<ge2>隔|个)?{_S}(?:(?P<sn>\d+|[{_CNN}]+)(?:{_S}[-~到至]{_S}(?P<sn2>\d+|[{_CNN}]+))?)?{_S}(?:个)?{_S}"
            rf"(?:(?:周|星期|礼拜)(?P<swd>[一二三四五六日天])|(?P<su>{units}|晚))")
    decade = (rf"(?P<cent>上个?世纪|本世纪|(?:\d{{2}}|[一二]?十[一二三四五六七八九]?)世纪)?{_S}(?P<dec>[1-9]0|[一二三四五六七八九]十)年代"
              rf"|(?P<thisdec>这个十年|本十年|这十年)(?P<decsuf>内|里|中)?")
    season = (rf"(?:(?:{year_abs}|{year_rel}){_S}的?{_S}|(?P<whole>整个){_S})?(?P<season>{_alt(L, 'season')})")
    bare_year = r"(?<![A-Za-z0-9_./:#@+\-])(?P<by>(?:19|20)\d\d)(?![A-Za-z0-9_%.,:/\-]\d|[A-Za-z0-9_%])"
    vague_words = rf"(?P<vw>{_alt(L, 'vague')})"
    holiday = (rf"(?:(?P<hy>\d{{4}}){_S}年|(?P<hrel>{_alt(L, 'relyear')}))?{_S}的?{_S}(?P<hol>{_alt(L, 'holiday')})")
    pats = [("iso", iso), ("chain", chain), ("dur", dur), ("set", sets), ("decade", decade),
            ("season", season), ("year", bare_year), ("vague", vague_words), ("holiday", holiday)]
    trigger = re.compile(r"[\d年月日号周星期礼拜天时点前后晚早春夏秋冬世纪十年当同那次翌隔今昨明去每半些钟秒分季节旦圣]")
    # patterns that open with optional parts scan every position: run them only where the word
    # they cannot match without occurs (season and holiday cost 20x their few hits otherwise)
    gates = {"season": _alt(L, "season"), "holiday": _alt(L, "holiday"), "decade": r"年代|世纪|十年",
             "set": "每", "vague": _alt(L, "vague")}
    return _gated(L, pats, {n: 0 for n, _ in pats}, gates, trigger)


def _rules_latin(L: str) -> list[tuple[str, str]]:
    month = _alt(L, "month")
    wdays = _alt(L, "weekday")
    nums = _alt(L, "number")
    units = _alt(L, "unit")
    seasons = _alt(L, "season")
    mon = rf"(?P<mon>{month})\b\.?"
    year = r"(?P<y>(?:1[89]|20)\d\d)\b"
    return [month, wdays, nums, units, seasons, mon, year]


def _rules_de() -> _Rules:
    L = "de"
    month, wdays, nums, units, seasons, mon, year = _rules_latin(L)
    prep = _alt(L, "monthprep")
    num = rf"(?:\d+(?:[.,]\d+)?|(?i:{nums})|(?i:[a-zäöü]+und[a-zäöü]+zig))"
    dmy = (rf"(?:(?P<wd>{wdays}),?\s+(?:den\s+)?)?(?:(?P<pre>{prep})\s+(?:dem\s+)?)?"
           rf"(?P<d>3[01]|[12]\d|0?[1-9])\.\s?(?:{mon}|(?P<mn>1[0-2]|0?[1-9])\.)(?:\s?(?P<y>(?:1[89]|20)\d\d)\b)?"
           rf"(?:,?\s+(?:um\s+)?(?P<hh>[012]?\d)[:.](?P<mi>[0-5]\d)(?:\s?Uhr)?)?")
    iso = (r"(?<![\w/.:-])(?P<iy>\d{4})-(?P<im>1[0-2]|0?[1-9])-(?P<id>3[01]|[12]\d|0?[1-9])"
           r"(?:(?:T|\s{1,2})(?P<ih>[012]?\d):(?P<imi>[0-5]\d)(?::[0-5]\d)?)?(?![\w/]|\.\d)")
    mon_only = (rf"(?:(?P<pre>{prep})\s+)?{mon}(?:\s+(?P<rel>{_alt(L, 'relyearword')})|\s+{year})?")
    yearword = rf"(?P<endw>(?:Ende|Anfang|Mitte|Beginn)\s+(?:des\s+)?(?:(?P<rel2>{_alt(L, 'relyearword')})|Jahres\b|(?P<y2>(?:1[89]|20)\d\d)\b))|(?P<yw>{_alt(L, 'yearword')})"
    rel = rf"\b(?P<rw>{_alt(L, 'relday', 'narrday', 'relyear', 'narryear', 'relmonth', 'relweek')})\b"
    wday = (rf"(?:\b(?P<wmod>{_alt(L, 'weekmod')})\s+|\b(?P<wset>jeden|immer)\s+)?\b(?P<wdn>{wdays})\b(?:\s+(?P<wpart>{_alt(L, 'part')}))?"
            rf"(?:,?\s+(?:um\s+)?(?P<whh>[012]?\d)(?:[:.](?P<wmi>[0-5]\d))?(?:\s?Uhr\b)?(?![\d.]))?")
    dur = (rf"(?P<pre>vor|seit|für|nach|in|über|fast|knapp|rund|etwa|mehr als|innerhalb von|innerhalb)?\s*"
           rf"(?:(?<![\d:.,])(?P<n>{num})|(?P<vague>(?i:{_alt(L, 'vaguenum')})))\s+(?P<adj>(?:[a-zäöüß]+(?:en|e|er|es|em)\s+){{0,2}})"
           rf"(?P<u>[A-ZÄÖÜ][a-zäöüß]*?(?i:{units})|(?:{units}))\b(?:\s+(?P<after>{_alt(L, 'afterword')}))?")
    sets = (rf"(?P<set>(?i:{_alt(L, 'setword')}))\s+(?:(?P<sn>\d+|{nums})\s+)?(?:(?P<swd>{wdays})|(?P<su>{units}))\b"
            rf"|\b(?P<adv>(?i:{_alt(L, 'setadverb')}))\b|\b(?:(?:immer|jeden)\s+)?(?P<pwd>(?i:{_plural_weekdays(L)}))\b")
    whole = rf"\b(?P<whole>(?i:{_alt(L, 'wholeunit')}))\b"
    qhour = rf"(?:\b(?:eine[rn]?|ein)\s+)?\b(?P<qhour>(?i:{_alt(L, 'quarterhour')}))\b"
    tok = _token_date_rx(L, with_prep=False)
    dslash = r"(?<![\w/.])(?P<sd>3[01]|[12]\d|0?[1-9])/(?P<sm>1[0-2]|0?[1-9])(?:/(?P<sy>(?:19|20)?\d\d))?(?![\w/]|[.,]\d)"
    wdd = rf"\b(?P<wdn>{wdays}),?\s+(?:der|den)\s+(?P<dd>3[01]|[12]\d|0?[1-9])\.(?!\s*(?:\d|(?i:{month})\b))"
    mord = r"(?:erst|zweit|dritt|viert|fünft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwölft)e[nrms]?"
    dord = r"[a-zäöüß]*?(?:erst|zweit|dritt|viert|fünft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwölft|zigst|ßigst)e[nrms]?"
    ordm = (rf"\b(?:(?P<owd>{wdays}),?\s+(?:den\s+|der\s+)?)?(?:(?P<dord>{dord})|(?P<dnum>3[01]|[12]\d|0?[1-9])\.)(?:\s+|/)"
            rf"(?:(?P<mord>{mord})\b|(?P<mnum>1[0-2]|0?[1-9])\.)(?:\s?(?P<y>(?:1[89]|20)\d\d)\b)?(?!\s+[A-ZÄÖÜ\d])")
    weekn = (r"\b(?:KW|Kalenderwoche)\s?(?P<wn>5[0-3]|[1-4]\d|0?[1-9])\b(?:\s*(?:/\s*)?(?P<wy>(?:19|20)\d\d)\b)?"
             r"|\b(?:in\s+der\s+)(?P<wn2>5[0-3]|[1-4]\d|0?[1-9])\.\s+(?:Kalender)?[Ww]oche\b")
    crange = (rf"(?:\b(?P<rpre>{'frühmorgens|spätabends|spätnachmittags|morgens|vormittags|mittags|nachmittags|abends|nachts'})\s+)?\b(?P<rfrom>von|zwischen)\s+"
              rf"(?P<r1h>[01]?\d|2[0-3]|(?i:{nums}))(?:[:.](?P<r1m>[0-5]\d))?(?P<r1u>\s?Uhr\b)?\s+(?:bis|und)\s+(?:(?:um|zum)\s+)?"
              rf"(?P<r2h>[01]?\d|2[0-3]|(?i:{nums}))(?:[:.](?P<r2m>[0-5]\d))?(?![\d.,])(?P<r2u>\s?Uhr\b)?(?:\s+(?P<rpart>(?i:{'frühmorgens|spätabends|spätnachmittags|morgens|vormittags|mittags|nachmittags|abends|nachts'})))?")
    parts = "frühmorgens|spätabends|spätnachmittags|morgens|vormittags|mittags|nachmittags|abends|nachts"
    hnum = rf"(?:1[0-2]|0?[1-9]|{nums})"
    clock = (rf"(?:\b(?P<cpre>{parts})\s+)?(?:um\s+)?(?:"
             rf"(?P<ch>[012]?\d)(?:[:.](?P<cm>[0-5]\d)(?::(?P<cs>[0-5]\d))?)?\s?Uhr\b"
             rf"(?:\s+(?:und\s+)?(?P<cm3>[0-5]?\d)\b(?![.,]?\d|\s*(?:Minuten|Uhr|%|Prozent|Euro)))?"
             rf"|\b(?P<chw>{nums})\s+Uhr\b"
             rf"|(?:(?<=um )|(?<=gegen )|(?<=ab )|(?<=bis )|(?<=von )|(?<=seit ))(?<![\d.:])(?P<ch2>[012]?\d):(?P<cm2>[0-5]\d)(?::(?P<cs2>[0-5]\d))?(?![\d:])"
             rf"|\b(?P<frac>halb|viertel|dreiviertel)\s+(?P<fh>{hnum})\b(?!\s*(?:{units}|Prozent|%))"
             rf"|\b(?P<qn>viertel|zehn|fünf|zwanzig)\s+(?P<dir>nach|vor)\s+(?P<qh>{hnum})\b(?!\s*(?:{units}|Christus|Chr))"
             rf"|\b(?P<mid>Mitternacht|mitternachts|Mittagszeit|Mittagsstunde)"
             rf"|(?<=um )(?P<ch4>[012]?\d)(?=\s+(?i:{parts})\b))"
             rf"(?:\s+(?P<cpart>{parts}))?")
    season = rf"(?:(?:im|Im)\s+)?(?P<season>{seasons})\s+(?:(?P<sy>(?:1[89]|20)\d\d)\b|(?P<srel>{_alt(L, 'relyearword')}))"
    bare_year = r"(?<![\w./:#@+\-])(?P<by>(?:19|20)\d\d)(?![\w%.,:/\-]\d|[\w%])"
    decade = r"(?P<dec>(?:19|20)?[1-9]0)er(?:\s+Jahren?|-Jahren?)\b"
    ordw = (rf"\b(?:(?P<owd>{wdays}),?\s+(?:den\s+)?)?(?P<dord>[a-zäöüß]*?(?:erst|zweit|dritt|viert|fünft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwölft|zigst|ßigst)e[nrms]?)"
            rf"\s+{mon}(?:\s?(?P<y>(?:1[89]|20)\d\d)\b)?")
    pats = [("holiday", _holiday_rx(L)), ("iso", iso), ("dmy", dmy), ("ordw", ordw), ("mon", mon_only), ("yearword", yearword), ("rel", rel), ("wday", wday),
            ("dur", dur), ("set", sets), ("whole", whole), ("qhour", qhour), ("tok", tok), ("slash", dslash), ("wdd", wdd),
            ("ordm", ordm), ("weekn", weekn), ("crange", crange), ("clock", clock), ("season", season), ("year", bare_year),
            ("weekend", _weekend_rx(L)), ("decade", decade), ("numdate", r"(?<![\w.])(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<mn>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)?\d\d)(?:\s+(?P<hh>[012]?\d):(?P<mi>[0-5]\d))?(?![\w.]|\.\d)")]
    return _gated(L, pats, _LATIN_FLAGS, _latin_gates(L))


_LATIN_FLAGS = {"dur": 0, "year": 0, "mon": 0, "ordm": 0, "weekn": 0}   # German nouns are capitalized; month names checked in the resolver


_EN_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_EN_DIGITW = "one|two|three|four|five|six|seven|eight|nine"
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_HOURW = rf"(?:{_EN_DIGITW}|ten|eleven|twelve)"          # one … twelve
_EN_MINW = rf"(?:(?:twenty|thirty|forty|fifty)(?:[\s-](?:{_EN_DIGITW}))?|{_EN_TEENS}|o'?\s?(?:{_EN_DIGITW}))"
_EN_99 = rf"(?:(?:{_EN_TENS})(?:[\s-](?:{_EN_DIGITW}))?|{_EN_TEENS}|{_EN_DIGITW})"
# a year in words: nineteen ninety six, nineteen hundred ninety three, two thousand and fifteen
_EN_YEARW = (rf"(?:(?:one|two)\s+thousand(?:\s+and)?(?:\s+{_EN_99})?"
             rf"|(?:seventeen|eighteen|nineteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?:{_EN_TENS}|{_EN_TEENS})(?:[\s-](?:{_EN_DIGITW}))?)")


def _ordinal_words(L: str) -> str:
    """Day ordinals in words: ``ninth``, ``twenty-first``, ``thirty first`` (and cardinals 10–31)."""
    base = _lex(L).get("ordinal", {})
    units = [w for w, v in base.items() if 1 <= int(v) <= 9]
    return (rf"(?:(?:twenty|thirty)[\s-](?:{lexicon.alternation(units)})|{lexicon.alternation(base)}"
            rf"|twenty(?:[\s-](?:{_EN_DIGITW}))?|thirty(?:[\s-]one)?|{_EN_TEENS})")


def _rules_en() -> _Rules:
    L = "en"
    month, wdays, nums, units, seasons, mon, year = _rules_latin(L)
    prep = _alt(L, "monthprep")
    dayw = _ordinal_words(L)
    num = rf"(?:\d+(?:\.\d+)?|½|(?i:{nums})(?:-(?i:{nums}))?)"
    ordn = rf"(?:(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?P<dw>(?i:{dayw})))"
    ordn2 = rf"(?:(?<!\d[:.])(?<![\d$€£])(?<!\$ )(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?P<dw2>(?i:{dayw})))"
    yearpart = (rf"(?:\s*,?\s*(?:(?:of|in)\s+)?(?P<y>(?:1[89]|20)\d\d)\b|\s+of\s+'?(?P<yy>\d\d)\b"
                rf"|,?\s+(?P<yw>(?i:{_EN_YEARW}))\b)")
    mdy = (rf"(?:(?P<wd>{wdays}),?\s+)?(?:(?P<pre>(?i:{prep}))\s+)?(?:"
           rf"(?:(?i:{month}))\b\.?,?\s+(?:the\s+)?{ordn}\b"
           rf"|(?:the\s+)?{ordn2}\s+(?:day\s+)?(?:of\s+)?(?:(?i:{month}))\b\.?)"
           rf"{yearpart}?"
           rf"(?:,?\s+(?:at\s+)?(?P<hh>[01]?\d)(?::(?P<mi>[0-5]\d))?\s?(?P<ampm>[ap]\.?m\.?)?(?![\w:]))?")
    iso = (r"(?<![\w/.:])(?<!\d-)(?P<iy>\d{4})-(?P<im>1[0-2]|0?[1-9])-(?P<id>3[01]|[12]\d|0?[1-9])"   # report-2002-10-09.xlsx
           r"(?:(?:T|\s{1,2})(?P<ih>[012]?\d):(?P<imi>[0-5]\d)(?::[0-5]\d)?)?(?![\w/]|\.\d)")
    slash = r"(?<![\w/.])(?P<sm>3[01]|[12]\d|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9])(?:/(?P<sy>(?:19|20)?\d\d))?(?![\w/]|\.\d)"
    mon_only = (rf"(?:(?P<pre>(?i:{prep}))\s+)?(?P<mon>(?i:{month}))\b\.?(?:\s+(?P<rel>(?i:{_alt(L, 'relyearword')}))|,?\s+{year}"
                rf"|\s+of\s+(?P<y3>(?:1[89]|20)\d\d)\b|\s+of\s+'?(?P<yy>\d\d)\b|\s+(?P<yw>(?i:{_EN_YEARW}))\b)?")
    yearword = rf"(?P<yw>(?i:{_alt(L, 'yearword')}))"
    yearwords = rf"(?<=\b(?:in|of|by) )(?P<ywords>(?i:{_EN_YEARW}))\b"
    rel = rf"\b(?P<rw>(?i:{_alt(L, 'relday', 'narrday', 'relyear', 'narryear', 'relmonth', 'narrmonth', 'relweek', 'narrweek')}))\b"
    wday = (rf"(?:(?P<wmod>(?i:{_alt(L, 'weekmod')}))\s+)?(?P<wdn>(?i:{wdays}))\b(?:\s+(?:(?i:early|late)\s+)?(?P<wpart>(?i:morning|afternoon|evening|night)))?")
    wdd = (rf"(?:\bon\s+)?\b(?P<wdn>(?i:{wdays}))\b\.?,?\s+(?:(?P<the>the)\s+)?(?:(?P<dd>3[01]|[12]\d|0?[1-9])(?P<sfx>st|nd|rd|th)?|(?P<ddw>(?i:{dayw})))\b"
           rf"(?![/-]\d|\s*(?::\d|\.\d|[ap]\.?m\b|o'?clock|(?i:{month})\b|(?i:{units})\b|%|percent)|\s+(?!at\b|around\b|and\b|or\b|to\b|of\b|{_EN_HOURW}\s+[ap]\.?\s?m\b)[a-z])")
    dom = (r"(?:\b(?P<dprep>on|by|until|till|from|since|before|after|around)\s+(?:the\s+)?|\bthe\s+)(?P<dd>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
           r"(?:\s+(?:of\s+)?(?P<drel>this month|next month|last month|the month))?"
           r"(?=\s*(?:[.,;!?)\-]|$)|\s+(?:at|and|or|to|through|till|until)\b)")
    dayof = (rf"(?:the\s+)?(?:(?P<dd>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|(?P<ddw>(?i:{dayw})))\s+day\s+of\s+"
             rf"(?P<drel>(?i:the month|this month|next month|last month))\b")
    tok = _token_date_rx(L)
    weekn = (r"\b[Ww]eek\s+(?P<wn>5[0-3]|[1-4]\d|0?[1-9])\b(?![.,:]\d|\s*%)(?:\s+of\s+(?:(?P<wy>(?:19|20)\d\d)\b|(?P<wrel>(?i:this|last|next)\s+year)\b))?"
             r"|\b(?:[Tt]he\s+)?(?P<word>(?i:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th))\s+week\s+of\s+"
             r"(?:(?P<wy2>(?:19|20)\d\d)\b|(?P<wrel2>(?i:this|last|next)\s+year)\b)")
    dur = (rf"(?P<pre>(?i:for|over|in|within|nearly|almost|about|around|more than|less than|at least|the past|the last|the next|the first|past|last|next))?\s*"
           rf"(?<![\w.])(?:(?P<n>{num})(?P<andq>\s+and\s+(?:a\s+)?(?:half|quarter))?|(?P<vague>(?i:{_alt(L, 'vaguenum')})))(?:[\s-]+|(?<=[\d½]))(?P<u>(?i:{units}))\b"
           rf"(?P<andq2>\s+and\s+(?:a\s+)?(?:half|quarter)\b)?"
           rf"(?:\s+(?P<after>(?i:ago|later|earlier|from now|after(?!\s+\w)|before(?!\s+\w))))?")
    sets = (rf"(?P<set>(?i:every|each))\s+(?:(?P<sn>\d+|{nums})\s+|(?P<other>other)\s+)?(?:(?P<swd>(?i:{wdays}))|(?P<su>(?i:{units})))\b"
            rf"|(?P<adv>(?i:{_alt(L, 'setadverb')}))\b|\b(?:on\s+)?(?P<pwd>(?i:{_plural_weekdays(L)}))\b")
    whole = rf"\b(?P<whole>(?i:{_alt(L, 'wholeunit')}))\b"
    ap = r"(?:[ap]\.?\s?m\b\.?|[ap]\s\.\s?m\s?\.|(?<=\d)[ap](?![\w'])|o'?clock)"
    hw = rf"(?:[01]?\d|{_EN_HOURW})"
    clock = (rf"(?:(?<![\w:.])(?P<ch>[012]?\d)(?:[:.](?P<cm>[0-5]\d)(?::(?P<cs>[0-5]\d))?)?(?:\s|\.(?=[ap]))?(?P<ampm>{ap})"
             rf"|(?<![\w:.])(?P<ch9>1[0-2]|0?[1-9])(?P<cm9>[0-5]\d)\s?(?P<ampm9>[ap]\.\s?m\b\.?|[ap]m\b)"
             rf"|(?<![\w:.])(?P<ch2>[012]?\d):(?P<cm2>[0-5]\d)(?::(?P<cs2>[0-5]\d))?(?![\w:])"
             rf"|\b(?P<ch3>{_EN_HOURW})(?:[\s-](?P<cmw>{_EN_MINW}))?\s+(?P<ampm3>{ap})"
             rf"|(?<=\bat )(?P<ch4>{_EN_HOURW})[\s-](?P<cmw4>{_EN_MINW})\b(?:\s+minutes\b)?"
             rf"|\b(?P<qm>half|(?:a\s+)?quarter|[0-5]?\d|{_EN_MINW})\s+(?:minutes?\s+|mins?\s+)?(?P<qdir>past)\s+(?P<qh>{hw})\b(?:\s+o'?clock)?"
             rf"|\b(?P<qm2>(?:a\s+)?quarter)\s+to\s+(?P<qh2>{hw})\b"
             rf"|\b(?P<noon>12\s+noon|noon(?:ish)?|midday|midnight|mid\s+night)\b"
             rf"|(?<![\w:.])(?P<ch6>1[0-2]|0?[1-9])ish\b"
             rf"|\b(?:in\s+the\s+)?(?P<cpre>morning|afternoon|evening)\s+at\s+(?P<ch7>{hw})\b(?![:.]\d)"
             rf"|\b(?P<ch8>{hw})(?=\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night))"
             rf"(?:\s+(?:in\s+the\s+(?P<cpart>morning|afternoon|evening)|at\s+(?P<cpart2>night)))?")
    crange = (r"(?:\b(?P<rfrom>from|between)\s+)?(?<![\w:.])(?P<r1h>[01]?\d|2[0-3])(?:[:.](?P<r1m>[0-5]\d))?\s?(?P<r1ap>[ap]\.?m\b\.?)?"
              r"\s*(?:-|–|\bto\b|\btill\b|\buntil\b|\band\b)\s*(?P<r2h>[01]?\d|2[0-3])(?:[:.](?P<r2m>[0-5]\d))?\s?(?P<r2ap>[ap]\.?m\b\.?|o'?clock)?(?![\w:])")
    season = rf"(?P<spre>(?i:this|last|next)\s+)?(?P<season>(?i:{seasons}))(?:\s+(?:of\s+)?(?P<sy>(?:1[89]|20)\d\d)\b)?"
    bare_year = r"(?<![\w./:#@+\-$£€])(?P<by>(?:19|20)\d\d)(?![\w%.,:/\-]\d|[\w%])"
    decade = r"(?:the\s+)?(?P<dec>(?:19|20)?[1-9]0)'?s\b"
    numdate = r"(?<![\w.])(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<mn>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)\d\d)(?:\s+(?P<hh>[012]?\d):(?P<mi>[0-5]\d))?(?![\w.]|\.\d)"
    # 2015-12, 2015-3, 12-2015: a year and a month joined by a hyphen (2011-12 is a season, checked in the resolver)
    ym = (r"(?<![\w/.:\-])(?:(?P<ymy>(?:19|20)\d\d)-(?P<ymm>1[0-2]|0?[1-9])|(?P<ymm2>1[0-2]|0?[1-9])-(?P<ymy2>(?:19|20)\d\d))"
          r"(?![\w/]|[-.,:]\d)")
    ymon = rf"(?<![\w./:#@+\-$£€])(?P<ymy>(?:19|20)\d\d),?\s+(?P<ymon>(?i:{month}))\b\.?(?!\s*(?:\d|[A-Z]))"     # 2017 April (not 2017 May Day)
    theunit = rf"(?:(?<=\bof )|(?<=\bfor )|(?<=\bin )|(?<=\bOf )|(?<=\bFor )|(?<=\bIn ))(?P<tu>(?i:{_alt(L, 'theunit')}))\b(?!['-]|\s+(?:\d|[a-z]+ing\b|(?:{_THE_UNIT_NOT})\b))"
    # the first day of "18 and 19 June", "3rd or 4th of May 2020": its month (and year) come after it
    enum = (rf"(?<![\w.,:/$€£-])(?P<ed>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?=\s*(?:and|or|to|-|–|&)\s*(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<emon>(?i:{month}))\b(?:\s*,?\s*(?P<ey>(?:1[89]|20)\d\d)\b)?)")
    faryear = (r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bback to ))(?P<fy>1[0-8]\d\d|2[1-9]\d\d)(?=\s*(?:[.,;!?)]|$))")
    pats = [("holiday", _holiday_rx(L)), ("iso", iso), ("mdy", mdy), ("slash", slash), ("tok", tok), ("numdate", numdate),
            ("mon", mon_only), ("yearword", yearword), ("ywords", yearwords), ("rel", rel), ("wday", wday), ("wdd", wdd),
            ("dom", dom), ("dayof", dayof), ("weekn", weekn), ("dur", dur), ("set", sets), ("whole", whole),
            ("clock", clock), ("crange", crange), ("season", season), ("year", bare_year), ("decade", decade),
            ("ym", ym), ("ymon", ymon), ("theunit", theunit), ("faryear", faryear), ("enum", enum)]
    pats.append(("weekend", _weekend_rx(L)))
    return _gated(L, pats, {"year": 0, "mon": 0, "weekn": 0, "wdd": re.I, "dom": 0, "ym": 0, "faryear": 0, "theunit": 0}, _latin_gates(L))


# "in the year" is not the reference's year when a number, an -ing verb or one of these follows
_THE_UNIT_NOT = ("before|after|ago|later|earlier|that|when|which|in|of|to|since|prior|ahead|between|until|till|from|"
                 "and|or|as|is|was|has|had|will|would|the|a|an|he|she|they|it|we|i|you|his|her|their")


def _weekend_rx(L: str) -> str:
    """``this weekend``, ``am Wochenende``, ``that weekend``: a word from ``weekendmod`` is required."""
    return rf"\b(?P<wemod>(?i:{_alt(L, 'weekendmod')}))\s+(?P<we>(?i:{_alt(L, 'weekendword')}))\b"


def _plural_weekdays(L: str) -> str:
    """``Mondays``, ``montags``: a weekday name in the plural / adverbial -s form (a set)."""
    return lexicon.alternation({w + "s" for w in _lex(L).get("weekday", {}) if len(w) > 4})


def _token_date_rx(L: str, with_prep: bool = True) -> str:
    """A month name with numbers joined by / or -: ``Oct/2``, ``23/Sep/2020``, ``2019-aug-01``,
    ``Sep-23-2020``, ``Dec/2018``; and ``Dec31``, ``mar3`` (an abbreviated month glued to its day)."""
    M = rf"(?i:{_alt(L, 'month')})"
    t = rf"(?:{M}|\d{{1,4}})"
    abbr = lexicon.alternation({w for w in _lex(L).get("month", {}) if len(w) <= 4})
    pre = rf"(?:\b(?P<tpre>(?i:{_alt(L, 'monthprep')}))\s+)?" if with_prep else ""
    return (rf"{pre}(?<![\w/.\-])(?=[\d/\-]*[^\W\d_])(?P<t1>{t})(?P<ts>[/-])(?P<t2>{t})(?:(?P=ts)(?P<t3>{t}))?(?![\w/]|-\w|\.\d)"
            rf"|\b(?P<mc>(?i:{abbr}))(?P<dc>3[01]|[12]\d|0?[1-9])\b(?:\s*,\s*(?P<yc>(?:1[89]|20)\d\d)\b)?")


def _holiday_rx(L: str) -> str:
    """``Easter 2018``, ``next Thanksgiving``, ``Pfingsten im nächsten Jahr``, ``Weihnachten``."""
    mods = "next|last|this|previous|following|coming|nächsten|nächste|letzten|letzte|kommenden|kommende|diesen|dieses|vergangenen"
    return (rf"(?:\b(?P<hmod>{mods})\s+)?\b(?P<hol>{_alt(L, 'holiday')})\b"
            rf"(?:\s+(?:(?:im\s+Jahre?|of|in)\s+)?(?P<hy>(?:1[89]|20)\d\d)\b"
            rf"|\s+(?:(?:im|of|in)\s+)?(?P<hrel>{_alt(L, 'relyear', 'relyearword')})\b)?")


def _latin_gates(L: str) -> dict[str, str]:
    """Cheap prefilters, searched in the lower-cased sentence: each pattern runs only on sentences
    holding a word it cannot match without (case-sensitive literal alternations are fast)."""
    def words(*cats):
        return lexicon.alternation({w.split()[-1].lower() for c in cats for w in _lex(L).get(c, {})})
    g = {"iso": r"\d{4}-\d", "year": r"(?:1[89]|20)\d\d", "numdate": r"\d\.\d", "slash": r"\d/\d",
         "decade": r"0'?s\b|0er",
         "mon": words("month"), "mdy": words("month"), "ordw": words("month"), "holiday": words("holiday"),
         "rel": words("relday", "narrday", "relyear", "narryear", "relmonth", "narrmonth", "relweek", "narrweek"),
         "wday": words("weekday"), "dur": lexicon.alternation({w.lower() for w in _lex(L).get("unit", {}) if len(w) > 1}) + r"|\dh\b|½", "season": words("season"),
         "set": words("setword") + "|every|each|daily|weekly|monthly|annually|yearly|hourly",
         "clock": r"uhr|\d\s?[ap]\.?m|o'?clock|\d:\d|halb|viertel|mitt",
         "yearword": words("yearword", "relyearword") + r"|jahr|(?:ende|anfang|mitte|beginn)\s"}
    g["weekend"] = r"weekend|wochenende"
    g["set"] += "|" + words("setadverb") + "|" + _plural_weekdays(L).lower()
    g["tok"] = r"[a-z]\d|\d[/-][a-z]|[a-z][/-]\d"
    g["wdd"] = g["wday"]
    g["weekn"] = r"week|kw\s?\d"
    g["whole"] = words("wholeunit") or r"(?!)"
    g["crange"] = r"\d(?:\s?[ap]\.?m\b\.?)?\s*(?:-|–|to|till|until|and|bis|und)\s*(?:[\d]|[a-z]+ uhr)|(?:von|zwischen) [a-z]+ (?:bis|und)"
    if L == "de":
        g["dmy"] = r"\d\."
        g["ordm"] = r"(?:erst|zweit|dritt|viert|fünft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwölft|zigst|ßigst)e[nrms]?[\s/]"
        g["clock"] += r"|um \d"
        g["qhour"] = r"stunde"
    else:
        g["clock"] += r"|\d\.[ap]|\bat (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b[ap]\.?\s?m\b|\d\s?[ap]\b|\d[ap]|noon|midday|midnight|mid night|past|quarter|\dish|morning|afternoon|evening|night|\s[ap]\s\.\s?m"
        g["dom"] = r"\d(?:st|nd|rd|th)\b"
        g["dayof"] = r"day of"
        g["ywords"] = r"thousand|hundred|nineteen|eighteen|seventeen|twenty"
        g["ym"] = r"\d-\d"
        g["ymon"] = words("month")
        g["theunit"] = r"the (?:year|month|week|day)"
        g["faryear"] = r"\d\d\d\d"
        g["enum"] = words("month")
    return g


# --------------------------------------------------------------------------- resolution state

@dataclass
class _State:
    ref: date | None
    language: str
    last: _Point | None = None          # last resolved point (the narrative anchor)
    year_ctx: tuple[int, int, int | None] | None = None   # (explicit year, line_no, its month) of the last stated year
    line_no: int = 0
    label: str = "content"
    future: bool = False                 # the sentence speaks of the future
    sentence: str = ""

    def ref_point(self) -> _Point | None:
        return _from_date(self.ref) if self.ref else None

    def anchor(self) -> _Point | None:
        return self.last or self.ref_point()


@dataclass(frozen=True)
class _Out:
    value: str | None
    type: str
    relative: bool = False
    anchor: str | None = None
    point: _Point | None = None      # becomes the narrative anchor when set
    explicit_year: int | None = None
    cut: int = 0                     # characters to drop from the end of the surface
    wd: int | None = None            # ISO weekday of a weekday mention (joins a week: "next week Tuesday")


def _past_year(st: _State, m: int, d: int | None) -> int | None:
    """Year of a month(/day) without a year: a year stated earlier in the same paragraph, else the
    reference year, minus one if that would put it after the reference date (unless the sentence
    speaks of the future)."""
    if st.year_ctx and st.year_ctx[1] == st.line_no:
        y0, _, m0 = st.year_ctx
        # "于2022年12月接手……3月16日": a month before the stated one moves the story on past it;
        # the stated year is background, the reference date decides
        if m0 is None or m >= m0 or st.ref is None:
            return y0
    if st.ref is None:
        return None
    y = st.ref.year
    if not st.future and (m > st.ref.month or (d is not None and m == st.ref.month and d > st.ref.day)):
        y -= 1
    return y


def _leap_year(y: int, step: int) -> int:
    """``y`` or the nearest leap year from it in direction ``step`` (a 29 February without a year)."""
    while not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
        y += step
    return y


def _weekday_near(base: date, wd: int, lo: int = WEEKDAY_WINDOW[0], hi: int = WEEKDAY_WINDOW[1]) -> date:
    for k in range(lo, hi + 1):
        cand = base + timedelta(days=k)
        if cand.isoweekday() == wd:
            if lo <= k <= hi:
                return cand
    return base


def _apply_time(p: _Point, hh: int | None, mi: int | None, part: str | None) -> _Point:
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
    return _Point(p.y, p.m, p.d, hh % 24, mi or 0, "T")


def _clock_value(hh: int | None, mi: int | None, part: str | None) -> str | None:
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


def _in_quote(s: str, pos: int) -> bool:
    before = s[:pos]
    return (before.count("“") > before.count("”")) or (before.count("「") > before.count("」"))


# --------------------------------------------------------------------------- zh resolution

def _zh_hour(m: re.Match) -> tuple[int | None, int | None]:
    g = m.groupdict()
    if g.get("ch") is not None:
        return int(g["ch"]), int(g["cm"])
    if g.get("hh") is None:
        return None, None
    hh = cn_number(g["hh"])
    mi = 0
    if g.get("mi") or g.get("mi2"):
        mi = cn_number(g.get("mi") or g["mi2"])
    elif g.get("half"):
        mi = 30
    elif g.get("q"):
        mi = 15 if g["q"] == "一刻" else 45
    if hh is None or mi is None:
        return None, None
    return int(hh), int(mi)


def _resolve_zh(name: str, m: re.Match, st: _State) -> _Out | None:
    g = m.groupdict()
    L = "zh"
    if name == "iso":
        return _resolve_iso(g)
    if name == "holiday":
        return _resolve_holiday(g, st)
    if name == "chain":
        return _resolve_zh_chain(g, m, st)
    if name == "dur":
        return _resolve_zh_dur(g, st)
    if name == "set":
        if g.get("swd"):
            return _Out(f"XXXX-WXX-{_lookup(L, 'weekday', g['swd'])}", "set")
        if g.get("ge2") == "隔" or g.get("sn2"):
            return _Out(None, "set")
        u = g.get("su")
        if u == "晚":
            return _Out("P1D", "set")
        unit = _lookup(L, "unit", u or "")
        if unit is None or (unit == "M" and not (u.startswith("个") or g.get("ge2") == "个") and u == "月" and g.get("sn")):
            return None
        n = cn_number(g["sn"]) if g.get("sn") else 1
        return _Out(_duration(n, unit), "set")
    if name == "decade":
        if g.get("thisdec"):
            return _Out(f"{st.ref.year // 10:03d}" if st.ref else None, "date", True, "reference" if st.ref else None)
        dec = cn_number(g["dec"])
        cent = g.get("cent") or ""
        if cent.startswith("上"):
            c = 19 if not st.ref else st.ref.year // 100 - 1
        elif cent.startswith("本"):
            c = 20 if not st.ref else st.ref.year // 100
        elif cent:
            cn = cn_number(cent.rstrip("世纪"))
            c = int(cn) - 1 if cn else None
        else:
            c = 19 if dec and dec >= 30 else 20
        if dec is None or c is None:
            return None
        return _Out(f"{c:02d}{int(dec) // 10}", "date", cent.startswith(("上", "本")), "reference" if cent.startswith(("上", "本")) else None)
    if name == "season":
        code = _lookup(L, "season", g["season"])
        y, rel, anc = _year_of(g, st)
        if y is None and not g.get("y") and not g.get("yrel"):
            p = st.anchor()
            y, rel, anc = (p.y if p else None), True, ("narrative" if st.last else "reference")
        if y is None:
            return _Out(None, "date", True)
        return _Out(f"{y:04d}-{code}", "date", rel, anc, _Point(y), y if not rel else None)
    if name == "year":
        return _resolve_bare_year(m, st)
    if name == "vague":
        return _Out(None, _lookup(L, "vague", g["vw"]) or "date", True)
    return None


ROC_YEAR_ZERO = 1911   # 民国 year 1 is 1912


def _year_of(g: dict, st: _State) -> tuple[int | None, bool, str | None]:
    """Year of an explicit (``2022年``) or relative (``去年``, ``那一年``) year part."""
    if g.get("y"):
        y = int(cn_number(g["y"]) or 0)
        if g.get("roc"):
            return y + ROC_YEAR_ZERO, False, None
        if y < 100:
            y += 2000 if y < 50 else 1900
        return y, False, None
    if g.get("yrel"):
        w = g["yrel"]
        off = _lookup(st.language, "relyear", w)
        if off is not None:
            return (st.ref.year + int(off) if st.ref else None), True, "reference"
        off = _lookup(st.language, "narryear", w)
        p = st.anchor()
        return (p.y + int(off) if p and p.y else None), True, "narrative" if st.last else "reference"
    return None, False, None


def _easter(y: int) -> date:
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


def _holiday_date(spec: str, y: int) -> date | None:
    """Date of a holiday spec (``12-25``, ``E+49``, ``11:4:4+1``) in year ``y``."""
    try:
        if spec.startswith("E"):
            return _easter(y) + timedelta(days=int(spec[1:]))
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


def _resolve_holiday(g: dict, st: _State) -> _Out | None:
    L = st.language
    spec = _lookup(L, "holiday", g["hol"], fold=True)
    if not spec:
        return None
    if g.get("hy"):
        y = int(g["hy"])
        d = _holiday_date(spec, y)
        return _Out(d.isoformat(), "date", False, None, _from_date(d), y) if d else None
    if not st.ref:
        return _Out(f"XXXX-{spec}" if re.fullmatch(r"\d\d-\d\d", spec) else None, "date", True)
    if g.get("hrel"):
        off = _lookup(L, "relyear", g["hrel"], fold=True) or _lookup(L, "relyearword", g["hrel"], fold=True) or "0"
        d = _holiday_date(spec, st.ref.year + int(off))
    else:
        mod = (g.get("hmod") or "").lower()
        step = 1 if mod.startswith(("next", "following", "coming", "nächst", "kommend")) else \
            -1 if mod.startswith(("last", "previous", "letzt", "vergangen")) else 0
        d = _holiday_date(spec, st.ref.year)
        if d is None:
            return None
        if step > 0 and d <= st.ref or step == 0 and not mod and d > st.ref and not st.future:
            d = _holiday_date(spec, st.ref.year + (1 if step > 0 else -1))      # past bias for a bare name
        elif step < 0 and d >= st.ref:
            d = _holiday_date(spec, st.ref.year - 1)
    if d is None:
        return None
    return _Out(d.isoformat(), "date", True, "reference", _from_date(d))


def _resolve_iso(g: dict) -> _Out | None:
    y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
    if not YEAR_MIN <= y <= YEAR_MAX:
        return None
    try:
        date(y, mo, d)
    except ValueError:
        return None
    if g.get("ih") is not None:
        hh, mi = int(g["ih"]), int(g["imi"])
        if hh > 23:
            return None
        p = _Point(y, mo, d, hh, mi, "T")
        return _Out(p.iso(), "time", point=p, explicit_year=y)
    p = _Point(y, mo, d, gran="D")
    return _Out(p.iso(), "date", point=p, explicit_year=y)


_ZH_ABOUT = ("大约", "大概", "约", "直到", "截至")
_ZH_AROUND = ("左右", "前后", "之前", "之后", "以前", "以后")


def _resolve_zh_chain(g: dict, m: re.Match, st: _State) -> _Out | None:
    L = "zh"
    text = m.group(0)
    has_date = any(g.get(k) for k in ("y", "yrel", "m", "mrel", "d", "rday", "wrel", "wd"))
    hh, mi = _zh_hour(m)
    part = _lookup(L, "part", g["part"]) if g.get("part") else None
    if part is None and g.get("cap"):
        part = "pm" if g["cap"].startswith("p") else "am"
    if part is None and g.get("rday"):       # 当晚 9 时, 今早 8 点
        part = "pm" if re.search("[晚夜]", g["rday"]) else "am" if re.search("[早晨]", g["rday"]) else None
    if not has_date:
        if hh is None:
            return None
        # a bare clock time: Chinese numerals with 点 need a part of day or minutes (三点建议 is "three points")
        # (点钟 / 点整, 大约十点, 十点左右 are clock times whatever the numerals)
        clockish = text.endswith(("点钟", "点整")) or st.sentence[:m.start()].endswith(_ZH_ABOUT) \
            or st.sentence[m.end():].startswith(_ZH_AROUND)
        if g.get("hh") and not g.get("part") and not (g.get("mi") or g.get("mi2") or g.get("half") or g.get("q")) \
                and not clockish and (not g["hh"].isdigit() or g.get("hsep") == "点"):
            if not g["hh"].isdigit() or g.get("hsep") == "时":
                return None
        v = _clock_value(hh, mi if (g.get("mi") or g.get("mi2") or g.get("half") or g.get("q") or g.get("ch")) else None, part)
        sec = cn_number(g.get("sec") or g.get("cs") or "0") or 0
        if v and sec and ":" in v:
            v += f":{int(sec):02d}"          # seconds only where the text states them: 16时40分50秒
        return _Out(v, "time", False) if v else None
    rel, anc, point = False, None, None
    explicit_year = None
    if g.get("rday"):
        w = g["rday"]
        off = _lookup(L, "relday", w)
        if off is not None:
            if _in_quote(st.sentence, m.start()) and w in ("今早", "今晨", "今天", "今晚", "今日"):
                if st.sentence[m.end():m.end() + 1] == "的":
                    return None       # 今天的样子: generic "today" in a quote
                return _Out(None, "date", True)
            if st.label == "meta":
                return _Out(None, "date", True)
            if not st.ref:
                return _Out(None, "date", True)
            point = _from_date(st.ref + timedelta(days=int(off)))
            rel, anc = True, "reference"
        else:
            off = int(_lookup(L, "narrday", w) or 0)
            a = st.anchor()
            if a is None:
                return _Out(None, "date", True)
            point = _shift(a, off, "D") if off else _Point(a.y, a.m, a.d, gran="D" if a.gran in ("D", "T") else a.gran)
            rel, anc = True, "narrative" if st.last else "reference"
            if st.last is None:      # resolved against the reference only: not an anchor for what follows
                p2 = _apply_time(point, hh, mi, part)
                return _Out(p2.iso(), "time" if p2.gran == "T" else "date", True, "reference")
    elif g.get("wrel"):
        off = int(_lookup(L, "relweek", g["wrel"]) or 0)
        if not st.ref:
            return _Out(None, "date", True)
        d = st.ref + timedelta(weeks=off)
        iy, iw, _ = d.isocalendar()
        v = f"{iy:04d}-W{iw:02d}"
        return _Out(v, "date", True, "reference")
    else:
        y, yrel, yanc = _year_of(g, st)
        if g.get("y"):
            explicit_year = y
            if not YEAR_MIN <= (y or 0) <= YEAR_MAX and len(g["y"]) == 4:
                return None
        mo = None
        if g.get("m"):
            mo = int(_lookup(L, "month", g["m"] + "月") or cn_number(g["m"]) or 0) if g["m"] not in ("正", "腊", "冬") \
                else int(_lookup(L, "month", g["m"] + "月"))
            if not 1 <= mo <= 12:
                return None
        elif g.get("mrel"):
            w = g["mrel"]
            off = _lookup(L, "relmonth", w)
            if off is not None and st.ref:
                y2, mo = _add_months(st.ref.year, st.ref.month, int(off))
                y, yrel, yanc = (y if (g.get("y") or g.get("yrel")) else y2), True, "reference"
            else:
                a = st.anchor()
                if a is None or a.m is None:
                    return _Out(None, "date", True)
                y2, mo = _add_months(a.y, a.m, int(_lookup(L, "narrmonth", w) or 0))
                y, yrel, yanc = y2, True, "narrative"
        d = None
        if g.get("d"):
            d = int(cn_number(g["d"].lstrip("初")) or 0)
            if not 1 <= d <= 31:
                return None
            if mo is None:
                if g.get("y") or g.get("yrel"):
                    return None
                if not g["d"].isdigit():
                    return None
                # a day without a month: the anchor's month (past bias)
                if not st.ref:
                    return _Out(f"XXXX-XX-{d:02d}", "date", True)
                a = st.last if st.last and st.last.m and st.last.gran != "Y" else st.ref_point()
                yy, mm = a.y, a.m
                if st.last is None and d > st.ref.day and not st.future:
                    yy, mm = _add_months(yy, mm, -1)
                rel, anc = True, "narrative" if st.last else "reference"
                for _ in range(12):          # 29日 in a month without one: the month before
                    if d <= monthrange(yy, mm)[1]:
                        break
                    yy, mm = _add_months(yy, mm, -1 if st.last is None and not st.future else 1)
                point = _Point(yy, mm, d, gran="D")
        if point is None:
            if mo is not None and y is None and not (g.get("y") or g.get("yrel")) and not g.get("mrel"):
                y = _past_year(st, mo, d)
                rel = True
                anc = ("narrative" if st.year_ctx and st.year_ctx[1] == st.line_no else "reference") if y else None
            else:
                rel, anc = rel or yrel, anc or yanc
            if mo is None and d is None:
                if y is None:
                    if g.get("wd") and not (g.get("y") or g.get("yrel")):
                        return _resolve_zh_weekday(g, st, hh, mi, part, m)
                    return _Out(None, "date", True)
                yend = _lookup(L, "yearend", g["yend"]) if g.get("yend") else None
                if yend in ("H1", "H2"):
                    return _Out(f"{y:04d}-{yend}", "date", rel, anc, _Point(y), explicit_year)
                point = _Point(y)
            elif d is None:
                point = _Point(y, mo, gran="M")
            else:
                if y and mo == 2 and d == 29 and rel and not g.get("y"):
                    y = _leap_year(y, -1 if not st.future else 1)
                try:
                    date(y if y else 2000, mo, d)
                except ValueError:
                    return None
                point = _Point(y, mo, d, gran="D")
    point = _apply_time(point, hh, mi, part)
    typ = "time" if point.gran == "T" else "date"
    return _Out(point.iso(), typ, rel, anc, point if point.y is not None else None, explicit_year)


def _resolve_zh_weekday(g: dict, st: _State, hh, mi, part, m) -> _Out | None:
    wd = int(_lookup("zh", "weekday", g["wd"]) or 0)
    mod = _lookup("zh", "weekmod", g["wmod"]) if g.get("wmod") else None
    if mod is not None:
        if not st.ref:
            return _Out(f"XXXX-WXX-{wd}", "date", True)
        base = st.ref + timedelta(weeks=int(mod))
        d = base + timedelta(days=wd - base.isoweekday())
        p, anc = _from_date(d), "reference"
    else:
        a = st.last if st.last and st.last.gran in ("D", "T") else None
        if a is not None:
            p, anc = _from_date(_weekday_near(a.as_date(), wd, -3, 3)), "narrative"
        elif st.ref:
            p, anc = _from_date(_weekday_near(st.ref, wd)), "reference"
        else:
            return _Out(f"XXXX-WXX-{wd}", "date", True)
    p = _apply_time(p, hh, mi, part)
    return _Out(p.iso(), "time" if p.gran == "T" else "date", True, anc, p)


def _resolve_zh_dur(g: dict, st: _State) -> _Out | None:
    L = "zh"
    u = g["u"]
    unit = _lookup(L, "unit", u)
    suf = g.get("suf") or ""
    pre = g.get("pre") or ""
    n_s = g.get("n")
    if unit is None:
        return None
    # 月 without 个 is a month name (3月), 日 a day of month, 钟 only after a number (三点钟 is a clock time)
    if u == "月" and not g.get("ge") and not g.get("halfn") and not g.get("zheng"):
        return None
    if u == "日" and not (suf and suf in _lex(L)["ago"] | _lex(L)["after"].keys()):
        return None
    if u == "钟" or u == "季度" and not g.get("ge") and pre != "前":
        return None           # 三季度 is the third quarter, not nine months
    if u in ("周", "星期", "礼拜") and n_s and not n_s.isdigit() and n_s in ("日", "天"):
        return None
    if n_s and u == "年" and (n_s[0] in "0零〇" or n_s.isdigit() and len(n_s) == 4):
        return None           # 07年, 零八年: a year, not a duration
    if pre == "前" and not (n_s or g.get("vague")):
        return None
    if pre == "这" and not g.get("vague"):
        pre = ""
    vague = bool(g.get("vague"))
    if g.get("vague") == "多" and not n_s:
        vague = True
    if vague:
        typ = "date" if suf in _lex(L)["ago"] or suf in _lex(L)["after"] else "duration"
        return _Out(None, typ, True)
    n = 0.5 if g.get("halfn") else cn_number(n_s) if n_s else None
    if n is None:
        return None
    if g.get("half2"):
        n += 0.5
    if n == 0 or n > 10000:
        return None
    if unit == "Y" and n_s and (n >= 100 and not n_s.isdigit()):
        return None
    if suf in _lex(L)["ago"] and pre != "前":
        if st.label == "meta" or not st.ref:
            return _Out(_duration(n, unit), "duration", True)
        p = _ago(st.ref, n, unit)
        if p is None:
            return _Out(_duration(n, unit), "duration", True)
        return _Out(p.iso(), "date", True, "reference", p)
    if suf in _lex(L)["after"]:
        if pre in _APPROX:        # 工作近十年后: "after nearly ten years" is a duration
            return _Out(_duration(n, unit), "duration", False, cut=len(suf))
        return _offset_after(n, unit, st)
    return _Out(_duration(n, unit), "duration", False)


_APPROX = frozenset({"将近", "接近", "大约", "大概", "长达", "整整", "足足", "至少", "超过", "近", "约"})


def _ago(ref: date, n: float, unit: str) -> _Point | None:
    """``n`` units before the reference date, at the unit's granularity (hours: the day they fall on,
    counted from the reference day's noon)."""
    if unit in ("H", "MIN", "S"):
        hours = n if unit == "H" else n / 60 if unit == "MIN" else n / 3600
        return _from_date(ref - timedelta(days=int((hours + 12) // 24)))
    if not float(n).is_integer():
        return None
    p = _shift(_from_date(ref), -n, unit)
    if p is None:
        return None
    gran = _UNIT_GRAN[unit]
    return _Point(p.y, p.m if gran != "Y" else None, p.d if gran == "D" else None, gran=gran)


def _offset_after(n: float, unit: str, st: _State) -> _Out:
    """``两个月后`` after a stated date → that date + offset; with no anchor fine enough → a duration."""
    a = st.last
    need = _UNIT_GRAN.get(unit, "D")
    if unit in ("H", "MIN", "S"):
        need = "T" if unit != "H" else "D"
    if a is None or _GRAN[a.gran] < _GRAN[need] or not float(n).is_integer():
        return _Out(_duration(n, unit), "duration", True)
    p = _shift(a, n, unit)
    if p is None:
        return _Out(_duration(n, unit), "duration", True)
    return _Out(p.iso(), "time" if p.gran == "T" else "date", True, "narrative", p)


_NOTYEAR_PREV = re.compile(r"(?:[A-Za-z][\w/\-]*|第|No\.?|#|NO\.?|[A-Z]+\s?/\s?[A-Z]+)\s?$")


def _resolve_bare_year(m: re.Match, st: _State) -> _Out | None:
    s = m.string
    y = int(m.group("by"))
    if not YEAR_MIN <= y <= YEAR_MAX:
        return None
    before = s[max(0, m.start() - 24):m.start()]
    if _URLISH.search(before.split()[-1] if before.split() and not before.endswith(" ") else ""):
        return None
    after = s[m.end():m.end() + 12].lstrip()
    notyear = _lex(st.language).get("notyear", {})
    for w in notyear:
        if after.startswith(w) and (st.language == "zh" or after[len(w):len(w) + 1] in ("", " ", ",", ".", ";", ")")):
            return None
    if after[:1] in ("年", "-", "–", "—") and st.language == "zh":
        return None
    if st.language == "zh":
        # 'NIPS 2014', 'Google I/O 2024', 'Windows 2000': a product or event name, not a date
        if re.search(r"[A-Za-z][\w/.\-]*\s?$", before):
            return None
    else:
        prev = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        if prev and (prev.isupper() and len(prev) > 1 or "/" in prev or re.search(r"\d", prev)):
            return None
        if before.endswith(("$", "€", "£", "Nr. ", "No. ", "#")):
            return None
    return _Out(f"{y:04d}", "date", False, None, _Point(y), y)


# --------------------------------------------------------------------------- de / en resolution

def _word_value(L: str, cat: str, w: str) -> str | None:
    return _lookup(L, cat, w, fold=True) if w else None


def _latin_month(L: str, w: str) -> int | None:
    v = _lookup(L, "month", w.rstrip("."), fold=True)
    return int(v) if v else None


def _resolve_latin(name: str, m: re.Match, st: _State) -> _Out | None:
    L = st.language
    g = m.groupdict()
    if name == "iso":
        if m.start() and m.string[m.start() - 1] == "-" and _URLISH.search(m.string[:m.start()].rsplit(None, 1)[-1]):
            return None                           # a date inside a web address
        return _resolve_iso(g)
    if name == "holiday":
        return _resolve_holiday(g, st)
    if name == "ordw":
        d = _de_ordinal(g["dord"])
        if d is None:
            return None
        g = {**g, "d": str(d)}
        name = "dmy"
    if name == "ordm":
        d = _de_ordinal(g["dord"]) if g.get("dord") else int(g["dnum"])
        mo = _DE_ORD.get(re.sub(r"e[nrms]?$", "", g["mord"].lower())) if g.get("mord") else int(g["mnum"])
        if not (g.get("dord") or g.get("mord")) or d is None or not mo or mo > 12:
            return None
        g = {**g, "d": str(d), "mn": str(mo)}
        name = "numdate"
    if name == "tok":
        return _resolve_token_date(g, st)
    if name in ("dmy", "mdy", "numdate", "slash"):
        if name == "slash":
            mo, d = int(g["sm"]), int(g["sd"])
            y = g.get("sy")
            if L == "en" and mo > 12 and d <= 12:
                mo, d = d, mo                     # 22/04: day first when the first number cannot be a month
            if y is None and ((d, mo) == (24, 7) or L == "de" and d <= 12):
                return None                       # 24/7 is "round the clock"; 3/4, 1/2 are fractions in German
            if mo > 12:
                return None
        else:
            d = int(g.get("d") or g.get("d2") or 0) or _day_word(g.get("dw") or g.get("dw2") or "")
            mon = g.get("mon")
            if name == "mdy":
                mo = _mdy_month(L, m)
                if (g.get("dw") or g.get("dw2")) and re.search(r"\bmay\b", m.group(0)):
                    return None                   # "you may first", "march ten": a verb, not a month
            else:
                mo = _latin_month(L, mon) if mon else int(g["mn"])
            y = g.get("y") or g.get("y2") or g.get("yy") or (_year_words(g["yw"]) if g.get("yw") else None)
            if g.get("yw") and y is None:
                return None
        if mo is None or not d or not 1 <= d <= 31:
            return None
        if y is not None:
            y = int(y)
            if y < 100:
                y += 2000 if y < 50 else 1900
            rel, anc = False, None
        else:
            if name == "slash" and not st.ref:
                return _Out(f"XXXX-{mo:02d}-{d:02d}", "date", True)
            y = _past_year(st, mo, d)
            rel, anc = True, "reference" if y else None
            if y and mo == 2 and d == 29:
                y = _leap_year(y, 1 if st.future else -1)
        try:
            date(y or 2000, mo, d)
        except ValueError:
            return None
        p = _Point(y, mo, d, gran="D")
        hh = g.get("hh")
        if hh is not None:
            part = "pm" if (g.get("ampm") or "").lower().startswith("p") else None
            p = _apply_time(p, int(hh), int(g.get("mi") or 0), part)
        return _Out(p.iso(), "time" if p.gran == "T" else "date", rel, anc, p if y else None, y if not rel else None)
    if name == "mon":
        pre = g.get("pre") or ""
        mon = g["mon"]
        mo = _latin_month(L, mon)
        if mo is None:
            return None
        y = g.get("y") or g.get("y3") or (int(g["yy"]) + (2000 if int(g["yy"]) < 50 else 1900) if g.get("yy") else None) \
            or (_year_words(g["yw"]) if g.get("yw") else None)
        relw = g.get("rel")
        if not (pre or y or relw):
            if L == "en" or mon.rstrip(".") in ("Mai", "August", "Jan", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Okt", "Oct", "Nov", "Dez", "Dec", "Feb", "Sept"):
                return None
        if L == "en" and mon[0].islower() and mon.lower() in ("may", "march") and not y:
            return None
        if L == "en" and mon.lower() in ("may", "march") and not (y or relw or pre.lower() in ("in", "since", "until", "by", "early", "late", "mid", "last", "this", "next", "of", "end of", "the end of", "from", "through", "during")):
            return None
        if y:
            p = _Point(int(y), mo, gran="M")
            return _Out(p.iso(), "date", False, None, p, int(y))
        if relw:
            off = int(_word_value(L, "relyearword", relw) or 0)
            if not st.ref:
                return _Out(f"XXXX-{mo:02d}", "date", True)
            p = _Point(st.ref.year + off, mo, gran="M")
            return _Out(p.iso(), "date", True, "reference", p)
        off = _word_value(L, "weekmod", pre.split()[-1]) if pre and pre.split()[-1].lower() in ("last", "next", "this", "letzten", "nächsten", "diesen", "vergangenen") else None
        if off is not None and st.ref:
            y = st.ref.year + int(off) if int(off) else st.ref.year
            if int(off) == -1 and mo < st.ref.month:
                y = st.ref.year
            if int(off) == 1 and mo > st.ref.month:
                y = st.ref.year
        else:
            y = _past_year(st, mo, None)
        if y is None:
            return _Out(f"XXXX-{mo:02d}", "date", True)
        p = _Point(y, mo, gran="M")
        return _Out(p.iso(), "date", True, "reference", p)
    if name == "yearword":
        if g.get("y2"):
            y = int(g["y2"])
            return _Out(f"{y:04d}", "date", False, None, _Point(y), y)
        off = 0
        if g.get("rel2"):
            off = int(_word_value(L, "relyearword", g["rel2"]) or 0)
        if not st.ref:
            return _Out(None, "date", True)
        y = st.ref.year + off
        return _Out(f"{y:04d}", "date", True, "reference", _Point(y))
    if name == "rel":
        return _resolve_latin_rel(g["rw"], st, m)
    if name == "wday":
        wd = int(_word_value(L, "weekday", g["wdn"]) or 0)
        if not wd:
            return None
        after_week = L == "en" and _AFTER_WEEK.search(st.sentence, 0, m.start()) is not None
        if L == "en" and g["wdn"][:1].islower() and len(g["wdn"]) < 6 and not after_week:
            return None                           # "sat", "sun", "wed": words; "monday" is a day
        if g.get("wset"):
            v = f"XXXX-WXX-{wd}"
            if g.get("whh") is not None and int(g["whh"]) <= 24:
                v += f"T{int(g['whh']):02d}" + (f":{int(g['wmi']):02d}" if g.get("wmi") else "")
            return _Out(v, "set")
        if L == "en" and len(g["wdn"]) <= 3 and g["wdn"] in ("Sat", "Sun", "Wed", "Mon"):
            if not (g.get("wmod") or after_week):
                return None                       # "next week Mon": a day of that week
        mod = g.get("wmod")
        off = _word_value(L, "weekmod", mod) if mod else None
        if not st.ref:
            return _Out(f"XXXX-WXX-{wd}", "date", True)
        if off is not None and mod.lower() not in ("am", "on", "this", "diesen", "diese"):
            off = int(off)
            if off < 0:
                d = st.ref - timedelta(days=((st.ref.isoweekday() - wd) % 7) or 7)
            else:
                d = st.ref + timedelta(days=((wd - st.ref.isoweekday()) % 7) or 7)
            p, anc = _from_date(d), "reference"
        else:
            a = st.last if st.last and st.last.gran in ("D", "T") else None
            if a is not None:
                p, anc = _from_date(_weekday_near(a.as_date(), wd, -3, 3)), "narrative"
            else:
                p, anc = _from_date(_weekday_near(st.ref, wd)), "reference"
        if g.get("whh") is not None:
            ap = (g.get("wap") or "").lower()
            p = _apply_time(p, int(g["whh"]), int(g.get("wmi") or 0), "pm" if ap.startswith("p") else None)
        return _Out(p.iso(), "time" if p.gran == "T" else "date", True, anc, p, wd=wd)
    if name == "wdd":
        wd = int(_word_value(L, "weekday", g["wdn"]) or 0)
        d = int(g["dd"]) if g.get("dd") else _day_word(g.get("ddw") or "")
        if not wd or not d or (L == "en" and g["wdn"][:1].islower() and len(g["wdn"]) < 6 and not (g.get("the") or g.get("sfx"))):
            return None                           # "wed 12", but "tues the 4th" is a date
        if L == "en" and g.get("dd") and not (g.get("sfx") or g.get("the")) and d <= 12 \
                and not re.match(r"\s+(?:at|around)\b", st.sentence[m.end():]):
            return None                           # "Friday 7": a clock time or a count, not the 7th
        return _weekday_day(wd, d, st)
    if name == "dom":
        return _day_of_month(int(g["dd"]), g.get("drel"), st)
    if name == "dayof":
        d = int(g["dd"]) if g.get("dd") else _day_word(g.get("ddw") or "")
        return _day_of_month(d, g.get("drel"), st) if d else None
    if name == "weekn":
        return _resolve_week_number(g, st)
    if name == "ym":
        return _resolve_year_month(g, m, st)
    if name == "ymon":
        mon = g["ymon"]
        mo = _latin_month(L, mon)
        if mo is None or mon.lower() in ("may", "march") and mon[0].islower():
            return None                           # "in 2017 may be": a verb
        y = int(g["ymy"])
        cut = 1 if m.group(0).endswith(".") and len(mon) > 4 else 0     # the full stop after "2021 October."
        return _Out(f"{y:04d}-{mo:02d}", "date", False, None, _Point(y, mo, gran="M"), y, cut=cut)
    if name == "enum":
        mo, d = _latin_month(L, g["emon"]), int(g["ed"])
        if mo is None or g["emon"].lower() in ("may", "march") and g["emon"][0].islower():
            return None
        y = int(g["ey"]) if g.get("ey") else _past_year(st, mo, d)
        try:
            date(y or 2000, mo, d)
        except ValueError:
            return None
        if y is None:
            return _Out(f"XXXX-{mo:02d}-{d:02d}", "date", True)
        p = _Point(y, mo, d, gran="D")
        return _Out(p.iso(), "date", not g.get("ey"), None if g.get("ey") else "reference", p)
    if name == "theunit":
        return _resolve_the_unit(g, m, st)
    if name == "faryear":
        y = int(g["fy"])          # a remote year anchors the story but gives no year to a later bare month-day
        return _Out(f"{y:04d}", "date", False, None, _Point(y)) if y >= 1000 else None
    if name == "ywords":
        y = _year_words(g["ywords"])
        return _Out(f"{y:04d}", "date", False, None, _Point(y), y) if y else None
    if name == "whole":
        return _Out(_word_value(L, "wholeunit", g["whole"]), "duration")
    if name == "qhour":
        return _Out(_word_value(L, "quarterhour", g["qhour"]), "duration")
    if name == "crange":
        return _resolve_clock_range(g, L, m, st)
    if name == "weekend":
        return _resolve_weekend(g, st)
    if name == "dur":
        return _resolve_latin_dur(g, st, m)
    if name == "set":
        if g.get("adv"):
            return _Out(_word_value(L, "setadverb", g["adv"]), "set")
        if g.get("pwd"):
            wd = _word_value(L, "weekday", g["pwd"][:-1])
            return _Out(f"XXXX-WXX-{wd}", "set") if wd else None
        if g.get("swd"):
            return _Out(f"XXXX-WXX-{_word_value(L, 'weekday', g['swd'])}", "set")
        unit = _unit_of(L, g["su"])
        n = _num(L, g["sn"]) if g.get("sn") else 2 if g.get("other") else 1
        return _Out(_duration(n, unit) if unit else None, "set")
    if name == "clock" and L == "de":
        return _resolve_de_clock(g)
    if name == "clock":
        return _resolve_en_clock(g)
    if name == "season":
        code = _word_value(L, "season", g["season"])
        if L == "en" and g["season"] in ("fall", "Fall") and not (g.get("sy") or g.get("spre")):
            return None
        if g.get("sy"):
            y = int(g["sy"])
            return _Out(f"{y:04d}-{code}", "date", False, None, _Point(y), y)
        off = 0
        if g.get("srel"):
            off = int(_word_value(L, "relyearword", g["srel"]) or 0)
        elif g.get("spre"):
            off = {"this": 0, "last": -1, "next": 1}[g["spre"].strip().lower()]
        a = st.ref if (g.get("srel") or g.get("spre")) else None
        if a is not None:
            return _Out(f"{a.year + off:04d}-{code}", "date", True, "reference", _Point(a.year + off))
        p = st.anchor()
        if p is None or p.y is None:
            return _Out(None, "date", True)
        return _Out(f"{p.y:04d}-{code}", "date", True, "narrative" if st.last else "reference")
    if name == "year":
        return _resolve_bare_year(m, st)
    if name == "decade":
        dec = g["dec"]
        if len(dec) == 2:
            dec = ("19" if int(dec) >= 30 else "20") + dec
        return _Out(dec[:3], "date")
    return None


# --------------------------------------------------------------------------- de / en helpers

def _en_number(w: str | None) -> int | None:
    """``7``, ``seven``, ``twenty-seven``, ``thirty six``, ``o'five`` → int (None if not a number)."""
    if not w:
        return None
    w = w.strip().lower()
    if w.isdigit():
        return int(w)
    w = re.sub(r"^o'?\s?", "", w) if w.startswith("o") and w not in ("one",) else w
    n = _num("en", w)
    if n is None:
        parts = re.split(r"[\s-]+", w)
        vals = [_num("en", x) for x in parts]
        if len(parts) == 2 and all(v is not None for v in vals):
            n = vals[0] + vals[1]
    return int(n) if n is not None and float(n).is_integer() else None


def _day_word(w: str) -> int | None:
    """``ninth`` 9, ``twenty-first`` 21, ``thirty first`` 31, ``twenty nine`` 29 (a day of the month)."""
    if not w:
        return None
    low = w.lower()
    v = _lookup("en", "ordinal", low)
    if v is None:
        head, _, tail = re.sub(r"[\s-]+", " ", low).partition(" ")
        tens = {"twenty": 20, "thirty": 30}.get(head)
        unit = _lookup("en", "ordinal", tail) or _lookup("en", "number", tail)
        v = tens + int(unit) if tens and unit and int(unit) < 10 else _lookup("en", "number", low)
    d = int(v) if v is not None else None
    return d if d and 1 <= d <= 31 else None


def _year_words(w: str) -> int | None:
    """``nineteen ninety six`` 1996, ``two thousand and fifteen`` 2015, ``seventeen hundred thirty three`` 1733."""
    low = re.sub(r"\s+and\s+|[\s-]+", " ", w.lower()).strip()
    m = re.match(r"(one|two) thousand ?(.*)$", low)
    if m:
        rest = _en_number(m.group(2)) if m.group(2) else 0
        y = (1000 if m.group(1) == "one" else 2000) + (rest or 0)
    else:
        head, _, rest = low.partition(" ")
        rest = rest.removeprefix("hundred ").strip()
        c, r = _en_number(head), _en_number(rest)
        if c is None or r is None or r > 99:
            return None
        y = c * 100 + r
    return y if 1000 <= y <= YEAR_MAX else None


def _resolve_token_date(g: dict, st: _State) -> _Out | None:
    """``23/Sep/2020``, ``2019-aug-01``, ``Oct/2``, ``Dec-2018``, ``Dec31, 1994``: one month name,
    at most one four-digit year, at most one day, in any order."""
    L = st.language
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
            mo = _latin_month(L, t)
    if mo is None or (y is None and d is None) or (y is not None and not YEAR_MIN <= y <= YEAR_MAX):
        return None
    if d is None:
        p = _Point(y, mo, gran="M")
        return _Out(p.iso(), "date", False, None, p, y)
    rel = y is None
    if rel:
        y = _past_year(st, mo, d)
        if y is None:
            return _Out(f"XXXX-{mo:02d}-{d:02d}", "date", True)
        if mo == 2 and d == 29:
            y = _leap_year(y, 1 if st.future else -1)
    try:
        date(y, mo, d)
    except ValueError:
        return None
    p = _Point(y, mo, d, gran="D")
    return _Out(p.iso(), "date", rel, "reference" if rel else None, p, None if rel else y)


def _resolve_year_month(g: dict, m: re.Match, st: _State) -> _Out | None:
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
    if prev and (prev.isupper() and len(prev) > 1 or prev[-1].isdigit() or prev.lower() in ("no.", "nr.", "#", "page", "pp.", "p.")):
        return None                               # "No. 3-2015", "A4 2015-3": a number, not a date
    after = s[m.end():m.end() + 12].lstrip().lower()
    if any(after.startswith(w) for w in _lex(st.language).get("notyear", {})) or after.startswith(("season", "votes", "win", "lead")):
        return None
    p = _Point(y, int(mm), gran="M")
    return _Out(p.iso(), "date", False, None, p, y)


def _resolve_the_unit(g: dict, m: re.Match, st: _State) -> _Out | None:
    """``player of the year``, ``for the month``, ``later in the week``: the story's (else the
    reference's) year, month, ISO week or day, at that unit."""
    unit = _word_value(st.language, "theunit", re.sub(r"\s+", " ", g["tu"]))
    if unit == "D" and not m.string[:m.start()].lower().endswith("for "):
        return None                               # "at the end of the day", "the order of the day": idioms
    a = st.anchor()
    if a is None or unit is None or st.label == "meta":
        return _Out(None, "date", True)
    anc = "narrative" if st.last else "reference"
    if unit == "Y":
        return _Out(f"{a.y:04d}", "date", True, anc)
    if unit == "M" and a.gran != "Y":
        return _Out(f"{a.y:04d}-{a.m:02d}", "date", True, anc)
    if unit in ("W", "D") and a.gran in ("D", "T"):
        if unit == "D":
            return _Out(f"{a.y:04d}-{a.m:02d}-{a.d:02d}", "date", True, anc)
        iy, iw, _ = a.as_date().isocalendar()
        return _Out(f"{iy:04d}-W{iw:02d}", "date", True, anc)
    return _Out(None, "date", True)


WEEKDAY_DAY_MONTHS = 14   # "Mon 13th": the nearest month (either way) whose 13th is a Monday, within this many


def _weekday_day(wd: int, d: int, st: _State) -> _Out | None:
    """``Tuesday the 11th``, ``Dienstag, der 25.``: the date nearest the anchor whose day is ``d`` and
    weekday ``wd`` (a past one on a tie)."""
    a = st.last if st.last and st.last.gran in ("D", "T") else None
    base = a.as_date() if a else st.ref
    if base is None:
        return _Out(f"XXXX-WXX-{wd}", "date", True)
    best = None
    for k in range(-WEEKDAY_DAY_MONTHS, WEEKDAY_DAY_MONTHS + 1):
        y, mo = _add_months(base.year, base.month, k)
        if d > monthrange(y, mo)[1]:
            continue
        c = date(y, mo, d)
        if c.isoweekday() == wd and (best is None or (abs((c - base).days), c > base) < (abs((best - base).days), best > base)):
            best = c
    if best is None:
        return None
    return _Out(best.isoformat(), "date", True, "narrative" if a else "reference", _from_date(best), wd=wd)


def _day_of_month(d: int, drel: str | None, st: _State) -> _Out | None:
    """``on the 18th``, ``the 15th day of next month``: a day of the anchor's month (past bias) or of
    the month named relatively."""
    if not 1 <= d <= 31:
        return None
    if st.ref is None:
        return _Out(f"XXXX-XX-{d:02d}", "date", True)
    rel = (drel or "").lower()
    if rel:
        y, mo = _add_months(st.ref.year, st.ref.month, {"next month": 1, "last month": -1}.get(rel, 0))
    else:
        a = st.last if st.last and st.last.m and st.last.gran in ("M", "D", "T") else None
        y, mo = (a.y, a.m) if a else (st.ref.year, st.ref.month)
        if a is None and d > st.ref.day and not st.future:
            y, mo = _add_months(y, mo, -1)
        elif a is None and d < st.ref.day and st.future:
            y, mo = _add_months(y, mo, 1)
    if d > monthrange(y, mo)[1]:
        return None
    p = _Point(y, mo, d, gran="D")
    return _Out(p.iso(), "date", True, "reference", p)


def _resolve_week_number(g: dict, st: _State) -> _Out | None:
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
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}[word]
    else:
        n = int(g.get("wn") or g.get("wn2"))
    if y is None:
        return _Out(f"XXXX-W{n:02d}" if n else None, "date", True)
    if not n or n > date(y, 12, 28).isocalendar()[1]:
        return None
    rel = not (g.get("wy") or g.get("wy2"))
    return _Out(f"{y:04d}-W{n:02d}", "date", rel, "reference" if rel else None, _Point(y), None if rel else y)


def _resolve_weekend(g: dict, st: _State) -> _Out | None:
    """``this weekend`` → ``2016-W45-WE`` (ISO week of the reference, moved by the modifier); a bare
    ``the weekend`` / ``am Wochenende`` is the one just past (news: past bias) unless the sentence
    speaks of the future; ``that weekend`` follows the story."""
    mod = _word_value(st.language, "weekendmod", re.sub(r"\s+", " ", g["wemod"])) or "near"
    a = st.last if mod == "narr" and st.last and st.last.gran in ("D", "T") else None
    if mod == "narr" and a is None:
        return _Out(None, "date", True)
    base = a.as_date() if a else st.ref
    if base is None:
        return _Out("XXXX-WXX-WE", "date", True)
    if mod == "near":          # the last weekend, or (future tense, or said on the weekend) this week's
        off = 0 if st.future or base.isoweekday() >= 6 else -1
    elif mod == "narr":
        off = 0
    else:
        off = int(mod)
    iy, iw, _ = (base + timedelta(weeks=off)).isocalendar()
    return _Out(f"{iy:04d}-W{iw:02d}-WE", "date", True, "narrative" if a else "reference")


def _resolve_en_clock(g: dict) -> _Out | None:
    """``7:56:30 pm``, ``8.10 pm``, ``9a``, ``seven p.m.``, ``one thirty p m``, ``half past seven``,
    ``ten past 9 in the evening``, ``quarter to six``, ``12 noon``, ``11ish``, ``in the morning at 7``."""
    L = "en"
    sec = g.get("cs") or g.get("cs2")
    mi: int | None = None
    if g.get("noon"):
        hh = 0 if "night" in g["noon"].lower() else 12
    elif g.get("qh") or g.get("qh2"):
        h = _en_number(g.get("qh") or g.get("qh2"))
        if h is None or h > 12:
            return None
        if g.get("qh2"):
            hh, mi = (h - 1) % 12, 45
        else:
            q = g["qm"].lower()
            mi = 30 if q == "half" else 15 if q.endswith("quarter") else _en_number(q)
            hh = h
    else:
        hh = _en_number(g.get("ch") or g.get("ch2") or g.get("ch3") or g.get("ch4") or g.get("ch6") or g.get("ch7") or g.get("ch8") or g.get("ch9"))
        mw = g.get("cm") or g.get("cm2") or g.get("cmw") or g.get("cmw4") or g.get("cm9")
        mi = _en_number(mw) if mw else None
        if hh is None or (mw and mi is None):
            return None
    if mi is not None and mi > 59:
        return None
    ampm = (g.get("ampm") or g.get("ampm3") or g.get("ampm9") or "").lower().replace(" ", "")
    part = "pm" if ampm.startswith("p") else "am" if ampm.startswith("a") else None
    pw = g.get("cpart") or g.get("cpart2") or g.get("cpre")
    if pw:
        part = _word_value(L, "part", pw)
    if part == "am" and hh == 12 and ampm.startswith("a"):
        hh = 0
    if g.get("ch2") and mi is None:
        return None
    v = _clock_value(hh, mi, part)
    if v and sec and int(sec):
        v += f":{int(sec):02d}"
    return _Out(v, "time") if v else None


@lru_cache(maxsize=None)
def _day_beside_rx(L: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A day just before a clock range (``Monday 3-8``), a day just after it (``between 7 and 9 last
    night``), and the future days a bare ``6-8`` may precede (``6-8 next Monday``; scores are past)."""
    wd = _alt(L, "weekday")
    before = re.compile(rf"(?i)\b(?:{wd})(?:\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night))?\s+$")
    future = rf"(?:today|tomorrow|tonight|(?:next|this|coming)\s+(?:{wd}))\b"
    after = re.compile(rf"(?i)\s+(?:on\s+)?(?:{future}|(?:yesterday|last\s+night)\b|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?![\w/]))")
    return before, after, re.compile(rf"(?i)\s+(?:on\s+)?{future}")


_RANGE_END = re.compile(r"(?i)\s*(?:$|[.,;:!?)]|(?:or|and|with|for|on|in|at|next|this|coming|yesterday|today|tomorrow|tonight|last)\b)")


def _bare_range_beside_day(m: re.Match, st: _State, h1: int, h2: int) -> bool:
    """``Monday 3-8``, ``between 3 and 8 yesterday``, ``6-8 next Monday``: hours without am/pm are a
    clock range only next to a day (a score is never ``x-0``, and ``won 3-1 on Sunday`` is past)."""
    if h2 == 0 or h1 == h2 or h1 > 12 or h2 > 12:
        return False
    before, after, future = _day_beside_rx(st.language)
    s = m.string
    if not _RANGE_END.match(s, m.end()):
        return False                              # "Monday 3-5 percent", "Saturday 2-1 win": a count or a score
    b = before.search(s, 0, m.start())
    if b:
        wd = int(_word_value(st.language, "weekday", b.group(0).split()[0]) or 0)
        if st.ref and m.group("rfrom") is None:       # "Friday 7-6" where 6 July is a Friday: a date
            try:
                if date(st.ref.year, h1, h2).isoweekday() == wd:
                    return False
            except ValueError:
                pass
        return True
    return bool((after if m.group("rfrom") else future).match(s, m.end()))


def _resolve_clock_range(g: dict, L: str, m: re.Match | None = None, st: _State | None = None) -> _Out | None:
    """``from 7 to 7:30pm``, ``between 3:00 pm and 5:00 pm``, ``1-3 pm``, ``von 17 bis 18 Uhr``,
    ``morgens von 5 bis sieben``, ``Monday 3-8``: one mention whose value is the start (the end's
    am/pm carries over)."""
    h1, h2 = _en_number(g["r1h"]) if L == "en" else _num(L, g["r1h"]), _en_number(g["r2h"]) if L == "en" else _num(L, g["r2h"])
    if h1 is None or h2 is None or h1 > 23 or h2 > 24:
        return None
    h1, h2 = int(h1), int(h2)
    m1, m2 = int(g.get("r1m") or 0), int(g.get("r2m") or 0)
    if L == "en":
        ap1, ap2 = (g.get("r1ap") or "").lower(), (g.get("r2ap") or "").lower()
        if not (ap1 or ap2 or (g.get("rfrom") and (g.get("r1m") or g.get("r2m")))
                or m is not None and st is not None and _bare_range_beside_day(m, st, h1, h2)):
            return None                            # "from 3 to 5": counts as often as hours
        if not ap1 and ap2.startswith("p") and h1 < 12 and (h1 * 60 + m1 <= (h2 % 12) * 60 + m2 or h2 == 12):
            ap1 = "pm"
        part = "pm" if ap1.startswith("p") else "am" if ap1.startswith("a") else None
    else:
        pw = (g.get("rpart") or g.get("rpre") or "").lower()
        if not (g.get("r1u") or g.get("r2u") or pw or g.get("r1m") or g.get("r2m")):
            return None                            # "von 5 bis 6" without Uhr: a score, a count
        part = _word_value(L, "part", pw) if pw else None
    v = _clock_value(h1, m1 if (g.get("r1m") or g.get("r2m")) else None, part)
    return _Out(v, "time") if v else None


_DE_ORD = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "siebent": 7,
           "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12, "zwanzigst": 20, "dreißigst": 30}


def _de_ordinal(w: str) -> int | None:
    """``zweiten`` 2, ``neunundzwanzigsten`` 29, ``dreizehnte`` 13 (a day of the month, 1–31)."""
    stem = re.sub(r"e[nrms]?$", "", w.lower())
    if stem in _DE_ORD:
        return _DE_ORD[stem]
    unit, sep, tens = stem.partition("und")
    teen = {"drei": 3, "vier": 4, "fünf": 5, "sech": 6, "sieb": 7, "acht": 8, "neun": 9}
    if sep and tens in _DE_ORD and (teen.get(unit) or {"ein": 1, "zwei": 2}.get(unit)):
        n = (teen.get(unit) or {"ein": 1, "zwei": 2}[unit]) + _DE_ORD[tens]
    elif stem.endswith("zehnt") and stem[:-5] in teen:
        n = teen[stem[:-5]] + 10
    else:
        return None
    return n if 1 <= n <= 31 else None


def _resolve_de_clock(g: dict) -> _Out | None:
    """``18 Uhr 12``, ``zehn Uhr``, ``um 18:12``, ``halb 8``, ``Viertel nach drei``, ``Mitternacht``,
    ``abends um 8 Uhr`` (a part of day before or after), ``12 Uhr nachts`` → T00."""
    def n(w):
        v = _num("de", w) if w else None
        return int(v) if v is not None and float(v).is_integer() else None
    mi, sec = 0, None
    if g.get("mid"):
        hh = 0 if g["mid"].lower().startswith("mitternacht") else 12
    elif g.get("frac"):
        h = n(g["fh"])
        if h is None:
            return None
        hh, mi = (h - 1) % 12, {"halb": 30, "viertel": 15, "dreiviertel": 45}[g["frac"].lower()]
    elif g.get("qn"):
        h, q = n(g["qh"]), {"viertel": 15, "zehn": 10, "fünf": 5, "zwanzig": 20}[g["qn"].lower()]
        if h is None:
            return None
        hh, mi = (h, q) if g["dir"].lower() == "nach" else ((h - 1) % 24, 60 - q)
    else:
        hh = n(g.get("ch") or g.get("chw") or g.get("ch2") or g.get("ch4"))
        if hh is None:
            return None
        mi = int(g.get("cm") or g.get("cm3") or g.get("cm2") or 0)
        sec = g.get("cs") or g.get("cs2")
    pw = (g.get("cpart") or g.get("cpre") or "").lower()
    part = _word_value("de", "part", pw) if pw else None
    if hh == 12 and pw in ("abends", "nachts", "spätabends"):
        hh = 0
    elif part == "pm" and hh < 12:
        hh += 12
    if hh > 24 or mi > 59:
        return None
    v = f"T{hh % 24:02d}:{mi:02d}" if (mi or g.get("cm") or g.get("cm2") or g.get("cm3") or g.get("frac") or g.get("qn")) else f"T{hh % 24:02d}"
    if sec and int(sec):
        v += f":{int(sec):02d}"
    return _Out(v, "time")


def _mdy_month(L: str, m: re.Match) -> int | None:
    mm = re.search(rf"(?i:\b(?:{_alt(L, 'month')}))\b", m.group(0))
    return _latin_month(L, mm.group(0)) if mm else None


def _unit_of(L: str, w: str) -> str | None:
    if not w:
        return None
    v = _lookup(L, "unit", w, fold=True)
    if v:
        return v
    low = w.casefold()
    for k in sorted(_lex(L).get("unit", {}), key=len, reverse=True):   # compounds: Arbeitsjahren
        if low.endswith(k.casefold()) and k.casefold().startswith("jahr"):
            return _lex(L)["unit"][k]
    return None


_AFTER_WEEK = re.compile(r"(?i)\bweek[\s,\-–]*$")
_DE_MORNING_NOUN = re.compile(r"(?i)(?:\b(?:am|jeden|den|diesen|einen|heute|gestern|guten|frühen)\s+)$")


def _resolve_latin_rel(w: str, st: _State, m: re.Match) -> _Out | None:
    L = st.language
    if L == "de" and w.lower() == "morgen" and (_DE_MORNING_NOUN.search(st.sentence[:m.start()])
                                               or w[0].isupper() and st.sentence[:m.start()].strip()):
        return None           # "am Morgen", "heute Morgen": the morning, not tomorrow
    for cat in ("relday", "narrday", "relyear", "narryear", "relmonth", "narrmonth", "relweek", "narrweek"):
        off = _word_value(L, cat, w)
        if off is None:
            continue
        off = int(off)
        if cat.startswith("rel"):
            if st.label == "meta" or not st.ref or (cat == "relday" and _in_quote(st.sentence, m.start())):
                return _Out(None, "date", True)
            if cat == "relday":
                p = _from_date(st.ref + timedelta(days=off))
            elif cat == "relyear":
                p = _Point(st.ref.year + off)
            elif cat == "relmonth":
                y, mo = _add_months(st.ref.year, st.ref.month, off)
                p = _Point(y, mo, gran="M")
            else:
                iy, iw, _ = (st.ref + timedelta(weeks=off)).isocalendar()
                return _Out(f"{iy:04d}-W{iw:02d}", "date", True, "reference")
            return _Out(p.iso(), "date", True, "reference", p)
        a = st.anchor()
        if a is None:
            return _Out(None, "date", True)
        if cat == "narrweek":          # the following week: the story's week moved; a coarser story date gives none
            d = a.as_date() if a.gran in ("D", "T") else None
            if d is None:
                return _Out(None, "date", True)
            iy, iw, _ = (d + timedelta(weeks=off)).isocalendar()
            return _Out(f"{iy:04d}-W{iw:02d}", "date", True, "narrative" if st.last else "reference")
        unit = {"narrday": "D", "narryear": "Y", "narrmonth": "M"}[cat]
        if cat == "narrday" and a.gran in ("Y", "M"):
            p = a
        elif cat == "narrmonth" and a.gran == "Y":
            p = a
        else:
            p = _shift(a, off, unit) if off else a
            if p is not None and cat == "narrday":
                p = _Point(p.y, p.m, p.d, gran="D")
            elif p is not None and cat == "narryear":
                p = _Point(p.y)
            elif p is not None and cat == "narrmonth":
                p = _Point(p.y, p.m, gran="M")
        if p is None:
            return _Out(None, "date", True)
        return _Out(p.iso(), "date", True, "narrative" if st.last else "reference", p)
    return None


def _resolve_latin_dur(g: dict, st: _State, m: re.Match) -> _Out | None:
    L = st.language
    unit = _unit_of(L, g["u"])
    if unit is None:
        return None
    pre = (g.get("pre") or "").lower()
    after = (g.get("after") or "").lower()
    if g.get("vague"):
        typ = "date" if after in ("ago", "later", "später") or pre == "vor" else "duration"
        return _Out(None, typ, True)
    nword = g["n"]
    low = nword.lower()
    if nword == "½":
        n = 0.5
    else:
        n = _num(L, nword.replace(",", ".") if L == "de" else nword)
    for q in (g.get("andq"), g.get("andq2")):
        if n is not None and q:
            n += 0.5 if q.rstrip().endswith("half") else 0.25
    if n is None or n <= 0 or n > 1000:
        return None
    if L == "en" and nword.lower() in ("a", "an") and not pre and not after and not g.get("andq2") and unit in ("D", "Y", "M", "W") and not re.match(r"(?i)an?\s", m.group(0).lstrip()):
        return None
    if L == "en" and nword.lower() in ("a", "an") and not (pre or after or g.get("andq2")):
        return None   # "a day", "a year" alone are rarely time expressions in prose
    if L == "de" and nword.lower() in ("ein", "eine", "einen", "einem", "einer") and not (pre or after) and unit not in ("Y",):
        return None
    if L == "de" and g["u"][0].islower():
        return None
    if pre in ("vor",) or after in ("ago",):
        if st.label == "meta" or not st.ref:
            return _Out(_duration(n, unit), "duration", True)
        p = _ago(st.ref, n, unit)
        if p is None:
            return _Out(_duration(n, unit), "duration", True)
        return _Out(p.iso(), "date", True, "reference", p)
    if after in ("later", "später", "danach", "darauf", "after"):
        return _offset_after(n, unit, st)
    if pre == "in" and st.ref and unit in ("D", "W", "M", "Y") and float(n).is_integer() and n < 100:
        p = _shift(_from_date(st.ref), n, unit)      # "in two months", "in drei Wochen": from the reference
        if p is not None:
            return _Out(p.iso(), "date", True, "reference", p)
    return _Out(_duration(n, unit), "duration", False)


# --------------------------------------------------------------------------- driver

def _candidates(rules: _Rules, text: str) -> list[tuple[int, int, str, re.Match]]:
    return list(_candidates_cached(rules.language, text))


@lru_cache(maxsize=4096)      # the reference inference and the resolution pass scan the same sentences
def _candidates_cached(language: str, text: str) -> tuple[tuple[int, int, str, re.Match], ...]:
    rules = _rules(language)
    out = []
    low = text.lower() if rules.gates else text
    for i, (name, rx) in enumerate(rules.patterns):
        gate = rules.gates[i] if rules.gates else None
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


def _safe(resolve, name: str, m: re.Match, st: _State) -> _Out | None:
    try:
        return resolve(name, m, st)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError, KeyError, AttributeError, IndexError):
        return None


def _select(cands: list[tuple[int, int, str, re.Match]], valid) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping valid candidates, longest first (ties: earlier start, rule order)."""
    order = {n: i for i, n in enumerate(("holiday", "iso", "chain", "dmy", "ordw", "ordm", "mdy", "numdate", "tok", "slash", "season",
                                         "decade", "yearword", "ywords", "ymon", "ym", "mon", "rel", "weekn", "wdd", "dom", "dayof", "wday", "set",
                                         "whole", "qhour", "crange", "dur", "clock", "vague", "theunit", "year", "faryear", "enum"))}
    taken: list[tuple[int, int, str, re.Match]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0], order.get(c[2], 99))):
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken) and valid(c[2], c[3]) is not None:
            taken.append(c)
    return sorted(taken, key=lambda c: c[0])


def _parse_ref(reference: str | None) -> date | None:
    if not reference:
        return None
    try:
        return date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=None)
def _future_rx(language: str) -> re.Pattern | None:
    words = _lex(language).get("future", {})
    if not words:
        return None
    if language == "zh":
        return re.compile(lexicon.alternation(words))
    return re.compile(rf"\b(?:{lexicon.alternation(words)})\b", re.I)


def find_dates(sentences: Sequence[Sentence], reference: str | None, language: str) -> list[DateMention]:
    """Time expressions of an article's sentences (document order) with ISO values.

    ``reference`` (YYYY-MM-DD or None) anchors relative expressions; narrative ones follow the
    last resolved date of the article. Offsets are article-level: ``sentence.char_start`` + local.
    """
    lang = language if language in LANGUAGES else "zh" if language is None else "en"
    rules = _rules(lang)
    resolve = _resolve_zh if lang == "zh" else _resolve_latin
    st = _State(_parse_ref(reference), lang)
    fut = _future_rx(lang)
    out: list[DateMention] = []
    for sent in sentences:
        text = sent.text
        if not text or (rules.trigger is not None and not rules.trigger.search(text)):
            continue
        cands = _candidates(rules, text)
        if not cands:
            continue
        st.line_no, st.label, st.sentence = sent.line_no, sent.label, text
        st.future = bool(fut and fut.search(text))
        found: list[tuple[int, int, _Out]] = []
        for s, e, name, m in _select(cands, lambda name, m: _safe(resolve, name, m, replace(st))):
            r = _safe(resolve, name, m, st)
            if r is None:
                continue
            s2, e2 = _strip(text, s, e - r.cut)
            if e2 <= s2:
                continue
            if lang != "zh" and (r.point is not None and r.point.gran == "D" and r.type == "date"
                                 or r.type == "set" and _WEEKLY_SET.fullmatch(r.value or "")):
                r, e2 = _trailing_hour(text, s2, e2, r)
            if found:
                merged = _merge(text, found[-1], (s2, e2, r))
                if merged is not None:
                    found[-1] = merged
                    r = merged[2]
                    if r.point is not None:
                        st.last = r.point
                    continue
            found.append((s2, e2, r))
            if r.point is not None and r.point.y is not None and r.type in ("date", "time") \
                    and not (st.future and r.relative):     # a planned date is no anchor for the story
                st.last = r.point
            if r.explicit_year is not None:
                st.year_ctx = (r.explicit_year, sent.line_no, r.point.m if r.point is not None else None)
        for s2, e2, r in found:
            out.append(DateMention(sent.sentence_id, text[s2:e2], sent.char_start + s2, sent.char_start + e2,
                                   r.value, r.type, r.relative, r.anchor))
    return out


_TRAILING_HOUR = re.compile(r"\s*,?\s*(?:at|around|about|by|um|gegen)\s+(?:(1[0-2]|0?[1-9])|(2[0-3]|1\d|0?\d)\.([0-5]\d))"
                            r"(?![\w:%]|[.,]\d|\s*(?:%|percent|per\b|Prozent|Uhr|[ap]\.?\s?m\b|o'?clock|euros?\b|dollars?\b|pounds?\b|points?\b|cents?\b|[$€£])"
                            r"|\s+in\s+the\s+(?:morning|afternoon|evening)\b|\s+at\s+night\b)", re.I)
_WEEKLY_SET = re.compile(r"XXXX-WXX-\d")


def _trailing_hour(text: str, s: int, e: int, r: _Out) -> tuple[_Out, int]:
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
    p = _Point(r.point.y, r.point.m, r.point.d, h, mi, "T")
    return replace(r, value=p.iso(), type="time", point=p), m.end()


_JOIN_TIME = re.compile(r"\s*(?:,|，|@|at|on|um|gegen|around|by|before|after|vor|nach|ab|(?:no |not )?(?:later|earlier) than|or (?:later|earlier)(?: on)?)?\s*(?:,\s*)?", re.I)
_JOIN_DUR = re.compile(r"\s*(?:又|零|,|and|und)?\s*", re.I)
_EVENING = re.compile(r"(?i)\b(?:night|evening|abends?|nachts?|afternoon|nachmittags?|tonight|spätabends)\b|晚|夜|下午")
_AMPM = re.compile(r"(?i)[ap]\.?\s?m\b|uhr|[上下]午|凌晨|早|晚")
_DUR_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_DUR_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _dur_parts(v: str) -> dict[str, float] | None:
    m = re.fullmatch(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?", v or "")
    if not m or not (m.group(1) or m.group(2)):
        return None
    out = {u: float(n) for n, u in _DUR_PART.findall(m.group(1) or "")}
    out.update({"T" + u: float(n) for n, u in _DUR_PART.findall(m.group(2) or "")})
    return out


_DUR_BOUND = re.compile(r"(?i)(?:less|more|fewer|at least|at most|up to|about|around|nearly|almost|over|under|weniger|mehr|fast|knapp|rund|etwa)\b")
_OFFSET_LINK = re.compile(r"(?i)\b(after|before|from|nach|vor)\s*$")
_OFFSET_HEAD = re.compile(r"(?i)(after|before|from|nach|vor)\b")
_OFFSET_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "TH": "H", "TM": "MIN", "TS": "S"}
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d\d)")
_JOIN_WEEK = re.compile(r"\s*(?:,|-|–|on|of|am|on the|of the)?\s*", re.I)


def _merge_offset(text: str, prev: tuple[int, int, _Out], cur: tuple[int, int, _Out]) -> tuple[int, int, _Out] | None:
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
    parts = _dur_parts(pr.value) if m else None
    if not parts or any(not float(n).is_integer() for n in parts.values()):
        return None
    sign = -1 if m.group(1).lower() in ("before", "vor") else 1
    p: _Point | None = cr.point
    for u, n in parts.items():
        p = _shift(p, sign * n, _OFFSET_UNIT[u]) if p is not None else None
    if p is None or p.m is None:
        return None
    p = _Point(p.y, p.m, p.d or cr.point.d, p.hh, p.mi, cr.point.gran)
    return ps, ce, _Out(p.iso(), "time" if p.gran == "T" else "date", True, cr.anchor, p)


def _merge_week_day(text: str, prev: tuple[int, int, _Out], cur: tuple[int, int, _Out]) -> tuple[int, int, _Out] | None:
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
            p = _Point(d.year, d.month, d.day, day.point.hh, day.point.mi, day.point.gran if day.point.gran == "T" else "D")
            return ps, ce, _Out(p.iso(), "time" if p.gran == "T" else "date", True, wk.anchor, p, wd=day.wd)
    return None


def _merge(text: str, prev: tuple[int, int, _Out], cur: tuple[int, int, _Out]) -> tuple[int, int, _Out] | None:
    """Adjacent mentions that make one expression:
    a day and a clock time in either order (``tomorrow 8:00am``, ``Dienstag, 14 Uhr``, ``3pm today``,
    ``2010.01.29晚上六点``), a weekly set and a time (``每周一下午八点``), and durations in sequence
    (``一年又三个月``, ``1 hour and 30 minutes``) → one ISO duration."""
    (ps, pe, pr), (cs, ce, cr) = prev, cur
    gap = text[pe:cs]
    shifted = _merge_offset(text, prev, cur)
    if shifted is not None:
        return shifted
    joined = _merge_week_day(text, prev, cur)
    if joined is not None:
        return joined
    if pr.type == "duration" and cr.type == "duration" and _JOIN_DUR.fullmatch(gap) and not _DUR_BOUND.match(text[cs:ce]):
        a, b = _dur_parts(pr.value), _dur_parts(cr.value)
        if a and b and not set(a) & set(b) and _DUR_ORDER.index(max(a, key=_DUR_ORDER.index)) < _DUR_ORDER.index(min(b, key=_DUR_ORDER.index)) \
                or a and b and not set(a) & set(b) and gap.strip() in ("又", "and", "und"):
            parts = {**a, **b}
            date_p = "".join(f"{_fmt_num(parts[u])}{u}" for u in _DUR_ORDER[:4] if u in parts)
            time_p = "".join(f"{_fmt_num(parts[u])}{u[1]}" for u in _DUR_ORDER[4:] if u in parts)
            return ps, ce, _Out("P" + date_p + ("T" + time_p if time_p else ""), "duration", pr.relative or cr.relative)
        return None
    if not _JOIN_TIME.fullmatch(gap):
        return None
    if cr.type == "time" and cr.value and cr.value.startswith("T"):
        day, day_span, clock, clock_span = pr, (ps, pe), cr.value, (cs, ce)
    elif pr.type == "time" and pr.value and pr.value.startswith("T") and cr.point is not None:
        day, day_span, clock, clock_span = cr, (cs, ce), pr.value, (ps, pe)
    else:
        return None
    if day.type == "set" and day.value and re.fullmatch(r"XXXX-WXX-\d", day.value) and day is pr:
        return ps, ce, _Out(day.value + clock, "set")
    if day.point is None or day.point.gran != "D":
        return None
    hh, _, mi = clock[1:].partition(":")
    h = int(hh)
    if h < 12 and _EVENING.search(text[day_span[0]:day_span[1]]) and not _AMPM.search(text[clock_span[0]:clock_span[1]]):
        h += 12
    p = _Point(day.point.y, day.point.m, day.point.d, h % 24, int(mi[:2] or 0), "T")
    return ps, ce, _Out(p.iso(), "time", day.relative, day.anchor, p, day.explicit_year)


# Traditional characters of time expressions → Simplified, one for one (offsets stay): the
# pipeline converts whole articles with OpenCC; this lets the free-text API read Traditional input.
_T2S_DATE = str.maketrans("後週禮個號點鐘時間過來兩幾當會點歲間從至於內前晝夜曆農慶節聖誕萬億",
                          "后周礼个号点钟时间过来两几当会点岁间从至于内前昼夜历农庆节圣诞万亿")


def find_dates_in_text(text: str, reference: str | None = None, language: str = "zh") -> list[DateMention]:
    """Time expressions of a free text; offsets into ``text`` (Traditional Chinese is read too)."""
    original = text
    if language == "zh" and text:
        text = text.translate(_T2S_DATE)
    sents = []
    line_no = 1
    for i, m in enumerate(_SENT_SPLIT.finditer(text or "")):
        s = m.group()
        sents.append(Sentence(i, s, m.start(), m.end(), line_no, "content"))
        line_no += s.count("\n")
    found = find_dates(sents, reference, language)
    if text is not original:
        found = [replace(d, text=original[d.char_start:d.char_end]) for d in found]
    return found


def latest_absolute_date(sentences: Sequence[Sentence], language: str) -> str | None:
    """The latest full absolute date (YYYY-MM-DD) stated in the text, or None."""
    return _latest_full_date(find_dates(sentences, None, language))


def _latest_full_date(found: Sequence[DateMention]) -> str | None:
    full = [d.value[:10] for d in found if not d.relative and d.value and d.type in ("date", "time")
            and re.fullmatch(r"\d{4}-\d\d-\d\d", d.value[:10])]
    return max(full) if full else None


NAME_YEAR_LEAD = 3        # a year inside a name (Google I/O 2024) counts up to this many years past the latest dated year (not 'Vision 2030')
WEEKDAY_YEAR_SPAN = 11    # a month-day with its weekday fixes the year: the first fitting year within this span
_NAME_YEAR = re.compile(r"[A-Za-z][\w/.\-]*\s?((?:19|20)\d\d)(?![\w%.,]\d|[\w%])")
_ZH_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)$")
_YEARLESS_MONTH = re.compile(r"XXXX-(\d\d)$")


def _stated_weekday(text: str, language: str) -> int | None:
    if language == "zh":
        m = _ZH_WEEKDAY.search(text)
        return int(_lookup("zh", "weekday", m.group(1)) or 0) or None if m else None
    for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", text):
        v = _lookup(language, "weekday", w, fold=True)
        if v:
            return int(v)
    return None


def _year_relative_surface(text: str, language: str) -> bool:
    """``去年 11 月``, ``im Mai letzten Jahres``: the month belongs to a year relative to an unknown date."""
    for cat in ("relyear", "relyearword"):
        for w, off in _lex(language).get(cat, {}).items():
            if off not in ("0", "") and (w in text if language == "zh" else w.casefold() in text.casefold()):
                return True
    return False


def infer_reference(sentences: Sequence[Sentence], language: str) -> str | None:
    """Reference date of an article without a publication date (YYYY-MM-DD or None).

    1. The latest full absolute date the article states (``latest_absolute_date``).
    2. Else the latest stated year — dated years outside future-tense sentences, years inside names
       (``Google I/O 2024``, at most ``NAME_YEAR_LEAD`` past the dated ones), and the year a stated
       weekday fixes for a month-day (``11 月 16 日周四`` → the first fitting year from the latest
       stated one) — combined with the latest month-day the article gives without a year; without
       one, the end of the latest such month. None when the text gives no month at all: a year
       alone would turn every relative date into a guess.
    """
    lang = language if language in LANGUAGES else "zh"
    found = find_dates(sentences, None, lang)
    full = _latest_full_date(found)
    if full:
        return full
    by_id = {s.sentence_id: s for s in sentences}
    fut = _future_rx(lang)
    years = [int(d.value[:4]) for d in found if not d.relative and d.value and d.value[:4].isdigit()
             and d.type in ("date", "time") and not (fut and fut.search(by_id[d.sentence_id].text))]
    if not years:
        return None
    year = max(years)
    for s in sentences:
        if s.label in ("title", "content"):
            for m in _NAME_YEAR.finditer(s.text):
                y = int(m.group(1))
                if year < y <= max(years) + NAME_YEAR_LEAD:
                    year = y
    days, months = [], []
    for d in found:
        if not d.value or _year_relative_surface(d.text, lang):
            continue
        md, mm = _YEARLESS_DAY.match(d.value), _YEARLESS_MONTH.match(d.value)
        if md:
            mo, dd = int(md.group(1)), int(md.group(2))
            days.append((mo, dd))
            wd = _stated_weekday(d.text, lang)
            if wd:
                for y in range(max(years), max(years) + WEEKDAY_YEAR_SPAN):
                    try:
                        if date(y, mo, dd).isoweekday() == wd:
                            year = max(year, y)
                            break
                    except ValueError:
                        break
        elif mm:
            months.append(int(mm.group(1)))
        elif re.fullmatch(r"\d{4}-\d\d", d.value) and not d.relative:
            months.append((int(d.value[:4]), int(d.value[5:7])))
    if days:
        mo, dd = max(days)
        try:
            return date(year, mo, dd).isoformat()
        except ValueError:
            return None
    ym = [m if isinstance(m, tuple) else (year, m) for m in months]
    ym = [m for m in ym if m[0] == year]
    if ym:
        y, mo = max(ym)
        return date(y, mo, monthrange(y, mo)[1]).isoformat()
    return None
