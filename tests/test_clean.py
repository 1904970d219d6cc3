"""Tests for stage 1, clean: labels and reasons on short messy articles written for these tests."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.clean import clean_article, find_date, line_key
from extract.normalize import fix_mojibake

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
    ("12. Mär. 2024", "2024-03-12"),        # every month name the dates stage knows (one list)
    ("3. Jänner 2023, 10:15", "2023-01-03T10:15"),
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
    assert sum(ln.label in ("title", "content") for ln in again.lines) >= 0.8 * len(kept) - 1


# --- held-out site families: must-survive / must-go phrases (trafilatura's golden style) -------
# Each fixture is a short invented page of one kind of site the dev set does not have.
TW_PORTAL = """\
首頁 > 財經 > 產業
熱門搜尋：颱風 地震 股市 大樂透
即時 熱門 政治 社會 生活 國際 財經 娛樂 運動
晶片公司董事長宣布退休 總裁接任｜某某新聞網
2024/05/17 14:30 記者王小明／台北報導
分享 | 留言 | 字級
按讚加入粉絲團
晶片公司今（17）日召開董事會，董事長劉大同宣布將於六月股東會後退休，由總裁魏志明接任董事長一職。
劉大同在聲明中表示，公司已完成世代交接的準備，他感謝全體同仁多年來的努力，並期盼新團隊邁向下一個階段。
董事長劉大同（資料照）
魏志明於2018年出任總裁，任內主導先進製程量產與海外設廠計畫。分析師指出，此次交接早在市場預期之中。
編輯：陳美玲
延伸閱讀
美國擬擴大晶片出口管制 業者憂衝擊供應鏈
熱門新聞
颱風假怎麼放？各縣市最新公告一次看
留言
阿明
2024/05/18 09:02
真的假的？終於要退休了
路過的鄉民 · 2 小時前
辛苦了，祝福退休生活愉快
回覆 · 讚 12
本網站內容未經授權，不得轉載
晶片公司董事長宣布退休 總裁接任
"""

HK_SITE = """\
新聞 > 港聞
立法會三讀通過公司條例修訂 議員批評倉促
撰文：李家明
發佈時間：2024年5月17日 下午2:30
分享次數：1,024
Like 我們的Facebook專頁
立法會今日三讀通過《公司（修訂）條例草案》，政府指修例有助提升香港作為國際金融中心的競爭力。
財經事務及庫務局局長在會上表示，新例將簡化上市公司的匯報要求，並加強對董事責任的規管。
有議員批評草案審議時間倉促，部分條文未經充分諮詢，擔心對中小企構成額外負擔。
標籤： 立法會 公司條例
睇更多：
【天氣】天文台：下周初有驟雨
讚好 88  分享 12
請加入成為本網的月費訂戶，長期支持我們的工作。
---
**博客 | 李家明**
【李家明・城中論政】李家明，資深政治記者，曾任多份報章港聞版主編，關注議會政治與公民社會發展。
"""

EN_NEWS = """\
Skip to main content
Home | World | Business | Markets | Tech | Opinion
Advertisement - Scroll to continue
Northern Bank chief quits after trading scandal
By Jane Doe, Senior Finance Correspondent
May 17, 2024 2:30 PM ET
Updated 3 hours ago
Listen to this article · 4 min
The chief executive of Northern Bank, Richard Hale, resigned on Friday after regulators found serious failures in the lender's trading controls.
Photo: Reuters
Hale, who had led the bank since 2019, said in a statement that he took full responsibility for the lapses and would leave immediately.
Read more: Why Europe's banks are cutting thousands of jobs
The board named finance chief Laura Kim as interim chief executive while it searches for a permanent replacement.
Reporting by Jane Doe; Editing by Mark Lee
Sign up for our newsletter
Get the day's top business stories delivered to your inbox every morning.
Share this article
Jane Doe is a senior finance correspondent based in London. She previously covered banking for ten years in New York.
Comments (12)
JohnSmith42
May 18, 2024 9:10 AM
This was long overdue. The regulators should have acted years ago.
Reply · 12 likes
sarah_k
2 hours ago
Who will be next?
Reply · 3 likes
"""

DE_NEWS = """\
Zum Inhalt springen
Politik Wirtschaft Panorama Sport Kultur Wissen
Anzeige
Chef der Landesbank Nord tritt überraschend zurück | Stadtanzeiger
Von Max Müller | 17.05.2024, 14:30 Uhr
Artikel teilen
Der Vorstandschef der Landesbank Nord, Klaus Weber, tritt überraschend zurück. Das teilte das Institut am Freitagabend in Hannover mit.
Foto: dpa
Weber begründete seinen Schritt mit persönlichen Gründen. Der Aufsichtsrat habe den Rücktritt mit Bedauern zur Kenntnis genommen, hieß es.
Mehr zum Thema
Sparkassen erhöhen die Zinsen für Tagesgeld
Lesen Sie weiter mit unserem Digital-Abo: Jetzt 4 Wochen kostenlos testen.
Kommentare (4)
Hans_W · vor 2 Stunden
Das war doch abzusehen, die Probleme sind seit Jahren bekannt.
Antworten
Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung der Seite stimmen Sie dem zu.
Datenschutzerklärung
"""

FORUM_REPOST = """\
论坛首页 › 本地生活 › 交通出行
只看楼主 | 倒序浏览 | 阅读模式
【转帖】地铁票价下月起上调15%
楼主：老张 发表于 2024-05-17 10:20
市交通局昨天宣布，从下个月起地铁票价将平均上调百分之十五，这是十年来首次调价。
交通局负责人表示，近年来运营成本持续上涨，票价调整是为了保证地铁系统的长期运营。
不少市民对此表示不满，认为在经济不景气的情况下涨价会加重上班族的负担。
本帖最后由 老张 于 2024-05-17 10:25 编辑
市交通局昨日宣布，从下个月起地铁票价将平均上调百分之十五，这是十年来首次调价。
交通局负责人表示，近年来运营成本持续上涨，票价调整是为了保证地铁系统的长期稳定运营。
不少市民对此表示不满，认为在经济不景气的情况下涨价会加重上班族的负担。另有网友发起联署反对。
沙发
小明 发表于 2024-05-18 21:30
又涨价，工资不涨啥都涨
小王 发表于 2024-05-18 22:05
支持楼主，顶一下
"""

MIRROR_PINYIN = """\
精品國產自拍偷拍,免費觀看的av網站,日韓精品無碼
網(wǎng)易首頁 > 網(wǎng)易號 > 正文 申請入駐
新能源車企高管集體離職 公司回應稱正常人事變動
0
分享至
據(jù)知情人士透露，某新能源車企近期有三名副總裁相繼離職，其中包括負責海外業(yè)務的副總裁。
公司發(fā)言人回應稱，這是正常的人事變動，公司經(jīng)營一切正常，海外擴張計劃不受影響。
特別聲明：以上內(nèi)容為自媒體平臺用戶上傳并發(fā)布，本平臺僅提供信息存儲服務。
熱點推薦
車企價格戰(zhàn)再升級 多款車型降價
新能源車企高管集體離職 公司回應稱正常人事變動
舉報/反饋
"""

FAMILY_PAGES = {"tw": TW_PORTAL, "hk": HK_SITE, "en": EN_NEWS, "de": DE_NEWS, "forum": FORUM_REPOST,
                "mirror": MIRROR_PINYIN}
KEEP = ("title", "content")


def _label_of(page: str, phrase: str, occurrence: int = 0) -> str:
    ca = clean_article(page.splitlines())
    hits = [ln for ln in ca.lines if phrase in ln.text]
    assert len(hits) > occurrence, f"{phrase!r} not in the fixture"
    return hits[occurrence].label


@pytest.mark.parametrize("family, phrase, occurrence, kept", [
    # Taiwan portal: breadcrumbs, hot searches, menu rows, share bars, related / hot lists, comments
    ("tw", "晶片公司今（17）日召開董事會", 0, True),
    ("tw", "魏志明於2018年出任總裁", 0, True),
    ("tw", "董事長劉大同（資料照）", 0, True),          # a caption is content (gold convention)
    ("tw", "熱門搜尋", 0, False),
    ("tw", "即時 熱門 政治", 0, False),
    ("tw", "分享 | 留言 | 字級", 0, False),
    ("tw", "按讚加入粉絲團", 0, False),
    ("tw", "美國擬擴大晶片出口管制", 0, False),
    ("tw", "颱風假怎麼放", 0, False),
    ("tw", "真的假的", 0, False),
    ("tw", "路過的鄉民", 0, False),
    ("tw", "祝福退休生活愉快", 0, False),
    ("tw", "晶片公司董事長宣布退休 總裁接任", 1, False),  # headline again at the bottom
    # Hong Kong site: two-part breadcrumb, share counters, tags, "see more" list, appeal, author card
    ("hk", "立法會今日三讀通過", 0, True),
    ("hk", "有議員批評草案審議時間倉促", 0, True),
    ("hk", "新聞 > 港聞", 0, False),
    ("hk", "分享次數", 0, False),
    ("hk", "Facebook專頁", 0, False),
    ("hk", "標籤", 0, False),
    ("hk", "天文台：下周初有驟雨", 0, False),
    ("hk", "讚好 88", 0, False),
    ("hk", "月費訂戶", 0, False),
    ("hk", "**博客 | 李家明**", 0, False),
    ("hk", "資深政治記者", 0, False),
    # English news: menus, ads, audio player, read-more, newsletter, author bio, comments
    ("en", "Richard Hale, resigned on Friday", 0, True),
    ("en", "The board named finance chief Laura Kim", 0, True),
    ("en", "Home | World | Business", 0, False),
    ("en", "Advertisement - Scroll", 0, False),
    ("en", "Listen to this article", 0, False),
    ("en", "Read more:", 0, False),
    ("en", "Photo: Reuters", 0, False),
    ("en", "delivered to your inbox", 0, False),
    ("en", "Jane Doe is a senior finance correspondent", 0, False),
    ("en", "JohnSmith42", 0, False),
    ("en", "long overdue", 0, False),
    ("en", "Who will be next?", 0, False),
    ("en", "Reply · 12 likes", 0, False),
    # German news: menu row of capitalized words, Anzeige, Abo wall, comments, cookie banner
    ("de", "Klaus Weber, tritt überraschend zurück", 0, True),
    ("de", "Weber begründete seinen Schritt", 0, True),
    ("de", "Politik Wirtschaft Panorama", 0, False),
    ("de", "Anzeige", 0, False),
    ("de", "Foto: dpa", 0, False),
    ("de", "Sparkassen erhöhen", 0, False),
    ("de", "Digital-Abo", 0, False),
    ("de", "Hans_W", 0, False),
    ("de", "Das war doch abzusehen", 0, False),
    ("de", "Wir verwenden Cookies", 0, False),
    # forum repost: the body pasted again with small edits; replies with user + timestamp
    ("forum", "市交通局昨天宣布", 0, True),
    ("forum", "加重上班族的负担。", 0, True),
    ("forum", "市交通局昨日宣布", 0, False),            # one character changed
    ("forum", "长期稳定运营", 0, False),                # two characters added
    ("forum", "另有网友发起联署反对", 0, False),          # a sentence added
    ("forum", "只看楼主", 0, False),
    ("forum", "本帖最后由", 0, False),
    ("forum", "沙发", 0, False),
    ("forum", "小明 发表于", 0, False),
    ("forum", "工资不涨啥都涨", 0, False),
    ("forum", "顶一下", 0, False),
    # mirror copy with pinyin artifacts
    ("mirror", "據(jù)知情人士透露", 0, True),
    ("mirror", "公司發(fā)言人回應稱", 0, True),
    ("mirror", "精品國產自拍偷拍", 0, False),
    ("mirror", "本平臺僅提供信息存儲服務", 0, False),
    ("mirror", "多款車型降價", 0, False),
    ("mirror", "新能源車企高管集體離職 公司回應稱正常人事變動", 1, False),
    ("mirror", "舉報/反饋", 0, False),
])
def test_clean_family_phrases(family, phrase, occurrence, kept):
    label = _label_of(FAMILY_PAGES[family], phrase, occurrence)
    assert (label in KEEP) == kept, (phrase, label)


@pytest.mark.parametrize("family, title, published, language, script", [
    ("tw", "晶片公司董事長宣布退休 總裁接任", "2024-05-17T14:30", "zh", "Hant"),
    ("hk", "立法會三讀通過公司條例修訂 議員批評倉促", "2024-05-17T14:30", "zh", "Hant"),   # 下午2:30
    ("en", "Northern Bank chief quits after trading scandal", "2024-05-17T14:30", "en", "Latn"),  # 2:30 PM
    ("de", "Chef der Landesbank Nord tritt überraschend zurück", "2024-05-17T14:30", "de", "Latn"),
    ("forum", "【转帖】地铁票价下月起上调15%", "2024-05-17T10:20", "zh", "Hans"),
    ("mirror", "新能源車企高管集體離職 公司回應稱正常人事變動", None, "zh", "Hant"),
])
def test_clean_family_fields(family, title, published, language, script):
    """Comment timestamps (2024-05-18 …) and list dates never become the publication date."""
    ca = clean_article(FAMILY_PAGES[family].splitlines())
    assert (ca.title, ca.published, ca.language, ca.script) == (title, published, language, script)


@pytest.mark.parametrize("family", sorted(FAMILY_PAGES))
def test_clean_comment_names_and_dates_carry_nothing(family):
    """No line of a comment section is title, content or meta: its names are not persons, its
    dates not article dates."""
    ca = clean_article(FAMILY_PAGES[family].splitlines())
    for ln in ca.lines:
        if any(w in ln.text for w in ("阿明", "路過的鄉民", "JohnSmith42", "sarah_k", "Hans_W", "小明 发表于", "小王 发表于")):
            assert ln.label == "boilerplate", ln


def test_clean_reasons_are_machine_readable():
    for page in FAMILY_PAGES.values():
        for ln in clean_article(page.splitlines()).lines:
            assert re.fullmatch(r"(title|meta|content|boilerplate|spam|duplicate|chrome):[a-z0-9-]+", ln.reason), ln


# --- near duplicates --------------------------------------------------------------------------
def test_clean_templated_list_items_are_not_duplicates():
    """Sibling lines that share a sentence template but state different facts stay content."""
    lines = ["全国人大常委会表决通过三部法律"] + [
        f"第六十{n}号主席令说，《中华人民共和国{law}》已由全国人民代表大会常务委员会第十九次会议于2025年12月27日修订通过，现予公布，自2026年{m}月1日起施行。"
        for n, law, m in (("五", "民用航空法", 7), ("六", "国家通用语言文字法", 1), ("七", "对外贸易法", 3))]
    assert [ln.label for ln in clean_article(lines).lines] == ["title", "content", "content", "content"]


def test_clean_block_copy_with_heavier_edit_is_duplicate_inside_block():
    first = ["市政府今日公布新一年的预算案，重点投入公共交通和医疗服务，总开支较去年增加百分之六。",
             "财政司长表示，预算案的目标是在控制赤字的同时，维持经济复苏的动力。",
             "预算案公布后，多个政党表示欢迎，但也有议员批评对中小企业的支援不足。"]
    second = [first[0], "财政司长指出，预算案的目标是在控制赤字之余，继续维持经济复苏的动力。", first[2]]  # Jaccard 0.5
    labels = [ln.label for ln in clean_article(first + second).lines]
    assert labels == ["content"] * 3 + ["duplicate"] * 3


# --- per-line language and script, mojibake ---------------------------------------------------
def test_clean_per_line_language_and_script_where_page_mixes():
    lines = ["港島線列車服務延誤兩小時",
             "港鐵表示，港島線今早因訊號故障，列車服務延誤約兩小時，大批乘客滯留月台。",
             "市政府今日公布新一年的预算案，重点投入公共交通和医疗服务。",
             "The company said on Tuesday that the chief executive will step down at the end of the month.",
             "Der Zughersteller hat am Montag eine neue Chefin ernannt, die auf den alten Chef folgt."]
    ca = clean_article(lines)
    assert (ca.language, ca.script) == ("zh", "Hant")
    assert [(ln.language, ln.script) for ln in ca.lines] == [
        (None, None), (None, None), (None, "Hans"), ("en", "Latn"), ("de", "Latn")]


@pytest.mark.parametrize("text, fixed", [
    ("DatenschutzerklÃ¤rung und GrÃ¼ÃŸe", "Datenschutzerklärung und Grüße"),
    ("Itâ€™s the cafÃ©", "It’s the café"),
    ("Das ist schön", "Das ist schön"),
    ("ＯｐｅｎＡＩ “quoted”", "ＯｐｅｎＡＩ “quoted”"),      # widths and quotes are not ftfy's business here
    ("內?￥ﾍﾻ是吶喊", "內?￥ﾍﾻ是吶喊"),                      # lost bytes cannot be repaired
])
def test_clean_fix_mojibake(text, fixed):
    assert fix_mojibake(text) == fixed


def test_clean_mojibake_lines_match_the_lexicons():
    ca = clean_article(["Chef tritt zurück", "Der Vorstandschef der Landesbank Nord tritt Ã¼berraschend zurÃ¼ck. Das teilte das Institut am Freitag mit.",
                        "DatenschutzerklÃ¤rung"])
    assert [ln.label for ln in ca.lines] == ["title", "content", "boilerplate"]
    assert ca.lines[1].text.endswith("Freitag mit.")      # the raw line is kept as it is


@pytest.mark.parametrize("text, value", [
    ("發佈時間：2024年5月17日 下午2:30", "2024-05-17T14:30"),
    ("May 17, 2024 2:30 PM ET", "2024-05-17T14:30"),
    ("May 17, 2024 12:10 a.m.", "2024-05-17T00:10"),
    ("2024年5月17日 上午9:05", "2024-05-17T09:05"),
])
def test_clean_find_date_twelve_hour_clock(text, value):
    assert find_date(text) == value


# --- properties -------------------------------------------------------------------------------
def _one_label_per_nonempty_line(lines, ca):
    assert [ln.line_no for ln in ca.lines] == [i + 1 for i, t in enumerate(lines) if t.strip()]
    assert all(ln.label in ("title", "meta", "content", "boilerplate", "spam", "duplicate") and ln.reason for ln in ca.lines)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["utf-8", "gb18030", "big5", "latin-1", "utf-16-le"]))
def test_clean_random_bytes_never_raise(data, encoding):
    lines = data.decode(encoding, errors="replace").splitlines() or [""]
    _one_label_per_nonempty_line(lines, clean_article(lines))


_MIXED = st.text(alphabet=st.sampled_from(list("港鐵表示今早因訊號故障市政府公布预算案，。！？、「」《》()（）:：|>/·-—…# \t")
                                          + list("abcdefghijklmnopqrstuvwxyzÄÖÜäöüßÃ¤â€™ABCXYZ0123456789")),
                 max_size=160)


@settings(max_examples=120, deadline=None)
@given(st.lists(_MIXED, max_size=30))
def test_clean_mixed_scripts_one_label_each_and_idempotent(lines):
    ca = clean_article(lines or [""])
    _one_label_per_nonempty_line(lines or [""], ca)
    assert [(ln.label, ln.reason) for ln in clean_article(lines or [""]).lines] == [(ln.label, ln.reason) for ln in ca.lines]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([ln for page in FAMILY_PAGES.values() for ln in page.splitlines()]), max_size=30))
def test_clean_kept_lines_stay_kept(lines):
    """Idempotence on the body: cleaning the title and content lines again keeps nearly all of them."""
    ca = clean_article(lines)
    kept = [ln.text for ln in ca.lines if ln.label in KEEP]
    again = clean_article(kept)
    _one_label_per_nonempty_line(kept, again)
    assert sum(ln.label in KEEP for ln in again.lines) >= 0.8 * len(kept) - 1


@pytest.mark.parametrize("family", sorted(FAMILY_PAGES))
def test_clean_family_body_is_a_fixed_point(family):
    ca = clean_article(FAMILY_PAGES[family].splitlines())
    kept = [ln.text for ln in ca.lines if ln.label in KEEP]
    assert [ln.label in KEEP for ln in clean_article(kept).lines] == [True] * len(kept)


@pytest.mark.parametrize("line", [
    "港" * 2_000_000,
    "The board met again. " * 100_000,
    "|".join(["县"] * 1_000_000),
])
def test_clean_one_multi_megabyte_line(line):
    """One line of two megabytes and more (a scraped page with no line breaks): labelled, in linear time."""
    ca = clean_article([line])
    assert len(ca.lines) == 1 and ca.lines[0].label in ("content", "spam", "boilerplate", "title")


def test_clean_encoded_data_line_is_boilerplate():
    import base64

    blob = base64.b64encode(bytes(range(256)) * 40).decode()
    lines = ["公司宣布新任首席执行官人选", "", "董事会周一宣布，现任首席财务官王明将出任首席执行官，即日生效。", blob]
    out = {ln.line_no: (ln.label, ln.reason) for ln in clean_article(lines).lines}
    assert out[4] == ("boilerplate", "boilerplate:encoded-data")
    assert out[3][0] == "content"


@pytest.mark.parametrize("line, label", [
    pytest.param("【免责声明】本文仅供参考，不构成投资建议。", "boilerplate", id="zh-disclaimer-bracket"),
    pytest.param("Urheberrechtshinweis: Dieser Beitrag darf nicht ohne Zustimmung verbreitet werden.", "boilerplate", id="de-copyright"),
    pytest.param("Die Inhalte dieser Seite wurden maschinell übersetzt und dienen nur als Orientierung.", "boilerplate", id="de-mt-notice"),
    pytest.param("Newsletter: Die wichtigsten Meldungen jeden Morgen in Ihrem Postfach.", "boilerplate", id="de-newsletter-box"),
    pytest.param("分享：Facebook｜WhatsApp｜複製連結", "boilerplate", id="hk-share-row"),
    pytest.param("晨报网 记者 郑雨桐  2023-11-02 08:15:00", "meta", id="byline-with-timestamp"),
])
def test_clean_general_chrome_lines_in_the_body(line, label):
    body = ["华东一家电池企业周二宣布，董事长张振华因个人原因辞去全部职务，由副董事长刘敏接任。",
            "公司表示，此次人事调整不会影响正在推进的扩产计划，相关交接工作已经完成。"]
    lines = ["电池企业董事长辞职 副董事长接任", ""] + ([line] + body if label == "meta" else body[:1] + [line] + body[1:])
    labels = {ln.text: ln.label for ln in clean_article(lines).lines}
    assert labels[line] == label
    assert all(labels[b] == "content" for b in body)


@pytest.mark.parametrize("line, label", [
    pytest.param("〔記者林怡君／台北報導〕", "meta", id="tw-byline-brackets"),
    pytest.param("（中央社記者陳建宏台北3日電）", "meta", id="cna-dateline"),
    pytest.param("By Laura Benning | lbenning@example.com", "meta", id="en-byline-email"),
    pytest.param("分享 3,201 | 留言 88 | 列印 | A- A+", "boilerplate", id="share-and-font-bar"),
    pytest.param("Schriftgröße: groß mittel klein   Teilen auf: WeChat Weibo", "boilerplate", id="de-font-share"),
    pytest.param("Sport | Fußball | Bundesliga | 2. Liga | Transfers | Live-Ticker", "boilerplate", id="menu-with-number"),
    pytest.param("晨報網 首頁 | 要聞 | 港聞 | 經濟 | 教育 | 國際", "boilerplate", id="menu-with-site-name"),
])
def test_clean_header_chrome_of_other_sites(line, label):
    lines = ["醫院院長請辭 副院長代理院務", line, "",
             "北部一家醫學中心昨天宣布，院長因健康因素請辭，即日起由副院長代理院務，董事會將於下月選出新院長。",
             "院方表示，各項醫療服務不受影響，病人可以照常就診。"]
    ca = clean_article(lines)
    labels = {ln.text: ln.label for ln in ca.lines}
    assert labels[line] == label
    assert ca.title == "醫院院長請辭 副院長代理院務"


def test_clean_weekday_between_date_and_time_keeps_the_time():
    assert find_date("【晨報專訊】2024年5月21日 星期二 06:00") == "2024-05-21T06:00"


@pytest.mark.parametrize("line, label, reason", [
    ("News / Tech / AI", "boilerplate", "boilerplate:breadcrumb"),
    ("Home / Wirtschaft / Unternehmen", "boilerplate", "boilerplate:breadcrumb"),
    ("ai, startups, funding, layoffs, ceo, openai", "spam", "spam:seo-keywords"),
    ("Tags: Nordwerk, Maschinenbau, Rücktritt", "boilerplate", "boilerplate:tags"),
    ("关键词：星河电池、董事长、辞职", "boilerplate", "boilerplate:tags"),
])
def test_clean_breadcrumbs_and_keyword_lines_above_the_headline(line, label, reason):
    page = [line, "Cobalt Labs CEO Marcus Hale steps down after board dispute",
            "By Jane Doe | Feb 3, 2025, 8:15 AM ET",
            "Marcus Hale, the chief executive of Cobalt Labs, stepped down on Monday after a months-long dispute "
            "with the company's board, the startup said in a statement on its website.",
            "The board named Priya Raman, its chief operating officer, as interim chief executive while it searches."]
    ca = clean_article(page)
    assert (ca.lines[0].label, ca.lines[0].reason) == (label, reason)
    assert ca.title == page[1] and ca.lines[1].label == "title"


@pytest.mark.parametrize("line", [
    "Berlin, Hamburg, München und Köln melden steigende Zahlen.",   # a sentence
    "Einnahmen / Ausgaben im Vergleich zum Vorjahr gestiegen",       # a headline with a slash
    "北京、上海、广州、深圳四地同日公布数据",                           # an enumeration in Chinese text
])
def test_clean_sentences_with_commas_or_slashes_are_no_keyword_lines(line):
    from extract.clean.local import _is_breadcrumb, _is_keyword_line

    assert not _is_keyword_line(line) and not _is_breadcrumb(line)


INLINE_RELATED = """Startseite > Wirtschaft

