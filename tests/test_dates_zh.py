"""Tests for extract.dates.zh: the Chinese grammar and its resolvers (reference 2025-03-12, a Wednesday)."""

from __future__ import annotations

import pytest

from extract.dates import cn_number, find_dates, find_dates_in_text
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


# text, reference, expected surface, value, type
ZH_CASES = [
    ("会议于2021年9月3日召开", REF, "2021年9月3日", "2021-09-03", "date"),
    ("公告发布于二〇一九年六月十五日", REF, "二〇一九年六月十五日", "2019-06-15", "date"),
    ("系统在 2020 年上线", REF, "2020 年", "2020", "date"),
    ("他于2016年8月加入该公司", REF, "2016年8月", "2016-08", "date"),
    ("记录时间 2023-02-07 08:15", REF, "2023-02-07 08:15", "2023-02-07T08:15", "time"),
    ("数据截至2022/11/30", REF, "2022/11/30", "2022-11-30", "date"),
    ("今年 2 月双方签约", REF, "今年 2 月", "2025-02", "date"),
    ("去年10月他辞去职务", REF, "去年10月", "2024-10", "date"),
    ("前年他还在读书", REF, "前年", "2023", "date"),
    ("明年将扩大规模", REF, "明年", "2026", "date"),
    ("上周五双方见面", REF, "上周五", "2025-03-07", "date"),
    ("9月18日他离开了", REF, "9月18日", "2024-09-18", "date"),   # after the reference month: last year
    ("1月份销量上涨", REF, "1月份", "2025-01", "date"),
    ("昨天下午公司宣布", REF, "昨天下午", "2025-03-11", "date"),
    ("8个月前他加入团队", REF, "8个月前", "2024-07", "date"),
    ("三年前的那次会议", REF, "三年前", "2022", "date"),
    ("他在此工作了将近二十年", REF, "将近二十年", "P20Y", "duration"),
    ("项目花了半年", REF, "半年", "P6M", "duration"),
    ("他任职五年多", REF, "五年多", "P5Y", "duration"),
    ("须在三年之内完成", REF, "三年之内", "P3Y", "duration"),
    ("最初的18个月里", REF, "18个月里", "P18M", "duration"),
    ("会议持续了72个小时", REF, "72个小时", "PT72H", "duration"),
    ("忙了一整年", REF, "一整年", "P1Y", "duration"),
    ("两周内给出答复", REF, "两周内", "P2W", "duration"),
    ("过去几周团队很忙", REF, "过去几周", None, "duration"),
    ("几年后他回来了", REF, "几年后", None, "date"),
    ("每隔两三天更新一次", REF, "每隔两三天", None, "set"),
    ("每周二开例会", REF, "每周二", "XXXX-WXX-2", "set"),
    ("每天都有新用户", REF, "每天", "P1D", "set"),
    ("2019 年春季发布", REF, "2019 年春季", "2019-SP", "date"),
    ("上世纪90年代的技术", REF, "上世纪90年代", "199", "date"),
    ("前年年底完成融资", REF, "前年年底", "2023", "date"),
    ("2018年下半年", REF, "2018年下半年", "(2018-07-01,2019-01-01,P6M)", "date"),
    ("3 月 5 日周三晚举行", REF, "3 月 5 日周三晚", "2025-03-05", "date"),
    ("周一中午开会", REF, "周一中午", "2025-03-10T12:00", "time"),
]


@pytest.mark.parametrize("text,ref,surface,value,typ", ZH_CASES)
def test_dates_zh_cases(text, ref, surface, value, typ):
    found = _one(text, ref, "zh")
    hit = [d for d in found if d.text == surface]
    assert hit, [(d.text, d.value) for d in found]
    assert hit[0].value == value
    assert hit[0].type == typ


