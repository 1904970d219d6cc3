"""The shipped Chinese person recognizer (``models/persons_zh``), loaded lazily, once per process.

    >>> from extract.persons import recognizer
    >>> recognizer.predict(["王建国表示同意。"])   # doctest: +SKIP
    [[(0, 3)]]

Character spans of ``PER`` for each text; offsets are into the text as given (one spaCy token per
character). Trained and described by ``extract.persons.train`` (see ``models/persons_zh/TRAINING.md``).
Costs about 25 µs per character (≈ 40 k characters per CPU-second, 75 % of it in tok2vec):
12× slower than jieba.lcut, 170× slower than rjieba (FACTS.md). Give it the sentences that
need it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

MODEL_DIR = Path(__file__).parents[1] / "models" / "persons_zh"
LABEL = "PER"
BATCH_SIZE = 32   # texts per forward pass: on short windows 32 runs 20-25 % faster than 64 or 128 (cache)


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    from . import zh_chars  # noqa: F401  (registers the tokenizer the model's config names)

    if not (MODEL_DIR / "config.cfg").exists():
        raise FileNotFoundError(
            f"{MODEL_DIR}: no person model shipped; train one with `extract train persons --out {MODEL_DIR}`")
    return spacy.load(MODEL_DIR)


def shipped() -> bool:
    """True when the model's files are in the package (cheap: loads nothing)."""
    return (MODEL_DIR / "config.cfg").exists()


def available() -> bool:
    """True when the model is shipped and spaCy can load it."""
    try:
        _nlp()
    except (OSError, ImportError, ValueError):
        return False
    return True


def predict(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """``[(char_start, char_end), …]`` of every person name, for each text, in text order."""
    nlp = _nlp()
    out = []
    for i in range(0, len(texts), BATCH_SIZE):
        # the components' predict/set_annotations directly: nlp.pipe's generator machinery cost as
        # much as the network itself on the short windows the pipeline sends
        docs = [nlp.make_doc(t) for t in texts[i:i + BATCH_SIZE]]
        for _, proc in nlp.pipeline:
            proc.set_annotations(docs, proc.predict(docs))
        out.extend([(e.start_char, e.end_char) for e in doc.ents if e.label_ == LABEL] for doc in docs)
    return out
