"""Events: arguments per trigger frame (organizations and posts whole, the organization of the new
post, the subject's affiliation, the article's own organization), and senses (离开 a place, 成立 an
anniversary, 澳门回归, 上任以来, negation). Invented sentences."""
from __future__ import annotations

import pytest

import extract


def _rows(text: str) -> list[tuple]:
    df = extract.find_events(text, lang="zh")
    return [(r.type, tuple(r.persons), r.org, r.role) for r in df.itertuples()]


@pytest.mark.parametrize("text, want", [
    # the organization before a post, the post whole
    ("南岭置业董事长王建国昨日辞职。", ("depart", ("王建国",), "南岭置业", "董事长")),
    ("星河电子独立董事陈国华因个人原因辞职。", ("depart", ("陈国华",), "星河电子", "独立董事")),
    # a bureau before a post is part of the post and its organization, not the body that appoints
    ("特区政府宣布任命刘志伟为海港发展局局长。", ("appoint", ("刘志伟",), "海港发展局", "海港发展局局长")),
    ("国务院任命赵立新为国家能源局局长。", ("appoint", ("赵立新",), "国家能源局", "国家能源局局长")),
    # a department is part of the post; the organization is the company
    ("星河电子公司任命陈小红为财务部经理。", ("appoint", ("陈小红",), "星河电子公司", "财务部经理")),
    # a team before a post is part of the post, not the organization
    ("安全团队负责人李明和王强先后宣布离职。", ("depart", ("李明",), None, "安全团队负责人")),
    # a post that heads a field keeps its field (技术负责人, 数据安全负责人), not a modifier (前)
    ("技术负责人李明宣布离职。", ("depart", ("李明",), None, "技术负责人")),
    ("孙丽辞去星河科技超级对齐负责人职务。", ("depart", ("孙丽",), "星河科技", "超级对齐负责人")),
    ("星河科技前安全主管李明宣布离职。", ("depart", ("李明",), "星河科技", "安全主管")),
    # from one organization to another: the join's is where to
    ("谷歌从微软挖来了李强。", ("join", ("李强",), "谷歌", None)),
    ("为了把李强从微软挖到苹果公司，谷歌开出了高薪。", ("join", ("李强",), "苹果公司", None)),
    # 离职并加入X: X is the join's, not the departure's
    ("孙丽今年7月离职并加入蓝海科技公司。", ("join", ("孙丽",), "蓝海科技公司", None)),
])
def test_events_arguments_in_their_frame(text, want):
    rows = _rows(text)
    assert want in rows, rows


def test_events_departure_org_is_not_the_next_triggers_object():
    rows = _rows("孙丽今年7月离职并加入蓝海科技公司。")
    depart = [r for r in rows if r[0] == "depart"]
    assert depart and depart[0][2] != "蓝海科技公司"


def test_events_no_organization_from_a_place_of_saying():
    rows = _rows("数据团队负责人赵明在微博上宣布离职。")
    assert rows and rows[0][0] == "depart" and rows[0][2] != "微博"


@pytest.mark.parametrize("text", [
    "王建国离开北京，前往上海出席论坛。",
    "李明离开白宫前往机场。",
    "学校上周举行活动庆祝成立70周年。",
    "法院认为上述罪名不成立。",
    "澳门回归祖国已经二十五年。",
    "陈志强上任以来一直推动改革。",
    "陈志强并无加入该党。",
    "刘洋会不会离职？",
])
def test_events_senses_that_are_no_personnel_event(text):
    rows = [r for r in _rows(text) if r[1]]
    assert rows == [], rows


def test_events_not_serving_any_more_is_a_departure():
    rows = _rows("王建国辞职后不再担任公司董事长。")
    assert [r[0] for r in rows] == ["depart"]


def test_events_leaving_an_organization_is_a_departure():
    rows = _rows("张伟离开腾讯，加入阿里巴巴。")
    assert ("depart", ("张伟",), "腾讯", None) in rows
    assert ("join", ("张伟",), "阿里巴巴", None) in rows


def test_events_unnamed_subject_takes_no_named_person():
    # the person suspended is 涉事的教师, not the one who reported it
    text = "家长周女士已经报警，但涉事的教师直到上周才被停职。"
    sents = [s for s in _rows(text) if s[1]]
    assert sents == [], sents


