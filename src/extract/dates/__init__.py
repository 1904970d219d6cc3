"""Stage 4b — time expressions: find them in zh / de / en sentences and give them ISO values.

Three steps per article, in document order:

1. **Candidates.** Every rule pattern of the language (built once from the lexicons
   ``resources/dates_{zh,de,en}.txt`` and compiled lazily) is run over each sentence; overlapping
   candidates are resolved longest-first, so ``2022 年秋季`` wins over ``2022 年``.
2. **Resolution** of each kept candidate by the language's table of named resolvers, against
   - nothing (absolute: ``2024年5月17日``, ``1. Oktober 2024``, ``近十年`` → ``P10Y``),
   - the reference date, with a past bias for news (``今年5月``, ``去年11月``, ``上周三``,
     ``vor drei Jahren``, ``last Tuesday``; a bare month after the reference month is last year's,
     in Chinese only when it lies more than ``shared.AHEAD_MONTHS`` ahead or the sentence tells a
     thing done: ``8月20日区院再讯`` said in May is this August),
     except where the sentence speaks of the future — then a bare month before the reference month
     is next year's (``将在3月``, ``will … in March``) — or of a scheduled present (``verlässt … Ende
     Juli``, ``leaves … in July``, ``ab 1. Juli``: no past bias; lexicon categories ``future``,
     ``present``, ``notfuture``, ``startprep``),
   - the narrative: the last resolved date of the article (``第二天``, ``当晚 9 时 43 分``,
     ``两个月后``, ``am selben Tag``, ``the next day``), at the granularity of that anchor.
     An offset whose anchor is too coarse or missing stays a duration (``106个小时后`` → ``PT106H``).
3. **Merge and output**: adjacent mentions that make one expression are joined; ``DateMention``
   records with article-level offsets, ``text[start:end] == surface``.

Values are TIMEX3-like ISO strings: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM``,
``YYYY-Www`` (also for ``n weeks ago``), seasons ``2022-FA``, decades ``198``, centuries ``19``,
durations ``P3Y`` / ``PT106H``, weekends ``2016-W45-WE``, sets ``XXXX-WXX-2``
/ ``P1W`` / ``XXXX-WXX-3T16``; every other span with a start and an end is a range
``(start,end,duration)`` as Recognizers-Text writes it: quarters and half years (``2019年第一季度``,
``Q1 2019``, ``erstes Quartal 2019`` → ``(2019-01-01,2019-04-01,P3M)``, ``上半年`` →
``(2024-01-01,2024-07-01,P6M)``), ranges of years, months or clock times
(``2014年至2018年`` → ``(2014-01-01,2018-01-01,P4Y)``, ``from 3pm to 5pm`` → ``(T15,T17,PT2H)``,
English ``the next 3 days`` → ``(2016-11-08,2016-11-11,P3D)``, Chinese days ``26日至28日`` →
``(2021-01-26,2021-01-28,P2D)`` and a year's first months ``今年前8个月`` →
``(2025-01-01,2025-09-01,P8M)``; a clock range beside a day is valued by its start, German and
English days stay two mentions, as does a Chinese range whose first end drops its unit: ``今年5至6月``),
English days with their part (``this evening`` → ``2016-11-07TEV``), sets of a day of every month or
year (``每月21日`` → ``XXXX-XX-21``),
``XXXX-MM-DD`` when no year can be known, lunar dates (农历) and lunar holidays (春节, 中秋) as their
Gregorian day, and ``None``
for vague expressions (``过去几个月``, ``seit vielen Jahren``, ``一两年``) and for a weekday without
any date to place it. Deictic adverbs (最近, 目前, damals, jetzt), ages and
quantities are not time expressions.

Modules: ``rules`` (lexicons, compiled rule sets), ``calendar`` (points, shifts, holidays, clock
values, numerals), ``shared`` (resolution state, language-neutral resolvers), ``zh`` / ``de`` / ``en``
(one grammar each: patterns and a name → resolver table; ``latin`` holds what de and en share),
``merge`` (joining neighbours, ranges among them), ``ranges`` (range values), ``spans`` (the time a
value covers, the point events date from), ``find`` (the driver), ``reference`` (reference-date inference),
``stamps`` (publication-date stamps for the cleaning stage). The stage reads only its lexicons and
the sentences it is given; it writes nothing.
"""
from __future__ import annotations

from .calendar import cn_number
from .find import find_dates, find_dates_in_text
from .reference import infer_reference, latest_absolute_date, page_days
from .rules import LANGUAGES
from .stamps import first_stamp

__all__ = ["LANGUAGES", "cn_number", "find_dates", "find_dates_in_text", "first_stamp", "infer_reference",
           "latest_absolute_date", "page_days"]
