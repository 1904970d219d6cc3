"""Train the shipped German and English person recognizers (``extract train persons --lang de|en``).

The same path as the Chinese one (``persons.train``): offline NER sets in ``../shared/suites`` →
spaCy DocBins → ``training.train_loop`` (fixed seed, ``max_steps``, a time cap) → the best
checkpoint in ``out_dir`` with a ``TRAINING.md`` recording data, licenses, settings, seed, scores
and characters per second. Tokens are words (``spacy.blank("de")`` / ``spacy.blank("en")``, the
tokenizer the pipeline segments with); one label, ``PER``.

Model selection reads a slice held out of the *training* split (``SELECT_SIZE`` sentences); the
dev splits (GermEval 2014 dev, CoNLL-2003 dev), which ``../shared/eval/suites.py persons``
scores, are read only after training, to report.
"""
from __future__ import annotations

import json
import random
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from .. import training
from ..training import NerConfig
from .train import (
    DEFAULT_DATA_DIR,
    EVAL_BATCH,
    LABEL,
    Arch,
    Sentence,
    Source,
    data_rows,
    evaluate_model,
    read_jsonl,
    score_spans,
    write_model_card,
)

SELECT_SIZE = 1000       # training sentences held out for model selection

SOURCES: dict[str, Source] = {s.name: s for s in [
    Source("conll2003_train", "ner_train/en_conll2003/train.jsonl", 1,
           "no license stated; CoNLL-2003 is Reuters RCV1 text: Reuters/NIST research terms, redistribution "
           "not granted", normalize=False),
    Source("germeval2014_train", "ner_train/de_germeval2014/train.jsonl", 1,
           "CC BY 4.0 (GermEval 2014 NER data, Benikova et al. 2014)", normalize=False),
    Source("europeana_news_lft", "ner_train/de_europeana_news/lft.jsonl", 1, "CC0", normalize=False),
    Source("europeana_news_onb", "ner_train/de_europeana_news/onb.jsonl", 1, "CC0", normalize=False),
    Source("europeana_news_sbb", "ner_train/de_europeana_news/sbb.jsonl", 1, "CC0", normalize=False),
    Source("newseye_dev", "ner_train/de_newseye/dev.jsonl", 1, "CC BY 4.0", normalize=False),
    Source("newseye_dev2", "ner_train/de_newseye/dev2.jsonl", 1, "CC BY 4.0", normalize=False),
    Source("sonar_dev", "ner_train/de_sonar/dev.jsonl", 1, "CC BY 4.0", normalize=False),
    Source("hipe2020_train", "ner_train/de_hipe2020/train.jsonl", 1,
           "CC BY-NC-SA 4.0 (non-commercial, share-alike)", normalize=False),
]}
DEFAULT_SOURCES = {"en": ("conll2003_train",),
                   "de": ("germeval2014_train",)}
# the historical sets (OCR, 19th century) are there to opt into: with them (GermEval ×3) the held-out
# GermEval slice peaked at F1 0.51 and fell after 2,500 steps; GermEval alone is what ships
DEFAULT_REPEATS: dict[str, int] = {}
DEFAULT_SELECT = {"en": 1000, "de": 400}   # GermEval train has 4,100 sentences: hold out fewer
EVAL_SETS = {"en": {"conll2003_dev": "ner_train/en_conll2003/dev.jsonl"},
             "de": {"germeval2014_dev": "ner_train/de_germeval2014/dev.jsonl"}}
DEFAULT_ARCH = {"en": Arch(width=96, depth=4, embed_rows=(5000, 1000, 2500, 2500), hidden_width=64,
                           batch_start=100, batch_stop=1000, word_feature=False),
                "de": Arch(width=96, depth=4, embed_rows=(5000, 1000, 2500, 2500), hidden_width=64,
                           batch_start=100, batch_stop=1000, word_feature=False)}