def test_events_affiliation_stays_in_its_clause_and_is_not_the_organization_joined():
    # 蓝海科技 is 入职's object, in another clause: not the organization 郑凯 left
    rows = [(t, p, o if isinstance(o, str) else None) for t, p, o, _r in _rows("王建国已入职蓝海科技，郑凯的领英显示他7月已离职。")]
    assert ("depart", ("郑凯",), None) in rows
    # the person joined 蓝海科技; the departure told elsewhere takes the article's other organization
    text = "星河电子首席架构师郑凯上月离职。加入蓝海科技的郑凯表示，新团队更重视安全。"
    assert ("depart", ("郑凯",), "星河电子", "首席架构师") in _rows(text)
    # an organization right before its member in the same clause still is its affiliation
    assert ("depart", ("郑凯",), "星河电子", "首席架构师") in _rows("郑凯今天宣布离职。星河电子首席架构师郑凯表示感谢。")


def test_events_title_from_anywhere_in_the_article():
    # the person's title, named far from the event, is its role
    lines = ["星河科技昨日宣布，首席执行官李明将离开公司。"] + [f"分析人士认为，李明任内公司营收增长了{n}成。" for n in range(2, 9)] \
        + ["李明被董事会罢免。"]
    rows = [(t, p, r) for t, p, _o, r in _rows("".join(lines))]
    assert ("dismiss", ("李明",), "首席执行官") in rows


def test_events_unnamed_subject_pointing_back_takes_the_apposed_name():
    # 涉事的教师 points back: the article names that teacher (涉事教师吴某) in another sentence
    text = ("家长周女士已经报警，但涉事的教师直到上周才被停职。"
            "据校方透露，涉事教师吴某已向家长道歉。")
    assert [r[:2] for r in _rows(text)] == [("leave_of_absence", ("吴某",))]
    # no determiner that points back (一名教师): nobody named
    assert [r for r in _rows("家长已经报警，但一名教师直到上周才被停职。涉事教师吴某已向家长道歉。") if r[1]] == []
    # two teachers named with the noun: ambiguous, nobody
    text2 = "涉事的教师直到上周才被停职。教师吴某和教师郑某都已向家长道歉。"
    assert [r for r in _rows(text2) if r[1]] == []


def _article(lines: list[str]) -> str:
    return "\n".join(lines)


def test_events_article_organization_and_post_from_elsewhere(tmp_path):
    """An event whose sentence names no organization takes the one its person is introduced with
    elsewhere in the article, and the post."""
    from extract.pipeline import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(_article([
        "星河电子高层震荡",
        "星河电子首席技术官王建国近日接受采访，谈及公司未来的方向。",
        "知情人士透露，王建国已于上周正式辞职。",
    ]), encoding="utf-8")
    run(tmp_path / "in", tmp_path / "out", quiet=True)
    import pandas as pd

    ev = pd.read_parquet(tmp_path / "out" / "events")
    dep = ev[ev["type"] == "depart"]
    assert len(dep) == 1
    assert dep.iloc[0]["org"] == "星河电子" and dep.iloc[0]["role"] == "首席技术官"


def test_events_recipient_after_a_preposition_is_no_subject():
    rows = [r for r in _rows("董事陈国华向董事长王建国递交了辞呈。") if r[0] == "depart"]
    assert rows and rows[0][1] == ("陈国华",), rows


def test_events_coordinated_subject_with_its_own_title():
    rows = [r for r in _rows("主播李明和知名游戏主播王强宣布离开星河直播公司。") if r[0] == "depart"]
    assert {p for r in rows for p in r[1]} == {"李明", "王强"}, rows


@pytest.mark.parametrize("text", [
    "周志明离开酒店，随即前往会场出席活动。",
    "香港回归后，当地经济持续发展。",
    "美方宣布退出协议，并恢复制裁。",
    "主持人刚说完，陈国华即起身离开。",
])
def test_events_travel_territories_and_agreements_are_no_departure(text):
    rows = [r for r in _rows(text) if r[1]]
    assert rows == [], rows


def _latin_rows(text: str, lang: str, reference: str = "2024-06-01") -> list[tuple]:
    df = extract.find_events(text, lang=lang, reference=reference)
    return [(r.type, tuple(r.persons), r.org, r.role, r.date) for r in df.itertuples()]


