"""pipeline end to end: data/raw in, eight tables out; bad input; determinism; quality floors.

Each run happens once per module (module-scoped fixtures); the tests only read its tables.
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import extract
from extract import io, normalize
from extract.model import TABLE_NAMES, TABLE_SCHEMAS, CleanArticle, Line

TESTS = Path(__file__).parent
ROOT = TESTS.parent
RAW = ROOT / "data" / "raw"
GOLD_RAW = TESTS / "gold_raw"
SHARED = Path(os.environ.get("EXTRACT_SHARED", Path(__file__).parents[2] / "shared"))
FLOORS = json.loads((TESTS / "quality_floors.json").read_text(encoding="utf-8"))

STATUS = {
    "binary.dat": "error",
    "blank_lines.txt": "empty",
    "de_mt_from_chinese.txt": "ok",
    "de_news.txt": "ok",
    "empty.txt": "empty",
    "en_news.txt": "ok",
    "sub/zh_crlf_bom.txt": "ok",
    "zh_big5.txt": "ok",
    "zh_gb18030.txt": "ok",
    "zh_hans_portal.txt": "ok",
    "zh_hant_mirror.txt": "ok",
    "zh_pasted_twice.txt": "ok",
    "zh_utf16.txt": "ok",
}
OK = sorted(a for a, s in STATUS.items() if s == "ok")
MINED = ["sentences", "tokens", "mentions", "dates"]  # tables with text/char_start/char_end into the clean text


def _run(tmp_path_factory, name: str, **options) -> Path:
    out = tmp_path_factory.mktemp(name) / "out"
    extract.run(RAW, out, quiet=True, **options)
    return out


@pytest.fixture(scope="module")
def run_dir(raw_run_dir) -> Path:
    return raw_run_dir      # conftest.py: data/raw run once per session, shared with other modules


@pytest.fixture(scope="module")
def tables(run_dir):
    return extract.load(run_dir)


@pytest.fixture(scope="module")
def clean_texts(tables) -> dict[str, str]:
    return {aid: clean_text(tables, aid) for aid in OK}


def clean_text(tables, article_id: str) -> str:
    """The article's clean normalized text, rebuilt from its `lines` rows and OpenCC configuration."""
    art = tables.articles.set_index("article_id").loc[article_id]
    rows = tables.lines[tables.lines.article_id == article_id].sort_values("line_no")
    lines = tuple(Line(int(r.line_no), r.text, r.label, r.reason) for r in rows.itertuples())
    norm = normalize.normalize_article(CleanArticle(lines, None, None, art.language, art.script),
                                       config=art.opencc_config)
    return norm.text


# ---------------------------------------------------------------- articles and lines

def test_pipeline_every_input_file_has_one_article_row(tables):
    assert sorted(tables.articles.article_id) == sorted(STATUS)
    assert sorted(p.relative_to(RAW).as_posix() for p in io.list_input_files(RAW)) == sorted(STATUS)


@pytest.mark.parametrize("article_id, status", sorted(STATUS.items()))
def test_pipeline_article_status(tables, article_id, status):
    row = tables.articles.set_index("article_id").loc[article_id]
    assert row.status == status, row.error
    if status == "ok":
        assert pd.isna(row.error)
    else:
        assert isinstance(row.error, str) and len(row.error) > 10 and "Traceback" not in row.error
        assert not (tables.lines.article_id == article_id).any()


@pytest.mark.parametrize("article_id", OK)
def test_pipeline_every_nonempty_line_has_a_row(tables, article_id):
    raw = io.read_input(RAW / article_id, 10**8).text.split("\n")
    expected = {i + 1: x for i, x in enumerate(raw) if x.strip()}
    rows = tables.lines[tables.lines.article_id == article_id]
    assert rows.line_no.is_unique
    assert dict(zip(rows.line_no, rows.text)) == expected
    assert not rows.text.str.startswith("\ufeff").any()


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_pipeline_tables_match_schema(run_dir, name):
    parts = sorted((run_dir / name).glob("part-*.parquet"))
    assert parts
    for part in parts:
        assert pq.read_schema(part).remove_metadata().equals(TABLE_SCHEMAS[name]), part


