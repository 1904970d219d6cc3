"""Tests for stage 4b (extract.dates): time expressions with ISO values."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.dates import cn_number, find_dates, find_dates_in_text, infer_reference, latest_absolute_date
from extract.model import Sentence

REF = "2025-03-12"   # a Wednesday


def _one(text, ref=REF, lang="zh"):
    found = find_dates_in_text(text, ref, lang)
    assert found, f"nothing found in {text!r}"
    return found


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
    ("2018年下半年", REF, "2018年下半年", "2018-H2", "date"),
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


DE_CASES = [
    ("Er trat am 3. Februar 2022 zurück.", "3. Februar 2022", "2022-02-03", "date"),
    ("Die Konferenz beginnt am 12. Juni.", "12. Juni", "2024-06-12", "date"),
    ("Im Januar dieses Jahres wechselte sie.", "Im Januar dieses Jahres", "2025-01", "date"),
    ("Ende Februar verließ er die Firma.", "Ende Februar", "2025-02", "date"),
    ("Sie kam vor fünf Jahren nach Berlin.", "vor fünf Jahren", "2020", "date"),
    ("Gestern wurde der Vertrag unterschrieben.", "Gestern", "2025-03-11", "date"),
    ("Das Projekt dauerte drei Monate.", "drei Monate", "P3M", "duration"),
    ("nach sieben langen Dienstjahren", "sieben langen Dienstjahren", "P7Y", "duration"),
    ("Die Pause soll bis Ende des Jahres dauern.", "Ende des Jahres", "2025", "date"),
    ("Er arbeitet seit einigen Jahren dort.", "einigen Jahren", None, "duration"),
    ("Das Team trifft sich jeden Freitag.", "jeden Freitag", "XXXX-WXX-5", "set"),
    ("Der Bericht vom 14.05.2023 liegt vor.", "14.05.2023", "2023-05-14", "date"),
    ("Die Firma wurde 2011 gegründet.", "2011", "2011", "date"),
]


@pytest.mark.parametrize("text,surface,value,typ", DE_CASES)
def test_dates_de_cases(text, surface, value, typ):
    found = _one(text, REF, "de")
    hit = [d for d in found if surface in d.text or d.text in surface]
    assert hit, [(d.text, d.value) for d in found]
    assert hit[0].value == value
    assert hit[0].type == typ


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


def _sentences(texts, labels=None):
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, pos, pos + len(t), i + 1, (labels or {}).get(i, "content")))
        pos += len(t) + 1
    return out


def _article(texts):
    return "\n".join(texts)


def test_dates_narrative_chain_zh():
    texts = ["2019年4月8日,公司召开董事会。", "次日,他宣布辞职。", "当晚 8 时 30 分,声明发布。", "三个月后,他创办了新公司。"]
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


def test_dates_narrative_de_en():
    de = find_dates(_sentences(["Am 4. März 2020 trat er zurück.", "Tags darauf kam die Nachfolgerin."]), REF, "de")
    assert [d.value for d in de] == ["2020-03-04", "2020-03-05"]
    en = find_dates(_sentences(["On June 3, 2018 the deal was signed.", "The next day, shares fell."]), REF, "en")
    assert [d.value for d in en] == ["2018-06-03", "2018-06-04"]


def test_dates_meta_relative_is_duration():
    found = find_dates(_sentences(["科技 3个月前发布"], {0: "meta"}), REF, "zh")
    assert [(d.text, d.value, d.type) for d in found] == [("3个月前", "P3M", "duration")]


def test_dates_bare_month_inherits_year_of_paragraph():
    found = find_dates(_sentences(["2017 年冬季,团队开始筹备。后来在 12 月宣布了计划。"]), REF, "zh")
    assert [d.value for d in found] == ["2017-WI", "2017-12"]


def test_dates_future_sentence_keeps_reference_year():
    found = find_dates_in_text("The company plans to open the office on 1 October.", "2024-08-06", "en")
    assert [d.value for d in found] == ["2024-10-01"]


@pytest.mark.parametrize("text,lang", [
    ("他已经44岁", "zh"), ("GPT-4 的能力", "zh"), ("共有 2,719 名员工", "zh"),
    ("详见 https://example.com/2024/08/26/news", "zh"), ("在 NIPS 2014 会议上", "zh"), ("ICML2023 论文", "zh"),
    ("最近,目前,此时,当时,彼时,如今,此前", "zh"), ("Er ist gerade jetzt bisher damals dort.", "de"),
    ("The model GPT-4 has 2,719 parameters.", "en"), ("不同年龄的人", "zh"), ("庆祝成立73周年", "zh"),
])
def test_dates_non_dates_not_found(text, lang):
    found = find_dates_in_text(text, REF, lang)
    kept = [d for d in found if d.value is not None or d.type != "date"]
    assert not kept, [(d.text, d.value) for d in found]


def test_dates_year_without_nian_in_context():
    found = find_dates_in_text("公司 2021 年会上宣布", REF, "zh")
    assert [d.value for d in found] == ["2021"]


def test_dates_offsets_are_article_level():
    texts = ["标题", "2020年5月,他离职。"]
    text = _article(texts)
    found = find_dates(_sentences(texts), REF, "zh")
    assert found and all(text[d.char_start:d.char_end] == d.text for d in found)


def test_dates_no_reference():
    found = find_dates_in_text("去年5月和3月12日", None, "zh")
    assert [d.value for d in found] == ["XXXX-05", "XXXX-03-12"]   # the year cannot be known


def test_dates_latest_absolute_date():
    s = _sentences(["2021年3月4日签约", "2023-07-01 生效", "今年5月更新"])
    assert latest_absolute_date(s, "zh") == "2023-07-01"
    assert latest_absolute_date(_sentences(["没有日期"]), "zh") is None


@pytest.mark.parametrize("s,n", [("二十三", 23), ("二〇二三", 2023), ("十", 10), ("一百零五", 105), ("两", 2), ("3.5", 3.5)])
def test_dates_cn_number(s, n):
    assert cn_number(s) == n


_ALPHABET = st.sampled_from(list("0123456789年月日号周天时分点前后今去明当次第个几十一二三四五六七八九〇 ,.-/:，。"
                                 "abcMayJuniOktoberTagJahrevorlastnext"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60), st.sampled_from(["zh", "de", "en"]),
       st.sampled_from([None, "2024-02-29", "2000-01-01"]))
def test_dates_property_offsets_and_no_crash(text, lang, ref):
    for d in find_dates_in_text(text, ref, lang):
        assert text[d.char_start:d.char_end] == d.text
        assert d.type in ("date", "time", "duration", "set")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_dates_property_any_text(text):
    for lang in ("zh", "de", "en"):
        for d in find_dates_in_text(text, "2024-05-18", lang):
            assert text[d.char_start:d.char_end] == d.text


# --------------------------------------------------------------------------- holidays, clock words, merges

# text, lang, expected surface, value   (reference REF = 2025-03-12, a Wednesday)
NEW_CASES = [
    ("农历二〇二〇年十月初一祭祖", "zh", "二〇二〇年十月初一", "2020-10-01"),
    ("二〇一九年八月十五团圆", "zh", "二〇一九年八月十五", "2019-08-15"),
    ("列车16时05分30秒发车", "zh", "16时05分30秒", "T16:05:30"),
    ("会议九点二十开始", "zh", "九点二十", "T09:20"),
    ("零点整钟声响起", "zh", "零点整", "T00"),
    ("後天见", "zh", "後天", "2025-03-14"),                     # Traditional input through the free-text API
    ("上週三開會", "zh", "上週三", "2025-03-05"),
    ("2月29日下雪", "zh", "2月29日", "2024-02-29"),          # no 29 February in 2025: the leap year before
    ("国庆节期间客流大增", "zh", "国庆节", "2024-10-01"),        # past bias for a bare holiday name
    ("2023年圣诞节前夕", "zh", "2023年圣诞节", "2023-12-25"),
    ("他在那里待了一年零三个月", "zh", "一年零三个月", "P1Y3M"),
    ("每周三上午十点例会", "zh", "每周三上午十点", "XXXX-WXX-3T10"),
    ("2021.05.03晚上八点发布", "zh", "2021.05.03晚上八点", "2021-05-03T20:00"),
    ("Ostern 2019 fiel auf den April", "de", "Ostern 2019", "2019-04-21"),
    ("Am Pfingstmontag blieb es ruhig", "de", "Pfingstmontag", "2024-05-20"),
    ("Wir treffen uns am zweiten Mai", "de", "zweiten Mai", "2024-05-02"),
    ("Er kam am einunddreißigsten Januar 2020", "de", "einunddreißigsten Januar 2020", "2020-01-31"),
    ("Es ist halb 8", "de", "halb 8", "T07:30"),
    ("Wir gehen um Viertel nach drei", "de", "um Viertel nach drei", "T03:15"),
    ("Das Treffen beginnt um 18:12", "de", "um 18:12", "T18:12"),
    ("Es ist zehn Uhr", "de", "zehn Uhr", "T10"),
    ("Nehmen Sie abends um 8 Uhr eine Tablette", "de", "abends um 8 Uhr", "T20"),
    ("Er rief um 12 Uhr nachts an", "de", "um 12 Uhr nachts", "T00"),
    ("Bis Mitternacht wurde verhandelt", "de", "Mitternacht", "T00"),
    ("Der Umsatz stieg in letztem Jahr", "de", "letztem Jahr", "2024"),
    ("The parade was on Thanksgiving 2023", "en", "Thanksgiving 2023", "2023-11-23"),
    ("Stores reopened after Christmas", "en", "Christmas", "2024-12-25"),
    ("They met on Easter Monday 2020", "en", "Easter Monday 2020", "2020-04-13"),
    ("The vote is at 3pm today", "en", "3pm today", "2025-03-12T15:00"),
    ("The hearing lasted 1 hour and 30 minutes", "en", "1 hour and 30 minutes", "PT1H30M"),
]


@pytest.mark.parametrize("text,lang,surface,value", NEW_CASES)
def test_dates_holidays_clock_words_and_merges(text, lang, surface, value):
    found = find_dates_in_text(text, REF, lang)
    assert [(d.text, d.value) for d in found if d.value == value] == [(surface, value)], \
        [(d.text, d.value) for d in found]


@pytest.mark.parametrize("text,lang", [
    ("Das Werk begann am Morgen mit der Arbeit", "de"),       # the morning, not tomorrow
    ("Das Treffen war am frühen Morgen", "de"),
    ("Er feierte den Karsamstag nicht", "de"),                # not a bare Samstag
    ("三季度营收增长", "zh"),                                  # the third quarter, not nine months
])
def test_dates_holiday_and_noun_readings(text, lang):
    found = find_dates_in_text(text, REF, lang)
    assert all(d.value not in ("2025-03-13", "P9M") for d in found)
    assert not any(d.text.lower() in ("samstag", "morgen") for d in found)


def test_dates_gates_do_not_change_candidates():
    """The per-pattern prefilters are necessary conditions: gated and ungated scans agree."""
    from extract import dates
    texts = ["Am 3. Oktober 2024 um 18:12 Uhr, Ende des Jahres, vor drei Wochen, jeden Montag",
             "Weihnachten 2019 und im Frühjahr 2020; halb 8; 1990er Jahre; letztes Jahr",
             "On Dec 25, 2019 at 3pm, last week, every Monday, 2 hours, 4/5/2020, the 1990s",
             "next Tuesday, this morning, Easter 2018, spring 2020, 2019-03-04"]
    for lang, text in [("de", texts[0]), ("de", texts[1]), ("en", texts[2]), ("en", texts[3])]:
        rules = dates._rules(lang)
        gated = {(s, e, n) for s, e, n, _ in dates._candidates_cached.__wrapped__(lang, text)}
        full = {(m.start(), m.end(), n) for n, rx in rules.patterns for m in rx.finditer(text) if m.end() > m.start()}
        assert gated == full


# --------------------------------------------------------------------------- reference inference

def test_dates_infer_reference_full_date_first():
    s = _sentences(["2021年3月4日签约", "2023-07-01 生效", "今年5月更新"])
    assert infer_reference(s, "zh") == "2023-07-01"


def test_dates_infer_reference_weekday_fixes_year():
    s = _sentences(["2020 年冬天公司成立。", "今年 3 月扩张。", "9 月 7 日周四宣布重组。", "9 月 9 日正式生效。"])
    assert infer_reference(s, "zh") == "2023-09-09"      # 7 September was a Thursday in 2023


def test_dates_infer_reference_year_in_a_name():
    s = _sentences(["他在 2019 年加入。", "在 Expo 2022 上他发表演讲。", "6 月 3 日他离开。"])
    assert infer_reference(s, "zh") == "2022-06-03"


def test_dates_infer_reference_needs_a_month():
    assert infer_reference(_sentences(["他在 2019 年加入。", "今年他离开了。"]), "zh") is None
    s = _sentences(["Im Jahr 2018 begann alles.", "Im März 2018 kam der Durchbruch."])
    assert infer_reference(s, "de") == "2018-03-31"


def test_dates_infer_reference_ignores_future_targets():
    s = _sentences(["2021 年项目启动。", "公司计划 2030 年上市。", "5 月 4 日发布新品。"])
    assert infer_reference(s, "zh") == "2021-05-04"


def test_dates_planned_date_is_no_narrative_anchor():
    s = _sentences(["Am Montag trat der Chef zurück.", "Ein Nachfolger soll im Mai dieses Jahres bestimmt werden.",
                    "Tags darauf wurde ein Interimschef ernannt."])
    found = find_dates(s, REF, "de")
    assert [(d.text, d.value) for d in found][-1] == ("Tags darauf", "2025-03-11")


# token dates, number words, weekday + day, weeks, sets, durations, clock words, ranges, offsets, weekends
# (reference 2025-03-12, a Wednesday)
LATIN_MORE_CASES = [
    ("The filing is dated 14/Feb/2023 in the register.", "en", "14/Feb/2023", "2023-02-14", "date"),
    ("Results were posted on 2022-nov-03.", "en", "2022-nov-03", "2022-11-03", "date"),
    ("Payment is due Oct/7 as agreed.", "en", "Oct/7", "2024-10-07", "date"),
    ("The plan runs through Aug-2026.", "en", "through Aug-2026", "2026-08", "date"),
    ("He was hired on 19/06 by the board.", "en", "19/06", "2024-06-19", "date"),
    ("The firm was founded on Feb 29.", "en", "Feb 29", "2024-02-29", "date"),
    ("She signed on March twenty first.", "en", "March twenty first", "2024-03-21", "date"),
    ("It opened on August third nineteen ninety nine.", "en", "August third nineteen ninety nine", "1999-08-03", "date"),
    ("He was born in nineteen seventy two.", "en", "nineteen seventy two", "1972", "date"),
    ("They met in April of 98 at a conference.", "en", "in April of 98", "1998-04", "date"),
    ("The vote is on Thursday the 20th.", "en", "on Thursday the 20th", "2025-03-20", "date"),
    ("Payments go out on the 5th.", "en", "on the 5th", "2025-03-05", "date"),
    ("Sales in week 7 of last year fell.", "en", "week 7 of last year", "2024-W07", "date"),
    ("Traffic peaked in the second week of 2024.", "en", "the second week of 2024", "2024-W02", "date"),
    ("We talked on Tuesday of last week.", "en", "on Tuesday of last week", "2025-03-04", "date"),
    ("The store opens on Saturdays.", "en", "on Saturdays", "XXXX-WXX-6", "set"),
    ("The report is published quarterly.", "en", "quarterly", "P3M", "set"),
    ("Staff rotate every other week.", "en", "every other week", "P2W", "set"),
    ("The interview took an hour and a half.", "en", "an hour and a half", "PT1.5H", "duration"),
    ("The flight lasted 9h despite the storm.", "en", "9h", "PT9H", "duration"),
    ("She booked the room for three nights.", "en", "for three nights", "P3D", "duration"),
    ("He arrived at 7:45:10 pm.", "en", "7:45:10 pm.", "T19:45:10", "time"),
    ("The polls close at half past eight in the evening.", "en", "half past eight in the evening", "T20:30", "time"),
    ("They spoke at seven twenty-five.", "en", "seven twenty-five", "T07:25", "time"),
    ("The talks resumed at noon.", "en", "noon", "T12", "time"),
    ("The shift runs from 9 to 5:30 pm on weekdays.", "en", "from 9 to 5:30 pm", "T09:00", "time"),
    ("He called yesterday at 9.", "en", "yesterday at 9", "2025-03-11T09:00", "time"),
    ("The vote came two days after yesterday.", "en", "two days after yesterday", "2025-03-13", "date"),
    ("It closed 3 weeks before March 1.", "en", "3 weeks before March 1", "2025-02-08", "date"),
    ("Protests grew over the weekend.", "en", "over the weekend", "2025-W10-WE", "date"),
    ("Die Frist endete am 29/3 um Mitternacht.", "de", "29/3 um Mitternacht", "2024-03-29T00:00", "time"),
    ("Sie kam am 5/Okt/2021 zurück.", "de", "5/Okt/2021", "2021-10-05", "date"),
    ("Er trat am dritten vierten zurück.", "de", "dritten vierten", "2024-04-03", "date"),
    ("Die Sitzung war am 12. dritten 2024.", "de", "12. dritten 2024", "2024-03-12", "date"),
    ("Der Markt ist montags geschlossen.", "de", "montags", "XXXX-WXX-1", "set"),
    ("Das Treffen findet jeden Freitag um 9 Uhr statt.", "de", "jeden Freitag um 9 Uhr", "XXXX-WXX-5T09", "set"),
    ("Die Gebühr wird jährlich fällig.", "de", "jährlich", "P1Y", "set"),
    ("Die Sitzung dauerte zweieinhalb Stunden.", "de", "zweieinhalb Stunden", "PT2.5H", "duration"),
    ("Nach einer Viertelstunde war alles vorbei.", "de", "einer Viertelstunde", "PT0.25H", "duration"),
    ("Er arbeitete den ganzen Tag daran.", "de", "den ganzen Tag", "P1D", "duration"),
    ("Die Lieferung kam in KW 9.", "de", "KW 9", "2025-W09", "date"),
    ("Die Praxis ist von 8 bis 12 Uhr geöffnet.", "de", "von 8 bis 12 Uhr", "T08", "time"),
    ("Am Wochenende demonstrierten Tausende.", "de", "Am Wochenende", "2025-W10-WE", "date"),
    ("Der Vertrag lief bis Mittwoch, den 19. aus.", "de", "Mittwoch, den 19.", "2025-03-19", "date"),
    ("Er meldete sich gestern um 8 bei uns.", "de", "gestern um 8", "2025-03-11T08:00", "time"),
    ("Nächste Woche Montag beginnt der Prozess.", "de", "Nächste Woche Montag", "2025-03-17", "date"),
]


@pytest.mark.parametrize("text,lang,surface,value,typ", LATIN_MORE_CASES)
def test_dates_formats_words_sets_ranges_and_offsets(text, lang, surface, value, typ):
    found = find_dates_in_text(text, REF, lang)
    assert [(d.text, d.value, d.type) for d in found] == [(surface, value, typ)]


@pytest.mark.parametrize("text,lang", [
    ("Prices rose 24/7 in the first half.", "en"),
    ("Rund 3/4 der Befragten stimmten zu.", "de"),
    ("Der Service ist 24/7 erreichbar.", "de"),
    ("Ogier lag nach 3:35:49,5 Std. vorne.", "de"),
    ("You may first need to register.", "en"),
    ("He won on Friday 7 races in a row.", "en"),
    ("Das Spiel endete von 2 bis 3 ohne Tore.", "de"),
    ("The score went from 3 to 5 in the second half.", "en"),
])
def test_dates_new_patterns_skip_fractions_scores_and_verbs(text, lang):
    found = find_dates_in_text(text, REF, lang)
    assert not [d for d in found if d.text in ("24/7", "3/4", "49,5 Std", "may first", "Friday 7", "von 2 bis 3", "from 3 to 5")], \
        [(d.text, d.value) for d in found]


def test_dates_gates_do_not_change_candidates_of_new_patterns():
    """The prefilters of the token, week, set, range, clock and weekend patterns are necessary conditions."""
    from extract import dates
    for lang, text in [
        ("en", "on the 5th, week 7 of last year, Mondays, quarterly, 9h, at half past eight, from 9 to 5:30 pm, "
               "over the weekend, 14/Feb/2023, Oct/7, Dec31, Thursday the 20th, nineteen seventy two, at seven twenty-five, "
               "one in the morning, 12 noon, 11ish, the 15th day of next month, an hour and a half, ½ hour, 4/5/2020"),
        ("de", "am 29/3, 5/Okt/2021, dritten vierten, 7. vierter, montags, jährlich, zweieinhalb Stunden, eine Viertelstunde, "
               "den ganzen Tag, KW 9, von 8 bis 12 Uhr, morgens von 5 bis sieben, am Wochenende, Mittwoch, den 19., um 12 nachts")]:
        rules = dates._rules(lang)
        gated = {(s, e, n) for s, e, n, _ in dates._candidates_cached.__wrapped__(lang, text)}
        full = {(m.start(), m.end(), n) for n, rx in rules.patterns for m in rx.finditer(text) if m.end() > m.start()}
        assert gated == full, full - gated


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
    ("They spoke on tues the 4th 7pm.", "on tues the 4th 7pm.", "2025-03-04T19:00"),
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


def test_dates_gates_do_not_change_candidates_of_english_additions():
    from extract import dates
    text = ("2023-11, 2024-7, 09-2022, 2021 october, employee of the month, for the week, in the year, until 2250, "
            "back to 1874, next week Wed, Fridays at 18.45, 8.am, 745 p.m., Thursday 9-5, between 6 and 8 last night, "
            "10am to 12pm, 14 and 15 March 2026, budget-2024-05-17.pdf, the following week, EOY")
    rules = dates._rules("en")
    gated = {(s, e, n) for s, e, n, _ in dates._candidates_cached.__wrapped__("en", text)}
    full = {(m.start(), m.end(), n) for n, rx in rules.patterns for m in rx.finditer(text) if m.end() > m.start()}
    assert gated == full, full - gated


@pytest.mark.parametrize("text, expected", [
    pytest.param("董事長昨（7）日宣布辭職。", [("昨（7）日", "2024-05-07")], id="tw-yesterday-with-day"),
    pytest.param("部長前日請辭。", [("前日", "2024-05-06")], id="tw-day-before-yesterday"),
])
def test_dates_taiwan_relative_day_idioms(text, expected):
    from extract.dates import find_dates_in_text

    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-05-08", "zh")] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("教练于2022年12月接手球队，3月16日主场惨败后下课。", [("2022年12月", "2022-12"), ("3月16日", "2024-03-16")],
                 id="month-before-background-date-takes-reference-year"),
    pytest.param("公司2023年5月成立，8月发布首款产品。", [("2023年5月", "2023-05"), ("8月", "2023-08")],
                 id="later-month-keeps-the-stated-year"),
])
def test_dates_year_of_a_bare_month_after_a_stated_date(text, expected):
    from extract.dates import find_dates_in_text

    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-03-20", "zh")] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("新規定自民國113年7月1日起施行。", [("民國113年7月1日", "2024-07-01")], id="roc-traditional"),
    pytest.param("民国112年12月，他接任部长。", [("民国112年12月", "2023-12")], id="roc-simplified"),
    pytest.param("全国113个项目完成验收。", [], id="not-a-roc-year"),
])
def test_dates_republic_of_china_years(text, expected):
    from extract.dates import find_dates_in_text

    assert [(d.text, d.value) for d in find_dates_in_text(text, "2024-05-08", "zh")] == expected
