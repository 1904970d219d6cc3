"""Character tokens that know their word: the tokenizer of the Chinese person recognizer.

The recognizer reads one token per character (names are cut out of jieba's words as often as
jieba gets them right), but a character-only model cannot see where words end: it tags 杜颖捐
and 阿姆斯特朗登. So each character token carries, in ``Token.tag_``, the part of speech of the
jieba word it sits in and its place there (``B``egin, ``M``iddle, ``E``nd, ``S``ingle):

    >>> doc = char_word_tokenizer()(...)("费孝通到河南")          # doctest: +SKIP
    >>> [t.tag_ for t in doc]
    ['nr_B', 'nr_M', 'nr_E', 'v_S', 'ns_B', 'ns_E']

The model embeds that tag beside the character (``TAG`` in its MultiHashEmbed). With
``with_words``, ``Token.lemma_`` holds the whole jieba word, for a model that also embeds the word
(``LEMMA``; measured, not shipped: People's Daily test F1 0.885 against 0.894 without it). Segmenting
costs little: rjieba tags about 3 M characters a second (FACTS.md), 75× the model's speed.
The segmenter is a fresh ``rjieba.Jieba`` with jieba's own dictionary, never the pipeline's
instance, so a word added at run time cannot change what the model saw in training.

Registered with spaCy as ``extract.zh_char_words.v1``; importing this module is what lets
``spacy.load`` rebuild a model whose config names it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, get_words_and_spaces

TOKENIZER_NAME = "extract.zh_char_words.v1"
_SPACE = re.compile(r"\s")
SPACE_TAG = "_SP"


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba

    return rjieba.Jieba()


def char_tags(text: str) -> tuple[list[str], list[str]]:
    """One ``POS_place`` tag per character of ``text`` (whitespace gets ``_SP``), and the jieba
    word each character sits in."""
    tags, words = [], []
    for word, pos in _segmenter().tag(text):
        pos = pos or "x"
        n = len(word)
        if n == 1:
            tags.append(SPACE_TAG if word.isspace() else f"{pos}_S")
        else:
            tags.extend(SPACE_TAG if ch.isspace() else f"{pos}_{'B' if i == 0 else 'E' if i == n - 1 else 'M'}"
                        for i, ch in enumerate(word))
        words.extend([word] * n)
    if len(tags) != len(text):          # a segmenter that drops or merges characters: no feature
        return ["x_S"] * len(text), list(text)
    return tags, words


class CharWordTokenizer(DummyTokenizer):
    """spaCy's ``char`` segmentation of Chinese (whitespace as spaces), plus the word tags."""

    def __init__(self, vocab, with_words: bool = False):
        self.vocab = vocab
        self.with_words = with_words

    def __call__(self, text: str) -> Doc:
        per_char, word_of = char_tags(text)
        if not _SPACE.search(text):        # the usual window: one token per character, nothing to align
            return Doc(self.vocab, words=list(text), spaces=[False] * len(text), tags=per_char,
                       lemmas=word_of if self.with_words else None)
        words, spaces = get_words_and_spaces([c for c in text if not c.isspace()], text)
        tags, lemmas, pos = [], [], 0
        for word, space in zip(words, spaces):
            pos = text.index(word, pos)
            tags.append(SPACE_TAG if word.isspace() else per_char[pos])
            lemmas.append(word if word.isspace() else word_of[pos])
            pos += len(word) + (1 if space else 0)
        return Doc(self.vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas if self.with_words else None)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def char_word_tokenizer(with_words: bool = False):
    """``with_words``: also set ``lemma_`` to the jieba word, for a model that embeds it."""
    def create(nlp):
        return CharWordTokenizer(nlp.vocab, with_words)

    return create
