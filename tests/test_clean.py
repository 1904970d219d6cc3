"""Tests for stage 1, clean: labels and reasons on short messy articles written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from extract.clean import clean_article, find_date, line_key

# --- fixtures: invented articles, as messy as scraped pages -----------------------------------
ZH_PORTAL = """\
99精品国产毛片,免费观看的av网站,高清无码在线
快报首页 > 科技频道 > 正文
星河电池公司宣布首席执行官辞职|快报网
2024-03-05 09:30:12  来源：快报网
阅读 1,204  评论 3
分享至
星河电池公司宣布首席执行官辞职|快报网
星河电池公司周一宣布，首席执行官王立明因个人原因辞去职务，即日起生效。公司董事会已任命首席财务官陈雅接任临时首席执行官。
王立明自2015年起领导公司，任内推动了三次大规模扩产。分析人士认为，此次人事变动与近期的产品召回事件有关。
图为星河电池位于苏州的工厂
公司股价当日下跌4.2%，收于每股38元。董事会表示，将在六个月内完成新任首席执行官的遴选。
责任编辑：李想
© 2024 快报网 版权所有
相关推荐
新能源车企三月销量公布，多家企业同比增长...
快报汽车
2024-03-04 18:20:11
电池原材料价格继续回落，行业利润有望修复...
财经观察
2024-03-03 07:45:02
无障碍浏览 主站蜘蛛池模板: 东山县| 南平市| 西城区| 永和县| 安化县| 巴林左旗| 乌拉特前旗| 清水河县| 长岛县| 南丰县|
"""

ZH_HANT_COMMENTS = """\
# 港島線列車服務延誤兩小時
【撰文：本報記者】
港鐵表示，港島線今早因訊號故障，列車服務延誤約兩小時，大批乘客滯留月台。
工程人員於上午九時許完成維修，列車服務逐步回復正常。港鐵向受影響乘客致歉。
運輸及物流局表示，已要求港鐵在三日內提交詳細報告，交代事故原因及改善措施。
港鐵表示，港島線今早因訊號故障，列車服務延誤約兩小時，大批乘客滯留月台。
網友評論
路人甲
2024-05-06 10:12
又壞？每個月都壞一次。
九龍仔
2024-05-06 11:40
希望盡快改善啦
---
請加入成為本網的月費訂戶，長期支持我們的工作。
"""

DE_PAGE = """\
Startseite > Wirtschaft > Unternehmen
Deutsch English Français Español Italiano
Bahnhersteller ernennt neue Vorstandschefin
6. August 2024, 14:05 Uhr
Von Anna Berger
Der Zughersteller Nordbahn hat am Montag Julia Steiner zur neuen Vorstandschefin ernannt. Sie folgt auf Thomas Kern, der das Unternehmen nach elf Jahren verlässt.
Steiner war zuvor Finanzvorständin des Konzerns und gilt als Architektin des Sparprogramms. Der Aufsichtsrat lobte ihre Erfahrung in der Restrukturierung.
Teilen
Mehr zum Thema
Bahnbranche: Neue Aufträge aus Skandinavien
Zugausfälle: Gewerkschaft droht mit Streik
© 2024 Nordbahn Zeitung. Alle Rechte vorbehalten.
Impressum
"""

EN_PAGE = """\
Home / Business / Tech
Chipmaker names new chief executive after founder steps down
By Mary Jones
Published Aug 6, 2024
The chipmaker said on Tuesday that its founder, Robert Lane, will step down as chief executive at the end of the month. He will remain chairman of the board.
Lane founded the company in 1998 and led it through two acquisitions. The board appointed Susan Park, the current operating chief, to succeed him.
Share this article
Related articles
Chip stocks rally after earnings beat ... 2 hours ago
Regulators review merger of two suppliers ... 5 hours ago
Sign up for our newsletter
All rights reserved.
"""

PASTED_TWICE = """\
市政府今日公布新一年的预算案，重点投入公共交通和医疗服务，总开支较去年增加百分之六。
财政司长表示，预算案的目标是在控制赤字的同时，维持经济复苏的动力，并为低收入家庭提供支援。
预算案公布后，多个政党表示欢迎，但也有议员批评对中小企业的支援不足。
未完待续……
市政府今日公布新一年的预算案，重点投入公共交通和医疗服务，总开支较去年增加百分之六。
财政司长表示，预算案的目标是在控制赤字的同时，维持经济复苏的动力，并为低收入家庭提供支援。
预算案公布后，多个政党表示欢迎，但也有议员批评对中小企业的支援不足。
未完待续……
"""


def _labels(text: str, **kw):
    ca = clean_article(text.splitlines(), **kw)
    return ca, {ln.line_no: (ln.label, ln.reason) for ln in ca.lines}


@pytest.mark.parametrize("line_no, label, reason_prefix", [
    (1, "spam", "spam:adult"),
    (2, "boilerplate", "boilerplate:breadcrumb"),
    (3, "title", "title:headline"),
    (4, "meta", "meta:"),
    (5, "boilerplate", "boilerplate:counter"),
    (6, "boilerplate", "boilerplate:"),
    (7, "duplicate", "duplicate:title"),
    (8, "content", "content:"),
    (9, "content", "content:"),
    (10, "content", "content:"),         # image caption stays content
    (11, "content", "content:"),
    (12, "meta", "meta:editor"),
    (13, "boilerplate", "boilerplate:copyright"),
    (14, "boilerplate", "boilerplate:related-header"),
    (15, "boilerplate", "boilerplate:"),  # teaser headline
    (16, "boilerplate", "boilerplate:"),  # source name
    (17, "boilerplate", "boilerplate:"),  # list timestamp
    (20, "boilerplate", "boilerplate:"),
    (21, "spam", "spam:link-farm"),
])
def test_clean_zh_portal_labels(line_no, label, reason_prefix):
    _, got = _labels(ZH_PORTAL)
    assert got[line_no][0] == label, got[line_no]
    assert got[line_no][1].startswith(reason_prefix), got[line_no]


def test_clean_zh_portal_article_fields():
    ca, _ = _labels(ZH_PORTAL)
    assert ca.title == "星河电池公司宣布首席执行官辞职"
    assert ca.published == "2024-03-05T09:30:12"   # the list timestamps are not publication dates
    assert (ca.language, ca.script) == ("zh", "Hans")


@pytest.mark.parametrize("line_no, label, reason_prefix", [
    (1, "title", "title:"),
    (2, "meta", "meta:"),
    (3, "content", "content:"),
    (5, "content", "content:"),
    (6, "duplicate", "duplicate:exact"),
    (7, "boilerplate", "boilerplate:comments-header"),
    (8, "boilerplate", "boilerplate:"),   # user name
    (9, "boilerplate", "boilerplate:"),   # comment timestamp
    (10, "boilerplate", "boilerplate:"),  # comment text
    (13, "boilerplate", "boilerplate:"),
    (14, "boilerplate", "boilerplate:rule"),
    (15, "boilerplate", "boilerplate:subscribe"),
])
def test_clean_hant_comment_section(line_no, label, reason_prefix):
    _, got = _labels(ZH_HANT_COMMENTS)
    assert got[line_no][0] == label, got[line_no]
    assert got[line_no][1].startswith(reason_prefix), got[line_no]


def test_clean_hant_fields_and_comment_dates_ignored():
    ca, _ = _labels(ZH_HANT_COMMENTS)
    assert ca.title == "港島線列車服務延誤兩小時"
    assert ca.published is None
    assert (ca.language, ca.script) == ("zh", "Hant")


@pytest.mark.parametrize("text, line_no, label, reason_prefix", [
    (DE_PAGE, 1, "boilerplate", "boilerplate:breadcrumb"),
    (DE_PAGE, 2, "boilerplate", "boilerplate:language-switcher"),
    (DE_PAGE, 3, "title", "title:"),
    (DE_PAGE, 4, "meta", "meta:"),
    (DE_PAGE, 5, "meta", "meta:byline"),
    (DE_PAGE, 6, "content", "content:"),
    (DE_PAGE, 7, "content", "content:"),
    (DE_PAGE, 8, "boilerplate", "boilerplate:"),
    (DE_PAGE, 9, "boilerplate", "boilerplate:related-header"),
    (DE_PAGE, 10, "boilerplate", "boilerplate:"),
    (DE_PAGE, 12, "boilerplate", "boilerplate:copyright"),
    (DE_PAGE, 13, "boilerplate", "boilerplate:"),
    (EN_PAGE, 1, "boilerplate", "boilerplate:breadcrumb"),
    (EN_PAGE, 2, "title", "title:"),
    (EN_PAGE, 3, "meta", "meta:byline"),
    (EN_PAGE, 4, "meta", "meta:published"),
    (EN_PAGE, 5, "content", "content:"),
    (EN_PAGE, 6, "content", "content:"),
    (EN_PAGE, 7, "boilerplate", "boilerplate:share"),
    (EN_PAGE, 8, "boilerplate", "boilerplate:related-header"),
    (EN_PAGE, 9, "boilerplate", "boilerplate:"),
    (EN_PAGE, 11, "boilerplate", "boilerplate:"),
    (EN_PAGE, 12, "boilerplate", "boilerplate:copyright"),
])
def test_clean_latin_pages(text, line_no, label, reason_prefix):
    _, got = _labels(text)
    assert got[line_no][0] == label, got[line_no]
    assert got[line_no][1].startswith(reason_prefix), got[line_no]


@pytest.mark.parametrize("text, title, published, language", [
    (DE_PAGE, "Bahnhersteller ernennt neue Vorstandschefin", "2024-08-06T14:05", "de"),
    (EN_PAGE, "Chipmaker names new chief executive after founder steps down", "2024-08-06", "en"),
    (PASTED_TWICE, None, None, "zh"),
])
def test_clean_article_fields(text, title, published, language):
    ca, _ = _labels(text)
    assert (ca.title, ca.published, ca.language) == (title, published, language)


def test_clean_pasted_twice_second_copy_is_duplicate():
    _, got = _labels(PASTED_TWICE)
    assert [got[n][0] for n in range(1, 5)] == ["content"] * 4
    assert [got[n][0] for n in range(5, 9)] == ["duplicate"] * 4


def test_clean_every_nonempty_line_gets_a_row():
    lines = ZH_PORTAL.splitlines() + ["", "   "]
    ca = clean_article(lines)
    assert [ln.line_no for ln in ca.lines] == [i + 1 for i, t in enumerate(lines) if t.strip()]


def test_clean_chrome_counts_remove_site_lines_but_not_body():
    text = "公司发布年度报告\n关注我们的微信获取更多快讯吧\n公司今年营收增长百分之十二，净利润创历史新高。董事长在报告中感谢全体员工。\n公司计划明年在东南亚开设两家新工厂。"
    lines = text.splitlines()
    chrome = {line_key(t): 40 for t in lines}            # every line "seen" in 40 of 100 articles
    ca = clean_article(lines, chrome=chrome, n_articles=100)
    got = {ln.line_no: (ln.label, ln.reason) for ln in ca.lines}
    assert got[2] == ("boilerplate", "chrome:run-frequency")
    assert got[3][0] == "content"                          # a strong body line is never chrome
    assert clean_article(lines, chrome=chrome, n_articles=2).lines[1].label != "boilerplate"  # too small a run


def test_clean_one_long_line_stays_content():
    line = "Die Regierung hat am Dienstag ein neues Gesetz beschlossen. " * 40
    ca = clean_article([line])
    assert [ln.label for ln in ca.lines] == ["content"]
    assert ca.language == "de"


@pytest.mark.parametrize("text, value", [
    ("2024-08-31 16:59:00", "2024-08-31T16:59:00"),
    ("发布时间：2024年8月31日 09:05", "2024-08-31T09:05"),
    ("2024/08/31", "2024-08-31"),
    ("6. August 2024", "2024-08-06"),
    ("Aug 6, 2024", "2024-08-06"),
    ("2个月前发布", None),
])
def test_clean_find_date(text, value):
    assert find_date(text) == value


@pytest.mark.parametrize("line, key", [
    ("  热门  资讯 2024 ", "热门 资讯"),
    ("0", ""),
    ("Related Articles", "related articles"),
])
def test_clean_line_key(line, key):
    assert line_key(line) == key


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120), max_size=25))
def test_clean_never_raises_and_is_deterministic(lines):
    lines = [ln for chunk in lines for ln in chunk.splitlines()] or [""]
    first = clean_article(lines)
    second = clean_article(lines)
    assert [(ln.line_no, ln.label, ln.reason) for ln in first.lines] == \
           [(ln.line_no, ln.label, ln.reason) for ln in second.lines]
    assert {ln.line_no for ln in first.lines} == {i + 1 for i, t in enumerate(lines) if t.strip()}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ZH_PORTAL.splitlines() + DE_PAGE.splitlines() + [""]), max_size=30))
def test_clean_idempotent_on_kept_lines(lines):
    """Cleaning the body a second time keeps it: content lines stay content."""
    ca = clean_article(lines)
    kept = [ln.text for ln in ca.lines if ln.label in ("title", "content")]
    again = clean_article(kept)
    assert all(ln.label in ("title", "content", "duplicate", "meta", "boilerplate", "spam") for ln in again.lines)
    assert sum(ln.label in ("title", "content") for ln in again.lines) >= 0.8 * len(kept) - 1
