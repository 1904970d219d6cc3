"""The only module that touches the file system: reading input files, writing and loading tables.

Input: every regular file under a folder, recursively, in sorted order. Bytes are decoded as
UTF-8 (with or without BOM), UTF-16/32 (by BOM), GB18030 or Big5 (chosen by how much common
Chinese text each yields), else by charset-normalizer; binary files and undecodable bytes
become readable errors, never exceptions. Saved web pages (.html/.htm) are turned into text
lines by trafilatura before the same cleaning.

Output: one Parquet file per table, written into a temporary folder beside OUT_DIR and moved
into place only when every table is complete.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import lexicon
from .model import TABLE_NAMES, TABLE_SCHEMAS
from .text import HAN_RE

# Most frequent characters of Chinese news in each script: decoding with the right codec yields many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.10   # more control characters than this in the decoded text: not text
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MIN_COMMON_SHARE = 0.30       # a CJK decoding whose characters are less often common than this is doubtful
MIN_LETTER_SHARE = 0.8       # a code-page decoding whose non-ASCII characters are mostly not letters is wrong
MAX_STRAY_SHARE = 0.05        # at most this share of stray non-ASCII bytes in otherwise ASCII text


class InputError(Exception):
    """A file that cannot be turned into text; the message is shown to users in `articles.error`."""


@dataclass(frozen=True)
class Decoded:
    text: str          # decoded, control characters removed, line ends normalized to \n
    encoding: str
    html_meta: dict | None = None   # title/date found by the HTML extractor


def list_input_files(input_dir: Path) -> list[Path]:
    """Every regular file under input_dir, recursively, sorted by relative POSIX path; hidden files skipped."""
    out = []
    for root, dirs, files in os.walk(input_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            p = Path(root) / name
            if p.is_file():
                out.append(p)
    return sorted(out, key=lambda p: p.relative_to(input_dir).as_posix())


def matches(relative_path: str, patterns) -> bool:
    """True when a glob pattern matches the file's path relative to INPUT_DIR (``sub/a.txt``, where
    ``*`` also crosses ``/``) or its name alone (``*.html`` matches ``sub/page.html``)."""
    from fnmatch import fnmatchcase

    name = relative_path.rsplit("/", 1)[-1]
    return any(fnmatchcase(relative_path, p) or fnmatchcase(name, p) for p in patterns)


def select_files(files: list[Path], input_dir: Path, include=(), exclude=()) -> list[Path]:
    """The files of ``list_input_files`` that match an ``include`` pattern (all when none is given)
    and no ``exclude`` pattern."""
    out = []
    for p in files:
        rel = p.relative_to(input_dir).as_posix()
        if (not include or matches(rel, include)) and not matches(rel, exclude):
            out.append(p)
    return out


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    return frozenset("".join(chars for _, chars in lexicon.rows("common_hanzi.txt", 2, 2)))


def _cjk_score(text: str) -> float:
    """Share of the Han characters of a decoding that are frequent in news (wrong codecs yield rare ones)."""
    han = HAN_RE.findall(text[:20000])
    if not han:
        return 0.0
    common = _common_hanzi()
    return sum(1 for ch in han if ch in common) / len(han)


def _try(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes; return (text, encoding name). Raises InputError with a readable reason."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _try(data, enc)
            if text is None:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode as {enc}")
            return text, enc
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM: every other byte zero in ASCII-heavy text
        for enc in ("utf-16-le", "utf-16-be"):
            t = _try(data, enc)
            if t is not None and not _CONTROL.search(t[:2000]):
                return t, enc
        raise InputError("binary file: contains NUL bytes and is not UTF-16 text")
    candidates = []
    for enc in ("gb18030", "big5"):
        t = _try(data, enc)
        if t is not None:
            candidates.append((_cjk_score(t), enc, t))
    if candidates:
        score, enc, t = max(candidates)
        if score >= MIN_COMMON_SHARE:
            return t, enc
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # the detector itself failed: treat as undecodable
        best = None
    if best is not None and best.encoding:
        text = str(best)
        extra = [ch for ch in text if ord(ch) > 0x7F]
        if not extra or sum(ch.isalpha() for ch in extra) >= MIN_LETTER_SHARE * len(extra):
            return text, best.encoding
    if sum(b > 0x7F for b in data) <= MAX_STRAY_SHARE * len(data):
        # ASCII text with a few stray bytes: a code page would turn them into symbols (˙ţ);
        # keep the text and mark the bytes replaced
        text = data.decode("utf-8", errors="replace")
        return text, f"utf-8 ({text.count(chr(0xFFFD))} bytes replaced)"
    raise InputError("undecodable: not UTF-8, UTF-16, GB18030 or Big5 text")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def read_input(path: Path, max_bytes: int) -> Decoded:
    """Read and decode one input file. Raises InputError with a reason a user can act on."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise Settings.max_file_bytes)")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror or e}") from None
    text, enc = decode(data)
    if text and len(_CONTROL.findall(text[:20000])) > BINARY_CONTROL_SHARE * min(len(text), 20000):
        raise InputError("binary file: too many control characters to be text")
    text = _clean_text(text)
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        from .web import html_to_text  # trafilatura, only for saved web pages

        text, meta = html_to_text(text)
        return Decoded(text, enc + "+html", meta)
    return Decoded(text, enc)


