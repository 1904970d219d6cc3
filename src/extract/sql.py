"""SQL over a run: DuckDB with every table of OUT_DIR as a view of the same name.

Reads the Parquet tables of one run (``io.table_paths`` checks the run is complete); writes
nothing. ``connect`` gives the connection, ``query`` one result, ``shell`` a small interactive
loop (statements end with ``;``; ``.tables``, ``.schema NAME``, ``.quit``) for ``extract sql``.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from . import io

PROMPT, CONTINUE = "extract> ", "    ...> "
SHOW_ROWS = 40      # rows the shell and `extract sql` print of a result (all of them with --csv)
CSV_BATCH_ROWS = 10_000   # rows fetched at a time for --csv (a result of millions of tokens streams)
SHOW_WIDTH = 200    # characters of a printed row; wider columns are cut


def connect(out_dir: Path):
    """An in-memory DuckDB connection with one view per table (``articles``, ``lines`` …)."""
    import duckdb

    con = duckdb.connect()
    for name, path in io.table_paths(out_dir).items():
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({io._sql_string(io.parquet_source(path))})")
    return con


def query(out_dir: Path, statement: str):
    """The result of one SQL statement over the run's views, as a pandas DataFrame (None for a
    statement that returns no rows, such as ``CREATE``)."""
    with connect(out_dir) as con:
        rel = con.sql(statement)
        return rel.df() if rel is not None else None


def show(rel, out: TextIO, max_rows: int = SHOW_ROWS) -> None:
    """Print a DuckDB result as a box table (the first and last rows of a long one); nothing for
    a statement without a result."""
    import contextlib
    import io as _io

    if rel is None:
        return
    buf = _io.StringIO()
    with contextlib.redirect_stdout(buf):      # DuckDB's show() prints
        rel.show(max_rows=max_rows, max_width=SHOW_WIDTH)
    out.write(buf.getvalue())
    out.flush()


def write_csv(con, statement: str, out: TextIO) -> None:
    """Every row of a statement's result as CSV with a header; a list is written as a JSON array."""
    import csv
    import json

    cursor = con.execute(statement)
    if cursor.description is None:       # no result (CREATE …)
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([d[0] for d in cursor.description])
    while batch := cursor.fetchmany(CSV_BATCH_ROWS):
        writer.writerows([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in row]
                         for row in batch)


def _dot_command(con, line: str, out: TextIO) -> bool:
    """Run a shell command such as ``.tables``; False when it says to stop."""
    word, _, arg = line.strip().partition(" ")
    if word in (".quit", ".exit", ".q"):
        return False
    if word == ".tables":
        show(con.sql("SELECT table_name AS name FROM information_schema.tables ORDER BY name"), out)
    elif word == ".schema" and arg:
        show(con.sql(f"DESCRIBE {arg.strip().rstrip(';')}"), out)
    else:
        out.write(".tables  the tables;  .schema NAME  its columns;  .quit  leave\n")
    return True


def shell(out_dir: Path, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> None:
    """A read-eval-print loop of SQL statements over the run's views, until ``.quit`` or end of input.
    A statement may span lines; it ends with ``;``. Errors are printed and the loop goes on."""
    interactive = stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401  (line editing and history where the platform has it)
        except ImportError:
            pass
    with connect(out_dir) as con:
        out.write(f"DuckDB over {out_dir}: tables {', '.join(io.table_paths(out_dir))}. "
                  "End a statement with ';', .tables, .schema NAME, .quit to leave.\n")
        pending: list[str] = []
        while True:
            if interactive:
                out.write(CONTINUE if pending else PROMPT)
                out.flush()
            line = stdin.readline()
            if not line:                       # end of input
                break
            if not pending and line.strip().startswith("."):
                if not _dot_command(con, line, out):
                    break
                continue
            if not pending and not line.strip():
                continue
            pending.append(line)
            if not line.rstrip().endswith(";"):
                continue
            statement, pending = "".join(pending), []
            try:
                show(con.sql(statement), out)
            except Exception as e:     # duckdb's Error classes: say it and read the next statement
                out.write(f"error: {str(e).strip()}\n")
        if pending:                            # a last statement without its ';'
            try:
                show(con.sql("".join(pending)), out)
            except Exception as e:
                out.write(f"error: {str(e).strip()}\n")
