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
