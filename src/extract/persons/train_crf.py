"""Train the shipped German CRF person recognizer (``extract train persons --lang de``).

Steps (``train_crf``):
  1. read GermEval 2014 train and hold out ``SELECT_SIZE`` sentences (seeded shuffle) for model
     selection — GermEval 2014 dev, which ``../shared/eval/suites.py persons`` scores, is read
     only at the end, to report;
  2. gazetteers from training data only: the PER tokens of GermEval train (for the training
     sentences themselves taken from the *other* folds, so the CRF does not learn to trust a
     gazetteer that always knows the answer), of the historical German sets and of CoNLL-2003
     English train, and the project's lexicons (given names, surnames, titles, not-names,
     organization words);
  3. word clusters from German text without labels (the text of the historical sets and the
     training sentences; not the 10kGNAD corpus, which is for internal benchmarking only): each
     frequent word's left and right neighbours, PPMI, an SVD to ``DIMS`` dimensions, k-means at
     two granularities (``K_COARSE``, ``K_FINE``);
  4. train a CRF (python-crfsuite, L-BFGS, elastic net) for each (c1, c2) of ``GRID``; keep the
     best on the held-out slice, retrain nothing;
  5. write ``model.crfsuite``, ``gazetteer.tsv``, ``clusters.tsv``, ``meta.json`` and
     ``TRAINING.md`` to ``out_dir``.
"""
from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from . import crf
from .train import DEFAULT_DATA_DIR, read_jsonl, score_spans, write_model_card

SELECT_SIZE = 400
FOLDS = 5
GERMEVAL = ("ner_train/de_germeval2014/train.jsonl", "CC BY 4.0 (GermEval 2014 NER data, Benikova et al. 2014)")
GAZETTEER_SETS = {   # flag: (files, license) — only their PER tokens are read
    "h": (("ner_train/de_europeana_news/lft.jsonl", "ner_train/de_europeana_news/onb.jsonl",
           "ner_train/de_europeana_news/sbb.jsonl"), "CC0 (Europeana Newspapers NER)"),
    "y": (("ner_train/de_newseye/dev.jsonl", "ner_train/de_newseye/dev2.jsonl", "ner_train/de_sonar/dev.jsonl"),
          "CC BY 4.0 (NewsEye, SoNAR via HIPE-2022)"),
    "e": (("ner_train/en_conll2003/train.jsonl",),
          "CoNLL-2003 train (Reuters RCV1, research terms): only a list of name tokens is kept"),
}
# the 10kGNAD corpus beside the project is for internal benchmarking only: its text is not read
# for the shipped model (USE_CORPUS = False); set it to measure what it would add
USE_CORPUS = False
UNLABELED = ("corpora/10kgnad_de_test/articles",
             "CC BY-NC-SA 4.0 (10kGNAD, DER STANDARD): only word-cluster ids and counts are kept")
# the text (never the labels) of the historical sets joins the unlabeled text for clusters:
# 4-fold CV on GermEval train F1 0.684 -> 0.693
UNLABELED_SETS = (("ner_train/de_europeana_news/lft.jsonl", "ner_train/de_europeana_news/onb.jsonl",
                   "ner_train/de_europeana_news/sbb.jsonl"), "CC0 (Europeana Newspapers NER)"), \
                 (("ner_train/de_newseye/dev.jsonl", "ner_train/de_newseye/dev2.jsonl",
                   "ner_train/de_sonar/dev.jsonl"), "CC BY 4.0 (NewsEye, SoNAR via HIPE-2022)")
EVAL_SET = "ner_train/de_germeval2014/dev.jsonl"
GRID = ((0.05, 0.05), (0.1, 0.01), (0.1, 0.1), (0.3, 0.01))
MAX_ITERATIONS = 200
MIN_WORD_FREQ = 4        # words clustered: seen this often in the unlabeled text
MAX_WORDS = 20000
CONTEXT_WORDS = 800      # neighbours counted: the most frequent words
DIMS = 64
K_COARSE, K_FINE = 100, 1000     # 4-fold CV 0.6935 against 0.6926 with 50, 400
CORPUS_STATS = True
MIN_STATS_FREQ = 2


