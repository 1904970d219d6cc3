"""Tests for extract.dates.stamps: the publication-date stamps the cleaning stage reads."""
from __future__ import annotations

import pytest

from extract.dates import first_stamp
from extract.dates.stamps import month_names


@pytest.mark.parametrize("text,value", [
    ("Veröffentlicht am 12. Mär. 2024", "2024-03-12"),
    ("Stand: 4.11.2023 um 17:05", "2023-11-04T17:05"),
    ("Posted March 3rd, 2022 at 8:15 PM", "2022-03-03T20:15"),
    ("2024年5月17日 下午2:30", "2024-05-17T14:30"),
    ("2024/5/17 凌晨12:10", "2024-05-17T00:10"),      # 12 in the small hours is 00
    ("2023年2月30日", None),                          # no such day
    ("Sept. 9 and no year", None),
])
def test_dates_stamps_first_stamp(text, value):
    assert first_stamp(text) == value


def test_dates_stamps_earliest_of_several_shapes():
    assert first_stamp("Aktualisiert 5. Mai 2024, erstellt 2024-05-01") == "2024-05-05"


def test_dates_stamps_month_names_are_the_lexicons():
    names = month_names()
    assert names["mär"] == names["märz"] == names["march"] == 3
    assert names["jänner"] == 1 and names["sept"] == 9
