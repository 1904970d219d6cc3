"""Stage 4c — events: case tables over sentences written for these tests (zh, de, en)."""
from __future__ import annotations

import re

import pytest

import extract
from extract import lexicon
from extract.events import find_events
from extract.model import EVENT_TYPES, DateMention, Mention, Sentence

_SPLIT = re.compile(r"(?<=[。！？!?])|(?<=[.;])\s+(?=[A-ZÄÖÜ])")


def _article(lines, persons, dates=(), lang="zh"):
    """Sentences, mentions and dates for a small article.

    ``persons``: {surface: person_key}; every occurrence of a surface is a mention (longest first).
    ``dates``: [(surface, value)]; every occurrence of a surface is a date mention.
    """
    text = "\n".join(lines)
    sents, pos = [], 0
    for n, line in enumerate(lines, 1):
        start = pos
        for piece in _SPLIT.split(line):
            if piece and piece.strip():
                a = line.find(piece.strip(), 0 if not sents or sents[-1].line_no != n else sents[-1].char_end - start)
                sents.append(Sentence(len(sents), piece.strip(), start + a, start + a + len(piece.strip()), n, "content"))
        pos += len(line) + 1

    def sid(a):
        return next(s.sentence_id for s in sents if s.char_start <= a < s.char_end)

    ments, taken = [], []
    for surf in sorted(persons, key=len, reverse=True):
        for m in re.finditer(re.escape(surf), text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append(m.span())
            ments.append(Mention(sid(m.start()), surf, m.start(), m.end(), persons[surf], "test"))
    dms = []
    for surf, value in dates:
        for m in re.finditer(re.escape(surf), text):
            dms.append(DateMention(sid(m.start()), surf, m.start(), m.end(), value, "date"))
    ments.sort(key=lambda m: m.char_start)
    dms.sort(key=lambda d: d.char_start)
    return text, sents, ments, dms


def _run(lines, persons, dates=(), lang="zh", reference="2024-06-30", **kw):
    text, sents, ments, dms = _article(lines, persons, dates, lang)
    return text, find_events(sents, ments, dms, lang, reference, **kw)


# (id, language, lines, persons, dates, expected events: (type, persons, org, role, date))
# org/role/date None in the expectation = not checked unless the key is given with "!" (must be None)
CASES = [
    ("zh-resign-role", "zh", ["董事会宣布，李明辞去首席执行官职务。"], {"李明": "李明"}, [],
     [("depart", ("李明",), None, "首席执行官", None)]),
    ("zh-passive-dismiss", "zh", ["王芳被董事会罢免。"], {"王芳": "王芳"}, [],
     [("dismiss", ("王芳",), None, None, None)]),
    ("zh-active-dismiss-object", "zh", ["星辰科技公司周一解雇了张伟。"], {"张伟": "张伟"}, [],
     [("dismiss", ("张伟",), "星辰科技公司", None, None)]),
    ("zh-succeed-not-predecessor", "zh", ["赵强接任刘洋成为首席科学家。"], {"赵强": "赵强", "刘洋": "刘洋"}, [],
     [("appoint", ("赵强",), None, "首席科学家", None)]),
    ("zh-joiners-not-announcer", "zh", ["华为总裁周杰宣布：陈晨和林涛将加入华为。"],
     {"周杰": "周杰", "陈晨": "陈晨", "林涛": "林涛"}, [],
     [("join", ("陈晨", "林涛"), "华为", None, None)]),
    ("zh-leave-then-join-dated", "zh", ["2023年3月，孙丽离开腾讯，加入阿里巴巴。"], {"孙丽": "孙丽"},
     [("2023年3月", "2023-03")],
     [("depart", ("孙丽",), "腾讯", None, "2023-03"), ("join", ("孙丽",), "阿里巴巴", None, "2023-03")]),
    ("zh-pronoun-previous-sentence", "zh", ["马骏是一位资深工程师。", "他于2019年加入微软。"], {"马骏": "马骏"},
     [("2019年", "2019")], [("join", ("马骏",), "微软", None, "2019")]),
    ("zh-relative-clause-head", "zh", ["加入字节跳动的韩雪曾公开批评前雇主。"], {"韩雪": "韩雪"}, [],
     [("join", ("韩雪",), "字节跳动", None, None)]),
    ("zh-cofounders", "zh", ["2015年，杜明与方芳共同创立了云帆公司。"], {"杜明": "杜明", "方芳": "方芳"},
     [("2015年", "2015")], [("found", ("杜明", "方芳"), "云帆公司", None, "2015")]),
    ("zh-sue", "zh", ["曹勇起诉了前雇主星辰集团。"], {"曹勇": "曹勇"}, [],
     [("sue", ("曹勇",), "星辰集团", None, None)]),
    ("zh-leave-until-not-date", "zh", ["总裁邓凯宣布休假至年底。"], {"邓凯": "邓凯"}, [("年底", "2024")],
     [("leave_of_absence", ("邓凯",), None, "总裁", "!")]),
    ("zh-fired-and-reinstated", "zh", ["作为总裁的罗斌被解雇后又迅速复职。"], {"罗斌": "罗斌"}, [],
     [("dismiss", ("罗斌",), None, "总裁", None), ("return", ("罗斌",), None, None, None)]),
    ("zh-acquisition-no-person", "zh", ["星河集团宣布收购蓝海科技公司。"], {}, [],
     [("merge", (), "蓝海科技公司", None, None)]),
    ("zh-list-header", "zh", ["此外，辞职的还有以下几位高管:", "何文，曾负责搜索业务", "许静，今年5月已离职"],
     {"何文": "何文", "许静": "许静"}, [("今年5月", "2024-05")],
     [("depart", ("何文",), None, None, None), ("depart", ("许静",), None, None, "2024-05")]),
    ("zh-timeline-heading", "zh", ["11月3日", "钱峰被任命为临时总裁。"], {"钱峰": "钱峰"}, [("11月3日", "2023-11-03")],
     [("appoint", ("钱峰",), None, "临时总裁", "2023-11-03")]),
    ("de-resign-dated", "de", ["Der Vorstandschef Klaus Berger ist am Montag zurückgetreten."], {"Klaus Berger": "Klaus Berger"},
     [("am Montag", "2024-06-24")], [("depart", ("Klaus Berger",), None, "Vorstandschef", "2024-06-24")]),
    ("de-active-dismiss-object", "de", ["Die Firma entließ Petra Schmidt."], {"Petra Schmidt": "Petra Schmidt"}, [],
     [("dismiss", ("Petra Schmidt",), None, None, None)]),
    ("de-passive-appoint", "de", ["Anna Keller wurde zur Präsidentin ernannt."], {"Anna Keller": "Anna Keller"}, [],
     [("appoint", ("Anna Keller",), None, "Präsidentin", None)]),
    ("de-separable-verb", "de", ["Jonas Weber trat im Mai als Chef zurück."], {"Jonas Weber": "Jonas Weber"},
     [("im Mai", "2024-05")], [("depart", ("Jonas Weber",), None, None, "2024-05")]),
    ("de-join-org", "de", ["Lena Vogt schließt sich Siemens an."], {"Lena Vogt": "Lena Vogt"}, [],
     [("join", ("Lena Vogt",), "Siemens", None, None)]),
    ("de-relative-clause", "de", ["Tom Fischer, der im Juni zurückgetreten war, schweigt."], {"Tom Fischer": "Tom Fischer"},
     [("im Juni", "2024-06")], [("depart", ("Tom Fischer",), None, None, "2024-06")]),
    ("de-sue", "de", ["Karl Lang hat Siemens verklagt."], {"Karl Lang": "Karl Lang"}, [],
     [("sue", ("Karl Lang",), "Siemens", None, None)]),
    ("de-leave", "de", ["Die Präsidentin Eva Brandt nimmt eine Auszeit."], {"Eva Brandt": "Eva Brandt"}, [],
     [("leave_of_absence", ("Eva Brandt",), None, "Präsidentin", None)]),
    ("en-fired-object", "en", ["Acme Corp fired its chief executive John Carter on Tuesday."], {"John Carter": "John Carter"},
     [("on Tuesday", "2024-06-25")], [("dismiss", ("John Carter",), "Acme Corp", "chief executive", "2024-06-25")]),
    ("en-passive-appoint", "en", ["Mary Lee was appointed CEO of Globex Inc."], {"Mary Lee": "Mary Lee"}, [],
     [("appoint", ("Mary Lee",), "Globex Inc", "CEO", None)]),
    ("en-joiners-not-speaker", "en", ["Microsoft CEO Dan Reed said Alice Wong and Bob Tran will join Microsoft."],
     {"Dan Reed": "Dan Reed", "Alice Wong": "Alice Wong", "Bob Tran": "Bob Tran"}, [],
     [("join", ("Alice Wong", "Bob Tran"), "Microsoft", None, None)]),
    ("en-relative-then-found", "en", ["David Stone, who resigned in March, later founded Northwind Labs."],
     {"David Stone": "David Stone"}, [("in March", "2024-03")],
     [("depart", ("David Stone",), None, None, "2024-03"), ("found", ("David Stone",), "Northwind Labs", None, None)]),
    ("en-sue", "en", ["Elena Ruiz sued Initech over unpaid wages."], {"Elena Ruiz": "Elena Ruiz"}, [],
     [("sue", ("Elena Ruiz",), "Initech", None, None)]),
    ("en-sabbatical", "en", ["President Omar Haddad is taking a sabbatical."], {"Omar Haddad": "Omar Haddad"}, [],
     [("leave_of_absence", ("Omar Haddad",), None, None, None)]),
    ("en-acquisition-no-person", "en", ["Initech acquired Globex Inc in 2020."], {}, [("in 2020", "2020")],
     [("merge", (), "Globex Inc", None, "2020")]),
]


@pytest.mark.parametrize("lang,lines,persons,dates,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_events_extracts_expected_rows(lang, lines, persons, dates, expected):
    text, events = _run(lines, persons, dates, lang)
    got = [(e.type, tuple(sorted(e.person_keys))) for e in events]
    assert sorted(got) == sorted((t, tuple(sorted(p))) for t, p, *_ in expected), events
    for typ, pers, org, role, date in expected:
        e = next(e for e in events if e.type == typ and sorted(e.person_keys) == sorted(pers))
        if org:
            assert e.org == org, e
        if role:
            assert e.role == role, e
        if date == "!":
            assert e.date is None, e
        elif date:
            assert e.date == date, e


NOT_EVENTS = [
    ("zh-denial", "zh", "吴磊否认将离职。", {"吴磊": "吴磊"}),
    ("zh-maybe", "zh", "郑华可能加入百度。", {"郑华": "郑华"}),
    ("zh-rumoured-plan", "zh", "据传冯刚计划辞职。", {"冯刚": "冯刚"}),
    ("zh-negated", "zh", "高层回应称，蒋涛并未离职。", {"蒋涛": "蒋涛"}),
    ("zh-expected-to-join", "zh", "沈阳预计将加入这家新企业。", {"沈阳": "沈阳"}),
    ("zh-attempt", "zh", "董事会试图说服韦东重返公司。", {"韦东": "韦东"}),
    ("zh-if", "zh", "如果秦岭辞职，公司将陷入混乱。", {"秦岭": "秦岭"}),
    ("zh-failed-return", "zh", "姚远回归失败。", {"姚远": "姚远"}),
    ("zh-new-committee-not-founding", "zh", "教授林森任职于新成立的委员会之前曾在大学工作。", {"林森": "林森"}),
    ("zh-contest-withdrawal", "zh", "崔浩因伤退出比赛。", {"崔浩": "崔浩"}),
    ("zh-no-person", "zh", "数十名员工宣布他们将离职。", {}),
    ("zh-leaving-a-building", "zh", "罗家豪离开警署时向支持者挥手。", {"罗家豪": "罗家豪"}),
    ("zh-leaving-the-moment", "zh", "庭审结束后，韩卓轩离开时没有回应提问。", {"韩卓轩": "韩卓轩"}),
    ("zh-guest-part-is-no-post", "zh", "歌手叶绮文担任颁奖嘉宾。", {"叶绮文": "叶绮文"}),
    ("zh-defendant-is-no-plaintiff", "zh", "前议员邓志强被控告刑事毁坏。", {"邓志强": "邓志强"}),
    ("zh-concession", "zh", "即使梁家栋当选，局面也难以改变。", {"梁家栋": "梁家栋"}),
    ("zh-demand-governs-later-clauses", "zh", "记协要求特首马颂文即时介入，成立独立调查委员会。", {"马颂文": "马颂文"}),
    ("zh-someone-unnamed", "zh", "区慧琳说，过往亦有人担任两三年后就离开有关岗位。", {"区慧琳": "区慧琳"}),
    ("zh-handover", "zh", "1997年回归后，冯启明一直在政府任职。", {"冯启明": "冯启明"}),
    ("zh-comparison", "zh", "邝伟文说，留下比离开需要更大勇气。", {"邝伟文": "邝伟文"}),
    ("zh-helm-metaphor", "zh", "何振邦领航掌舵，推动改革。", {"何振邦": "何振邦"}),
    ("zh-a-theory-is-no-founding", "zh", "这一理论是周建国创立的。", {"周建国": "周建国"}),
    ("zh-conviction-is-no-founding", "zh", "法官宣判成立袭击罪，被告郑子豪须即时还押。", {"郑子豪": "郑子豪"}),
    ("zh-retirement-as-a-topic", "zh", "周立新多次就退休保障问题发言。", {"周立新": "周立新"}),
    ("zh-not-necessarily", "zh", "罗婉仪说高票当选不一定代表有公信力。", {"罗婉仪": "罗婉仪"}),
    ("de-negated", "de", "Markus Brandt ist nicht zurückgetreten.", {"Markus Brandt": "Markus Brandt"}),
    ("de-reportedly", "de", "Sabine Roth soll Siemens verlassen.", {"Sabine Roth": "Sabine Roth"}),
    ("de-could", "de", "Paul Kern könnte zurücktreten.", {"Paul Kern": "Paul Kern"}),
    ("de-possible-successor", "de", "Sie gilt als mögliche Nachfolgerin von Erwin Pröll.", {"Erwin Pröll": "Erwin Pröll"}),
    ("de-left-the-building", "de", "Manfred Haider verließ nach zwei Stunden das Gebäude.", {"Manfred Haider": "Manfred Haider"}),
    ("de-journey-home", "de", "Hannes Brunner freut sich auf die Rückkehr nach Europa.", {"Hannes Brunner": "Hannes Brunner"}),
    ("de-not-ruled-out", "de", "Anton Berger schloss nicht aus, den Verband zu verklagen.", {"Anton Berger": "Anton Berger"}),
    ("en-denied", "en", "Peter Hall denied that he would resign.", {"Peter Hall": "Peter Hall"}),
    ("en-may", "en", "Sara Kim may join Google.", {"Sara Kim": "Sara Kim"}),
    ("en-plans", "en", "Rita Moss reportedly plans to step down.", {"Rita Moss": "Rita Moss"}),
    ("en-not", "en", "Ian Cole did not resign.", {"Ian Cole": "Ian Cole"}),
]


@pytest.mark.parametrize("lang,sentence,persons", [c[1:] for c in NOT_EVENTS], ids=[c[0] for c in NOT_EVENTS])
def test_events_skip_negation_hypothesis_plan(lang, sentence, persons):
    _, events = _run([sentence], persons, lang=lang)
    assert events == []


MERGES = [
    ("zh", ["周五，黄河辞职。", "黄河的辞职令投资人意外。", "黄河此前已加入星辰集团。"], {"黄河": "黄河"},
     [("周五", "2024-06-28")], {"depart": "2024-06-28", "join": None}),
    ("de", ["Olaf Berg ist zurückgetreten.", "Bergs Rücktritt kam am Freitag überraschend."],
     {"Olaf Berg": "Olaf Berg", "Bergs": "Olaf Berg"}, [("am Freitag", "2024-06-28")], {"depart": "2024-06-28"}),
    ("en", ["Linda Park resigned from Initech.", "Park's resignation on Friday surprised investors."],
     {"Linda Park": "Linda Park", "Park": "Linda Park"}, [("on Friday", "2024-06-28")], {"depart": "2024-06-28"}),
]


@pytest.mark.parametrize("lang,lines,persons,dates,want", MERGES, ids=[m[0] for m in MERGES])
def test_events_merge_repeated_statements(lang, lines, persons, dates, want):
    _, events = _run(lines, persons, dates, lang)
    assert sorted(e.type for e in events) == sorted(want)
    for e in events:
        assert e.date == want[e.type]


def test_events_keep_distinct_moves_apart():
    _, events = _run(["2019年，邱实加入微软。", "2022年，邱实加入谷歌。"], {"邱实": "邱实"},
                     [("2019年", "2019"), ("2022年", "2022")])
    assert sorted((e.org, e.date) for e in events) == [("微软", "2019"), ("谷歌", "2022")]


def test_events_split_individual_departures_keep_joint_acts_together():
    _, events = _run(["5月，安宁和白露先后辞职。", "董事会开除了方圆和石磊。"],
                     {"安宁": "安宁", "白露": "白露", "方圆": "方圆", "石磊": "石磊"}, [("5月", "2024-05")])
    departs = sorted(e.person_keys for e in events if e.type == "depart")
    assert departs == [("安宁",), ("白露",)]
    assert [sorted(e.person_keys) for e in events if e.type == "dismiss"] == [["方圆", "石磊"]]


@pytest.mark.parametrize("sentence,want", [
    ("湖人队宣布签下一名新后卫。", "join"),
    ("该公司首席执行官昨日宣布辞职。", "depart"),
    ("两名官员因失职被停职。", "leave_of_absence"),
    ("检察院对两名嫌疑人提起公诉。", "sue"),
])
def test_events_sentence_typing_without_persons(sentence, want):
    _, events = _run([sentence], {}, require_person=False)
    assert want in {e.type for e in events}
    _, strict = _run([sentence], {})
    assert want not in {e.type for e in strict}


def test_events_records_are_well_formed():
    text, events = _run(["2023年3月，孙丽离开腾讯，加入阿里巴巴。", "马骏是一位资深工程师。", "他于2019年加入微软。"],
                        {"孙丽": "孙丽", "马骏": "马骏"}, [("2023年3月", "2023-03"), ("2019年", "2019")])
    assert len({e.event_id for e in events}) == len(events) == 3
    for e in events:
        assert e.type in EVENT_TYPES
        assert text[e.char_start:e.char_end] == e.trigger
        assert e.trigger in e.evidence


def test_events_only_body_sentences():
    text = "李明辞职。"
    sents = [Sentence(0, text, 0, len(text), 1, "meta")]
    ments = [Mention(0, "李明", 0, 2, "李明", "test")]
    assert find_events(sents, ments, [], "zh", None) == []


def test_events_type_map_covers_every_type():
    rows = lexicon.rows("event_types_map.txt", 3, 3)
    assert sorted(r[0] for r in rows) == sorted(EVENT_TYPES)
    for lang in ("zh", "de", "en"):
        for row in lexicon.rows(f"events_triggers_{lang}.txt", 3, 4):
            assert all(t in EVENT_TYPES for t in row[1].split("/")), row


# (id, language, lines, persons, dates, expected events) — date attachment, one event told with two
# triggers, general vocabulary (acting posts, returns, moves), subjects next to predecessors/founders
CASES_2 = [
    ("zh-background-year-own-trigger", "zh", ["何平于2019年加入星辰集团，今日宣布离职。"], {"何平": "何平"},
     [("2019年", "2019"), ("今日", "2024-06-30")],
     [("join", ("何平",), None, None, "2019"), ("depart", ("何平",), None, None, "2024-06-30")]),
    ("zh-earlier-clause-date-not-shared", "zh", ["罗兰于2021年从云帆公司跳槽至星辰集团，此次离职后将回任云帆公司，担任副总裁。"],
     {"罗兰": "罗兰"}, [("2021年", "2021")],
     [("join", ("罗兰",), None, None, "2021"), ("depart", ("罗兰",), None, None, "!"),
      ("return", ("罗兰",), None, "副总裁", "!")]),
    ("zh-topic-date-shared", "zh", ["2023年3月孙丽离开腾讯，加入阿里巴巴。"], {"孙丽": "孙丽"}, [("2023年3月", "2023-03")],
     [("depart", ("孙丽",), None, None, "2023-03"), ("join", ("孙丽",), None, None, "2023-03")]),
    ("zh-join-then-post-one-event", "zh", ["梁伟下周将加盟对手宝德金融，出任营运总裁。"], {"梁伟": "梁伟"}, [("下周", "2024-W27")],
     [("join", ("梁伟",), None, "营运总裁", "2024-W27")]),
    ("zh-return-to-post", "zh", ["董事会宣布何远重新出任首席执行官，接替因病辞职的彭华。"], {"何远": "何远", "彭华": "彭华"}, [],
     [("return", ("何远",), None, "首席执行官", None), ("depart", ("彭华",), None, None, None)]),
    ("zh-hk-appoint-acting", "zh", ["董事会已委任财务总监区欣暂代行政总裁一职。"], {"区欣": "区欣"}, [],
     [("appoint", ("区欣",), None, None, None)]),
    ("zh-acting-by", "zh", ["其职责暂由研发总监吴言代理。"], {"吴言": "吴言"}, [], [("appoint", ("吴言",), None, None, None)]),
    ("zh-transfer-post", "zh", ["现任CEO张新则将卸任，转任董事会副主席。"], {"张新": "张新"}, [],
     [("depart", ("张新",), None, None, None), ("appoint", ("张新",), None, "董事会副主席", None)]),
    ("zh-comeback-post", "zh", ["前副总经理蔡珊将回任公司，并接任总经理一职。"], {"蔡珊": "蔡珊"}, [],
     [("return", ("蔡珊",), None, None, None), ("appoint", ("蔡珊",), None, "总经理", None)]),
    ("zh-same-time-date", "zh", ["4月17日，董事会决议将总经理吴宏解职。", "董事会同时宣布，蔡珊将接任总经理。"],
     {"吴宏": "吴宏", "蔡珊": "蔡珊"}, [("4月17日", "2024-04-17")],
     [("dismiss", ("吴宏",), None, None, "2024-04-17"), ("appoint", ("蔡珊",), None, None, "2024-04-17")]),
    ("zh-letter-then-departure", "zh", ["梁豪上个月已递交辞职信。", "今日，梁豪正式辞职。"], {"梁豪": "梁豪"},
     [("上个月", "2024-05"), ("今日", "2024-06-30")], [("depart", ("梁豪",), None, None, "2024-06-30")]),
    ("zh-cofounder-with", "zh", ["孙悦是三位创始人之一，2017年与李东共同创立远驰。"], {"孙悦": "孙悦", "李东": "李东"},
     [("2017年", "2017")], [("found", ("孙悦", "李东"), None, None, "2017")]),
    ("zh-acting-title-not-event", "zh", ["会后，代理董事长林玲表示公司运营正常。"], {"林玲": "林玲"}, [], []),
    ("de-took-over-from-founder", "de", ["Kurt Lenz hatte den Vorsitz vor drei Jahren von Firmengründer Otto Brenner übernommen."],
     {"Kurt Lenz": "Kurt Lenz", "Otto Brenner": "Otto Brenner"}, [("vor drei Jahren", "2021")],
     [("appoint", ("Kurt Lenz",), None, None, "2021")]),
    ("de-verb-second-subject", "de", ["Kommissarisch übernimmt Produktionsvorstand Eva Kühn die Führung."], {"Eva Kühn": "Eva Kühn"}, [],
     [("appoint", ("Eva Kühn",), None, None, None)]),
    ("de-predecessor-not-subject", "de", ["Die Nachfolge von Max Huber wird von der Zentrale übernommen."], {"Max Huber": "Max Huber"}, [], []),
    ("de-moved-to", "de", ["Tom Albers war im Oktober von der Kessler AG zu Brenner gewechselt."],
     {"Tom Albers": "Tom Albers", "Brenner": "Otto Brenner"}, [("im Oktober", "2023-10")],
     [("join", ("Tom Albers",), None, None, "2023-10")]),
    ("de-appointed-berief", "de", ["Der Aufsichtsrat berief Clara Mein zur Vorstandsvorsitzenden."], {"Clara Mein": "Clara Mein"}, [],
     [("appoint", ("Clara Mein",), None, None, None)]),
    ("de-brought-back", "de", ["Die Gründerin Nina Bruck hat den früheren Technikchef Felix Amm zurückgeholt."],
     {"Nina Bruck": "Nina Bruck", "Felix Amm": "Felix Amm"}, [], [("return", ("Felix Amm",), None, None, None)]),
    ("de-retires-subclause", "de", ["Sie folgt auf Hans Vogt, der in den Ruhestand geht."], {"Hans Vogt": "Hans Vogt"}, [],
     [("depart", ("Hans Vogt",), None, None, None)]),
    ("de-left-the-company", "de", ["Paul Amm hatte das Unternehmen 2022 verlassen."], {"Paul Amm": "Paul Amm"}, [("2022", "2022")],
     [("depart", ("Paul Amm",), None, None, "2022")]),
    ("de-announced-not-quit", "de", ["Gleichzeitig kündigte Präsident Greg Brand auch an, dass er Urlaub nehme."],
     {"Greg Brand": "Greg Brand"}, [], [("leave_of_absence", ("Greg Brand",), None, None, None)]),
    ("en-relative-clause-year-not-main-event", "en", ["Glen Moss, who founded Brightwater in 2004, stepped down after two decades."],
     {"Glen Moss": "Glen Moss"}, [("in 2004", "2004")],
     [("found", ("Glen Moss",), None, None, "2004"), ("depart", ("Glen Moss",), None, None, "!")]),
    ("en-date-after-own-trigger", "en", ["Priya Rao, who joined the company in 2021, was appointed chief financial officer on Thursday."],
     {"Priya Rao": "Priya Rao"}, [("in 2021", "2021"), ("on Thursday", "2024-06-27")],
     [("join", ("Priya Rao",), None, None, "2021"), ("appoint", ("Priya Rao",), None, None, "2024-06-27")]),
    ("en-takes-over-from", "en", ["Elaine Wood takes over from co-founder Martin Gray."], {"Elaine Wood": "Elaine Wood", "Martin Gray": "Martin Gray"},
     [], [("appoint", ("Elaine Wood",), None, None, None)]),
    ("en-stepped-aside", "en", ["Founder Ray Cole stepped aside on Monday."], {"Ray Cole": "Ray Cole"}, [("on Monday", "2024-06-24")],
     [("depart", ("Ray Cole",), None, None, "2024-06-24")]),
    # 于是 goes on from the paragraph before: its date, across the line break; a new paragraph without it does not
    ("zh-sequel-takes-the-paragraph-before", "zh", ["2019年，公司与创始人周明的分歧公开化。", "于是，周明带着团队离开了星河科技。"],
     {"周明": "周明"}, [("2019年", "2019")], [("depart", ("周明",), "星河科技", None, "2019")]),
    ("zh-new-paragraph-keeps-no-date", "zh", ["2019年，公司与创始人周明的分歧公开化。", "周明后来离开了星河科技。"],
     {"周明": "周明"}, [("2019年", "2019")], [("depart", ("周明",), "星河科技", None, "!")]),
    # a line ending in a colon introduces the next one: its date goes on across the line break
    ("zh-colon-line-introduces-the-next", "zh", ["2019年，星河科技爆发了一场董事会风波：", "总经理周明突然被解雇。"],
     {"周明": "周明"}, [("2019年", "2019")], [("dismiss", ("周明",), None, "总经理", "2019")]),
    ("zh-full-stop-line-does-not", "zh", ["2019年，星河科技爆发了一场董事会风波。", "总经理周明突然被解雇。"],
     {"周明": "周明"}, [("2019年", "2019")], [("dismiss", ("周明",), None, "总经理", "!")]),
    # an age dates the event, not the paragraph's date
    ("zh-age-is-its-own-time", "zh", ["2016年，罗家俊在奥运会取得第八名。他15岁就正式加入香港队。"], {"罗家俊": "罗家俊"},
     [("2016年", "2016")], [("join", ("罗家俊",), "香港队", None, "!")]),
    # the last day in a post is a departure from it
    ("zh-last-day-in-post", "zh", ["孙丽说，5月17日是她担任星河科技首席技术官的最后一天。"], {"孙丽": "孙丽"},
     [("5月17日", "2024-05-17")], [("depart", ("孙丽",), "星河科技", None, "2024-05-17")]),
    # a group that resigned, and the members the next clause names, each with their own title
    ("zh-group-including-members", "zh", ["公司多名高管近期相继离职，其中包括首席财务官李强和技术总监王建国。"],
     {"李强": "李强", "王建国": "王建国"}, [],
     [("depart", ("李强",), None, "首席财务官", None), ("depart", ("王建国",), None, "技术总监", None)]),
]


@pytest.mark.parametrize("lang,lines,persons,dates,expected", [c[1:] for c in CASES_2], ids=[c[0] for c in CASES_2])
def test_events_dates_triggers_and_subjects(lang, lines, persons, dates, expected):
    test_events_extracts_expected_rows(lang, lines, persons, dates, expected)


@pytest.mark.parametrize("text, lang, types", [
    pytest.param("Der Präsident Klaus Berger ist aus persönlichen Gründen zurückgetreten.", "de", ["depart"], id="de-gruenden-is-no-founding"),
    pytest.param("交通部成立不到两年，部长王立群就已离职。", "zh", ["depart"], id="zh-org-founded-time-clause"),
    # 加入 a thing into another (a clause into a law, a segment into a show) is no one joining
    pytest.param("议员周明成功争取在条例中加入保障专业自主的条文。", "zh", [], id="zh-join-a-thing"),
    pytest.param("议员周明去年加入民主党。", "zh", ["join"], id="zh-join-a-party"),
    pytest.param("Zudem kehrt der frühere Sportdirektor Jonas Keller als Leiter der Jugendabteilung zurück.", "de", ["return"], id="de-long-separable-gap"),
    pytest.param("She filed suit alleging she was fired by Tom Baker.", "en", ["sue"], id="en-allegation-not-a-fact"),
])
def test_events_general_pitfalls(text, lang, types):
    import extract

    assert sorted(extract.find_events(text, lang=lang)["type"].tolist()) == types


@pytest.mark.parametrize("text, lang, types", [
    pytest.param("Der Manager Peter Brandl bestreitet die Vorwürfe und hat Klage gegen den Verein eingereicht.", "de", ["sue"],
                 id="de-denial-then-lawsuit"),
    pytest.param("He denied the report and did not resign.", "en", [], id="en-negated-in-its-own-clause"),
    pytest.param("李明否认传闻，并宣布辞职。", "zh", ["depart"], id="zh-denial-then-resignation"),
])
def test_events_negation_stays_in_its_clause(text, lang, types):
    import extract

    assert sorted(extract.find_events(text, lang=lang)["type"].tolist()) == types


@pytest.mark.parametrize("text, lang, org", [
    ("Max Brandauer verlässt Harlow Logistics.", "de", "Harlow Logistics"),     # an `end` word of orgs.txt
    ("近日宏川电气（833832）发公告称，副总经理易伟明辞职。", "zh", "宏川电气"),        # a listed company's stock code
    ("何佩珊在2010年创立文化交流机构「乒乓策划」。", "zh", "乒乓策划"),               # a quoted name after its kind
    ("6月27日，锦城饭店（601999）财务负责人孔文进辞职。", "zh", "锦城饭店"),
    ("Greta Holm joined Nordvik Pharmaceuticals in May.", "en", "Nordvik Pharmaceuticals"),
    # a headline's opening words as the company, where jieba cuts its name into a verb or adjective
    ("锐达科技董事孙立平辞职，不再担任公司任何职务。", "zh", "锐达科技"),
    ("768金融CTO王海涛离职。", "zh", "768金融"),
    ("官方：格罗宁根主帅范德林登辞职", "zh", "格罗宁根"),
])
def test_events_org_from_the_shared_org_lexicon(text, lang, org):
    import extract

    found = extract.find_events(text, lang=lang)
    assert list(found.org) == [org]


@pytest.mark.parametrize("lines,persons,want", [
    pytest.param(["韩国总统金英植表示，祝贺您再次当选国家主席。"], {"金英植": "金英植"}, [],
                 id="congratulating-you-is-not-the-congratulators-election"),
    pytest.param(["在梁振英年代担任中央政策组顾问的王卓祺表示不满。"], {"梁振英": "梁振英", "王卓祺": "王卓祺"},
                 [("appoint", ("王卓祺",))], id="a-name-in-a-time-frame-is-no-subject"),
    pytest.param(["董建华当年委任我为顾问。"], {"董建华": "董建华"}, [], id="appointed-me-is-not-the-appointer"),
])
def test_events_subject_is_the_person_of_the_trigger(lines, persons, want):
    _, events = _run(lines, persons)
    assert [(e.type, tuple(e.person_keys)) for e in events if e.person_keys] == want


def test_a_ship_named_after_a_person_is_no_person():
    import extract

    found = extract.find_persons("美军“罗斯福”号航母离开红海，“艾森豪威尔”号将前往接替。", lang="zh")
    assert found.empty



@pytest.mark.parametrize("text,lang,want", [
    pytest.param("Julia Frank wechselt im Sommer zu Bayer.", "de", ("join", ["Julia Frank"], "Bayer", None),
                 id="de-gapped-wechselt-zu"),
    pytest.param("Peter Maier folgt auf Hans Weber als Vorstandschef von BASF.", "de",
                 ("appoint", ["Peter Maier"], "BASF", "Vorstandschef"), id="de-folgt-auf"),
    pytest.param("Die Deutsche Bank hat Anna Roth zur neuen Finanzchefin ernannt.", "de",
                 ("appoint", ["Anna Roth"], "Deutsche Bank", "Finanzchefin"), id="de-compound-post-whole"),
    pytest.param("Google has hired Sarah Lin as its new chief financial officer.", "en",
                 ("join", ["Sarah Lin"], "Google", "chief financial officer"), id="en-hired-as"),
    pytest.param("Mark Davis is joining Microsoft as head of AI research.", "en",
                 ("join", ["Mark Davis"], "Microsoft", "head of AI research"), id="en-head-of-unit"),
    # a noun trigger names whose event it is with von/des/of, not the subject of the clause
    pytest.param("Nach dem Weggang von Anna Keller übernahm Jonas Brandt die Leitung.", "de",
                 ("depart", ["Anna Keller"], None, None), id="de-weggang-von"),
    pytest.param("Seit dem Rücktritt des Vorstandschefs Peter Wolf sucht der Konzern einen Nachfolger.", "de",
                 ("depart", ["Peter Wolf"], None, None), id="de-ruecktritt-des"),
    pytest.param("After the resignation of John Miller, the board appointed Sarah Lee.", "en",
                 ("depart", ["John Miller"], None, None), id="en-resignation-of"),
])
def test_events_german_and_english_frames(text, lang, want):
    import extract

    rows = extract.find_events(text, lang=lang)
    got = [(r.type, list(r.persons), r.org, None if r.role != r.role else r.role) for r in rows.itertuples()]
    assert want in got


@pytest.mark.parametrize("text", [
    "宣布董事孙立平辞职。",            # a verb of the dictionary opens the clause
    "昨晚董事孙立平辞职。",            # a time word
    "据报道，资深董事孙立平辞职。",     # a modifier of the post
    "众新闻向校方发言人查询孙立平何时辞职。",
])
def test_events_no_org_from_a_clause_opening_that_is_no_name(text):
    import extract

    found = extract.find_events(text, lang="zh")
    assert [o for o in found.org if o] == []


def test_events_org_of_another_post_is_not_the_events():
    # the dismissal names her post (行政总裁) without its organization; the organization she is named
    # with elsewhere is that of another post (光明基金会理事长), not the one she was dismissed from
    text = ("星河科技再陷风波\n行政总裁孙丽昨日突然被解雇。\n"
            "光明基金会理事长孙丽早年曾在多所大学任教，2015年加入星河科技。\n星河科技表示，公司运营一切正常。")
    got = extract.find_events(text, lang="zh", reference="2024-06-28")
    row = got[got["type"] == "dismiss"].iloc[0]
    assert row["role"] == "行政总裁" and row["org"] != "光明基金会"
    # named with the same post elsewhere, that post's organization stays the event's
    text2 = text.replace("光明基金会理事长孙丽", "光明基金会行政总裁孙丽")
    got2 = extract.find_events(text2, lang="zh", reference="2024-06-28")
    assert got2[got2["type"] == "dismiss"].iloc[0]["org"] == "光明基金会"


def test_events_a_titled_subject_is_not_the_speaker():
    # the one elected is the new supreme leader the clause names, not the president who speaks
    got = extract.find_events("总统王明今天表示，新任最高领袖当选体现了团结的决心。", lang="zh", reference="2026-03-09")
    assert [list(p) for p in got["persons"]] == [[]]


def test_events_founder_of_a_short_named_group_and_a_plan_of_forming():
    # 壹传媒创办人: the founder title names its group (orgs.txt), not another group of the list
    got = extract.find_events("被告包括民主党创党主席李大文、壹传媒创办人陈志强等人。", lang="zh")
    assert got[got["type"] == "found"]["org"].tolist() == ["壹传媒"]
    # 组建方案: a plan of forming a government, no one founding anything (events_cues blocker)
    assert extract.find_events("总统批准了候任总理王明提交的新政府组建方案。", lang="zh").empty


def test_events_a_meetings_decisions_take_its_day():
    # the meeting's day is told in the lead; its decisions come lines later, undated
    text = ("市人大常委会第十次会议28日上午闭幕。\n会议听取了有关工作报告。\n会议表决通过了多项决议。\n"
            "会议经表决，免去周明的市财政局局长职务。任命王强为市财政局局长。")
    got = extract.find_events(text, lang="zh", reference="2024-06-28")
    assert sorted((r.type, tuple(r.persons), r.date) for r in got.itertuples()) == [
        ("appoint", ("王强",), "2024-06-28"), ("dismiss", ("周明",), "2024-06-28")]
