"""The resolution state and the language-neutral resolvers of the dates stage.

``State`` is what resolution reads while it walks an article (reference date, the narrative
anchor, the year stated last in the paragraph, the sentence); ``Out`` is what a resolver returns.
The resolvers here serve every language: ISO dates, holidays, bare years, ``n units ago`` and
``n units later``. Reads the date lexicons; writes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from .calendar import (
    GRAN,
    REFERENCE_YEARS,
    UNIT_GRAN,
    YEAR_MAX,
    YEAR_MIN,
    Point,
    ago,
    duration,
    from_date,
    holiday_date,
    iso_week,
    shift,
)
from .ranges import join
from .rules import lex, lookup

# a bare month up to this many months after the reference month, in a sentence that tells nothing
# done (了, 已, 曾), is this year's: news name coming months without a future word (九月立法会选举,
# 8月20日区院再讯 said in spring); German and English mark the future (wird, will) and keep the past bias
AHEAD_MONTHS = {"zh": 3}
_MONTH_DAY = re.compile(r"月\s?(?:\d{1,2}|[一二三四五六七八九十]{1,3})")   # a day stated with its month (8月18日)
_MONTH_DAY_TO = re.compile(r"月\s?\d{1,2}\s?[日号]?\s?[至到~～—–-]\s?$")     # … and the end of its range (9月27至)
URLISH = re.compile(r"(?:https?:|www\.|/)\S*$")


@dataclass
class State:
    ref: date | None
    language: str
    last: Point | None = None          # last resolved point (the narrative anchor)
    last_line: int = 0                   # the raw line (paragraph) it was stated in
    last_day: Point | None = None        # last resolved point of a day or finer (当天, 当晚 refer to it)
    days: dict = field(default_factory=dict)   # (month, day) → the last point of that day stated so far
    year_ctx: tuple[int, int, int | None] | None = None   # (explicit year, line_no, its month) of the last stated year
    line_no: int = 0
    label: str = "content"
    future: bool = False                 # the sentence speaks of the future: no past bias
    future_at: int = 0                   # where its first future word is: dates after it point forward
    pos: int = 0                         # where the expression being resolved starts
    present: bool = False                # a scheduled present (verlässt … Ende Juli): no past bias
    past: bool = False                   # told in the past (hat … ernannt, said, 了) and no future word
    done: bool = False                   # tells a thing done (了, 已, 曾): a bare month ahead is last year's
    sentence: str = ""
    before: tuple[int, Point] | None = None   # end and point of the sentence's last dated mention so far

    def note_day(self, p: Point | None, surface: str, before: str = "") -> None:
        """Remember a day the article stated with its month (``前年8月18日``, the second end of
        ``9月27至28日``; a later bare ``8月18日`` or ``18日`` may name it again); days reached from a
        word (翌日, 当天) are not remembered."""
        if p is not None and p.gran in ("D", "T") and p.y is not None and p.m and p.d \
                and (_MONTH_DAY.search(surface) or _MONTH_DAY_TO.search(before)):
            self.days.pop((p.m, p.d), None)
            self.days[(p.m, p.d)] = p

    def day_named(self, m: int | None, d: int) -> Point | None:
        """The last stated point of month ``m`` (any month when None) and day ``d``, or None."""
        if m is not None:
            return self.days.get((m, d))
        return next((p for (_, d2), p in reversed(self.days.items()) if d2 == d), None)

    def ref_point(self) -> Point | None:
        return from_date(self.ref) if self.ref else None

    def anchor(self) -> Point | None:
        return self.last or self.ref_point()


@dataclass(frozen=True)
class Out:
    value: str | None
    type: str
    relative: bool = False
    anchor: str | None = None
    point: Point | None = None      # becomes the narrative anchor when set
    explicit_year: int | None = None
    cut: int = 0                     # characters to drop from the end of the surface
    wd: int | None = None            # ISO weekday of a weekday mention (joins a week: "next week Tuesday")


Resolver = Callable[[dict, re.Match, State], "Out | None"]


def focus_year(st: State) -> tuple[int, str] | None:
    """The year a part of a year named without one (上半年, the first quarter, im zweiten Halbjahr)
    belongs to: the year stated last in this paragraph, else the reference year; with its anchor."""
    if st.year_ctx and st.year_ctx[1] == st.line_no and st.year_ctx[0]:
        return st.year_ctx[0], "narrative"
    return (st.ref.year, "reference") if st.ref else None


def year_part(y: int, unit: str, n: int) -> str:
    """The ``n``-th half (``unit`` H) or quarter (Q) of year ``y`` as the range it covers, as
    Recognizers-Text writes it: ``(2024-01-01,2024-07-01,P6M)``, ``(2023-10-01,2024-01-01,P3M)``."""
    size = 6 if unit == "H" else 3
    first = (n - 1) * size + 1
    return join(f"{y:04d}-{first:02d}", f"{y + (first + size - 1) // 12:04d}-{(first + size - 1) % 12 + 1:02d}")


def past_year(st: State, m: int, d: int | None) -> int | None:
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
    after = m > st.ref.month or (d is not None and m == st.ref.month and d > st.ref.day)
    before = m < st.ref.month or (d is not None and m == st.ref.month and d < st.ref.day)
    if st.future and before and st.future_at < st.pos:
        y += 1                        # 将在3月, "will … in March" said in May: next March (not 5月19日…将合并)
    elif not (st.future or st.present) and after and (st.done or not _soon(st, m)):
        y -= 1
    return y


def _soon(st: State, m: int) -> bool:
    """A month at most ``AHEAD_MONTHS`` after the reference month, in a language that names its
    coming months without a future word (九月立法会选举 said in April: this September)."""
    ahead = AHEAD_MONTHS.get(st.language, 0)
    return ahead > 0 and (m - st.ref.month) % 12 <= ahead


def in_quote(s: str, pos: int) -> bool:
    """``pos`` lies inside “…” or 「…」 of ``s``."""
    before = s[:pos]
    return (before.count("“") > before.count("”")) or (before.count("「") > before.count("」"))


# --------------------------------------------------------------------------- resolvers

def resolve_iso(g: dict) -> Out | None:
    """``2024-05-17``, ``2024/05/17 08:15``: a full date (and time) within the year range."""
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
        p = Point(y, mo, d, hh, mi, "T")
        return Out(p.iso(), "time", point=p, explicit_year=y)
    p = Point(y, mo, d, gran="D")
    return Out(p.iso(), "date", point=p, explicit_year=y)


# a bare holiday within this many days of the day the story last told is that year's
STORY_HOLIDAY_DAYS = 31


def _story_holiday(st: State, spec: str) -> date | None:
    """The holiday ``spec`` of the story's year: the one within ``STORY_HOLIDAY_DAYS`` of the last
    day the article told, when that day lies in another month than the reference; else None."""
    a = st.last if st.last is not None and st.last.gran in ("D", "T") else None
    if a is None or a.as_date() is None or (st.ref and (a.y, a.m) == (st.ref.year, st.ref.month)):
        return None
    for y in (a.y - 1, a.y, a.y + 1):
        d = holiday_date(spec, y)
        if d is not None and abs((d - a.as_date()).days) <= STORY_HOLIDAY_DAYS:
            return d
    return None


def _coming(st: State, this: date, spec: str) -> date | None:
    """The next occurrence of a bare holiday (``this``: the one of the reference year) when it is at
    most ``AHEAD_MONTHS`` ahead and the sentence tells nothing done or speaks of the future
    (春节就要到了), in a language that names coming days without a future word; else None."""
    ahead = AHEAD_MONTHS.get(st.language, 0)
    if not ahead or (st.done and not st.future):
        return None
    nxt = this if this > st.ref else holiday_date(spec, st.ref.year + 1)
    return nxt if nxt is not None and (nxt - st.ref).days <= ahead * 31 else None


_NEXT_MODS = ("next", "following", "coming", "nächst", "kommend")
_LAST_MODS = ("last", "previous", "letzt", "vergangen")


def resolve_holiday(g: dict, st: State) -> Out | None:
    """A holiday name, with a year (``Easter 2018``), a relative year or a modifier (``next
    Thanksgiving``); a bare name is the last one (past bias) unless the sentence speaks of the future;
    with ``heve`` (圣诞前夕) the day before."""
    L = st.language
    spec = lookup(L, "holiday", g["hol"], fold=True)
    if not spec:
        return None
    if not g.get("hy") and not st.ref:
        return Out(f"XXXX-{spec}" if re.fullmatch(r"\d\d-\d\d", spec) else None, "date", True)
    d = holiday_date(spec, int(g["hy"])) if g.get("hy") else _holiday_near_reference(g, st, spec)
    if d is None:
        return None
    if g.get("heve"):
        d -= timedelta(days=1)                 # 圣诞前夕: the day before
    if g.get("hy"):
        return Out(d.isoformat(), "date", False, None, from_date(d), int(g["hy"]))
    return Out(d.isoformat(), "date", True, "reference", from_date(d))


def _holiday_near_reference(g: dict, st: State, spec: str) -> date | None:
    """The day of holiday ``spec`` named without a year: of the relative year, the next or last one a
    modifier asks for, the one of the story told, a coming one, else the last one."""
    L = st.language
    if g.get("hrel"):
        off = lookup(L, "relyear", g["hrel"], fold=True) or lookup(L, "relyearword", g["hrel"], fold=True) or "0"
        return holiday_date(spec, st.ref.year + int(off))
    mod = (g.get("hmod") or "").lower()
    step = 1 if mod.startswith(_NEXT_MODS) else -1 if mod.startswith(_LAST_MODS) else 0
    d = holiday_date(spec, st.ref.year)
    if d is None:
        return None
    bare = step == 0 and not mod
    if bare and (told := _story_holiday(st, spec)) is not None:
        return told                                                            # 2016年12月19日 … 圣诞: that Christmas
    if step > 0 and d <= st.ref or bare and d < st.ref and st.future and st.future_at < st.pos:
        return holiday_date(spec, st.ref.year + 1)                             # the next one
    if bare and (coming := _coming(st, d, spec)) is not None:
        return coming                                                          # 元旦 said on 28 December
    if bare and d > st.ref and not (st.future or st.present) or step < 0 and d >= st.ref:
        return holiday_date(spec, st.ref.year - 1)                             # past bias for a bare name
    return d


def year_range_rx(suffix: str = "") -> str:
    """``2014-2018``, ``1995 – 1997年``, ``2014~2018``: two years joined by a dash or a tilde
    (``suffix``: a year word after the second, 年)."""
    return (r"(?<![A-Za-z0-9_./:#@+\-])(?P<ry1>(?:19|20)\d\d)\s?[-–~～]\s?(?P<ry2>(?:19|20)\d\d)"
            rf"(?:{suffix})?(?![A-Za-z0-9_%/\-]|[.,]\d)")


def resolve_year_range(g: dict, m: re.Match, st: State) -> Out | None:
    """A year range → ``(2014-01-01,2018-01-01,P4Y)``; the second year must be later."""
    y1, y2 = int(g["ry1"]), int(g["ry2"])
    if not (YEAR_MIN <= y1 < y2 <= YEAR_MAX):
        return None
    return Out(join(f"{y1:04d}", f"{y2:04d}"), "date", False, None, Point(y2), y2)


def resolve_bare_year(m: re.Match, st: State, not_a_year: Callable[[str, str, dict], bool]) -> Out | None:
    """A bare 4-digit year (group ``by``) unless it sits in a web address or its context says it is a
    quantity or part of a name (``not_a_year(before, after, notyear_words)``, one per language)."""
    s = m.string
    y = int(m.group("by"))
    if not YEAR_MIN <= y <= YEAR_MAX:
        return None
    before = s[max(0, m.start() - 24):m.start()]
    if URLISH.search(before.split()[-1] if before.split() and not before.endswith(" ") else ""):
        return None
    after = s[m.end():m.end() + 12].lstrip()
    if not_a_year(before, after, lex(st.language).get("notyear", {})):
        return None
    return Out(f"{y:04d}", "date", False, None, Point(y), y)


def resolve_ago(n: float, unit: str, st: State) -> Out:
    """``n`` units before the reference date; a duration in a meta line or without a reference."""
    if st.label == "meta" or not st.ref:
        return Out(duration(n, unit), "duration", True)
    if unit == "Y" and not float(n).is_integer() and float(n * 12).is_integer():
        n, unit = n * 12, "M"                      # 半年前, 两年半前: so many months before
    p = ago(st.ref, n, unit)
    if p is None:
        return Out(duration(n, unit), "duration", True)
    if p.y < REFERENCE_YEARS[0]:
        return Out(None, "date", True)            # 二千年前: no ISO form for an ancient, approximate point
    if unit == "W":                               # 两周前, vor drei Wochen: that ISO week
        return Out(iso_week(p.as_date()), "date", True, "reference", p)
    return Out(p.iso(), "date", True, "reference", p)


def resolve_after(n: float, unit: str, st: State) -> Out:
    """``两个月后`` after a stated date → that date + offset; with no anchor fine enough → a duration."""
    a = st.last
    need = UNIT_GRAN.get(unit, "D")
    if unit in ("H", "MIN", "S"):
        need = "T" if unit != "H" else "D"
    if a is None or GRAN[a.gran] < GRAN[need] or not float(n).is_integer():
        return Out(duration(n, unit), "duration", True)
    p = shift(a, n, unit)
    if p is None:
        return Out(duration(n, unit), "duration", True)
    return Out(p.iso(), "time" if p.gran == "T" else "date", True, "narrative", p)
