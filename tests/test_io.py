"""io: decoding every encoding we meet, readable errors for what is not text, listing and writing tables."""
from __future__ import annotations

import codecs
import os
import random

import pyarrow.parquet as pq
import pytest

from extract import io
from extract.model import TABLE_NAMES, TABLE_SCHEMAS

ZH_HANS = "云帆网络创始人张立新宣布卸任首席执行官，转任董事会副主席。\n公司表示，新任管理层将于下月到位。\n"
ZH_RARE = "蓝鲸数据首席财务官陈䶮将担任合并后公司的首席财务官，负责财务与投资者关系。\n"  # 䶮 U+4DAE: not in GBK
ZH_HANT = "宏曜電子董事會決議將總經理解職，即日生效。前副總經理蔡佩珊將回任公司，並接任總經理一職。\n"
DE = "Der Vorstandsvorsitzende tritt mit sofortiger Wirkung zurück. Übergangsweise übernimmt Stefan Kühn.\n"


@pytest.mark.parametrize("data, text, encoding", [
    pytest.param(ZH_HANS.encode("utf-8"), ZH_HANS, "utf-8", id="utf-8"),
    pytest.param(DE.encode("utf-8"), DE, "utf-8", id="utf-8-latin"),
    pytest.param(codecs.BOM_UTF8 + ZH_HANS.encode("utf-8"), ZH_HANS, "utf-8-sig", id="utf-8-bom"),
    pytest.param(codecs.BOM_UTF16_LE + ZH_HANT.encode("utf-16-le"), ZH_HANT, "utf-16", id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + ZH_HANT.encode("utf-16-be"), ZH_HANT, "utf-16", id="utf-16-be-bom"),
    pytest.param(ZH_HANS.encode("gb18030"), ZH_HANS, "gb18030", id="gb18030"),
    pytest.param((ZH_HANS + ZH_RARE).encode("gb18030"), ZH_HANS + ZH_RARE, "gb18030", id="gb18030-ext-a"),
    pytest.param(ZH_HANT.encode("big5"), ZH_HANT, "big5", id="big5"),
])
def test_io_decode_encodings(data, text, encoding):
    assert io.decode(data) == (text, encoding)


def test_io_gb18030_sample_needs_more_than_gbk():
    """The rare character really is one GBK lacks, so only a GB18030 decode is lossless."""
    with pytest.raises(UnicodeEncodeError):
        ZH_RARE.encode("gbk")


@pytest.mark.parametrize("raw, expected", [
    pytest.param(b"line one\r\nline two\r\n", "line one\nline two\n", id="crlf"),
    pytest.param(b"line one\rline two\r", "line one\nline two\n", id="cr"),
    pytest.param(b"line one\r\n\r\nline two", "line one\n\nline two", id="crlf-blank-line"),
    pytest.param("苏文博于2018年\x07加入华研生物。\n".encode(), "苏文博于2018年加入华研生物。\n", id="bel-removed"),
    pytest.param(b"The board\x00 named\x1b Laura Feng\x7f interim\x0c CEO on Friday.\n",
                 "The board named Laura Feng interim CEO on Friday.\n", id="controls-removed"),
    pytest.param(b"keep\ttabs\n", "keep\ttabs\n", id="tab-kept"),
    pytest.param(codecs.BOM_UTF8 + "标题\r\n正文\r\n".encode(), "标题\n正文\n", id="bom-crlf"),
    pytest.param(codecs.BOM_UTF16_LE + "標題\r\n內文\r\n".encode("utf-16-le"), "標題\n內文\n", id="utf16-crlf"),
])
def test_io_read_input_line_ends_and_controls(tmp_path, raw, expected):
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    assert io.read_input(p, max_bytes=10_000).text == expected


def _random_bytes(seed: int, n: int = 2048, low: int = 0) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(n))


