"""spacy_components: a user's own blank zh / de pipeline with extract's components, found by name."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from importlib.metadata import entry_points

import pytest

spacy = pytest.importorskip("spacy")

COMPONENTS = ["extract_normalizer", "extract_persons", "extract_dates", "extract_events"]
ZH = "星河科技5月6日發佈公告，首席執行官王建國因個人原因辭職，董事會任命副總裁陳曉燕接任首席執行官。"
DE = "Lukas Brandauer verlässt Harlow Logistics am 6. Mai. Eva Roth wird neue Vorstandschefin."


def _nlp(lang: str, reference: str = "2024-05-06", ruler: list | None = None):
    nlp = spacy.blank(lang)
    if ruler:
        nlp.add_pipe("entity_ruler").add_patterns(ruler)
    nlp.add_pipe("extract_normalizer")
    nlp.add_pipe("extract_persons")
    nlp.add_pipe("extract_dates", config={"reference": reference})
    nlp.add_pipe("extract_events", config={"reference": reference})
    return nlp


@pytest.fixture(scope="module")
def zh_doc():
    return _nlp("zh")(ZH)


@pytest.fixture(scope="module")
def de_doc():
    return _nlp("de", ruler=[{"label": "ORG", "pattern": "Harlow Logistics"}])(DE)


def test_spacy_components_registered_by_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= names
    # a fresh process that never imports extract itself finds them by name
    code = ("import sys, spacy; nlp = spacy.blank('de'); [nlp.add_pipe(n) for n in sys.argv[1:]]; "
            "print(nlp.pipe_names, 'extract' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, *COMPONENTS], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{COMPONENTS} True"       # spaCy imported extract through the entry points


def test_spacy_components_zh_normalizer(zh_doc):
    assert zh_doc._.opencc_config == "t2s"
    assert zh_doc._.simplified == "星河科技5月6日发布公告，首席执行官王建国因个人原因辞职，董事会任命副总裁陈晓燕接任首席执行官。"
    assert [t.norm_ for t in zh_doc if t.text in "發佈"] == ["发", "布"]


def test_spacy_components_zh_persons_and_dates(zh_doc):
    assert [(e.text, e.label_) for e in zh_doc.ents] == [("5月6日", "DATE"), ("王建國", "PERSON"), ("陳曉燕", "PERSON")]
    assert [(s.text, s._.person_key) for s in zh_doc.spans["persons"]] == [("王建國", "王建国"), ("陳曉燕", "陈晓燕")]
    (date,) = zh_doc.spans["dates"]
    assert (date._.value, date._.date_type, date._.relative) == ("2024-05-06", "date", True)
    assert (date._.date_start, date._.date_end) == (datetime(2024, 5, 6), datetime(2024, 5, 6, 23, 59, 59))


def test_spacy_components_zh_events(zh_doc):
    depart = next(e for e in zh_doc._.events if e["type"] == "depart")
    assert (depart["persons"], depart["org"], depart["role"], depart["date"]) == (["王建国"], "星河科技", "首席执行官",
                                                                                   "2024-05-06")
    triggers = {s.label_: s.text for s in zh_doc.spans["events"]}
    assert triggers["depart"] == "辭職" and "appoint" in triggers      # spans are of the text given (Traditional)
    assert next(s for s in zh_doc.spans["events"] if s.label_ == "depart")._.event is depart


def test_spacy_components_de(de_doc):
    # the entity ruler's ORG stays beside extract's entities; the date is the library's surface
    assert [(e.text, e.label_) for e in de_doc.ents] == [
        ("Lukas Brandauer", "PERSON"), ("Harlow Logistics", "ORG"), ("6. Mai", "DATE"), ("Eva Roth", "PERSON")]
    assert [s._.value for s in de_doc.spans["dates"]] == ["2024-05-06"]
    assert de_doc._.opencc_config == "s2s" and de_doc._.simplified == DE
    depart = next(e for e in de_doc._.events if e["type"] == "depart")
    assert depart["persons"] == ["Lukas Brandauer"] and depart["date"] == "2024-05-06"


def test_spacy_components_reference_per_doc():
    """doc._.reference_date, set before the pipeline runs, resolves 去年 against that day."""
    nlp = _nlp("zh", reference="2024-05-06")
    doc = nlp.make_doc("去年11月，王建国加入星河科技。")
    doc._.reference_date = "2021-03-01"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s._.value for s in doc.spans["dates"]] == ["2020-11"]


def test_spacy_components_unknown_language_says_what_to_do():
    with pytest.raises(ValueError, match="config=\\{'lang'"):
        spacy.blank("en").add_pipe("extract_persons", config={"lang": "fr"})