def test_dates_narrative_chain_zh():
    texts = ["2019年4月8日,公司召开董事会。", "次日,他宣布辞职。", "当晚 8 时 30 分,声明发布。",
             "三个月后,他创办了新公司。"]
    found = find_dates(_sentences(texts), REF, "zh")
    vals = {d.text: d.value for d in found}
    assert vals["2019年4月8日"] == "2019-04-08"
    assert vals["次日"] == "2019-04-09"
    assert vals["当晚 8 时 30 分"] == "2019-04-09T20:30"
    assert vals["三个月后"] == "2019-07"
    assert all(d.anchor == "narrative" for d in found if d.text != "2019年4月8日")


def test_dates_offset_without_anchor_is_duration():
    found = find_dates(_sentences(["他被解雇,50个小时后又回来了。", "4天后,另一人离开。"]), REF, "zh")
    vals = {d.text: (d.value, d.type) for d in found}
    assert vals["50个小时后"] == ("PT50H", "duration")
    assert vals["4天后"] == ("P4D", "duration")


def test_dates_offset_after_month_anchor():
    found = find_dates(_sentences(["2016年9月,项目启动。", "两个月后,首个版本上线。"]), REF, "zh")
    assert [d.value for d in found] == ["2016-09", "2016-11"]


def test_dates_weekday_headers_follow_explicit_date():
    texts = ["3 月 6 日周四晚", "双方约定周五上午见面。", "周五晚他离开了。"]
    found = find_dates(_sentences(texts), REF, "zh")
    assert [d.value for d in found] == ["2025-03-06", "2025-03-07", "2025-03-07"]


def test_dates_meta_relative_is_duration():
    found = find_dates(_sentences(["科技 3个月前发布"], {0: "meta"}), REF, "zh")
    assert [(d.text, d.value, d.type) for d in found] == [("3个月前", "P3M", "duration")]


def test_dates_bare_month_inherits_year_of_paragraph():
    found = find_dates(_sentences(["2017 年冬季,团队开始筹备。后来在 12 月宣布了计划。"]), REF, "zh")
    assert [d.value for d in found] == ["2017-WI", "2017-12"]


def test_dates_year_without_nian_in_context():
    found = find_dates_in_text("公司 2021 年会上宣布", REF, "zh")
    assert [d.value for d in found] == ["2021"]


@pytest.mark.parametrize("s,n", [("二十三", 23), ("二〇二三", 2023), ("十", 10), ("一百零五", 105), ("两", 2),
                                 ("3.5", 3.5)])
def test_dates_cn_number(s, n):
    assert cn_number(s) == n