@pytest.mark.parametrize("text, lang, want", [
    # the organization hiring, not the one of the post the person had (former …)
    ("Globex Inc has hired former Initech chief executive Dana Whitfield to lead its cloud unit.", "en",
     ("join", ("Dana Whitfield",), "Globex Inc", None, None)),
    # the organization a person returns to after "to"; the company left, not the one founded later
    ("Marcus Hale returned to Vandelay Industries as chief executive in November 2022.", "en",
     ("return", ("Marcus Hale",), "Vandelay Industries", "chief executive", "2022-11")),
    ("Initech co-founder Priya Raman left the company in 2019 to start Bluefin Labs.", "en",
     ("depart", ("Priya Raman",), "Initech", "co-founder", "2019")),
    # a future event's own date after the trigger, not the day it was announced
    ("Globex Inc said on Tuesday that its chief operating officer Dana Whitfield will retire at the end of the year.",
     "en", ("depart", ("Dana Whitfield",), "Globex Inc", "chief operating officer", "2024")),
    # German: where a move goes (zur X), not where it comes from; a name of several words after zum
    ("Anna Brenner wechselt von der Allianz zur Hansa Rück Versicherung.", "de",
     ("join", ("Anna Brenner",), "Hansa Rück Versicherung", None, None)),
    ("Jonas Albrecht kehrt zum FC Nordstadt Kiel zurück.", "de",
     ("return", ("Jonas Albrecht",), "FC Nordstadt Kiel", None, None)),
    # a verb-final separable verb in a subordinate clause; the organization of a compound post
    ("Am Dienstag wurde bekannt, dass Siemens-Chef Lukas Brandt zurücktritt.", "de",
     ("depart", ("Lukas Brandt",), "Siemens", "Chef", "2024-05-28")),
    # parting ways with someone: the person after "von" is dismissed; a legal form keeps its name
    ("Die Nordwerk AG trennt sich von Konzernchef Herbert Kessler.", "de",
     ("dismiss", ("Herbert Kessler",), "Nordwerk AG", "Konzernchef", None)),
    # a past-tense sentence: the Monday before the reference (a Saturday), not the one after
    ("Der Vorstand der Nordwerk AG hat am Montag Roland Kessler zum Vorstandschef ernannt.", "de",
     ("appoint", ("Roland Kessler",), "Nordwerk AG", "Vorstandschef", "2024-05-27")),
])
def test_events_latin_frames(text, lang, want):
    rows = _latin_rows(text, lang)
    assert want in rows, rows


@pytest.mark.parametrize("text, want", [
    # 公司 in a post refers back: the company named in the sentence, the post without it
    ("5月20日，中国移动公告，赵立新辞去公司董事长职务。", ("depart", ("赵立新",), "中国移动", "董事长")),
    # a former post before the name is not the post joined
    ("星河电子公司前总裁陈国华加盟南岭置业集团。", ("join", ("陈国华",), "南岭置业集团", None)),
])
def test_events_company_anaphor_and_former_posts(text, want):
    assert want in _rows(text), _rows(text)


def test_events_bare_year_end_and_name_before_cause():
    """年底 without a year is the reference year; 因 after a name is no part of it (徐雷因家庭原因)."""
    df = extract.find_events("京东方公司宣布，财务总监许明因个人原因将于年底离职。", lang="zh", reference="2024-06-01")
    assert [(r.type, tuple(r.persons), r.date) for r in df.itertuples()] == [("depart", ("许明",), "2024")]


@pytest.mark.parametrize("text, want", [
    # a cleft after a succession verb names the successor, who takes the post of the departure before
    ("星河科技公司周三宣布，首席技术官陈立明将离开公司。接替他的是原副总裁刘芳。",
     ("appoint", ("刘芳",), "星河科技公司", "首席技术官")),
    # a company name with a business suffix (资本) is an organization a person can leave
    ("2023年8月，赵明加入蓝海资本。今年3月，他离开蓝海资本。", ("depart", ("赵明",), "蓝海资本", None)),
    # 该公司 + a department before a post: the department is part of the post
    ("据悉，该公司人力资源总监孙蕾上周被解雇。", ("dismiss", ("孙蕾",), None, "人力资源总监")),
    # taking someone's place in a post: the one before 取代, not the predecessor; 联合 belongs to the post
    ("陈国华取代刘志伟成为北辰集团总裁。", ("appoint", ("陈国华",), "北辰集团", "总裁")),
    ("天成汽车联合创始人冯雪宣布离职。", ("depart", ("冯雪",), "天成汽车", "联合创始人")),
])
def test_events_successions_suffixes_and_posts(text, want):
    assert want in _rows(text), _rows(text)


