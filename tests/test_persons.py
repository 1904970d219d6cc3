"""Stage 4a/5 — persons: mentions in one article (offsets, in-article clustering) and run-level linking.

Every text here is written for these tests; the people and companies in it are invented.
Mentions are found without the trained model (``use_model=False``) so the rules are tested alone;
one small test at the end uses the model when it is shipped.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract import _analyse, normalize, segment
from extract.model import CleanArticle, Line, Mention
from extract.persons import add_run_aliases, find_mentions, link_persons, person_id
from extract.persons import recognizer as person_model
from extract.persons.names import article_bound, untagged


@lru_cache(maxsize=None)
def _found(text: str, lang: str) -> tuple[str, tuple[Mention, ...]]:
    """The normalized text of ``text`` as one article and its mentions (rules only)."""
    norm, sentences, tokens, _ = _analyse(text, lang)
    return norm.text, tuple(find_mentions(sentences, tokens, lang, use_model=False))


def _mentions(text: str, lang: str) -> list[Mention]:
    return list(_found(text, lang)[1])


def _keys_of(mentions, surface: str) -> set[str]:
    return {m.person_key for m in mentions if m.text == surface}


def _key(mentions, surface: str) -> str:
    keys = _keys_of(mentions, surface)
    assert len(keys) == 1, f"{surface!r} should be exactly one person, got {keys} in {mentions}"
    return keys.pop()


# ------------------------------------------------------------------ one article: what is found

@pytest.mark.parametrize("text, names", [
    pytest.param("星河科技CEO Dorian Kessel周二宣布新计划。", ["Dorian Kessel"], id="title-before"),
    pytest.param("据报道，Helga Brandauer周二宣布辞职。", ["Helga Brandauer"], id="given-name-first"),
    pytest.param("Dorian Kessel表示，公司将继续投资。", ["Dorian Kessel"], id="verb-of-saying-after"),
    pytest.param("星河科技CEO Dorian Kessel周二宣布新计划，Helga Brandauer随后表示支持。",
                 ["Dorian Kessel", "Helga Brandauer"], id="two-people"),
])
def test_persons_latin_full_name_in_chinese_text(text, names):
    norm_text, mentions = _found(text, "zh")
    assert norm_text == text
    expected = [(n, text.index(n), text.index(n) + len(n)) for n in names]
    assert [(m.text, m.char_start, m.char_end) for m in mentions] == expected
    assert [m.person_key for m in mentions] == names


@pytest.mark.parametrize("lang, text, full, surname", [
    pytest.param("zh", "据报道，Helga Brandauer周二宣布辞职。Brandauer表示将休息一段时间。",
                 "Helga Brandauer", "Brandauer", id="zh"),
    pytest.param("de", "Die Firma von Lukas Brandauer wächst. Später sagte Brandauer, er sei zufrieden.",
                 "Lukas Brandauer", "Brandauer", id="de"),
    pytest.param("en", "OpenAI said on Monday that Nora Whitcombe would join. Whitcombe said she was thrilled.",
                 "Nora Whitcombe", "Whitcombe", id="en"),
])
def test_persons_lone_surname_joins_full_name(lang, text, full, surname):
    mentions = _mentions(text, lang)
    assert _key(mentions, surname) == _key(mentions, full) == full
    assert len({m.person_key for m in mentions}) == 1


@pytest.mark.parametrize("text, full, genitive", [
    pytest.param("Anna Müller leitet das Labor. Müllers Team wuchs im Sommer.", "Anna Müller", "Müllers", id="umlaut"),
    pytest.param("Die Firma von Lukas Brandauer wächst. Brandauers Firma beschäftigt nun 300 Leute.",
                 "Lukas Brandauer", "Brandauers", id="plain"),
])
def test_persons_genitive_joins_full_name(text, full, genitive):
    mentions = _mentions(text, "de")
    assert _key(mentions, genitive) == _key(mentions, full)


@pytest.mark.parametrize("text, chinese, latin", [
    pytest.param("阿特韦尔（Tom Attwell）周一表示，公司将裁员。阿特韦尔说这是必要的。", "阿特韦尔", "Tom Attwell",
                 id="full-width-parens"),
    pytest.param("科瓦尔斯基(Marta Kowalski)周一宣布离职。科瓦尔斯基称将创业。", "科瓦尔斯基", "Marta Kowalski",
                 id="ascii-parens"),
    pytest.param("布兰多尔（Lukas Brandauer）周一表示，公司将裁员。", "布兰多尔", "Lukas Brandauer", id="once"),
])
def test_persons_gloss_joins_chinese_and_latin(text, chinese, latin):
    mentions = _mentions(text, "zh")
    assert _key(mentions, chinese) == _key(mentions, latin) == latin
    g = text.index(latin)
    assert any((m.char_start, m.char_end) == (g, g + len(latin)) for m in mentions)


@pytest.mark.parametrize("text, full, short", [
    pytest.param("约翰·史密斯昨天抵达上海。史密斯表示此行是为了谈判。", "约翰·史密斯", "史密斯", id="john-smith"),
    pytest.param("艾米莉·布兰多尔昨天抵达北京。布兰多尔表示此行是为了签约。", "艾米莉·布兰多尔", "布兰多尔", id="emily"),
    pytest.param("安娜·卡琳娜上周离开公司。据悉，卡琳娜将加入一家初创企业。", "安娜·卡琳娜", "卡琳娜", id="anna"),
])
def test_persons_dotted_name_and_its_last_part_are_one_person(text, full, short):
    mentions = _mentions(text, "zh")
    assert _key(mentions, full) == _key(mentions, short) == full
    assert [m.text for m in mentions] == [full, short]


def test_persons_dotted_name_keeps_whole_first_word():
    mentions = _mentions("玛丽亚·科瓦尔斯基昨天抵达北京。科瓦尔斯基表示此行是为了签约。", "zh")
    assert mentions[0].text == "玛丽亚·科瓦尔斯基"


@pytest.mark.parametrize("lang, text, persons", [
    pytest.param("zh", "OpenAI和Google DeepMind都在研究大模型。", [], id="zh-org-product"),
    pytest.param("zh", "伊朗和俄罗斯也在关注此事。伊朗表示将回应。", [], id="zh-places"),
    pytest.param("de", "Die Harlow Logistics meldet Gewinne. Harlow Logistics beschäftigt 300 Leute.", [],
                 id="de-org-words"),
    pytest.param("de", "Die Brenner Hydraulik AG meldet Gewinne.", [], id="de-ag"),
    pytest.param("de", "Österreich will mehr Geld. Österreich bleibt hart, Österreich sagt nein.", [], id="de-country"),
    pytest.param("de", "Lukas Brandauer verlässt die Harlow Logistics.", ["Lukas Brandauer"], id="de-person-and-org"),
    pytest.param("de", "Die Brenner Hydraulik AG ernennt Lukas Brandauer zum Chef.", ["Lukas Brandauer"],
                 id="de-org-then-person"),
    pytest.param("en", "OpenAI said on Monday that Google DeepMind had hired Nora Whitcombe.", ["Nora Whitcombe"],
                 id="en-orgs-and-person"),
])
def test_persons_organizations_products_places_are_not_persons(lang, text, persons):
    assert sorted({m.text for m in _mentions(text, lang)}) == persons


@pytest.mark.parametrize("text", [
    pytest.param("Der Umsatz stieg um drei Prozent. Im Vorjahr waren es fünf Prozent. "
                 "Analysten erwarten sieben Prozent.", id="prozent"),
    pytest.param("Der Bedarf an Strom steigt. Firmen brauchen Strom für Rechenzentren, und Haushalte sparen Strom.",
                 id="strom"),
    pytest.param("Investoren suchen Kapital. Startups brauchen Kapital, doch Banken verleihen Kapital nur zögerlich.",
                 id="kapital"),
])
def test_persons_repeated_german_noun_is_not_a_person(text):
    assert _mentions(text, "de") == []


@pytest.mark.parametrize("text, surname", [
    pytest.param("Bundeskanzler Scholz reiste nach Paris.", "Scholz", id="bundeskanzler"),
    pytest.param("Konzernchef Brandauer sagte, man wachse.", "Brandauer", id="konzernchef"),
    pytest.param("Gestern erklärte Bundesministerin Kowalski, das Gesetz komme.", "Kowalski", id="bundesministerin"),
])
def test_persons_german_compound_title_makes_a_person(text, surname):
    mentions = _mentions(text, "de")
    a = text.index(surname)
    assert [(m.text, m.char_start, m.char_end) for m in mentions] == [(surname, a, a + len(surname))]


@pytest.mark.parametrize("lang, text, one, other", [
    pytest.param("de", "Bundeskanzler Scholz traf Martin Schulz in Berlin. Danach sagte Scholz, man sei sich einig. "
                 "Auch Schulz sagte, er sei zufrieden.", "Scholz", "Schulz", id="scholz-schulz"),
    pytest.param("de", "Joe Biden besuchte Baden. Biden lobte die Region.", "Biden", "Baden", id="biden-baden"),
    pytest.param("de", "Helga Brandt traf Jonas Brandauer. Brandauer sagte, man sei sich einig.",
                 "Helga Brandt", "Brandauer", id="brandt-brandauer"),
])
def test_persons_similar_surnames_stay_apart(lang, text, one, other):
    mentions = _mentions(text, lang)
    assert _keys_of(mentions, one), f"{one} should be found"
    assert not _keys_of(mentions, one) & _keys_of(mentions, other)


@pytest.mark.parametrize("lang, text, short, full", [
    pytest.param("de", "Jeff Wu leitet das Team. Jeffrey Wu hatte zuvor bei einer Bank gearbeitet.",
                 "Jeff Wu", "Jeffrey Wu", id="short-first"),
    pytest.param("de", "Jeffrey Wu sagte am Montag, das Team wachse. Jeff Wu leitet es seit 2021.",
                 "Jeff Wu", "Jeffrey Wu", id="full-first"),
    pytest.param("de", "Bob Kessler leitet das Team. Robert Kessler war zuvor bei einer Bank.",
                 "Bob Kessler", "Robert Kessler", id="bob-robert"),
    pytest.param("en", "Kate Morrow joined in May. Katherine Morrow previously ran a bank.",
                 "Kate Morrow", "Katherine Morrow", id="kate-katherine"),
])
def test_persons_nickname_variants_are_one_person(lang, text, short, full):
    mentions = _mentions(text, lang)
    assert _key(mentions, short) == _key(mentions, full) == full


@pytest.mark.parametrize("lang, text, name", [
    pytest.param("de", "Greta Lindqvist verlässt das Unternehmen.", "Greta Lindqvist", id="de-qvist"),
    pytest.param("de", "Jakob Berglund leitet das Labor.", "Jakob Berglund", id="de-lund"),
    pytest.param("en", "Nora Garland runs the lab.", "Nora Garland", id="en-land"),
])
def test_persons_surname_ending_like_a_function_word_is_kept_whole(lang, text, name):
    assert [m.text for m in _mentions(text, lang)] == [name]


def test_persons_place_before_verb_of_saying_is_not_a_person():
    mentions = _mentions("In Ulm sagte Bundeskanzler Scholz, man sei sich einig.", "de")
    assert [m.text for m in mentions] == ["Scholz"]


def test_persons_only_title_and_content_lines_carry_mentions():
    lines = (Line(1, "Lukas Brandauer sagte, die Firma wachse.", "title", "title"),
             Line(2, "Von Helga Brandt, Berlin", "meta", "meta:byline"),
             Line(3, "Nora Whitcombe sagte, sie sei zufrieden.", "content", "body"))
    norm = normalize.normalize_article(CleanArticle(lines, None, None, "de", "Latn"))
    sentences, tokens = segment.segment(norm, "de")
    mentions = find_mentions(sentences, tokens, "de", use_model=False)
    assert [m.text for m in mentions] == ["Lukas Brandauer", "Nora Whitcombe"]
    assert all(norm.text[m.char_start:m.char_end] == m.text for m in mentions)


# ------------------------------------------------------------------ properties

_NAMES = ["Lukas Brandauer", "Brandauer", "Brandauers", "Helga Brandt", "Jeff Wu", "Jeffrey Wu", "林嘉文",
          "约翰·史密斯", "史密斯", "阿特韦尔（Tom Attwell）", "阿特韦尔", "Bundeskanzler Scholz", "Schulz",
          "星河科技CEO Dorian Kessel", "OpenAI", "Harlow Logistics", "伊朗", "Österreich", "Lin Jiawen"]
_FILLER = ["表示，", "周二宣布辞职。", "公司将继续投资。", " sagte, ", " verlässt die Firma. ", " und ", "。", ", ",
           " drei Prozent ", " said on Monday. ", "\n", "（", "）", " ", "·", "Die ", "和"]


def _check_offsets(norm_text: str, mentions) -> None:
    last_end = -1
    for m in mentions:
        assert norm_text[m.char_start:m.char_end] == m.text
        assert m.person_key and m.text.strip() == m.text
        assert m.char_start >= last_end, "mentions overlap or are out of order"
        last_end = m.char_end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(_NAMES + _FILLER), min_size=1, max_size=16),
       lang=st.sampled_from(["zh", "de", "en"]))
def test_persons_mention_offsets_match_surface(pieces, lang):
    text = "".join(pieces)
    norm, sentences, tokens, _ = _analyse(text, lang)
    _check_offsets(norm.text, find_mentions(sentences, tokens, lang, use_model=False))


_ALPHABET = "林嘉文约翰史密斯阿特韦尔伊朗说表示和。，（）()·•‧ .,;:!?-'\n\tABCDEFGHSTUWabcdefghilnorstuwzÄÖÜäöüß0123"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(_ALPHABET, max_size=80), st.text(max_size=40)),
       lang=st.sampled_from(["zh", "de", "en", None]))
def test_persons_never_raises_on_random_text(text, lang):
    norm, sentences, tokens, _ = _analyse(text, lang or "en")
    _check_offsets(norm.text, find_mentions(sentences, tokens, lang, use_model=False))


# ------------------------------------------------------------------ across the run

def _link(articles):
    """articles: [(article_id, language, text)] → (id_of, rows, {article_id: mentions})."""
    mentions = {aid: _mentions(text, lang) for aid, lang, text in articles}
    id_of, rows = link_persons((aid, lang, mentions[aid]) for aid, lang, _ in articles)
    return id_of, rows, mentions


def _pid(id_of, mentions, aid, surface):
    keys = _keys_of(mentions[aid], surface)
    assert len(keys) == 1, f"{surface!r} in {aid}: {mentions[aid]}"
    return id_of[(aid, keys.pop())]


def _row(rows, pid):
    return next(r for r in rows if r.person_id == pid)


# (id, articles, [(article, surface), ...] that must share one person id, evidence that must be listed)
LINKED = [
    ("same-full-name", [("a1", "de", "Lukas Brandauer verlässt die Firma."),
                        ("a2", "en", "Lukas Brandauer joins a rival company.")],
     [("a1", "Lukas Brandauer"), ("a2", "Lukas Brandauer")], "same-name:Lukas Brandauer"),
    ("pinyin", [("a1", "zh", "林嘉文表示，公司将扩大招聘。"),
                ("a2", "de", "Lin Jiawen sagte, das Unternehmen werde mehr Personal einstellen.")],
     [("a1", "林嘉文"), ("a2", "Lin Jiawen")], "pinyin:林嘉文"),
    ("surname-alone", [("a1", "de", "Lukas Brandauer verlässt die Firma."),
                       ("a2", "de", "Präsident Brandauer sagte, die Lage sei ernst.")],
     [("a1", "Lukas Brandauer"), ("a2", "Brandauer")], "surname:Brandauer"),
    ("gloss-in-other-article", [("a1", "zh", "阿特韦尔（Tom Attwell）周一表示，公司将裁员。"),
                                ("a2", "zh", "阿特韦尔表示，公司将扩大招聘。阿特韦尔说这是必要的。")],
     [("a1", "Tom Attwell"), ("a2", "阿特韦尔")], "shared-alias:阿特韦尔"),
    ("transliteration", [("a1", "zh", "布兰多尔表示，公司将扩大招聘。布兰多尔说这是必要的。"),
                         ("a2", "de", "Lukas Brandauer sagte, die Firma wachse.")],
     [("a1", "布兰多尔"), ("a2", "Lukas Brandauer")], "transliteration:布兰多尔~Brandauer"),
    ("nickname-across-articles", [("a1", "de", "Jeff Wu leitet das Team."),
                                  ("a2", "en", "Jeffrey Wu previously ran a bank.")],
     [("a1", "Jeff Wu"), ("a2", "Jeffrey Wu")], "spelling:Jeff Wu~Jeffrey Wu"),
]


@pytest.mark.parametrize("articles, same, evidence", [pytest.param(*c[1:], id=c[0]) for c in LINKED])
def test_persons_link_across_articles(articles, same, evidence):
    id_of, rows, mentions = _link(articles)
    pids = {_pid(id_of, mentions, aid, surface) for aid, surface in same}
    assert len(pids) == 1
    row = _row(rows, pids.pop())
    assert row.n_articles == len({aid for aid, _ in same})
    assert evidence in row.link_evidence
    assert {surface for _, surface in same} <= set(row.aliases)


def test_persons_link_keeps_pinyin_pair_under_one_display_name():
    id_of, rows, mentions = _link(LINKED[1][1])
    (row,) = rows
    assert row.name == "林嘉文" and row.person_id == person_id("林嘉文")
    assert row.languages == ["de", "zh"]


@pytest.mark.parametrize("articles, apart", [
    pytest.param([("a1", "de", "Helga Brandt leitet die Firma."),
                  ("a2", "de", "Jonas Brandt leitet die andere Firma."),
                  ("a3", "de", "Direktor Brandt sagte, man wachse.")],
                 [("a1", "Helga Brandt"), ("a2", "Jonas Brandt"), ("a3", "Brandt")], id="ambiguous-surname"),
    pytest.param([("a1", "de", "Bundeskanzler Scholz reiste nach Paris."),
                  ("a2", "de", "Martin Schulz reiste nach Rom.")],
                 [("a1", "Scholz"), ("a2", "Martin Schulz")], id="scholz-schulz"),
    pytest.param([("a1", "zh", "林嘉文表示，公司将扩大招聘。"),
                  ("a2", "de", "Lin Jiaming sagte, das Unternehmen werde mehr Personal einstellen.")],
                 [("a1", "林嘉文"), ("a2", "Lin Jiaming")], id="other-pinyin"),
])
def test_persons_link_keeps_different_people_apart(articles, apart):
    id_of, rows, mentions = _link(articles)
    pids = [_pid(id_of, mentions, aid, surface) for aid, surface in apart]
    assert len(set(pids)) == len(pids)
    for pid in pids:
        assert not any(e.startswith(("surname:", "pinyin:")) for e in _row(rows, pid).link_evidence)


_RUN = [(f"a{i}", lang, text) for i, (lang, text) in enumerate([
    ("de", "Lukas Brandauer verlässt die Firma."),
    ("en", "Lukas Brandauer joins a rival. Brandauer said he was thrilled."),
    ("zh", "林嘉文表示，公司将扩大招聘。"),
    ("de", "Lin Jiawen sagte, das Unternehmen werde mehr Personal einstellen."),
    ("de", "Helga Brandt leitet die Firma."),
    ("de", "Jonas Brandt leitet die andere Firma."),
    ("de", "Direktor Brandt sagte, man wachse."),
    ("zh", "约翰·史密斯昨天抵达上海。史密斯表示此行是为了谈判。"),
    ("de", "Bundeskanzler Scholz traf Martin Schulz in Berlin. Danach sagte Scholz, man sei sich einig."),
])]


def test_persons_link_rows_are_consistent():
    id_of, rows, mentions = _link(_RUN)
    ids = [r.person_id for r in rows]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert set(id_of.values()) == set(ids)
    assert set(id_of) == {(aid, m.person_key) for aid, ms in mentions.items() for m in ms}
    assert sum(r.n_mentions for r in rows) == sum(len(ms) for ms in mentions.values())
    for r in rows:
        assert r.aliases == sorted(r.aliases) and r.name
        assert r.link_evidence == sorted(set(r.link_evidence))
        assert bool(r.link_evidence) == (r.n_articles > 1 or len({k for k, v in id_of.items() if v == r.person_id}) > 1)


@pytest.mark.parametrize("seed", range(3))
def test_persons_link_does_not_depend_on_article_order(seed):
    import random

    shuffled = list(_RUN)
    random.Random(seed).shuffle(shuffled)
    assert _link(shuffled)[0] == _link(_RUN)[0]


def test_persons_add_run_aliases_finds_confirmed_alias_in_other_article():
    texts = {"a1": "阿特韦尔（Tom Attwell）周一表示，公司将裁员。", "a2": "据悉，阿特韦尔将于下月访问柏林。"}
    arts = []
    for aid, text in texts.items():
        norm, sentences, tokens, _ = _analyse(text, "zh")
        arts.append((aid, sentences, find_mentions(sentences, tokens, "zh", use_model=False)))
    assert arts[1][2] == []           # alone, one unglossed mention without context is not enough
    out = add_run_aliases(arts)
    assert out["a1"] == arts[0][2]
    a = texts["a2"].index("阿特韦尔")
    assert [(m.text, m.char_start, m.char_end, m.source) for m in out["a2"]] == [("阿特韦尔", a, a + 4, "run-alias")]
    id_of, rows = link_persons([(aid, "zh", out[aid]) for aid in texts])
    (row,) = rows
    assert row.name == "Tom Attwell" and "shared-alias:阿特韦尔" in row.link_evidence


def test_persons_add_run_aliases_without_confirmed_alias_changes_nothing():
    norm, sentences, tokens, _ = _analyse("Lukas Brandauer verlässt die Firma.", "de")
    ms = find_mentions(sentences, tokens, "de", use_model=False)
    assert add_run_aliases([("a1", sentences, ms)]) == {"a1": ms}


# ------------------------------------------------------------------ with the shipped model

@pytest.mark.skipif(not person_model.available(), reason="the person model is not shipped")
def test_persons_model_finds_native_name_without_context():
    text = "记者昨天在车站见到了张晓燕和她的同事。"
    norm, sentences, tokens, _ = _analyse(text, "zh")
    mentions = find_mentions(sentences, tokens, "zh", use_model=True, model_scope="all")
    a = text.index("张晓燕")
    assert (("张晓燕", a, a + 3) in {(m.text, m.char_start, m.char_end) for m in mentions})


@pytest.mark.parametrize("text, lang, expected", [
    pytest.param("Chief Operating Officer Dr. Nadia Kerrigan said the board agreed.", "en", ["Nadia Kerrigan"], id="title-words-not-a-name"),
    pytest.param("Prof. Dr. Henrike Vogel übernimmt das Amt, sagte Prof. Tilman Sauer.", "de", ["Henrike Vogel", "Tilman Sauer"], id="prof-dr"),
    pytest.param("Her predecessor, Siobhan O'Donnell, returned; Conor McGregor stayed.", "en", ["Siobhan O'Donnell", "Conor McGregor"], id="irish-surnames"),
])
def test_persons_titles_and_irish_surnames(text, lang, expected):
    import extract

    assert extract.find_persons(text, lang=lang)["text"].tolist() == expected


# ------------------------------------------------------------------ rules around the model's spans

def _list_found(text: str, anchors: list[str]) -> list[str]:
    """Names the enumeration rule adds when the model found ``anchors`` in ``text``."""
    from collections import defaultdict

    from extract.persons.chinese import list_members as _list_members

    _, sentences, tokens, _ = _analyse(text, "zh")
    by_sentence = defaultdict(list)
    for t in tokens:
        by_sentence[t.sentence_id].append(t)
    spans = [(sentences[0].char_start + text.index(a), sentences[0].char_start + text.index(a) + len(a)) for a in anchors]
    return [c.text for c in _list_members(sentences, spans, by_sentence)]


@pytest.mark.parametrize("text, anchors, added", [
    pytest.param("出席会议的有王建国、刘小明、陈国平、赵丽娟等代表。", ["王建国"], ["刘小明", "陈国平", "赵丽娟"], id="chain-from-first"),
    pytest.param("主演是欧阳明、何晓东、司马相林。", ["何晓东"], ["欧阳明", "司马相林"], id="two-char-surnames"),
    pytest.param("名单包括王建国、中央电视台、刘小明。", ["王建国"], [], id="organization-breaks-the-chain"),
    pytest.param("展会上有北京、上海、广州的企业。", [], [], id="no-person-no-list-rule"),
    pytest.param("记者王建国到北京、上海、广州采访。", ["王建国"], [], id="person-not-in-the-list"),
])
def test_persons_list_members_beside_a_person_are_persons(text, anchors, added):
    assert sorted(_list_found(text, anchors)) == sorted(added)


@pytest.mark.parametrize("text, span, expected", [
    pytest.param("四十三载，于金山拖着残病之躯回到村里。", "金山", "于金山", id="after-comma"),
    pytest.param("大会授予于晓黎等人荣誉称号。", "晓黎", "于晓黎", id="after-verb-of-giving"),
    pytest.param("他毕业于金陵大学。", "金陵", "金陵", id="preposition-after-verb"),
    pytest.param("这一成绩归功于晓明的努力。", "晓明", "晓明", id="guigong-yu"),
])
def test_persons_yu_before_a_given_name_is_the_surname(text, span, expected):
    from extract.persons.chinese import with_function_surname as _with_function_surname
    from extract.persons.names import Candidate as _Cand

    _, sentences, _, _ = _analyse(text, "zh")
    s = sentences[0]
    a = s.char_start + text.index(span)
    got = _with_function_surname(_Cand(s.sentence_id, a, a + len(span), span, "model", True), s)
    assert got.text == expected and s.text[got.start - s.char_start:got.end - s.char_start] == expected


@pytest.mark.parametrize("word, pos, worth", [
    pytest.param("王建国", "nr", True, id="native-name"),
    pytest.param("胡可明作", "nr", True, id="name-glued-to-verb"),
    pytest.param("欧阳明", "nr", True, id="two-char-surname"),
    pytest.param("区庆祥", "nr", True, id="rare-surname-confirms-jieba"),
    pytest.param("约翰逊", "nrt", True, id="transliteration"),
    pytest.param("蔡佩珊", "nrt", True, id="native-name-tagged-foreign"),
    pytest.param("明显改善", "nr", False, id="idiom"),
    pytest.param("通达", "nr", False, id="word-with-a-rare-surname-first"),
    pytest.param("二十大", "nrt", False, id="not-a-name-at-all"),
])
def test_persons_model_reads_only_name_shaped_tokens(word, pos, worth):
    from extract.persons.chinese import _name_like_token

    assert _name_like_token(word, pos) is worth


@pytest.mark.parametrize("text, not_person", [
    ("以军再次空袭加沙。联合国呼吁加沙停火，加沙居民逃往南部。", "加沙"),          # a place jieba knows (ns)
    ("保安人员走来，保安随即报警，保安队长到场。", "保安"),                      # a common word
    ("他说这是道德问题，道德不能被绑架，道德高地人人想占。", "道德"),              # a word jieba mis-tags as a name
])
def test_persons_repeated_transliterations_that_are_places_or_words_are_no_persons(text, not_person):
    assert not_person not in extract.find_persons(text, lang="zh")["text"].tolist()


def test_persons_surname_and_a_common_verb_is_the_surname():
    from extract.persons.chinese import without_word_tail
    from extract.persons.names import Candidate

    said = Candidate(0, 10, 13, "骆指出", "model", True)
    first = Candidate(0, 10, 13, "张首先", "model", True)
    name = Candidate(0, 10, 13, "陈一新", "model", True)      # 一新 is a rarer adverb: a given name too
    assert (without_word_tail(said).text, without_word_tail(said).end) == ("骆", 11)
    assert without_word_tail(first).text == "张"
    assert without_word_tail(name).text == "陈一新"


@pytest.mark.parametrize("text, expected", [
    ("特首林郑月娥今天宣布取消活动。林郑月娥表示，林郑会再作解释。",
     [("林郑月娥", "林郑月娥"), ("林郑月娥", "林郑月娥"), ("林郑", "林郑月娥")]),     # a married name and its two surnames
    ("议员叶刘淑仪批评政府，叶刘淑仪说。", [("叶刘淑仪", "叶刘淑仪"), ("叶刘淑仪", "叶刘淑仪")]),
    ("他向陈建国表示感谢。", [("陈建国", "陈建国")]),                                  # 向 is a preposition here
])
def test_persons_hong_kong_married_names_are_whole(text, expected):
    rows = extract.find_persons(text, lang="zh")
    assert list(zip(rows.text, rows.name)) == expected


@pytest.mark.parametrize("text, present, absent", [
    pytest.param("家长组织代表陈丽𪸩表示，影片内容离谱。陈丽𪸩又批评当局。", "陈丽𪸩", "陈丽", id="rare-char-given-name"),
    pytest.param("其母邹女士表示，医生诊断指伤势严重。邹女士已经报警。", "邹女士", "邹", id="surname-with-address"),
])
def test_persons_chinese_name_whole(text, present, absent):
    _, sentences, tokens, _ = _analyse(text, "zh")
    surfaces = {m.text for m in find_mentions(sentences, tokens, "zh", use_model=True)}
    assert present in surfaces and absent not in surfaces


def test_persons_address_form_gives_no_short_form():
    # 罗先生 is not a three-character name: "先生" later in the text is not his given name
    _, mentions = _found("罗先生表示不满。先生们女士们请注意，罗先生说。", "zh")
    assert "先生" not in {m.text for m in mentions}


def test_persons_unit_after_numeral_not_a_person():
    _, mentions = _found("每份廿五欧罗，埋单卅欧罗。欧罗区的物价上涨，欧罗兑美元走低。", "zh")
    assert "欧罗" not in {m.text for m in mentions}


def test_persons_married_surnames_before_a_word_are_the_short_form():
    # 叶刘 + 对林郑…: the two surnames, not a four-character name 叶刘对林
    _, sentences, tokens, _ = _analyse("立法会议员叶刘对林郑的做法不满，叶刘淑仪昨日表示。", "zh")
    surfaces = {m.text for m in find_mentions(sentences, tokens, "zh", use_model=True)}
    assert "叶刘对林" not in surfaces and "叶刘淑仪" in surfaces


def test_a_surname_the_recognizer_cut_from_a_name_jieba_reads_whole_is_the_name():
    from extract import find_persons

    found = find_persons("27岁的王帅，入职一年多，学的是煤矿相关专业。", lang="zh")
    assert found["text"].tolist() == ["王帅"]


def test_a_surname_alone_or_an_address_form_is_one_person_per_article():
    """陈先生 of one story and 陈先生 of another are two people: such keys never link the run."""
    from extract import find_persons
    from extract.model import Sentence
    from extract.persons.linking import link_persons
    from extract.persons.mentions import find_mentions
    from extract.segment import tokenize

    def article(text):
        s = Sentence(0, text, 0, len(text), 1, "content")
        return find_mentions([s], tokenize(text, 0, 0, "zh"), "zh")

    a = article("住在屯门的陈先生向记者表示，他每天都要排队两小时。")
    b = article("陈先生在庭上承认，他在店内偷走三部手机。")
    assert [m.text for m in a] == ["陈先生"] and [m.text for m in b] == ["陈先生"]
    id_of, rows = link_persons([("a1", "zh", a), ("a2", "zh", b)])
    assert id_of[("a1", a[0].person_key)] != id_of[("a2", b[0].person_key)]
    assert sorted(r.name for r in rows) == ["陈先生", "陈先生"]
    assert not find_persons("陈先生向记者表示。", lang="zh").empty


def test_a_married_name_once_given_in_full_completes_its_other_occurrences():
    from extract import find_persons

    found = find_persons("特首林郑月娥今日表示支持。有议员会前往廉署举报林郑月娥，要求调查。", lang="zh")
    assert found["text"].tolist() == ["林郑月娥", "林郑月娥"]


@pytest.mark.parametrize("text,want", [
    pytest.param("骆指出，政府会再研究。", ["骆"], id="surname-then-a-verb-of-saying"),
    pytest.param("张首先表示支持。", ["张"], id="surname-then-an-adverb"),
])
def test_a_surname_and_the_verb_after_it_are_not_one_name(text, want):
    from extract import find_persons

    assert find_persons(text, lang="zh")["text"].tolist() == want


@pytest.mark.parametrize("text,want", [
    pytest.param("林瑞华指，政府会再研究。", ["林瑞华"], id="name-then-zhi-before-a-comma"),
    pytest.param("法官陈官续指被告毫无悔意。", ["陈官"], id="name-then-xu-zhi"),
    pytest.param("张翔发表讲话。", ["张翔"], id="name-then-fabiao"),
    pytest.param("刘皇发、黄宏发出席会议。", ["刘皇发", "黄宏发"], id="names-ending-in-fa-stay-whole"),
])
def test_a_one_character_verb_after_a_name_is_not_part_of_it(text, want):
    from extract import find_persons

    assert find_persons(text, lang="zh")["text"].tolist() == want


def test_a_well_known_organization_is_no_person():
    from extract import find_persons

    assert find_persons("以色列与哈马斯达成停火协议，哈马斯表示欢迎。", lang="zh").empty


@pytest.mark.parametrize("text", [
    pytest.param("示威者在骆克道集结，警方到场。", id="a-street"),
    pytest.param("以军袭击纳赛尔医院，多人死亡。", id="a-hospital-named-after-someone"),
])
def test_a_street_or_a_building_is_no_person(text):
    from extract import find_persons

    assert find_persons(text, lang="zh").empty


@pytest.mark.parametrize("text, names", [
    # a withheld name (常某, 张某某) is one person of its article, whatever jieba tags it as
    ("涉事老师常某称他不知情。等到常某确认其不受到刑事处罚时，再完成支付。", {"常某"}),
    ("据悉，王某与李某某发生争执，被告张某某当庭认罪。", {"王某", "李某某", "张某某"}),
    # 某 before a noun is "some", not a name
    ("某些人认为，非常某种程度上这是对的。", set()),
])
def test_persons_withheld_names(text, names):
    found = _mentions(text, "zh")
    assert {m.text for m in found} == names, found
    for m in found:                      # article-bound: never linked across the run by the surface
        assert article_bound(untagged(m.person_key)), m


def test_persons_cause_after_a_name_is_no_part_of_it():
    assert {m.text for m in _mentions("京东方公司宣布，财务总监许明因个人原因将于年底离职。", "zh")} == {"许明"}


@pytest.mark.parametrize("text, names", [
    # one word said like a company is no person; the people around it still are
    ("Separately, Initech announced last week that it had hired Priya Nair.", {"Priya Nair"}),
    ("Dana Whitfield joined the software maker from rival Initech in 2019.", {"Dana Whitfield"}),
    ("Globex's shares rose 5% after Smith's remarks, Smith said.", {"Smith"}),
])
def test_persons_english_company_words(text, names):
    assert {m.text for m in _mentions(text, "en")} >= names
    assert not {"Initech", "Globex"} & {m.text for m in _mentions(text, "en")}


@pytest.mark.parametrize("text, names", [
    ("暴风集团除已被批准逮捕的总经理冯鑫外，高管已全部辞职。", {"冯鑫"}),      # 除…外: 外 is no part of the name
    ("球队主教练于根伟表示满意。", {"于根伟"}),                               # after a title 于 opens a name
])
def test_persons_function_characters_around_chinese_names(text, names):
    import extract

    assert set(extract.find_persons(text, lang="zh")["text"]) == names


@pytest.mark.parametrize("text, name", [
    # common German and Austrian given names (Faker's de_DE/de_AT/de_CH lists) open a full name
    ("Das gilt auch für die Österreicher Christof Wendlinger und seinen Kollegen.", "Christof Wendlinger"),
    ("Gestern trat Dagmar Kretschmann vor die Presse.", "Dagmar Kretschmann"),
    ("Auch Detlef Brommer war gekommen.", "Detlef Brommer"),
])
def test_persons_german_given_names_open_a_full_name(text, name):
    assert name in {m.text for m in _mentions(text, "de")}


def test_persons_no_run_alias_inside_a_doctrine():
    from extract.model import Sentence
    from extract.persons.linking import alias_pattern, with_run_aliases

    s = Sentence(0, "马克思在1848年发表了宣言，坚持马克思主义基本原理。", 0, 26, 1, "content")
    got = with_run_aliases([s], [], alias_pattern({"马克思"}))
    assert [(m.text, m.char_start) for m in got] == [("马克思", 0)]


@pytest.mark.parametrize("text, name", [
    # a four-character span of a single surname that ends in a verb or function character
    ("副会长吴基培有多次僵持。", "吴基培"),
    ("台湾驻港办事处林振宙代表发言。", "林振宙"),
    ("特首林郑月娥今日表示。", "林郑月娥"),      # a married form keeps its four characters
])
def test_persons_single_surname_names_have_three_characters_at_most(text, name):
    assert name in list(extract.find_persons(text, lang="zh").text)


@pytest.mark.parametrize("text, name", [
    # a personnel verb right after a name jieba tags as one: the name acts, whatever the recognizer says
    ("至此杨志鸣卸任了球队助理教练，成为辽宁队的副总经理。", "杨志鸣"),
    ("官方：27岁柴琦岳加盟西乙拉科鲁尼亚，签约4年。", "柴琦岳"),
    ("巴尔克森正式加入东方足球队。", "巴尔克森"),        # an adverb between them (persons_act_adverbs_zh.txt)
    ("星河科技首席财务官陈䶮将担任新公司的董事。", "陈䶮"),  # not 官陈䶮: the title's last character
])
def test_persons_a_name_right_before_a_personnel_verb(text, name):
    assert name in list(extract.find_persons(text, lang="zh").text)


@pytest.mark.parametrize("text, name", [
    # a personnel verb done to the person right before the name (the patient voice): 签下, 解雇了
    ("球队签下阿米里，合同为期两年。", "阿米里"),
    ("董事会解雇了阿米里。", "阿米里"),
])
def test_persons_a_name_right_after_a_personnel_verb(text, name):
    assert name in list(extract.find_persons(text, lang="zh").text)


@pytest.mark.parametrize("text, name", [
    # a name run into the day word after it is the name before it; 明 and 前 may end a given name
    ("林郑今早指出，咨询组织的原则并非硬性规定。", "林郑"),
    ("港澳办主任张晓明日前撰文。", "张晓明"),
])
def test_persons_a_name_before_a_day_word(text, name):
    assert name in list(extract.find_persons(text, lang="zh").text)


@pytest.mark.parametrize("text", ["美国退出协议。", "全国夏粮收购进入旺季。", "官宣：球队与赞助商续约三年。"])
def test_persons_countries_and_companies_acting_are_no_persons(text):
    assert extract.find_persons(text, lang="zh").empty


@pytest.mark.parametrize("text, name", [
    # a two-character name before a character rare in news takes it in (the recognizer cut it)
    ("公民党立法会议员郭荣铿今日表示，郭荣铿反对修例。", "郭荣铿"),
    ("何珈桦表示不满。", "何珈桦"),
    # not a Cantonese particle, not a frequent character
    ("郭荣咗去开会。", "郭荣"),
    ("王明表示同意。", "王明"),
])
def test_persons_names_take_in_a_rare_last_character(text, name):
    assert name in list(extract.find_persons(text, lang="zh").text)


@pytest.mark.parametrize("text, name, place", [
    # a transliteration before a word of administrative place is a place
    ("叙武装部队仍然驻扎在哈马省北部和东部乡村阵地上。", "哈马", True),
    ("利比亚东部洪灾重灾区德尔纳市的灾后救援工作仍在继续。", "德尔纳", True),
    # but a person before a post of one stays a person
    ("德桑蒂斯州长宣布参选。", "德桑蒂斯", False),
])
def test_persons_places_before_a_place_word(text, name, place):
    from extract.model import Sentence
    from extract.persons.chinese import names_a_place
    from extract.persons.names import Candidate

    s = Sentence(0, text, 0, len(text), 1, "content")
    a = text.index(name)
    assert names_a_place(Candidate(0, a, a + len(name), name, "zh-translit"), s) == place
