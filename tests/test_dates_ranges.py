"""Ranges: two ends of one stretch are one mention valued ``(start,end,duration)``."""
import pytest

from extract.dates import find_dates_in_text
from extract.dates.ranges import join, start_value
from extract.dates.spans import interval

RANGE_CASES = [
    # language, text, reference, surface, value
    ("zh", "公司在2014年至2018年间连续亏损", "2024-05-10", "2014年至2018年间", "(2014-01-01,2018-01-01,P4Y)"),
    ("zh", "该项目从二零一六年到二零一九年完成了三期工程", "2024-05-10", "从二零一六年到二零一九年",
     "(2016-01-01,2019-01-01,P3Y)"),
    ("zh", "2016-2019年，该市人口持续增长", "2024-05-10", "2016-2019年", "(2016-01-01,2019-01-01,P3Y)"),
    ("zh", "2011年和2013年之间，他在北京工作", "2024-05-10", "2011年和2013年之间", "(2011-01-01,2013-01-01,P2Y)"),
    ("zh", "展览将于今年3月至5月举行", "2024-01-10", "今年3月至5月", "(2024-03-01,2024-05-01,P2M)"),
    ("zh", "会议安排在下午3点到5点", "2024-05-10", "下午3点到5点", "(T15,T17,PT2H)"),
    ("zh", "营业时间为晚上10点到凌晨2点", "2024-05-10", "晚上10点到凌晨2点", "(T22,T02,PT4H)"),
    ("de", "Die Ausstellung ist von 9 bis 17 Uhr geöffnet.", "2024-05-10", "von 9 bis 17 Uhr",
     "(T09,T17,PT8H)"),
    ("de", "Zwischen 2009 und 2012 leitete er das Werk in Linz.", "2024-05-10", "Zwischen 2009 und 2012",
     "(2009-01-01,2012-01-01,P3Y)"),
    ("de", "Von 2001 bis 2005 war sie Bürgermeisterin.", "2024-05-10", "Von 2001 bis 2005",
     "(2001-01-01,2005-01-01,P4Y)"),
    ("en", "The museum is open from 3pm to 5pm.", "2024-05-10", "from 3pm to 5pm", "(T15,T17,PT2H)"),
    ("en", "Sales fell between 2007 and 2009.", "2024-05-10", "between 2007 and 2009", "(2007-01-01,2009-01-01,P2Y)"),
    ("en", "He led the team from 2014 to 2018.", "2024-05-10", "from 2014 to 2018", "(2014-01-01,2018-01-01,P4Y)"),
    ("en", "The 2014-2018 plan was a failure.", "2024-05-10", "2014-2018", "(2014-01-01,2018-01-01,P4Y)"),
    ("en", "The works last from January to April 2021.", "2024-05-10", "from January to April 2021",
     "(2021-01-01,2021-04-01,P3M)"),
    ("en", "The storms lasted from November 2023 to March.", "2024-05-10", "from November 2023 to March",
     "(2023-11-01,2024-03-01,P4M)"),
]


@pytest.mark.parametrize("lang,text,ref,surface,value", RANGE_CASES)
def test_dates_ranges_are_one_mention(lang, text, ref, surface, value):
    found = find_dates_in_text(text, ref, lang)
    assert [(d.text, d.value) for d in found] == [(surface, value)]


NOT_RANGE_CASES = [
    ("en", "He won 2014 and lost 2018.", "2024-05-10", [("2014", "2014"), ("2018", "2018")]),   # "and" needs between
    ("zh", "2015年和2018年的销量", "2024-05-10", [("2015年", "2015"), ("2018年", "2018")]),        # 和 needs 之间
    ("de", "Die Messe fand vom 14. März bis zum 16. März statt.", "2024-05-10",
     [("vom 14. März", "2024-03-14"), ("zum 16. März", "2024-03-16")]),   # two days stay two mentions
]


@pytest.mark.parametrize("lang,text,ref,expected", NOT_RANGE_CASES)
def test_dates_ranges_need_a_range_link(lang, text, ref, expected):
    found = [(d.text, d.value) for d in find_dates_in_text(text, ref, lang)]
    for pair in expected:
        if pair[1] is not None:
            assert pair in found
    assert not any((v or "").startswith("(") for _, v in found)


