"""Command line: thin commands over the library (each parses its arguments, then calls one function)."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

EPILOG_RUN = """example:
  extract run data/raw --out data/processed
  extract run ../news --out runs/news --workers 2 --quiet
  extract run ../site --out runs/site --include '*.html' --exclude 'archive/*'
  extract run archive/articles --out runs/archive --metadata archive/index.jsonl
  extract run scraped/ --out runs/scraped --reference-date 2024-06-30
  extract run ../news --out runs/news --engine dask --scheduler tcp://10.0.0.5:8786
then, in Python:  import extract; t = extract.load("data/processed"); t.persons.head()"""

EPILOG_TRAIN = """example:
  extract train persons --out src/extract/models/persons_zh_crf
  extract train persons --lang zh-spacy --out src/extract/models/persons_zh
train the Chinese person recognizer (a CRF over characters, then the spaCy model that reads the
sentences the CRF is unsure of) on the offline NER sets in ../shared/suites (see TRAINING.md
beside each shipped model for the data, licenses and settings)."""

EPILOG_SQL = """example:
  extract sql data/processed "SELECT name, n_articles FROM persons ORDER BY n_articles DESC LIMIT 10"
  extract sql data/processed "SELECT type, count(*) FROM events GROUP BY type" --csv > events_by_type.csv
  extract sql data/processed          # an interactive shell: end statements with ';', .tables, .quit
every table of the run is a view of the same name: articles, lines, sentences, tokens, mentions,
persons, dates, events (DuckDB SQL: unnest(aliases) turns a list column into rows)."""

EPILOG_EXPORT = """example:
  extract export data/processed --format csv                 # into data/processed/csv/
  extract export data/processed --format jsonl --to /tmp/run_jsonl
one file per table (NAME.csv / NAME.jsonl); JSON Lines keep list columns as arrays, CSV writes
them as text like [a, b]."""

EPILOG_EVAL = """example:
  extract eval --gold tests/gold_raw --pred data/processed
  extract eval --gold my_gold/ --pred runs/news --json eval.json --markdown > eval.md
gold files: one JSON file per annotated article, named like the article (a.txt -> a.json); the
format is in docs/GOLD_FORMAT.md."""

EPILOG_REPORT = """example:
  extract report data/processed                      # writes data/processed/report.html
  extract report runs/news --to news_report.html --title "News, May 2024"
