"""Fixtures shared by test modules: one pipeline run of the bundled samples in data/raw per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="session")
def raw_run_dir(tmp_path_factory) -> Path:
    """OUT_DIR of `extract run data/raw` (read it, do not change it)."""
    import extract

    out = tmp_path_factory.mktemp("raw_run") / "out"
    extract.run(ROOT / "data" / "raw", out, quiet=True)
    return out
