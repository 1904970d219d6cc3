"""Loading rules and lexicons from ``src/extract/resources/``.

Every resource is a UTF-8 text file whose header lines start with ``#`` and say the line
format. Blank lines and ``#`` lines are skipped. Files are read lazily, once per process.
A malformed line raises :class:`ResourceError` naming ``file:line``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as _res

from .text import alternation  # noqa: F401  (re-exported: lexicon.alternation is used by every rule builder)


class ResourceError(ValueError):
    """A resource file has a line that does not match its declared format."""


def _path(name: str):
    return _res.files("extract").joinpath("resources").joinpath(name)


def resource_path(name: str):
    """A resource file as a whole (a JSON of fitted weights): its path in the package."""
    return _path(name)


@lru_cache(maxsize=None)
def rows(name: str, min_fields: int = 1, max_fields: int | None = None, sep: str = "\t") -> tuple[tuple[str, ...], ...]:
    """Rows of a resource file, split on ``sep`` (tab by default), comments and blanks skipped."""
    out = []
    text = _path(name).read_text(encoding="utf-8")
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split(sep)) if sep else (line.strip(),)
        if len(fields) < min_fields or (max_fields is not None and len(fields) > max_fields):
            want = f"{min_fields}" if max_fields == min_fields else f"{min_fields}..{max_fields or 'n'}"
            raise ResourceError(f"resources/{name}:{n}: expected {want} tab-separated fields, got {len(fields)}: {line!r}")
        out.append(fields)
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A set of entries, one per line (first tab-separated field)."""
    return frozenset(r[0] for r in rows(name))


@lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """``key<TAB>value`` lines as a dict."""
    return {r[0]: r[1] for r in rows(name, 2, 2)}


@lru_cache(maxsize=None)
def grouped(name: str) -> dict[str, tuple[str, ...]]:
    """``group<TAB>entry`` lines as {group: entries}, file order kept."""
    out: dict[str, list[str]] = {}
    for g, e in rows(name, 2, 2):
        out.setdefault(g, []).append(e)
    return {g: tuple(v) for g, v in out.items()}


@lru_cache(maxsize=None)
def patterns(name: str, flags: int = 0) -> tuple[tuple[str, re.Pattern], ...]:
    """``name<TAB>regex`` lines compiled; a bad regex fails with file:line."""
    out = []
    text = _path(name).read_text(encoding="utf-8")
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, sep, rx = raw.partition("\t")
        if not sep:
            raise ResourceError(f"resources/{name}:{n}: expected 'name<TAB>regex', got {raw!r}")
        try:
            out.append((key.strip(), re.compile(rx.strip(), flags)))
        except re.error as e:
            raise ResourceError(f"resources/{name}:{n}: bad regex {rx!r}: {e}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The frequent characters of Chinese news, both scripts (``common_hanzi.txt``)."""
    return frozenset("".join(chars for _, chars in rows("common_hanzi.txt", 2, 2)))


@lru_cache(maxsize=None)
def titles(kind: str | None = None) -> dict[str, tuple[str, ...]]:
    """``titles.txt`` by language (zh, de, en): every title and role, or only those of one
    ``kind`` (``post``: an office, events' roles; ``person``: a person noun or form of address)."""
    out: dict[str, list[str]] = {}
    for n, (lang, word, k) in enumerate(rows("titles.txt", 3, 3), 1):
        if k not in ("post", "person"):
            raise ResourceError(f"resources/titles.txt: kind must be post or person, got {k!r} for {word!r}")
        if kind is None or k == kind:
            out.setdefault(lang, []).append(word)
    return {lang: tuple(v) for lang, v in out.items()}


ORG_KINDS = ("name", "end", "zh-end", "cut", "generic", "unit")


@lru_cache(maxsize=None)
def orgs() -> dict[str, tuple[str, ...]]:
    """``orgs.txt`` by kind: ``name`` (well-known organizations), ``end`` (words that end Latin
    organization names), ``zh-end`` (Chinese organization suffixes), ``cut``, ``generic``, ``unit``
    (a Chinese department or team inside an organization that is part of a post: 发展局局长)."""
    by_kind = grouped("orgs.txt")
    unknown = set(by_kind) - set(ORG_KINDS)
    if unknown:
        raise ResourceError(f"resources/orgs.txt: unknown kind {sorted(unknown)}; use one of {', '.join(ORG_KINDS)}")
    return {k: by_kind.get(k, ()) for k in ORG_KINDS}