@pytest.mark.parametrize("text, lang, want", [
    ("Dana Whitfield joined Globex Inc in 2004 and became chief executive in 2021.", "en",
     ("appoint", ("Dana Whitfield",), "Globex Inc", "chief executive", "2021")),
])
def test_events_became_a_post(text, lang, want):
    assert want in _latin_rows(text, lang), _latin_rows(text, lang)


def test_events_became_without_a_post_is_nothing():
    assert extract.find_events("Dana Whitfield became famous after the trial.", lang="en").empty
    assert extract.find_events("陈国华成为舆论焦点。", lang="zh").empty
    # a record or a ranking, not a post taken
    assert extract.find_events("陈国华被裁定罪成，成为首位被定罪的前行政总裁。", lang="zh").empty
    assert extract.find_events("Dana Whitfield became the first woman to lead the bank.", lang="en").empty


def test_events_successor_after_by_takes_the_post_left():
    text = ("Globex Inc said that its chief executive Martin Kroll will step down at the end of the month. "
            "Kroll will be succeeded by Elena Vasquez.")
    rows = _latin_rows(text, "en", reference="2025-03-04")
    assert ("depart", ("Martin Kroll",), "Globex Inc", "chief executive", "2025-03") in rows, rows
    assert ("appoint", ("Elena Vasquez",), "Globex Inc", "chief executive", "2025-03") in rows, rows


def test_events_german_institution_noun_is_enough_for_leaving():
    rows = _latin_rows("Vorstandschef Thomas Keller wird das Institut zum 30. Juni verlassen.", "de",
                       reference="2025-02-03")
    assert ("depart", ("Thomas Keller",), None, "Vorstandschef", "2025-06-30") in rows, rows


@pytest.mark.parametrize("text, want", [
    # a bureau whose name holds 及 is one unit; the predecessor leaves the post the successor takes
    ("特首今日宣布，委任陈大文为创新及科技局局长，接替辞职的林志强。",
     ("depart", ("林志强",), "创新及科技局", "创新及科技局局长")),
    ("特首今日宣布，委任陈大文为创新及科技局局长，接替辞职的林志强。",
     ("appoint", ("陈大文",), "创新及科技局", "创新及科技局局长")),
    # the official form of a posting: X同志任Y
    ("中共中央决定，赵立新同志任天津市委书记。", ("appoint", ("赵立新",), "天津市委", "书记")),
])
def test_events_bureaus_and_official_postings(text, want):
    assert want in _rows(text), _rows(text)


def test_events_persons_listed_after_including():
    rows = _latin_rows("Globex Inc fired its top executives, including CEO Dana Whitfield, after the takeover.", "en")
    assert ("dismiss", ("Dana Whitfield",), "Globex Inc", "CEO", None) in rows, rows
    zh = _rows("星河公司解雇了多名高管，包括首席财务官陈立明和法务总监刘芳。")
    assert any(r[0] == "dismiss" and set(r[1]) == {"陈立明", "刘芳"} for r in zh), zh


@pytest.mark.parametrize("text, want", [
    # a congratulation's day is not the day of the election it congratulates on
    ("央视网消息：11月21日，国家主席致电陈国华，祝贺他当选星河共和国总统。", (None,)),
    # an agent noun is a title: the sentence's date is another event's (his death), not the founding
    ("著名作家、《南岭日报》创办人陈国华今年10月30日逝世。", (None,)),
])
def test_events_dates_that_belong_to_something_else(text, want):
    df = extract.find_events(text, lang="zh", reference="2022-11-22")
    assert not df.empty and all(d is None for d in df["date"]), df[["type", "persons", "date"]]


@pytest.mark.parametrize("text, want", [
    # a title in 《》 right before a post or a founder noun names the organization
    ("著名作家、《南岭日报》创办人陈国华今年逝世。", ("found", ("陈国华",), "南岭日报", "创办人")),
    # 原 before an organization is "former", not part of its name; 排队 is no team
    ("原星河大学学者陈立明移居香港，出任《南岭日报》总编辑。", ("appoint", ("陈立明",), "南岭日报", "总编辑")),
    ("1992年7月9日，逾百人排队，陈国华接替刘志伟上任港督。", ("appoint", ("陈国华",), None, "港督")),
    # 委员 is a post
    ("会议任命王晓萍、赵立新为国家监委委员。", ("appoint", ("王晓萍",), "国家监委", "委员")),
])
def test_events_titled_orgs_and_posts(text, want):
    assert want in _rows(text), _rows(text)


