"""The Chinese grammar of the dates stage: patterns built from ``resources/dates_zh.txt`` and one
resolver per pattern name (``RESOLVERS``).

Reads the zh date lexicon; writes nothing. Input is Simplified Chinese (the pipeline converts
articles with OpenCC first); ``民国`` years and Taiwan/HK idioms (``昨（7）日``) are read too.
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta

from .calendar import (
    PAST_WEEKDAY,
    YEAR_MAX,
    YEAR_MIN,
    Point,
    add_months,
    apply_time,
    clock_value,
    cn_number,
    duration,
    from_date,
    iso_week,
    leap_year,
    lunar_to_solar,
    shift,
    weekday_near,
)
from .rules import Rules, alt, first_chars, gated, lex, lookup, said_at
from .shared import (
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
    year_range_rx,
)

L = "zh"
_S = r"[ \u3000]?"       # one optional space inside expressions: 今年 4 月, 当晚 9 时 43 分
_CNN = "零〇一二两三四五六七八九十百千廿卅"
_YEAR_DIGITS = "零〇○一二三四五六七八九"      # the digits of a year written in characters (一九七八, 二〇一九)
ROC_YEAR_ZERO = 1911   # 民国 year 1 is 1912


def rules() -> Rules:
    """The zh patterns, compiled; a sentence without a trigger character is skipped."""
    # Republic of China years (Taiwan): 民国113年 = 2024
    year_abs = (rf"(?:(?P<roc>民国|民國){_S})?(?<![\d.])(?P<y>(?<=[国國])\d{{2,3}}|(?<=[国國]\s)\d{{2,3}}|\d{{4}}|"
                rf"[{_YEAR_DIGITS}]{{4}}|0\d|[零〇○][一二三四五六七八九]|\d{{2}}(?={_S}年{_S}\d{{1,2}}{_S}月))"
                rf"{_S}年(?![代级纪龄薪费均轻华少])")
    # 不同年龄 is not 同年, 以上年纪 not 上年, 同年青人 ("with young people") not 同年
    year_rel = rf"(?<![不相共])(?!(?<=以)上)(?P<yrel>{alt(L, 'relyear', 'narryear')})(?!(?<=同年)[青轻])"
    yend = rf"(?P<yend>{alt(L, 'yearend')})"
    mnum = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
    month = (rf"(?:(?<![\d.])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|正|腊|"
             rf"冬)(?:{_S}月(?:(?P<mend>{alt(L, 'monthend')})(?!(?<=初)[一二三四五六七八九十]))?"
             rf"|(?P<menum>(?={_S}[、和与及至到~～—–-]{_S}{mnum}{_S}月)))|"
             rf"(?P<mrel>{alt(L, 'relmonth', 'narrmonth')}))")
    # 3号及4号屋: the first of two numbered things
    numbered_next = rf"{_S}(?:及|和|与|、|至|-){_S}\d{{1,3}}{_S}号{_S}(?:{alt(L, 'numbered')})"
    day = (rf"(?<![\d.])(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|"
           rf"[一二三四五六七八九]|初[一二三四五六七八九十])"
           rf"(?:{_S}(?:日|号(?!{_S}(?:{alt(L, 'numbered')})|{numbered_next}))"
           rf"(?![本元子常期志]|报(?![到道告名称警案])|记(?![录者]))|"   # 日报, 日记, not 日报道, 日记录
           rf"(?<=初[一二三四五六七八九十])|"
           rf"(?:(?<=月\d)|(?<=月\d\d)|(?<=月 \d)|(?<=月 \d\d))"          # 3月15至24日: the first end's 日 elided
           rf"(?={_S}[至到~～—–-]{_S}(?:3[01]|[12]\d|0?[1-9]){_S}[日号])|"
           rf"(?:(?<=月[十二三][一二三四五六七八九十])|(?<=月[二三]十[一二三四五六七八九]))"
           rf"(?![{_CNN}\d个名岁人位家只元件条次天年月号日点时分%.]))")
    wd = (rf"(?P<wmod>{alt(L, 'weekmod')})?(?<![\d{_CNN}几每])(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"
          rf"(?![直起共边围末年])")
    week = rf"(?P<wrel>{alt(L, 'relweek')})(?:初(?![一二三四五六七八九十]))?(?![一二三四五六日天末])"   # 本周初: that week
    # Taiwan/HK copy writes the day after the relative word: 昨（7）日 = yesterday, the 7th
    # (今（9日）, 今（8月31日）: the day written in the brackets)
    rday = (rf"(?<![不相共])(?P<rday>{alt(L, 'relday', 'narrday')})"
            rf"(?:(?<=[(（])\d{{1,2}}[)）]日|(?<=[(（])(?:\d{{1,2}}月)?\d{{1,2}}[日号][)）]|(?<![(（]))")
    part = rf"(?P<part>{alt(L, 'part')})"
    hour = (rf"(?P<hh>[012]?\d|[零一二两三四五六七八九十]{{1,3}}){_S}(?P<hsep>点|时)(?:{_S}(?P<mi>[0-5]?\d|"
            rf"[零一二三四五六七八九十]{{1,3}}){_S}分(?:{_S}(?P<sec>[0-5]?\d|[零一二三四五六七八九十]{{1,3}}){_S}秒)"
            rf"?|(?P<half>半)|(?P<q>一刻|三刻)|钟|整|{_S}(?P<mi2>[一二三四五]?十[一二三四五六七八九]?|[0-5]\d)"
            rf"(?![\d{_CNN}个名岁人位家只元件条次天年月号日%万亿倍分秒]))?")
    clock = (r"(?<![\d:：])(?P<ch>[012]?\d)[:：](?P<cm>[0-5]\d)(?:[:：](?P<cs>[0-5]\d))?(?![\d:：])"
             r"(?:\s?(?P<cap>[ap]\.?m(?![A-Za-z])\.?))?")
    time = rf"(?:{hour}|{clock})"
    lunar = rf"(?P<lunar>农历|阴历){_S}"                  # 农历二〇二〇年十月初一, 2015年农历正月初一, 闰四月初一
    # 上半年, 一季度 without a year: of the year in focus (前三季度 and 三个季度 are durations)
    period = rf"(?<![\d{_CNN}个多每近前这那头第上下新])(?P<period>{alt(L, 'period')})(?!{_S}[\d{_CNN}])"
    dpart = (rf"(?:(?:{lunar})?(?:(?:{year_abs}|{year_rel})(?:{_S}的?{_S}{yend})?|{period})?"
             rf"(?:{_S}(?:(?P<lunar2>农历|阴历){_S})?(?P<leap>闰)?{month})?(?:{_S}{day})?"
             rf"|{rday}|{week})")
    first = first_chars(L, "relyear", "narryear", "relmonth", "narrmonth", "relday", "narrday", "relweek", "weekmod",
                        "part", "period")
    lead = rf"(?=[\d{_CNN}○正腊冬周星礼民农阴闰{first}])"     # fail fast where no expression can start
    chain = (rf"{lead}(?:{dpart}{_S}(?:[,，]{_S})?)?(?:(?:的{_S}(?:一个|某个)?)?{wd}{_S})?(?:{part}{_S})?(?:{time})?"
             # 今年以来, 11月以来: since then (这一年以来 is a duration)
             rf"(?:(?<=[年月日号])(?<![这那]年)(?<![这那]一年)(?P<since>{alt(L, 'since')}))?")
    iso = (r"(?<![A-Za-z0-9_/.:-])(?P<iy>\d{4})(?P<sep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=sep)(?P<id>3[01]|[12]\d|0?[1-9])"
           r"(?:(?:T|\s{1,2})(?P<ih>[012]?\d)[:：](?P<imi>[0-5]\d)(?:[:：][0-5]\d)?)?(?![A-Za-z0-9_/]|\.\d)")
    units = alt(L, "unit")
    vague = alt(L, "vaguenum")
    dur = (rf"(?=[\d{_CNN}将接大长整足至超过最未近约头前这{first_chars(L, 'vaguenum')}半])(?P<pre>将近|接近|大约|"
           rf"大概|长达|整整|足足|至少|超过|过去的?|最近的?|接下来的?|未来的?|近|约|头|前|这)?{_S}"
           rf"(?:(?<![\d.{_CNN}])(?<![第最后某那每])(?P<n>\d{{1,3}}(?:\.\d+)?|\d{{4}}(?={_S}(?:多|余))|[{_CNN}]+)(?:{_S}(?P<more>多|余))?|"
           rf"(?P<vague>{vague})|(?P<halfn>半))"
           rf"{_S}(?P<zheng>整)?(?P<ge>个)?(?P<half1>半)?(?P<more3>多|余)?{_S}(?P<u>{units})(?!年|代)(?!(?<=年)[轻青纪龄级])(?P<half2>半)?"
           rf"(?P<more2>多|余|左右)?"
           rf"(?P<suf>{alt(L, 'ago', 'after', 'within')})?")
    sets = (rf"(?:每|逢(?={_S}(?:周|星期|礼拜)))(?P<ge2>隔|个)?{_S}"      # 逢星期三: every Wednesday
            rf"(?:(?P<sn>\d+|[{_CNN}]+)(?:{_S}[-~到至]{_S}(?P<sn2>\d+|[{_CNN}]+))?)?{_S}(?:个)"
            rf"?{_S}"
            rf"(?:(?:周|星期|礼拜)(?P<swd>[一二三四五六日天])|(?P<su>{units}|晚))")
    decade = (rf"(?P<cent>上个?世纪|本世纪|(?:\d{{2}}|[一二]?十[一二三四五六七八九]?)世纪)"
              rf"?{_S}(?P<dec0>[一二三四五六七八]?)(?P<dec>[1-9]0|"
              rf"[一二三四五六七八九]十)年代"
              rf"|(?P<thisdec>这个十年|本十年|这十年)(?P<decsuf>内|里|中)?"
              rf"|(?P<cent2>上个?世纪|本世纪|(?:\d{{2}}|[一二]?十[一二三四五六七八九]?)世纪)(?:{_S}(?:初期|中期|"
              rf"末期|中叶|初|末))?")
    season = (rf"(?:(?:{year_abs}|{year_rel}){_S}的?{_S}|(?P<whole>整个){_S})?(?P<season>{alt(L, 'season')})")
    bare_year = r"(?<![A-Za-z0-9_./:#@+\-])(?P<by>(?:19|20)\d\d)(?![A-Za-z0-9_%.,:/\-]\d|[A-Za-z0-9_%])"
    vague_words = rf"(?P<vw>{alt(L, 'vague')})"
    holiday = (rf"(?:(?:(?P<hy>\d{{4}}){_S}年|(?P<hrel>{alt(L, 'relyear')})){_S}的?{_S})?(?P<hol>{alt(L, 'holiday')})"
               rf"(?P<heve>{alt(L, 'eve')})?")
    # 康熙三年五月, 令和元年: a reign's year (its own pattern, gated by the era names)
    era = (rf"(?P<era>{alt(L, 'era')}){_S}(?P<ey>元|\d{{1,3}}|[一二三四五六七八九十百廿]{{1,4}}){_S}年"
           rf"(?:{_S}(?:(?P<lunar2>农历|阴历){_S})?(?P<leap>闰)?{month})?(?:{_S}{day})?")
    weekend = rf"(?P<wemod>{alt(L, 'weekendmod')})?(?P<we>周末)"
    # 去年6.21, 今年11.2: Hong Kong writes a day of a named year as month.day
    reldot = (rf"(?P<dyrel>{alt(L, 'relyear')})(?P<dm>1[0-2]|0?[1-9])[.．](?P<dd>3[01]|[12]\d|0?[1-9])"
              rf"(?![\d.．%]|{_S}[万亿倍个人千百米公度吨斤辆家台部只次件项位名成分点亩户宗岁年]|{_S}元(?!朗))")
    pats = [("yrange", year_range_rx(rf"{_S}年(?![代级纪龄薪费均轻华少])")), ("iso", iso), ("chain", chain), ("dur", dur),
            ("set", sets), ("decade", decade), ("weekend", weekend),
            ("era", era), ("season", season), ("year", bare_year), ("vague", vague_words), ("holiday", holiday),
            ("reldot", reldot)]
    trigger = re.compile(r"[\d年月日号周星期礼拜天时点前后晚早春夏秋冬世纪十年当同那次翌隔今昨明去每半些钟秒分季节旦"
                         r"圣夕宵]")
    # patterns that open with optional parts scan every position: run them only where the word
    # they cannot match without occurs (season and holiday cost 20x their few hits otherwise)
    gates = {"season": alt(L, "season"), "holiday": alt(L, "holiday"), "decade": r"年代|世纪|十年",
             "set": "每|逢", "vague": alt(L, "vague"), "weekend": "周末",
             "era": alt(L, "era"), "yrange": r"\d\s?[-–~～]\s?[12]", "reldot": r"\d[.．]\d"}
    return gated(L, pats, {n: 0 for n, _ in pats}, gates, trigger)


# --------------------------------------------------------------------------- chains: year month day weekday time

def _hour(m: re.Match) -> tuple[int | None, int | None]:
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


def year_of(g: dict, st: State) -> tuple[int | None, bool, str | None]:
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
        off = lookup(st.language, "relyear", w)
        if off is not None:
            return (st.ref.year + int(off) if st.ref else None), True, "reference"
        off = lookup(st.language, "narryear", w)
        p = st.anchor()
        return (p.y + int(off) if p and p.y else None), True, "narrative" if st.last else "reference"
    return None, False, None


_NUMERAL = re.compile(rf"[\d{_CNN}]")
_ABOUT = ("大约", "大概", "约", "直到", "截至")
_AROUND = ("左右", "前后", "之前", "之后", "以前", "以后")
_TODAY_WORDS = ("今早", "今晨", "今天", "今晚", "今日")


def _has_minutes(g: dict) -> bool:
    return bool(g.get("mi") or g.get("mi2") or g.get("half") or g.get("q"))


def _bare_clock(g: dict, m: re.Match, st: State, hh: int | None, mi: int | None, part: str | None) -> Out | None:
    """A clock time without a date: Chinese numerals with 点 need a part of day or minutes (三点建议
    is "three points"); 点钟 / 点整, 大约十点, 十点左右 are clock times whatever the numerals."""
    if hh is None:
        return None
    text = m.group(0)
    clockish = text.endswith(("点钟", "点整")) or st.sentence[:m.start()].endswith(_ABOUT) \
        or st.sentence[m.end():].startswith(_AROUND) \
        or g.get("hh") == "零" and not _NUMERAL.match(st.sentence, m.end())     # 零点 is midnight, 零点五 a number
    if g.get("hh") and not g.get("part") and not _has_minutes(g) \
            and not clockish and (not g["hh"].isdigit() or g.get("hsep") == "点"):
        if not g["hh"].isdigit() or g.get("hsep") == "时":
            return None
    v = clock_value(hh, mi if (_has_minutes(g) or g.get("ch")) else None, part)
    sec = cn_number(g.get("sec") or g.get("cs") or "0") or 0
    if v and sec and ":" in v:
        v += f":{int(sec):02d}"          # seconds only where the text states them: 16时40分50秒
    return Out(v, "time", False) if v else None


_STATED_DAY = re.compile(r"\s?[（(]\s?(?:(1[0-2]|0?[1-9])\s?月\s?)?(3[01]|[12]\d|0?[1-9])\s?日\s?[)）]")


def _stated_day(st: State, end: int) -> Point | None:
    """今天（4月16日）, 同一天（24日）: the day the text states in brackets right after a day word
    (a day alone takes the reference's month, or the month before when it would lie ahead)."""
    stated = _STATED_DAY.match(st.sentence, end)
    if not stated or not st.ref:
        return None
    d = int(stated.group(2))
    if stated.group(1):
        mo = int(stated.group(1))
        y = past_year(st, mo, d) or st.ref.year
    else:
        y, mo = st.ref.year, st.ref.month
        if d > st.ref.day + 1:
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
    try:
        return from_date(date(y, mo, d))
    except ValueError:
        return None
_IN_ADVANCE = re.compile(r"(?:提早|提前|预早)\s?$")
_YEARS_SINCE = re.compile(r"(?:(?:年|世纪)[后前]的|时至)$")   # 一百年后的今天, 时至今日: the present age


def _nowadays(sentence: str, start: int, end: int) -> bool:
    """今天的香港, 一百年后的今天: "today" as the present age, not a day. A noun after 的 that is
    bound to a day (今天的会议, 今天的比赛: lexicon ``daynoun``) keeps the day."""
    if _YEARS_SINCE.search(sentence, max(0, start - 4), start):
        return True
    if sentence[end:end + 1] == "之" and sentence[end + 1:end + 2] not in ("前", "后", "内", "间", "际", "时"):
        return True                  # 今日之香港: the present age (not 今天晚上八点之前)
    if sentence[end:end + 1] != "的":
        return False
    after = sentence[end + 1:end + 5]
    return not any(after.startswith(n) for n in lex(L).get("daynoun", {}))


def _relative_day(g: dict, m: re.Match, st: State, hh, mi, part) -> Out | Point:
    """今天 / 昨天 (against the reference) or 次日 / 当天 (against the story); a Point to go on with,
    or the finished Out."""
    w = g["rday"]
    off = lookup(L, "relday", w)
    if off is not None:
        if in_quote(st.sentence, m.start()) and w in _TODAY_WORDS:
            if st.sentence[m.end():m.end() + 1] == "的":
                return None       # 今天的样子: generic "today" in a quote
            return Out(None, "date", True)
        if st.label == "meta" or not st.ref:
            return Out(None, "date", True)
        # 今天（4月16日）, 今（9日）: the text says which day it means
        stated = _stated_day(st, m.start() + len(w) - 1 if w[-1] in "(（" else m.end())
        if stated is not None:
            return stated
        if w in ("今天", "今日") and _nowadays(st.sentence, m.start(), m.end()):
            return Out(f"{st.ref.year:04d}", "date", True, "reference", None)
        if w in ("明天", "明日") and st.sentence[m.end():m.end() + 1] == "的" \
                and _nowadays(st.sentence, m.start(), m.end()):
            return None                 # 明天的中国: the future, no day
        return from_date(st.ref + timedelta(days=int(off)))
    off = int(lookup(L, "narrday", w) or 0)
    stated = _stated_day(st, m.end())
    if stated is not None:        # 同一天（24日）
        return stated
    # 当天 / 当晚 / 次日 name a day of the story: the last day it stated; a story that stated only
    # years or months gives no day (a year would pass for a precise value), one that stated
    # nothing is told on its reference day
    a = st.last_day if st.last_day is not None else (st.ref_point() if st.last is None else None)
    if a is None or (off > 0 and st.last_day is None and not st.future):
        return Out(None, "date", True)     # 隔天 of a story told without its day: not the day after publication
    point = shift(a, off, "D") if off else Point(a.y, a.m, a.d, gran="D" if a.gran in ("D", "T") else a.gran)
    if st.last is None:      # resolved against the reference only: not an anchor for what follows
        p2 = apply_time(point, hh, mi, part)
        return Out(p2.iso(), "time" if p2.gran == "T" else "date", True, "reference")
    return point


def _month_of(g: dict, st: State, y, yrel, yanc):
    """The month of a chain: (month, year, relative, anchor), or an Out / None to stop with."""
    mo = None
    if g.get("m"):
        mo = int(lookup(L, "month", g["m"] + "月") or cn_number(g["m"]) or 0) if g["m"] not in ("正", "腊", "冬") \
            else int(lookup(L, "month", g["m"] + "月"))
        if not 1 <= mo <= 12:
            return None
    elif g.get("mrel"):
        w = g["mrel"]
        off = lookup(L, "relmonth", w)
        if off is not None and st.ref:
            y2, mo = add_months(st.ref.year, st.ref.month, int(off))
            y, yrel, yanc = (y if (g.get("y") or g.get("yrel")) else y2), True, "reference"
        else:
            a = st.anchor()
            if a is None or a.m is None:
                return Out(None, "date", True)
            y2, mo = add_months(a.y, a.m, int(lookup(L, "narrmonth", w) or 0))
            y, yrel, yanc = y2, True, "narrative"
    return mo, y, yrel, yanc


def _paragraph_month(st: State) -> bool:
    """A date with a month was stated earlier in the paragraph (the anchor of a bare day)."""
    return bool(st.last is not None and st.last_line == st.line_no and st.last.m and st.last.gran != "Y")


def _range_start(st: State) -> Point | None:
    """The date a range word links this one to (``6月22日至28日``: 6月22日), or None."""
    if st.before is None:
        return None
    end, point = st.before
    link = st.sentence[end:st.pos].strip()
    return point if link and link in lex(L).get("rangelink", {}) and lex(L)["rangelink"][link] == "to" else None


# a bare weekday takes the last day told as its anchor in that day's paragraph, or in a later one when
# that day lies at most this many days from the reference
WEEKDAY_STORY_DAYS = 7

# a bare day at most this many days after the reference day, in a sentence that tells nothing done, is
# still to come in the reference month (news name the coming days without a future word)
AHEAD_DAYS = 2

# a bare day still to come in the reference month, up to this many days after the last day the story
# told (of another month), goes on in the story's month rather than back to the month before the reference
STORY_DAYS = 7


_NUMBER_BEFORE = re.compile(r"(?:\d+\s?[-–至]\s?)?$")   # 永和街23-29号: the first number of a range before it


def _after_number_prefix(text: str, start: int) -> bool:
    """A word of category ``numberprefix`` ends right before ``start`` (a street, 第), or before the
    first number of a range that ends there."""
    start = _NUMBER_BEFORE.search(text, 0, start).start()
    return any(text.endswith(w, 0, start) for w in lex(L).get("numberprefix", {}))


def _day_without_month(d: int, st: State, said: bool = False) -> Out | Point:
    """``29日`` alone: a day of the month of a date stated earlier in the same paragraph (unless a
    verb of saying follows: 1日发布), else of the reference month (past bias: the month before when
    the day is still to come); news write
    ``德国基民盟7日呼吁`` for a day of the week the story is told in, whatever month an earlier
    paragraph was about."""
    start = _range_start(st)
    if start is not None and start.y is not None and d >= (start.d or 1):
        return Point(start.y, start.m, d, gran="D")      # 6月22日至28日: the first end's month
    if not st.ref:
        return Out(f"XXXX-XX-{d:02d}", "date", True)
    near = _paragraph_month(st) and not said     # 1日发布: the day a thing was said, near the reference
    # a day still to come in the reference month, told in the past: another month's
    later = not near and d > st.ref.day and not (st.future or st.present)
    named = st.day_named(None, d) if later else None
    if named is not None:
        return Point(named.y, named.m, d, gran="D")      # 11月12日 … 12日深夜: the day named again
    story = st.last_day
    if later and story is not None and story.d is not None and 0 < d - story.d <= STORY_DAYS \
            and (story.y, story.m) != (st.ref.year, st.ref.month):
        return Point(story.y, story.m, d, gran="D")     # 11月13日傍晚 … 到了14日深夜: the story's days go on
    a = st.last if near else st.ref_point()
    yy, mm = a.y, a.m
    soon = 0 < d - st.ref.day <= AHEAD_DAYS and not st.done      # 16日开幕 said on the 15th: tomorrow
    if later and not soon:
        yy, mm = add_months(yy, mm, -1)
    for _ in range(12):
        if d <= monthrange(yy, mm)[1]:
            break
        yy, mm = add_months(yy, mm, -1 if not near and not st.future else 1)
    return Point(yy, mm, d, gran="D")


def _calendar_chain(g: dict, m: re.Match, st: State, hh, mi, part) -> Out | Point | None:
    """Year / month / day parts of a chain → a Point (its relative flag and anchor in the Out fields
    set by the caller), or a finished Out."""
    if g.get("period"):
        return _period(g["period"], st)
    y, yrel, yanc = year_of(g, st)
    explicit_year = None
    if g.get("y"):
        # 较2019年同比增长: a year compared with is no year of the story's bare dates
        explicit_year = None if _COMPARED.search(st.sentence, 0, m.start()) else y
        if not YEAR_MIN <= (y or 0) <= YEAR_MAX and len(g["y"]) == 4 and not g.get("era_year"):
            return None
    got = _month_of(g, st, y, yrel, yanc)
    if got is None or isinstance(got, Out):
        return got
    mo, y, yrel, yanc = got
    if (g.get("lunar") or g.get("lunar2") or g.get("leap")) and mo is not None:
        return _lunar(g, st, y, yrel or not g.get("y"), mo, explicit_year, hh, mi, part)
    rel, anc = False, None
    if g.get("d"):
        d = int(cn_number(g["d"].lstrip("初")) or 0)
        if not 1 <= d <= 31:
            return None
        if mo is None:
            if g.get("y") or g.get("yrel") or not g["d"].isdigit():
                return None
            if _after_number_prefix(st.sentence, m.start()):
                return None                 # 弥敦道1号, 第20号: a house or serial number
            p = _day_without_month(d, st, said_at(L, st.sentence, m.end()))
            if isinstance(p, Out):
                return p
            return _finish(p, hh, mi, part, True, "narrative" if _paragraph_month(st) else "reference", None)
    else:
        d = None
    named = st.day_named(mo, d) if mo is not None and d is not None else None
    if mo is not None and y is None and not (g.get("y") or g.get("yrel")) and not g.get("mrel") and named:
        y, rel, anc = named.y, True, "narrative"      # 前年8月18日 … 8月18日: the day named again
    elif mo is not None and y is None and not (g.get("y") or g.get("yrel")) and not g.get("mrel"):
        y = past_year(st, mo, d)
        rel = True
        anc = ("narrative" if st.year_ctx and st.year_ctx[1] == st.line_no else "reference") if y else None
    else:
        rel, anc = yrel, yanc
    if mo is None and d is None:
        if y is None:
            if g.get("wd") and not (g.get("y") or g.get("yrel")):
                return _weekday(g, m, st, hh, mi, part)
            return Out(None, "date", True)
        yend = lookup(L, "yearend", g["yend"]) if g.get("yend") else None
        if yend in ("H1", "H2", "Q1", "Q2", "Q3", "Q4"):
            return Out(year_part(y, yend[0], int(yend[1])), "date", rel, anc, Point(y), explicit_year)
        point = Point(y)
    elif d is None:
        point = Point(y, mo, gran="M")
    else:
        if y and mo == 2 and d == 29 and rel and not g.get("y"):
            y = leap_year(y, -1 if not st.future else 1)
        try:
            date(y if y else 2000, mo, d)
        except ValueError:
            return None
        point = Point(y, mo, d, gran="D")
    return _finish(point, hh, mi, part, rel, anc, explicit_year)


def _period(word: str, st: State) -> Out:
    """``上半年`` / ``一季度`` / ``年底`` without a year: of the year in focus (``(2023-01-01,2023-07-01,P6M)``,
    ``(2024-01-01,2024-04-01,P3M)``, ``2024``)."""
    code = lookup(L, "period", word)
    focus = focus_year(st)
    if focus is None:
        return Out(None, "date", True)
    y, anc = focus
    if code == "Y":             # 年底, 年初 without a year: that year (as 今年年底)
        return Out(f"{y:04d}", "date", True, anc, Point(y))
    return Out(year_part(y, code[0], int(code[1])), "date", True, anc, Point(y))


def _lunar(g: dict, st: State, y: int | None, rel: bool, mo: int, explicit_year: int | None,
           hh, mi, part) -> Out | None:
    """A date of the lunisolar calendar (农历十月初一, 闰四月初一) as its Gregorian day; without a year,
    the lunar year of the reference (the one before if that day is still to come, past bias). A
    lunar month without a day has no Gregorian value."""
    if not g.get("d"):
        return Out(None, "date", True)
    d = int(cn_number(g["d"].lstrip("初")) or 0)
    leap = bool(g.get("leap"))
    if y is None:
        if not st.ref:
            return Out(None, "date", True)
        day = lunar_to_solar(st.ref.year, mo, d, leap)
        if day is None or day > st.ref and not (st.future or st.present):
            day = lunar_to_solar(st.ref.year - 1, mo, d, leap)
    else:
        day = lunar_to_solar(y, mo, d, leap)
    if day is None:
        return None
    return _finish(from_date(day), hh, mi, part, rel, "reference" if rel else None, explicit_year)


def _holiday(g: dict, m: re.Match, st: State) -> Out | None:
    """A holiday (see ``shared.resolve_holiday``); a year compared with (较2025年春节增长) is no year of
    the story's bare dates."""
    r = resolve_holiday(g, st)
    if r is not None and r.explicit_year is not None and _COMPARED.search(st.sentence, 0, m.start()):
        r = replace(r, explicit_year=None)
    return r


def _dotted_day(g: dict, st: State) -> Out | None:
    """``去年6.21``: the day ``6.21`` of the year the relative word names."""
    if not st.ref:
        return Out(None, "date", True)
    y = st.ref.year + int(lookup(L, "relyear", g["dyrel"]) or 0)
    try:
        p = from_date(date(y, int(g["dm"]), int(g["dd"])))
    except ValueError:
        return None
    return Out(p.iso(), "date", True, "reference", p)


_COMPARED = re.compile(r"(?:较|比|相比|同比|比较|对比|相较)于?\s?$")


def _finish(point: Point, hh, mi, part, rel: bool, anc: str | None, explicit_year: int | None) -> Out:
    point = apply_time(point, hh, mi, part)
    typ = "time" if point.gran == "T" else "date"
    return Out(point.iso(), typ, rel, anc, point if point.y is not None else None, explicit_year)


def _era_year(g: dict) -> dict:
    """``康熙三年`` → the groups of the year 1664 (era names and their first years: category ``era``)."""
    n = 1 if g["ey"] == "元" else cn_number(g["ey"])
    first = lookup(L, "era", g["era"])
    return {**g, "y": str(int(first) + int(n) - 1), "era_year": True} if n and first else g


def _era(g: dict, m: re.Match, st: State) -> Out | None:
    g = _era_year(g)
    return _calendar_chain(g, m, st, None, None, None) if g.get("y") else None


def _chain(g: dict, m: re.Match, st: State) -> Out | None:
    """Year, month, day, relative day or week, weekday, part of day and clock time, in that order."""
    has_date = any(g.get(k) for k in ("y", "yrel", "period", "m", "mrel", "d", "rday", "wrel", "wd"))
    hh, mi = _hour(m)
    part = lookup(L, "part", g["part"]) if g.get("part") else None
    if part is None and g.get("cap"):
        part = "pm" if g["cap"].startswith("p") else "am"
    if part is None and g.get("rday"):       # 当晚 9 时, 今早 8 点
        part = "pm" if re.search("[晚夜]", g["rday"]) else "am" if re.search("[早晨]", g["rday"]) else None
    if not has_date:
        return _bare_clock(g, m, st, hh, mi, part)
    if g.get("rday"):
        p = _relative_day(g, m, st, hh, mi, part)
        if not isinstance(p, Point):
            return p
        narrative = lookup(L, "relday", g["rday"]) is None
        return _finish(p, hh, mi, part, True, "narrative" if narrative and st.last else "reference", None)
    if g.get("wrel"):
        if not st.ref:
            return Out(None, "date", True)
        off = int(lookup(L, "relweek", g["wrel"]) or 0)
        return Out(iso_week(st.ref + timedelta(weeks=off)), "date", True, "reference")
    return _calendar_chain(g, m, st, hh, mi, part)


def _weekday(g: dict, m: re.Match, st: State, hh, mi, part) -> Out | None:
    wd = int(lookup(L, "weekday", g["wd"]) or 0)
    mod = lookup(L, "weekmod", g["wmod"]) if g.get("wmod") else None
    stated = _stated_day(st, m.end())
    if stated is not None and mod is not None and int(mod) > 0 and st.ref and stated.as_date() < st.ref:
        y2, m2 = add_months(stated.y, stated.m, 1)      # 下周一（15日）: the 15th ahead
        try:
            stated = from_date(date(y2, m2, stated.d))
        except ValueError:
            stated = None
    if stated is not None and stated.as_date() is not None and stated.as_date().isoweekday() == wd:
        p = apply_time(stated, hh, mi, part)      # 上周一（29日）: the text says which Monday
        return Out(p.iso(), "time" if p.gran == "T" else "date", True, "reference", p)
    if mod is not None:
        if not st.ref:
            return Out(None, "date", True)           # which Wednesday cannot be known without a date
        base = st.ref + timedelta(weeks=int(mod))
        d = base + timedelta(days=wd - base.isoweekday())
        p, anc = from_date(d), "reference"
    else:
        a = st.last if st.last and st.last.gran in ("D", "T") else None
        if a is not None and st.ref and st.last_line != st.line_no and abs((a.as_date() - st.ref).days) > WEEKDAY_STORY_DAYS:
            a = None          # a weekday paragraphs after a story of another year: of the reference week
        if a is not None:
            p, anc = from_date(weekday_near(a.as_date(), wd, -3, 3)), "narrative"
        elif st.ref:
            p, anc = from_date(weekday_near(st.ref, wd, *PAST_WEEKDAY) if st.past else weekday_near(st.ref, wd)), "reference"
        else:
            return Out(None, "date", True)
    p = apply_time(p, hh, mi, part)
    return Out(p.iso(), "time" if p.gran == "T" else "date", True, anc, p)


# --------------------------------------------------------------------------- durations and offsets

_WEEK_WORDS = ("周", "星期", "礼拜", "个星期", "个礼拜")
_WEEKDAY_CHARS = "一二三四五六日天"
_APPROX = frozenset({"将近", "接近", "大约", "大概", "长达", "整整", "足足", "至少", "超过", "近", "约"})


def _not_a_duration(g: dict, u: str, suf: str, pre: str, n_s: str | None) -> bool:
    """月 without 个 is a month name (3月), 日 a day of month, 钟 only after a number (三点钟 is a
    clock time), 三季度 the third quarter, 07年 a year."""
    if u == "月" and not g.get("ge") and not g.get("halfn") and not g.get("zheng"):
        return True
    if u == "日" and not (suf and suf in lex(L)["ago"] | lex(L)["after"].keys()):
        return True
    if u == "钟" or u == "季度" and not g.get("ge") and pre != "前":
        return True
    if u in ("周", "星期", "礼拜") and n_s and not n_s.isdigit() and n_s in ("日", "天"):
        return True
    if n_s and u == "年" and (n_s[0] in "0零〇" or n_s.isdigit() and len(n_s) == 4 and not g.get("more")
                              or len(n_s) == 4 and all(c in _YEAR_DIGITS for c in n_s)):
        return True                   # 2019年, 一九七八年 are years; 1500多年 a duration
    return pre == "前" and not (n_s or g.get("vague"))


_DIGITS = "一二两三四五六七八九"
APPROX_SPAN = 2          # 一两, 两三, 三五: two numerals at most this far apart are "one or two", not 12


def approximate(n_s: str) -> bool:
    """``一两``, ``两三``, ``三五``, ``七八``: an approximate count (its value is vague)."""
    if len(n_s) != 2 or any(c not in _DIGITS for c in n_s):
        return False
    a, b = (cn_number(c) for c in n_s)
    return 0 < b - a <= APPROX_SPAN


def _dur(g: dict, m: re.Match, st: State) -> Out | None:
    """``三年``, ``8个月前`` (before the reference), ``两个月后`` (after the story's date), ``几年``."""
    u = g["u"]
    unit = lookup(L, "unit", u)
    suf = g.get("suf") or ""
    pre = g.get("pre") or ""
    n_s = g.get("n")
    if unit is None or _not_a_duration(g, u, suf, pre, n_s):
        return None
    if n_s == "一" and not (pre or suf) and m.string.endswith("有", 0, m.start()) \
            and not m.string.endswith(tuple(lex(L).get("amount", {})), 0, m.start()):
        return None                            # 有一天, 终有一天: some day (只有一天 is a stretch of time)
    after = m.string[m.end():m.end() + 2]
    if u in _WEEK_WORDS and not suf and after[:1] in _WEEKDAY_CHARS:
        return None                            # 前一个星期六: a weekday, not a week
    if after.startswith("平均"):
        return None                            # 多年平均: an average over years, not a time
    if pre == "这" and not g.get("vague"):
        pre = ""
    if g.get("vague") or n_s and approximate(n_s):
        typ = "date" if suf in lex(L)["ago"] or suf in lex(L)["after"] else "duration"
        return Out(None, typ, True)
    n = 0.5 if g.get("halfn") else cn_number(n_s) if n_s else None
    if n is None:
        return None
    if g.get("half1") or g.get("half2"):          # 三个半小时, 两年半
        n += 0.5
    if n == 0 or n > 10000:
        return None
    if unit == "Y" and n_s and n >= 100 and not n_s.isdigit() and not (pre or suf or g.get("more") or g.get("more2")):
        return None                            # 百年老店, 千年古城, 两千年 (an idiom, a year); 近二百年 is a time
    if suf in lex(L)["ago"] and pre != "前":
        if _IN_ADVANCE.search(m.string, max(0, m.start() - 3), m.start()):
            return Out(duration(n, unit), "duration", False)   # 提早45分钟前到: in advance, not a past time
        return resolve_ago(n, unit, st)
    if suf in lex(L)["after"]:
        if pre in _APPROX:        # 工作近十年后: "after nearly ten years" is a duration
            return Out(duration(n, unit), "duration", False, cut=len(suf))
        return resolve_after(n, unit, st)
    return Out(duration(n, unit), "duration", False)


# --------------------------------------------------------------------------- sets, decades, seasons, years

def _set(g: dict, m: re.Match, st: State) -> Out | None:
    """``每周二`` → XXXX-WXX-2, ``每天`` → P1D, ``每隔两三天`` → a set without a value."""
    if g.get("swd"):
        return Out(f"XXXX-WXX-{lookup(L, 'weekday', g['swd'])}", "set")
    if g.get("ge2") == "隔" or g.get("sn2") or g.get("sn") and approximate(g["sn"]):
        return Out(None, "set")              # 每隔两天, 每3-4个月, 每一两年: no single period
    u = g.get("su")
    if u == "晚":
        return Out("P1D", "set")
    unit = lookup(L, "unit", u or "")
    if unit is None or (unit == "M" and not (u.startswith("个") or g.get("ge2") == "个") and u == "月" and g.get("sn")):
        return None
    n = cn_number(g["sn"]) if g.get("sn") else 1
    return Out(duration(n, unit), "set")


def _decade(g: dict, m: re.Match, st: State) -> Out | None:
    """``上世纪90年代`` → 199, ``八十年代`` → 198, ``这十年`` → the reference's decade."""
    if g.get("thisdec"):
        return Out(f"{st.ref.year // 10:03d}" if st.ref else None, "date", True, "reference" if st.ref else None)
    if g.get("cent2"):
        return _century(g["cent2"], st)
    dec = cn_number(g["dec"])
    if g.get("dec0") and dec:                 # 八九十年代: the eighties and nineties, from the first
        dec = cn_number(g["dec0"]) * 10
    cent = g.get("cent") or ""
    c = _century_of(cent, st) if cent else 19 if dec and dec >= 30 else 20
    if dec is None or c is None:
        return None
    rel = cent.startswith(("上", "本"))
    return Out(f"{c:02d}{int(dec) // 10}", "date", rel, "reference" if rel else None)


def _century_of(cent: str, st: State) -> int | None:
    """The first two digits of a century's years: 上世纪 (the reference's century before), 本世纪,
    二十世纪 → 19."""
    if cent.startswith("上"):
        return 19 if not st.ref else st.ref.year // 100 - 1
    if cent.startswith("本"):
        return 20 if not st.ref else st.ref.year // 100
    cn = cn_number(cent.rstrip("世纪"))
    return int(cn) - 1 if cn and cn <= CENTURY_MAX else None


CENTURY_MAX = 21     # 二十一世纪; a larger count is a number of centuries (三十世纪 is no date)


def _century(cent: str, st: State) -> Out | None:
    """``二十世纪`` → TIMEX3 century ``19``; ``上世纪`` relative to the reference."""
    c = _century_of(cent, st)
    rel = cent.startswith(("上", "本"))
    return Out(f"{c:02d}", "date", rel, "reference" if rel else None) if c is not None else None


def _season(g: dict, m: re.Match, st: State) -> Out | None:
    code = lookup(L, "season", g["season"])
    if not (g.get("y") or g.get("yrel") or g.get("whole")) and st.sentence.endswith("届", 0, m.start()):
        return None                  # 第20届冬季奥运会: the games' name, not a season
    y, rel, anc = year_of(g, st)
    if y is None and not g.get("y") and not g.get("yrel"):
        p = st.anchor()
        y, rel, anc = (p.y if p else None), True, ("narrative" if st.last else "reference")
    if y is None:
        return Out(None, "date", True)
    return Out(f"{y:04d}-{code}", "date", rel, anc, Point(y), y if not rel else None)


_NAME_BEFORE = re.compile(r"[A-Za-z][\w/.\-]*\s?$")


def _not_a_year(before: str, after: str, notyear: dict) -> bool:
    """'2000名员工', '2014年' (the chain reads it), 'NIPS 2014', 'Windows 2000': not a bare year."""
    if any(after.startswith(w) for w in notyear):
        return True
    return after[:1] in ("年", "-", "–", "—") or bool(_NAME_BEFORE.search(before))


def _weekend(g: dict, m: re.Match, st: State) -> Out | None:
    """``上个周末``, ``下下周末`` → ISO week + ``-WE``; a bare 周末 is the last one unless the sentence
    speaks of the future (or it is the weekend)."""
    if not st.ref:
        return Out(None, "date", True)
    if g.get("wemod"):
        off = int(lookup(L, "weekendmod", g["wemod"]) or 0)
    else:
        off = 0 if st.future or st.present or st.ref.isoweekday() >= 6 else -1
    return Out(iso_week(st.ref + timedelta(weeks=off)) + "-WE", "date", True, "reference")


RESOLVERS = {
    "iso": lambda g, m, st: resolve_iso(g),
    "holiday": lambda g, m, st: _holiday(g, m, st),
    "chain": _chain,
    "dur": _dur,
    "set": _set,
    "decade": _decade,
    "weekend": _weekend,
    "era": _era,
    "season": _season,
    "year": lambda g, m, st: resolve_bare_year(m, st, _not_a_year),
    "yrange": resolve_year_range,
    "vague": lambda g, m, st: Out(None, lookup(L, "vague", g["vw"]) or "date", True),
    "reldot": lambda g, m, st: _dotted_day(g, st),
}
