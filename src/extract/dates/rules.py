"""The date lexicons and compiled rule sets of the dates stage.

Reads ``resources/dates_{zh,de,en}.txt`` (``category<TAB>word<TAB>value``, loaded lazily, once per
process); writes nothing. ``Rules`` is what each language's grammar module builds: named patterns,
a sentence trigger and per-pattern gates (cheap searches that must hit before a pattern runs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..text import alternation

LANGUAGES = ("zh", "de", "en")


@lru_cache(maxsize=None)
def lex(language: str) -> dict[str, dict[str, str]]:
    """``{category: {word: value}}`` from ``resources/dates_<language>.txt``."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicon.rows(f"dates_{language}.txt", 2, 3):
        out.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 else ""
    return out


def alt(language: str, *cats: str) -> str:
    """The words of ``cats`` as one regex alternation, longest first."""
    return alternation([w for c in cats for w in lex(language).get(c, {})])


def lookup(language: str, cat: str, word: str, fold: bool = False) -> str | None:
    """The value of ``word`` in category ``cat`` (case-folded match with ``fold``), None if absent."""
    d = lex(language).get(cat, {})
    if word in d:
        return d[word]
    if fold:
        low = word.casefold()
        for k, v in d.items():
            if k.casefold() == low:
                return v
    return None


def word_value(language: str, cat: str, w: str) -> str | None:
    """``lookup`` case-insensitively; None for an empty word."""
    return lookup(language, cat, w, fold=True) if w else None


def first_chars(language: str, *cats: str) -> str:
    """The first characters of the words of ``cats``, escaped for a character class."""
    return re.escape("".join(sorted({w[0] for c in cats for w in lex(language).get(c, {})})))


@lru_cache(maxsize=None)
def future_rx(language: str) -> re.Pattern | None:
    """Words that make a sentence speak of the future (category ``future``)."""
    words = lex(language).get("future", {})
    if not words:
        return None
    if language == "zh":
        return re.compile(alternation(words))
    return re.compile(rf"\b(?:{alternation(words)})\b", re.I)


@dataclass(frozen=True)
class Rules:
    language: str
    patterns: tuple[tuple[str, re.Pattern], ...]
    trigger: re.Pattern | None     # sentences without a match are skipped
    gates: tuple[re.Pattern | None, ...] = ()   # per pattern: a cheap search that must hit first


def gated(language: str, pats: list[tuple[str, str]], flags: dict[str, int], gates: dict[str, str],
          trigger: re.Pattern | None = None) -> Rules:
    """Compile named patterns (flags per name, re.I by default) with their gates."""
    return Rules(language, tuple((n, re.compile(p, flags.get(n, re.I))) for n, p in pats), trigger,
                 tuple(re.compile(gates[n]) if n in gates else None for n, _ in pats))