@pytest.mark.parametrize("text", [
    "李明说教育要回归初心。",               # an abstract object, not an organization
    "北京不悦奥巴马的「重返亚太」战略。",     # a policy
    "结果特朗普只好重回谈判桌。",             # a metaphor
    "张超雄重返会议厅内，继续发言。",         # a room
])
def test_events_return_needs_an_organization_or_post(text):
    assert extract.find_events(text, lang="zh").empty, extract.find_events(text, lang="zh")


def test_events_return_to_an_organization_stays():
    assert ("return", ("王兴",), "美团", None) in _rows("2023年底，王兴重返美团董事会。")


@pytest.mark.parametrize("text, want", [
    # the name right before a patient trigger is the organization that hires or fires
    ("星河科技解雇了陈立明。", ("dismiss", ("陈立明",), "星河科技", None)),
    # a passive: the name before 被 is the person, and no organization is named
    ("陈立明被解雇。", ("dismiss", ("陈立明",), None, None)),
])
def test_events_patient_trigger_subject_is_the_organization(text, want):
    assert want in _rows(text), _rows(text)


@pytest.mark.parametrize("text, want", [
    # a name that opens a clause and announces is an organization, whatever jieba tags it
    ("优信宣布COO彭惟廉辞职。", ("depart", ("彭惟廉",), "优信", "COO")),
    ("华光电子昨日发布公告，聘任李建国为公司总经理。", ("appoint", ("李建国",), "华光电子", "总经理")),
    # a time phrase before 宣布 is none
    ("不过，自本月16日正式宣布后，陈立明获委任为局长。", ("appoint", ("陈立明",), None, "局长")),
])
def test_events_announcer_is_an_organization(text, want):
    assert want in _rows(text), _rows(text)


def test_events_date_of_another_verb_is_not_the_events():
    # the date belongs to 发表 in its own clause; the departure at the end is undated
    df = extract.find_events("梁振英在2014年1月发表报告时改变安排，做法一直持续至梁振英卸任。", lang="zh")
    assert [(r.type, r.date) for r in df.itertuples()] == [("depart", None)], df
    # a date in a clause of saying dates what is said
    df = extract.find_events("斯特凡丘克3日发文称，副总理陈立明递交了辞呈。", lang="zh", reference="2024-09-05")
    assert [(r.type, r.date) for r in df.itertuples()] == [("depart", "2024-09-03")], df


@pytest.mark.parametrize("text", [
    "王志伟的友人拍着他的肩膀陪同离开。",               # leaving the scene
    "张可欣让在场传媒拍照后离开，没有回应案件。",
    "保安员陈大文制止男童离开，并通知其家人。",
    "陈立明也是回归后首名做过财政司司长的官员。",        # 回归后 = since the Handover
])
def test_events_bare_leaving_without_decision_or_date_is_no_departure(text):
    assert [r for r in _rows(text) if r[1]] == [], _rows(text)


@pytest.mark.parametrize("text", [
    "张文华宣布离开，结束在公司八年的工作。",
    "李志明于2012年离开，前后约七年。",
    "赵小红已经离开《星报》，转投电视台。",
])
def test_events_bare_leaving_with_a_decision_a_date_or_a_quoted_name_is_a_departure(text):
    assert [r[0] for r in _rows(text)][:1] == ["depart"], _rows(text)


@pytest.mark.parametrize("text", [
    "王小明绝对无须为事件辞职。",                     # no need
    "王丽曾提及想退休，但舍不得离开医护岗位。",        # a wish and a reluctance
    "2020年，马亮结识了老乡马志东，萌发了回乡创业的念头。",   # an idea
    "贺文表示，并承诺将尽一切所能，协助陈大文当选主席。",   # a promise governs the clauses after it
])
def test_events_no_need_wishes_ideas_and_promises_are_no_event(text):
    assert [r for r in _rows(text) if r[1]] == [], _rows(text)


def test_events_with_others_is_no_comparison():
    rows = _rows("网上资料称，陈国华2017年与其他人共同成立顾问公司星河咨询。")
    assert rows and rows[0][0] == "found" and rows[0][1] == ("陈国华",), rows


@pytest.mark.parametrize("text, org", [
    # a party name jieba knows whole takes no noun or verb before it
    ("王大文于2015年曾代表新民党参选区议会，2016年退出新民党。", "新民党"),
    ("罗志明接任访问时民主党的主席。", "民主党"),
    # but proper nouns before it are part of it
    ("2019年，王小明加入中国共产党。", "中国共产党"),
])
def test_events_org_names_end_and_begin_on_word_edges(text, org):
    rows = _rows(text)
    assert rows and rows[-1][2] == org, rows


