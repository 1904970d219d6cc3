"""Memory and time of whole runs as they grow: 1,000, 10,000 and 100,000 articles, and the Dask
engine's overhead against the local one.

    .venv/bin/python benchmarks/scale.py build --n 100000            # the corpus, once (~2 min, ~450 MB)
    .venv/bin/python benchmarks/scale.py run --sizes 1000 10000 100000 --workers 2
    .venv/bin/python benchmarks/scale.py dask --n 2000 --workers 2

``build`` makes a corpus of N articles outside the repository (default /work/bench/scale/articles,
1,000 files per sub-folder) from the three real corpora in ../shared/corpora (their 9,711 articles in
an order shuffled once, so every prefix mixes them alike): article k is source article k mod 9,711,
its paragraphs after the first two lines shuffled (seed k), and every person
name extract found in it (the mentions of a run over the sources, given with --mentions)
replaced by an invented name: Chinese names from our surname list and common given-name
characters, Latin ones from our given-name list and common German surnames. The replacement of
a name depends on the name and on k // 9,711, so each pass over the sources names other people,
drawn from a pool of about 40,000 invented names: persons recur across the archive as they do
in news, and the run's distinct names keep growing with it.

``run`` processes the first N articles of that corpus for each size (``extract.run`` in a child
process, into a fresh OUT_DIR) and samples the resident memory of the main process and of every
worker four times a second: it reports the peak of the main process, the largest peak of one
worker, and the peak of their sum. ``dask`` runs the first N articles with the local engine and
with ``--engine dask`` (a LocalCluster of the same number of workers), checks the tables are the
same, and reports the time of each. Results go to benchmarks/results_scale.md (and .json).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = [("xinwenlianbo", SHARED / "corpora" / "xinwenlianbo_zh_hans" / "articles"),
           ("hkcnews", SHARED / "corpora" / "hkcnews_zh_hant" / "articles"),
           ("10kgnad", SHARED / "corpora" / "10kgnad_de_test" / "articles")]
DEFAULT_DEST = Path("/work/bench/scale")
RESULTS = ROOT / "benchmarks" / "results_scale.md"
GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红娟建文辉力斌宇浩凯健俊帆鹏晨欣怡思雨佳琪子轩博宁瑶"
LATIN_SURNAMES = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter "
                  "Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner "
                  "Krause Meier Lehmann Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller "
                  "Weiß Jung Hahn Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke "
                  "Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto").split()

CHILD = r"""
import json, sys, time
import extract
t = time.perf_counter()
s = extract.run(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), engine=sys.argv[4], quiet=True)
print(json.dumps({"seconds": time.perf_counter() - t, "chars": s.chars, "articles": s.articles,
                  "by_status": s.by_status, "rows": s.rows, "stages": s.stage_seconds}))
