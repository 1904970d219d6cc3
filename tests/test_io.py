"""io: decoding every encoding we meet, readable errors for what is not text, listing and writing tables."""
from __future__ import annotations

import codecs
import os
import random
import socket

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
    skipped = io.list_input(tmp_path).skipped
    assert len(skipped) == 1 and skipped[0].startswith("4 hidden paths not read (.git/, .hidden.txt, sub/.DS_Store, "
                                                       "sub/.cache/)"), skipped


@pytest.fixture()
def odd_tree(tmp_path):
    """A folder with every kind of path a crawl leaves behind; ``outside`` lies beside it."""
    root, outside = tmp_path / "in", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("not ours", encoding="utf-8")
    (root / "a.txt").write_text("x", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    os.mkfifo(root / "fifo")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock"))
    (root / "dangling").symlink_to(root / "no_such_file")
    (root / "loop1").symlink_to(root / "loop2")
    (root / "loop2").symlink_to(root / "loop1")
    (root / "to_outside_file").symlink_to(outside / "secret.txt")
    (root / "to_outside_dir").symlink_to(outside)
    (root / "to_inside_file").symlink_to(root / "a.txt")
    (root / "to_inside_dir").symlink_to(root / "sub")
    (root / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"x")      # a Latin-1 file name: not UTF-8
    (root / "locked").mkdir()
    (root / "locked" / "c.txt").write_text("x", encoding="utf-8")
    yield root
    sock.close()


@pytest.mark.parametrize("article_id, problem", [
    pytest.param("a.txt", None, id="regular"),
    pytest.param("sub/b.txt", None, id="in-sub-folder"),
    pytest.param("fifo", "not a regular file (a FIFO)", id="fifo"),
    pytest.param("sock", "not a regular file (a socket)", id="socket"),
    pytest.param("dangling", "broken symlink", id="dangling-symlink"),
    pytest.param("loop1", "symlink loop", id="looping-symlink"),
    pytest.param("to_outside_file", "outside INPUT_DIR: not followed", id="symlink-to-outside-file"),
    pytest.param("to_outside_dir", "outside INPUT_DIR: not followed", id="symlink-to-outside-folder"),
    pytest.param("to_inside_file", None, id="symlink-to-inside-file"),
    pytest.param("caf\\xe9.txt", None, id="non-utf8-name-escaped"),
    pytest.param("locked/", "cannot list this folder: Permission denied; its files are not read", id="unreadable-folder"),
])
def test_io_list_input_every_path_accounted_for(odd_tree, monkeypatch, article_id, problem):
    real_scandir = os.scandir

    def scandir(path="."):              # tests run as root, where permissions do not stop a listing
        if not isinstance(path, int) and os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(io.os, "scandir", scandir)
    listing = io.list_input(odd_tree)
    by_id = {f.article_id: f for f in listing.files}
    assert len(by_id) == len(listing.files)
    assert article_id in by_id, sorted(by_id)
    got = by_id[article_id].problem
    assert (got is None) if problem is None else (problem in got), got
    assert "locked/c.txt" not in by_id and ".hidden.txt" not in by_id
    assert [f.article_id for f in listing.files] == sorted(by_id)


def test_io_list_input_skipped_paths_each_say_why(odd_tree):
    skipped = io.list_input(odd_tree).skipped
    assert any(x.startswith("to_inside_dir/: symlinked folder, not followed") and "sub/" in x for x in skipped), skipped
    assert any("1 hidden path not read (.hidden.txt)" in x for x in skipped), skipped
    out = odd_tree / "sub" / "out"
    out.mkdir()
    (out / "articles.parquet").write_bytes(b"PAR1")
    listing = io.list_input(odd_tree, out)
    assert "sub/out/: OUT_DIR inside INPUT_DIR, not read as input" in listing.skipped
    assert not any(f.article_id.startswith("sub/out") for f in listing.files)


def test_io_list_input_out_dir_is_input_dir(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    for name in ("articles", "current", ".extract", "_manifest.json", "persons.parquet"):
        (tmp_path / name).mkdir() if "." not in name or name == ".extract" else (tmp_path / name).write_text("{}")
    listing = io.list_input(tmp_path, tmp_path)
    assert [f.article_id for f in listing.files] == ["a.txt"]
    assert len(listing.skipped) == 1 and "OUT_DIR is INPUT_DIR" in listing.skipped[0]


def test_io_list_input_unreadable_input_dir_raises(tmp_path, monkeypatch):
    def scandir(path="."):
        raise PermissionError(13, "Permission denied", os.fspath(path))

    monkeypatch.setattr(io.os, "scandir", scandir)
    with pytest.raises(PermissionError, match="cannot list the input folder: Permission denied"):
        io.list_input(tmp_path)


DE_LEGACY = ("Der Geschäftsführer der Bäckerei Müller tritt zurück. Über die Nachfolge wird später entschieden.\n"
             "„Wir müssen handeln“, sagte die Aufsichtsratschefin – und nannte keinen Grund. Das größte Büro schließt.\n")
FR_LEGACY = "Le président-directeur général, Hervé Lefèvre, a démissionné ; « c’est une décision réfléchie », a-t-il dit.\n"


@pytest.mark.parametrize("text, encoding", [
    pytest.param(DE_LEGACY.replace("„", '"').replace("“", '"').replace("–", "-"), "latin-1", id="german-latin-1"),
    pytest.param(DE_LEGACY, "cp1252", id="german-cp1252-smart-quotes"),
    pytest.param(FR_LEGACY, "cp1252", id="french-cp1252"),
])
def test_io_decode_legacy_single_byte_latin(text, encoding):
    got, enc = io.decode(text.encode(encoding))
    assert got == text
    assert enc == "cp1252"        # cp1252 reads every printable Latin-1 byte the same way


@pytest.mark.parametrize("text, encoding", [
    pytest.param("Zhang Wei (张伟) was named chief executive on Monday, the company said.\n", "gb18030",
                 id="english-with-a-chinese-name-gb18030"),
    pytest.param(ZH_HANS, "gb18030", id="chinese-gb18030"),
    pytest.param(ZH_HANT, "big5", id="chinese-big5"),
])
def test_io_decode_cjk_not_taken_for_latin(text, encoding):
    assert io.decode(text.encode(encoding)) == (text, encoding)


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
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLE_NAMES, io.MANIFEST, io.CURRENT, io.STATE])
    assert counts == {"articles": 1, "lines": 1, "sentences": 1, "tokens": 1, "mentions": 0, "persons": 1,
                      "dates": 1, "events": 1}
    for name in TABLE_NAMES:       # the stable path users read: a folder of part files
        assert os.readlink(out / name) == f"current/{name}"
        parts = sorted((out / name).iterdir())
        assert [p.name for p in parts] == ["part-00000.parquet"]
        assert pq.read_schema(parts[0]).remove_metadata().equals(TABLE_SCHEMAS[name]), name
    runs = out / io.STATE / "runs"
    assert [p.name for p in runs.iterdir()] == [os.readlink(out / io.CURRENT).rsplit("/", 1)[-1]]
    assert os.listdir(tmp_path) == ["out"]  # no temporary folder left beside it or inside


