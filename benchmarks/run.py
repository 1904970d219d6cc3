"""Throughput and memory of the pipeline on real news, beside jieba.lcut on the same text.

    .venv/bin/python benchmarks/run.py                  # all three corpora, every file, 1 and 2 workers (~6 min)
    .venv/bin/python benchmarks/run.py --mb 3           # a quicker sample: the first 3 MB of files per corpus

For each corpus of ../shared/corpora (zh-Hans CCTV items, zh-Hant Hong Kong articles, German news)
it takes every file (or, with --mb, the first files up to that size), runs the whole pipeline with 1 and with 2 worker processes,
and reports characters per second for the whole run and per stage (the stage figures are summed
over articles, so they are per core), `jieba.lcut` alone on the same text, and the peak resident
memory of the run (the main process and, separately, its largest worker). Results are printed
as a Markdown table and written to benchmarks/results.md.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = {
    "zh-Hans xinwenlianbo": SHARED / "corpora" / "xinwenlianbo_zh_hans" / "articles",
    "zh-Hant hkcnews": SHARED / "corpora" / "hkcnews_zh_hant" / "articles",
    "de 10kGNAD": SHARED / "corpora" / "10kgnad_de_test" / "articles",
}

CHILD = r"""
import json, resource, sys, time
import extract
t = time.perf_counter()
s = extract.run(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), quiet=True)
wall = time.perf_counter() - t
print(json.dumps({"seconds": wall, "chars": s.chars, "stages": s.stage_seconds, "by_status": s.by_status,
                  "rows": s.rows,
                  "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def sample(folder: Path, n: int | None, dest: Path, mb: float | None = None) -> int:
    """The first files of a corpus (sorted): ``n`` of them, or as many as make ``mb`` megabytes."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if mb:
        total, keep = 0, []
        for p in files:
            if total >= mb * 1e6:
                break
            keep.append(p)
            total += p.stat().st_size
        files = keep
    elif n:
        files = files[:n]
    dest.mkdir(parents=True, exist_ok=True)
    for p in files:
        (dest / p.name).symlink_to(p)
    return len(files)


def jieba_lcut_rate(folder: Path) -> float:
    import jieba

    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir())]
    chars = sum(len(t) for t in texts)
    t = time.perf_counter()
    for x in texts:
        tk.lcut(x)
    return chars / (time.perf_counter() - t)


def run_pipeline(folder: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), out, str(workers)],
                              capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=None, help="only the first MB megabytes of files per corpus "
                    "(a quick sample; default: every file of every corpus)")
    ap.add_argument("--files", type=int, default=None, help="a number of files per corpus instead of --mb")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = ap.parse_args()
    missing = [str(p) for p in CORPORA.values() if not p.is_dir()]
    if missing:
        print(f"benchmark corpora not found: {', '.join(missing)} (they live in ../shared/corpora)", file=sys.stderr)
        return 2
    size = (f"first {args.files} files" if args.files else f"first {args.mb:g} MB of files" if args.mb
            else "every file")
    lines = [f"# Benchmarks ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {size} per corpus)", "",
             "| corpus | M chars | jieba.lcut chars/s | workers | pipeline chars/s | × lcut | clean | normalize | segment "
             "| persons | dates | events | peak RSS main / worker MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in CORPORA.items():
            dest = Path(tmp) / name.replace(" ", "_")
            sample(folder, args.files, dest, None if args.files else args.mb)
            lcut = jieba_lcut_rate(dest)
            for w in args.workers:
                r = run_pipeline(dest, w)
                rate = r["chars"] / r["seconds"]
                st = {k: (r["chars"] / v if v else float("inf")) for k, v in r["stages"].items()}
                report[f"{name} w{w}"] = {**r, "lcut": lcut, "rate": rate}
                stages = ("clean", "normalize", "segment", "persons", "dates", "events")
                cells = " | ".join(f"{st.get(k, 0) / 1e3:,.0f}k" for k in stages)
                lines.append(f"| {name} | {r['chars'] / 1e6:.2f} | {lcut / 1e3:,.0f}k | {w} | {rate / 1e3:,.0f}k | "
                             f"{rate / lcut:.2f} | {cells} | {r['rss_self_mb']:.0f} / {r['rss_children_mb']:.0f} |")
                print(lines[-1], flush=True)
    lines += ["", "Stage columns are characters per second of one core (stage time summed over articles).",
              "Pipeline chars/s is wall-clock for the whole run: reading, both passes, linking, writing Parquet."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\nwritten to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
