"""The public API: stage functions on one text, with offsets into the text given."""
from __future__ import annotations

import pytest

import extract


@pytest.mark.parametrize("call, error", [
    pytest.param(lambda: extract.find_persons(None), TypeError, id="persons-none"),
    pytest.param(lambda: extract.find_dates("今年5月", reference="2024"), ValueError, id="dates-bad-reference"),
    pytest.param(lambda: extract.find_events("张伟辞职。", lang="fr"), ValueError, id="events-bad-lang"),
])
def test_api_rejects_bad_arguments_clearly(call, error):
    with pytest.raises(error):
        call()


@pytest.mark.parametrize("text, lang, surface", [
    pytest.param("據報導，微軟執行長薩蒂亞·納德拉宣布了新計畫。", "zh", "薩蒂亞·納德拉", id="traditional-offsets-into-given-text"),
    pytest.param("Der Vorstandschef Max Huber sagte am Montag nichts.", "de", "Max Huber", id="german"),
])
def test_api_find_persons_offsets_point_into_the_text_given(text, lang, surface):
    rows = extract.find_persons(text, lang=lang)
    spans = [text[r.char_start:r.char_end] for r in rows.itertuples()]
    assert surface in spans
    assert all(text[r.char_start:r.char_end] == r.text for r in rows.itertuples())


def test_api_find_dates_resolves_against_reference():
    rows = extract.find_dates("今年5月，他离开了公司。", reference="2024-08-31", lang="zh")
    assert rows[["text", "value"]].values.tolist() == [["今年5月", "2024-05"]]


def test_api_options_are_keywords_only():
    with pytest.raises(TypeError):
        extract.find_dates("Am Montag trat er zurück.", "de")      # a positional lang is not taken for a reference


@pytest.mark.parametrize("text, lang, value", [
    pytest.param("Am 3. Juni 2024 trat er zurück.", "de", "2024-06-03", id="german"),
    pytest.param("He resigned on June 3, 2024.", "en", "2024-06-03", id="english"),
    pytest.param("他于2024年6月3日辞职。", "zh", "2024-06-03", id="chinese"),
])
def test_api_language_is_detected_when_not_given(text, lang, value):
    assert extract.find_dates(text).value.tolist() == extract.find_dates(text, lang=lang).value.tolist() == [value]


def test_api_find_persons_ids_have_the_tables_form_and_group_one_person():
    rows = extract.find_persons("微软CEO萨提亚·纳德拉表示，纳德拉很高兴。", lang="zh")
    assert rows.text.tolist() == ["萨提亚·纳德拉", "纳德拉"]
    assert rows.person_id.nunique() == 1 and rows.person_id[0].startswith("P") and len(rows.person_id[0]) == 11
    assert set(rows.name) == {"萨提亚·纳德拉"}


def test_api_find_events_gives_person_ids_of_find_persons():
    text = "微软CEO萨提亚·纳德拉宣布离职。"
    ev = extract.find_events(text, lang="zh")
    persons = extract.find_persons(text, lang="zh")
    assert ev.person_ids[0] == [persons.person_id[0]]


def test_api_run_names_the_valid_options_for_a_misspelt_one(tmp_path):
    with pytest.raises(TypeError, match="unknown option 'worker'; valid options: workers"):
        extract.run(tmp_path, tmp_path / "out", worker=2)


@pytest.mark.parametrize("text, expected", [
    pytest.param("公司的軟體工程師說，網路服務與記憶體晶片業務都會擴大。", "公司的软件工程师说，网络服务与内存芯片业务都会扩大。",
                 id="taiwan-wording-gets-tw2sp-phrases"),
    pytest.param("消息人士話，佢哋嘅行政總裁梁家豪已經辭職，喺今日公佈咗。", "消息人士话，佢哋嘅行政总裁梁家豪已经辞职，喺今日公布咗。",
                 id="hong-kong-wording-gets-hk2s"),
    pytest.param("芯瀾半導體董事會罷免首席執行官。", "芯澜半导体董事会罢免首席执行官。", id="other-traditional-gets-t2s"),
    pytest.param("网络软件著名", "网络软件著名", id="simplified-unchanged"),
])
def test_api_to_simplified_auto_picks_the_pipelines_configuration(text, expected):
    assert extract.to_simplified(text, config="auto") == expected


def test_api_to_simplified_auto_differs_from_plain_t2s_on_taiwan_text():
    text = "公司的軟體工程師說，網路服務與記憶體晶片業務都會擴大。"
    assert extract.to_simplified(text, config="auto") != extract.to_simplified(text, config="t2s")
