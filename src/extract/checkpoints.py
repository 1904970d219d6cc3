"""Checkpoints of a run (stages 1-4 of each segment of files, and its first pass), kept under
``OUT_DIR/.extract/cache`` so that a killed run resumes and a re-run redoes only changed segments.

Reads and writes only inside the cache folder; every write goes to a temporary name and is renamed
into place. Keys are computed by the pipeline from the code, the settings and the files' contents.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import threading
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .io import CACHE, STATE, _arrow_table

#
# OUT_DIR/.extract/cache/first/<key>.npz           first pass of one segment of files (line and text hashes)
# OUT_DIR/.extract/cache/seg/<k2>/<key>/<table>.parquet, summary.json
#                                                  stages 1-4 of one segment: its rows of every per-article table
# Keys hash the code, the settings and, per file, its path and content (see pipeline): a key
# found is work done, whichever run did it. Everything is written under a temporary name and
# renamed into place, so a kill leaves finished checkpoints or none, never half of one.



def cache_root(out_dir: Path) -> Path:
    return Path(out_dir) / STATE / CACHE


def file_digest(path: str, max_bytes: int) -> str:
    """What a file's content is, for checkpoint keys: a hash of its bytes (or of why it has none
    to read: too large, unreadable). Reading a file is cheap next to processing it."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return f"over-limit:{size}"
        h = hashlib.blake2b(digest_size=16)
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError as e:
        return f"unreadable:{e.errno}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's files (code, lexicons, the shipped model) and of the versions of
    the libraries that shape its output: checkpoints of another version are never reused."""
    from importlib import metadata

    h = hashlib.blake2b(digest_size=16)
    root = Path(__file__).parent
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    for dist in ("spacy", "rjieba", "jieba", "opencc", "pyarrow", "trafilatura", "charset-normalizer", "pypinyin",
                 "ftfy", "numpy"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=none".encode())
    return h.hexdigest()


def _atomic_dir(final: Path) -> Path:
    tmp = final.with_name(f"{final.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    return tmp


def first_path(root: Path, key: str) -> Path:
    return root / "first" / f"{key}.npz"


def save_first(root: Path, key: str, arrays: dict) -> None:
    import numpy as np

    final = first_path(root, key)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        np.savez(f, **arrays)
    os.replace(tmp, final)


def load_first(root: Path, key: str) -> dict | None:
    import numpy as np

    try:
        with np.load(first_path(root, key), allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError):   # absent, or a file a crash left unreadable
        return None


def segment_path(root: Path, key: str) -> Path:
    return root / "seg" / key[:2] / key


def save_segment(root: Path, key: str, tables: dict, summary: dict) -> None:
    """One segment's rows of every checkpointed table and its summary, all or nothing."""

    final = segment_path(root, key)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = _atomic_dir(final)
    for name, given in tables.items():
        table = _arrow_table(name, given)
        pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
    (tmp / "summary.json").write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    try:
        os.rename(tmp, final)
    except OSError:         # there already (a run that stopped after writing it): that one stands
        shutil.rmtree(tmp, ignore_errors=True)


def load_segment_summary(root: Path, key: str) -> dict | None:

    try:
        return json.loads((segment_path(root, key) / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_segment(root: Path, key: str, name: str, columns: list[str] | None = None) -> pa.Table:
    return pq.read_table(segment_path(root, key) / f"{name}.parquet", columns=columns)


def write_work(path: Path, value) -> Path:
    """A value the main process hands to the workers of a pass (pickled, written once)."""

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return path


def read_work(path: Path):

    with open(path, "rb") as f:
        return pickle.load(f)


def remove_work(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def prune_cache(root: Path, keep_first: set[str], keep_segments: set[str]) -> int:
    """Remove the checkpoints a run did not use (files since removed or changed, other settings);
    the number removed."""
    removed = 0
    first = root / "first"
    if first.is_dir():
        for p in first.iterdir():
            if p.suffix == ".npz" and p.stem not in keep_first or p.name.endswith(".tmp"):
                p.unlink(missing_ok=True)
                removed += 1
    seg = root / "seg"
    if seg.is_dir():
        for shard in seg.iterdir():
            for p in shard.iterdir():
                if p.name not in keep_segments:
                    shutil.rmtree(p, ignore_errors=True)
                    removed += 1
    return removed
