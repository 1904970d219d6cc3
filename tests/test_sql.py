"""sql and export: every table of a run as a DuckDB view, the shell, `extract sql`, `extract export`."""
from __future__ import annotations

import csv
import io as _io
import json
import subprocess
import sys

import pytest

import extract
from extract import io, sql
from extract.model import TABLE_NAMES, TABLE_SCHEMAS


def _extract(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def tables(raw_run_dir):
    return extract.load(raw_run_dir)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_sql_every_table_is_a_view(raw_run_dir, tables, name):
    with sql.connect(raw_run_dir) as con:
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(tables[name])
        assert [c for c in con.sql(f"SELECT * FROM {name}").columns] == TABLE_SCHEMAS[name].names


def test_sql_dates_sort_by_start_timestamp(raw_run_dir):
    df = sql.query(raw_run_dir, "SELECT value, date_start, date_end FROM dates "
                                "WHERE date_start IS NOT NULL ORDER BY date_start")
    assert len(df) > 20
    assert df.date_start.is_monotonic_increasing
    assert (df.date_end >= df.date_start).all()


def test_sql_persons_unnest_aliases(raw_run_dir, tables):
    df = sql.query(raw_run_dir, "SELECT name, unnest(aliases) AS alias FROM persons")
    assert len(df) == sum(len(a) for a in tables.persons.aliases)


def test_sql_shell_reads_statements_until_quit(raw_run_dir, tables):
    script = ("SELECT count(*) AS n_persons\n  FROM persons;\n"
              "SELECT no_such_column FROM events;\n"
              ".tables\n"
              "SELECT 'after the error' AS still_running;\n"
              ".quit\n"
              "SELECT 'never read';\n")
    out = _io.StringIO()
    sql.shell(raw_run_dir, _io.StringIO(script), out)
    text = out.getvalue()
    assert "n_persons" in text and f" {len(tables.persons)} " in text
    assert "error:" in text and "no_such_column" in text
    assert "sentences" in text                       # .tables
    assert "after the error" in text and "never read" not in text


def test_sql_connect_refuses_a_folder_without_a_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a complete extract run"):
        sql.connect(tmp_path)


def test_sql_cli_query_and_csv(raw_run_dir, tables):
    proc = _extract("sql", raw_run_dir, "SELECT name, aliases FROM persons ORDER BY name", "--csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(_io.StringIO(proc.stdout)))
    assert [r["name"] for r in rows] == sorted(tables.persons.name)
    by_name = dict(zip(tables.persons.name, tables.persons.aliases))
    assert all(json.loads(r["aliases"]) == list(by_name[r["name"]]) for r in rows)
    box = _extract("sql", raw_run_dir, "SELECT count(*) AS n FROM events")
    assert box.returncode == 0 and f"{len(tables.events)}" in box.stdout and "│" in box.stdout


def test_sql_cli_bad_query_exit_2_names_the_tables(raw_run_dir):
    proc = _extract("sql", raw_run_dir, "SELECT nope FROM events")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("extract: error:") and "nope" in proc.stderr and "persons" in proc.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_sql_export_every_table(raw_run_dir, tables, tmp_path, fmt):
    proc = _extract("export", raw_run_dir, "--format", fmt, "--to", tmp_path / fmt)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == sorted(f"{n}.{fmt}" for n in TABLE_NAMES)
    for name in TABLE_NAMES:
        text = (tmp_path / fmt / f"{name}.{fmt}").read_text(encoding="utf-8")
        if fmt == "csv":
            rows = list(csv.DictReader(_io.StringIO(text)))
            assert (list(rows[0]) if rows else TABLE_SCHEMAS[name].names) == TABLE_SCHEMAS[name].names
        else:
            rows = [json.loads(x) for x in text.splitlines()]
        assert len(rows) == len(tables[name]), name
    persons = [json.loads(x) for x in (tmp_path / fmt / "persons.jsonl").read_text(encoding="utf-8").splitlines()] \
        if fmt == "jsonl" else list(csv.DictReader(open(tmp_path / fmt / "persons.csv", encoding="utf-8")))
    aliases = {p["name"]: p["aliases"] if fmt == "jsonl" else json.loads(p["aliases"]) for p in persons}
    assert aliases == {n: list(a) for n, a in zip(tables.persons.name, tables.persons.aliases)}


def test_sql_export_default_folder_inside_the_run(raw_run_dir, tmp_path):
    import shutil

    run = tmp_path / "run"
    shutil.copytree(raw_run_dir, run)
    written = io.export_tables(run, "jsonl", run / "jsonl")
    assert set(written) == set(TABLE_NAMES)
    proc = _extract("export", run, "-f", "csv")
    assert proc.returncode == 0 and (run / "csv" / "events.csv").exists()