@pytest.mark.parametrize("data, words", [
    pytest.param(_random_bytes(20240312), ("binary",), id="random-with-nul"),
    pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _random_bytes(7, 500), ("binary",), id="zip-header"),
    pytest.param(b"\x00\x00\x00\x00" * 300, ("binary",), id="all-nul"),
    pytest.param(_random_bytes(3, low=1), ("undecodable",), id="random-no-nul"),
    pytest.param(bytes(range(0x80, 0x100)) * 8, ("undecodable",), id="high-bytes"),
    pytest.param("林嘉文离职。".encode() + b"\xff\xfe\xff" + "加入灵犀动力。".encode(), ("undecodable",),
                 id="utf8-with-broken-bytes"),
    pytest.param(bytes(range(1, 32)) * 50, ("binary", "control"), id="control-characters"),
])
def test_io_not_text_raises_input_error(tmp_path, data, words):
    p = tmp_path / "blob.dat"
    p.write_bytes(data)
    with pytest.raises(io.InputError) as exc:
        io.read_input(p, max_bytes=1_000_000)
    msg = str(exc.value)
    assert all(w in msg for w in words), msg
    assert "\n" not in msg and len(msg) < 200


def test_io_size_limit_is_a_readable_error(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("新闻" * 1000, encoding="utf-8")
    with pytest.raises(io.InputError, match=r"over the limit of 1,000"):
        io.read_input(p, max_bytes=1000)
    assert io.read_input(p, max_bytes=6000).text == "新闻" * 1000


def test_io_list_input_files_recursive_sorted_hidden_skipped(tmp_path):
    for rel in ["b.txt", "a.txt", "sub/z.txt", "sub/deeper/c.txt", "A_upper.txt", ".hidden.txt",
                ".git/config", "sub/.DS_Store", "sub/.cache/x.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    got = [p.relative_to(tmp_path).as_posix() for p in io.list_input_files(tmp_path)]
    assert got == ["A_upper.txt", "a.txt", "b.txt", "sub/deeper/c.txt", "sub/z.txt"]


# ---------------------------------------------------------------- writing and loading tables

def _rows(tag: str = "a") -> dict[str, list[dict]]:
    return {
        "articles": [{"article_id": f"{tag}.txt", "path": f"/in/{tag}.txt", "status": "ok", "language": "zh",
                      "n_chars": 12}],
        "lines": [{"article_id": f"{tag}.txt", "line_no": 1, "text": "标题", "label": "title", "reason": "first"}],
        "sentences": [{"article_id": f"{tag}.txt", "sentence_id": 0, "text": "标题", "char_start": 0, "char_end": 2}],
        "tokens": [{"article_id": f"{tag}.txt", "sentence_id": 0, "token_id": 0, "text": "标题", "char_start": 0,
                    "char_end": 2}],
        "mentions": [],
        "persons": [{"person_id": "p1", "name": "林嘉文", "aliases": ["林嘉文", "Lin Jiawen"], "n_mentions": 2}],
        "dates": [{"article_id": f"{tag}.txt", "sentence_id": 0, "text": "3月8日", "char_start": 0, "char_end": 4,
                   "value": "2024-03-08", "type": "date", "relative": True}],
        "events": [{"article_id": f"{tag}.txt", "event_id": "e1", "type": "depart", "person_ids": ["p1"],
                    "trigger": "离职", "sentence_id": 0, "evidence": "林嘉文离职"}],
    }


def test_io_write_tables_all_eight_with_schemas(tmp_path):
    out = tmp_path / "out"
    counts = io.write_tables(_rows(), out)
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n}.parquet" for n in TABLE_NAMES] + [io.MANIFEST])
    assert counts == {"articles": 1, "lines": 1, "sentences": 1, "tokens": 1, "mentions": 0, "persons": 1,
                      "dates": 1, "events": 1}
    for name in TABLE_NAMES:
        assert pq.read_schema(out / f"{name}.parquet").remove_metadata().equals(TABLE_SCHEMAS[name]), name
    assert os.listdir(tmp_path) == ["out"]  # no temporary folder left beside it or inside
    assert not [p for p in out.iterdir() if p.name.startswith(".tmp-")]


def test_io_failed_write_keeps_previous_tables(tmp_path, monkeypatch):
    out = tmp_path / "out"
    io.write_tables(_rows("first"), out)
    written = []

    class Flaky(io.pq.ParquetWriter):      # the disk fills up at the fourth table
        def write_table(self, table, *a, **kw):
            if len(written) == 3:
                raise OSError(28, "No space left on device")
            written.append(table)
            super().write_table(table, *a, **kw)

    monkeypatch.setattr(io.pq, "ParquetWriter", Flaky)
    with pytest.raises(OSError):
        io.write_tables(_rows("second"), out)
    monkeypatch.undo()
    t = io.load_tables(out)
    for name in ("articles", "lines", "sentences", "tokens", "dates", "events"):
        assert t[name]["article_id"].tolist() == ["first.txt"], name
    assert os.listdir(tmp_path) == ["out"]


@pytest.mark.parametrize("present, missing", [
    pytest.param([], "articles, lines, sentences", id="empty-folder"),
    pytest.param(["articles", "lines"], "sentences, tokens, mentions, persons, dates, events", id="two-tables"),
    pytest.param([n for n in TABLE_NAMES if n != "events"], "events", id="all-but-events"),
])
def test_io_load_incomplete_folder_says_what_is_missing(tmp_path, present, missing):
    full = tmp_path / "full"
    io.write_tables(_rows(), full)
    part = tmp_path / "part"
    part.mkdir()
    for n in present:
        (part / f"{n}.parquet").write_bytes((full / f"{n}.parquet").read_bytes())
    with pytest.raises(FileNotFoundError) as exc:
        io.load_tables(part)
    msg = str(exc.value)
    assert f"missing {missing}" in msg and "extract run" in msg


def test_io_interrupted_replacement_is_refused_by_load(tmp_path, monkeypatch):
    out = tmp_path / "out"
    io.write_tables(_rows("first"), out)
    real, moved = io.os.replace, []

    def dies_midway(src, dst):
        if len(moved) == 4:
            raise KeyboardInterrupt
        moved.append(dst)
        real(src, dst)

    monkeypatch.setattr(io.os, "replace", dies_midway)
    with pytest.raises(KeyboardInterrupt):
        io.write_tables(_rows("second"), out)
    monkeypatch.undo()
    with pytest.raises(FileNotFoundError, match="interrupted"):
        io.load_tables(out)       # four tables of one run and four of another are never loaded together


def test_io_load_complete_folder(tmp_path):
    io.write_tables(_rows(), tmp_path / "out")
    t = io.load_tables(tmp_path / "out")
    assert list(t) == list(TABLE_NAMES)
    assert t.persons.loc[0, "aliases"].tolist() == ["林嘉文", "Lin Jiawen"]
    assert t["events"].loc[0, "type"] == "depart"


@pytest.mark.parametrize("include, exclude, expected", [
    pytest.param((), (), ["a.txt", "page.html", "sub/b.txt", "sub/deep/c.html"], id="no-patterns-all"),
    pytest.param(("*.txt",), (), ["a.txt", "sub/b.txt"], id="include-by-name-at-any-depth"),
    pytest.param(("sub/*",), (), ["sub/b.txt", "sub/deep/c.html"], id="include-by-path-star-crosses-slash"),
    pytest.param((), ("*.html",), ["a.txt", "sub/b.txt"], id="exclude-by-name"),
    pytest.param(("sub/*",), ("sub/deep/*",), ["sub/b.txt"], id="exclude-wins-over-include"),
    pytest.param(("*.txt", "*.html"), ("a.*",), ["page.html", "sub/b.txt", "sub/deep/c.html"], id="several-patterns"),
    pytest.param(("*.pdf",), (), [], id="nothing-matches"),
])
def test_io_select_files_globs(tmp_path, include, exclude, expected):
    for rel in ["a.txt", "page.html", "sub/b.txt", "sub/deep/c.html"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files = io.select_files(io.list_input_files(tmp_path), tmp_path, include, exclude)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == expected
