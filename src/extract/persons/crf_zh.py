"""The Chinese person recognizer: a linear-chain CRF over characters (``models/persons_zh``).

Each character gets sparse features: itself and its neighbours at ±2, the character pairs around
it, the part of speech of the jieba word it sits in and its place there (``nr_B``, ``v_S``; rjieba
with jieba's own dictionary, a fresh instance, so words added at run time cannot change what the
model saw in training), that word's length, whether it is a surname (common or rare, also of the
characters before it), whether a title word or a verb of saying follows or a title precedes, and
its character class (Han, transliteration character, digit, Latin, dot, punctuation). Labels are
BIOES over ``PER``. Trained by ``extract.persons.train_crf_zh``; see ``models/persons_zh_crf/TRAINING.md``.
``recognizer.predict(texts, "zh")`` reads it first and gives the texts it is unsure of to the spaCy
model (``models/persons_zh``).

    >>> from extract.persons import crf_zh
    >>> crf_zh.predict(["王建国表示同意。"])   # doctest: +SKIP
    [[(0, 3)]]
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .crf import loadable

MODEL_DIR = Path(__file__).parents[1] / "models" / "persons_zh_crf"
MODEL_FILE = "model.crfsuite"
SPACE_TAG = "_SP"
DOTS = "·•‧・."


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba

    return rjieba.Jieba()


def char_words(text: str) -> tuple[list[str], list[int]]:
    """One ``POS_place`` tag per character of ``text`` (whitespace ``_SP``) and the length of the
    jieba word each character sits in."""
    tags: list[str] = []
    lens: list[int] = []
    for word, pos in _segmenter().tag(text):
        pos = pos or "x"
        n = len(word)
        if n == 1:
            tags.append(SPACE_TAG if word.isspace() else pos + "_S")
        else:
            tags.append(pos + "_B")
            tags.extend([pos + "_M"] * (n - 2))
            tags.append(pos + "_E")
            if not word.strip() or any(c.isspace() for c in word):
                tags[-n:] = [SPACE_TAG if c.isspace() else t for c, t in zip(word, tags[-n:])]
        lens.extend([n] * n)
    if len(tags) != len(text):          # a segmenter that drops or merges characters: no feature
        return ["x_S"] * len(text), [1] * len(text)
    return tags, lens


@lru_cache(maxsize=1)
def _resources():
    """(character → class letter and surname flags, title regex, verb regex)."""
    from .. import lexicon
    from .names import lexicons

    r = lexicons()
    common = frozenset(s for s in lexicon.words("persons_surnames_zh.txt") if len(s) == 1)
    rare = frozenset(s for s in lexicon.words("persons_surnames_zh_rare.txt") if len(s) == 1) - common
    two = frozenset(s[0] for s in r["any_surname"] if len(s) == 2)
    titles = sorted({t for t in lexicon.titles().get("zh", ()) if len(t) >= 1}, key=len, reverse=True)
    verbs = sorted(set(lexicon.grouped("persons_speech_verbs.txt").get("zh", ())), key=len, reverse=True)
    title_re = re.compile("|".join(map(re.escape, titles)))
    verb_re = re.compile("|".join(map(re.escape, verbs)))
    return common, rare, two, r["translit"], title_re, verb_re


def _char_class(ch: str, translit) -> str:
    if ch in translit:
        return "T"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "H"
    if ch.isdigit():
        return "D"
    if ch in DOTS:
        return "."
    if ch.isalpha():
        return "L"
    if ch.isspace():
        return "_"
    return "P"


_CLASS_CACHE: dict[str, str] = {}


def _match_edges(regex, text: str) -> tuple[set[int], set[int]]:
    """Where matches start and where they end, trying at every position (overlapping matches too)."""
    starts, ends = set(), set()
    pos, n = 0, len(text)
    while pos < n:
        m = regex.search(text, pos)
        if not m:
            break
        starts.add(m.start())
        ends.add(m.end())
        pos = m.start() + 1
    return starts, ends


def sentence_features(text: str) -> list[list[str]]:
    """Features of each character of one text."""
    common, rare, two, translit, title_re, verb_re = _resources()
    n = len(text)
    tags, lens = char_words(text)
    cls = _CLASS_CACHE
    k = []
    for ch in text:
        c = cls.get(ch)
        if c is None:
            c = _char_class(ch, translit)
            s = "c" if ch in common else "r" if ch in rare else "-"
            if ch in two:
                s += "2"
            c = cls[ch] = c + s
        k.append(c)
    p = ["^", "^", *text, "$", "$"]
    t = ["^", *tags, "$"]
    kk = ["^^", "^^", *k, "$$", "$$"]
    title_at, title_end = _match_edges(title_re, text) if n else (set(), set())
    verb_at = _match_edges(verb_re, text)[0] if n else set()
    out = []
    for i in range(n):
        j = i + 2
        c0, cl, cr = p[j], p[j - 1], p[j + 1]
        f = ["c=" + c0, "l=" + cl, "r=" + cr, "ll=" + p[j - 2], "rr=" + p[j + 2],
             "lc=" + cl + c0, "cr=" + c0 + cr, "llc=" + p[j - 2] + cl, "crr=" + cr + p[j + 2],
             "lcr=" + cl + c0 + cr,
             "t=" + t[i + 1], "tl=" + t[i], "tr=" + t[i + 2], "tt=" + t[i + 1] + t[i + 2],
             "w=" + str(min(lens[i], 5)) + t[i + 1],
             "k=" + kk[j], "kl=" + kk[j - 1], "kr=" + kk[j + 1], "kll=" + kk[j - 2][1:],
             "k3=" + kk[j - 1][0] + kk[j][0] + kk[j + 1][0]]
        if i + 1 in title_at:
            f.append("tn")
        if i in title_end:
            f.append("tp")
        if i + 1 in verb_at:
            f.append("vn")
        if i + 2 in title_at:
            f.append("tn2")
        if i + 2 in verb_at:
            f.append("vn2")
        if i + 3 in title_at:
            f.append("tn3")
        if i + 3 in verb_at:
            f.append("vn3")
        out.append(f)
    return out


def tags_of_spans(n: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    tags = ["O"] * n
    for a, b in spans:
        if b - a == 1:
            tags[a] = "S"
        elif b > a:
            tags[a] = "B"
            for i in range(a + 1, b - 1):
                tags[i] = "I"
            tags[b - 1] = "E"
    return tags


def spans_of_tags(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of BIOES runs (a run not closed by E ends at its last I)."""
    out: list[tuple[int, int]] = []
    start = None
    for i, t in enumerate(tags):
        if t == "S":
            if start is not None:
                out.append((start, i))
            out.append((i, i + 1))
            start = None
        elif t == "B":
            if start is not None:
                out.append((start, i))
            start = i
        elif t == "I":
            if start is None:
                start = i
        elif t == "E":
            out.append((i if start is None else start, i + 1))
            start = None
        else:
            if start is not None:
                out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(tags)))
    return out


