"""plots: the CJK font check, and the article prepared for displaCy with exact offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract

matplotlib = pytest.importorskip("matplotlib")
plots = pytest.importorskip("extract.plots")


def test_plots_missing_glyphs_catches_a_latin_only_font():
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    assert plots.missing_glyphs(["林嘉文 Jürgen", "赵启明"], dejavu) == set("林嘉文赵启明")


def test_plots_cjk_font_has_chinese_german_and_latin():
    font = plots.use_cjk_font()
    assert font.path.exists()
    assert plots.missing_glyphs(["林嘉文 Jürgen Falk · 马克·约翰逊 2024-03 Zhao Qiming（赵启明）"], font.path) == set()
    assert matplotlib.rcParams["font.sans-serif"][0] == font.name


@pytest.fixture(scope="module")
def tables(raw_run_dir):
    return extract.load(raw_run_dir, tables=["sentences", "mentions", "dates"])


@pytest.mark.parametrize("article_id", ["zh_hant_mirror.txt", "de_news.txt", "en_news.txt"])
def test_plots_displacy_article_offsets_exact(tables, article_id):
    def rows(name):
        return tables[name][tables[name].article_id == article_id]

    doc = plots.displacy_article(rows("sentences"), rows("mentions"), rows("dates"))
    surfaces = set(rows("mentions").text) | set(rows("dates").text)
    shown = [doc["text"][e["start"]:e["end"]] for e in doc["ents"]]
    assert shown and set(shown) <= surfaces
    assert all(a["end"] <= b["start"] for a, b in zip(doc["ents"], doc["ents"][1:]))   # no overlaps
    assert any(e["label"].startswith("DATE 20") for e in doc["ents"])