@pytest.mark.parametrize("a,b,value", [
    ("2014", "2018", "(2014-01-01,2018-01-01,P4Y)"),
    ("2014", "2018-05", "(2014-01-01,2018-05-01,P52M)"),
    ("T17:55:23", "T18:33:02", "(T17:55:23,T18:33:02,PT37M39S)"),
    ("2018", "2014", None),                      # the end before the start
    ("2019-07", "2019-07", None),                # 7月中旬至7月下旬: one month, no stretch between months
    ("2019-08", "2019-02", "(2019-08-01,2020-02-01,P6M)"),   # 8月至2月: next February
    ("2018", "T17", None),                       # a date and a clock time
])
def test_dates_ranges_join(a, b, value):
    assert join(a, b) == value


def test_dates_ranges_start_and_interval():
    assert start_value("(2014-01-01,2018-01-01,P4Y)") == "2014"
    assert start_value("(2018-03-01,2018-05-01,P2M)") == "2018-03"
    assert start_value("(T15,T17,PT2H)") == "T15"
    assert start_value("2018-03") == "2018-03"
    start, end = interval("(2014-01-01,2018-01-01,P4Y)")
    assert (start.isoformat(), end.isoformat()) == ("2014-01-01T00:00:00", "2017-12-31T23:59:59")
    assert interval("(T15,T17,PT2H)") is None


INTERVAL_CASES = [
    # English: a count of units after next / past / within names a stretch from the reference
    ("The ferry will not run for the next 3 days.", "2024-05-10", "the next 3 days", "(2024-05-11,2024-05-14,P3D)"),
    ("Prices rose over the past five years.", "2024-05-10", "the past five years", "(2019-05-10,2024-05-10,P5Y)"),
    ("The plant must close within 9 months.", "2024-05-10", "within 9 months", "(2024-05-10,2025-02-10,P9M)"),
    ("Sales fell in the last 2 quarters.", "2024-05-10", "the last 2 quarters", "(2023-10-01,2024-04-01,P6M)"),
    ("Three quarters of the voters stayed home.", "2024-05-10", None, None),
    ("She stayed for 3 days.", "2024-05-10", "for 3 days", "P3D"),          # no modifier: a duration
]


@pytest.mark.parametrize("text,ref,surface,value", INTERVAL_CASES)
def test_dates_ranges_intervals_from_the_reference(text, ref, surface, value):
    found = [(d.text, d.value) for d in find_dates_in_text(text, ref, "en")]
    assert found == ([(surface, value)] if surface else [])


@pytest.mark.parametrize("text,surface,value", [
    pytest.param("Rainfall was low in June-August 2021.", "in June-August 2021",
                 "(2021-06-01,2021-08-01,P2M)", id="months-dash-year"),
    pytest.param("The March-May 2020 lockdown emptied the streets.", "The March-May 2020",
                 "(2020-03-01,2020-05-01,P2M)", id="verb-month-opens-a-range"),
    pytest.param("Trade slumped (Nov-Feb 2020) across the region.", "Nov-Feb 2020",
                 "(2019-11-01,2020-02-01,P3M)", id="across-new-year"),
    pytest.param("The bridge closes from 10 am for 3 hours 30 minutes.", "from 10 am for 3 hours 30 minutes",
                 "(T10,T13:30:00,PT3H30M)", id="from-clock-for"),
    pytest.param("Voting runs for 2 hours from 7pm.", "for 2 hours from 7pm", "(T19,T21:00:00,PT2H)",
                 id="for-from-clock"),
    pytest.param("Police patrolled between 5 and 6 in the afternoon.", "between 5 and 6 in the afternoon",
                 "(T17,T18,PT1H)", id="part-of-day-after-both-ends"),
])
def test_english_ranges_of_months_and_clock_stretches(text, surface, value):
    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-05-10", "en")] == [(surface, value)]


@pytest.mark.parametrize("text", [
    pytest.param("Prices rose from 12 for 3 days running.", id="a-stretch-of-days-is-no-clock-range"),
    pytest.param("They may - may 2020 not.", id="a-lower-case-may-opens-no-range"),
])
def test_no_english_clock_or_month_range_where_none_is_meant(text):
    assert not any((d.value or "").startswith("(") for d in find_dates_in_text(text, "2024-05-10", "en"))


@pytest.mark.parametrize("text,lang,expected", [
    ("In June and July 2019, police beat protesters.", "en", [("In June", "2019-06"), ("July 2019", "2019-07")]),
    ("Im Juni und Juli 2019 gab es Proteste.", "de", [("Juni", "2019-06"), ("Juli 2019", "2019-07")]),
    ("in December and January 2019", "en", [("in December", "2018-12"), ("January 2019", "2019-01")]),
])
def test_two_months_named_with_one_year_share_it(text, lang, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, "2020-07-01", lang)] == expected