@pytest.mark.parametrize("text, expected", [
    pytest.param("董事長昨（7）日宣布辭職。", [("昨（7）日", "2024-05-07")], id="tw-yesterday-with-day"),
    pytest.param("部長前日請辭。", [("前日", "2024-05-06")], id="tw-day-before-yesterday"),
])
def test_dates_taiwan_relative_day_idioms(text, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-05-08", "zh")] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("教练于2022年12月接手球队，3月16日主场惨败后下课。",
                 [("2022年12月", "2022-12"), ("3月16日", "2024-03-16")],
                 id="month-before-background-date-takes-reference-year"),
    pytest.param("公司2023年5月成立，8月发布首款产品。", [("2023年5月", "2023-05"), ("8月", "2023-08")],
                 id="later-month-keeps-the-stated-year"),
])
def test_dates_year_of_a_bare_month_after_a_stated_date(text, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-03-20", "zh")] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("新規定自民國113年7月1日起施行。", [("民國113年7月1日", "2024-07-01")], id="roc-traditional"),
    pytest.param("民国112年12月，他接任部长。", [("民国112年12月", "2023-12")], id="roc-simplified"),
    pytest.param("全国113个项目完成验收。", [], id="not-a-roc-year"),
])
def test_dates_republic_of_china_years(text, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-05-08", "zh")] == expected


# text, surface, value: holidays, clock words, merges, lunar dates, Traditional input
ZH_WORD_CASES = [
    ("农历二〇二〇年十月初一祭祖", "农历二〇二〇年十月初一", "2020-11-15"),   # a lunar date: its Gregorian day
    ("二〇一九年八月十五团圆", "二〇一九年八月十五", "2019-08-15"),
    ("列车16时05分30秒发车", "16时05分30秒", "T16:05:30"),
    ("会议九点二十开始", "九点二十", "T09:20"),
    ("零点整钟声响起", "零点整", "T00"),
    ("後天见", "後天", "2025-03-14"),                     # Traditional input through the free-text API
    ("上週三開會", "上週三", "2025-03-05"),
    ("2月29日下雪", "2月29日", "2024-02-29"),          # no 29 February in 2025: the leap year before
    ("国庆节期间客流大增", "国庆节", "2024-10-01"),        # past bias for a bare holiday name
    ("2023年圣诞节前夕", "2023年圣诞节前夕", "2023-12-24"),      # the eve: the day before
    ("他在那里待了一年零三个月", "一年零三个月", "P1Y3M"),
    ("每周三上午十点例会", "每周三上午十点", "XXXX-WXX-3T10"),
    ("2021.05.03晚上八点发布", "2021.05.03晚上八点", "2021-05-03T20:00"),
    ("國慶節期間客流大增", "國慶節", "2024-10-01"),              # Traditional through OpenCC: 國 is read too
    ("今年农历八月十五团圆", "今年农历八月十五", "2025-10-06"),
    ("农历二〇二〇年闰四月初一", "农历二〇二〇年闰四月初一", "2020-05-23"),   # the leap month
    ("农历十月初一祭祖", "农历十月初一", "2024-11-01"),            # no year, still to come in 2025: last lunar year's
]


@pytest.mark.parametrize("text,surface,value", ZH_WORD_CASES)
def test_dates_zh_holidays_clock_words_lunar_and_merges(text, surface, value):
    found = find_dates_in_text(text, REF, "zh")
    assert [(d.text, d.value) for d in found if d.value == value] == [(surface, value)], \
        [(d.text, d.value) for d in found]


@pytest.mark.parametrize("text", ["农历八月", "阴历十月"])
def test_dates_zh_lunar_month_without_day_has_no_value(text):
    assert [(d.text, d.value) for d in find_dates_in_text(text + "播种", REF, "zh")] == [(text, None)]


def test_dates_zh_lunar_day_missing_from_its_month_is_dropped():
    # 2024 has no leap fourth month: nothing to resolve
    assert [d.value for d in find_dates_in_text("农历二〇二四年闰四月初一", REF, "zh") if d.value] == []


def test_dates_zh_quarter_is_not_nine_months():
    assert all(d.value != "P9M" for d in find_dates_in_text("三季度营收增长", REF, "zh"))


@pytest.mark.parametrize("text", ["他已经44岁", "GPT-4 的能力", "共有 2,719 名员"
                                                         "工", "详见 https://example.com/2024/08/26/news",
                                  "在 NIPS 2014 会议"
                                  "上", "ICML2023 论文", "最近,目前,此时,当时,彼时,如今,此前", "不同年龄的人",
                                  "庆祝成立73周年"])
def test_dates_zh_non_dates_not_found(text):
    found = find_dates_in_text(text, REF, "zh")
    assert not [d for d in found if d.value is not None or d.type != "date"], [(d.text, d.value) for d in found]


# text, reference, surface, value: compound and approximate numerals, centuries and decades, future tense
ZH_RESOLUTION_CASES = [
    ("会议开了三个半小时后才结束", "2024-05-10", "三个半小时后", "PT3.5H"),
    ("他花了两个半月准备", "2024-05-10", "两个半月", "P2.5M"),
    ("项目持续了1个多月", "2024-05-10", "1个多月", "P1M"),
    ("廿一年前他来到这里", "2024-05-10", "廿一年前", "2003"),
    ("一两年后再说", "2024-05-10", "一两年后", None),           # "one or two years": no single value
    ("休息两三天", "2024-05-10", "两三天", None),
    ("协会每一两年开一次会", "2024-05-10", "每一两年", None),
    ("上世纪四十年代的老照片", "2024-05-10", "上世纪四十年代", "194"),
    ("八九十年代的流行歌曲", "2024-05-10", "八九十年代", "198"),
    ("二十世纪最伟大的发明", "2024-05-10", "二十世纪", "19"),
    ("本世纪初的互联网", "2024-05-10", "本世纪初", "20"),
    ("公司将在3月推出新品", "2024-05-10", "3月", "2025-03"),     # future: the next March
    ("3月1日，两家公司宣布将合并", "2024-05-10", "3月1日", "2024-03-01"),   # the date comes before 将: past
    ("新规将于7月1日实施", "2024-05-10", "7月1日", "2024-07-01"),
    ("他在此工作了将近二十年，3月离开", "2024-05-10", "3月", "2024-03"),   # 将近 is "nearly", not the future
    ("董事会将其解雇，时间是9月", "2024-05-10", "9月", "2023-09"),          # 将其: the disposal marker
]


@pytest.mark.parametrize("text,ref,surface,value", ZH_RESOLUTION_CASES)
def test_dates_zh_numerals_centuries_and_future(text, ref, surface, value):
    found = find_dates_in_text(text, ref, "zh")
    assert [(d.text, d.value) for d in found if d.text == surface] == [(surface, value)], \
        [(d.text, d.value) for d in found]


# text, reference, expected (surface, value) pairs: enumerated months, comparison years, weekday after 前一个,
# averages over years, large numerals, weeks ago
ZH_CONTEXT_CASES = [
    ("考试将于今年5至6月举行", "2018-04-05", [("今年5", "2018-05"), ("6月", "2018-06")]),
    ("销量较2019年同比增长。今天（11月18日）起开放", "2023-11-18",
     [("2019年", "2019"), ("今天", "2023-11-18"), ("11月18日", "2023-11-18")]),
    ("临走前一个星期六去了海边", "2024-05-10", [("星期六", "2024-05-11")]),   # a weekday, not a week
    ("径流量较多年平均值偏小", "2024-05-10", []),
    ("一百年前这里是农田", "2020-12-10", [("一百年前", "1920")]),
    ("近二百年的历史", "2024-05-10", [("近二百年", "P200Y")]),
    ("二千年前的古城", "2024-05-10", [("二千年前", None)]),           # no ISO form for an ancient, rough point
    ("二星期前他来过", "2017-02-11", [("二星期前", "2017-W04")]),       # n weeks ago: that ISO week
]


@pytest.mark.parametrize("text,ref,expected", ZH_CONTEXT_CASES)
def test_dates_zh_enumerations_comparisons_and_large_numerals(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "zh")] == expected


