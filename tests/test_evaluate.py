"""evaluate: comparison keys, matching, exact figures on hand-made tables, the documented example,
`extract eval`, and the same figures as the reference scorer on the dev set and on data/raw."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import extract
from conftest import ROOT, SHARED
from extract import evaluate, io

GOLD_RAW = ROOT / "tests" / "gold_raw"


@pytest.mark.parametrize("text, key", [
    pytest.param("Lukas  Brandauer", "lukasbrandauer", id="spaces-and-case"),
    pytest.param("简·雷克", "简雷克", id="middle-dot"),
    pytest.param("「星河科技」", "星河科技", id="corner-quotes"),
    pytest.param("ＯｐｅｎＡＩ", "openai", id="full-width-nfkc"),
    pytest.param(None, "", id="none"),
    pytest.param(float("nan"), "", id="nan"),
])
def test_evaluate_surface_key(text, key):
    assert evaluate.surface_key(text) == key


@pytest.mark.parametrize("value, key", [
    pytest.param("2024-05-06T09:12:00", "2024-05-06T09:12", id="zero-seconds-dropped"),
    pytest.param("2024-05-06 09:12", "2024-05-06T09:12", id="space-read-as-T"),
    pytest.param("2024-05-06T00:00", "2024-05-06", id="midnight-dropped"),
    pytest.param("2024-w20", "2024-W20", id="upper-case"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
])
def test_evaluate_value_key(value, key):
    assert evaluate.value_key(value) == key


def test_evaluate_one_to_one_best_first_ties_in_order():
    pairs = evaluate.one_to_one([(1.0, 0, 1), (1.0, 0, 0), (1.0, 1, 0), (0.5, 1, 1), (2.0, 2, 0), (0.0, 3, 3)])
    # (2, 0) scores best; left 0 then takes right 1, as right 0 is used; left 1 has nothing left;
    # a zero score never matches
    assert pairs == [(2, 0), (0, 1)]
    assert evaluate.one_to_one([(1.0, 1, 0), (1.0, 0, 0)]) == [(0, 0)]      # a tie goes to the first left


@pytest.mark.parametrize("tp, pred, gold, p, r, f", [
    pytest.param(0, 0, 0, 1.0, 1.0, 1.0, id="nothing-to-find-nothing-found"),
    pytest.param(0, 2, 0, 0.0, 0.0, 0.0, id="only-false-positives"),
    pytest.param(0, 0, 3, 0.0, 0.0, 0.0, id="nothing-found"),
    pytest.param(1, 2, 4, 0.5, 0.25, 1 / 3, id="partial"),
])
def test_evaluate_counts(tp, pred, gold, p, r, f):
    c = evaluate.Counts(tp, pred, gold)
    assert (c.precision, c.recall) == (p, r) and c.f1 == pytest.approx(f)


# ---------------------------------------------------------------- exact figures on hand-made tables

GOLD = {
    "article_id": "a", "language": "de", "script": "Latn", "title": "Brandauer verlässt Harlow",
    "published": "2024-05-06", "reference_date": "2024-05-06",
    "lines": [{"n": 1, "label": "title"}, {"n": 2, "label": "meta"}, {"n": 3, "label": "content"},
              {"n": 4, "label": "boilerplate"}, {"n": 5, "label": "spam"}],
    "persons": [{"name": "Lukas Brandauer", "aliases": ["Lukas Brandauer", "Brandauer"]},
                {"name": "Eva Roth", "aliases": ["Eva Roth"]}],
    "dates": [{"text": "6. Mai", "value": "2024-05-06", "type": "date", "relative": True},
              {"text": "seit 2019", "value": "2019", "type": "date", "relative": False}],
    "events": [{"type": "depart", "persons": ["Lukas Brandauer"], "org": "Harlow Logistics", "role": "Vorstandschef",
                "date": "2024-05-06", "trigger": "verlässt", "evidence": "…"},
               {"type": "appoint", "persons": ["Eva Roth"], "org": "Harlow Logistics", "role": "Vorstandschefin",
                "date": None, "trigger": "übernimmt", "evidence": "…"}],
}


def _write_run(out: Path) -> None:
    a = "a.txt"
    io.write_tables({
        "articles": [{"article_id": a, "path": a, "status": "ok", "language": "de", "title": "Brandauer verlässt Harlow",
                      "published": "2024-05-06T08:00", "reference_date": "2024-05-06"}],
        # line 2 (meta) taken for content: junk missed; line 5 (spam) called boilerplate: still junk
        "lines": [{"article_id": a, "line_no": n, "text": "x", "label": label, "reason": "test"}
                  for n, label in [(1, "title"), (2, "content"), (3, "content"), (4, "boilerplate"), (5, "boilerplate")]],
        "mentions": [{"article_id": a, "sentence_id": 0, "text": t, "char_start": 0, "char_end": 1, "person_id": pid,
                      "source": "test"} for t, pid in [("Brandauer", "P1"), ("Lukas Brandauer", "P1"), ("Harlow", "P9")]],
        "persons": [{"person_id": "P1", "name": "Lukas Brandauer", "aliases": ["Brandauer"]},
                    {"person_id": "P9", "name": "Harlow", "aliases": ["Harlow"]}],
        "dates": [{"article_id": a, "sentence_id": 0, "text": t, "char_start": 0, "char_end": 1, "value": v, "type": "date"}
                  for t, v in [("6. Mai", "2024-05-06"), ("2019", "2019"), ("Montag", "2024-05-06")]],
        "events": [{"article_id": a, "event_id": "1", "type": "depart", "person_ids": ["P1"], "org": "Harlow",
                    "role": "Vorstandschef", "date": "2024-05", "trigger": "verlässt", "sentence_id": 0, "evidence": "…"}],
    }, out)


@pytest.fixture(scope="module")
def handmade(tmp_path_factory):
    root = tmp_path_factory.mktemp("handmade")
    (root / "gold").mkdir()
    (root / "gold" / "a.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    _write_run(root / "run")
    return evaluate.evaluate(root / "gold", root / "run")


def test_evaluate_handmade_articles(handmade):
    assert handmade["articles"] == {"scored": 1, "found": 1, "title_accuracy": 1.0, "language_accuracy": 1.0,
                                    "published_accuracy": 1.0, "reference_date_accuracy": 1.0}


def test_evaluate_handmade_lines(handmade):
    lines = handmade["lines"]
    # gold junk: lines 2, 4, 5; predicted junk: 4, 5 → P 1, R 2/3
    assert lines["junk_removal"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8, "tp": 2, "pred": 2, "gold": 3}
    assert lines["label_accuracy"] == 0.6 and lines["body_retention"] == 1.0
    assert lines["confusion"] == {"title": {"title": 1}, "meta": {"content": 1}, "content": {"content": 1},
                                  "boilerplate": {"boilerplate": 1}, "spam": {"boilerplate": 1}}


def test_evaluate_handmade_persons_dates_events(handmade):
    # P1 is Lukas Brandauer; P9 (Harlow) matches nobody; Eva Roth is missed
    assert handmade["persons"]["entities"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}
    assert handmade["persons"]["alias_recall"] == pytest.approx(2 / 3, abs=1e-4)
    # "2019" lies inside "seit 2019"; "Montag" is extra
    assert handmade["dates"]["extraction"]["tp"] == 2 and handmade["dates"]["extraction"]["pred"] == 3
    assert handmade["dates"]["value_accuracy_matched"] == 1.0
    events = handmade["events"]
    assert events["type_person"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "pred": 1, "gold": 2}
    # org "Harlow" shares too few characters with "Harlow Logistics"; 2024-05 is not 2024-05-06
    assert (events["date_accuracy_matched"], events["org_accuracy_matched"], events["role_accuracy_matched"]) == \
        (0.0, 0.0, 1.0)
    assert events["complete"]["tp"] == 0
    assert handmade["per_article"]["a"]["events"]["f1"] == 0.6667


def test_evaluate_markdown_has_every_section(handmade):
    md = evaluate.to_markdown(handmade)
    for heading in ("## Per table", "## Event arguments", "## Line labels", "## Per article"):
        assert heading in md
    assert re.search(r"^\| \*\*spam\*\* \|", md, re.M)
    assert "| a | 0.600 |" in md


# ---------------------------------------------------------------- the documented example

def test_evaluate_documented_example_scores(tmp_path):
    """docs/GOLD_FORMAT.md's raw file and gold file are valid and score as a reader would expect."""
    doc = (ROOT / "docs" / "GOLD_FORMAT.md").read_text(encoding="utf-8")
    raw = re.search(r"The raw file `zh_demo.txt`:\n\n```\n(.*?)```", doc, re.S).group(1)
    gold = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    (tmp_path / "in").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "in" / "zh_demo.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "gold" / "zh_demo.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    extract.run(tmp_path / "in", tmp_path / "out")
    report = evaluate.evaluate(tmp_path / "gold", tmp_path / "out")
    assert report["lines"]["label_accuracy"] == 1.0
    assert report["persons"]["entities"]["f1"] == 1.0
    assert report["events"]["type_person"]["gold"] == 2


