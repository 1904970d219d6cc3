"""Quarters, halves and centuries in zh/de/en (reference 2025-03-12): a part of a year named with
its year, relative to the reference, or without a year (the year stated last in the paragraph)."""
from __future__ import annotations

import pytest

from extract import find_dates

REF = "2025-03-12"


def _values(text, lang):
    return [(r.text, r.value) for r in find_dates(text, reference=REF, lang=lang).itertuples()]


@pytest.mark.parametrize("text,lang,surface,value", [
    ("公司2019年第二季度营收增长12%。", "zh", "2019年第二季度", "2019-Q2"),
    ("去年第四季度，出口回落。", "zh", "去年第四季度", "2024-Q4"),
    ("一季度GDP同比增长5.3%。", "zh", "一季度", "2025-Q1"),
    ("上半年，全市新增就业岗位3万个。", "zh", "上半年", "2025-H1"),
    ("下半年将推出新的补贴政策。", "zh", "下半年", "2025-H2"),
    ("Im ersten Quartal 2024 stieg der Umsatz um drei Prozent.", "de", "ersten Quartal 2024", "2024-Q1"),
    ("Im zweiten Halbjahr 2023 brach die Nachfrage ein.", "de", "zweiten Halbjahr 2023", "2023-H2"),
    ("Der Gewinn lag im Vorquartal höher.", "de", "Vorquartal", "2024-Q4"),
    ("Das Schloss stammt aus dem 19. Jahrhundert.", "de", "19. Jahrhundert", "18"),
    ("Sales rose in the first quarter of 2021.", "en", "first quarter of 2021", "2021-Q1"),
    ("Profit fell last quarter.", "en", "last quarter", "2024-Q4"),
    ("Results for Q3 2024 were weak.", "en", "Q3 2024", "2024-Q3"),
    ("the fourth quarter of last year", "en", "fourth quarter of last year", "2024-Q4"),
    ("Cities grew fast in the 21st century.", "en", "the 21st century", "20"),
])
def test_period_values(text, lang, surface, value):
    assert (surface, value) in _values(text, lang)


def test_a_bare_half_year_belongs_to_the_year_stated_before_it_in_the_paragraph():
    assert ("上半年", "2022-H1") in _values("2022年，公司扩张到五个城市，上半年营收增长两成。", "zh")


@pytest.mark.parametrize("text,lang", [
    pytest.param("前三季度营收增长8%。", "zh", id="the-first-three-quarters-is-a-duration"),
    pytest.param("A quarter of the staff left.", "en", id="a-quarter-of-is-a-share"),
    pytest.param("The H1 heading is bold.", "en", id="h1-without-a-year"),
])
def test_no_period_where_none_is_meant(text, lang):
    assert not any(v and ("-Q" in v or "-H" in v) for _, v in _values(text, lang))