# text, reference, expected: era years, Republic years in numerals, weekends, midnight
ZH_ERA_WEEKEND_CASES = [
    ("康熙三年五月颁布", "2017-03-22", [("康熙三年五月", "1664-05")]),
    ("令和元年5月即位", "2017-03-22", [("令和元年5月", "2019-05")]),
    ("民国三年春", "2017-03-22", [("民国三年", "1914")]),
    ("下下周末见", "2017-03-22", [("下下周末", "2017-W14-WE")]),
    ("周末去爬山了", "2017-03-22", [("周末", "2017-W11-WE")]),           # a bare weekend: the last one
    ("零点时钟声响起", "2017-03-22", [("零点", "T00")]),
    ("利率下调零点五个百分点", "2017-03-22", []),                          # 零点五: a number
]


@pytest.mark.parametrize("text,ref,expected", ZH_ERA_WEEKEND_CASES)
def test_dates_zh_eras_weekends_and_midnight(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "zh")] == expected


@pytest.mark.parametrize("text,ref,expected", [
    ("一段时间以来，他很少露面", "2020-12-10", [("一段时间以来", None)]),       # vague: kept without a value
    ("周三开会", None, [("周三", None)]),                                      # no date to place the weekday
])
def test_dates_zh_vague_spans_and_weekdays_without_a_reference(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "zh")] == expected


