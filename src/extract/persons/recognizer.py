"""The shipped person recognizers (``models/persons_zh``, ``models/persons_en`` …), loaded lazily,
once per process and language.

    >>> from extract.persons import recognizer
    >>> recognizer.predict(["王建国表示同意。"])   # doctest: +SKIP
    [[(0, 3)]]
    >>> recognizer.predict(["Smith said so."], lang="en")   # doctest: +SKIP
    [[(0, 5)]]

Character spans of ``PER`` for each text; offsets are into the text as given. Chinese goes first
through a CRF over characters (``persons.crf_zh``, trained by ``extract.persons.train_crf_zh``, see
``models/persons_zh_crf/TRAINING.md``; ~3x the spaCy model's speed); the texts it is unsure of
(``CRF_SURE``, about a tenth) also through a spaCy model over one token per character (trained by
``extract.persons.train``, see ``models/persons_zh/TRAINING.md``), whose spans then stand. The
English one reads words (``extract.persons.train_latin``, ``models/persons_en/TRAINING.md``); the
German one is a CRF over words (``persons.crf``, trained by ``extract.persons.train_crf``,
``models/persons_de/TRAINING.md``).
The Chinese spaCy model costs about 25 µs per character (≈ 40 k characters per CPU-second, 75 % of it in
tok2vec): 12× slower than jieba.lcut, 170× slower than rjieba (FACTS.md). Give it the sentences that
need it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

MODELS = Path(__file__).parents[1] / "models"
MODEL_DIR = MODELS / "persons_zh"
LANGUAGES = ("zh", "de", "en")
LABEL = "PER"
CRF_LANGUAGES = ("de",)   # read by a CRF over words (``persons.crf``), not a spaCy pipeline
CHAR_CRF_LANGUAGES = ("zh",)   # read by a CRF over characters (``persons.crf_zh``) first
# a text whose best CRF tag sequence is less likely than this goes to the spaCy model too (its
# spans replace the CRF's): on the 700 held-out People's Daily dev sentences 0.9 sent 13 % of the
# characters on, F1 0.868 (CRF) / 0.880 (spaCy) → 0.884 (0.8: 10 %, 0.882; 0.98: 28 %, 0.886)
CRF_SURE = 0.9
BATCH_SIZE = 32   # texts per forward pass: on short windows 32 runs 20-25 % faster than 64 or 128 (cache)


def model_dir(lang: str = "zh") -> Path:
    return MODELS / f"persons_{lang}"


def crf_dir(lang: str = "zh") -> Path:
    return MODELS / f"persons_{lang}_crf"


def _crf_zh_shipped(lang: str) -> bool:
    from . import crf_zh

    return crf_zh.shipped(crf_dir(lang))


def _predict_crf_then_spacy(texts: Sequence[str], lang: str) -> list[list[tuple[int, int]]]:
    """The character CRF on every text; the texts it is unsure of (``CRF_SURE``) through the spaCy
    model as well, whose spans then stand (when it is shipped)."""
    from . import crf_zh

    scored = crf_zh.predict_scored(texts, crf_dir(lang))
    out = [spans for spans, _ in scored]
    unsure = [i for i, (_, p) in enumerate(scored) if p < CRF_SURE and texts[i].strip()]
    if unsure and (model_dir(lang) / "config.cfg").exists():
        for i, spans in zip(unsure, _predict_spacy([texts[i] for i in unsure], lang)):
            out[i] = spans
    return out


@lru_cache(maxsize=4)
def _nlp(lang: str = "zh"):
    import spacy

    from . import zh_chars  # noqa: F401  (registers the tokenizer the Chinese model's config names)

    d = model_dir(lang)
    if lang not in LANGUAGES or not (d / "config.cfg").exists():
        raise FileNotFoundError(
            f"{d}: no person model shipped; train one with `extract train persons --lang {lang} --out {d}`")
    return spacy.load(d)


def shipped(lang: str = "zh") -> bool:
    """True when the model of ``lang`` has its files in the package (cheap: loads nothing)."""
    if lang in CHAR_CRF_LANGUAGES and _crf_zh_shipped(lang):
        return True
    if lang in CRF_LANGUAGES:
        from . import crf

        return crf.shipped(model_dir(lang))
    return (model_dir(lang) / "config.cfg").exists()


def available(lang: str = "zh") -> bool:
    """True when the model of ``lang`` is shipped and spaCy (python-crfsuite for German) can load it."""
    if lang in CHAR_CRF_LANGUAGES and _crf_zh_shipped(lang):
        from . import crf_zh

        return crf_zh.available(crf_dir(lang))
    if lang in CRF_LANGUAGES:
        from . import crf

        return crf.available(model_dir(lang))
    try:
        _nlp(lang)
    except (OSError, ImportError, ValueError):
        return False
    return True


def predict(texts: Sequence[str], lang: str = "zh") -> list[list[tuple[int, int]]]:
    """``[(char_start, char_end), …]`` of every person name, for each text, in text order."""
    if lang in CHAR_CRF_LANGUAGES and _crf_zh_shipped(lang):
        return _predict_crf_then_spacy(texts, lang)
    if lang in CRF_LANGUAGES:
        from . import crf

        return crf.predict(texts, model_dir(lang))
    return _predict_spacy(texts, lang)


def _predict_spacy(texts: Sequence[str], lang: str) -> list[list[tuple[int, int]]]:
    nlp = _nlp(lang)
    out = []
    for i in range(0, len(texts), BATCH_SIZE):
        # the components' predict/set_annotations directly: nlp.pipe's generator machinery cost as
        # much as the network itself on the short windows the pipeline sends
        docs = [nlp.make_doc(t) for t in texts[i:i + BATCH_SIZE]]
        for _, proc in nlp.pipeline:
            proc.set_annotations(docs, proc.predict(docs))
        out.extend([(e.start_char, e.end_char) for e in doc.ents if e.label_ == LABEL] for doc in docs)
    return out


def predict_jobs(jobs: Sequence[tuple], languages: Sequence[str | None]) -> list[list[tuple[int, int]]]:
    """Spans for each (sentence, start, end) job of ``persons.model_jobs`` (of many articles: one
    batch per model): Chinese windows through the Chinese model, the others through the model of
    their article's language (``languages``, one per job)."""
    from ..text import HAN_RE

    groups: dict[str, list[int]] = {}
    for i, ((s, _a, _b), lang) in enumerate(zip(jobs, languages)):
        groups.setdefault("zh" if HAN_RE.search(s.text) else str(lang), []).append(i)
    out: list[list[tuple[int, int]]] = [[] for _ in jobs]
    for lang, idx in groups.items():
        if lang != "zh" and not available(lang):
            continue
        spans = predict([jobs[i][0].text[jobs[i][1]:jobs[i][2]] for i in idx], lang)
        for i, sp in zip(idx, spans):
            out[i] = sp
    return out