# ---------------------------------------------------------------- the command

def test_evaluate_cli_markdown_and_json(raw_run_dir, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "extract", "eval", "--gold", GOLD_RAW, "--pred", raw_run_dir,
                           "--markdown", "--json", tmp_path / "r.json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["articles"]["found"] == report["articles"]["scored"] == len(list(GOLD_RAW.glob("*.json")))
    assert f"{report['persons']['entities']['f1']:.3f}" in proc.stdout
    assert "## Per article" in proc.stdout


def test_evaluate_cli_empty_gold_folder_exit_2(raw_run_dir, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "extract", "eval", "--gold", tmp_path, "--pred", raw_run_dir],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "no gold files" in proc.stderr and "GOLD_FORMAT.md" in proc.stderr


# ---------------------------------------------------------------- the same figures as the reference scorer

def _reference_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"reference scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _figures(report: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in report.items():
        if isinstance(value, dict):
            out.update(_figures(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


# the reference report's article figures sit at its top level; everything else has the same path
_ARTICLE_FIGURES = {"articles_scored": "articles.scored", "articles_found": "articles.found",
                    "title_accuracy": "articles.title_accuracy", "language_accuracy": "articles.language_accuracy",
                    "published_accuracy": "articles.published_accuracy",
                    "reference_date_accuracy": "articles.reference_date_accuracy"}


def _compare(gold_dir: Path, run_dir: Path) -> int:
    theirs = _reference_scorer().score(gold_dir, run_dir, per_article=True)
    ours = evaluate.evaluate(gold_dir, run_dir)
    mine = _figures(ours)
    n = 0
    for key, value in _figures({k: v for k, v in theirs.items() if k != "per_article"}).items():
        if key.startswith("lines.confusion."):            # off-diagonal cells "gold->pred"
            truth, guess = key.removeprefix("lines.confusion.").split("->")
            assert ours["lines"]["confusion"][truth].get("(missing)" if guess == "None" else guess) == value, key
        else:
            assert mine[_ARTICLE_FIGURES.get(key, key)] == value, key
        n += 1
    for stem, tables in theirs["per_article"].items():
        for table, counts in tables.items():
            assert ours["per_article"][stem][table] == counts, (stem, table)
            n += 1
    return n


def test_evaluate_equals_reference_scorer_on_dev_set(dev_run_dir):
    assert _compare(SHARED / "gold", dev_run_dir) > 50


def test_evaluate_equals_reference_scorer_on_data_raw(raw_run_dir):
    assert _compare(GOLD_RAW, raw_run_dir) > 50
