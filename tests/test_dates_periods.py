"""Quarters, halves and centuries in zh/de/en (reference 2025-03-12): a part of a year named with
its year, relative to the reference, or without a year (the year stated last in the paragraph)."""
from __future__ import annotations

import pytest

from extract import find_dates

REF = "2025-03-12"


def _values(text, lang):
    return [(r.text, r.value) for r in find_dates(text, reference=REF, lang=lang).itertuples()]


@pytest.mark.parametrize("text,lang,surface,value", [
    ("公司2019年第二季度营收增长12%。", "zh", "2019年第二季度", "(2019-04-01,2019-07-01,P3M)"),
    ("去年第四季度，出口回落。", "zh", "去年第四季度", "(2024-10-01,2025-01-01,P3M)"),
    ("一季度GDP同比增长5.3%。", "zh", "一季度", "(2025-01-01,2025-04-01,P3M)"),
    ("上半年，全市新增就业岗位3万个。", "zh", "上半年", "(2025-01-01,2025-07-01,P6M)"),
    ("下半年将推出新的补贴政策。", "zh", "下半年", "(2025-07-01,2026-01-01,P6M)"),
    ("Im ersten Quartal 2024 stieg der Umsatz um drei Prozent.", "de", "ersten Quartal 2024", "(2024-01-01,2024-04-01,P3M)"),
    ("Im zweiten Halbjahr 2023 brach die Nachfrage ein.", "de", "zweiten Halbjahr 2023", "(2023-07-01,2024-01-01,P6M)"),
    ("Der Gewinn lag im Vorquartal höher.", "de", "Vorquartal", "(2024-10-01,2025-01-01,P3M)"),
    ("Das Schloss stammt aus dem 19. Jahrhundert.", "de", "19. Jahrhundert", "18"),
    ("Sales rose in the first quarter of 2021.", "en", "first quarter of 2021", "(2021-01-01,2021-04-01,P3M)"),
    ("Profit fell last quarter.", "en", "last quarter", "(2024-10-01,2025-01-01,P3M)"),
    ("Results for Q3 2024 were weak.", "en", "Q3 2024", "(2024-07-01,2024-10-01,P3M)"),
    ("the fourth quarter of last year", "en", "fourth quarter of last year", "(2024-10-01,2025-01-01,P3M)"),
    ("Cities grew fast in the 21st century.", "en", "the 21st century", "20"),
])
def test_period_values(text, lang, surface, value):
    assert (surface, value) in _values(text, lang)


def test_a_bare_half_year_belongs_to_the_year_stated_before_it_in_the_paragraph():
    assert ("上半年", "(2022-01-01,2022-07-01,P6M)") in _values("2022年，公司扩张到五个城市，上半年营收增长两成。", "zh")


@pytest.mark.parametrize("text,lang", [
    pytest.param("前三季度营收增长8%。", "zh", id="the-first-three-quarters-is-a-duration"),
    pytest.param("A quarter of the staff left.", "en", id="a-quarter-of-is-a-share"),
    pytest.param("The H1 heading is bold.", "en", id="h1-without-a-year"),
])
def test_no_period_where_none_is_meant(text, lang):
    assert not any(v and v.startswith("(") for _, v in _values(text, lang))


@pytest.mark.parametrize("text,surface,value", [
    pytest.param("Revenue for 2023 q4 beat forecasts.", "2023 q4", "(2023-10-01,2024-01-01,P3M)", id="year-lower-q"),
    pytest.param("The q2-2024 report is due.", "q2-2024", "(2024-04-01,2024-07-01,P3M)", id="lower-q-year"),
    pytest.param("Margins shrank in last year's fourth quarter.", "last year's fourth quarter",
                 "(2024-10-01,2025-01-01,P3M)", id="possessive-year"),
    pytest.param("Orders slowed over the past quarter.", "the past quarter", "(2024-10-01,2025-01-01,P3M)", id="past"),
    pytest.param("Hiring should pick up in the following quarter.", "following quarter",
                 "(2025-04-01,2025-07-01,P3M)", id="following"),
])
def test_english_quarters_as_ranges(text, surface, value):
    assert (surface, value) in _values(text, "en")


def test_a_lower_case_q_without_a_year_is_no_quarter():
    assert not any(v and v.startswith("(") for _, v in _values("Press q1 to quit.", "en"))


def test_a_quarter_covers_its_three_months_and_dates_an_event_from_its_first():
    from extract import find_events
    from extract.dates.spans import interval
    v = dict(_values("2023年第四季度，新华电子董事长王强辞职。", "zh"))["2023年第四季度"]
    assert [str(t) for t in interval(v)] == ["2023-10-01 00:00:00", "2023-12-31 23:59:59"]
    ev = find_events("2023年第四季度，新华电子董事长王强辞职。", lang="zh", reference=REF)
    assert list(ev.date) == ["2023-10"]
