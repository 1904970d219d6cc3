"""metadata: index files, front matter and path dates; the run takes title, publication date and
reference date from the strongest source that has them. Articles and index files are written here."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import extract
from extract import metadata


@pytest.mark.parametrize("value, iso", [
    ("2019-03-06", "2019-03-06"),
    ("2019-03-06 12:30", "2019-03-06T12:30"),
    ("2019-03-06T12:30:00Z", "2019-03-06T12:30:00"),
    ("06.03.2019", "2019-03-06"),
    ("March 6, 2019", "2019-03-06"),
    ("2019年3月6日", "2019-03-06"),
    (1551875400, "2019-03-06T12:30"),
    ("", None),
    ("soon", None),
    ("2019-02-30", None),
])
def test_metadata_iso_date_of_index_values(value, iso):
    assert metadata.iso_date(value) == iso


def test_metadata_index_keys_by_path_beside_the_index_then_name_then_stem(tmp_path):
    rows = [{"file": "articles/a/0001.txt", "date": "2024-05-01", "title": "一"},
            {"file": "articles/b/0001.txt", "date": "2024-05-02", "title": "二"},   # same name as the first
            {"path": "c/story.md", "published": "2024-05-03"},                       # a path under INPUT_DIR
            {"id": "0042", "date": "2024-05-04"},                                    # a stem only
            {"date": "2024-05-05"}]                                                  # names no file
    idx = metadata.build_index(rows, str(tmp_path), str(tmp_path / "articles"))
    assert idx.lookup("a/0001.txt").published == "2024-05-01"
    assert idx.lookup("b/0001.txt").published == "2024-05-02"
    assert idx.lookup("elsewhere/0001.txt") is None and "0001.txt" in idx.ambiguous
    assert idx.lookup("c/story.md").published == "2024-05-03"
    assert idx.lookup("x/0042.txt").published == "2024-05-04"
    assert idx.rows == 5 and idx.rows_without_key == 1


@pytest.mark.parametrize("lines, fields", [
    (["---", "title: \"星河电池CEO辞职\"", "date: 2024-03-05", "author: 李想", "---", "正文第一段。"],
     {"title": "星河电池CEO辞职", "date": "2024-03-05", "author": "李想"}),
    (["", "---", "title: Ein Titel", "tags:", "  - Wirtschaft", "..."], {"title": "Ein Titel", "tags": ""}),
    (["---", "title: never closed", "Dann kommt Fließtext."], None),
    (["---", "Ein Absatz unter einer Trennlinie, kein YAML.", "---"], None),
    (["Kein Block", "---", "title: x", "---"], None),
])
def test_metadata_front_matter_block(lines, fields):
    got = metadata.front_matter(lines)
    assert (got[1] if got else None) == fields


@pytest.mark.parametrize("article_id, iso", [
    ("20250328_08.txt", "2025-03-28"),
    ("2024/10/25/ceo-tritt-zurueck.html", "2024-10-25"),
    ("news-2024-10-25-ceo.txt", "2024-10-25"),
    ("2023/archive/2024_01_02.txt", "2024-01-02"),
    ("12345678.txt", None),
    ("20241399.txt", None),
    ("story.txt", None),
])
def test_metadata_date_from_path(article_id, iso):
    assert metadata.date_from_path(article_id) == iso


def _write(folder, name, text):
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


BODY_ZH = "星河电池公司周一宣布，首席执行官王立明因个人原因辞去职务。他今年5月已向董事会提交辞呈，公司随即启动遴选。\n"


def test_metadata_run_takes_an_index_at_the_root_and_it_is_no_article(tmp_path):
    src = tmp_path / "in"
    _write(src, "story.txt", "星河电池CEO王立明辞职\n" + BODY_ZH)
    _write(src, "index.jsonl", json.dumps({"file": "story.txt", "date": "2024-06-03", "title": "王立明辞任星河电池CEO",
                                           "author": "快报记者"}, ensure_ascii=False) + "\n")
    summary = extract.run(src, tmp_path / "out")
    t = extract.load(tmp_path / "out")
    (a,) = t.articles.itertuples()
    assert a.article_id == "story.txt" and a.published == "2024-06-03" and a.published_source == "metadata"
    assert a.title == "王立明辞任星河电池CEO" and a.title_source == "metadata" and a.author == "快报记者"
    assert a.reference_date == "2024-06-03" and a.reference_source == "published"
    assert t.dates.query("text == '今年5月'").value.tolist() == ["2024-05"]
    assert any("index.jsonl" in n and "not an article" in n for n in summary.notes)


def test_metadata_run_with_a_csv_given_beside_the_folder(tmp_path):
    src = tmp_path / "archive" / "articles"
    _write(src, "zh/0001.txt", "王立明辞职\n" + BODY_ZH)
    _write(src, "zh/0002.txt", "新闻\n" + BODY_ZH.replace("王立明", "陈雅"))
    meta = _write(tmp_path / "archive", "meta.csv", "file,date,title\narticles/zh/0001.txt,2024-06-03,标题一\n")
    summary = extract.run(src, tmp_path / "out", metadata=str(meta))
    arts = extract.load(tmp_path / "out").articles.set_index("article_id")
    assert arts.loc["zh/0001.txt", "published"] == "2024-06-03"
    assert pd.isna(arts.loc["zh/0002.txt", "published_source"])
    assert "metadata: matched 1 of 2 articles" in summary.notes


def test_metadata_front_matter_lines_are_meta_and_fill_the_article(tmp_path):
    src = tmp_path / "in"
    _write(src, "post.md", "---\ntitle: 星河电池CEO王立明辞职\ndate: 2024-03-05 09:30\nauthor: 李想\n---\n"
                           "# 星河电池CEO王立明辞职\n" + BODY_ZH)
    extract.run(src, tmp_path / "out")
    t = extract.load(tmp_path / "out")
    (a,) = t.articles.itertuples()
    assert (a.title, a.title_source, a.published, a.published_source, a.author) == \
        ("星河电池CEO王立明辞职", "front-matter", "2024-03-05T09:30", "front-matter", "李想")
    labels = t.lines.sort_values("line_no")[["label", "reason"]].values.tolist()
    assert labels[:5] == [["meta", "meta:front-matter"]] * 5
    assert labels[5][0] == "title"


def test_metadata_path_date_and_run_default_reference(tmp_path):
    src = tmp_path / "in"
    _write(src, "20240603_01.txt", "王立明辞职\n" + BODY_ZH)
    _write(src, "undated.txt", "陈雅辞职\n" + BODY_ZH.replace("王立明", "陈雅"))
    summary = extract.run(src, tmp_path / "out", reference_date="2024-12-31")
    arts = extract.load(tmp_path / "out").articles.set_index("article_id")
    assert arts.loc["20240603_01.txt", ["published", "published_source", "reference_source"]].tolist() == \
        ["2024-06-03", "path", "published"]
    assert arts.loc["undated.txt", ["reference_date", "reference_source"]].tolist() == ["2024-12-31", "run-default"]
    assert not any("no reference date" in n for n in summary.notes)


def test_metadata_summary_counts_articles_without_a_reference_date(tmp_path):
    src = tmp_path / "in"
    _write(src, "undated.txt", "陈雅辞职\n" + BODY_ZH.replace("王立明", "陈雅"))
    summary = extract.run(src, tmp_path / "out")
    assert any(n.startswith("1 of 1 articles have no reference date") for n in summary.notes)


def test_metadata_bad_index_line_is_a_clear_error(tmp_path):
    src = tmp_path / "in"
    _write(src, "a.txt", BODY_ZH)
    bad = _write(tmp_path, "index.jsonl", '{"file": "a.txt"}\n{"file": "b.txt", oops}\n')
    with pytest.raises(extract.io.InputError, match=r"index\.jsonl:2: not a JSON object"):
        extract.run(src, tmp_path / "out", metadata=str(bad))
