"""The German person recognizer: a linear-chain CRF over word tokens (``models/persons_de``).

Each word gets sparse features: its lowercased form, shape, prefixes and suffixes, case, its
place in the sentence, the words around it (±2), its membership of gazetteers (person-name
tokens of the training sets, the project's own lexicons: given names, surnames, titles,
not-names, organization words) and its word cluster (learned from unlabeled German news by
``train_crf``). Labels are BIO over ``PER``. Trained by ``extract.persons.train_crf``; see
``models/persons_de/TRAINING.md``. ``recognizer.predict(texts, "de")`` reads it.

    >>> from extract.persons import crf
    >>> crf.predict(["Gestern sagte Angela Merkel in Berlin etwas ."])   # doctest: +SKIP
    [[(14, 27)]]
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

MODEL_DIR = Path(__file__).parents[1] / "models" / "persons_de"
MODEL_FILE = "model.crfsuite"
GAZETTEER_FILE = "gazetteer.tsv"      # word<TAB>flags (letters of GAZ_FLAGS)
CLUSTERS_FILE = "clusters.tsv"        # word<TAB>coarse<TAB>fine

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\S")
_OPENERS = set("\"'„“«»‚‘([-–—•*:")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Word and punctuation spans; a hyphenated compound (Lehmbruck-Museum) is one word."""
    return [m.span() for m in TOKEN.finditer(text)]