@pytest.mark.parametrize("name", MINED)
def test_pipeline_offsets_into_clean_text(tables, clean_texts, name):
    df = tables[name]
    assert set(df.article_id) <= set(OK)
    bad = [(r.article_id, r.char_start, r.char_end, r.text) for r in df.itertuples()
           if clean_texts[r.article_id][r.char_start:r.char_end] != r.text]
    assert not bad, bad[:5]


def test_pipeline_events_point_at_sentences(tables):
    sentences = set(zip(tables.sentences.article_id, tables.sentences.sentence_id))
    assert all((r.article_id, r.sentence_id) in sentences for r in tables.events.itertuples())
    persons = set(tables.persons.person_id)
    assert set(tables.mentions.person_id) <= persons
    assert all(set(r.person_ids) <= persons for r in tables.events.itertuples())


# ---------------------------------------------------------------- determinism

@pytest.fixture(scope="module")
def run_dir_again(tmp_path_factory) -> Path:
    return _run(tmp_path_factory, "run2")


@pytest.fixture(scope="module")
def run_dir_two_workers(tmp_path_factory) -> Path:
    return _run(tmp_path_factory, "run_w2", workers=2)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_pipeline_second_run_identical(tables, run_dir_again, name):
    pd.testing.assert_frame_equal(tables[name], extract.load(run_dir_again)[name])


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_pipeline_two_workers_same_tables(tables, run_dir_two_workers, name):
    pd.testing.assert_frame_equal(tables[name], extract.load(run_dir_two_workers)[name])


# ---------------------------------------------------------------- quality against gold

def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"shared scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _metric(report: dict, dotted: str) -> float:
    value = report
    for key in dotted.split("."):
        value = value[key]
    return value


@pytest.fixture(scope="module")
def raw_report(run_dir) -> dict:
    return _scorer().score(GOLD_RAW, run_dir)


@pytest.fixture(scope="module")
def dev_report(dev_run_dir) -> dict:
    return _scorer().score(SHARED / "gold", dev_run_dir)     # dev_run_dir: conftest.py, once per session


def test_pipeline_gold_raw_files_cover_ok_articles():
    assert sorted(p.stem for p in GOLD_RAW.glob("*.json")) == sorted(Path(a).stem for a in OK)


@pytest.mark.parametrize("report_name", ["raw_report", "dev_report"])
def test_pipeline_scored_articles_all_found(request, report_name):
    report = request.getfixturevalue(report_name)
    assert report["articles_found"] == report["articles_scored"]
    assert report["missing_tables"] == []


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["data_raw"].items()))
def test_pipeline_quality_floor_data_raw(raw_report, metric, floor):
    assert _metric(raw_report, metric) >= floor, f"{metric} fell below its floor {floor} (tests/quality_floors.json)"


@pytest.mark.parametrize("metric, floor", sorted(FLOORS["dev"].items()))
def test_pipeline_quality_floor_dev(dev_report, metric, floor):
    assert _metric(dev_report, metric) >= floor, f"{metric} fell below its floor {floor} (tests/quality_floors.json)"


# ---------------------------------------------------------------- bad input never crashes a run

