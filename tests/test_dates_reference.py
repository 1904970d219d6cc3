"""Tests for extract.dates.reference: the reference date of an article without a publication date."""
from __future__ import annotations

from extract.dates import infer_reference, latest_absolute_date, page_days
from extract.model import Line, Sentence


def _sentences(texts):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t), i + 1, "content"))
        pos += len(t) + 1
    return out


def test_dates_latest_absolute_date():
    s = _sentences(["2021年3月4日签约", "2023-07-01 生效", "今年5月更新"])
    assert latest_absolute_date(s, "zh") == "2023-07-01"
    assert latest_absolute_date(_sentences(["没有日期"]), "zh") is None


def test_dates_infer_reference_full_date_first():
    s = _sentences(["2021年3月4日签约", "2023-07-01 生效", "今年5月更新"])
    assert infer_reference(s, "zh") == "2023-07-02"      # written the day after the latest day it reports


def test_dates_infer_reference_weekday_fixes_year():
    s = _sentences(["2020 年冬天公司成立。", "今年 3 月扩张。", "9 月 7 日周四宣布重组。", "9 月 9 日正式生效。"])
    assert infer_reference(s, "zh") == "2023-09-10"      # 7 September was a Thursday in 2023


def test_dates_infer_reference_year_in_a_name():
    s = _sentences(["他在 2019 年加入。", "在 Expo 2022 上他发表演讲。", "6 月 3 日他离开。"])
    assert infer_reference(s, "zh") == "2022-06-04"


def test_dates_infer_reference_needs_a_month():
    assert infer_reference(_sentences(["他在 2019 年加入。", "今年他离开了。"]), "zh") is None
    s = _sentences(["Im Jahr 2018 begann alles.", "Im März 2018 kam der Durchbruch."])
    assert infer_reference(s, "de") == "2018-03-31"


def test_dates_infer_reference_ignores_future_targets():
    s = _sentences(["2021 年项目启动。", "公司计划 2030 年上市。", "5 月 4 日发布新品。"])
    assert infer_reference(s, "zh") == "2021-05-05"


def test_dates_infer_reference_decades_are_not_years():
    # a decade value (194) is no year of the article: the stated year and month decide
    s = _sentences(["上世纪四十年代的照片。", "他在 2019 年加入。", "6 月 3 日他离开。"])
    assert infer_reference(s, "zh") == "2019-06-04"


def test_dates_page_days_reads_bare_timestamps_of_chrome_lines_only():
    lines = [Line(1, "2022-03-08 10:15:00", "boilerplate", "boilerplate:related-list"),
             Line(2, "宏达集团2022-03-09发布公告", "boilerplate", "boilerplate:related-list"),
             Line(3, "2022/3/9", "boilerplate", "boilerplate:related-list"),
             Line(4, "2021-12-01 08:00", "meta", "meta:date"),
             Line(5, "2022-02-30 08:00", "boilerplate", "boilerplate:related-list")]
    assert page_days(lines) == ["2022-03-08", "2022-03-09"]


def test_dates_infer_reference_a_listed_story_day_after_the_text_month():
    s = _sentences(["2021 年 6 月，孙丽创办了这家公司。", "半年前，她离开了董事会。"])
    assert infer_reference(s, "zh") == "2021-06-30"
    # the stories listed beside it are of its own time or later: the earliest one not before June 2021
    assert infer_reference(s, "zh", ["2023-01-05", "2022-02-11", "2020-09-01"]) == "2022-02-11"
    # listed stories years after the text's month say when the page was scraped, not written
    assert infer_reference(s, "zh", ["2024-05-01"]) == "2021-06-30"
    # a full date in the text stays first
    s2 = _sentences(["2021 年 6 月 3 日，孙丽创办了这家公司。"])
    assert infer_reference(s2, "zh", ["2022-02-11"]) == "2021-06-04"
