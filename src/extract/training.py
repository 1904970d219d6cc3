"""Training a spaCy recognizer (``tok2vec`` + ``ner``) reproducibly, with spaCy's own loop.

Shared by the recognizers extract ships (``persons.train``): ``make_config`` fills a run's
language, tokenizer, features and sizes into ``resources/ner_config.cfg``; ``train_loop`` runs
``spacy.training.loop.train_while_improving`` with a fixed seed until ``max_steps`` (or a time
cap), keeps the best dev checkpoint with averaged weights and copies it to ``out_dir`` without
optimizer state or corpus paths. Reads DocBins from a scratch folder; writes the model folder.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from importlib import resources as _res
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class NerConfig:
    """What a run sets in the base configuration; the rest stays as ``ner_config.cfg`` has it."""
    lang: str
    tokenizer: dict            # the [nlp.tokenizer] block
    attrs: tuple[str, ...]     # token attributes the embedding hashes (NORM, PREFIX, SUFFIX, SHAPE, TAG …)
    rows: tuple[int, ...]      # embedding rows per attribute
    width: int = 96
    depth: int = 4
    hidden_width: int = 64
    dropout: float = 0.1
    learn_rate: float = 0.001
    batch_start: int = 100     # words (tokens) per batch, compounding to batch_stop
    batch_stop: int = 1000


def make_config(run: NerConfig, seed: int, max_steps: int, eval_frequency: int):
    """The full spaCy ``Config`` of one training run."""
    from thinc.api import Config

    text = _res.files("extract").joinpath("resources").joinpath("ner_config.cfg").read_text(encoding="utf-8")
    cfg = Config().from_str(text, interpolate=False)
    cfg["system"]["seed"] = seed
    cfg["nlp"]["lang"] = run.lang
    cfg["nlp"]["tokenizer"] = dict(run.tokenizer)
    tok2vec = cfg["components"]["tok2vec"]["model"]
    tok2vec["embed"].update(width=run.width, attrs=list(run.attrs), rows=list(run.rows))
    tok2vec["encode"].update(width=run.width, depth=run.depth)
    ner = cfg["components"]["ner"]["model"]
    ner["hidden_width"] = run.hidden_width
    ner["tok2vec"]["width"] = run.width
    cfg["training"].update(dropout=run.dropout, max_steps=max_steps, eval_frequency=eval_frequency)
    cfg["training"]["batcher"]["size"].update(start=run.batch_start, stop=run.batch_stop)
    cfg["training"]["optimizer"]["learn_rate"] = run.learn_rate
    return cfg


def train_loop(config, train_path: Path, dev_path: Path, out_dir: Path, max_minutes: float,
               emit: Callable[[str], None]) -> dict:
    """Train from ``config`` on the DocBins at ``train_path``/``dev_path`` (as ``spacy train``
    does, plus a time cap); the best dev checkpoint, with averaged weights, ends up in
    ``out_dir``. Returns {best, history, last, stopped_by}."""
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import (
        create_before_to_disk_callback,
        create_evaluation_callback,
        create_train_batches,
        train_while_improving,
        update_meta,
    )
    from spacy.util import registry, resolve_dot_names
    from thinc.api import Config, fix_random_seed

    config = Config(config).merge({"paths": {"train": str(train_path), "dev": str(dev_path)}})
    fix_random_seed(config["system"]["seed"])
    nlp = init_nlp(config)
    config = nlp.config.interpolate()
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    before_to_disk = create_before_to_disk_callback(T["before_to_disk"])
    steps = train_while_improving(
        nlp, optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"], accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"], max_steps=T["max_steps"], eval_frequency=T["eval_frequency"],
        exclude=[], annotating_components=[], before_update=None)
    best_dir = train_path.parent / "model-best"
    t0 = time.monotonic()
    out = {"best": {"score": -1.0}, "history": [], "last": {}, "stopped_by": "max_steps"}
    for _batch, info, is_best in steps:
        if is_best is None:
            continue
        minutes = (time.monotonic() - t0) / 60
        ner = info["other_scores"]
        row = {"step": info["step"], "epoch": info["epoch"], "minutes": round(minutes, 1),
               "dev_p": round(ner.get("ents_p") or 0, 4), "dev_r": round(ner.get("ents_r") or 0, 4),
               "dev_f": round(ner.get("ents_f") or 0, 4)}
        out["history"].append(row)
        out["last"] = row
        emit(json.dumps(row))
        if is_best:
            update_meta(T, nlp, info)
            with nlp.use_params(optimizer.averages):
                if best_dir.exists():
                    shutil.rmtree(best_dir)
                before_to_disk(nlp).to_disk(best_dir)
            out["best"] = dict(row, score=info["score"])
        if minutes >= max_minutes:
            out["stopped_by"] = "max_minutes"
            break
    if not best_dir.exists():  # no evaluation happened (tiny runs): keep the last weights
        with nlp.use_params(optimizer.averages):
            before_to_disk(nlp).to_disk(best_dir)
    # the pipeline only (spaCy writes no optimizer state), corpus paths cleared
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(best_dir, out_dir)
    cfg = Config().from_disk(out_dir / "config.cfg")
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(out_dir / "config.cfg")
    return out
