"""The exploration notebook runs from top to bottom on a fresh run of data/raw (so it cannot rot)."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"


@pytest.mark.parametrize("name", ["explore.ipynb"])
def test_notebook_runs_without_error(tmp_path, monkeypatch, name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "clear outputs before saving"
    monkeypatch.setenv("EXTRACT_OUT", str(tmp_path / "run"))  # the notebook runs the pipeline here
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    assert (tmp_path / "run" / "events.parquet").exists()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