@lru_cache(maxsize=2)
def _load(model_dir: str = str(MODEL_DIR)):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(Path(model_dir) / MODEL_FILE))
    return tagger


def shipped(model_dir: Path = MODEL_DIR) -> bool:
    return (Path(model_dir) / MODEL_FILE).exists()


def available(model_dir: Path = MODEL_DIR) -> bool:
    """True when the model is shipped and python-crfsuite can load it."""
    return loadable(_load, model_dir)


def predict(texts: Sequence[str], model_dir: Path = MODEL_DIR, tagger=None) -> list[list[tuple[int, int]]]:
    """``[(char_start, char_end), …]`` of every person name, for each text, in text order."""
    return [spans for spans, _ in predict_scored(texts, model_dir, tagger)]


def predict_scored(texts: Sequence[str], model_dir: Path = MODEL_DIR,
                   tagger=None) -> list[tuple[list[tuple[int, int]], float]]:
    """(spans, probability of the best tag sequence) for each text: a low probability says the
    CRF is unsure of that text (``recognizer`` hands such texts to the spaCy model)."""
    tagger = tagger or _load(str(model_dir))
    out = []
    for text in texts:
        if not text.strip():
            out.append(([], 1.0))
            continue
        tagger.set(sentence_features(text))
        tags = tagger.tag()
        out.append((_clean(text, spans_of_tags(tags)), tagger.probability(tags)))
    return out


def _clean(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without whitespace or punctuation at their edges; None-length ones dropped."""
    res = []
    for a, b in spans:
        while a < b and not (text[a].isalnum()):
            a += 1
        while b > a and not (text[b - 1].isalnum()):
            b -= 1
        if b > a:
            res.append((a, b))
    return res
