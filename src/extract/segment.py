"""Stage 3 — segment: sentences and tokens of the clean normalized text.

Sentences never cross a raw line. Inside a line, Chinese text splits after 。！？!? (and a
closing quote or bracket that follows them); German and English after . ! ? followed by a
space and an upper-case letter, digit or quote, unless the word before is an abbreviation
from ``resources/segment_abbreviations.txt``.

Tokens come from spaCy pipelines: ``spacy.blank("zh")`` whose tokenizer is a jieba-dictionary
segmenter of our own (an ``rjieba.Jieba`` instance by default — jieba's dictionary and HMM in
Rust, 15× faster than jieba — or a private ``jieba.Tokenizer`` with ``segmenter="jieba"``; never
the process-wide jieba singleton), ``spacy.blank("de")`` / ``spacy.blank("en")`` otherwise.
Chinese tokens carry jieba's part-of-speech tag in ``Token.pos`` (``nr`` person, ``ns`` place …).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .model import NormalizedArticle, Sentence, Token
from .text import HAN_RE

_ZH_END = re.compile(r"[。！？!?]+[”’」』）)】》\"']*|…{2,}[”’」』\"']*")
_LATIN_END = re.compile(r"(?<=[.!?])([\"'”’“»«)]*)\s+(?=[\"'„“«»(]?[A-ZÄÖÜ0-9])")  # closing quotes stay
MAX_SENTENCE_CHARS = 600  # longer runs without an end mark are cut at commas so every stage stays linear


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("segment_abbreviations.txt"))


class JiebaSegmenter:
    """A spaCy tokenizer for Chinese built on our own jieba-dictionary segmenter instance."""

    def __init__(self, vocab, kind: str = "rjieba"):
        self.vocab = vocab
        self.kind = kind
        if kind == "rjieba":
            import rjieba

            self._seg = rjieba.Jieba()
        elif kind == "jieba":
            import jieba
            import jieba.posseg

            self._seg = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        else:
            raise ValueError(f"unknown segmenter {kind!r}: use 'rjieba' or 'jieba'")

    def tag(self, text: str) -> list[tuple[str, str]]:
        if self.kind == "rjieba":
            return self._seg.tag(text)
        return [(w.word, w.flag) for w in self._seg.cut(text)]

    def __call__(self, text: str):
        from spacy.tokens import Doc

        pairs = [(w, t) for w, t in self.tag(text) if w]
        # every jieba piece is a word (whitespace included) so token offsets are exact
        words = [w for w, _ in pairs]
        tags = [t or "x" for _, t in pairs]
        spaces = [False] * len(words)
        return Doc(self.vocab, words=words, spaces=spaces, tags=tags)


@lru_cache(maxsize=4)
def pipeline(language: str, segmenter: str = "rjieba"):
    """The spaCy pipeline for a language: blank, with our Chinese segmenter for zh."""
    import spacy

    lang = language if language in ("zh", "de", "en") else "xx"
    if lang == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
        nlp.tokenizer = JiebaSegmenter(nlp.vocab, segmenter)
        return nlp
    return spacy.blank(lang)


def load(segmenter: str = "rjieba") -> None:
    """Load the tokenizers ``tokenize`` uses: the Chinese segmenter of the ``zh`` pipeline and the
    rule-based tokenizers of German and English (the ``de`` / ``en`` pipelines are not built: no
    stage reads them, and each cost as much as its tokenizer again)."""
    pipeline("zh", segmenter)
    for language in ("de", "en"):
        _latin_tokenizer(language)


MAX_LATIN_VOCAB = 300_000   # words a Latin tokenizer's vocabulary holds before it is made anew: spaCy keeps every
                            # word it has seen, so a worker's memory would grow with the archive (~200 bytes a word)


def _latin_tokenizer(language: str):
    tokenizer = _new_latin_tokenizer(language)
    if len(tokenizer.vocab) > MAX_LATIN_VOCAB:     # the tokens do not depend on what the vocabulary has seen
        _new_latin_tokenizer.cache_clear()
        tokenizer = _new_latin_tokenizer(language)
    return tokenizer


@lru_cache(maxsize=4)
def _new_latin_tokenizer(language: str):
    """spaCy's rule-based tokenizer for German/English, without lexical attributes: a blank
    pipeline computes norm, shape, stop-word and number flags for every new word (30 % of the
    tokenizer's time on German news), and this stage reads only token text and offsets."""
    import spacy

    nlp = spacy.blank(language if language in ("de", "en") else "xx")
    nlp.vocab.lex_attr_getters = {}
    return nlp.tokenizer


_INITIALS_OR_ORDINAL = re.compile(r"(?:[a-zäöü]\.)+|\d{1,2}\.")


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside one line of text, blanks trimmed."""
    spans, start = [], 0
    if HAN_RE.search(text):
        cuts = [m.end() for m in _ZH_END.finditer(text)]
    else:
        cuts = [m.end(1) for m in _LATIN_END.finditer(text) if not _is_abbreviation(text, m.start())]
    for cut in cuts + [len(text)]:
        if cut <= start:
            continue
        spans.extend(_trimmed_chunks(text, start, cut))
        start = cut
    return spans


def _is_abbreviation(text: str, pos: int) -> bool:
    # the last word before ``pos``: found from the end (a regex anchored at ``$`` retries from
    # every position of the line, quadratic on the one-line articles of some corpora)
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:pos].lower()
    if not word:
        return False
    return word in _abbreviations() or bool(_INITIALS_OR_ORDINAL.fullmatch(word))


def _trimmed_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return []
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    out, s = [], start
    while end - s > MAX_SENTENCE_CHARS:
        window = text[s:s + MAX_SENTENCE_CHARS]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind("；"), window.rfind(";"), window.rfind(" "))
        cut = s + (cut + 1 if cut > MAX_SENTENCE_CHARS // 3 else MAX_SENTENCE_CHARS)
        out.append((s, cut))
        s = cut
    out.append((s, end))
    return [(a, b) for a, b in out if b > a]


def segment(norm: NormalizedArticle, language: str | None, segmenter: str = "rjieba",
            with_tokens: bool = True) -> tuple[list[Sentence], list[Token]]:
    """Split the clean text into sentences (never across lines) and tokens."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    text = norm.text
    for piece in norm.pieces:
        line = text[piece.start:piece.end]
        line_lang = "zh" if HAN_RE.search(line) else (language if language in ("de", "en") else "en")
        for a, b in split_sentences(line, line_lang):
            sid = len(sentences)
            start, end = piece.start + a, piece.start + b
            sentences.append(Sentence(sid, text[start:end], start, end, piece.line_no, piece.label))
            if with_tokens:
                tokens.extend(tokenize(text[start:end], start, sid, line_lang, segmenter, len(tokens)))
    return sentences, tokens


def tokenize(sentence: str, offset: int, sentence_id: int, language: str, segmenter: str = "rjieba",
             first_id: int = 0) -> list[Token]:
    """Tokens of one sentence with offsets shifted by ``offset``; whitespace tokens dropped.

    Chinese tokens come straight from the segmenter that is the tokenizer of the ``zh`` spaCy
    pipeline (building a spaCy Doc per sentence only to read the same tokens back cost 60 % of
    this stage); German and English tokens come from spaCy's rule-based tokenizer."""
    out = []
    if language == "zh":
        pos = offset
        for word, tag in pipeline("zh", segmenter).tokenizer.tag(sentence):
            start, pos = pos, pos + len(word)
            if word.strip():
                out.append(_token(Token, (sentence_id, first_id + len(out), word, start, pos, tag or None)))
        return out
    for t in _latin_tokenizer(language)(sentence):
        text = t.text
        if text.strip():
            start = offset + t.idx
            out.append(_token(Token, (sentence_id, first_id + len(out), text, start, start + len(text), None)))
    return out


_token = tuple.__new__   # _token(Token, fields) is Token(*fields) without the named tuple's Python-level __new__
                         # (a third of the time of building the tokens of a Chinese sentence)