def _sentences(rows) -> list[tuple[list[str], list[tuple[int, int]], list[str]]]:
    """(words, token spans, BIO tags) of each row."""
    out = []
    for r in rows:
        text = r["text"]
        toks = crf.tokenize(text)
        if not toks:
            continue
        tags = ["O"] * len(toks)
        for p in r["persons"]:
            inside = [i for i, (a, b) in enumerate(toks) if a >= p["start"] and b <= p["end"]]
            for k, i in enumerate(inside):
                tags[i] = "B-PER" if k == 0 else "I-PER"
        out.append(([text[a:b] for a, b in toks], toks, tags))
    return out


def _per_tokens(sents) -> Counter:
    return Counter(w for words, _, tags in sents for w, t in zip(words, tags) if t != "O" and w[:1].isupper())


def _lexicon_flags() -> dict[str, str]:
    from .names import lexicons

    r = lexicons()
    flags: dict[str, set[str]] = {}
    for flag, words in (("g", r["given"]), ("s", r["surnames_latin"]), ("t", r["titles_latin"]),
                        ("n", r["not"]), ("o", r["org_words"]), ("v", r["verbs_latin"])):
        for w in words:
            if " " not in w:
                flags.setdefault(w, set()).add(flag)
    return {w: "".join(sorted(f)) for w, f in flags.items()}


def _merge(*maps: dict[str, str]) -> dict[str, str]:
    out: dict[str, set[str]] = {}
    for m in maps:
        for w, f in m.items():
            out.setdefault(w, set()).update(f)
    return {w: "".join(sorted(f)) for w, f in out.items()}


def _flag_map(words: Counter, flag: str) -> dict[str, str]:
    return {w: flag for w in words}


# --------------------------------------------------------------------------- word clusters

def word_clusters(texts: Sequence[str], seed: int = 0, log=None) -> dict[str, tuple[str, ...]]:
    """word → (coarse cluster, fine cluster, lowercase seen, after a given name) from ``texts``
    (``-`` where unknown: rare words have counts but no cluster)."""
    import numpy as np

    emit = log or (lambda line: None)
    seqs = [[text[a:b] for a, b in crf.tokenize(text)] for text in texts]
    freq = Counter(w for s in seqs for w in s)
    vocab = [w for w, c in freq.most_common(MAX_WORDS) if c >= MIN_WORD_FREQ]
    ctx = [w for w, _ in freq.most_common(CONTEXT_WORDS)]
    if len(vocab) < 2:
        return {}
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, w in enumerate(ctx)}
    rows, cols = [], []
    for s in seqs:
        s = ["<s>"] + s + ["</s>"]
        for i in range(1, len(s) - 1):
            v = vi.get(s[i])
            if v is None:
                continue
            left, right = ci.get(s[i - 1]), ci.get(s[i + 1])
            if left is not None:
                rows.append(v)
                cols.append(left)
            if right is not None:
                rows.append(v)
                cols.append(CONTEXT_WORDS + right)
    m = np.zeros((len(vocab), 2 * CONTEXT_WORDS), dtype=np.float32)
    np.add.at(m, (np.array(rows), np.array(cols)), 1.0)
    total = m.sum()
    pw = m.sum(1, keepdims=True) / total
    pc = (m.sum(0, keepdims=True) / total) ** 0.75
    pc /= pc.sum()
    with np.errstate(divide="ignore"):
        m = np.maximum(np.log((m / total) / (pw * pc + 1e-12) + 1e-12), 0.0).astype(np.float32)
    vals, vecs = np.linalg.eigh(m.T @ m)
    emb = m @ vecs[:, -DIMS:]
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(seed)
    coarse = _kmeans(emb, K_COARSE, rng)
    fine = _kmeans(emb, K_FINE, rng)
    emit(f"clusters: {len(vocab)} words from {sum(map(len, seqs))} tokens")
    out = {w: (str(coarse[i]), str(fine[i]), "-", "-") for i, w in enumerate(vocab)}
    if CORPUS_STATS:
        for w, (lc, ag) in corpus_stats(seqs, freq).items():
            c = out.get(w, ("-", "-"))
            out[w] = (c[0], c[1], lc, ag)
    return out


