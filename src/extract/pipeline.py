"""The pipeline, in order:

0. list every file under INPUT_DIR (``io.list_input_files``) and, in a first pass, decode each one
   and count in how many articles every line occurs (site chrome) and which articles have the
   same text (exact duplicates);
1. clean — label every raw line (``clean.clean_article``);
2. normalize — Traditional → Simplified, artifacts removed, offsets kept (``normalize.normalize_article``);
3. segment — sentences and tokens (``segment.segment``);
4. mine — person mentions (``persons.find_mentions``), time expressions against the article's
   reference date (``dates.find_dates``), personnel events (``events.find_events``);
5. link persons across the run (``persons.link_run``);
6. write the eight tables atomically (``io.TableWriter``: tokens as they come, the rest after linking).

Stages 1–4 run per article, in ``Settings.workers`` processes when asked; every failure of one
article becomes an ``error`` row for that article, never a failed run.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import io
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

    def format(self) -> str:
        status = ", ".join(f"{k} {v}" for k, v in sorted(self.by_status.items()))
        rows = ", ".join(f"{k} {v:,}" for k, v in self.rows.items())
        rate = self.chars / self.seconds if self.seconds else 0.0
        notes = "".join(f"\nnote: {n}" for n in self.notes)
        return (f"extract: {self.articles} articles ({status}) in {self.seconds:.1f} s, {rate:,.0f} chars/s\n"
                f"rows: {rows}\nwritten to {self.out_dir}{notes}")


def _article_id(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


# ------------------------------------------------------------------ first pass

def _first_pass(item: tuple[str, str, int]) -> tuple[str, list[str] | None, str | None]:
    """(article_id, distinct line keys, content hash) of one file; keys None when unreadable."""
    from .clean import line_key

    article_id, path, max_bytes = item
    try:
        dec = io.read_input(Path(path), max_bytes)
    except io.InputError:
        return article_id, None, None
    except Exception:  # any other failure is reported by the second pass
        return article_id, None, None
    if not dec.text.strip():
        return article_id, None, None
    keys = sorted({k for k in (line_key(x) for x in dec.text.split("\n")) if k})
    return article_id, keys, io.content_hash(dec.text)


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
        res.reference_date, res.reference_source = dates.infer_reference(sentences, language or "zh"), "inferred"
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


_RUN: dict = {}   # what every article of a run shares (settings, site chrome), set once per process


def _init_run(settings: Settings, chrome: dict[str, int], n_articles: int) -> None:
    """Pool initializer: give each process the run's shared state once, not with every article,
    and load the models there (the progress display says so) rather than inside the first article."""
    _RUN.update(settings=settings, chrome=chrome, n_articles=n_articles)
    load_models(settings)


def load_models(settings: Settings = DEFAULT) -> None:
    """Load what every article needs, once per process: spaCy and the segmenters of zh, de and
    en, and the Chinese person recognizer when it is used (a few seconds; tables do not change)."""
    from . import segment

    segment.pipeline("zh", settings.segmenter)
    for language in ("de", "en"):
        segment.pipeline(language, settings.segmenter)
    if settings.use_person_model:
        from .persons import recognizer

        recognizer.available()


ARTICLES_PER_BATCH = 16   # articles whose person-model windows are predicted in one batch (see process_files)
TOKENS_PER_ROW_GROUP = 250_000   # tokens held before they are written (a run never holds all of them)


def process_files(items: list[tuple]) -> list[ArticleResult]:
    """Read, decode and process a batch of files, in order; any failure of one file becomes its
    ``error`` result. Stages 1–3 run per file; the person recognizer then reads the windows of
    all of them in one batch (45 % faster than a small batch per article; its output does not
    depend on the batch), and stage 4 finishes each file."""
    settings, chrome, n_articles = _RUN["settings"], _RUN["chrome"], _RUN["n_articles"]
    out: list[ArticleResult] = []
    waiting: list[ArticleResult] = []    # articles with stages 1-3 done, in order
    for item in items:
        article_id, path, _, meta = item
        t0 = time.perf_counter()
        try:
            dec = io.read_input(Path(path), settings.max_file_bytes)
        except io.InputError as e:
            out.append(ArticleResult(article_id=article_id, path=path, status="error", error=str(e)))
            continue
        except Exception as e:  # unexpected: keep the run going, say what happened
            out.append(ArticleResult(article_id=article_id, path=path, status="error",
                                     error=f"could not read: {type(e).__name__}: {e}"))
            continue
        try:
            res = _prepare(article_id, path, dec.text, dec.encoding, settings, chrome, n_articles, dec.html_meta,
                           meta)
        except Exception as e:
            out.append(_internal_error(article_id, path, dec, e))
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
        duplicate_of = item[2]
        if duplicate_of and res.status == "ok":
            res.status, res.error = "duplicate", f"same text as {duplicate_of}"
            res.sentences, res.tokens, res.mentions, res.dates, res.events = [], [], [], [], []
        if res.tokens:
            res.token_columns = tuple(map(list, zip(*res.tokens)))
            res.tokens = []
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
    jobs = [persons.model_jobs(r.sentences, r.tokens) for r in prepared]
    texts = [s.text[a:b] for article in jobs for s, a, b in article]
    t = time.perf_counter()
    spans = recognizer.predict(texts) if texts else []
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


# ------------------------------------------------------------------ the run

LOADING = "extract: loading models"   # the progress bar's label until the first articles are done


def _progress(total: int, quiet: bool):
    if quiet:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, desc=LOADING,
                disable=not total, mininterval=0.5)


def _map(fn, items, workers: int, bar, initializer=None, initargs=(), chunksize: int | None = None):
    """``fn`` over ``items`` in ``workers`` processes, in order; the bar counts articles (a list
    result counts as its length)."""
    def loaded():
        if bar is not None and bar.desc == LOADING:   # the models are loaded: rate and ETA count from here
            bar.reset(total=bar.total)
            bar.set_description("extract")

    def tick(out):
        if bar is not None:
            loaded()     # in worker processes: known when their first articles come back
            bar.update(len(out) if isinstance(out, list) else 1)

    if workers <= 1 or len(items) <= 1:
        if initializer is not None:
            initializer(*initargs)
            loaded()
        for it in items:
            out = fn(it)
            tick(out)
            yield out
        return
    chunk = chunksize or max(1, min(16, len(items) // (workers * 8) or 1))
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs) as pool:
        for out in pool.map(fn, items, chunksize=chunk):
            tick(out)
            yield out


def _metadata_index(input_dir: Path, settings: Settings):
    """The run's metadata index (``--metadata FILE``, else an index file at the root of
    INPUT_DIR), the index file when it lies inside INPUT_DIR, and summary notes about it."""
    from . import metadata

    if settings.metadata:
        path = Path(settings.metadata)
    else:
        path = next((input_dir / n for n in metadata.INDEX_NAMES if (input_dir / n).is_file()), None)
    if path is None:
        return None, None, []
    rows = io.read_metadata(path)        # raises InputError with the file and line of a bad row
    index = metadata.build_index(rows, str(path.parent), str(input_dir))
    found_here = "" if settings.metadata else " (found in INPUT_DIR; not an article)"
    notes = [f"metadata: {index.rows:,} rows from {path}{found_here}"]
    if index.rows_without_key:
        notes.append(f"metadata: {index.rows_without_key:,} rows name no file (give a column "
                     f"{' / '.join(metadata.KEY_COLUMNS[:3])}); they were not used")
    if index.ambiguous:
        some = ", ".join(sorted(index.ambiguous)[:5])
        notes.append(f"metadata: {len(index.ambiguous):,} file names or stems are shared by several rows ({some} …); "
                     "those rows match only by their full path")
    inside = path.resolve().parent == input_dir.resolve()
    return index, (path if inside else None), notes


def _reference_notes(results: list[ArticleResult], index) -> list[str]:
    """What the summary says about metadata matches and reference dates."""
    ok = [r for r in results if r.status == "ok"]
    notes = []
    if index is not None:
        matched = sum(r.published_source == "metadata" or r.title_source == "metadata" for r in ok)
        notes.append(f"metadata: matched {matched:,} of {len(ok):,} articles")
    missing = sum(r.reference_date is None for r in ok)
    if missing:
        notes.append(f"{missing:,} of {len(ok):,} articles have no reference date (none in metadata, front matter, "
                     "text or path): their relative dates (今年5月, am Montag, last week) have no value; "
                     "give --metadata FILE or --reference-date DATE")
    return notes


def run(input_dir, out_dir, settings: Settings | None = None, **options) -> RunSummary:
    """Run the whole pipeline on every file under ``input_dir`` and write the tables to ``out_dir``.

    ``options`` override fields of :class:`Settings` (``workers=2``, ``quiet=True`` …).
    """
    from . import persons, tables

    settings = (settings or DEFAULT).but(**options) if options else (settings or DEFAULT)
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    io.check_writable(out_dir)
    t0 = time.perf_counter()
    files = io.select_files(io.list_input_files(input_dir), input_dir, settings.include, settings.exclude)
    index, index_file, notes = _metadata_index(input_dir, settings)
    if index_file is not None:
        files = [p for p in files if p != index_file]     # the archive's index is not an article
    ids = [_article_id(p, input_dir) for p in files]
    workers = max(1, settings.workers or (os.cpu_count() or 1))

    # pass 1: line frequencies across the run, exact duplicate articles
    firsts = list(_map(_first_pass, [(a, str(p), settings.max_file_bytes) for a, p in zip(ids, files)], workers, None))
    line_articles: Counter = Counter()
    first_with_hash: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    readable = 0
    for aid, keys, h in firsts:
        if keys is None:
            continue
        readable += 1
        line_articles.update(keys)
        if h in first_with_hash:
            duplicate_of[aid] = first_with_hash[h]
        else:
            first_with_hash[h] = aid
    min_articles = max(settings.chrome_min_articles, int(settings.chrome_min_share * readable + 0.999))
    chrome = {k: n for k, n in line_articles.items() if n >= min_articles} if readable >= settings.chrome_min_articles else {}

    # pass 2: every article through stages 1–4, in article-id order (the order of the tables);
    # tokens go to the tokens table as they come, the rest waits for run-level person linking
    bar = _progress(len(files), settings.quiet)
    items = [(a, str(p), duplicate_of.get(a), index.lookup(a) if index else None) for a, p in zip(ids, files)]
    batches = [items[i:i + ARTICLES_PER_BATCH] for i in range(0, len(items), ARTICLES_PER_BATCH)]
    results = []
    with io.TableWriter(out_dir) as writer:
        pending, n_pending = tables.token_table(), 0
        for batch in _map(process_files, batches, workers, bar, _init_run, (settings, chrome, readable), chunksize=1):
            for r in batch:
                n_pending += tables.add_tokens(pending, r)
                r.token_columns, r.tokens = None, []
                results.append(r)
            if n_pending >= TOKENS_PER_ROW_GROUP:
                writer.append("tokens", pending)
                pending, n_pending = tables.token_table(), 0
        writer.append("tokens", pending)
        if bar is not None:
            bar.close()

        # pass 3: persons across the run (stage 5), then the other tables
        linked = persons.link_run((r.article_id, r.language, r.sentences, r.mentions) for r in results)
        columns = tables.build_columns(results, linked)
        for name, cols in columns.items():
            if name != "tokens":
                writer.append(name, cols)
        counts = writer.commit()
    stage = Counter()
    for r in results:
        stage.update({k: v for k, v in r.seconds.items() if k != "total"})
    notes.extend(_reference_notes(results, index))
    if not files and (settings.include or settings.exclude):
        notes.append(f"no input file matched (include {list(settings.include)}, exclude {list(settings.exclude)}); "
                     "patterns match the path under INPUT_DIR or the file name, e.g. '*.txt' or 'sub/*'")
    if settings.use_person_model:
        from .persons import recognizer

        if not recognizer.available():
            notes.append(f"the Chinese person recognizer is not installed ({recognizer.MODEL_DIR}); "
                         "Chinese names were found by rules only")
    summary = RunSummary(str(input_dir), str(out_dir), len(results), dict(Counter(r.status for r in results)), counts,
                         time.perf_counter() - t0, dict(stage), sum(r.n_chars for r in results), notes)
    return summary
