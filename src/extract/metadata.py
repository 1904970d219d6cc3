"""Article metadata from outside the article's text: an index file of the archive, YAML front
matter at the top of a file, a date in the file's path.

Archives keep dates and titles beside the texts: a JSONL or CSV index with one row per
article (``index.jsonl``, ``metadata.csv``), a front-matter block (``---`` … ``---``), a date in
the path (``2024/10/25/…``, ``20250328_08.txt``). This module turns them into ``ArticleMeta``
records. Pure but for ``read_metadata`` and ``run_index``, which find and read the run's index file
and says what the summary reports of it; elsewhere rows come already read and paths are only strings.

Index rows are matched to articles by the path of the file they name (relative to the index
file's folder, or to INPUT_DIR), else by file name, else by file stem; a name or stem that
several rows share is ambiguous and matches nothing (``MetadataIndex.ambiguous``).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Iterable, Mapping

from . import io
from .model import ArticleMeta

# index file names found at the root of INPUT_DIR (first present wins); they are not articles
INDEX_NAMES = ("metadata.jsonl", "index.jsonl", "metadata.csv", "index.csv")
# the columns an index row may carry, by what they hold (first present wins)
KEY_COLUMNS = ("file", "path", "filename", "file_name", "article_id", "id", "name")
FIELD_COLUMNS = {
    "published": ("published", "date", "datetime", "time", "pubdate", "publish_date", "published_at",
                  "date_published", "timestamp", "created"),
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline", "creator"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "site", "publisher", "outlet", "media"),
    "language": ("language", "lang"),
}
LANGUAGE_CODES = {"zh": "zh", "chinese": "zh", "zh-cn": "zh", "zh-hans": "zh", "zh-hant": "zh", "zh-tw": "zh",
                  "zh-hk": "zh", "de": "de", "german": "de", "deutsch": "de", "en": "en", "english": "en"}
FRONT_MATTER_MAX_LINES = 60    # a front-matter block closes within this many lines, or it is none
MIN_YEAR, MAX_YEAR = 1900, 2100  # a date in a path outside these years is a number, not a date


@dataclass
class MetadataIndex:
    """Index rows by the keys an article id is looked up with."""
    by_path: dict[str, ArticleMeta] = field(default_factory=dict)    # article id (path under INPUT_DIR)
    by_name: dict[str, ArticleMeta] = field(default_factory=dict)    # file name
    by_stem: dict[str, ArticleMeta] = field(default_factory=dict)    # file name without suffix
    ambiguous: set[str] = field(default_factory=set)                 # names and stems several rows share
    rows: int = 0
    rows_without_key: int = 0

    def lookup(self, article_id: str) -> ArticleMeta | None:
        """The metadata of one article (its id is its path under INPUT_DIR), or None."""
        p = PurePosixPath(article_id)
        return self.by_path.get(article_id) or self.by_name.get(p.name) or self.by_stem.get(p.stem)


def _first(row: Mapping, names: Iterable[str]):
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for n in names:
        v = lowered.get(n)
        if v is not None and str(v).strip() not in ("", "null", "None", "nan"):
            return v
    return None


def iso_date(value) -> str | None:
    """An ISO 8601 date or date-time from a metadata value: ``2019-03-06``, ``2019-03-06 12:30``,
    ``06.03.2019``, ``March 6, 2019``, ``2019年3月6日``, or a Unix timestamp in seconds; None when
    it holds no full date."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from datetime import datetime, timezone

        if 0 < value < 4_102_444_800:     # up to 2100
            return datetime.fromtimestamp(value, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M")
        return None
    from .clean import find_date

    return find_date(str(value).strip())


def meta_of_row(row: Mapping, origin: str = "metadata") -> ArticleMeta:
    """The metadata one index row or front-matter block gives."""
    lang = _first(row, FIELD_COLUMNS["language"])
    text = {k: (str(v).strip() if v is not None else None)
            for k, v in ((k, _first(row, FIELD_COLUMNS[k])) for k in ("title", "author", "url", "source"))}
    author = _first(row, FIELD_COLUMNS["author"])
    if isinstance(author, (list, tuple)):
        text["author"] = ", ".join(str(a) for a in author if a) or None
    return ArticleMeta(title=text["title"], published=iso_date(_first(row, FIELD_COLUMNS["published"])),
                       author=text["author"], url=text["url"], source=text["source"],
                       language=LANGUAGE_CODES.get(str(lang).strip().lower()) if lang is not None else None,
                       origin=origin)


def build_index(rows: Iterable[Mapping], index_dir: str, input_dir: str) -> MetadataIndex:
    """Index rows by the article each names. A row's file value is read relative to the index
    file's folder (``index_dir``) when that lands inside ``input_dir``, else as a path under
    ``input_dir``; the file name and stem are weaker keys."""
    idx = MetadataIndex()
    names: dict[str, list[ArticleMeta]] = {}
    stems: dict[str, list[ArticleMeta]] = {}
    input_dir = os.path.abspath(input_dir)
    for row in rows:
        idx.rows += 1
        key = _first(row, KEY_COLUMNS)
        if key is None:
            idx.rows_without_key += 1
            continue
        meta = meta_of_row(row)
        value = str(key).strip().replace("\\", "/")
        beside = os.path.relpath(os.path.normpath(os.path.join(os.path.abspath(index_dir), value)), input_dir)
        for path in (beside, value.removeprefix("./")):
            if not path.startswith(".."):
                idx.by_path.setdefault(PurePosixPath(path).as_posix(), meta)
        p = PurePosixPath(value)
        names.setdefault(p.name, []).append(meta)
        stems.setdefault(p.stem, []).append(meta)
    for keys, out in ((names, idx.by_name), (stems, idx.by_stem)):
        for k, metas in keys.items():
            if len(metas) == 1:
                out[k] = metas[0]
            else:
                idx.ambiguous.add(k)
    return idx


_FRONT_KEY = re.compile(r"^\s*([A-Za-z_][\w\- ]{0,40}?)\s*:\s*(.*?)\s*$")


def front_matter(raw_lines: list[str]) -> tuple[int, dict[str, str]] | None:
    """A YAML front-matter block at the top of a file: (index of its closing line, its ``key:
    value`` fields with quotes removed), or None. The block opens with ``---`` on the first
    non-empty line and closes with ``---`` or ``...`` within ``FRONT_MATTER_MAX_LINES``."""
    first = next((i for i, t in enumerate(raw_lines) if t.strip()), None)
    if first is None or raw_lines[first].strip() != "---":
        return None
    fields: dict[str, str] = {}
    for k in range(first + 1, min(len(raw_lines), first + 1 + FRONT_MATTER_MAX_LINES)):
        line = raw_lines[k]
        if line.strip() in ("---", "..."):
            return (k, fields) if fields else None
        m = _FRONT_KEY.match(line)
        if m:
            fields.setdefault(m.group(1).strip().lower(), m.group(2).strip().strip("\"'"))
        elif line.strip() and not line.startswith((" ", "\t", "-")):
            return None             # not YAML: a rule of dashes above ordinary text
    return None


_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_\-.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_path(article_id: str) -> str | None:
    """A date the path or file name spells: ``2024/10/25/x.html``, ``news-2024-10-25.txt``,
    ``20250328_08.txt`` (the last such date, the file's own before its folders')."""
    found = None
    for m in _PATH_DATE.finditer(article_id):
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if MIN_YEAR <= y <= MAX_YEAR:
            try:
                found = date(y, mo, d).isoformat()
            except ValueError:
                continue
    return found


def run_index(input_dir: Path, metadata_file: str | None):
    """The run's metadata index (``metadata_file``: ``--metadata FILE``, else an index file at the root of
    INPUT_DIR), the index file when it lies inside INPUT_DIR, and summary notes about it."""
    if metadata_file:
        path = Path(metadata_file)
    else:
        path = next((input_dir / n for n in INDEX_NAMES if (input_dir / n).is_file()), None)
    if path is None:
        return None, None, []
    rows = read_metadata(path)        # raises InputError with the file and line of a bad row
    index = build_index(rows, str(path.parent), str(input_dir))
    found_here = "" if metadata_file else " (found in INPUT_DIR; not an article)"
    notes = [f"metadata: {index.rows:,} rows from {path}{found_here}"]
    if index.rows_without_key:
        notes.append(f"metadata: {index.rows_without_key:,} rows name no file (give a column "
                     f"{' / '.join(KEY_COLUMNS[:3])}); they were not used")
    if index.ambiguous:
        some = ", ".join(sorted(index.ambiguous)[:5])
        notes.append(f"metadata: {len(index.ambiguous):,} file names or stems are shared by several rows ({some} …); "
                     "those rows match only by their full path")
    inside = path.resolve().parent == input_dir.resolve()
    return index, (path.name if inside else None), notes


def head_notes(heads: Mapping[str, int], index) -> list[str]:
    """What the summary says about metadata matches and reference dates (``heads``: counts of ok
    articles, of those matched in the metadata index, of those left without a reference date)."""
    ok = heads.get("ok", 0)
    notes = []
    if index is not None:
        notes.append(f"metadata: matched {heads.get('metadata', 0):,} of {ok:,} articles")
    missing = heads.get("no_reference", 0)
    if missing:
        notes.append(f"{missing:,} of {ok:,} articles have no reference date (none in metadata, front matter, "
                     "text or path): their relative dates (今年5月, am Montag, last week) have no value; "
                     "give --metadata FILE or --reference-date DATE")
    return notes


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
        raise io.InputError(f"cannot read metadata file {path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise io.InputError(f"metadata file {path} is not UTF-8 text") from None
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
            raise io.InputError(f"{path}:{n}: not a JSON object ({e.msg}); the metadata file must hold one JSON object "
                             "per line, or be a .csv with a header row") from None
        if not isinstance(row, dict):
            raise io.InputError(f"{path}:{n}: a JSON {type(row).__name__}, not an object with columns such as file, date, title")
        rows.append(row)
    return rows