one HTML file that loads nothing from the network: open it in any browser, mail it, archive it."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="extract", description="Turn a folder of raw scraped news articles into "
                                "Parquet tables of persons, dates and personnel events.")
    from . import __version__

    p.add_argument("--version", action="version", version=f"extract {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    r = sub.add_parser("run", help="process every file under INPUT_DIR and write the tables to OUT_DIR",
                       description="Process every file under INPUT_DIR (recursively) and write the eight tables "
                       "(articles, lines, sentences, tokens, mentions, persons, dates, events) as Parquet.",
                       epilog=EPILOG_RUN, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("input_dir", metavar="INPUT_DIR", type=Path, help="folder of raw article files")
    r.add_argument("--out", "-o", dest="out_dir", metavar="OUT_DIR", type=Path, required=True,
                   help="folder for the Parquet tables (created if missing; tables in it are replaced)")
    r.add_argument("--workers", "-w", type=int, default=1, metavar="N",
                   help="processes that take whole articles (default 1; 0 = one per core)")
    r.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    r.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where the stages run: local worker processes (default) or a Dask cluster "
                        '(pip install "extract[dask]")')
    r.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: the scheduler to use (tcp://host:8786); default: a LocalCluster "
                        "of --workers processes. Its workers must see INPUT_DIR and OUT_DIR at the same paths")
    r.add_argument("--segment-size", type=int, default=64, metavar="N",
                   help="articles per segment: the unit of work, of checkpoints and of part files (default 64)")
    r.add_argument("--no-person-model", action="store_true",
                   help="find persons by rules only (faster; the trained recognizer is skipped)")
    r.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="read only files whose path under INPUT_DIR or whose name matches (repeatable; "
                   "'*' also crosses '/'), e.g. --include '*.txt' --include 'sub/*'")
    r.add_argument("--metadata", "-m", type=Path, default=None, metavar="FILE",
                   help="the archive's index (JSONL, or CSV with a header): one row per article, keyed by its "
                   "path (relative to FILE's folder or INPUT_DIR), file name or stem, with columns such as "
                   "date/published, title, author, url, source, language. Default: metadata.jsonl, index.jsonl "
                   "or metadata.csv at the root of INPUT_DIR, if there is one")
    r.add_argument("--reference-date", type=str, default=None, metavar="DATE",
                   help="ISO date (YYYY-MM-DD) that relative dates of an article resolve against when neither "
                   "metadata, front matter, text nor path give one")
    r.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files whose path under INPUT_DIR or whose name matches (repeatable), "
                   "e.g. --exclude '*.html'")
    q = sub.add_parser("sql", help="SQL over a run's tables (DuckDB); an interactive shell without a query",
                       description="Run one SQL statement over the tables of a run, every table a view of "
                       "its name, and print the result; without QUERY, read statements interactively.",
                       epilog=EPILOG_SQL, formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="folder of an `extract run`")
    q.add_argument("query", metavar="QUERY", nargs="?", help="one SQL statement (quote it)")
    q.add_argument("--csv", action="store_true", help="print every row as CSV instead of a box table")
    q.add_argument("--max-rows", type=int, default=None, metavar="N",
                   help="rows of a box table to print (default 40: the first and last 20)")
    x = sub.add_parser("export", help="write every table of a run as CSV or JSON Lines",
                       description="Write every table of a run as CSV or JSON Lines, one file per table.",
                       epilog=EPILOG_EXPORT, formatter_class=argparse.RawDescriptionHelpFormatter)
    x.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="folder of an `extract run`")
    x.add_argument("--format", "-f", dest="fmt", choices=["csv", "jsonl"], required=True)
    x.add_argument("--to", type=Path, default=None, metavar="DIR",
                   help="folder for the files (default: OUT_DIR/csv or OUT_DIR/jsonl)")
    e = sub.add_parser("eval", help="score a run against gold annotations (P/R/F1 per table)",
                       description="Score the tables of a run against gold annotations of some of its articles: "
                       "precision/recall/F1 per table, line-label confusion, event argument accuracy, per article.",
                       epilog=EPILOG_EVAL, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold JSON files")
    e.add_argument("--pred", type=Path, required=True, metavar="OUT_DIR", help="folder of an `extract run`")
    e.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the full report as JSON")
    e.add_argument("--markdown", action="store_true",
                   help="print the full report as Markdown (tables, confusion, per article) instead of a summary")
    h = sub.add_parser("report", help="one self-contained HTML page about a run",
                       description="Write one self-contained HTML page about a run: summary, line labels and "
                       "reasons, top persons with aliases, event timeline, dates by month, articles with errors.",
                       epilog=EPILOG_REPORT, formatter_class=argparse.RawDescriptionHelpFormatter)
    h.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="folder of an `extract run`")
    h.add_argument("--to", type=Path, default=None, metavar="FILE", help="the HTML file (default OUT_DIR/report.html)")
    h.add_argument("--title", default=None, help="the page's heading (default: the run folder's name)")
    t = sub.add_parser("train", help="train a statistical component (persons)",
                       description="Train a statistical component on offline data.", epilog=EPILOG_TRAIN,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("what", choices=["persons"], help="what to train")
    t.add_argument("--out", "-o", dest="out_dir", type=Path, required=True, metavar="DIR", help="where to save the model")
    t.add_argument("--data", type=Path, default=None, metavar="DIR",
                   help="folder with ner_train/ and ner_zh/ (default: ../shared/suites next to the repo)")
    t.add_argument("--max-minutes", type=float, default=30.0, help="training time cap, a safety net (default 30)")
    t.add_argument("--max-steps", type=int, default=15000,
                   help="training steps (default 15000: what makes a run reproducible)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--lang", choices=["zh", "zh-spacy", "de", "en"], default="zh",
                   help="which person recognizer: zh (a CRF over characters, default), zh-spacy (the spaCy "
                        "model for the sentences the CRF is unsure of), de (a CRF over words) or en (words)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "train":
        return _train(args)
    if args.command == "eval":
        return _eval(args)
    if args.command == "report":
        return _report(args)
    if args.command == "sql":
        return _sql(args)
    if args.command == "export":
        return _export(args)
    _parser().print_help()
    return 2


def _fail(msg: str) -> int:
    print(f"extract: error: {msg}", file=sys.stderr)
    return 2


def _run(args) -> int:
    from .io import InputError
    from .pipeline import run

    if not args.input_dir.is_dir():
        return _fail(f"input folder not found: {args.input_dir}" if not args.input_dir.exists()
                     else f"not a folder: {args.input_dir} (give the folder that holds the articles)")
    try:
        from .io import check_writable

        check_writable(args.out_dir)
    except OSError as e:
        return _fail(f"cannot write to {args.out_dir}: {e.strerror or e}")
    if args.metadata is not None and not args.metadata.is_file():
        return _fail(f"metadata file not found: {args.metadata}")
    if args.reference_date is not None:
        from datetime import date

        try:
            date.fromisoformat(args.reference_date)
        except ValueError:
            return _fail(f"--reference-date must be an ISO date such as 2024-06-30, not {args.reference_date!r}")
    from concurrent.futures.process import BrokenProcessPool

    from .pipeline import Interrupted

    try:
        summary = run(args.input_dir, args.out_dir, workers=args.workers if args.workers > 0 else 0,
                      quiet=args.quiet, use_person_model=not args.no_person_model,
                      include=tuple(args.include), exclude=tuple(args.exclude),
                      metadata=str(args.metadata) if args.metadata else None, reference_date=args.reference_date,
                      segment_articles=args.segment_size, engine=args.engine, scheduler=args.scheduler)
    except InputError as e:
        return _fail(str(e))
    except OSError as e:
        return _fail(f"{e.strerror or e}: {getattr(e, 'filename', '') or ''}".rstrip(": "))
    except ImportError as e:             # --engine dask without dask installed
        return _fail(str(e))
    except BrokenProcessPool:
        return _fail("a worker process died (killed, or out of memory); OUT_DIR still holds its previous "
                     "tables and the finished segments are kept: run the same command again to resume")
    except KeyboardInterrupt as e:
        _fail(f"{e if isinstance(e, Interrupted) else 'interrupted'}; OUT_DIR still holds its previous tables and "
              "the finished segments are kept: run the same command again to resume")
        return 128 + (signal.SIGTERM if isinstance(e, Interrupted) else signal.SIGINT)
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    return 0


def _eval(args) -> int:
    import json

    from . import evaluate

    if not args.pred.is_dir():
        return _fail(f"run folder not found: {args.pred} (give the OUT_DIR of `extract run`)")
    try:
        report = evaluate.evaluate(args.gold, args.pred)
    except (FileNotFoundError, ValueError) as e:
        return _fail(str(e))
    if args.json:
        try:
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as e:
            return _fail(f"cannot write {args.json}: {e.strerror or e}")
    sys.stdout.write(evaluate.to_markdown(report) if args.markdown else evaluate.to_text(report))
    return 0


def _report(args) -> int:
    from .report import build_report

    target = args.to or args.out_dir / "report.html"
    try:
        page = build_report(args.out_dir, args.title)
        target.write_text(page, encoding="utf-8")
    except FileNotFoundError as e:
        return _fail(str(e))
    except OSError as e:
        return _fail(f"cannot write {target}: {e.strerror or e}")
    print(f"extract: report written to {target} (open it in a browser)", file=sys.stderr)
    return 0


def _sql(args) -> int:
    import duckdb

    from . import sql

    try:
        if args.query is None:
            sql.shell(args.out_dir)
            return 0
        with sql.connect(args.out_dir) as con:
            if args.csv:
                sql.write_csv(con, args.query, sys.stdout)
            else:
                sql.show(con.sql(args.query), sys.stdout, args.max_rows or sql.SHOW_ROWS)
    except FileNotFoundError as e:
        return _fail(str(e))
    except duckdb.Error as e:       # a bad query, an unknown column
        return _fail(f"{str(e).strip()}\n(the tables: articles, lines, sentences, tokens, mentions, persons, "
                     "dates, events; `extract sql OUT_DIR` opens a shell where .schema NAME lists columns)")
    return 0


def _export(args) -> int:
    from .io import export_tables

    to_dir = args.to or args.out_dir / args.fmt
    try:
        written = export_tables(args.out_dir, args.fmt, to_dir)
    except FileNotFoundError as e:
        return _fail(str(e))
    except OSError as e:
        return _fail(f"cannot write to {to_dir}: {e.strerror or e}")
    print(f"extract: {len(written)} tables written to {to_dir} as {args.fmt}", file=sys.stderr)
    return 0


def _train(args) -> int:
    from .persons.train import DEFAULT_DATA_DIR, train_persons

    data_dir = args.data
    if data_dir is None:      # ../shared/suites beside the working folder, else beside the source tree
        data_dir = next((d for d in (Path.cwd().parent / "shared" / "suites", DEFAULT_DATA_DIR)
                         if (d / "ner_train").is_dir()), DEFAULT_DATA_DIR)
    if not (data_dir / "ner_train").is_dir():
        return _fail(f"training data not found in {data_dir} (expected ner_train/ and ner_zh/ there; "
                     "give the folder with --data)")
    try:
        if args.lang == "zh":     # a CRF over characters (persons.crf_zh)
            from .persons.train_crf_zh import train_crf_zh

            report = train_crf_zh(args.out_dir, data_dir, seed=args.seed)
        elif args.lang == "zh-spacy":
            report = train_persons(args.out_dir, data_dir, max_minutes=args.max_minutes, seed=args.seed,
                                   max_steps=args.max_steps)
        elif args.lang == "de":     # a CRF (persons.crf): no steps, minutes or checkpoints
            from .persons.train_crf import train_crf

            report = train_crf(args.out_dir, data_dir, seed=args.seed)
        else:
            from .persons.train_latin import train_persons_latin

            report = train_persons_latin(args.lang, args.out_dir, data_dir, max_minutes=args.max_minutes,
                                         seed=args.seed, max_steps=args.max_steps)
    except OSError as e:
        return _fail(f"{e.strerror or e}: {getattr(e, 'filename', '') or ''}".rstrip(": "))
    best = report.get("best", {})
    if args.lang in ("zh", "de"):
        which = "Chinese" if args.lang == "zh" else "German"
        print(f"extract: {which} CRF person model written to {args.out_dir} in {report['minutes']} min; "
              f"held-out F1 {report['selection']['f1']} (c1 {best['c1']}, c2 {best['c2']})", file=sys.stderr)
    else:
        print(f"extract: person model written to {args.out_dir} after {report.get('steps_run')} steps "
              f"({report.get('minutes_run')} min); best held-out F1 {best.get('dev_f')}", file=sys.stderr)
    for name, score in report.get("eval", {}).items():
        print(f"  {name}: P {score['p']} R {score['r']} F1 {score['f1']}", file=sys.stderr)
    print(f"  details: {args.out_dir / 'TRAINING.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
