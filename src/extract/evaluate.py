"""Evaluate a run against gold annotations: `extract eval --gold DIR --pred OUT_DIR`.

Reads the gold files of GOLD_DIR (one JSON file per article, ``docs/GOLD_FORMAT.md``) and the
tables of a run (only the columns it scores; tokens are never read); writes nothing — ``evaluate``
returns a report (a dict, what ``--json`` saves) and ``to_markdown`` renders it.

What is scored, for the articles that have a gold file (matched to ``article_id`` by file stem):

- **articles**: title, language, published (a day matches a date-time on that day) and reference
  date accuracy;
- **lines**: junk removal (meta, boilerplate, spam, duplicate against title/content) P/R/F1, body
  lines kept, label accuracy, and the full gold × predicted label confusion;
- **persons**: the predicted persons of an article (its mentions grouped by ``person_id``) matched
  one to one with the gold persons by shared surface forms; entity P/R/F1, alias recall, gold
  persons split over several ids, one id standing for several gold persons across articles, and
  whether a gold person of several articles keeps one id;
- **dates**: surfaces matched one to one (the same text, else one inside the other, scored by
  length ratio); P/R/F1 and ISO value accuracy;
- **events**: same type and a shared (matched) person, or for events about no person the same
  organization; P/R/F1 and argument accuracy: date (the same ISO value), organization and role
  (characters in common, F1 ≥ ``ARGUMENT_MATCH``), and complete (type, person, date and
  organization all right);
- **per article**: the same P/R/F1 for every article.

Surfaces are compared after ``surface_key`` (NFKC, case-folded, without spaces, dots, commas and
quotes) and ISO values after ``value_key`` (upper case, ``:00`` seconds and a midnight time of day
dropped). Matching is greedy: the best-scoring pair first, ties in table / gold-file order. The
figures equal those of the project's reference scorer on the dev set (a test checks it).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .model import LINE_LABELS

BODY = frozenset({"title", "content"})
JUNK = frozenset({"meta", "boilerplate", "spam", "duplicate"})   # lines that carry no persons or events
ARGUMENT_MATCH = 0.7   # character F1 from which an org/role is right (阿里巴巴 for 阿里巴巴集团, not 时任董事会)
DIGITS = 4             # figures are rounded to this many decimals

_IGNORED = re.compile(r"[\s·•・‧\u00b7\u2027\u30fb.,，。'\"“”「」『』《》()（）]+")
_SECONDS = re.compile(r"(T\d\d:\d\d):00(\.0+)?$")
_MIDNIGHT = re.compile(r"(\d{4}-\d\d-\d\d)T00:00")

# what each table is read for (the rest of its columns is left on disk)
COLUMNS = {
    "articles": ["article_id", "title", "language", "published", "reference_date"],
    "lines": ["article_id", "line_no", "label"],
    "mentions": ["article_id", "text", "person_id"],
    "persons": ["person_id", "name"],
    "dates": ["article_id", "text", "value"],
    "events": ["article_id", "type", "person_ids", "org", "role", "date"],
}


# ------------------------------------------------------------------ comparison keys

def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and x != x)


def surface_key(text) -> str:
    """A surface as compared: NFKC, case-folded, no whitespace, middle dots, full stops, commas,
    quotes or brackets ('' for a missing value)."""
    if _missing(text):
        return ""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text)).casefold())


def value_key(value) -> str | None:
    """An ISO value as compared: upper case, a space read as T, zero seconds dropped, a midnight
    time of day dropped from a date (None for a missing or empty value)."""
    if _missing(value):
        return None
    v = _SECONDS.sub(r"\1", str(value).strip().upper().replace(" ", "T"))
    if m := _MIDNIGHT.fullmatch(v):
        v = m.group(1)
    return v or None


def argument_similarity(gold, predicted) -> float:
    """F1 of the characters two arguments share (as multisets, after ``surface_key``)."""
    g, p = Counter(surface_key(gold)), Counter(surface_key(predicted))
    shared = sum((g & p).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(p.values()), shared / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _as_list(x) -> list:
    if _missing(x):
        return []
    return [x] if isinstance(x, str) else list(x)


# ------------------------------------------------------------------ counting

@dataclass
class Counts:
    """Matches, predictions and gold items of one measure; precision, recall and F1 from them
    (nothing predicted and nothing in gold is perfect; nothing on one side only scores 0)."""
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else float(self.pred == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, DIGITS), "recall": round(self.recall, DIGITS),
                "f1": round(self.f1, DIGITS), "tp": self.tp, "pred": self.pred, "gold": self.gold}


def _share(hits: int, n: int) -> float | None:
    return round(hits / n, DIGITS) if n else None


def one_to_one(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of (score, left, right) candidates: the highest score first, ties
    by left then right index; a left or right item is used once; scores ≤ 0 never match."""
    used_left, used_right, pairs = set(), set(), []
    for score, left, right in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if score > 0 and left not in used_left and right not in used_right:
            used_left.add(left)
            used_right.add(right)
            pairs.append((left, right))
    return pairs


