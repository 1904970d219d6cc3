"""dates.spans: every kind of ISO / TIMEX3 value the dates stage writes → its inclusive interval."""
from __future__ import annotations

from datetime import datetime

import pytest

from extract.dates.spans import interval


def _dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize("value, start, end", [
    pytest.param("2024", "2024-01-01 00:00:00", "2024-12-31 23:59:59", id="year"),
    pytest.param("2024-05", "2024-05-01 00:00:00", "2024-05-31 23:59:59", id="month"),
    pytest.param("2024-02", "2024-02-01 00:00:00", "2024-02-29 23:59:59", id="february-leap-year"),
    pytest.param("2023-12", "2023-12-01 00:00:00", "2023-12-31 23:59:59", id="december-ends-in-the-year"),
    pytest.param("2024-05-17", "2024-05-17 00:00:00", "2024-05-17 23:59:59", id="day"),
    pytest.param("2024-05-17T21:43", "2024-05-17 21:43:00", "2024-05-17 21:43:59", id="minute"),
    pytest.param("2024-08-31T16:59:00", "2024-08-31 16:59:00", "2024-08-31 16:59:59", id="minute-with-seconds"),
    pytest.param("2024-05-17T09", "2024-05-17 09:00:00", "2024-05-17 09:59:59", id="hour"),
    pytest.param("2024-05-17TEV", "2024-05-17 00:00:00", "2024-05-17 23:59:59", id="part-of-day-gives-the-day"),
    pytest.param("2024-W20", "2024-05-13 00:00:00", "2024-05-19 23:59:59", id="iso-week-monday-to-sunday"),
    pytest.param("2021-W01", "2021-01-04 00:00:00", "2021-01-10 23:59:59", id="iso-week-1-starts-in-january"),
    pytest.param("2020-W53", "2020-12-28 00:00:00", "2021-01-03 23:59:59", id="week-53-crosses-the-year"),
    pytest.param("2016-W45-WE", "2016-11-12 00:00:00", "2016-11-13 23:59:59", id="weekend"),
    pytest.param("2024-W20-3", "2024-05-15 00:00:00", "2024-05-15 23:59:59", id="weekday-of-a-week"),
    pytest.param("2024-Q2", "2024-04-01 00:00:00", "2024-06-30 23:59:59", id="quarter"),
    pytest.param("2024-H1", "2024-01-01 00:00:00", "2024-06-30 23:59:59", id="first-half"),
    pytest.param("2024-H2", "2024-07-01 00:00:00", "2024-12-31 23:59:59", id="second-half"),
    pytest.param("2022-FA", "2022-09-01 00:00:00", "2022-11-30 23:59:59", id="autumn"),
    pytest.param("2023-WI", "2023-12-01 00:00:00", "2024-02-29 23:59:59", id="winter-runs-into-next-year"),
    pytest.param("193", "1930-01-01 00:00:00", "1939-12-31 23:59:59", id="decade-1930s"),
    pytest.param("201", "2010-01-01 00:00:00", "2019-12-31 23:59:59", id="decade-2010s"),
    pytest.param("19", "1900-01-01 00:00:00", "1999-12-31 23:59:59", id="century-20th"),
    pytest.param("20", "2000-01-01 00:00:00", "2099-12-31 23:59:59", id="century-21st"),
])
def test_dates_spans_interval(value, start, end):
    assert interval(value) == (_dt(start), _dt(end))


@pytest.mark.parametrize("value", [
    pytest.param(None, id="null"),
    pytest.param(float("nan"), id="nan-from-pandas"),
    pytest.param("", id="empty"),
    pytest.param("P10Y", id="duration-years"),
    pytest.param("PT106H", id="duration-hours"),
    pytest.param("P1W", id="set-every-week"),
    pytest.param("XXXX-WXX-2", id="set-every-tuesday"),
    pytest.param("XXXX-11-17", id="unknown-year-day"),
    pytest.param("XXXX-05", id="unknown-year-month"),
    pytest.param("XXXX-WXX-WE", id="unknown-weekend"),
    pytest.param("2024-02-30", id="no-such-day"),
    pytest.param("2023-02-29", id="not-a-leap-year"),
    pytest.param("2024-13", id="no-such-month"),
    pytest.param("2021-W53", id="no-such-week"),
    pytest.param("2024-05-17T25:00", id="no-such-hour"),
    pytest.param("00", id="century-zero"),
    pytest.param("next spring", id="free-text"),
])
def test_dates_spans_no_interval(value):
    assert interval(value) is None


def test_dates_spans_sort_by_time_not_by_text():
    """As text, week 20 of 2024 (13-19 May) sorts after June; by its start, before 20 May."""
    values = ["2024-06", "2024-W20", "2024-05-20"]
    assert sorted(values) == ["2024-05-20", "2024-06", "2024-W20"]
    assert sorted(values, key=lambda v: interval(v)[0]) == ["2024-W20", "2024-05-20", "2024-06"]