def test_events_leaving_a_party_is_no_organization_ending_in_its_suffix():
    rows = _rows("但她突然以党内处事不公退党，由党务副主席赵志信暂代主席。")
    assert all(r[2] is None or not r[2].endswith("退党") for r in rows), rows


@pytest.mark.parametrize("text, org", [
    # universities and councils by the short names news use
    ("王志立2002年起担任港大校长，任期八年。", "港大"),
    ("最终仅得张志雄一人当选立法会议员。", "立法会"),
    # a place before a well-known name is part of it; a verb before it is not
    ("何志明昨日辞任香港国泰航空行政总裁。", "香港国泰航空"),
    ("民航局指国泰航空存在问题，行政总裁何志明辞任。", "国泰航空"),
])
def test_events_well_known_short_names_and_what_stands_before_them(text, org):
    rows = _rows(text)
    assert rows and rows[-1][2] == org, rows


def test_events_article_focus_needs_the_headline_or_a_clear_lead(tmp_path):
    """An event with no organization of its own takes the one the article is about only when the
    headline names it or it is named far more often than any other: a council the story keeps
    mentioning is not the organization every resignation in it leaves."""
    import pandas as pd

    from extract.pipeline import run

    body = [
        "王大文去年当选立法会议员，立法会秘书处随即发出通知。",
        "张小明2016年加入立法会担任助理，其后转到民主党工作。",
        "李小华上月加入民主党。",
        "陈志强昨日辞职，原因未明。",
    ]
    for name, title, want in [("a", "议会风波持续", None), ("b", "立法会风波持续", "立法会")]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(_article([title, *body]), encoding="utf-8")
        run(tmp_path / name, tmp_path / f"out_{name}", quiet=True)
        ev = pd.read_parquet(tmp_path / f"out_{name}" / "events")
        dep = ev[ev["type"] == "depart"]
        assert len(dep) == 1, ev[["type", "org", "evidence"]]
        got = dep.iloc[0]["org"]
        assert (None if pd.isna(got) else got) == want, dep[["org", "evidence"]]


@pytest.mark.parametrize("text", [
    "李先生于是雇用工人把树修剪。",          # the employer is no one hired
    "陈大文赶出会议室的示威者。",
])
def test_events_the_doer_of_a_patient_trigger_is_not_its_person(text):
    assert [r for r in _rows(text) if r[1]] == [], _rows(text)


@pytest.mark.parametrize("text, person", [
    ("校长王大明免职。", "王大明"),                         # some triggers happen to the one before them
    ("医生李志明停职，接受调查。", "李志明"),
    ("王建国的任命受到国会严格审查。", "王建国"),            # the name that owns a noun use
    ("为了把 Maria Kowalski 从 Siemens 挖到 Bosch，双方闹翻了。", "Maria Kowalski"),   # 把 fronts a long name
])
def test_events_patient_of_a_trigger_before_it(text, person):
    rows = _rows(text)
    assert rows and person in rows[0][1], rows


@pytest.mark.parametrize("text, want", [
    # an organization signing a person: the person joins it
    ("北京时间8月27日，北京首钢篮球俱乐部正式签约美籍华裔球员林志豪。", ("join", ("林志豪",), "北京首钢篮球俱乐部", None)),
    # a person signing with an organization
    ("王大力签约星河传媒。", ("join", ("王大力",), "星河传媒", None)),
])
def test_events_signing_either_way(text, want):
    assert want[:3] in [r[:3] for r in _rows(text)], _rows(text)


def test_events_pronoun_opening_a_clause_is_the_sentence_subject():
    rows = _rows("首席法官王志明将于明年1月退休，并已知会特首陈大文，他将会于当日离任。")
    assert rows and all(r[1] == ("王志明",) for r in rows), rows


@pytest.mark.parametrize("text, persons", [
    # a founder title belongs to the name after it, not to the next items of a list of persons with
    # their own groups
    ("受审人士包括星河传媒创办人王大文、支联会主席李小明、民主党陈志强。", ("王大文",)),
    ("星河科技联合创办人王大文和李小明昨日宣布离职。", ("王大文", "李小明")),
])
def test_events_founder_title_takes_its_own_names(text, persons):
    rows = [r for r in _rows(text) if r[0] == "found"]
    assert rows and rows[0][1] == persons, rows
