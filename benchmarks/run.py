"""Throughput and memory of the pipeline on real news, beside jieba.lcut on the same text.

    .venv/bin/python benchmarks/run.py                  # all three corpora, every file, 1 and 2 workers (~6 min)
    .venv/bin/python benchmarks/run.py --mb 3           # a quicker sample: the first 3 MB of files per corpus

For each corpus of ../shared/corpora (zh-Hans CCTV items, zh-Hant Hong Kong articles, German news)
it takes every file (or, with --mb, the first files up to that size), runs the whole pipeline with 1 and with 2 worker processes,
and reports characters per second for the whole run and per stage (the stage figures are summed
over articles, so they are per core), `jieba.lcut` alone on the same text, and the peak resident
memory of the run (the main process, its largest worker, their sum). Results are printed
as a Markdown table and written to benchmarks/results.md.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from scale import run_sampled  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = {
    "zh-Hans xinwenlianbo": SHARED / "corpora" / "xinwenlianbo_zh_hans" / "articles",
    "zh-Hant hkcnews": SHARED / "corpora" / "hkcnews_zh_hant" / "articles",
    "de 10kGNAD": SHARED / "corpora" / "10kgnad_de_test" / "articles",
}

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
    for p in files:            # copies: a run does not follow a symlink out of INPUT_DIR
        shutil.copyfile(p, dest / p.name)
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=None, help="only the first MB megabytes of files per corpus "
                    "(a quick sample; default: every file of every corpus)")
    ap.add_argument("--files", type=int, default=None, help="a number of files per corpus instead of --mb")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each (corpus, workers), interleaved; the "
                    "fastest counts (the machine is shared: the fastest run is the one least slowed by others)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = ap.parse_args()
    missing = [str(p) for p in CORPORA.values() if not p.is_dir()]
    if missing:
        print(f"benchmark corpora not found: {', '.join(missing)} (they live in ../shared/corpora)", file=sys.stderr)
        return 2
    size = (f"first {args.files} files" if args.files else f"first {args.mb:g} MB of files" if args.mb
            else "every file") + (f", fastest of {args.repeat} runs" if args.repeat > 1 else "")
    lines = [f"# Benchmarks ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {size} per corpus)", "",
             "| corpus | M chars | jieba.lcut chars/s | workers | pipeline chars/s | × lcut | × 1 worker | clean "
             "| normalize | segment | persons | dates | events | peak RSS main / one worker / sum MB | CPU s "
             "| cores busy with others |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in CORPORA.items():
            dest = Path(tmp) / name.replace(" ", "_")
            sample(folder, args.files, dest, None if args.files else args.mb)
            lcut = jieba_lcut_rate(dest)
            one = None
            best = {}
            for _ in range(args.repeat):
                for w in args.workers:
                    r = run_sampled(dest, Path(tmp) / f"out_{w}", w)
                    shutil.rmtree(Path(tmp) / f"out_{w}")
                    report.setdefault(f"{name} w{w} runs", []).append(r)
                    if w not in best or r["seconds"] < best[w]["seconds"]:
                        best[w] = r
            for w in args.workers:
                r = best[w]
                rate = r["chars"] / r["seconds"]
                one = one or rate
                st = {k: (r["chars"] / v if v else float("inf")) for k, v in r["stages"].items()}
                report[f"{name} w{w}"] = {**r, "lcut": lcut, "rate": rate}
                stages = ("clean", "normalize", "segment", "persons", "dates", "events")
                cells = " | ".join(f"{st.get(k, 0) / 1e3:,.0f}k" for k in stages)
                lines.append(f"| {name} | {r['chars'] / 1e6:.2f} | {lcut / 1e3:,.0f}k | {w} | {rate / 1e3:,.0f}k | "
                             f"{rate / lcut:.2f} | {rate / one:.2f} | {cells} | "
                             f"{r['rss_main_mb']:.0f} / {r['rss_worker_mb']:.0f} / {r['rss_sum_mb']:.0f} | "
                             f"{r['cpu_seconds']:.0f} | {r['others_cores']:.1f} |")
                print(lines[-1], flush=True)
    lines += ["", "Stage columns are characters per second of one core (stage time summed over articles).",
              "Pipeline chars/s is wall-clock for the whole run in its process (from `extract.run` called to "
              "returned): listing, the first pass, stages 1-4, linking, writing Parquet. Memory is sampled four "
              "times a second (benchmarks/scale.py run_sampled). CPU s: what the run used, main process and "
              "workers; the last column, how many of the machine's cores other processes kept busy meanwhile "
              "(it is shared: with one core taken, two workers cannot run twice as fast as one)."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\nwritten to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