def corpus_stats(seqs, freq: Counter) -> dict[str, tuple[str, str]]:
    """For capitalized words seen ``MIN_STATS_FREQ`` times: how often their lowercase form occurs
    (``0`` never, ``1`` rarely, ``2`` often: a common word written capitalized at a sentence start)
    and how often a given name of the lexicon stands right before them (``0``, ``1``, ``2``)."""
    from .names import lexicons

    given = lexicons()["given"]
    after_given = Counter(s[i] for s in seqs for i in range(1, len(s)) if s[i - 1] in given)
    out = {}
    for w, n in freq.items():
        if n < MIN_STATS_FREQ or not w[:1].isupper() or not w[1:].islower():
            continue
        low = freq.get(w.lower(), 0) / (n + freq.get(w.lower(), 0))
        ag = after_given.get(w, 0) / n
        out[w] = ("0" if low == 0 else "1" if low < 0.2 else "2", "0" if ag == 0 else "1" if ag < 0.2 else "2")
    return out


def _kmeans(x, k: int, rng, iters: int = 25):
    import numpy as np

    k = min(k, len(x))
    cent = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        lab = np.argmax(x @ cent.T, axis=1)      # rows are unit vectors: cosine
        for j in range(k):
            sel = x[lab == j]
            if len(sel):
                c = sel.mean(0)
                cent[j] = c / (np.linalg.norm(c) + 1e-9)
    return np.argmax(x @ cent.T, axis=1)


def _unlabeled_texts(data_dir: Path, extra: Sequence[str]) -> tuple[list[str], dict]:
    """Sentences of the unlabeled German text (missing files are skipped), then ``extra``."""
    texts = []
    stats = {}
    if USE_CORPUS:
        for f in sorted((data_dir.parent / UNLABELED[0]).glob("*.txt")):
            texts.extend(x for x in re.split(r"(?<=[.!?])\s+", f.read_text(encoding="utf-8")) if x.strip())
        stats[UNLABELED[0]] = {"license": UNLABELED[1], "sentences": len(texts)}
    for files, lic in UNLABELED_SETS:
        for f in files:
            if (data_dir / f).exists():
                rows = read_jsonl(data_dir / f)
                texts.extend(r["text"] for r in rows)
                stats[f] = {"license": lic, "sentences": len(rows)}
    stats["germeval2014_train (training part)"] = {"license": GERMEVAL[1], "sentences": len(extra)}
    return texts + list(extra), stats


# --------------------------------------------------------------------------- training

def training_features(train, external: dict[str, str] | None, clusters) -> list[tuple[list, list[str]]]:
    """(features, tags) of each training sentence; each of ``FOLDS`` folds sees the GermEval PER
    tokens of the other folds only (``external``: the other gazetteers; None: no gazetteers)."""
    folds = [train[i::FOLDS] for i in range(FOLDS)]
    xy = []
    for k, fold in enumerate(folds):
        gaz = {}
        if external is not None:
            others = Counter()
            for j, f in enumerate(folds):
                if j != k:
                    others += _per_tokens(f)
            gaz = _merge(external, _flag_map(others, "p"))
        xy.extend((crf.sentence_features(words, gaz, clusters), tags) for words, _, tags in fold)
    return xy


def _train_one(xy, model_path: Path, c1: float, c2: float, max_iterations: int) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for x, y in xy:
        tr.append(x, y)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True})
    tr.train(str(model_path))


