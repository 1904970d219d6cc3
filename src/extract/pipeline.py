"""The pipeline, in order:

0. list every path under INPUT_DIR (``io.list_input``) and cut the files into segments of about
   64 (``plan_segments``); in a first pass, read each file, decode it and hash its distinct
   lines and its text (``first_pass``); count in how many articles every line occurs (site
   chrome) and which articles have the same text (exact duplicates) with bounded sketches
   (``frequency``);
1. clean — label every raw line (``clean.clean_article``);
2. normalize — Traditional → Simplified, artifacts removed, offsets kept (``normalize.normalize_article``);
3. segment — sentences and tokens (``segment.segment``);
4. mine — person mentions (``persons.find_mentions``), time expressions against the article's
   reference date (``dates.find_dates``), personnel events (``events.find_events``);
5. link persons across the run: the aliases the run confirms, then an alias table of the
   run's names, linked, then person ids written into mentions and events (``persons.linking``);
6. write the eight tables into the run's own folder and switch OUT_DIR to it (``io.RunWriter``).

Stages 1–4 run per segment (``process_segment``) in worker processes or on a Dask cluster
(``engine``); each segment's rows are written to a checkpoint keyed by the code, the settings
and the content of its files, so a run killed at any point resumes where it stopped and a run
over a grown folder processes only the new or changed files. Stage 5 is map → reduce: each
segment gives the nodes of its articles (``segment_nodes``), the main process keeps one entry
per name (``persons.linking.AliasTable``), and each segment then writes its mentions and
events with person ids (``write_linked``). The main process only ever holds summaries, so its
memory does not grow with the run. Every failure of one article becomes an ``error`` row for
that article, never a failed run.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import checkpoints, engine, io, metadata
from .model import BODY_LABELS, ArticleMeta, ArticleResult
from .settings import DEFAULT, Settings


@dataclass
class RunSummary:
    input_dir: str
    out_dir: str
    articles: int
    by_status: dict[str, int]
    rows: dict[str, int]
    seconds: float
    stage_seconds: dict[str, float]
    chars: int
    notes: list[str] = field(default_factory=list)
    pass_seconds: dict[str, float] = field(default_factory=dict)   # wall time of each pass of the run

    def format(self) -> str:
        status = ", ".join(f"{k} {v}" for k, v in sorted(self.by_status.items()))
        rows = ", ".join(f"{k} {v:,}" for k, v in self.rows.items())
        rate = self.chars / self.seconds if self.seconds else 0.0
        notes = "".join(f"\nnote: {n}" for n in self.notes)
        return (f"extract: {self.articles} articles ({status}) in {self.seconds:.1f} s, {rate:,.0f} chars/s\n"
                f"rows: {rows}\nwritten to {self.out_dir}{notes}")


# ------------------------------------------------------------------ one article

def _prepare(article_id: str, path: str, text: str, encoding: str | None, settings: Settings = DEFAULT,
             chrome: dict[str, int] | None = None, n_articles: int = 1,
             html_meta: dict | None = None, meta: ArticleMeta | None = None) -> ArticleResult:
    """Stages 1–3: clean, normalize, segment. Status ``ok`` means stage 4 is still to run; any
    other status is the article's finished result. ``meta``: the article's row of the run's
    metadata index, if any."""
    from . import clean, normalize, segment

    res = ArticleResult(article_id=article_id, path=path, status="ok", encoding=encoding, n_chars=len(text))
    raw_lines = text.split("\n")
    if not any(x.strip() for x in raw_lines):
        res.status, res.error = "empty", "the file has no text (only whitespace)" if text else "the file is empty (0 bytes)"
        return res
    t = time.perf_counter()
    ca = clean.clean_article(raw_lines, chrome, n_articles)
    res.seconds["clean"] = time.perf_counter() - t
    res.lines = list(ca.lines)
    res.language, res.script = (meta.language if meta and meta.language else ca.language), ca.script
    _article_head(res, ca, html_meta or {}, meta)
    t = time.perf_counter()
    norm = normalize.normalize_article(ca)
    res.opencc_config = norm.config
    if res.title:
        res.title, _ = normalize.normalize_line(res.title, norm.config)
        res.title = res.title.strip() or None
    res.text = norm.text
    res.seconds["normalize"] = time.perf_counter() - t
    if not any(ln.label in BODY_LABELS for ln in ca.lines):
        res.status, res.error = "empty", "no article text left after cleaning (every line is boilerplate, spam or meta)"
        return res
    t = time.perf_counter()
    sentences, tokens = segment.segment(norm, ca.language, settings.segmenter)
    res.sentences, res.tokens = sentences, tokens
    res.seconds["segment"] = time.perf_counter() - t
    return res


def _article_head(res: ArticleResult, ca, html_meta: dict, meta: ArticleMeta | None) -> None:
    """Title, publication date, author, url and source of an article, each from the strongest
    source that has it: the run's metadata index, the file's front matter, the text (its head
    lines, or a saved page's HTML metadata), the file's path (dates only)."""
    from .metadata import date_from_path

    fm = ca.front_matter
    titles = [(meta and meta.title, "metadata"), (fm and fm.title, "front-matter"), (ca.title, "text"),
              (html_meta.get("title"), "text")]
    dates = [(meta and meta.published, "metadata"), (fm and fm.published, "front-matter"), (ca.published, "text"),
             (html_meta.get("date"), "text"), (date_from_path(res.article_id), "path")]
    res.title, res.title_source = next(((v, s) for v, s in titles if v), (None, None))
    res.published, res.published_source = next(((v, s) for v, s in dates if v), (None, None))
    for attr in ("author", "url", "source"):
        setattr(res, attr, (meta and getattr(meta, attr)) or (fm and getattr(fm, attr)) or None)


def _mine(res: ArticleResult, settings: Settings = DEFAULT, predicted=None) -> ArticleResult:
    """Stage 4: persons, dates, events. ``predicted``: the person recognizer's (job, spans) pairs
    for this article's ``persons.model_jobs``, when the caller ran it for many articles at once."""
    from . import dates, events, persons

    language, sentences, tokens = res.language, res.sentences, res.tokens
    t = time.perf_counter()
    res.mentions = persons.find_mentions(sentences, tokens, language, settings.use_person_model, predicted=predicted)
    res.seconds["persons"] = res.seconds.get("persons", 0.0) + time.perf_counter() - t
    t = time.perf_counter()
    res.reference_date, res.reference_source = _valid_date((res.published or "")[:10]), "published"
    if res.reference_date is None:
        res.reference_date, res.reference_source = dates.infer_reference(
            sentences, language or "zh", dates.page_days(res.lines)), "inferred"
    if res.reference_date is None and settings.reference_date:
        res.reference_date, res.reference_source = settings.reference_date, "run-default"
    if res.reference_date is None:
        res.reference_source = None
    res.dates = dates.find_dates(sentences, res.reference_date, language or "zh")
    res.seconds["dates"] = time.perf_counter() - t
    t = time.perf_counter()
    res.events = events.find_events(sentences, res.mentions, res.dates, language or "zh", res.reference_date)
    res.seconds["events"] = time.perf_counter() - t
    return res


def _valid_date(value: str) -> str | None:
    """``value`` when it is a real YYYY-MM-DD date, else None."""
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else None
    except ValueError:
        return None


def load_models(settings: Settings = DEFAULT) -> None:
    """Load what every article needs, once per process: spaCy and the tokenizers stage 3 uses for
    zh, de and en (``segment.load``), and the Chinese person recognizer when it is used (a few
    seconds; tables do not change)."""
    from . import segment

    segment.load(settings.segmenter)
    if settings.use_person_model:
        from .persons import recognizer

        recognizer.available()


ARTICLES_PER_BATCH = 16   # articles whose person-model windows are predicted in one batch (see process_files)
BATCH_CHARS = 400_000     # ... or fewer, when they hold this many characters: what a worker holds at once is bounded


def too_long(chars: int, limit: int) -> str:
    return (f"the text is {chars:,} characters, over the limit of {limit:,} for one article (a dump or a book? "
            "split the file, or raise Settings.max_article_chars)")




def process_files(items: list[tuple], settings: Settings = DEFAULT, n_articles: int = 1) -> list[ArticleResult]:
    """Read, decode and process a batch of files, in order; any failure of one file becomes its
    ``error`` result. Stages 1–3 run per file; the person recognizer then reads the windows of
    all of them in one batch (45 % faster than a small batch per article; its output does not
    depend on the batch), and stage 4 finishes each file.

    ``items``: (article id, path, problem from the listing, the article it duplicates, the site
    chrome among its lines as ``{line_key: articles}``, its row of the run's metadata index or
    None); ``n_articles``: readable articles of the run."""
    out: list[ArticleResult] = []
    waiting: list[ArticleResult] = []    # articles with stages 1-3 done, in order
    for item in items:
        article_id, path, problem, _, chrome, meta = item
        t0 = time.perf_counter()
        if problem:
            out.append(ArticleResult(article_id=article_id, path=io.escape_name(path), status="error", error=problem))
            continue
        try:
            dec = io.read_input(Path(path), settings.max_file_bytes)
        except io.InputError as e:
            out.append(ArticleResult(article_id=article_id, path=io.escape_name(path), status="error", error=str(e)))
            continue
        except Exception as e:  # unexpected: keep the run going, say what happened
            out.append(ArticleResult(article_id=article_id, path=io.escape_name(path), status="error",
                                     error=f"could not read: {type(e).__name__}: {e}"))
            continue
        if len(dec.text) > settings.max_article_chars:
            out.append(ArticleResult(article_id=article_id, path=io.escape_name(path), status="error", encoding=dec.encoding,
                                     n_chars=len(dec.text), error=too_long(len(dec.text), settings.max_article_chars)))
            continue
        try:
            res = _prepare(article_id, io.escape_name(path), dec.text, dec.encoding, settings, chrome, n_articles,
                           dec.html_meta, meta)
            if res.status == "empty" and dec.empty_reason:
                res.error = dec.empty_reason
        except Exception as e:
            out.append(_internal_error(article_id, io.escape_name(path), dec, e))
            continue
        if res.status == "ok":
            waiting.append(res)
        res.content_hash = io.content_hash(dec.text)
        res.seconds["total"] = time.perf_counter() - t0
        out.append(res)
    try:
        predicted = _predict_persons(waiting, settings)
    except Exception:   # the batch failed: each article runs the model itself, and fails alone if it must
        predicted = [None] * len(waiting)
    for res, pred in zip(waiting, predicted):      # stage 4 fills in each waiting result
        t0 = time.perf_counter()
        try:
            _mine(res, settings, pred)
        except Exception as e:   # stage 4 failed: the article keeps its lines, sentences and tokens
            res.status, res.error = "error", _internal_error_text(e)
            res.mentions, res.dates, res.events = [], [], []
        res.seconds["total"] += time.perf_counter() - t0
    for item, res in zip(items, out):
        duplicate_of = item[3]
        if duplicate_of and res.status == "ok":
            res.status, res.error = "duplicate", f"same text as {duplicate_of}"
            res.sentences, res.tokens, res.mentions, res.dates, res.events = [], [], [], [], []
    return out


def _predict_persons(prepared: list[ArticleResult], settings: Settings) -> list:
    """The person recognizer's output for each article's model inputs, from one batch (None for
    an article when the model is off or missing: find_mentions then decides alone)."""
    from . import persons

    if not prepared or not settings.use_person_model:
        return [None] * len(prepared)
    from .persons import recognizer

    if not recognizer.available():
        return [None] * len(prepared)
    jobs = [persons.model_jobs(r.sentences, r.tokens, language=r.language) for r in prepared]
    texts = [s.text[a:b] for article in jobs for s, a, b in article]
    t = time.perf_counter()
    flat = [job for article in jobs for job in article]
    langs = [r.language for r, article in zip(prepared, jobs) for _ in article]
    spans = recognizer.predict_jobs(flat, langs) if flat else []   # Chinese windows and Latin sentences
    seconds = time.perf_counter() - t
    total = sum(map(len, texts)) or 1
    out, i = [], 0
    for r, article in zip(prepared, jobs):
        out.append(list(zip(article, spans[i:i + len(article)])))
        # the batch's time, shared by the characters each article gave it
        r.seconds["persons"] = seconds * sum(len(t) for t in texts[i:i + len(article)]) / total
        i += len(article)
    return out


def _internal_error_text(e: Exception) -> str:
    tb = traceback.extract_tb(e.__traceback__)[-1]
    return f"internal error in {Path(tb.filename).name}:{tb.lineno}: {type(e).__name__}: {e}"


def _internal_error(article_id: str, path: str, dec, e: Exception) -> ArticleResult:
    return ArticleResult(article_id=article_id, path=path, status="error", encoding=dec.encoding,
                         n_chars=len(dec.text), error=_internal_error_text(e))


# ------------------------------------------------------------------ segments and checkpoints

def _id_hash(article_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest(), "little")


def plan_segments(files: list[io.InputFile], size: int = DEFAULT.segment_articles) -> list[list[io.InputFile]]:
    """The run's files cut into segments of about ``size`` articles, the unit of work and of
    checkpoints. A segment ends after an article whose id hashes to 0 modulo ``3/4 size``, once
    it holds ``size/4`` (full model batches, not too many part files), and at ``4 size`` in any
    case (a bound on a worker's memory). The boundaries come from the article ids themselves, so
    they stay where they are when files are added or removed elsewhere in the folder."""
    least, cut, most = max(1, size // 4), max(1, size * 3 // 4), max(1, size * 4)
    out, current = [], []
    for f in files:
        current.append(f)
        if len(current) >= most or (len(current) >= least and _id_hash(f.article_id) % cut == 0):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _key(*parts) -> str:
    """A checkpoint key: a hash of the parts (as JSON)."""
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def _output_settings(settings: Settings) -> dict:
    """The settings that shape the tables (not how many workers, which engine, whether quiet)."""
    return {k: v for k, v in vars(settings).items() if k not in Settings.RUN_ONLY}


@dataclass(frozen=True)
class FirstTask:
    index: int
    files: tuple[tuple[str, str, str | None], ...]     # (article id, path, problem)
    max_bytes: int
    max_chars: int
    root: str                                          # the checkpoint folder
    code: str                                          # checkpoints.code_fingerprint()


def first_pass(task: FirstTask) -> dict:
    """Pass 1 over one segment: the content digest of every file, and for every readable file
    the hashes of its distinct line keys and of its text. From the checkpoint when the files are
    unchanged. Returns the arrays (small) and the checkpoint key."""
    import numpy as np

    from . import frequency
    from .clean import line_key

    root = Path(task.root)
    digests = [("problem:" + p) if p else checkpoints.file_digest(path, task.max_bytes) for _, path, p in task.files]
    key = _key("first", task.code, task.max_bytes, task.max_chars,
               [(a, io.escape_name(path), d) for (a, path, _), d in zip(task.files, digests)])
    arrays = checkpoints.load_first(root, key)
    if arrays is None:
        readable, offsets, keys, texts, sizes = [], [0], [], [], []
        for (aid, path, problem), digest in zip(task.files, digests):
            text = None
            if not problem and not digest.startswith(("over-limit:", "unreadable:")):
                try:
                    dec = io.read_input(Path(path), task.max_bytes)
                    text = dec.text if dec.text.strip() and len(dec.text) <= task.max_chars else None
                except Exception:   # any failure is reported by stage 1, which reads the file again
                    text = None
            readable.append(text is not None)
            if text is not None:
                ks = sorted({frequency.key_hash(k) for k in (line_key(x) for x in text.split("\n")) if k})
                keys.extend(ks)
                texts.append(int(io.content_hash(text), 16))
            else:
                texts.append(0)
            offsets.append(len(keys))
            sizes.append(len(text or ""))
        arrays = {"digest": np.array(digests, dtype=str), "readable": np.array(readable, dtype=bool),
                  "offsets": np.array(offsets, dtype=np.int64), "keys": np.array(keys, dtype=np.uint64),
                  "text": np.array(texts, dtype=np.uint64), "chars": np.array(sizes, dtype=np.int64)}
        checkpoints.save_first(root, key, arrays)
    return {"index": task.index, "key": key, **arrays}


@dataclass(frozen=True)
class SegmentTask:
    index: int
    key: str
    # (article id, path, problem, duplicate of, {line hash: articles} of its site-chrome lines, characters,
    # its row of the metadata index or None)
    articles: tuple[tuple[str, str, str | None, str | None, dict[int, int], int, ArticleMeta | None], ...]
    n_articles: int                  # readable articles of the run (the clean stage's run size)
    settings: Settings
    root: str


def process_segment(task: SegmentTask) -> dict:
    """Stages 1–4 on one segment, written to its checkpoint; from the checkpoint when it is there.
    Returns the summary: rows per table, statuses, characters, stage seconds, the aliases its
    articles confirm, and whether it was computed now."""
    from . import frequency, tables
    from .persons.linking import confirmed_aliases, full_chinese_names

    root = Path(task.root)
    done = checkpoints.load_segment_summary(root, task.key)
    if done is not None:
        return {**done, "index": task.index, "computed": False}
    import pyarrow as pa

    t0 = time.perf_counter()
    items = [(aid, path, problem, dup, frequency.HashedCounts(chrome), meta)
             for aid, path, problem, dup, chrome, _, meta in task.articles]
    batches, size = [[]], 0          # ARTICLES_PER_BATCH articles, or fewer that make BATCH_CHARS
    for item, (*_, n, _meta) in zip(items, task.articles):
        if batches[-1] and (len(batches[-1]) >= ARTICLES_PER_BATCH or size + n > BATCH_CHARS):
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += n
    parts: dict[str, list] = {}
    stage, by_status, confirmed, heads, names = Counter(), Counter(), set(), Counter(), Counter()
    chars = 0
    for batch in batches:
        results = process_files(batch, task.settings, task.n_articles)
        for name, cols in tables.article_tables(results).items():     # Arrow at once: a tenth of the objects' memory
            parts.setdefault(name, []).append(pa.Table.from_pydict(cols, schema=tables.SCHEMAS[name]))
        for r in results:
            stage.update({k: v for k, v in r.seconds.items() if k != "total"})
            by_status[r.status] += 1
            chars += r.n_chars
            confirmed |= confirmed_aliases(r.mentions)
            names.update(full_chinese_names(r.mentions))
            if r.status == "ok":
                heads["ok"] += 1
                heads["metadata"] += r.published_source == "metadata" or r.title_source == "metadata"
                heads["no_reference"] += r.reference_date is None
        del results
    columns = {name: pa.concat_tables(ts) for name, ts in parts.items()} if parts else tables.article_tables([])
    summary = {"key": task.key, "rows": {name: (c.num_rows if isinstance(c, pa.Table) else len(c["article_id"]))
                                         for name, c in columns.items()},
               "by_status": dict(by_status), "chars": chars, "articles": len(items), "stage_seconds": dict(stage),
               "seconds": time.perf_counter() - t0, "confirmed": sorted(confirmed), "heads": dict(heads),
               "names": dict(names)}
    checkpoints.save_segment(root, task.key, columns, summary)
    return {**summary, "index": task.index, "computed": True}


_ALIASES: dict = {}   # in a worker: the run's confirmed-alias pattern and alias table, read once per run


def _run_file(path: str, kind: str):
    """A file the main process wrote for a pass (the confirmed aliases, the alias table), read once per worker."""
    cached = _ALIASES.get(kind)
    if cached is None or cached[0] != path:
        value = checkpoints.read_work(Path(path))
        if kind == "confirmed":
            from .persons.linking import alias_pattern

            value = alias_pattern(value)
        cached = _ALIASES[kind] = (path, value)
    return cached[1]


def _segment_mentions(root: Path, key: str, confirmed_path: str):
    """(article id, language, mentions with the run's aliases added) of every article of a segment, in order."""
    from .model import Mention, Sentence
    from .persons.linking import with_run_aliases

    rx = _run_file(confirmed_path, "confirmed")
    arts = checkpoints.read_segment(root, key, "articles", ["article_id", "language"]).to_pylist()
    mentions: dict[str, list] = {}
    for r in checkpoints.read_segment(root, key, "mentions_keyed").to_pylist():
        mentions.setdefault(r.pop("article_id"), []).append(Mention(**r))
    sentences: dict[str, list] = {}
    if rx is not None:
        for r in checkpoints.read_segment(root, key, "sentences").to_pylist():
            sentences.setdefault(r.pop("article_id"), []).append(Sentence(**r))
    for a in arts:
        aid = a["article_id"]
        yield aid, a["language"], with_run_aliases(sentences.get(aid, []), mentions.get(aid, []), rx)


@dataclass(frozen=True)
class NodesTask:
    index: int
    key: str
    root: str
    confirmed: str       # the file of the run's confirmed aliases


def segment_nodes(task: NodesTask) -> dict:
    """Map step of person linking: (article id, language, person keys with their surfaces) of
    every article of a segment, with the run's aliases added."""
    from .persons.linking import article_nodes

    return {"index": task.index, "nodes": [(aid, lang, article_nodes(ms)) for aid, lang, ms
                                           in _segment_mentions(Path(task.root), task.key, task.confirmed)]}


@dataclass(frozen=True)
class LinkedTask:
    index: int
    key: str
    root: str
    confirmed: str
    persons: str         # the file of the alias table: {casefolded person key: person id}, {person id: name}
    mentions_part: str   # where to write this segment's part of the mentions table
    events_part: str


def write_linked(task: LinkedTask) -> dict:
    """Last pass of person linking: a segment's mentions and events with run-wide person ids,
    written as its part of each table; returns the row counts and in how many of its articles
    each person is named."""
    from . import tables

    root = Path(task.root)
    person_of, names = _run_file(task.persons, "persons")
    events: dict[str, list] = {}
    for r in checkpoints.read_segment(root, task.key, "events_keyed").to_pylist():
        events.setdefault(r["article_id"], []).append(r)
    articles, n_articles = [], Counter()
    for aid, _, mentions in _segment_mentions(root, task.key, task.confirmed):
        articles.append((aid, mentions, events.get(aid, [])))
        n_articles.update({person_of[m.person_key.casefold()] for m in mentions})
    t = tables.linked_tables(articles, lambda k: person_of[k.casefold()], names.__getitem__)
    return {"index": task.index,
            "mentions": io.write_part(Path(task.mentions_part), "mentions", t["mentions"]),
            "events": io.write_part(Path(task.events_part), "events", t["events"]),
            "n_articles": dict(n_articles)}


# ------------------------------------------------------------------ the run

LOADING = "extract: loading models"   # the progress bar's label until the first articles are done


def _progress(total: int, quiet: bool, desc: str = "extract"):
    if quiet:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, desc=desc,
                disable=not total, mininterval=0.5)


class Interrupted(KeyboardInterrupt):
    """SIGTERM, taken like Ctrl-C: the run stops, its workers end, its temporary folder goes."""


@contextmanager
def _sigterm_interrupts():
    """While a run lasts, SIGTERM raises ``Interrupted`` in the main thread (as SIGINT raises
    KeyboardInterrupt), so a run stopped by a service manager cleans up like one stopped by Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Interrupted(f"stopped by signal {signal.Signals(signum).name}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(input_dir, out_dir, settings: Settings | None = None, **options) -> RunSummary:
    """Run the whole pipeline on every file under ``input_dir`` and write the tables to ``out_dir``.

    ``options`` override fields of :class:`Settings` (``workers=2``, ``quiet=True`` …). Started
    again after an interruption, with the same input and settings, a run reuses the segments
    already done and ends with the same tables as an uninterrupted run.
    """
    settings = (settings or DEFAULT).but(**options) if options else (settings or DEFAULT)
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    io.check_writable(out_dir)
    io.check_out_dir(out_dir)
    with io.OutputLock(out_dir), _sigterm_interrupts():
        removed = io.remove_stale(out_dir)
        summary = _run(input_dir, out_dir, settings)
    if removed:
        summary.notes.append(f"removed {len(removed)} temporary file{'s' if len(removed) > 1 else ''} "
                             f"an interrupted run left in OUT_DIR ({', '.join(removed[:3])})")
    return summary


@dataclass
class _FirstPass:
    """What pass 1 leaves for the next ones: per segment its checkpoint key and characters; run-wide
    the readable articles, the chrome lines (hash → articles holding it) and duplicates of texts."""
    keys: list
    chars: list
    readable: int
    chrome: dict
    duplicate_of: dict


@dataclass
class _Stages:
    """What pass 2 (stages 1-4) leaves: per segment its checkpoint key and rows; run-wide counts."""
    keys: list
    rows: list
    by_status: Counter = field(default_factory=Counter)
    stage_seconds: Counter = field(default_factory=Counter)
    confirmed: set = field(default_factory=set)
    names: Counter = field(default_factory=Counter)   # Chinese full name → articles that accept it
    heads: Counter = field(default_factory=Counter)
    chars: int = 0
    computed: int = 0


def _run(input_dir: Path, out_dir: Path, settings: Settings) -> RunSummary:
    t0 = time.perf_counter()
    passes: dict[str, float] = {}

    def lap(name: str, since=[t0]) -> None:
        now = time.perf_counter()
        passes[name] = now - since[0]
        since[0] = now

    listing = io.list_input(input_dir, out_dir)
    index, index_file, meta_notes = metadata.run_index(input_dir, settings.metadata)
    if index_file is not None:       # the archive's index is not an article
        listing.files = [f for f in listing.files if f.article_id != index_file]
    listing.files = io.select_files(listing.files, settings.include, settings.exclude)
    segments = plan_segments(listing.files, settings.segment_articles)
    root = checkpoints.cache_root(out_dir)
    code = checkpoints.code_fingerprint()
    workers = max(1, settings.workers or (os.cpu_count() or 1))
    out_settings = _output_settings(settings)
    runner = engine.start(settings.engine, workers, settings.scheduler)
    try:
        with io.RunWriter(out_dir) as writer:
            first = _first_pass_all(runner, segments, settings, root, code, len(listing.files))
            lap("first pass")
            st = _stages_all(runner, segments, first, index, settings, root, code, out_settings, len(listing.files))
            lap("stages 1-4")
            _link_and_write(runner, segments, st, writer, root, lap)
            counts = writer.commit({"input_dir": io.escape_name(str(input_dir)), "skipped": listing.skipped,
                                    "segments": len(segments), "segments_computed": st.computed,
                                    "engine": settings.engine, "settings": out_settings})
        checkpoints.prune_cache(root, set(first.keys), set(st.keys))
    finally:
        runner.close()
    lap("commit")
    notes = _run_notes(listing, meta_notes, st, index, settings, len(segments))
    return RunSummary(str(input_dir), str(out_dir), len(listing.files), dict(st.by_status), counts,
                      time.perf_counter() - t0, dict(st.stage_seconds), st.chars, notes, passes)


def _first_pass_all(runner, segments, settings: Settings, root: Path, code: str, n_files: int) -> _FirstPass:
    """Pass 1: digests, line and text hashes per segment, counted in bounded sketches; then the exact
    counts of the candidates the sketches give, in article order (chrome lines, duplicate texts)."""
    import numpy as np

    from . import frequency

    firsts = (FirstTask(i, tuple((f.article_id, f.path, f.problem) for f in seg), settings.max_file_bytes,
                        settings.max_article_chars, str(root), code) for i, seg in enumerate(segments))
    bar = _progress(n_files, settings.quiet, "extract: reading files")
    line_sketch = frequency.CountSketch(frequency.LINE_SKETCH_BITS)
    text_sketch = frequency.CountSketch(frequency.TEXT_SKETCH_BITS, dtype=np.uint8)
    first_keys, seg_chars, readable = [None] * len(segments), [0] * len(segments), 0
    for _, r in runner.map(first_pass, firsts):
        i = r["index"]
        first_keys[i], seg_chars[i] = r["key"], int(r["chars"].sum())
        readable += int(r["readable"].sum())
        line_sketch.add(r["keys"])
        text_sketch.add(r["text"][r["readable"]])
        if bar is not None:
            bar.update(len(r["readable"]))
    if bar is not None:
        bar.close()
    threshold = frequency.chrome_threshold(readable, settings.chrome_min_articles, settings.chrome_min_share)
    counts: Counter = Counter()
    first_with_text: dict[int, str] = {}
    duplicate_of: dict[str, str] = {}
    for seg, key in zip(segments, first_keys):
        a = checkpoints.load_first(root, key)
        cand = a["keys"][line_sketch.estimate(a["keys"]) >= threshold]
        counts.update(cand.tolist())
        texts = a["text"]
        maybe = a["readable"] & (text_sketch.estimate(texts) >= 2)
        for j in np.flatnonzero(maybe).tolist():
            h, aid = int(texts[j]), seg[j].article_id
            if h in first_with_text:
                duplicate_of[aid] = first_with_text[h]
            else:
                first_with_text[h] = aid
    chrome = ({h: n for h, n in counts.items() if n >= threshold}
              if readable >= settings.chrome_min_articles else {})
    return _FirstPass(first_keys, seg_chars, readable, chrome, duplicate_of)


def _stages_all(runner, segments, first: _FirstPass, index, settings: Settings, root: Path, code: str,
                out_settings: dict, n_files: int) -> _Stages:
    """Pass 2: stages 1-4 per segment, the largest first (so no worker is left with a big one at the end)."""

    def segment_tasks():
        for i in sorted(range(len(segments)), key=lambda i: -first.chars[i]):
            a = checkpoints.load_first(root, first.keys[i])
            arts = []
            for j, f in enumerate(segments[i]):
                keys = a["keys"][a["offsets"][j]:a["offsets"][j + 1]].tolist()
                arts.append((f.article_id, f.path, f.problem, first.duplicate_of.get(f.article_id),
                             {h: first.chrome[h] for h in keys if h in first.chrome}, int(a["chars"][j]),
                             index.lookup(f.article_id) if index is not None else None))
            key = _key("segment", code, out_settings,
                       [(aid, io.escape_name(path), d, p, dup, sorted(ch), repr(meta))
                        for (aid, path, p, dup, ch, _, meta), d in zip(arts, a["digest"].tolist())])
            yield SegmentTask(i, key, tuple(arts), first.readable, settings, str(root))

    bar = _progress(n_files, settings.quiet, LOADING)
    if runner.workers == 1 and n_files:
        load_models(settings)          # in this process: before the first article, said by the bar
    st = _Stages([None] * len(segments), [None] * len(segments))
    for _, r in runner.map(process_segment, segment_tasks()):
        i = r["index"]
        st.keys[i], st.rows[i] = r["key"], r["rows"]
        st.by_status.update(r["by_status"])
        st.chars += r["chars"]
        st.confirmed.update(r["confirmed"])
        st.names.update(r.get("names", {}))
        st.heads.update(r.get("heads", {}))
        if r["computed"]:
            st.computed += 1
            st.stage_seconds.update(r["stage_seconds"])
        if bar is not None:
            if bar.desc == LOADING:      # the models are loaded: rate and ETA count from here
                bar.reset(total=bar.total)
                bar.set_description("extract")
            bar.update(r["articles"])
    if bar is not None:
        bar.close()
    return st


def _link_and_write(runner, segments, st: _Stages, writer, root: Path, lap) -> None:
    """Stage 5: map the nodes of every article, reduce them to the alias table and link it, then a
    last map puts person ids into each segment's mentions and events; the per-article tables are
    taken over from the segments' checkpoints."""
    from . import tables
    from .persons.linking import AliasTable, run_names

    work = writer.tmp / "work"
    confirmed_file = checkpoints.write_work(work / "confirmed.pickle", sorted(st.confirmed | run_names(st.names)))
    table, waiting, next_i = AliasTable(), {}, 0
    nodes = (NodesTask(i, st.keys[i], str(root), str(confirmed_file)) for i in range(len(segments)))
    for _, r in runner.map(segment_nodes, nodes):
        waiting[r["index"]] = r["nodes"]
        while next_i in waiting:       # the table takes articles in article-id order
            for aid, lang, article_nodes in waiting.pop(next_i):
                table.add(aid, lang, article_nodes)
            next_i += 1
    lap("nodes")
    linking = table.link()
    del table
    lap("linking")
    names = {p.person_id: p.name for p in linking.rows}
    persons_file = checkpoints.write_work(work / "persons.pickle", (linking.person_of, names))
    n_articles = Counter()
    linked = (LinkedTask(i, st.keys[i], str(root), str(confirmed_file), str(persons_file),
                         str(writer.path("mentions", i)), str(writer.path("events", i)))
              for i in range(len(segments)))
    for _, r in runner.map(write_linked, linked):
        i = r["index"]
        writer.register("mentions", i, r["mentions"])
        writer.register("events", i, r["events"])
        n_articles.update(r["n_articles"])
    for p in linking.rows:
        p.n_articles = n_articles.get(p.person_id, 0)
    writer.write("persons", 0, tables.persons_table(linking.rows))
    for i, key in enumerate(st.keys):
        for name in tables.PER_ARTICLE:
            writer.add(name, i, checkpoints.segment_path(root, key) / f"{name}.parquet", st.rows[i][name])
    lap("linked tables")
    checkpoints.remove_work(work)


def _run_notes(listing, meta_notes: list[str], st: _Stages, index, settings: Settings, n_segments: int) -> list[str]:
    """The notes of a run's summary: skipped inputs, metadata, article heads, checkpoints, models."""
    notes = list(listing.skipped) + meta_notes + metadata.head_notes(st.heads, index)
    if not listing.files and (settings.include or settings.exclude):
        notes.append(f"no input file matched (include {list(settings.include)}, exclude {list(settings.exclude)}); "
                     "patterns match the path under INPUT_DIR or the file name, e.g. '*.txt' or 'sub/*'")
    if st.computed < n_segments:
        notes.append(f"{n_segments - st.computed} of {n_segments} segments were already done (checkpoints in "
                     f"{io.STATE}/{io.CACHE}); {st.computed} processed now")
    if settings.use_person_model:
        from .persons import recognizer

        if not recognizer.shipped():   # (the main process never loads the model: the workers do)
            notes.append(f"the Chinese person recognizer is not installed ({recognizer.MODEL_DIR}); "
                         "Chinese names were found by rules only")
    return notes