"""


# ---------------------------------------------------------------- building the corpus

def _pools():
    sys.path.insert(0, str(ROOT / "src"))
    from extract import lexicon

    surnames = sorted(s for s in lexicon.words("persons_surnames_zh.txt") if len(s) == 1)
    given = sorted(lexicon.words("persons_given_names.txt"))
    zh = [s + a + b for s in surnames[:120] for a in GIVEN_CHARS[:25] for b in GIVEN_CHARS[25:34]]
    latin = [f"{g} {s}" for g in given[:400] for s in LATIN_SURNAMES[:40]]
    return zh, latin


def _pick(pool: list[str], name: str, round_: int) -> str:
    h = int.from_bytes(hashlib.blake2b(f"{round_}:{name}".encode(), digest_size=8).digest(), "little")
    return pool[h % len(pool)]


def build(n: int, dest: Path, mentions_dir: Path) -> None:
    import pandas as pd

    zh_pool, latin_pool = _pools()
    zh_pool, latin_pool = zh_pool[:24_000], latin_pool[:16_000]
    names: dict[str, list[str]] = {}
    m = pd.read_parquet(mentions_dir / "mentions", columns=["article_id", "text"])
    for aid, group in m.groupby("article_id"):
        names[aid] = sorted(set(group.text), key=len, reverse=True)
    sources = [(f"{prefix}_{p.name}", p) for prefix, folder in SOURCES for p in sorted(folder.iterdir())]
    random.Random(0).shuffle(sources)       # every prefix of the corpus mixes the three sources alike
    out = dest / "articles"
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    for k in range(n):
        aid, path = sources[k % len(sources)]
        round_ = k // len(sources)
        lines = path.read_text(encoding="utf-8").split("\n")
        head, body = lines[:2], lines[2:]
        random.Random(k).shuffle(body)
        text = "\n".join(head + body)
        for name in names.get(aid, ()):
            if len(name) < 2:
                continue
            han = any("\u4e00" <= ch <= "\u9fff" for ch in name)
            new = _pick(zh_pool, name, round_) if han else _pick(latin_pool, name, round_)
            if not han and " " not in name:
                new = new.split()[-1]
            text = text.replace(name, new)
        sub = out / f"d{k // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{k:06d}_{aid}").write_text(text, encoding="utf-8")
        if k % 10000 == 9999:
            print(f"  {k + 1:,} articles, {time.perf_counter() - t:.0f} s", file=sys.stderr)
    print(f"built {n:,} articles in {out}", file=sys.stderr)


def sample(dest: Path, n: int, into: Path) -> Path:
    """The first ``n`` articles of the corpus, as a folder of hard links with the same sub-folders
    (not symlinks: a run does not follow a symlink out of INPUT_DIR)."""
    files = sorted((dest / "articles").glob("d*/*"))[:n]
    if len(files) < n:
        raise SystemExit(f"the corpus in {dest} has {len(files):,} articles, fewer than {n:,}: run `build` first")
    for p in files:
        (into / p.parent.name).mkdir(parents=True, exist_ok=True)
        os.link(p, into / p.parent.name / p.name)
    return into


# ---------------------------------------------------------------- measuring a run

def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (every core, every process)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run_sampled(src: Path, out: Path, workers: int, engine: str = "local", interval: float = 0.25) -> dict:
    """One run in a child process; its wall time, summary and peak resident memory (main
    process, largest worker, their sum), sampled every ``interval`` seconds; the CPU time it
    used, and the cores other processes of the machine kept busy meanwhile (it is shared)."""
    import resource

    import psutil

    ru0, busy0 = resource.getrusage(resource.RUSAGE_CHILDREN), _busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(src), str(out), str(workers), engine],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    main = psutil.Process(proc.pid)
    peak_main = peak_worker = peak_sum = 0
    while proc.poll() is None:
        try:
            rss_main = main.memory_info().rss
            kids = [k.memory_info().rss for k in main.children(recursive=True)]
        except psutil.Error:
            time.sleep(interval)
            continue
        peak_main = max(peak_main, rss_main)
        peak_worker = max([peak_worker, *kids])
        peak_sum = max(peak_sum, rss_main + sum(kids))
        time.sleep(interval)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    ru1, busy1 = resource.getrusage(resource.RUSAGE_CHILDREN), _busy_seconds()
    cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    if proc.returncode:
        raise SystemExit(f"run failed ({proc.returncode}): {stderr[-2000:]}")
    r = json.loads(stdout.strip().splitlines()[-1])
    mb = 1 / 2 ** 20
    return {**r, "wall": wall, "rss_main_mb": peak_main * mb, "rss_worker_mb": peak_worker * mb,
            "rss_sum_mb": peak_sum * mb, "workers": workers, "engine": engine, "cpu_seconds": cpu,
            "others_cores": max(0.0, (busy1 - busy0 - cpu) / wall)}


def _write(section: str, lines: list[str], data: dict) -> None:
    """Replace one section of results_scale.md (and its JSON) with new figures."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Scale benchmarks\n"
    marker = f"\n## {section}\n"
    head, _, rest = text.partition(marker)
    tail = rest[rest.find("\n## "):] if "\n## " in rest else ""
    RESULTS.write_text(head.rstrip("\n") + "\n" + marker + "\n".join(lines) + "\n" + tail, encoding="utf-8")
    js = RESULTS.with_suffix(".json")
    all_ = json.loads(js.read_text(encoding="utf-8")) if js.exists() else {}
    all_[section] = data
    js.write_text(json.dumps(all_, indent=1), encoding="utf-8")


