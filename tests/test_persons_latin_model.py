"""The shipped word-level person recognizers (English; German when shipped) on invented news text."""
from __future__ import annotations

import pytest

import extract
from extract.persons import recognizer

pytestmark = pytest.mark.skipif(not recognizer.available("en"), reason="no English person model shipped")


def _names(text: str, lang: str) -> set[str]:
    return set(extract.find_persons(text, lang=lang)["text"])


def test_english_model_finds_a_surname_alone():
    text = "Oransky, 54, told reporters in Geneva that the deal was done."
    assert recognizer.predict([text], lang="en") == [[(0, 7)]]
    assert _names(text, "en") == {"Oransky"}


def test_english_model_finds_full_names_of_any_origin():
    text = "Prime minister Halvard Lindqvist met Dmitri Oransky in Geneva on Tuesday."
    assert recognizer.predict([text], lang="en") == [[(15, 32), (37, 51)]]
    assert _names(text, "en") == {"Halvard Lindqvist", "Dmitri Oransky"}


def test_english_places_and_companies_are_not_persons():
    names = _names("Shares of Northwind Holdings rose in London after the Bank of England held rates.", "en")
    assert not names & {"Northwind Holdings", "London", "Bank of England", "England"}


def test_english_pipeline_batches_latin_sentences_through_the_model():
    from extract.model import Sentence
    from extract.persons import model_jobs

    text = "Delacroix-Whitby said the talks would resume."
    s = Sentence(0, text, 0, len(text), 1, "content")
    assert [(j[1], j[2]) for j in model_jobs([s], [], language="en")] == [(0, len(text))]
    assert model_jobs([s], [], language="fr") == []


@pytest.mark.skipif(not recognizer.available("de"), reason="no German person model shipped")
def test_german_model_in_find_persons_but_not_in_runs():
    from extract.model import Sentence
    from extract.persons import model_jobs

    text = "Nach dem Spiel sagte Brandlmeier, die Mannschaft habe gut gekämpft."
    s = Sentence(0, text, 0, len(text), 1, "content")
    assert model_jobs([s], [], scope="all", language="de") == [(s, 0, len(text))]
    assert model_jobs([s], [], language="de") == []      # runs keep the rules for German (speed)