Werftenverbund Kiel ordnet die Führung neu

Die Werft kündigte am Montag einen Umbau des Vorstands an. Gründe: hohe Kosten und weniger Aufträge.

Mehr zum Thema: Werften erhöhen Preise | Stahl wird teurer
Related: Shipyards raise prices | Steel costs climb
相关阅读：船厂提价｜钢价上涨
"""


@pytest.mark.parametrize("line_no, label, reason_prefix", [
    (5, "content", "content:"),              # a colon inside body text is no header
    (7, "boilerplate", "boilerplate:related-inline"),
    (8, "boilerplate", "boilerplate:related-inline"),
    (9, "boilerplate", "boilerplate:related-inline"),
])
def test_clean_related_header_with_its_teasers_on_one_line(line_no, label, reason_prefix):
    _ca, labels = _labels(INLINE_RELATED)
    assert labels[line_no][0] == label and labels[line_no][1].startswith(reason_prefix), labels[line_no]


@pytest.mark.parametrize("pattern, branches", [
    ("a|b", ["a", "b"]),
    ("a|(b|c)|d", ["a", "(b|c)", "d"]),
    (r"[|]|\||x", ["[|]", r"\|", "x"]),
    ("[]|]|[^]|]y", ["[]|]", "[^]|]y"]),
    ("^(a|b)$", ["^(a|b)$"]),
])
def test_clean_top_level_alternatives(pattern, branches):
    from extract.clean.features import _top_level_alternatives

    assert _top_level_alternatives(pattern) == branches


@pytest.mark.parametrize("line", ["分享到", "Share this article", "加入我们的粉丝专页", "facebook page", "打印本页 |",
                                  "版权所有 2024", "Teilen auf: Facebook", "本文来源：新华社", "a normal sentence."])
def test_clean_anchored_apart_finds_the_same_name(line):
    """The boilerplate, footer and meta patterns with their anchored alternatives apart name a line as
    the patterns of the resource files do."""
    from extract import lexicon
    from extract.clean.features import resources

    R = resources()
    for key, name in (("boiler", "clean_boilerplate.txt"), ("footer", "clean_footer.txt"), ("meta", "clean_meta.txt")):
        whole = lexicon.patterns(name, re.I)
        assert (next((n for n, rx in R[key] if rx.search(line)), None)
                == next((n for n, rx in whole if rx.search(line)), None))