def cmd_run(args) -> None:
    rows, data = [], {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory(dir=args.dest) as tmp:
            src = sample(args.dest, n, Path(tmp) / "in")
            r = run_sampled(src, Path(tmp) / "out", args.workers)
        data[str(n)] = r
        rows.append(f"| {n:,} | {r['chars'] / 1e6:.1f} | {r['wall']:.0f} | {r['chars'] / r['seconds'] / 1e3:,.0f}k | "
                    f"{r['rss_main_mb']:.0f} | {r['rss_worker_mb']:.0f} | {r['rss_sum_mb']:.0f} |")
        print(rows[-1], flush=True)
    sizes = sorted(data, key=int)
    ratio = ""
    if "10000" in data and "100000" in data:
        ratio = (f"\n100,000 against 10,000 articles: main {data['100000']['rss_main_mb'] / data['10000']['rss_main_mb']:.2f}x, "
                 f"sum {data['100000']['rss_sum_mb'] / data['10000']['rss_sum_mb']:.2f}x.")
    lines = [f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores (shared), {args.workers} workers, "
             f"synthetic corpus of `scale.py build` (sizes {', '.join(f'{int(s):,}' for s in sizes)}).", "",
             "| articles | M chars | wall s | chars/s | peak RSS main MB | peak RSS one worker MB | peak RSS main + workers MB |",
             "|---|---|---|---|---|---|---|", *rows, ratio]
    _write(f"memory, {args.workers} workers", lines, data)


def cmd_dask(args) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from same_tables import main as same_tables

    with tempfile.TemporaryDirectory(dir=args.dest) as tmp:
        src = sample(args.dest, args.n, Path(tmp) / "in")
        local = run_sampled(src, Path(tmp) / "local", args.workers, "local")
        dask = run_sampled(src, Path(tmp) / "dask", args.workers, "dask")
        same = same_tables([str(Path(tmp) / "local"), str(Path(tmp) / "dask"), "--show", "0"]) == 0
    over = dask["wall"] / local["wall"] - 1
    lines = [f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores (shared), first {args.n:,} articles of the "
             f"synthetic corpus, {args.workers} workers each.", "",
             "| engine | wall s | chars/s | peak RSS main + workers MB |", "|---|---|---|---|",
             *(f"| {r['engine']} | {r['wall']:.1f} | {r['chars'] / r['wall'] / 1e3:,.0f}k | {r['rss_sum_mb']:.0f} |"
               for r in (local, dask)),
             "", f"Dask overhead: {over:+.0%} wall time (LocalCluster start, task scheduling); tables "
                 f"{'the same' if same else 'DIFFERENT'} (benchmarks/same_tables.py)."]
    print("\n".join(lines))
    _write("Dask engine against the local engine", lines, {"local": local, "dask": dask, "same_tables": same})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--n", type=int, default=100_000)
    b.add_argument("--mentions", type=Path, default=Path("/work/bench/allcorpora_robust"),
                   help="OUT_DIR of a run over the three corpora (its mentions say which names to change)")
    r = sub.add_parser("run")
    r.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    r.add_argument("--workers", type=int, default=2)
    d = sub.add_parser("dask")
    d.add_argument("--n", type=int, default=2000)
    d.add_argument("--workers", type=int, default=2)
    for p in (b, r, d):
        p.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = ap.parse_args()
    args.dest.mkdir(parents=True, exist_ok=True)
    if args.cmd == "build":
        build(args.n, args.dest, args.mentions)
    elif args.cmd == "run":
        cmd_run(args)
    else:
        cmd_dask(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