BIG_LINE = "星衡机器人首席技术官林嘉文于3月8日离职，随后加入灵犀动力出任首席科学家。"


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    src = tmp_path_factory.mktemp("mixed")
    rng = random.Random(20240312)
    (src / "binary.bin").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (src / "empty.txt").write_bytes(b"")
    (src / "one_line_5mb.txt").write_text(BIG_LINE * (5_000_000 // len(BIG_LINE.encode())), encoding="utf-8")
    (src / "one_line_600kb.txt").write_text(BIG_LINE * (600_000 // len(BIG_LINE.encode())), encoding="utf-8")
    (src / "good.txt").write_text(
        "远驰汽车总裁李卫东休长假\n2024-06-03 18:45 来源：车闻网\n"
        "6月3日，远驰汽车发布公告称，公司总裁李卫东因健康原因将休假三个月。\n"
        "休假期间由副总裁许婧代为履行总裁职责。\n", encoding="utf-8")
    locked = src / "locked.txt"
    locked.write_text("这篇文章读不到。\n", encoding="utf-8")
    locked.chmod(0)
    mp = pytest.MonkeyPatch()
    if os.access(locked, os.R_OK):  # running as root: permissions do not stop us, so fail the read ourselves
        real = Path.read_bytes

        def read_bytes(self):
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        mp.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path_factory.mktemp("mixed_out") / "out"
    try:
        extract.run(src, out, quiet=True, workers=1)
    finally:
        mp.undo()
        locked.chmod(0o644)
    return extract.load(out)


@pytest.mark.parametrize("article_id, status, words", [
    pytest.param("binary.bin", "error", "binary", id="binary"),
    pytest.param("empty.txt", "empty", "empty", id="empty"),
    pytest.param("one_line_5mb.txt", "error", "characters, over the limit of 500,000 for one article",
                 id="5mb-single-line-over-the-article-limit"),
    pytest.param("one_line_600kb.txt", "ok", None, id="600kb-single-line"),
    pytest.param("locked.txt", "error", "cannot read", id="unreadable"),
    pytest.param("good.txt", "ok", None, id="good"),
])
def test_pipeline_mixed_folder_statuses(mixed_run, article_id, status, words):
    row = mixed_run.articles.set_index("article_id").loc[article_id]
    assert row.status == status, row.error
    if words:
        assert words in row.error
    else:
        assert pd.isna(row.error)


def test_pipeline_mixed_folder_good_article_processed(mixed_run):
    lines = mixed_run.lines[mixed_run.lines.article_id == "good.txt"]
    assert lines.line_no.tolist() == [1, 2, 3, 4]
    assert (mixed_run.sentences.article_id == "good.txt").any()


def test_pipeline_internal_failure_of_one_article_spares_its_batch(tmp_path, monkeypatch):
    """A stage raising on one article makes that article an ``error`` row with the place of the
    failure (keeping its cleaned lines); the other articles of its batch lose nothing, even when
    the model's batch with that article's windows fails."""
    from extract import persons, pipeline
    from extract.persons import recognizer as person_model

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("星河科技任命王建国\n2024年5月3日\n星河科技周五宣布，王建国出任首席执行官。\n", encoding="utf-8")
    (src / "b.txt").write_text("灵犀动力新闻\n2024年6月1日\n灵犀动力宣布，陈晓燕加入公司担任首席科学家。\n", encoding="utf-8")
    (src / "c.txt").write_text("千帆科技新闻\n2024年7月2日\n千帆科技表示，刘志强将于下月离职。\n", encoding="utf-8")
    real_find, real_predict = persons.find_mentions, person_model.predict

    def find_fails_on_b(sentences, tokens, *a, **k):
        if any("灵犀" in s.text for s in sentences):
            raise RuntimeError("boom")
        return real_find(sentences, tokens, *a, **k)

    def predict_fails_on_b(texts):       # the batch holds b's windows, so the batch fails too
        if any("灵犀" in x or "陈晓燕" in x for x in texts):
            raise MemoryError("no room")
        return real_predict(texts)

    monkeypatch.setattr(persons, "find_mentions", find_fails_on_b)
    monkeypatch.setattr(person_model, "predict", predict_fails_on_b)
    pipeline.run(src, tmp_path / "out", workers=1, quiet=True)
    t = extract.load(tmp_path / "out")
    status = dict(zip(t.articles.article_id, t.articles.status))
    assert status == {"a.txt": "ok", "b.txt": "error", "c.txt": "ok"}
    error = t.articles.set_index("article_id").loc["b.txt", "error"]
    assert "RuntimeError: boom" in error and "internal error in" in error
    assert set(t.lines.article_id) == {"a.txt", "b.txt", "c.txt"}     # b keeps its cleaned lines
    assert {"王建国", "刘志强"} <= set(t.mentions.text)          # a and c keep their persons
