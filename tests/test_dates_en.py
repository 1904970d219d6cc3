"""Tests for extract.dates.en: the English grammar and its resolvers (reference 2025-03-12, a Wednesday)."""
from __future__ import annotations

import pytest

from extract.dates import find_dates_in_text
from extract.model import Sentence

REF = "2025-03-12"   # a Wednesday


def _one(text, ref=REF, lang="zh"):
    found = find_dates_in_text(text, ref, lang)
    assert found, f"nothing found in {text!r}"
    return found


def _sentences(texts, labels=None):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t), i + 1, (labels or {}).get(i, "content")))
        pos += len(t) + 1
    return out


EN_CASES = [
    ("The deal closed on April 9, 2021.", "April 9, 2021", "2021-04-09", "date"),
    ("She joined on 22 July 2019.", "22 July 2019", "2019-07-22", "date"),
    ("He resigned last Monday.", "last Monday", "2025-03-10", "date"),
    ("The board met yesterday.", "yesterday", "2025-03-11", "date"),
    ("It launched four years ago.", "four years ago", "2021", "date"),
    ("He led the lab for six years.", "six years", "P6Y", "duration"),
    ("Revenue rose in January.", "January", "2025-01", "date"),
    ("The company was founded in 2009.", "2009", "2009", "date"),
    ("Reports are filed every month.", "every month", "P1M", "set"),
    ("He had worked there for several years.", "several years", None, "duration"),
    ("The filing is dated 2022-12-01.", "2022-12-01", "2022-12-01", "date"),
]


@pytest.mark.parametrize("text,surface,value,typ", EN_CASES)
def test_dates_en_cases(text, surface, value, typ):
    found = _one(text, REF, "en")
    hit = [d for d in found if surface in d.text or d.text in surface]
    assert hit, [(d.text, d.value) for d in found]
    assert hit[0].value == value
    assert hit[0].type == typ


def test_dates_future_sentence_keeps_reference_year():
    found = find_dates_in_text("The company plans to open the office on 1 October.", "2024-08-06", "en")
    assert [d.value for d in found] == ["2024-10-01"]


# English: year-month numbers, "the year" after of / for / in, story weeks, remote years, weekday + time,
# clock ranges beside a day, enumerated days (reference 2025-03-12, a Wednesday, ISO week 11)
EN_MORE_CASES = [
    ("The audit covers 2023-11 only.", "2023-11", "2023-11"),
    ("Figures for 2024-7 were revised.", "2024-7", "2024-07"),
    ("The permit expired in 09-2022.", "09-2022", "2022-09"),
    ("The firm expanded in 2021 october.", "2021 october", "2021-10"),
    ("She was named employee of the month.", "the month", "2025-03"),
    ("The shop stays closed for the week.", "the week", "2025-W11"),
    ("Orders should pick up later in the year.", "the year", "2025"),
    ("He is away for the day.", "the day", "2025-03-12"),
    ("We postponed it to the following week.", "the following week", "2025-W12"),
    ("Sales dipped the previous week.", "the previous week", "2025-W10"),
    ("What happened on previous week - Monday?", "previous week - Monday", "2025-03-03"),
    ("The launch is planned for EOY.", "EOY", "2025"),
    ("The vault stays sealed until 2250.", "2250", "2250"),
    ("The bridge dates back to 1874.", "1874", "1874"),
    ("Can we meet next week Wed?", "next week Wed", "2025-03-19"),
    ("The call was on Tuesday at 16.15.", "on Tuesday at 16.15", "2025-03-11T16:15"),
    ("The club meets Fridays at 18.45.", "Fridays at 18.45", "XXXX-WXX-5T18:45"),
    ("Doors open at 8.am sharp.", "8.am", "T08"),
    ("The alarm rang at 745 p.m. again.", "745 p.m.", "T19:45"),
    ("We met on Sunday early morning at 7:30.", "on Sunday early morning at 7:30", "2025-03-09T07:30"),
    ("The party was Saturday late evening at 9:00.", "Saturday late evening at 9:00", "2025-03-08T21:00"),
    ("It happened last Thursday by 3 in the afternoon.", "last Thursday by 3 in the afternoon", "2025-03-06T15:00"),
    ("Reports will be due March 20 no later than 17:00.", "March 20 no later than 17:00", "2025-03-20T17:00"),
    ("Call me at 4 pm or later on Friday.", "4 pm or later on Friday", "2025-03-14T16:00"),
    ("They spoke on tues the 4th 7pm.", "on tues the 4th 7pm", "2025-03-04T19:00"),
    ("They met on monday the tenth six pm.", "on monday the tenth six pm.", "2025-03-10T18:00"),
    ("The office is staffed Thursday 9-5.", "Thursday 9-5", "2025-03-13T09:00"),
    ("The power was out between 6 and 8 last night.", "between 6 and 8 last night", "2025-03-11T18:00"),
    ("They are free 10-12 next Friday.", "10-12 next Friday", "2025-03-14T10:00"),
    ("The form was saved as budget-2024-05-17.pdf.", "2024-05-17", "2024-05-17"),
]


