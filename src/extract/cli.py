"""Command line: thin commands over the library (each parses its arguments, then calls one function)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG_RUN = """example:
  extract run data/raw --out data/processed
  extract run ../news --out runs/news --workers 2 --quiet
  extract run ../site --out runs/site --include '*.html' --exclude 'archive/*'
then, in Python:  import extract; t = extract.load("data/processed"); t.persons.head()"""

EPILOG_TRAIN = """example:
  extract train persons --out src/extract/models/persons_zh
trains the Chinese person recognizer on the offline NER sets in ../shared/suites (see TRAINING.md
beside the shipped model for the data, licenses and settings)."""


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
    r.add_argument("--no-person-model", action="store_true",
                   help="find persons by rules only (faster; the trained recognizer is skipped)")
    r.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="read only files whose path under INPUT_DIR or whose name matches (repeatable; "
                   "'*' also crosses '/'), e.g. --include '*.txt' --include 'sub/*'")
    r.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files whose path under INPUT_DIR or whose name matches (repeatable), "
                   "e.g. --exclude '*.html'")
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
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "train":
        return _train(args)
    _parser().print_help()
    return 2


def _fail(msg: str) -> int:
    print(f"extract: error: {msg}", file=sys.stderr)
    return 2


def _run(args) -> int:
    from .pipeline import run

    if not args.input_dir.is_dir():
        return _fail(f"input folder not found: {args.input_dir}" if not args.input_dir.exists()
                     else f"not a folder: {args.input_dir} (give the folder that holds the articles)")
    try:
        from .io import check_writable

        check_writable(args.out_dir)
    except OSError as e:
        return _fail(f"cannot write to {args.out_dir}: {e.strerror or e}")
    try:
        summary = run(args.input_dir, args.out_dir, workers=args.workers if args.workers > 0 else 0,
                      quiet=args.quiet, use_person_model=not args.no_person_model,
                      include=tuple(args.include), exclude=tuple(args.exclude))
    except OSError as e:
        return _fail(f"{e.strerror or e}: {getattr(e, 'filename', '') or ''}".rstrip(": "))
    except KeyboardInterrupt:
        return _fail("interrupted; OUT_DIR may hold a partial set of tables (extract.load refuses it): run again")
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    return 0


def _train(args) -> int:
    from .train import DEFAULT_DATA_DIR, train_persons

    data_dir = args.data
    if data_dir is None:      # ../shared/suites beside the working folder, else beside the source tree
        data_dir = next((d for d in (Path.cwd().parent / "shared" / "suites", DEFAULT_DATA_DIR)
                         if (d / "ner_train").is_dir()), DEFAULT_DATA_DIR)
    if not (data_dir / "ner_train").is_dir():
        return _fail(f"training data not found in {data_dir} (expected ner_train/ and ner_zh/ there; "
                     "give the folder with --data)")
    try:
        report = train_persons(args.out_dir, data_dir, max_minutes=args.max_minutes, seed=args.seed,
                               max_steps=args.max_steps)
    except OSError as e:
        return _fail(f"{e.strerror or e}: {getattr(e, 'filename', '') or ''}".rstrip(": "))
    best = report.get("best", {})
    print(f"extract: person model written to {args.out_dir} after {report.get('steps_run')} steps "
          f"({report.get('minutes_run')} min); best held-out F1 {best.get('dev_f')}", file=sys.stderr)
    for name, score in report.get("eval", {}).items():
        print(f"  {name}: P {score['p']} R {score['r']} F1 {score['f1']}", file=sys.stderr)
    print(f"  details: {args.out_dir / 'TRAINING.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