@pytest.mark.parametrize("text, reference, expected", [
    # a bare day is of the reference month unless the same paragraph stated a month before it
    ("去年9月他上任。\n德国基民盟等反对党7日呼吁举行信任投票。", "2024-11-08", [("去年9月", "2023-09"), ("7日", "2024-11-07")]),
    ("他9月3日到访，5日离开。", "2024-11-08", [("9月3日", "2024-09-03"), ("5日", "2024-09-05")]),
    # postponed to: a date still to come
    ("关税起征时间从6月1日延至7月9日。", "2025-05-26", [("6月1日", "2025-06-01"), ("7月9日", "2025-07-09")]),
])
def test_dates_zh_bare_days_and_postponements(text, reference, expected):
    from extract import find_dates

    assert find_dates(text, lang="zh", reference=reference)[["text", "value"]].apply(tuple, axis=1).tolist() == expected


@pytest.mark.parametrize("text, expected", [
    ("2016年2月8日晚旺角发生冲突。\n集会提及当晚的情况。", [("2016年2月8日晚", "2016-02-08"), ("当晚", "2016-02-08")]),
    ("2020年，他们再追查。警察当天有便衣在场。", [("2020年", "2020"), ("当天", None)]),    # no day stated: no value
    ("当天下午他离开。", [("当天下午", "2019-02-09")]),                                   # nothing stated: the report's day
])
def test_dates_zh_same_day_words_need_a_stated_day(text, expected):
    from extract import find_dates

    got = find_dates(text, lang="zh", reference="2019-02-09")
    assert [(t, v if isinstance(v, str) else None) for t, v in zip(got.text, got.value)] == expected


@pytest.mark.parametrize("text,surface,value", [
    pytest.param("今天的香港，就像一座围城。", "今天", "2021", id="today-as-the-present-age"),
    pytest.param("一百年后的今天，旧书又流行起来。", "今天", "2021", id="a-hundred-years-later-today"),
    pytest.param("今天的会议上，他宣布辞职。", "今天", "2021-04-18", id="todays-meeting-is-a-day"),
    pytest.param("今天（4月16日）我到法庭旁听。", "今天", "2021-04-16", id="the-text-says-which-day-today-is"),
    pytest.param("同一天（17日），另一名议员宣布辞职。", "同一天", "2021-04-17", id="a-story-day-with-its-day-in-brackets"),
])
def test_today_reads_its_context(text, surface, value):
    got = [(d.text, d.value) for d in find_dates_in_text(text, "2021-04-18", "zh")]
    assert (surface, value) in got


@pytest.mark.parametrize("text", [
    pytest.param("指挥部发布7号通告，要求居民筛查。", id="notice-number"),
    pytest.param("码头的3号泊位改成社区园圃。", id="berth-number"),
    pytest.param("天文台挂起8号风球。", id="typhoon-signal"),
    pytest.param("村内3、4号屋的居民已撤离。", id="house-number"),
])
def test_a_numbered_thing_is_no_day(text):
    assert not [d for d in find_dates_in_text(text, "2021-04-18", "zh") if "号" in d.text]