@pytest.mark.parametrize("text,surface,value", EN_MORE_CASES)
def test_dates_en_year_months_story_weeks_and_day_times(text, surface, value):
    found = find_dates_in_text(text, REF, "en")
    assert [(d.text, d.value) for d in found] == [(surface, value)]


def test_dates_en_enumerated_day_takes_the_next_month():
    found = find_dates_in_text("The fair runs on 14 and 15 March 2026.", REF, "en")
    assert [(d.text, d.value) for d in found] == [("14", "2026-03-14"), ("15 March 2026", "2026-03-15")]


@pytest.mark.parametrize("text,not_surface", [
    ("The 2009-10 season ended early.", "2009-10"),
    ("Arsenal won 3-1 yesterday.", "3-1"),
    ("Sales rose on Monday 3-5 percent.", "3-5"),
    ("Shares closed Monday at 2.30 euros.", "2.30"),
    ("At the end of the day we agreed.", "the day"),
    ("They signed a deal for the year-long project.", "the year"),
    ("He was named player of the year in 2015.", "the year"),
    ("Visit www.example.org/news-2023-04-02-report today.", "2023-04-02"),
    ("The budget of 2017 may rise.", "2017 may"),
])
def test_dates_en_new_rules_skip_seasons_scores_prices_and_idioms(text, not_surface):
    found = find_dates_in_text(text, REF, "en")
    assert not [d for d in found if not_surface in d.text], [(d.text, d.value) for d in found]


# text, surface, value: holidays, clock words and merges (the one mention with that value)
EN_WORD_CASES = [
    ("The parade was on Thanksgiving 2023", "Thanksgiving 2023", "2023-11-23"),
    ("Stores reopened after Christmas", "Christmas", "2024-12-25"),
    ("They met on Easter Monday 2020", "Easter Monday 2020", "2020-04-13"),
    ("The vote is at 3pm today", "3pm today", "2025-03-12T15:00"),
    ("The hearing lasted 1 hour and 30 minutes", "1 hour and 30 minutes", "PT1H30M"),
]


@pytest.mark.parametrize("text,surface,value", EN_WORD_CASES)
def test_dates_en_holidays_clock_words_and_merges(text, surface, value):
    found = find_dates_in_text(text, REF, "en")
    assert [(d.text, d.value) for d in found if d.value == value] == [(surface, value)], \
        [(d.text, d.value) for d in found]


