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