def shape(w: str) -> str:
    s = re.sub(r"[A-ZÀ-ÖØ-Þ]", "X", w)
    s = re.sub(r"[a-zß-öø-ÿ]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)      # Xxxxxx -> Xxx: runs cut to two


def _word_features(w: str, gaz: dict[str, str], clusters: dict[str, tuple[str, str]]) -> list[str]:
    low = w.lower()
    f = ["w=" + low, "sh=" + shape(w), "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:],
         "p2=" + low[:2], "p3=" + low[:3], "p4=" + low[:4]]
    if w[:1].isupper():
        f.append("title" if w[1:].islower() or len(w) == 1 else ("upper" if w.isupper() else "mixed"))
    if "-" in w:
        f.append("hyph")
        f.extend("gz_last=" + c for c in gaz.get(w.rsplit("-", 1)[-1], ""))
    f.append("len=" + str(min(len(w), 12)))
    f.extend("gz=" + c for c in gaz.get(w, ""))
    if w.endswith("s") and len(w) > 3:
        f.extend("gz_gen=" + c for c in gaz.get(w[:-1], ""))
    cl = clusters.get(w) or clusters.get(low)
    if cl and cl[0] != "-":
        f += ["c1=" + cl[0], "c2=" + cl[1]]
    else:
        f.append("c=none")
    if cl and len(cl) > 2 and cl[2] != "-":
        f += ["lc=" + cl[2], "ag=" + cl[3]]
    return f


_NEIGHBOUR_KINDS = ("sh", "ti", "up", "gz", "c1", "c2", "lc", "ag")
CACHE_WORDS = 200_000     # distinct words whose features a process keeps (news repeats its words)
_FEATURE_CACHES: dict[str, dict] = {}   # model folder → word → features (its gazetteer and clusters)


def _word_entry(w: str, gaz: dict[str, str], clusters: dict[str, tuple[str, str]],
                cache: dict | None) -> tuple[list[str], list[str], list[str], str]:
    """A word's own features, those its neighbours at -1 and +1 see, and its lowercase form;
    from ``cache`` when given (the same lists every time: callers copy before changing them)."""
    if cache is not None:
        hit = cache.get(w)
        if hit is not None:
            return hit
    own = _word_features(w, gaz, clusters)
    seen = [x for x in own if x[:2] in _NEIGHBOUR_KINDS or x == "mixed"]
    entry = (own, ["1" + x for x in seen], ["-1" + x for x in seen], w.lower())
    if cache is not None:
        if len(cache) >= CACHE_WORDS:
            cache.clear()
        cache[w] = entry
    return entry


def sentence_features(words: Sequence[str], gaz: dict[str, str],
                      clusters: dict[str, tuple[str, str]], cache: dict | None = None) -> list[list[str]]:
    """Features of each word of one sentence (``gaz``: word → gazetteer flags; ``clusters``:
    word → (coarse, fine) cluster ids; ``cache``: word → its features, kept between calls)."""
    ents = [_word_entry(w, gaz, clusters, cache) for w in words]
    n = len(words)
    out = []
    first = True
    for i in range(n):
        own, _as_next, _as_prev, low = ents[i]
        f = ["b", *own]
        if i > 0 and words[i - 1] not in _OPENERS:
            first = False
        if first:
            f.append("first")
        f.append("-2w=" + ents[i - 2][3] if i >= 2 else "-2w=<pad>")
        if i >= 1:
            f.append("-1w=" + ents[i - 1][3])
            f += ents[i - 1][2]
        else:
            f.append("-1w=<pad>")
        if i + 1 < n:
            f.append("1w=" + ents[i + 1][3])
            f += ents[i + 1][1]
        else:
            f.append("1w=<pad>")
        f.append("2w=" + ents[i + 2][3] if i + 2 < n else "2w=<pad>")
        if i > 0:
            f.append("bi=" + ents[i - 1][3] + "|" + low)
        out.append(f)
    return out


# --------------------------------------------------------------------------- resources

def read_gazetteer(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, flags = line.split("\t")
            out[w] = flags
    return out


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, *v = line.split("\t")
            out[w] = tuple(v)
    return out


@lru_cache(maxsize=2)
def _load(model_dir: str = str(MODEL_DIR)):
    import pycrfsuite

    d = Path(model_dir)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(d / MODEL_FILE))
    return tagger, read_gazetteer(d / GAZETTEER_FILE), read_clusters(d / CLUSTERS_FILE)


def shipped(model_dir: Path = MODEL_DIR) -> bool:
    return (Path(model_dir) / MODEL_FILE).exists()


def loadable(load, model_dir: Path) -> bool:
    """True when ``load(model_dir)`` opens the model: it is shipped and python-crfsuite reads it."""
    try:
        load(str(model_dir))
    except (OSError, ImportError, ValueError):
        return False
    return True


def available(model_dir: Path = MODEL_DIR) -> bool:
    """True when the model is shipped and python-crfsuite can load it."""
    return loadable(_load, model_dir)


def spans_of_tags(tags: Iterable[str], toks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the B/I runs (an I without a B starts a span too)."""
    out: list[tuple[int, int]] = []
    cur = None
    for t, (a, b) in zip(tags, toks):
        if t == "O":
            if cur:
                out.append(cur)
            cur = None
        elif t.startswith("B") or cur is None:
            if cur:
                out.append(cur)
            cur = (a, b)
        else:
            cur = (cur[0], b)
    if cur:
        out.append(cur)
    return out


def predict(texts: Sequence[str], model_dir: Path = MODEL_DIR) -> list[list[tuple[int, int]]]:
    """``[(char_start, char_end), …]`` of every person name, for each text, in text order."""
    tagger, gaz, clusters = _load(str(model_dir))
    cache = _FEATURE_CACHES.setdefault(str(model_dir), {})
    out = []
    for text in texts:
        toks = tokenize(text)
        if not toks:
            out.append([])
            continue
        words = [text[a:b] for a, b in toks]
        tags = tagger.tag(sentence_features(words, gaz, clusters, cache))
        out.append([sp for sp in (_trim(text, sp, gaz) for sp in spans_of_tags(tags, toks)) if sp])
    return out


def _is_title(word: str, gaz: dict[str, str]) -> bool:
    """A title word, also as the last part of a compound (Adidas-Chef, SPD-Vorsitzende)."""
    return "t" in gaz.get(word, "") or ("-" in word and "t" in gaz.get(word.rsplit("-", 1)[-1], ""))


def _trim(text: str, span: tuple[int, int], gaz: dict[str, str]) -> tuple[int, int] | None:
    """A span without a title or punctuation at its start (Prof. Tilman Sauer → Tilman Sauer) and
    without punctuation but a dot at its end; None when nothing is left."""
    toks = [(span[0] + a, span[0] + b) for a, b in tokenize(text[span[0]:span[1]])]
    while toks and (not text[toks[0][0]].isalnum() or _is_title(text[toks[0][0]:toks[0][1]], gaz)):
        toks.pop(0)
    while toks and not text[toks[-1][0]].isalnum() and text[toks[-1][0]] != ".":   # Ludwig XIV. keeps its dot
        toks.pop()
    return (toks[0][0], toks[-1][1]) if toks else None