def _score(model_path: Path, feats, sents) -> dict:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    pred = [crf.spans_of_tags(tagger.tag(x), toks) for x, (_, toks, _) in zip(feats, sents)]
    gold = [crf.spans_of_tags(tags, toks) for _, toks, tags in sents]
    return score_spans(gold, pred)


def train_crf(out_dir: Path, data_dir: Path = DEFAULT_DATA_DIR, seed: int = 0, *,
              grid: Sequence[tuple[float, float]] = GRID, max_iterations: int = MAX_ITERATIONS,
              use_clusters: bool = True, use_gazetteers: bool = True, select_size: int = SELECT_SIZE,
              evaluate: bool = True, log=None) -> dict:
    """Train the German CRF; the best (c1, c2) of ``grid`` on the held-out slice goes to ``out_dir``
    with its gazetteer, clusters, meta.json and TRAINING.md. Returns the report."""
    emit = log or (lambda line: None)
    out_dir, data_dir = Path(out_dir), Path(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    rows = [r for r in read_jsonl(data_dir / GERMEVAL[0]) if r["text"].strip()]
    rng = random.Random(seed)
    rng.shuffle(rows)
    n_sel = min(select_size, len(rows) // 4)
    select_rows, train_rows = rows[:n_sel], rows[n_sel:]
    train, select = _sentences(train_rows), _sentences(select_rows)
    # gazetteers
    external: dict[str, str] = {}
    gaz_stats = {}
    if use_gazetteers:
        maps = [_lexicon_flags()]
        for flag, (files, lic) in GAZETTEER_SETS.items():
            toks = Counter()
            for f in files:
                if (data_dir / f).exists():
                    toks += _per_tokens(_sentences(read_jsonl(data_dir / f)))
            maps.append(_flag_map(toks, flag))
            gaz_stats[flag] = {"files": list(files), "license": lic, "tokens": len(toks)}
        external = _merge(*maps)
    # clusters
    clusters: dict[str, tuple[str, ...]] = {}
    unlabeled_stats: dict = {}
    if use_clusters:
        texts, unlabeled_stats = _unlabeled_texts(data_dir, [r["text"] for r in train_rows])
        clusters = word_clusters(texts, seed, emit)
    xy = training_features(train, external if use_gazetteers else None, clusters)
    full_gaz = _merge(external, _flag_map(_per_tokens(train), "p")) if use_gazetteers else {}
    sel_feats = [crf.sentence_features(words, full_gaz, clusters) for words, _, _ in select]
    emit(f"train {len(train)} sentences, selection {len(select)}, features ready in {time.time() - t0:.0f}s")
    runs, best = [], None
    for c1, c2 in grid:
        t1 = time.time()
        path = out_dir / f"candidate-{c1}-{c2}.crfsuite"
        _train_one(xy, path, c1, c2, max_iterations)
        s = _score(path, sel_feats, select)
        runs.append({"c1": c1, "c2": c2, "selection": s, "seconds": round(time.time() - t1)})
        emit(f"c1={c1} c2={c2}: {s} ({time.time() - t1:.0f}s)")
        if best is None or s["f1"] > best[1]["f1"]:
            best = ((c1, c2), s, path)
    for r in runs:
        p = out_dir / f"candidate-{r['c1']}-{r['c2']}.crfsuite"
        if p != best[2]:
            p.unlink()
    best[2].replace(out_dir / crf.MODEL_FILE)
    (out_dir / crf.GAZETTEER_FILE).write_text(
        "# word<TAB>flags: p GermEval train PER token, h Europeana PER, y NewsEye/SoNAR PER, e CoNLL-2003 PER, "
        "g given name, s surname, t title, n not a name, o organization word, v verb of saying\n"
        + "".join(f"{w}\t{f}\n" for w, f in sorted(full_gaz.items())), encoding="utf-8")
    (out_dir / crf.CLUSTERS_FILE).write_text(
        "# word<TAB>coarse cluster<TAB>fine cluster (neighbour PPMI, SVD, k-means)<TAB>lowercase form seen "
        "(0 never, 1 rarely, 2 often)<TAB>after a given name (0, 1, 2); - unknown; see train_crf\n"
        + "".join("\t".join((w, *v)) + "\n" for w, v in sorted(clusters.items())), encoding="utf-8")
    report = {"lang": "de", "seed": seed, "grid": [list(g) for g in grid], "max_iterations": max_iterations,
              "best": {"c1": best[0][0], "c2": best[0][1]}, "runs": runs, "selection": best[1],
              "data": {"germeval2014_train": {"file": GERMEVAL[0], "license": GERMEVAL[1],
                                              "sentences": len(train), "held_out_for_selection": len(select),
                                              "persons": sum(t.count("B-PER") for _, _, t in train)}},
              "gazetteers": gaz_stats, "clusters": {"text": unlabeled_stats, "words": sum(v[0] != "-" for v in clusters.values()),
                                                    "with_counts": sum(v[2] != "-" for v in clusters.values()), "dims": DIMS,
                                                    "k": [K_COARSE, K_FINE]} if use_clusters else None,
              "minutes": round((time.time() - t0) / 60, 1), "eval": {}}
    crf._load.cache_clear()
    if evaluate and (data_dir / EVAL_SET).exists():
        report["eval"]["germeval2014_dev"] = evaluate_crf(out_dir, data_dir / EVAL_SET)
        emit(f"germeval2014_dev: {report['eval']['germeval2014_dev']}")
    meta = {"name": "persons_de", "version": "2.0.0", "kind": "crf", "label": "PER",
            "description": "German person names (PER), CRF over word tokens; see TRAINING.md"}
    write_model_card(out_dir, meta, report, training_md(report))
    return report


# how the features and settings were chosen: 4-fold cross-validation over the 3,700 training sentences
# (GermEval dev never read for it); dev is the report only
CHOICES = """## How the settings were chosen

4-fold cross-validation over the 3,700 training sentences (exact-span PER F1; GermEval dev was not read
for any choice), c1 0.1, c2 0.05 unless said:

| variant | CV F1 |
|---|---|
| no gazetteers, no clusters | (held-out slice 0.561) |
| gazetteers + clusters (10kGNAD + GermEval train text, k 50/400) | 0.671 |
| c1/c2 0.05/0.01, 0.2/0.05, 0.5/0.01, 0.1/0.2, 0.02/0.1 | 0.666, 0.671, 0.663, 0.667, 0.665 |
| clusters with 40,000 words (seen ≥ 2) | 0.671 |
| + 1,500 Europeana sentences as labeled training data | 0.514 (OCR text, other conventions) |
| + historical sets' text for clusters | 0.680 |
| + lowercase-seen and after-a-given-name counts | 0.684 |
| + both | 0.693 |
| + both, k 100/1000 (shipped) | 0.694 |

The spaCy tok2vec+ner model this CRF replaced (same training split): GermEval 2014 dev F1 0.488 alone,
0.577 in `find_persons`; it was 6.6 MB and read ~0.17 M characters a second.

The cross-validation above read 10kGNAD text for the clusters; the shipped model does not
(``USE_CORPUS = False``: that corpus is for internal benchmarking only), at a cost of about 0.01 F1
(GermEval 2014 dev in `find_persons` 0.720 with it, 0.710 without).

In `extract.find_persons` (rules + this model, `../shared/eval/suites.py persons`) as shipped:
GermEval 2014 dev P 0.787 R 0.647 F1 0.710; `find_persons` reads German news (150 10kGNAD articles) at
~154 k characters a second (96 k with the spaCy model). Keeping only the rule candidates the model
overlaps, or none, did not help (F1 0.716, 0.719 against 0.724 as is, with a first CRF). Pipeline runs
still read German with the rules alone (`latin.PIPELINE_MODEL_LANGUAGES`).
"""


def training_md(r: dict) -> str:
    g = r["data"]["germeval2014_train"]
    lines = [
        "# persons_de — how this model was made", "",
        "A linear-chain CRF (python-crfsuite, L-BFGS with elastic net) over word tokens "
        "(`persons.crf.tokenize`), BIO labels of `PER`. Made by `extract.persons.train_crf.train_crf` "
        "(`extract train persons --lang de --out DIR`); read by `persons.crf` through "
        "`recognizer.predict(texts, \"de\")`.", "",
        "- features per word: lowercased form, shape, prefixes and suffixes of 2–4, case, sentence start, length, "
        "the words at ±1 and ±2 and the pair (previous, this), the shape/case/gazetteer/cluster features of the "
        "words at ±1, gazetteer flags (also of the genitive stem and of a compound's last part), two word "
        "clusters, whether the word's lowercase form occurs in the unlabeled text, whether a given name of the "
        "lexicon stands before it there",
        f"- seed {r['seed']}; grid (c1, c2) {r['grid']}, {r['max_iterations']} L-BFGS iterations each; best on the "
        f"held-out slice: c1 {r['best']['c1']}, c2 {r['best']['c2']}; {r['minutes']} min in all", "",
        "## Training data (never the dev split that `suites.py persons` scores)", "",
        "| what | file | license as stated | size |", "|---|---|---|---|",
        f"| labeled sentences | `{g['file']}` | {g['license']} | {g['sentences']} sentences, {g['persons']} persons "
        f"(+{g['held_out_for_selection']} held out for selection) |",
        "| gazetteer `p` (PER tokens) | the same training part; for each of 5 folds, from the other 4 | | |",
    ]
    for flag, d in r["gazetteers"].items():
        lines.append(f"| gazetteer `{flag}` (PER tokens) | {', '.join(f'`{f}`' for f in d['files'])} | {d['license']} | "
                     f"{d['tokens']} tokens |")
    lines.append("| gazetteers `g s t n o v` | `resources/`: given names, surnames, titles, not-names, organization "
                 "words, verbs of saying | the project's own | |")
    if r["clusters"]:
        for f, d in r["clusters"]["text"].items():
            lines.append(f"| unlabeled text for clusters | `{f}` | {d['license']} | {d['sentences']} sentences |")
        c = r["clusters"]
        lines += ["", f"Clusters: {c['words']} words (seen ≥ {MIN_WORD_FREQ} times; {c['with_counts']} capitalized "
                  f"words seen ≥ {MIN_STATS_FREQ} times have the two counts), left/right neighbours among the "
                  f"{CONTEXT_WORDS} most frequent words, PPMI, {c['dims']} dimensions, k-means with k = {c['k']}. "
                  "Only labels-free derived data ships (cluster ids, counts bucketed to 0/1/2, name-token lists): no "
                  "sentence of any set is in the package."]
    lines += ["", "## Scores (exact spans, PER, model alone)", "",
              "| set | P | R | F1 | gold | chars/s |", "|---|---|---|---|---|---|"]
    for run in r["runs"]:
        s = run["selection"]
        lines.append(f"| selection, c1 {run['c1']} c2 {run['c2']} ({g['held_out_for_selection']} held-out "
                     f"sentences) | {s['p']} | {s['r']} | {s['f1']} | {s['gold']} | |")
    for name, e in r["eval"].items():
        lines.append(f"| {name} | {e['p']} | {e['r']} | {e['f1']} | {e['gold']} | {e['chars_per_s']} |")
    lines += ["", "chars/s: `crf.predict` (tokens, features and tagging) on one core of the machine that trained.", "",
              CHOICES]
    return "\n".join(lines)


def evaluate_crf(model_dir: Path, path: Path) -> dict:
    rows = read_jsonl(path)
    texts = [r["text"] for r in rows]
    crf._load(str(model_dir))
    t0 = time.perf_counter()
    pred = crf.predict(texts, model_dir)
    secs = time.perf_counter() - t0
    res = score_spans([[(p["start"], p["end"]) for p in r["persons"]] for r in rows], pred)
    res["chars_per_s"] = round(sum(map(len, texts)) / secs) if secs else None
    return res
