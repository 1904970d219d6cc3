"""pipeline: every path under INPUT_DIR accounted for — an ``articles`` row with its status and
reason, or a line of the run summary saying why it was not read — and odd names, encodings and
pages that never crash a run. Every article here is written by the test."""
from __future__ import annotations

import os
import socket

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract import cli, io, pipeline

ZH = "星河科技宣布人事任命\n2024年5月3日\n星河科技周五宣布，王建国出任首席执行官，任期三年。\n"
DE = ("Nordbank: Vorstandschef tritt zurück\n"
      "Der Geschäftsführer der Nordbank, Klaus Weber, tritt überraschend zurück. Über die Nachfolge "
      "entscheidet der Aufsichtsrat im Mai.\n")
DE_QUOTES = ("Stadtwerke ohne Chefin\n"
             "„Wir müssen jetzt handeln“, sagte die Aufsichtsratschefin Anna Roth – und nannte keinen Grund für "
             "den Rücktritt der Geschäftsführerin. Das größte Büro schließt Ende März.\n")
DEEP_PAGE = ("<html><head><title>Reederei Nord: Chef geht</title></head><body>" + "<div>" * 400
             + "<p>Der Chef der Reederei Nord, Jan Petersen, verlässt das Unternehmen zum Jahresende, teilte "
               "die Reederei am Montag in Bremen mit.</p>" + "</div>" * 400 + "</body></html>")
NO_TEXT_PAGE = "<html><head><script>var a = 1;</script><style>p {color: red}</style></head><body>\n</body></html>"
LATIN1_NAME = os.fsdecode(b"gr\xfc\xdfe.txt")     # "grüße.txt" with its name in Latin-1: not UTF-8