def content_hash(text: str) -> str:
    """Hash of an article's text with whitespace removed, for exact-duplicate articles."""
    return hashlib.sha1(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- output

def check_writable(out_dir: Path) -> None:
    """Raise OSError with a clear message when out_dir cannot be created or written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".probe-", delete=True)
    probe.close()


MANIFEST = "_manifest.json"   # written last: its presence says the eight tables belong to one complete run


def write_tables(tables: dict[str, list[dict] | dict[str, list]], out_dir: Path) -> dict[str, int]:
    """Write every table as Parquet into a temporary folder inside out_dir, then move each into
    place and write the manifest last. An interrupted run leaves no manifest, so ``load_tables``
    refuses a half-replaced folder instead of mixing two runs.

    A table is given as rows (a list of dicts) or as columns (a dict of lists, ``tables.build_columns``)."""
    with TableWriter(out_dir) as writer:
        for name in TABLE_NAMES:
            writer.append(name, tables.get(name, []))
        return writer.commit()


def _arrow_table(name: str, given: list[dict] | dict[str, list]) -> pa.Table:
    schema = TABLE_SCHEMAS[name]
    if isinstance(given, dict):
        n = len(next(iter(given.values()), []))
        return pa.Table.from_pydict({col: given.get(col, [None] * n) for col in schema.names}, schema=schema)
    return pa.Table.from_pylist(given, schema=schema)   # missing keys become nulls


class TableWriter:
    """The tables of one run, appended batch by batch (a run streams its tokens here instead of
    holding millions of them) into a temporary folder inside ``out_dir``; ``commit`` moves every
    table into place and writes the manifest last. Leaving the ``with`` block without a commit
    (an error, an interrupt) removes the temporary folder and leaves ``out_dir`` as it was."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.out_dir))
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = {name: 0 for name in TABLE_NAMES}

    def append(self, name: str, given: list[dict] | dict[str, list]) -> None:
        table = _arrow_table(name, given)
        if table.num_rows == 0 and name in self.writers:
            return
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.tmp / f"{name}.parquet", TABLE_SCHEMAS[name],
                                                  compression="zstd")
        self.writers[name].write_table(table)
        self.counts[name] += table.num_rows

    def commit(self) -> dict[str, int]:
        import json

        for name in TABLE_NAMES:
            if name not in self.writers:
                self.append(name, [])
        for w in self.writers.values():
            w.close()
        self.writers.clear()
        (self.tmp / MANIFEST).write_text(json.dumps({"tables": self.counts}, indent=1), encoding="utf-8")
        (self.out_dir / MANIFEST).unlink(missing_ok=True)
        for name in TABLE_NAMES:
            os.replace(self.tmp / f"{name}.parquet", self.out_dir / f"{name}.parquet")
        os.replace(self.tmp / MANIFEST, self.out_dir / MANIFEST)
        return dict(self.counts)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)