# ------------------------------------------------------------------ reading

def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Every gold file of ``gold_dir`` by file stem (= article id without its extension)."""
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no gold files (*.json) in {gold_dir}; docs/GOLD_FORMAT.md says how to write them")
    gold = {}
    for f in files:
        try:
            gold[f.stem] = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise ValueError(f"{f}:{e.lineno}: not valid JSON ({e.msg})") from None
        for key in ("lines",):
            if key not in gold[f.stem]:
                raise ValueError(f"{f}: no {key!r} list; docs/GOLD_FORMAT.md lists the fields of a gold file")
    return gold


def _read_run(pred_dir: Path) -> tuple[dict, list[str]]:
    """The tables the evaluation reads, with a ``stem`` column; the names of those missing."""
    import pandas as pd
    import pyarrow.parquet as pq

    tables, missing = {}, []
    for name, wanted in COLUMNS.items():
        path = Path(pred_dir) / f"{name}.parquet"
        if not path.exists() and (Path(pred_dir) / name).is_dir():
            path = Path(pred_dir) / name       # a partitioned dataset folder
        if not path.exists():
            missing.append(name)
            continue
        present = set(pq.read_schema(path).names) if path.is_file() else None
        cols = [c for c in wanted if present is None or c in present]
        df = pd.read_parquet(path, columns=cols if present is not None else None)
        if "article_id" in df.columns:
            df["stem"] = [Path(str(a)).stem for a in df["article_id"]]
        tables[name] = df
    return tables, missing


def _rows_by_stem(df) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    if df is not None:
        for row in df.itertuples(index=False):
            out[row.stem].append(row)
    return out


# ------------------------------------------------------------------ the evaluation

def evaluate(gold_dir: Path, pred_dir: Path) -> dict:
    """The report of a run in ``pred_dir`` against the gold files of ``gold_dir``."""
    gold = load_gold(gold_dir)
    tables, missing = _read_run(pred_dir)
    per_article: dict[str, dict] = {stem: {} for stem in gold}
    report = {"articles": _score_articles(gold, tables.get("articles")),
              "lines": _score_lines(gold, tables.get("lines"), per_article)}
    persons, person_of = _score_persons(gold, tables.get("mentions"), tables.get("persons"), per_article)
    report["persons"] = persons
    report["dates"] = _score_dates(gold, tables.get("dates"), per_article)
    report["events"] = _score_events(gold, tables.get("events"), person_of, per_article)
    report["per_article"] = per_article
    report["missing_tables"] = missing
    report["gold_dir"], report["pred_dir"] = str(gold_dir), str(pred_dir)
    return report


def _score_articles(gold: dict, articles) -> dict:
    rows = {}
    if articles is not None:
        for row in articles.itertuples(index=False):
            rows.setdefault(row.stem, row)      # the first article of a stem
    title = language = published = n_published = reference = n_reference = 0
    for stem, g in gold.items():
        n_published += bool(g.get("published"))
        row = rows.get(stem)
        if row is None:
            continue
        title += surface_key(getattr(row, "title", None)) == surface_key(g.get("title"))
        predicted_language = getattr(row, "language", None)
        language += (not _missing(predicted_language)) and str(predicted_language) == str(g.get("language") or "")
        if g.get("published"):
            p, v = value_key(getattr(row, "published", None)), value_key(g["published"])
            published += bool(p) and (p == v or (len(v) == 10 and p[:10] == v))
        if g.get("reference_date"):
            n_reference += 1
            reference += (value_key(getattr(row, "reference_date", None)) or "")[:10] == value_key(g["reference_date"])[:10]
    return {"scored": len(gold), "found": sum(stem in rows for stem in gold),
            "title_accuracy": _share(title, len(gold)), "language_accuracy": _share(language, len(gold)),
            "published_accuracy": _share(published, n_published),
            "reference_date_accuracy": _share(reference, n_reference)}


def _score_lines(gold: dict, lines, per_article: dict) -> dict:
    by_stem = _rows_by_stem(lines)
    junk, confusion = Counts(), defaultdict(Counter)
    n = exact = missing = body = body_kept = 0
    for stem, g in gold.items():
        predicted = {int(r.line_no): str(r.label) for r in by_stem.get(stem, [])}
        article_junk, article_exact = Counts(), 0
        for item in g["lines"]:
            truth, guess = item["label"], predicted.get(int(item["n"]))
            n += 1
            missing += guess is None
            confusion[truth][guess if guess is not None else "(missing)"] += 1
            article_exact += guess == truth
            article_junk.add(int(truth in JUNK and guess in JUNK), int(guess in JUNK), int(truth in JUNK))
            if truth in BODY:
                body += 1
                body_kept += guess in BODY
        exact += article_exact
        junk.add(article_junk.tp, article_junk.pred, article_junk.gold)
        per_article[stem]["lines"] = {"junk_removal": article_junk.as_dict(),
                                      "label_accuracy": _share(article_exact, len(g["lines"]))}
    order = [x for x in LINE_LABELS] + ["(missing)"]
    return {"junk_removal": junk.as_dict(), "body_retention": _share(body_kept, body),
            "label_accuracy": _share(exact, n), "missing_rows": missing,
            "confusion": {t: {p: confusion[t][p] for p in order if confusion[t][p]}
                          for t in LINE_LABELS if t in confusion}}


def _score_persons(gold: dict, mentions, persons, per_article: dict) -> tuple[dict, dict]:
    """The persons report and the gold name each matched (article, person_id) stands for."""
    name_of = {} if persons is None else {str(r.person_id): r.name for r in persons.itertuples(index=False)}
    by_stem = _rows_by_stem(mentions)
    entities, splits = Counts(), 0
    alias_hits = alias_total = 0
    person_of: dict[tuple[str, str], str] = {}
    ids_of_gold: dict[str, set] = defaultdict(set)
    for stem, g in gold.items():
        gold_forms = {}
        for p in g.get("persons", []):
            gold_forms[p["name"]] = {surface_key(x) for x in _as_list(p.get("aliases")) + [p["name"]]} - {""}
        gold_names = list(gold_forms)
        surfaces: dict[str, set] = {}            # predicted person_id → its surfaces here, in table order
        for r in by_stem.get(stem, []):
            surfaces.setdefault(str(r.person_id), set()).add(surface_key(r.text))
        ids = list(surfaces)
        candidates = []
        for i, pid in enumerate(ids):
            name = surface_key(name_of.get(pid, ""))
            for j, gname in enumerate(gold_names):
                overlap = len(surfaces[pid] & gold_forms[gname]) + 0.5 * (name in gold_forms[gname])
                if overlap:
                    candidates.append((overlap, i, j))
        matched = one_to_one(candidates)
        best: dict[int, tuple[float, int]] = {}
        for overlap, i, j in candidates:        # each predicted person's best gold person (first of ties)
            if overlap > best.get(i, (0, None))[0]:
                best[i] = (overlap, j)
        splits += sum(1 for n in Counter(j for _, j in best.values()).values() if n > 1)
        entities.add(len(matched), len(ids), len(gold_names))
        for i, j in matched:
            person_of[(stem, ids[i])] = gold_names[j]
            ids_of_gold[gold_names[j]].add(ids[i])
        seen = set().union(*surfaces.values()) if surfaces else set()
        for p in g.get("persons", []):
            for alias in {surface_key(x) for x in _as_list(p.get("aliases"))} - {""}:
                alias_total += 1
                alias_hits += alias in seen
        per_article[stem]["persons"] = Counts(len(matched), len(ids), len(gold_names)).as_dict()
    golds_of_id: dict[str, set] = defaultdict(set)
    for (_, pid), gname in person_of.items():
        golds_of_id[pid].add(gname)
    entries = Counter(p["name"] for g in gold.values() for p in g.get("persons", []))
    in_several = {n: ids for n, ids in ids_of_gold.items() if entries[n] > 1}
    return {"entities": entities.as_dict(), "alias_recall": _share(alias_hits, alias_total),
            "split_entities": splits,
            "cross_article_consistency": _share(sum(len(v) == 1 for v in in_several.values()), len(in_several)),
            "merged_ids": sum(len(v) > 1 for v in golds_of_id.values()), "linked_ids": len(golds_of_id)}, person_of


def _score_dates(gold: dict, dates, per_article: dict) -> dict:
    by_stem = _rows_by_stem(dates)
    found, values_right = Counts(), 0
    for stem, g in gold.items():
        truth = [(surface_key(x["text"]), value_key(x.get("value"))) for x in g.get("dates", [])]
        guess = [(surface_key(r.text), value_key(getattr(r, "value", None))) for r in by_stem.get(stem, [])]
        candidates = []
        for i, (t, _) in enumerate(truth):
            for j, (p, _) in enumerate(guess):
                if t and p and (t == p or t in p or p in t):
                    candidates.append((2.0 if t == p else min(len(t), len(p)) / max(len(t), len(p)), i, j))
        matched = one_to_one(candidates)
        found.add(len(matched), len(guess), len(truth))
        values_right += sum(truth[i][1] == guess[j][1] for i, j in matched)
        per_article[stem]["dates"] = Counts(len(matched), len(guess), len(truth)).as_dict()
    return {"extraction": found.as_dict(), "value_accuracy_matched": _share(values_right, found.tp),
            "value_recall": _share(values_right, found.gold)}


def _score_events(gold: dict, events, person_of: dict, per_article: dict) -> dict:
    by_stem = _rows_by_stem(events)
    found, complete = Counts(), Counts()
    dates_right = orgs_right = n_orgs = roles_right = n_roles = 0
    for stem, g in gold.items():
        truth = [{"type": x["type"], "persons": set(x.get("persons") or []), "date": value_key(x.get("date")),
                  "org": x.get("org"), "role": x.get("role")} for x in g.get("events", [])]
        guess = [{"type": str(r.type), "date": value_key(getattr(r, "date", None)),
                  "persons": {person_of.get((stem, str(pid))) for pid in _as_list(getattr(r, "person_ids", None))} - {None},
                  "org": getattr(r, "org", None), "role": getattr(r, "role", None)} for r in by_stem.get(stem, [])]
        candidates = []
        for i, t in enumerate(truth):
            for j, p in enumerate(guess):
                shared = t["persons"] & p["persons"]
                same_org = surface_key(t["org"]) and surface_key(t["org"]) == surface_key(p["org"])
                if t["type"] == p["type"] and (shared or (not t["persons"] and same_org)):
                    candidates.append((len(shared) + 0.5 * (t["date"] == p["date"]) + 0.1, i, j))
        matched = one_to_one(candidates)
        n_complete = 0
        for i, j in matched:
            t, p = truth[i], guess[j]
            date_right = t["date"] == p["date"]
            dates_right += date_right
            if surface_key(t["org"]):
                org_right = argument_similarity(t["org"], p["org"]) >= ARGUMENT_MATCH
                n_orgs += 1
                orgs_right += org_right
            else:
                org_right = not surface_key(p["org"])        # none in gold: right when none predicted
            if surface_key(t["role"]):
                n_roles += 1
                roles_right += argument_similarity(t["role"], p["role"]) >= ARGUMENT_MATCH
            n_complete += org_right and date_right
        found.add(len(matched), len(guess), len(truth))
        complete.add(n_complete, len(guess), len(truth))
        per_article[stem]["events"] = Counts(len(matched), len(guess), len(truth)).as_dict()
        per_article[stem]["events_complete"] = Counts(n_complete, len(guess), len(truth)).as_dict()
    return {"type_person": found.as_dict(), "date_accuracy_matched": _share(dates_right, found.tp),
            "org_accuracy_matched": _share(orgs_right, n_orgs), "role_accuracy_matched": _share(roles_right, n_roles),
            "complete": complete.as_dict()}


# ------------------------------------------------------------------ output

def _f(x) -> str:
    return "–" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


def _prf_row(label: str, c: dict, *extra) -> str:
    return "| " + " | ".join([label, _f(c["precision"]), _f(c["recall"]), _f(c["f1"]), str(c["tp"]),
                              str(c["pred"]), str(c["gold"]), *map(_f, extra)]) + " |"


def to_markdown(report: dict) -> str:
    """The report as Markdown: summary, P/R/F1 per table, line-label confusion, event arguments,
    per-article breakdown."""
    a, L, P, D, E = (report[k] for k in ("articles", "lines", "persons", "dates", "events"))
    out = [f"# Evaluation of `{report.get('pred_dir', '')}` against `{report.get('gold_dir', '')}`", "",
           f"{a['found']} of {a['scored']} gold articles found in the run. Title accuracy {_f(a['title_accuracy'])}, "
           f"language {_f(a['language_accuracy'])}, published {_f(a['published_accuracy'])}, "
           f"reference date {_f(a['reference_date_accuracy'])}."]
    if report["missing_tables"]:
        out.append(f"\n**Missing tables:** {', '.join(report['missing_tables'])}")
    out += ["", "## Per table", "", "| measure | precision | recall | F1 | matched | predicted | gold |",
            "|---|---|---|---|---|---|---|",
            _prf_row("lines: junk removal", L["junk_removal"]),
            _prf_row("persons: entities", P["entities"]),
            _prf_row("dates: surfaces", D["extraction"]),
            _prf_row("events: type + person", E["type_person"]),
            _prf_row("events: complete (type, person, date, org)", E["complete"]), "",
            f"Lines: body kept {_f(L['body_retention'])}, label accuracy {_f(L['label_accuracy'])}, "
            f"{L['missing_rows']} gold lines without a row. "
            f"Persons: alias recall {_f(P['alias_recall'])}, {P['split_entities']} gold persons split over several ids, "
            f"{P['merged_ids']} of {P['linked_ids']} ids standing for different gold persons, cross-article "
            f"consistency {_f(P['cross_article_consistency'])}. Dates: value accuracy {_f(D['value_accuracy_matched'])} "
            f"of matched, value recall {_f(D['value_recall'])}.", "",
            "## Event arguments (of matched events)", "", "| argument | accuracy |", "|---|---|",
            f"| date | {_f(E['date_accuracy_matched'])} |", f"| organization | {_f(E['org_accuracy_matched'])} |",
            f"| role | {_f(E['role_accuracy_matched'])} |", f"| complete (F1) | {_f(E['complete']['f1'])} |", "",
            "## Line labels: gold (rows) × predicted (columns)", ""]
    columns = [x for x in LINE_LABELS] + ["(missing)"]
    columns = [c for c in columns if any(c in row for row in L["confusion"].values())]
    out += ["| gold \\ predicted | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for truth, row in L["confusion"].items():
        out.append(f"| **{truth}** | " + " | ".join(str(row.get(c, "")) for c in columns) + " |")
    out += ["", "## Per article (F1)", "",
            "| article | line labels (accuracy) | junk | persons | dates | events | events complete |",
            "|---|---|---|---|---|---|---|"]
    for stem, r in report["per_article"].items():
        out.append(f"| {stem} | {_f(r['lines']['label_accuracy'])} | {_f(r['lines']['junk_removal']['f1'])} | "
                   f"{_f(r['persons']['f1'])} | {_f(r['dates']['f1'])} | {_f(r['events']['f1'])} | "
                   f"{_f(r['events_complete']['f1'])} |")
    return "\n".join(out) + "\n"


def to_text(report: dict) -> str:
    """A short plain summary, one line per table (what `extract eval` prints without --markdown)."""
    a, L, P, D, E = (report[k] for k in ("articles", "lines", "persons", "dates", "events"))
    j, p, d, e = L["junk_removal"], P["entities"], D["extraction"], E["type_person"]
    return "\n".join([
        f"articles  found {a['found']}/{a['scored']}  title {_f(a['title_accuracy'])}  language {_f(a['language_accuracy'])}"
        f"  published {_f(a['published_accuracy'])}  reference {_f(a['reference_date_accuracy'])}"
        + (f"  MISSING TABLES {', '.join(report['missing_tables'])}" if report["missing_tables"] else ""),
        f"lines     junk P {_f(j['precision'])} R {_f(j['recall'])} F1 {_f(j['f1'])}  body kept {_f(L['body_retention'])}"
        f"  label accuracy {_f(L['label_accuracy'])}",
        f"persons   P {_f(p['precision'])} R {_f(p['recall'])} F1 {_f(p['f1'])}  alias recall {_f(P['alias_recall'])}"
        f"  cross-article {_f(P['cross_article_consistency'])}",
        f"dates     P {_f(d['precision'])} R {_f(d['recall'])} F1 {_f(d['f1'])}"
        f"  value accuracy {_f(D['value_accuracy_matched'])}",
        f"events    P {_f(e['precision'])} R {_f(e['recall'])} F1 {_f(e['f1'])}  date {_f(E['date_accuracy_matched'])}"
        f"  org {_f(E['org_accuracy_matched'])}  role {_f(E['role_accuracy_matched'])}  complete F1 {_f(E['complete']['f1'])}",
    ]) + "\n"
