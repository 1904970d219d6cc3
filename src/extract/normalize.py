"""Stage 2 — normalize: Traditional → Simplified, mirror artifacts removed, offsets kept.

The clean text of an article is its title, meta and content lines, each normalized and joined
with a newline. Every character of the clean text maps back to a raw line and column.

Steps per line, each keeping a map from output characters to raw columns:
1. inline HTML tags and Markdown heading marks removed; mirror-site pinyin annotations removed:
   ``網(wǎng)易`` → ``網易`` (a CJK character followed by a bracketed toned syllable; a syllable cut
   off at the end of the line too);
2. full-width ASCII letters and digits folded to half-width (``ＯｐｅｎＡＩ`` → ``OpenAI``);
   CJK punctuation is kept;
3. OpenCC with the configuration chosen for the article (``t2s``, ``tw2s``, ``hk2s``, ``tw2sp``);
4. the aspect particle 著 that OpenCC leaves (随著, 对著) written 着, except in the words of
   ``resources/zhe_keep.txt`` (著名, 显著, 土著 …).

The official OpenCC binding is used (see README: it passes all of OpenCC's own cases and runs
60× faster than opencc-python-reimplemented).
"""
from __future__ import annotations

import re
from array import array
from difflib import SequenceMatcher
from functools import lru_cache
from operator import ne

from . import lexicon
from .model import DATED_LABELS, CleanArticle, NormalizedArticle, Piece
from .text import HAN, HAN_RE, LATIN_RE, OPENCC_CONFIGS, alternation, to_simplified

CONFIGS = OPENCC_CONFIGS

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# a CJK character, then "(syllable)" with at least one toned vowel; or a cut-off "(syll" at line end
_PINYIN = re.compile(
    rf"(?<=[{HAN}])\((?:(?=[a-zü{_TONED}]{{0,6}}[{_TONED}])[a-zü{_TONED}]{{1,7}}\)|[a-zü{_TONED}]{{1,7}}$)"
)
_MOJIBAKE = re.compile(r"[ÂÃ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       r"\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€")


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig  # only for pages that look broken

    # only the encoding repair: widths, quotes, HTML entities and line breaks stay as they are
    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
                           fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
                           remove_control_chars=False, normalization=None, explain=False)