# text, reference, expected (surface, value) pairs: coming months named without a future word, ranges
# whose second end drops the month or whose first drops 日, vague numerals, 上年, week and holiday
# parts, weekly sets after 逢, the day written in brackets after 今
ZH_AUDIT_CASES = [
    ("七月立法会选举，各党派正积极筹备", "2020-04-13", [("七月", "2020-07")]),
    ("他七月已经离开了公司", "2020-04-13", [("七月", "2019-07")]),          # told done: last July
    ("他在九月离开", "2020-04-13", [("九月", "2019-09")]),                 # more than a quarter ahead
    ("活动将于6月22日至28日举行", "2024-08-21", [("6月22日至28日", "(2025-06-22,2025-06-28,P6D)")]),
    ("展览于3月15至24日举行", "2024-03-01", [("3月15", "2024-03-15"), ("24日", "2024-03-24")]),
    ("1-3号屋已经拆卸", "2024-03-01", []),
    ("几十年前他来到香港", "2021-02-22", [("几十年前", None)]),
    ("林太在上年10月提出方案", "2019-04-26", [("上年10月", "2018-10")]),
    ("以上年纪的客人为主", "2019-04-26", []),
    ("以去年的会晤为基础", "2019-04-26", [("去年", "2018")]),
    ("约在本周初收到小册子", "2020-06-05", [("本周初", "2020-W23")]),
    ("今年暑假，很多事都变了", "2019-08-18", [("今年暑假", "2019-SU")]),
    ("本专栏逢星期三更新。", "2019-09-04", [("逢星期三", "XXXX-WXX-3")]),
    ("时至今日，他已没有胜算", "2017-03-16", [("今日", "2017")]),
    ("两名被告今（19日）在高等法院认罪", "2021-08-20", [("今（19日）", "2021-08-19")]),
    ("撤回建议，导致明日大屿前期拨款延后", "2020-11-25", []),                 # a project's name
    ("他建议乘客提早45分钟前到车站", "2018-08-16", [("45分钟前", "PT45M")]),  # in advance: a duration
    ("她痛哭一整天，没想到，隔天却夺得金牌", "2021-07-27", [("一整天", "P1D"), ("隔天", None)]),  # after an untold day
    ("他将于隔天出发", "2021-07-27", [("隔天", "2021-07-28")]),
    # the day written in brackets after a weekday or a day word, spaces and all
    ("他上周一（29日）抵达", "2021-04-04", [("上周一", "2021-03-29"), ("29日", "2021-03-29")]),  # said on a Sunday
    ("法官宣布下周一（15日）判刑", "2021-03-09", [("下周一", "2021-03-15"), ("15日", "2021-03-15")]),  # ahead
    ("政府前日 ( 1 日) 宣布", "2020-04-02", [("前日", "2020-04-01"), ("1 日", "2020-04-01")]),  # the text says so
    # the day a thing was said is the anchor of 当天 even in a sentence about the future
    ("发言人26日表示，武装力量将予以回应。另一发言人当天称，回应不限于基地。", "2026-01-27",
     [("26日", "2026-01-26"), ("当天", "2026-01-26")]),
]


@pytest.mark.parametrize("text,ref,expected", ZH_AUDIT_CASES)
def test_dates_zh_coming_months_ranges_and_vague_numbers(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "zh")] == expected


