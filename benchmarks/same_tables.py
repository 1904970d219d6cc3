"""Do two runs hold the same tables? Compares content, not files: each table is read whole
(a single ``NAME.parquet`` file or a dataset folder ``NAME/`` of part files, whichever the run
has), its rows sorted by every column, and the two sides compared row by row.

    .venv/bin/python benchmarks/same_tables.py OUT_A OUT_B            # all eight tables
    .venv/bin/python benchmarks/same_tables.py OUT_A OUT_B --tables persons mentions --show 5

Prints, per table, the rows of each side and how many rows are only in A or only in B (with the
first few of them), and exits 0 when every table is the same, 1 otherwise. Reads the layout of
any version of extract, so it compares a run of main with a run of a branch. Needs pandas and
pyarrow only.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

TABLES = ("articles", "lines", "sentences", "tokens", "mentions", "persons", "dates", "events")


def read(out_dir: Path, name: str) -> pd.DataFrame | None:
    """One table of a run as a DataFrame (list cells as tuples, so rows can be sorted and hashed)."""
    for path in (out_dir / f"{name}.parquet", out_dir / name, out_dir / "current" / name):
        if path.is_file():
            table = pq.read_table(path)
        elif path.is_dir():
            parts = sorted(p for p in path.iterdir() if p.suffix == ".parquet")
            if not parts:
                continue
            table = pq.read_table(parts[0]) if len(parts) == 1 else pq.ParquetDataset(parts).read()
        else:
            continue
        df = table.to_pandas()
        for col in df.columns:
            if df[col].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
                df[col] = df[col].map(lambda v: tuple(v) if v is not None and not isinstance(v, str) else v)
        return df
    return None


def compare(a: pd.DataFrame, b: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows only in a, rows only in b), each with its multiplicity difference."""
    cols = list(a.columns)
    sa = a.astype(object).where(a.notna(), None).map(lambda v: repr(v))
    sb = b[cols].astype(object).where(b[cols].notna(), None).map(lambda v: repr(v))
    ca = sa.value_counts(subset=cols)
    cb = sb.value_counts(subset=cols)
    diff = ca.sub(cb, fill_value=0)
    only_a = diff[diff > 0].reset_index()
    only_b = (-diff[diff < 0]).reset_index()
    return only_a, only_b


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--tables", nargs="+", default=list(TABLES))
    ap.add_argument("--show", type=int, default=3, help="rows to print of each difference (default 3)")
    ap.add_argument("--json", type=Path, default=None, help="also write the counts here")
    args = ap.parse_args(argv)
    report, same = {}, True
    for name in args.tables:
        a, b = read(args.a, name), read(args.b, name)
        if a is None or b is None:
            print(f"{name}: missing in {'A' if a is None else 'B'}")
            report[name] = {"missing": "A" if a is None else "B"}
            same = False
            continue
        if list(a.columns) != list(b.columns):
            print(f"{name}: columns differ: A {list(a.columns)} / B {list(b.columns)}")
            common = [c for c in a.columns if c in b.columns]
            a, b = a[common], b[common]
        only_a, only_b = compare(a, b)
        n_a, n_b = int(only_a.iloc[:, -1].sum()) if len(only_a) else 0, int(only_b.iloc[:, -1].sum()) if len(only_b) else 0
        report[name] = {"rows_a": len(a), "rows_b": len(b), "only_a": n_a, "only_b": n_b}
        flag = "same" if not (n_a or n_b) else "DIFFERENT"
        print(f"{name}: {flag}: A {len(a):,} rows, B {len(b):,} rows; only in A {n_a:,}, only in B {n_b:,}")
        with pd.option_context("display.width", 200, "display.max_colwidth", 60):
            if n_a:
                print("  only in A:\n" + only_a.head(args.show).to_string(index=False))
            if n_b:
                print("  only in B:\n" + only_b.head(args.show).to_string(index=False))
        same = same and not (n_a or n_b)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