class Tables:
    """The tables of one run, one pandas DataFrame per table: ``tables.persons``, ``tables["events"]``."""

    def __init__(self, frames: dict):
        self._frames = frames
        for k, v in frames.items():
            setattr(self, k, v)

    def __getitem__(self, name: str):
        return self._frames[name]

    def __iter__(self):
        return iter(self._frames)

    def __repr__(self) -> str:
        return "Tables(" + ", ".join(f"{k}={len(v)} rows" for k, v in self._frames.items()) + ")"


def table_paths(out_dir: Path) -> dict[str, Path]:
    """The Parquet file of every table of a complete run in ``out_dir``; FileNotFoundError saying
    what to do when the folder holds no run or an interrupted one."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise FileNotFoundError(f"{out_dir} is not a folder: give the OUT_DIR of `extract run INPUT_DIR --out OUT_DIR`")
    missing = [n for n in TABLE_NAMES if not (out_dir / f"{n}.parquet").exists()]
    if missing:
        raise FileNotFoundError(f"{out_dir} is not a complete extract run: missing {', '.join(missing)}.parquet "
                                f"(run `extract run INPUT_DIR --out {out_dir}` first)")
    if not (out_dir / MANIFEST).exists():
        raise FileNotFoundError(f"{out_dir} has no {MANIFEST}: the run that wrote it was interrupted while "
                                f"replacing tables; run `extract run INPUT_DIR --out {out_dir}` again")
    return {n: out_dir / f"{n}.parquet" for n in TABLE_NAMES}


def load_tables(out_dir: Path, tables=TABLE_NAMES, columns: dict[str, list[str]] | None = None) -> Tables:
    """The run's tables as DataFrames: every table, or only ``tables``; ``columns`` maps a table to
    the only columns to read (a large run's tokens need not be read to look at its persons)."""
    import pandas as pd

    paths = table_paths(out_dir)
    unknown = [n for n in tables if n not in paths]
    if unknown:
        raise ValueError(f"no table {', '.join(unknown)}; the tables are {', '.join(TABLE_NAMES)}")
    columns = columns or {}
    return Tables({n: pd.read_parquet(paths[n], columns=columns.get(n)) for n in tables})


def export_tables(out_dir: Path, fmt: str, to_dir: Path, tables=TABLE_NAMES) -> dict[str, Path]:
    """Write every table of the run in ``out_dir`` as ``NAME.csv`` or ``NAME.jsonl`` (one JSON
    object a line) into ``to_dir``; the files written. A list column is a JSON array in both
    (in CSV, the array's text: ``["林嘉文", "Lin Jiawen"]``)."""
    import duckdb

    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown export format {fmt!r}: use csv or jsonl")
    paths = table_paths(out_dir)
    to_dir = Path(to_dir)
    to_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT json"
    written = {}
    with duckdb.connect() as con:
        for name in tables:
            target = to_dir / f"{name}.{fmt}"
            cols = [f'CAST(to_json("{f.name}") AS VARCHAR) AS "{f.name}"'
                    if fmt == "csv" and pa.types.is_list(f.type) else f'"{f.name}"' for f in TABLE_SCHEMAS[name]]
            con.execute(f"COPY (SELECT {', '.join(cols)} FROM read_parquet({_sql_string(paths[name])})) "
                        f"TO {_sql_string(target)} ({options})")
            written[name] = target
    return written


def _sql_string(path: Path) -> str:
    """A path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


# ---------------------------------------------------------------- metadata

def read_metadata(path: Path) -> list[dict]:
    """The rows of an archive's index file: JSON Lines (one object per line) or CSV with a header
    row (chosen by the suffix; ``.tsv`` is tab-separated). Raises InputError naming the file and
    line of a row that cannot be read."""
    import csv
    import json

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputError(f"cannot read metadata file {path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise InputError(f"metadata file {path} is not UTF-8 text") from None
    if path.suffix.lower() in (".csv", ".tsv"):
        reader = csv.DictReader(text.splitlines(), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        return [dict(row) for row in reader]
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not a JSON object ({e.msg}); the metadata file must hold one JSON object "
                             "per line, or be a .csv with a header row") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: a JSON {type(row).__name__}, not an object with columns such as file, date, title")
        rows.append(row)
    return rows