def test_io_tables_read_by_pandas_and_duckdb_at_stable_paths(tmp_path):
    import duckdb
    import pandas as pd

    out = tmp_path / "out"
    io.write_tables(_rows("first"), out)
    io.write_tables(_rows("second"), out)
    assert pd.read_parquet(out / "articles").article_id.tolist() == ["second.txt"]
    got = duckdb.sql(f"SELECT article_id FROM '{out}/events/*.parquet'").fetchall()
    assert got == [("second.txt",)]


def test_io_failed_write_keeps_previous_tables(tmp_path, monkeypatch):
    out = tmp_path / "out"
    io.write_tables(_rows("first"), out)
    written = []
    real = io.write_part

    def flaky(path, name, given):      # the disk fills up at the fourth table
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(name)
        return real(path, name, given)

    monkeypatch.setattr(io, "write_part", flaky)
    with pytest.raises(OSError):
        io.write_tables(_rows("second"), out)
    monkeypatch.undo()
    t = io.load_tables(out)
    for name in ("articles", "lines", "sentences", "tokens", "dates", "events"):
        assert t[name]["article_id"].tolist() == ["first.txt"], name
    assert os.listdir(tmp_path) == ["out"]
    assert [p.name for p in (out / io.STATE / "runs").iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("present, missing", [
    pytest.param([], "articles, lines, sentences", id="empty-folder"),
    pytest.param(["articles", "lines"], "sentences, tokens, mentions, persons, dates, events", id="two-tables"),
    pytest.param([n for n in TABLE_NAMES if n != "events"], "events", id="all-but-events"),
])
def test_io_load_incomplete_folder_says_what_is_missing(tmp_path, present, missing):
    """A folder of single NAME.parquet files (what an older version wrote) is read when complete."""
    full = tmp_path / "full"
    io.write_tables(_rows(), full)
    part = tmp_path / "part"
    part.mkdir()
    for n in present:
        (part / f"{n}.parquet").write_bytes((full / n / "part-00000.parquet").read_bytes())
    with pytest.raises(FileNotFoundError) as exc:
        io.load_tables(part)
    msg = str(exc.value)
    assert f"missing {missing}" in msg and "extract run" in msg


def test_io_load_older_single_file_layout(tmp_path):
    full = tmp_path / "full"
    io.write_tables(_rows(), full)
    old = tmp_path / "old"
    old.mkdir()
    for n in TABLE_NAMES:
        (old / f"{n}.parquet").write_bytes((full / n / "part-00000.parquet").read_bytes())
    (old / io.MANIFEST).write_text("{}", encoding="utf-8")
    assert io.load_tables(old).articles.article_id.tolist() == ["a.txt"]
    io.write_tables(_rows("new"), old)           # a new run replaces the old files with the new layout
    assert not list(old.glob("*.parquet"))
    assert io.load_tables(old).articles.article_id.tolist() == ["new.txt"]


@pytest.mark.parametrize("step", range(12))
def test_io_interrupted_commit_leaves_one_complete_run(tmp_path, monkeypatch, step):
    """Interrupted at any rename of a commit (the folder rename, the pointer switch, the links),
    OUT_DIR holds the old run or the new one, whole."""
    out = tmp_path / "out"
    io.write_tables(_rows("first"), out)
    real, calls = io.os.replace, []

    def dies_at_step(src, dst):
        if len(calls) == step:
            raise KeyboardInterrupt
        calls.append(dst)
        real(src, dst)

    monkeypatch.setattr(io.os, "replace", dies_at_step)
    try:
        io.write_tables(_rows("second"), out)
        finished = True
    except KeyboardInterrupt:
        finished = False
    monkeypatch.undo()
    t = io.load_tables(out)
    ids = {name: set(t[name]["article_id"]) for name in ("articles", "lines", "sentences", "tokens", "dates", "events")}
    assert len({frozenset(v) for v in ids.values()}) == 1, ids      # never a mix
    switched = any(str(d).endswith("/current") for d in calls)
    assert ids["articles"] == ({"second.txt"} if switched or finished else {"first.txt"})


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
    files = io.select_files(io.list_input(tmp_path).files, include, exclude)
    assert [f.article_id for f in files] == expected


def test_io_out_dir_lock_second_holder_fails_at_once(tmp_path):
    with io.OutputLock(tmp_path):
        with pytest.raises(io.OutDirBusy, match=r"another run is writing to .* \(pid \d+, started .*\); wait for it"):
            with io.OutputLock(tmp_path):
                pass
    with io.OutputLock(tmp_path):     # released when the first holder is done
        pass


def test_io_remove_stale_leaves_finished_runs(tmp_path):
    out = tmp_path / "out"
    io.write_tables(_rows(), out)
    (out / io.STATE / "runs" / "20260101-000000-abcdef.tmp" / "tokens").mkdir(parents=True)
    (out / ".tmp-x1y2").mkdir()          # what an older version left
    assert io.remove_stale(out) == [".extract/runs/20260101-000000-abcdef.tmp", ".tmp-x1y2"]
    assert io.load_tables(out).articles.article_id.tolist() == ["a.txt"]


@pytest.mark.parametrize("name, make", [
    pytest.param("articles", "dir", id="a-folder-named-articles"),
    pytest.param("current", "file", id="a-file-named-current"),
])
def test_io_check_out_dir_refuses_foreign_table_paths(tmp_path, name, make):
    (tmp_path / name).mkdir() if make == "dir" else (tmp_path / name).write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match=f"OUT_DIR already holds {name}, which no extract run made"):
        io.check_out_dir(tmp_path)