# text, surface, value, type: token dates, number words, weekday + day, weeks, sets, durations, clock
# words, ranges, offsets, weekends (the only mention of the text)
EN_FORMAT_CASES = [
    ("The filing is dated 14/Feb/2023 in the register.", "14/Feb/2023", "2023-02-14", "date"),
    ("Results were posted on 2022-nov-03.", "2022-nov-03", "2022-11-03", "date"),
    ("Payment is due Oct/7 as agreed.", "Oct/7", "2024-10-07", "date"),
    ("The plan runs through Aug-2026.", "through Aug-2026", "2026-08", "date"),
    ("He was hired on 19/06 by the board.", "19/06", "2024-06-19", "date"),
    ("The firm was founded on Feb 29.", "Feb 29", "2024-02-29", "date"),
    ("She signed on March twenty first.", "March twenty first", "2024-03-21", "date"),
    ("It opened on August third nineteen ninety nine.", "August third nineteen ninety nine", "1999-08-03", "date"),
    ("He was born in nineteen seventy two.", "nineteen seventy two", "1972", "date"),
    ("They met in April of 98 at a conference.", "in April of 98", "1998-04", "date"),
    ("The vote is on Thursday the 20th.", "on Thursday the 20th", "2025-03-20", "date"),
    ("Payments go out on the 5th.", "on the 5th", "2025-03-05", "date"),
    ("Sales in week 7 of last year fell.", "week 7 of last year", "2024-W07", "date"),
    ("Traffic peaked in the second week of 2024.", "the second week of 2024", "2024-W02", "date"),
    ("We talked on Tuesday of last week.", "on Tuesday of last week", "2025-03-04", "date"),
    ("The store opens on Saturdays.", "on Saturdays", "XXXX-WXX-6", "set"),
    ("The report is published quarterly.", "quarterly", "P3M", "set"),
    ("Staff rotate every other week.", "every other week", "P2W", "set"),
    ("The interview took an hour and a half.", "an hour and a half", "PT1.5H", "duration"),
    ("The flight lasted 9h despite the storm.", "9h", "PT9H", "duration"),
    ("She booked the room for three nights.", "for three nights", "P3D", "duration"),
    ("He arrived at 7:45:10 pm.", "7:45:10 pm", "T19:45:10", "time"),
    ("The polls close at half past eight in the evening.", "half past eight in the evening", "T20:30", "time"),
    ("They spoke at seven twenty-five.", "seven twenty-five", "T07:25", "time"),
    ("The talks resumed at noon.", "noon", "T12", "time"),
    ("The shift runs from 9 to 5:30 pm on weekdays.", "from 9 to 5:30 pm", "(T09,T17:30,PT8H30M)", "time"),
    ("He called yesterday at 9.", "yesterday at 9", "2025-03-11T09:00", "time"),
    ("The vote came two days after yesterday.", "two days after yesterday", "2025-03-13", "date"),
    ("It closed 3 weeks before March 1.", "3 weeks before March 1", "2025-02-08", "date"),
    ("Protests grew over the weekend.", "over the weekend", "2025-W10-WE", "date"),
]


@pytest.mark.parametrize("text,surface,value,typ", EN_FORMAT_CASES)
def test_dates_en_formats_words_sets_ranges_and_offsets(text, surface, value, typ):
    found = find_dates_in_text(text, REF, "en")
    assert [(d.text, d.value, d.type) for d in found] == [(surface, value, typ)]


@pytest.mark.parametrize("text,not_surface", [
    ("Prices rose 24/7 in the first half.", "24/7"),
    ("You may first need to register.", "may first"),
    ("He won on Friday 7 races in a row.", "Friday 7"),
    ("The score went from 3 to 5 in the second half.", "from 3 to 5"),
])
def test_dates_en_skips_fractions_scores_and_verbs(text, not_surface):
    found = find_dates_in_text(text, REF, "en")
    assert not [d for d in found if d.text == not_surface], [(d.text, d.value) for d in found]


# text, surface, value (reference 2024-05-10): future and scheduled present, full stops, decades
EN_RESOLUTION_CASES = [
    ("He will join the board in March.", "in March", "2025-03"),
    ("In March he said he will leave.", "In March", "2024-03"),        # the month comes before "will"
    ("She leaves the company at the end of July.", "the end of July", "2024-07"),
    ("The talks ended in March.", "in March", "2024-03"),
    ("He left in July.", "in July", "2023-07"),
    ("It ended on 3 May.", "3 May", "2024-05-03"),
    ("The town grew in the 1990s.", "the 1990s", "199"),
]


@pytest.mark.parametrize("text,surface,value", EN_RESOLUTION_CASES)
def test_dates_en_future_full_stops_and_decades(text, surface, value):
    found = find_dates_in_text(text, "2024-05-10", "en")
    assert [(d.text, d.value) for d in found] == [(surface, value)]


@pytest.mark.parametrize("text,surface,value", [
    ("Protesters gathered this evening outside the court.", "this evening", "2024-05-10TEV"),
    ("Last night two trains collided.", "Last night", "2024-05-09TNI"),
    ("The minister spoke on Tuesday afternoon.", "on Tuesday afternoon", "2024-05-07TAF"),
    ("The vote is this evening at 8.", "this evening at 8", "2024-05-10T20:00"),     # a clock time: the time
])
def test_dates_en_parts_of_day(text, surface, value):
    found = find_dates_in_text(text, "2024-05-10", "en")
    assert [(d.text, d.value) for d in found] == [(surface, value)]
