"""Reference-date inference of the dates stage: the date an article without a publication date
was most likely written on, from the dates it states.

Reads the article's sentences (through ``find.find_dates`` without a reference); writes nothing.
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Sequence

from ..model import DATED_LABELS, DateMention, Line, Sentence
from .find import find_dates
from .rules import LANGUAGES, lex, lookup, tense

NAME_YEAR_LEAD = 3        # a year in a name (Google I/O 2024) counts up to 3 years past the dated ones
WEEKDAY_YEAR_SPAN = 11    # a month-day with its weekday fixes the year: the first fitting year within this span
_NAME_YEAR = re.compile(r"[A-Za-z][\w/.\-]*\s?((?:19|20)\d\d)(?![\w%.,]\d|[\w%])")
_ZH_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)$")
_YEARLESS_MONTH = re.compile(r"XXXX-(\d\d)$")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_NUMERAL = re.compile(r"[\d〇零一二三四五六七八九十廿卅]")
_YEAR4 = re.compile(r"\d{4}(?!\d)")        # a year: not a decade (198) or a century (19)
# a page line that is only a timestamp (2024-05-30 19:44:33, 2024/05/30): the date of a listed story
_PAGE_TIMESTAMP = re.compile(r"\s*((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?:\s+\d\d?:\d\d(?::\d\d)?)?\s*")
# a listed story's day stands for the article's only within a year of what its text names
PAGE_DAY_LEAD = timedelta(days=366)
# a story without a date is written just after the latest day it reports: its reference is the next day
DAYS_AFTER_LATEST = 1


def latest_absolute_date(sentences: Sequence[Sentence], language: str) -> str | None:
    """The latest full absolute date (YYYY-MM-DD) stated in the text, or None."""
    return _latest_full_date(find_dates(sentences, None, language))


def page_days(lines: Sequence[Line]) -> list[str]:
    """The days of the page's chrome lines (not title, content or meta) that are a bare timestamp:
    the dates of the stories a related-list or a comment thread shows beside the article."""
    out = []
    for ln in lines:
        m = _PAGE_TIMESTAMP.fullmatch(ln.text) if ln.label not in DATED_LABELS else None
        if m:
            try:
                out.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat())
            except ValueError:
                pass
    return out


def _latest_full_date(found: Sequence[DateMention]) -> str | None:
    full = [d.value[:10] for d in found if not d.relative and d.value and d.type in ("date", "time")
            and _FULL_DATE.fullmatch(d.value[:10])]
    return max(full) if full else None


def _stated_weekday(text: str, language: str) -> int | None:
    if language == "zh":
        m = _ZH_WEEKDAY.search(text)
        return int(lookup("zh", "weekday", m.group(1)) or 0) or None if m else None
    for w in _LATIN_WORD.findall(text):
        v = lookup(language, "weekday", w, fold=True)
        if v:
            return int(v)
    return None


def _year_relative_surface(text: str, language: str) -> bool:
    """``去年 11 月``, ``im Mai letzten Jahres``: the month belongs to a year relative to an unknown date."""
    for cat in ("relyear", "relyearword"):
        for w, off in lex(language).get(cat, {}).items():
            if off not in ("0", "") and (w in text if language == "zh" else w.casefold() in text.casefold()):
                return True
    return False


def _stated_year(found: Sequence[DateMention], sentences: Sequence[Sentence], lang: str) -> tuple[int, int] | None:
    """(latest stated year, latest dated year): dated years outside future-tense sentences, raised by a
    year inside a name at most ``NAME_YEAR_LEAD`` past them."""
    by_id = {s.sentence_id: s for s in sentences}
    future: dict[int, bool] = {}

    def planned(sid: int) -> bool:
        if sid not in future:
            future[sid] = tense(lang, by_id[sid].text)[0] is not None
        return future[sid]
    years = [int(d.value[:4]) for d in found if not d.relative and d.value and _YEAR4.match(d.value)
             and d.type in ("date", "time") and not planned(d.sentence_id)]
    if not years:
        return None
    year = max(years)
    for s in sentences:
        if s.label in ("title", "content"):
            for m in _NAME_YEAR.finditer(s.text):
                y = int(m.group(1))
                if year < y <= max(years) + NAME_YEAR_LEAD:
                    year = y
    return year, max(years)


def _weekday_year(mo: int, dd: int, wd: int, first: int) -> int | None:
    """The first year from ``first`` on (within ``WEEKDAY_YEAR_SPAN``) where mo-dd falls on ``wd``."""
    for y in range(first, first + WEEKDAY_YEAR_SPAN):
        try:
            if date(y, mo, dd).isoweekday() == wd:
                return y
        except ValueError:
            return None
    return None


def _days_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=DAYS_AFTER_LATEST)).isoformat()


def infer_reference(sentences: Sequence[Sentence], language: str, page: Sequence[str] = ()) -> str | None:
    """Reference date of an article without a publication date (YYYY-MM-DD or None).

    1. The day after the latest full absolute date the article states (``latest_absolute_date``):
       a story is written just after the last day it reports (``DAYS_AFTER_LATEST``).
    2. Else the latest stated year — dated years outside future-tense sentences, years inside names
       (``Google I/O 2024``, at most ``NAME_YEAR_LEAD`` past the dated ones), and the year a stated
       weekday fixes for a month-day (``11 月 16 日周四`` → the first fitting year from the latest
       stated one) — combined with the latest month-day the article gives without a year (again the
       day after it); without
       one, the end of the latest such month. None when the text gives no month at all: a year
       alone would turn every relative date into a guess.
    3. Where the text states no full date, the earliest of the ``page`` days (``page_days``: the
       stories listed beside it) not before the estimate of 2. or the latest stated year and at most
       ``PAGE_DAY_LEAD`` after it: a page lists stories of its own time or later, so that day is
       nearer than the end of a month the text looked back to (a feature that last names a
       month of the year before, on a page of stories of its own week).
    """
    lang = language if language in LANGUAGES else "zh"
    found = find_dates(sentences, None, lang)
    full = _latest_full_date(found)
    if full:
        return _days_after(full)
    estimate = _text_estimate(found, sentences, lang)
    if not page:
        return estimate
    stated = _stated_year(found, sentences, lang)
    floor = estimate or (f"{stated[0]}-01-01" if stated else "")
    later = [d for d in page if d >= floor]
    if later and floor and date.fromisoformat(min(later)) - date.fromisoformat(floor) > PAGE_DAY_LEAD:
        return estimate     # only stories of a later time beside it (a page scraped years after)
    return min(later) if later else estimate


def _text_estimate(found: Sequence[DateMention], sentences: Sequence[Sentence], lang: str) -> str | None:
    """Step 2 of ``infer_reference``: the latest stated year with the latest month-day or month."""
    stated = _stated_year(found, sentences, lang)
    if stated is None:
        return None
    year, dated = stated
    days, months = [], []
    for d in found:
        if not d.value or _year_relative_surface(d.text, lang):
            continue
        md, mm = _YEARLESS_DAY.match(d.value), _YEARLESS_MONTH.match(d.value)
        if md and not _NUMERAL.search(d.text):
            continue                      # a holiday name (Boxing Day, 国庆节) says nothing of when it is written
        if md:
            mo, dd = int(md.group(1)), int(md.group(2))
            days.append((mo, dd))
            wd = _stated_weekday(d.text, lang)
            y = _weekday_year(mo, dd, wd, dated) if wd else None
            if y is not None:
                year = max(year, y)
        elif mm:
            months.append(int(mm.group(1)))
        elif re.fullmatch(r"\d{4}-\d\d", d.value) and not d.relative:
            months.append((int(d.value[:4]), int(d.value[5:7])))
    if days:
        mo, dd = max(days)
        try:
            return _days_after(date(year, mo, dd).isoformat())
        except ValueError:
            return None
    ym = [m if isinstance(m, tuple) else (year, m) for m in months]
    ym = [m for m in ym if m[0] == year]
    if ym:
        y, mo = max(ym)
        return date(y, mo, monthrange(y, mo)[1]).isoformat()
    return None