def _odd_folder(root):
    """INPUT_DIR with one path of each kind; returns (root, the folder beside it)."""
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Dieser Text liegt außerhalb des Eingabeordners und bleibt draußen.\n",
                                        encoding="utf-8")
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ZH, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(DE, encoding="utf-8")
    (root / ".hidden.txt").write_text(ZH, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    os.mkfifo(root / "fifo")
    (root / "dangling").symlink_to(root / "no_such_file")
    (root / "loop1").symlink_to(root / "loop2")
    (root / "loop2").symlink_to(root / "loop1")
    (root / "to_outside_file").symlink_to(outside / "secret.txt")
    (root / "to_outside_dir").symlink_to(outside)
    (root / "to_inside_file").symlink_to(root / "a.txt")
    (root / "to_inside_dir").symlink_to(root / "sub")
    (root / LATIN1_NAME).write_text(DE, encoding="utf-8")
    (root / "de_latin1.txt").write_bytes(DE.encode("latin-1"))
    (root / "de_cp1252.txt").write_bytes(DE_QUOTES.encode("cp1252"))
    (root / "deep.html").write_text(DEEP_PAGE, encoding="utf-8")
    (root / "no_text.html").write_text(NO_TEXT_PAGE, encoding="utf-8")
    (root / "locked").mkdir()
    (root / "locked" / "c.txt").write_text(ZH, encoding="utf-8")
    return root, outside


def _locked_scandir(monkeypatch):
    """Tests run as root, whom permissions do not stop: ``locked`` cannot be listed."""
    real = os.scandir

    def scandir(path="."):
        if not isinstance(path, int) and os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(io.os, "scandir", scandir)


@pytest.fixture(scope="module")
def odd_run(tmp_path_factory):
    root, _ = _odd_folder(tmp_path_factory.mktemp("odd") / "in")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock"))
    out = root / "sub2" / "out"           # OUT_DIR inside INPUT_DIR
    out.parent.mkdir()
    mp = pytest.MonkeyPatch()
    _locked_scandir(mp)
    try:
        first = pipeline.run(root, out, quiet=True, workers=1)
        t1 = extract.load(out)
        second = pipeline.run(root, out, quiet=True, workers=1)     # the first run's tables are not input
    finally:
        mp.undo()
        sock.close()
    return first, t1, second, extract.load(out)


@pytest.mark.parametrize("article_id, status, words", [
    pytest.param("fifo", "error", "not a regular file (a FIFO)", id="fifo"),
    pytest.param("sock", "error", "not a regular file (a socket)", id="socket"),
    pytest.param("dangling", "error", "broken symlink", id="dangling-symlink"),
    pytest.param("loop1", "error", "symlink loop", id="looping-symlink"),
    pytest.param("to_outside_file", "error", "outside INPUT_DIR: not followed", id="symlink-leaving-input-file"),
    pytest.param("to_outside_dir", "error", "outside INPUT_DIR: not followed", id="symlink-leaving-input-folder"),
    pytest.param("locked/", "error", "cannot list this folder: Permission denied", id="unreadable-sub-folder"),
    pytest.param("to_inside_file", "duplicate", "same text as a.txt", id="symlink-inside"),
    pytest.param("gr\\xfc\\xdfe.txt", "duplicate", "same text as de_latin1.txt", id="non-utf8-name-escaped"),
    pytest.param("de_latin1.txt", "ok", None, id="german-latin-1"),
    pytest.param("de_cp1252.txt", "ok", None, id="german-cp1252"),
    pytest.param("deep.html", "ok", None, id="html-400-deep"),
    pytest.param("no_text.html", "empty", "no article text found in the web page", id="html-without-text"),
    pytest.param("a.txt", "ok", None, id="regular"),
])
def test_pipeline_odd_path_has_status_and_reason(odd_run, article_id, status, words):
    _, tables, _, _ = odd_run
    arts = tables.articles.set_index("article_id")
    assert article_id in arts.index, sorted(arts.index)
    row = arts.loc[article_id]
    assert row.status == status, row.error
    if words is None:
        assert pd.isna(row.error)
    else:
        assert words in row.error and "\n" not in row.error


@pytest.mark.parametrize("article_id, encoding, text", [
    pytest.param("de_latin1.txt", "cp1252", DE, id="latin-1"),
    pytest.param("de_cp1252.txt", "cp1252", DE_QUOTES, id="cp1252-smart-quotes"),
    pytest.param("deep.html", "utf-8+html", "Der Chef der Reederei Nord, Jan Petersen, verlässt das Unternehmen", id="deep-html"),
])
def test_pipeline_odd_input_text_kept(odd_run, article_id, encoding, text):
    _, tables, _, _ = odd_run
    assert tables.articles.set_index("article_id").loc[article_id, "encoding"] == encoding
    got = "\n".join(tables.lines[tables.lines.article_id == article_id].sort_values("line_no").text)
    assert text.strip() in got if article_id.endswith(".html") else got == text.strip()
    assert "\ufffd" not in got


def test_pipeline_odd_paths_not_read_are_in_the_summary(odd_run):
    first, tables, _, _ = odd_run
    notes = "\n".join(first.notes)
    assert "2 hidden paths not read (.git/, .hidden.txt)" in notes
    assert "to_inside_dir/: symlinked folder, not followed" in notes
    assert "sub2/out/: OUT_DIR inside INPUT_DIR, not read as input" in notes
    ids = set(tables.articles.article_id)
    assert not ids & {".hidden.txt", ".git/config", "locked/c.txt", "to_inside_dir/b.txt"}
    assert not tables.lines.text.str.contains("außerhalb des Eingabeordners").any()   # the outside file stays out


def test_pipeline_out_dir_inside_input_dir_not_ingested(odd_run):
    _, t1, second, t2 = odd_run
    assert sorted(t1.articles.article_id) == sorted(t2.articles.article_id)
    assert not t2.articles.article_id.str.contains("out/|parquet|manifest").any()
    assert "sub2/out/: OUT_DIR inside INPUT_DIR, not read as input" in second.notes


def test_pipeline_out_dir_is_input_dir(tmp_path):
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    for _ in range(2):
        summary = pipeline.run(tmp_path, tmp_path, quiet=True)
    assert summary.articles == 1 and summary.by_status == {"ok": 1}
    assert any("OUT_DIR is INPUT_DIR" in n for n in summary.notes)
    assert extract.load(tmp_path).articles.article_id.tolist() == ["a.txt"]


def test_pipeline_unreadable_input_dir_exit_2_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH, encoding="utf-8")

    def scandir(path="."):
        raise PermissionError(13, "Permission denied", os.fspath(path))

    monkeypatch.setattr(io.os, "scandir", scandir)
    assert cli.main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("extract: error: cannot list the input folder: Permission denied"), err


# ---------------------------------------------------------------- fuzzed names and bytes

_NAME_BYTES = st.binary(min_size=1, max_size=24).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                          and b not in (b".", b".."))
_CONTENT = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([ZH, DE, DE_QUOTES, NO_TEXT_PAGE]).flatmap(
        lambda t: st.sampled_from(["utf-8", "utf-16", "gb18030", "cp1252"]).map(
            lambda enc: t.encode(enc, "replace"))),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_NAME_BYTES, _CONTENT), min_size=1, max_size=5, unique_by=lambda x: x[0]))
def test_pipeline_fuzzed_names_and_bytes_never_crash(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fuzz")
    src = root / "in"
    src.mkdir()
    for name, data in files:
        (src / os.fsdecode(name)).write_bytes(data)
    summary = pipeline.run(src, root / "out", quiet=True, use_person_model=False)
    t = extract.load(root / "out")
    listed = {f.article_id for f in io.list_input(src).files}
    assert set(t.articles.article_id) == listed and t.articles.article_id.is_unique
    assert summary.articles == len(listed)
    assert set(t.articles.status) <= {"ok", "empty", "error", "duplicate"}
    bad = t.articles[t.articles.status == "error"]
    assert not bad.error.str.contains("Traceback|internal error").any(), bad.error.tolist()
    expected = {io.escape_name(os.fsdecode(name)) for name, _ in files if not name.startswith(b".")}
    assert listed == expected                  # names that are not UTF-8 are kept, escaped
    for aid in t.articles.article_id:
        aid.encode("utf-8")