# text, reference, expected (surface, value) pairs: a day range with both 日 is one mention (its second end
# in the first's year); sets of a day of every month or year; the eve of a holiday; a holiday near the day the
# story last told is of that year; a bare day one or two days ahead is still to come; 半年前 is six months
# ago; 同年青人 holds no year; a weekday in
# brackets joins its day; a street or ordinal before N号 makes a house or serial number; 第N届 before a
# season is a games' name; 日报 is no day word before 到; a bare holiday a few days ahead is the coming one;
# a day the article named again keeps its year; a story's days go on in the story's month
ZH_STORY_CASES = [
    ("展期为2月29日-3月1日", "2019-03-05", [("2月29日-3月1日", "(2016-02-29,2016-03-01,P1D)")]),  # one year
    ("每个月21日，街坊都会聚集", "2020-03-21", [("每个月21日", "XXXX-XX-21")]),            # a set, not a day
    ("每年6月4日悼念", "2020-03-21", [("每年6月4日", "XXXX-06-04")]),
    ("圣诞前夕商场人潮如鲫", "2020-12-20", [("圣诞前夕", "2020-12-24")]),
    ("2016年12月19日，恐袭发生。\n柏林圣诞市场遭卡车冲击", "2017-11-23",
     [("2016年12月19日", "2016-12-19"), ("圣诞", "2016-12-25")]),                       # the story's Christmas
    ("二十大将于16日开幕", "2022-10-15", [("16日", "2022-10-16")]),                      # a day just ahead
    ("半年前他离开了公司", "2021-03-10", [("半年前", "2020-09")]),                        # six months ago
    ("两年半前的事", "2021-03-10", [("两年半前", "2018-09")]),
    ("他很会同年青人沟通", "2017-03-10", []),                                             # 同 = with
    ("2015年农历正月初一是春节", "2017-03-22", [("2015年农历正月初一", "2015-02-19"), ("春节", "2015-02-19")]),
    ("今年春节期间，游客众多", "2026-03-10", [("今年春节", "2026-02-17")]),                # lunar holidays
    ("中秋节快乐", "2025-10-01", [("中秋节", "2025-10-06")]),
    ("今年以来，出口增长", "2025-10-19", [("今年以来", "2025")]),                          # since: the start
    ("今年前8个月，出口增长", "2025-10-19", [("今年前8个月", "(2025-01-01,2025-09-01,P8M)")]),
    ("海诗别墅3号及4号屋已拆卸", "2018-01-05", []),                                        # house numbers
    ("明天的中国更美好", "2023-01-05", []),                                                 # the future, no day
    ("他强调，春节就要到了", "2023-01-19", [("春节", "2023-01-22")]),                      # 就要…了: ahead
    ("已有1500多年历史", "2025-05-20", [("1500多年", "P1500Y")]),                          # not the year 1500
    ("终有一天会平反，行程只有一天", "2020-06-10", [("一天", "P1D")]),                    # some day / one day long
    ("没有一九七八年后的改革", "2020-06-10", [("一九七八年", "1978")]),                    # a year, not 1978 years
    ("很多年轻人参加", "2025-05-20", []),                                                   # 年轻 is no year
    ("今日之香港", "2020-07-13", [("今日", "2020")]),                                       # the present age
    ("今天晚上八点之前离开", "2019-07-01", [("今天晚上八点", "2019-07-01T20:00")]),
    ("有16个站点4日记录的最高温超过41℃，当天发布预警", "2025-08-06", [("4日", "2025-08-04"), ("当天", "2025-08-04")]),
    ("3日记者从部里获悉", "2025-08-06", [("3日", "2025-08-03")]),                            # 日记者 is no diary
    ("香港迈向明天关注组成立", "2020-06-05", []),
    ("去年6.21包围警总，去年6.5万人参加", "2020-06-10", [("去年6.21", "2019-06-21"), ("去年", "2019")]),
    ("报告称6月很热，中心1日发布的报告显示", "2025-07-02", [("6月", "2025-06"), ("1日", "2025-07-01")]),
    ("1997年8月31日，戴妃身亡。\n他周一警告对方", "2017-07-24",
     [("1997年8月31日", "1997-08-31"), ("周一", "2017-07-24")]),                          # not 1997's Monday
    ("在使馆举办的春节招待会上", "2024-02-14", [("春节", "2024-02-10")]),                  # 的 is no part
    ("较2025年春节增长。\n2月15日，销售额增长", "2026-02-17",
     [("2025年春节", "2025-01-29"), ("2月15日", "2026-02-15")]),                           # compared with
    ("复检在26日至28日进行", "2021-02-10", [("26日至28日", "(2021-01-26,2021-01-28,P2D)")]),
    ("图书馆将于9月1日（星期六）开放", "2018-08-16", [("9月1日（星期六）", "2018-09-01")]),
    ("领取地点：弥敦道8号一楼、青山公路12号", "2018-08-16", []),
    ("根据第12号条例", "2018-08-16", []),
    ("第9届冬季残疾人运动会开幕", "2024-03-13", []),
    ("新同事原定于4月8日报到", "2021-03-10", [("4月8日", "2021-04-08")]),
    ("元旦假期，各地将举办游园活动", "2022-12-28", [("元旦", "2023-01-01")]),
    ("元旦假期已有游客到访", "2022-12-28", [("元旦", "2022-01-01")]),          # told done: the last one
    ("前年8月18日，数万人游行。\n8月18日的集会和平结束。", "2021-02-18",
     [("前年8月18日", "2019-08-18"), ("8月18日", "2019-08-18")]),
    ("到了翌日，11月12日，冲突最激烈。\n今晚我们回望。\n12日深夜，警方撤走。\n到了14日深夜，学生离开。", "2020-11-11",
     [("翌日", None), ("11月12日", "2019-11-12"), ("今晚", "2020-11-11"), ("12日深夜", "2019-11-12"),
      ("14日深夜", "2019-11-14")]),
]


@pytest.mark.parametrize("text,ref,expected", ZH_STORY_CASES)
def test_dates_zh_day_ranges_numbers_and_story_days(text, ref, expected):
    assert [(d.text, d.value) for d in find_dates_in_text(text, ref, "zh")] == expected

