"""Shared test setup: one pipeline run of the bundled samples in data/raw per session; the dates
stage runs strict (a resolver's exception fails the test that met it instead of silently
dropping the candidate); property tests are derandomized."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# property tests draw the same examples on every run: CI fails on a change, not on luck
settings.register_profile("extract", derandomize=True)
settings.load_profile("extract")

os.environ.setdefault("EXTRACT_DATES_STRICT", "1")

ROOT = Path(__file__).parents[1]
# the dev set and reference scorer beside the repository (EXTRACT_SHARED names another place)
SHARED = Path(os.environ.get("EXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def raw_run_dir(tmp_path_factory) -> Path:
    """OUT_DIR of `extract run data/raw` (read it, do not change it)."""
    import extract

    out = tmp_path_factory.mktemp("raw_run") / "out"
    extract.run(ROOT / "data" / "raw", out, quiet=True)
    return out


@pytest.fixture(scope="session")
def dev_run_dir(tmp_path_factory) -> Path:
    """OUT_DIR of `extract run ../shared/corpus/seeds` (the dev set); skipped when ../shared is absent."""
    import extract

    seeds, gold = SHARED / "corpus" / "seeds", SHARED / "gold"
    if not seeds.is_dir() or not gold.is_dir():
        pytest.skip(f"dev set not found under {SHARED}")
    out = tmp_path_factory.mktemp("dev_run") / "out"
    extract.run(seeds, out, quiet=True)
    return out
