"""engine: the Dask engine (a LocalCluster of two worker processes) writes the same tables as
the local engine; without dask installed, the run says how to get it."""
from __future__ import annotations

import sys

import pandas as pd
import pytest

import extract
from extract import cli
from extract.model import TABLE_NAMES

sys.path.insert(0, __import__("os").path.dirname(__file__))
from test_runs import table_bytes, write_articles  # noqa: E402


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    as_text = df.astype(str)
    return df.loc[as_text.sort_values(list(df.columns)).index].reset_index(drop=True)


def test_engine_dask_local_cluster_writes_the_same_tables(tmp_path):
    pytest.importorskip("dask.distributed")
    src = write_articles(tmp_path / "in", 30)
    local, dask = tmp_path / "local", tmp_path / "dask"
    settings = {"use_person_model": False, "segment_articles": 8}
    extract.run(src, local, workers=1, **settings)
    summary = extract.run(src, dask, workers=2, engine="dask", **settings)
    assert summary.by_status == {"ok": 30}
    a, b = extract.load(local), extract.load(dask)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(_sorted(a[name]), _sorted(b[name]), obj=name)
    assert table_bytes(local) == table_bytes(dask)        # even the part files are the same


def test_engine_dask_missing_says_how_to_install(tmp_path, monkeypatch, capsys):
    src = write_articles(tmp_path / "in", 2)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)       # as if dask were not installed
    assert cli.main(["run", str(src), "--out", str(tmp_path / "out"), "--engine", "dask", "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ['extract: error: the Dask engine needs dask and distributed: pip install "extract[dask]"']
