"""Text primitives every stage shares: character classes, the alternation builder, OpenCC access.

One definition of each, so the stages agree on what a Han character is and convert
Traditional → Simplified the same way. Nothing here reads or writes files (OpenCC loads its own
dictionaries from the installed binding, once per configuration and process).

    >>> is_han("國"), is_han("a")
    (True, False)
    >>> alternation(["主席", "董事会主席"])
    '董事会主席|主席'
"""
from __future__ import annotations

import re
from functools import lru_cache

# Han ideographs: CJK Unified (with Extension A), compatibility ideographs, Extensions B–F.
# Class bodies, to be put inside [...] of a larger pattern; the compiled forms follow.
HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN_RE = re.compile(f"[{HAN}]")
LATIN_LETTER = "A-Za-z\u00c0-\u024f"          # ASCII and Latin-1/Extended-A/B letters (ä, ß, ł, ș)
LATIN_RE = re.compile(f"[{LATIN_LETTER}]")


def is_han(ch: str) -> bool:
    """True for one Han ideograph (see ``HAN``)."""
    return bool(HAN_RE.match(ch))


def han_count(text: str) -> int:
    """How many Han ideographs ``text`` holds."""
    return len(HAN_RE.findall(text))


def alternation(entries, escape: bool = True, render=None) -> str:
    """A regex alternation of entries, longest first (so 董事会主席 wins over 主席).

    Each entry is escaped (``escape``), kept as a regex, or turned into one by ``render``
    (events: a lexicon entry with a gap or a wildcard ending)."""
    items = sorted({e for e in entries if e}, key=lambda s: (-len(s), s))
    if render is None:
        render = re.escape if escape else str
    return "|".join(render(e) for e in items)


# OpenCC configurations the pipeline chooses among (normalize.choose_config); s2s = unchanged.
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s", "tw2sp", "hk2sp", "s2s")


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc  # the official binding; imported lazily

    if config not in OPENCC_CONFIGS:
        raise ValueError(f"unknown OpenCC configuration {config!r}; use one of {', '.join(OPENCC_CONFIGS)}")
    return opencc.OpenCC(f"{config}.json")


def to_simplified(text: str, config: str = "t2s") -> str:
    """Convert ``text`` to Simplified Chinese with one OpenCC configuration, nothing else."""
    if config == "s2s" or not text:
        return text
    return _converter(config).convert(text)
