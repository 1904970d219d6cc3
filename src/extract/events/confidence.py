"""How far to trust an event: a small logistic model over what an event row shows.

Reads an event's fields (type, how many persons, whether it has an organization, role and
date, its trigger and evidence sentence); writes a probability in 0–1 that a reader would judge its
type and person right, the ``confidence`` column of the events table.

The weights (``resources/events_confidence.json``) are fitted by this module's own code on the
judged audit sheets of ``docs/audits/`` (events drawn from runs over real corpus articles, each read
and judged by hand: ``type_person_ok``). Re-fit after a new audit with

    python -m extract.events.confidence docs/audits/events_2000_real*.jsonl

which prints the cross-validated log loss against a constant rate and writes the weights.
"""
from __future__ import annotations

import json
import math
import random
import sys
from functools import lru_cache
from pathlib import Path

from .. import lexicon

WEIGHTS_FILE = "events_confidence.json"
TYPES = ("depart", "join", "appoint", "dismiss", "found", "return")   # others share one weight
L2 = 1.0            # ridge penalty of the fit (a few hundred judged rows: keep the weights small)
QUOTES = "「」“”\"『』"
QUESTION = "？?"
LONG_EVIDENCE = 80  # characters: long sentences hold more clauses to take a wrong argument from


def features(type_: str, n_persons: int, org: str | None, role: str | None, date: str | None,
             trigger: str, evidence: str) -> list[float]:
    """The model's inputs for one event (first the constant)."""
    return [1.0,
            *[float(type_ == t) for t in TYPES],
            float(n_persons > 0), float(n_persons > 1),
            float(bool(org)), float(bool(role)), float(bool(date)),
            float(len(trigger) == 1),
            float(any(q in evidence for q in QUOTES)),
            float(any(q in evidence for q in QUESTION)),
            float(len(evidence) > LONG_EVIDENCE)]


FEATURE_NAMES = ("bias", *[f"type={t}" for t in TYPES], "person", "several_persons", "org", "role", "date",
                 "one_char_trigger", "quote", "question", "long_evidence")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@lru_cache(maxsize=1)
def weights() -> tuple[float, ...]:
    data = json.loads(lexicon.resource_path(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return tuple(data["weights"][n] for n in FEATURE_NAMES)


def confidence(type_: str, n_persons: int, org: str | None, role: str | None, date: str | None,
               trigger: str, evidence: str) -> float:
    x = features(type_, n_persons, org, role, date, trigger, evidence)
    return round(_sigmoid(sum(w * v for w, v in zip(weights(), x))), 3)


def fit(xs: list[list[float]], ys: list[int], l2: float = L2, steps: int = 50) -> list[float]:
    """Logistic regression by Newton's method with a ridge penalty (the constant not penalized)."""
    import numpy as np

    X, y = np.asarray(xs, float), np.asarray(ys, float)
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], l2)
    pen[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) + pen * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [float(v) for v in w]


def _rows(paths: list[str]) -> tuple[list[list[float]], list[int]]:
    xs, ys = [], []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else None
            if not r or r.get("type_person_ok") is None:
                continue
            xs.append(features(r["type"], len(r.get("person_ids") or []), r.get("org"), r.get("role"), r.get("date"),
                               r.get("trigger") or "", r.get("evidence") or ""))
            ys.append(int(bool(r["type_person_ok"])))
    return xs, ys


def _log_loss(ps: list[float], ys: list[int]) -> float:
    eps = 1e-6
    return -sum(y * math.log(max(p, eps)) + (1 - y) * math.log(max(1 - p, eps)) for p, y in zip(ps, ys)) / len(ys)


def main(argv: list[str]) -> None:
    xs, ys = _rows(argv)
    order = list(range(len(ys)))
    random.Random(0).shuffle(order)
    folds = 5
    ps, base = [0.0] * len(ys), [0.0] * len(ys)
    for f in range(folds):
        test = set(order[f::folds])
        train = [i for i in order if i not in test]
        w = fit([xs[i] for i in train], [ys[i] for i in train])
        rate = sum(ys[i] for i in train) / len(train)
        for i in test:
            ps[i] = _sigmoid(sum(a * b for a, b in zip(w, xs[i])))
            base[i] = rate
    w = fit(xs, ys)
    out = {"about": "logistic weights of events.confidence, fitted on the judged audit sheets named here "
                    "(python -m extract.events.confidence SHEETS)",
           "sheets": [Path(p).name for p in argv], "rows": len(ys), "right": sum(ys),
           "cv_log_loss": round(_log_loss(ps, ys), 4), "constant_log_loss": round(_log_loss(base, ys), 4),
           "weights": {n: round(v, 4) for n, v in zip(FEATURE_NAMES, w)}}
    path = Path(str(lexicon.resource_path(WEIGHTS_FILE)))
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in out.items() if k != "weights"}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