def make_config(lang: str, arch: Arch, seed: int, max_steps: int, eval_frequency: int):
    run = NerConfig(lang, {"@tokenizers": "spacy.Tokenizer.v1"}, ("NORM", "PREFIX", "SUFFIX", "SHAPE"),
                    tuple(arch.embed_rows), arch.width, arch.depth, arch.hidden_width, arch.dropout,
                    arch.learn_rate, arch.batch_start, arch.batch_stop)
    return training.make_config(run, seed, max_steps, eval_frequency)


def load(src: Source, data_dir: Path) -> tuple[list[Sentence], dict]:
    if src.path.endswith(tuple(p for rel in EVAL_SETS.values() for p in rel.values())):
        raise ValueError(f"{src.path} is an evaluation set and may not be used for training")
    rows = read_jsonl(data_dir / src.path)
    out = [Sentence(r["text"], sorted({(p["start"], p["end"]) for p in r["persons"]})) for r in rows
           if r["text"].strip()]
    return out, {"file": src.path, "license": src.license, "repeat": src.repeat, "sentences": len(out),
                 "persons": sum(len(s.spans) for s in out), "chars": sum(len(s.text) for s in out)}


def to_docbin(nlp, sentences: Sequence[Sentence]):
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    db = DocBin(store_user_data=False)
    for sent in sentences:
        doc = nlp.make_doc(sent.text)
        ents = [doc.char_span(s, e, label=LABEL, alignment_mode="expand") for s, e in sent.spans]
        doc.ents = filter_spans([x for x in ents if x is not None])
        db.add(doc)
    return db