def looks_mojibake(text: str) -> bool:
    """Latin text decoded with the wrong codec ("GrÃ¼ÃŸe", "Itâ€™s")."""
    return bool(_MOJIBAKE.search(text))


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 mojibake in Latin-script text with ftfy ("DatenschutzerklÃ¤rung" →
    "Datenschutzerklärung"); text that does not look broken is returned unchanged (and ftfy is
    not even imported). Chinese mojibake from lost bytes ("內?￥ﾍﾻ") cannot be repaired and is kept."""
    if not looks_mojibake(text):
        return text
    from ftfy import fix_text

    return fix_text(text, _ftfy_config())


_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,12}(?:\s[^<>]{0,200})?/?>|^\s*#{1,6}\s+")


_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
_SPACES = {0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x200B: None,
           0xFEFF: None, 0x200E: None, 0x200F: None}


@lru_cache(maxsize=None)
def _zhe_keep() -> re.Pattern:
    words = lexicon.words("zhe_keep.txt")
    return re.compile(alternation(words))


def fix_zhe(text: str) -> str:
    """Write the aspect particle 着 where OpenCC left 著 (随著 → 随着), keeping 著名, 显著 …"""
    if "著" not in text:
        return text
    keep = {m.start() + i for m in _zhe_keep().finditer(text) for i, ch in enumerate(m.group()) if ch == "著"}
    return "".join("着" if ch == "著" and i not in keep else ch for i, ch in enumerate(text))


def _remove(text: str, pattern: re.Pattern) -> tuple[str, list[int]]:
    """Remove every match of ``pattern``; return the text and, per kept char, its raw index."""
    out, cols, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        cols.extend(range(pos, m.start()))
        pos = m.end()
    out.append(text[pos:])
    cols.extend(range(pos, len(text)))
    return "".join(out), cols


def strip_pinyin(text: str) -> tuple[str, list[int]]:
    """Remove mirror-site pinyin annotations; return the text and, per kept char, its raw index."""
    if "(" not in text:
        return text, list(range(len(text)))
    return _remove(text, _PINYIN)


def strip_markup(text: str) -> tuple[str, list[int]]:
    """Remove inline HTML tags (<figcaption>, <b>) and Markdown heading marks (### ) that scraped
    text keeps; return the text and, per kept char, its index in the input."""
    if "<" not in text and not text.lstrip().startswith("#"):
        return text, list(range(len(text)))
    return _remove(text, _MARKUP)




def script_of(text: str) -> str | None:
    """``Hans``, ``Hant``, ``Latn``, ``mixed`` or None (no letters) for a piece of text."""
    han = len(HAN_RE.findall(text))
    latin = len(LATIN_RE.findall(text))
    if not han and not latin:
        return None
    if han < 0.2 * latin and han < 8:
        return "Latn"
    simp = to_simplified(text, "t2s")
    changed = sum(map(ne, text, simp))   # characters t2s changed (map stops at the shorter, as zip)
    if len(simp) != len(text):
        changed = max(changed, 1)
    # a few changed characters in long Simplified text are t2s phrase choices, not Traditional script
    if changed >= max(2, 0.02 * han):
        return "Hant"
    return "Hans"


def choose_config(text: str, script: str | None = None) -> str:
    """The OpenCC configuration for an article's text: hk2s / tw2sp / tw2s / t2s, or s2s when
    Simplified. ``script`` is the article's script when the clean stage already knows it."""
    if (script or script_of(text)) not in ("Hant", "mixed"):
        return "s2s"
    if script == "mixed" and script_of(text) != "Hant":
        return "s2s"
    hk = sum(text.count(w) for w in lexicon.words("opencc_hk_markers.txt"))
    tw = sum(text.count(w) for w in lexicon.words("opencc_tw_markers.txt"))
    if hk >= 2 and hk > tw:
        return "hk2s"
    if tw >= 2:
        return "tw2sp"
    return "t2s"


def _prepare(text: str) -> tuple[str, list[int]]:
    """Steps 1-2 of a line (spaces, pinyin annotations, mojibake, full width) with its column map."""
    text0 = text.translate(_SPACES)
    if len(text0) != len(text):  # zero-width characters dropped: rebuild the column map
        cols0 = [i for i, ch in enumerate(text) if _SPACES.get(ord(ch), 0) is not None]
    else:
        cols0 = list(range(len(text)))
    unmarked, cols_m = strip_markup(text0)
    stripped, cols1 = strip_pinyin(unmarked)
    cols = [cols0[cols_m[i]] for i in cols1]
    if looks_mojibake(stripped):
        fixed = fix_mojibake(stripped)      # "GrÃ¼ÃŸe" → "Grüße"
        if fixed != stripped:
            cols = _align(stripped, fixed, cols)
            stripped = fixed
    return stripped.translate(_FULLWIDTH), cols


def _convert(folded: str, converted: str, cols: list[int], config: str) -> tuple[str, array]:
    """Steps 3-4 given OpenCC's output for the line: 著 → 着, and the column map realigned."""
    conv = fix_zhe(converted) if config != "s2s" else converted
    if len(conv) != len(folded):          # OpenCC changed the length (rare phrase conversions)
        cols = _align(folded, conv, cols)
    return conv, array("i", cols)


def normalize_line(text: str, config: str) -> tuple[str, array]:
    """Normalize one raw line; return the text and an array mapping each output char to a raw column."""
    folded, cols = _prepare(text)
    return _convert(folded, to_simplified(folded, config), cols, config)


def _align(src: str, dst: str, cols: list[int]) -> list[int]:
    """Raw column of every character of ``dst``, a rewrite of ``src`` whose characters map to ``cols``."""
    out = [0] * len(dst)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, src, dst, autojunk=False).get_opcodes():
        for k in range(j1, j2):
            i = i1 + min(k - j1, max(i2 - i1 - 1, 0)) if i2 > i1 else max(i1 - 1, 0)
            out[k] = cols[min(i, len(cols) - 1)] if cols else 0
    return out


def normalize_article(clean: CleanArticle, config: str | None = None) -> NormalizedArticle:
    """Build the clean normalized text of an article from its title, meta and content lines.
    OpenCC converts the article once (its lines joined by newlines), not line by line."""
    keep = [ln for ln in clean.lines if ln.label in DATED_LABELS]
    if config is None:
        config = choose_config("".join(ln.text for ln in keep if ln.label != "meta")[:20000], clean.script)
    prepared = [_prepare(ln.text) for ln in keep]
    converted = to_simplified("\n".join(f for f, _ in prepared), config).split("\n") if config != "s2s" else None
    if converted is not None and len(converted) != len(prepared):    # a conversion crossed a line end
        converted = [to_simplified(f, config) for f, _ in prepared]
    parts, pieces, pos = [], [], 0
    for i, ln in enumerate(keep):
        folded, cols0 = prepared[i]
        text, cols = _convert(folded, converted[i] if converted is not None else folded, cols0, config)
        # trim surrounding blanks but keep the column map aligned
        lead = len(text) - len(text.lstrip())
        text_t = text.strip()
        if not text_t:
            continue
        cols = cols[lead:lead + len(text_t)]
        if parts:
            parts.append("\n")
            pos += 1
        pieces.append(Piece(ln.line_no, ln.label, pos, pos + len(text_t), cols))
        parts.append(text_t)
        pos += len(text_t)
    return NormalizedArticle("".join(parts), tuple(pieces), config)
