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
    """The words of ``cats`` as one regex alternation, longest first (one that never matches when
    the categories are empty)."""
    return alternation([w for c in cats for w in lex(language).get(c, {})]) or "(?!)"


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


def _words_rx(language: str, body: str) -> re.Pattern:
    return re.compile(body if language == "zh" else rf"\b(?:{body})\b", re.I)


@lru_cache(maxsize=None)
def future_rx(language: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """Words that make a sentence speak of the future (category ``future``: will, wird, 将) or of a
    scheduled present (``present``: verlässt, leaves — no past bias), as groups ``fut`` and ``pres``;
    and the words holding a future word that are neither (``notfuture``: 将近 "nearly", 将其)."""
    L = lex(language)
    alts = [f"(?P<{g}>{alternation(L[cat])})" for g, cat in (("fut", "future"), ("pres", "present")) if L.get(cat)]
    no = L.get("notfuture")
    return (_words_rx(language, "|".join(alts)) if alts else None,
            _words_rx(language, alternation(no)) if no else None)


def tense(language: str, text: str) -> tuple[int | None, bool]:
    """(where the sentence's first future word starts, or None; whether it has a scheduled-present word
    and no future word) — see ``future_rx``."""
    rx, no = future_rx(language)
    if rx is None:
        return None, False
    pres = False
    for m in rx.finditer(text):
        if no is not None and any(n.start() <= m.start() < n.end()
                                  for n in no.finditer(text, max(0, m.start() - 4), m.end() + 4)):
            continue                                  # 将近, 大将: not the future
        if m.lastgroup == "fut":
            return m.start(), False
        pres = True
    return None, pres


@lru_cache(maxsize=None)
def category_rx(language: str, category: str) -> re.Pattern | None:
    """The words of a lexicon category as one pattern on word edges, or None when it has none."""
    words = lex(language).get(category)
    return _words_rx(language, alternation(words)) if words else None


def told_in_past(language: str, text: str) -> bool:
    """A word of a sentence told in the past (category ``past``: hat, said, 已经)."""
    rx = category_rx(language, "past")
    return rx is not None and rx.search(text) is not None


def told_done(language: str, text: str) -> bool:
    """A word of a sentence that tells a thing done (category ``done``: 了, 已, 曾)."""
    rx = category_rx(language, "done")
    return rx is not None and rx.search(text) is not None


@lru_cache(maxsize=None)
def _named_rx(language: str) -> re.Pattern | None:
    words = lex(language).get("named")
    return re.compile(alternation(words)) if words else None


def named_spans(language: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a project, a medium or a title holding a time word (category ``named``)."""
    rx = _named_rx(language)
    return [m.span() for m in rx.finditer(text)] if rx is not None else []


@lru_cache(maxsize=None)
def _said_rx(language: str) -> re.Pattern | None:
    words = lex(language).get("said")
    return re.compile(rf"\s?(?:{alternation(words)})") if words else None


def said_at(language: str, text: str, pos: int) -> bool:
    """A verb of saying right at ``pos`` (category ``said``: 26日表示, 3日称): the date is when it was said."""
    rx = _said_rx(language)
    return rx is not None and rx.match(text, pos) is not None


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
