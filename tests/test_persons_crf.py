"""The German person recognizer (a CRF, ``persons.crf``) on invented news text, and its training code."""
from __future__ import annotations

import json

import pytest

import extract
from extract.persons import crf, recognizer

pytestmark = pytest.mark.skipif(not recognizer.available("de"), reason="no German person model shipped")


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return sorted((text.index(n), text.index(n) + len(n)) for n in names)


def test_crf_tokenize_keeps_compounds_and_splits_punctuation():
    text = "Der Lehmbruck-Museum-Chef O'Neill sagte: „Gut.“"
    assert [text[a:b] for a, b in crf.tokenize(text)] == \
        ["Der", "Lehmbruck-Museum-Chef", "O'Neill", "sagte", ":", "„", "Gut", ".", "“"]


def test_crf_spans_of_tags_joins_b_and_i_runs():
    toks = [(0, 3), (4, 9), (10, 15), (16, 19), (20, 24)]
    assert crf.spans_of_tags(["O", "B-PER", "I-PER", "O", "I-PER"], toks) == [(4, 15), (20, 24)]
    assert crf.spans_of_tags(["B-PER", "B-PER", "O", "O", "O"], toks) == [(0, 3), (4, 9)]


def test_german_model_is_the_crf():
    assert recognizer.shipped("de") and recognizer.available("de")
    meta = json.loads((recognizer.model_dir("de") / "meta.json").read_text(encoding="utf-8"))
    assert meta["kind"] == "crf" and (recognizer.model_dir("de") / "TRAINING.md").exists()


@pytest.mark.parametrize("text, names", [
    ("Nach dem Spiel sagte Brandlmeier, die Mannschaft habe gut gekämpft.", ["Brandlmeier"]),
    ("Die Ministerin Katharina Oberhuber besuchte am Montag das Werk in Linz.", ["Katharina Oberhuber"]),
    ("Wie Sabine Krautmann und Jörg Pfeilstetter mitteilten, wird das Museum geschlossen.",
     ["Sabine Krautmann", "Jörg Pfeilstetter"]),
])
def test_german_model_finds_invented_names(text, names):
    assert recognizer.predict([text], "de") == [_spans(text, *names)]
    assert set(extract.find_persons(text, lang="de")["text"]) == set(names)


@pytest.mark.parametrize("text", [
    "Der Vorstand der Siemens AG hat in München getagt.",
    "Im Sommer fahren viele Familien an die Ostsee.",
    "",
])
def test_german_model_ignores_sentences_without_names(text):
    assert recognizer.predict([text], "de") == [[]]


def _write(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _row(template: str, name: str) -> dict:
    text = template.format(name)
    i = text.index(name)
    return {"text": text, "persons": [{"text": name, "start": i, "end": i + len(name)}], "entities": []}


def test_train_crf_on_a_tiny_set_writes_a_model_that_loads(tmp_path):
    from extract.persons.train_crf import train_crf

    names = ["Anna Berger", "Paul Kessler", "Maria Huber", "Jonas Wendt", "Lena Vogt", "Tom Reiter",
             "Eva Lindner", "Max Brunner"]
    templates = ["Gestern sagte {} in Berlin , das sei gut .", "Die Rede von {} wurde gelobt .",
                 "Nach Angaben von {} steigen die Preise ."]
    rows = [_row(t, n) for n in names for t in templates]
    rows += [{"text": "Die Stadt plant einen neuen Park .", "persons": [], "entities": []}] * 6
    data = tmp_path / "suites"
    _write(data / "ner_train/de_germeval2014/train.jsonl", rows)
    (tmp_path / "corpora/10kgnad_de_test/articles").mkdir(parents=True)
    (tmp_path / "corpora/10kgnad_de_test/articles/00000.txt").write_text(
        "Die Stadt plant einen Park. Anna Berger sagte das. " * 5, encoding="utf-8")
    out = tmp_path / "model"
    report = train_crf(out, data, grid=((0.1, 0.05),), max_iterations=30, select_size=6, evaluate=False)
    assert {p.name for p in out.iterdir()} == {"model.crfsuite", "gazetteer.tsv", "clusters.tsv", "meta.json",
                                              "TRAINING.md"}
    assert report["data"]["germeval2014_train"]["held_out_for_selection"] == 6 and not report["eval"]
    text = "Gestern sagte Lena Vogt in Berlin , das sei gut ."
    assert crf.predict([text], out) == [_spans(text, "Lena Vogt")]


def test_germeval_dev_floor_in_find_persons():
    """GermEval 2014 dev (read only to score, never to train or select): model alone F1 0.712,
    in find_persons 0.710 as the CRF shipped (the spaCy model before it: 0.488 and 0.577)."""
    from extract.persons.train import DEFAULT_DATA_DIR, read_jsonl, score_spans
    from extract.persons.train_crf import EVAL_SET

    path = DEFAULT_DATA_DIR / EVAL_SET
    if not path.exists():
        pytest.skip(f"{path} not found")
    rows = read_jsonl(path)
    gold = [[(p["start"], p["end"]) for p in r["persons"]] for r in rows]
    assert score_spans(gold, recognizer.predict([r["text"] for r in rows], "de"))["f1"] >= 0.70
    found = [[(int(a), int(b)) for a, b in zip(df.char_start, df.char_end)]
             for df in (extract.find_persons(r["text"], lang="de") for r in rows)]
    assert score_spans(gold, found)["f1"] >= 0.70


@pytest.mark.parametrize("text, span, want", [
    ("Präsident Greg BrockmanLange Ferien", "Greg BrockmanLange Ferien", "Greg Brockman"),
    ("der Erfinder von RLHFJan Leike", "RLHFJan Leike", "Jan Leike"),
    ("Conor McGregor blieb", "Conor McGregor", "Conor McGregor"),     # Mc, Mac, Di: one name
    ("Leonardo DiCaprio kam", "Leonardo DiCaprio", "Leonardo DiCaprio"),
])
def test_recognizer_span_cut_where_converted_text_glued_words(text, span, want):
    from extract.persons.latin import unglued
    from extract.persons.names import lexicons

    a = text.index(span)
    x, y = unglued(text, a, a + len(span), lexicons()["given"])
    assert text[x:y] == want