def train_persons_latin(lang: str, out_dir: Path, data_dir: Path = DEFAULT_DATA_DIR, max_minutes: float = 20.0,
                        seed: int = 0, *, max_steps: int = 8000, eval_frequency: int = 500,
                        arch: Arch | None = None, sources: Sequence[str] | None = None,
                        repeats: dict[str, int] | None = None, select_size: int | None = None,
                        evaluate: bool = True, log=None) -> dict:
    """Train the ``lang`` person recognizer; the best checkpoint on the held-out training slice goes
    to ``out_dir`` with TRAINING.md. Returns the report."""
    import spacy

    arch = arch or DEFAULT_ARCH[lang]
    sources = tuple(sources or DEFAULT_SOURCES[lang])
    reps = {**DEFAULT_REPEATS, **(repeats or {})}
    emit = log or (lambda line: None)
    out_dir, data_dir = Path(out_dir), Path(data_dir)
    rng = random.Random(seed)
    loaded, stats = {}, {}
    for name in sources:
        src = SOURCES[name]
        src = Source(src.name, src.path, reps.get(name, src.repeat), src.license, src.normalize)
        loaded[name], stats[name] = load(src, data_dir)
    first = sources[0]
    pool = loaded[first]
    rng.shuffle(pool)
    n_sel = min(select_size or DEFAULT_SELECT.get(lang, SELECT_SIZE), len(pool) // 4)
    select, loaded[first] = pool[:n_sel], pool[n_sel:]
    stats[first].update(held_out_for_selection=n_sel, sentences=len(loaded[first]),
                        persons=sum(len(s.spans) for s in loaded[first]),
                        chars=sum(len(s.text) for s in loaded[first]))
    train = [s for name, sents in loaded.items() for s in sents * stats[name]["repeat"]]
    rng.shuffle(train)
    emit(f"train {len(train)} sentences, selection {len(select)}")
    nlp0 = spacy.blank(lang)
    work = Path(tempfile.mkdtemp(prefix="extract-train-"))
    try:
        to_docbin(nlp0, train).to_disk(work / "train.spacy")
        to_docbin(nlp0, select).to_disk(work / "dev.spacy")
        run = training.train_loop(make_config(lang, arch, seed, max_steps, eval_frequency), work / "train.spacy",
                                  work / "dev.spacy", out_dir, max_minutes, emit)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    final = spacy.load(out_dir)
    pred = [[(e.start_char, e.end_char) for e in d.ents if e.label_ == LABEL]
            for d in final.pipe([s.text for s in select], batch_size=EVAL_BATCH)]
    report = {"lang": lang, "label": LABEL, "spacy_version": spacy.__version__, "seed": seed, "arch": asdict(arch),
              "max_steps": max_steps, "max_minutes": max_minutes, "eval_frequency": eval_frequency,
              "stopped_by": run["stopped_by"], "steps_run": run["last"].get("step"),
              "minutes_run": run["last"].get("minutes"),
              "best": {k: v for k, v in run["best"].items() if k != "score"}, "data": stats,
              "selection": {"from": first, "sentences": len(select), "score": score_spans([s.spans for s in select], pred)},
              "train_sentences_with_repeats": len(train), "history": run["history"], "eval": {}}
    if evaluate:
        for name, rel in EVAL_SETS[lang].items():
            if (data_dir / rel).exists():
                report["eval"][name] = evaluate_model(final, data_dir / rel)
                emit(f"{name}: {report['eval'][name]}")
    meta = json.loads((out_dir / "meta.json").read_text(encoding="utf-8"))
    meta.update(name=f"persons_{lang}", version="1.0.0",
                description=f"{'German' if lang == 'de' else 'English'} person names (PER), word tokens; see TRAINING.md")
    write_model_card(out_dir, meta, {k: v for k, v in report.items() if k != "history"}, training_md(report))
    return report


def training_md(r: dict) -> str:
    a, lang = r["arch"], r["lang"]
    lines = [
        f"# persons_{lang} — how this model was made", "",
        f"spaCy pipeline `tok2vec` + `ner` over word tokens (`spacy.blank(\"{lang}\")`, the tokenizer the "
        "pipeline segments with); one label, `PER`. Made by `extract.persons.train_latin.train_persons_latin` "
        f"(`extract train persons --lang {lang} --out DIR`).", "",
        "- features per word: NORM, PREFIX, SUFFIX, SHAPE",
        f"- spaCy {r['spacy_version']}, seed {r['seed']}, tok2vec HashEmbedCNN width {a['width']} depth {a['depth']} "
        f"(rows {a['embed_rows']}), ner hidden width {a['hidden_width']}, dropout {a['dropout']}, Adam lr "
        f"{a['learn_rate']} with weight averaging, batches of {a['batch_start']}→{a['batch_stop']} words",
        f"- stop: max_steps {r['max_steps']}, max_minutes {r['max_minutes']} → stopped by {r['stopped_by']} after "
        f"{r['steps_run']} steps / {r['minutes_run']} min; best checkpoint (on the held-out training slice) at step "
        f"{r['best'].get('step')}", "",
        "## Training data (never the dev split that `suites.py persons` scores)", "",
        "| set | file | license as stated | sentences | persons | chars | repeat |", "|---|---|---|---|---|---|---|",
    ]
    lines += data_rows(r["data"], "held_out_for_selection", "selection", dropped=False)
    terms = {"en": "CoNLL-2003 is Reuters RCV1 news under Reuters/NIST research terms: the text is not "
                   "redistributed (none of it is in this repository); judge those terms before shipping this model "
                   "commercially.",
             "de": "Attribution for the CC BY sets: GermEval 2014 NER data, Benikova et al. 2014; NewsEye and "
                   "SoNAR via HIPE-2022 (hipe-eval). Europeana Newspapers NER corpora: CC0."}
    lines += ["", f"{r['train_sentences_with_repeats']} training sentences per epoch with repeats. "
              + terms.get(lang, ""), "",
              "## Scores (exact spans, PER, model alone)", "",
              "| set | P | R | F1 | gold | chars/s |", "|---|---|---|---|---|---|"]
    s = r["selection"]["score"]
    lines.append(f"| selection ({r['selection']['sentences']} held-out {r['selection']['from']} sentences) | "
                 f"{s['p']} | {s['r']} | {s['f1']} | {s['gold']} | |")
    for name, e in r["eval"].items():
        lines.append(f"| {name} | {e['p']} | {e['r']} | {e['f1']} | {e['gold']} | {e['chars_per_s']} |")
    lines += ["", "chars/s: `nlp.pipe` on the machine that trained, as measured during evaluation.", ""]
    return "\n".join(lines)
