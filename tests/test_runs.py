"""A run as one atomic thing, under faults: the OUT_DIR lock, SIGTERM like Ctrl-C, workers that
end with the main process, readers that see one complete set. Each run here is a real
``python -m extract run`` process on a few dozen tiny articles the test writes itself."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import extract
from extract import cli, io
from extract.model import TABLE_NAMES

psutil = pytest.importorskip("psutil")

ZH = ("{co}宣布人事调整\n2024年{m}月{d}日\n{co}今天宣布，{p}出任首席执行官，前任总裁{q}因个人原因离职。\n"
      "{p}此前担任公司首席运营官，负责海外业务。\n")
DE = ("{co}: Wechsel an der Spitze\nDer Vorstandschef der {co}, {p}, tritt zum {d}. Mai zurück. "
      "Nachfolger wird {q}, bisher Finanzvorstand.\n")
ZH_CO = ["星河科技", "灵犀动力", "千帆科技", "远驰汽车", "华研生物", "云帆网络"]
ZH_P = ["王建国", "陈晓燕", "刘志强", "李卫东", "许婧", "苏文博", "黄若琳", "林嘉文"]
DE_CO = ["Nordbank", "Stadtwerke Kiel", "Reederei Nord", "Hansa Logistik"]
DE_P = ["Klaus Weber", "Anna Roth", "Jan Petersen", "Stefan Kühn", "Laura Feng"]


def write_articles(folder: Path, n: int, start: int = 0) -> Path:
    """``n`` short Chinese and German news items, different from each other, named by number."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        if i % 3 == 2:
            text = DE.format(co=DE_CO[i % 4], p=DE_P[i % 5], q=DE_P[(i + 2) % 5], d=1 + i % 28)
        else:
            text = ZH.format(co=ZH_CO[i % 6], p=ZH_P[i % 8], q=ZH_P[(i + 3) % 8], m=1 + i % 12, d=1 + i % 28)
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def start_run(src: Path, out: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extract", "run", str(src), "--out", str(out), "--quiet", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for(condition, what: str, timeout: float = 120.0) -> None:
    """Poll ``condition`` until it holds (a safety limit, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def holds_lock(out: Path) -> bool:
    lock = out / io.STATE / "lock"
    return lock.exists() and lock.read_text(encoding="utf-8").startswith("pid ")


def workers_of(proc: subprocess.Popen) -> list:
    try:
        return psutil.Process(proc.pid).children()
    except psutil.NoSuchProcess:
        return []


def table_bytes(out: Path) -> dict[str, list[bytes]]:
    """Every table of the run OUT_DIR points at, as the bytes of its part files in order."""
    folder = io.run_folder(out)
    return {name: [p.read_bytes() for p in io.table_parts(folder, name)] for name in TABLE_NAMES}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("articles") / "in", 36)


@pytest.fixture(scope="module")
def reference(articles, tmp_path_factory) -> Path:
    """An uninterrupted run, in this process (the tables do not depend on the number of workers)."""
    out = tmp_path_factory.mktemp("reference") / "out"
    extract.run(articles, out, workers=1)
    return out


def test_runs_second_concurrent_run_fails_at_once(articles, tmp_path, capsys):
    reference = tmp_path / "reference"
    extract.run(articles, reference, use_person_model=False)
    out = tmp_path / "out"
    first = start_run(articles, out, "--no-person-model")
    wait_for(lambda: holds_lock(out), "the first run to take the lock")
    assert cli.main(["run", str(articles), "--out", str(out), "--quiet"]) == 2      # a second run, at once
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"extract: error: another run is writing to {out}"), err
    assert first.poll() is None             # the second run failed while the first was still running
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert table_bytes(out) == table_bytes(reference)


@pytest.mark.parametrize("sig, to_group", [
    pytest.param(signal.SIGTERM, False, id="sigterm-to-main"),
    pytest.param(signal.SIGINT, True, id="ctrl-c-to-the-group"),
])
def test_runs_sigterm_cleans_up_like_ctrl_c(articles, reference, tmp_path, sig, to_group):
    out = tmp_path / "out"
    extract.run(articles, out, workers=1)        # a previous complete run
    before = table_bytes(out)
    proc = start_run(articles, out, "--workers", "2")
    wait_for(lambda: len(workers_of(proc)) == 2 and any((out / io.STATE / "runs").glob("*.tmp")),
             "both workers and the run folder")
    workers = workers_of(proc)
    os.killpg(proc.pid, sig) if to_group else proc.send_signal(sig)
    assert proc.wait(timeout=60) == 128 + sig
    err = proc.stderr.read().strip().splitlines()
    said = "stopped by signal SIGTERM" if sig == signal.SIGTERM else "interrupted"
    assert len(err) == 1 and said in err[0] and "run the same command again" in err[0], err
    psutil.wait_procs(workers, timeout=10)
    assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
    assert not list((out / io.STATE / "runs").glob("*.tmp"))       # its temporary folder is gone
    assert table_bytes(out) == before                              # the previous run is untouched
    with io.OutputLock(out):                                       # and the lock was released
        pass


def test_runs_workers_end_when_main_process_is_killed(articles, reference, tmp_path):
    out = tmp_path / "out"
    proc = start_run(articles, out, "--workers", "2")
    wait_for(lambda: len(workers_of(proc)) == 2, "both workers")
    workers = workers_of(proc)
    os.kill(proc.pid, signal.SIGKILL)         # what the OOM killer does: the main process alone
    proc.wait(timeout=30)
    gone, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, [w.pid for w in alive]
    extract.run(articles, out, workers=1)           # the lock died with the main process
    assert not list((out / io.STATE / "runs").glob("*.tmp"))   # the killed run's folder was removed
    assert table_bytes(out) == table_bytes(reference)


def _commit_alternately(out: str, n: int) -> None:
    """A writer that commits ``n`` runs, alternating between two different sets of tables."""
    for i in range(n):
        tag = "even" if i % 2 == 0 else "odd"
        rows = {name: [] for name in TABLE_NAMES}
        rows["articles"] = [{"article_id": f"{tag}-{k}.txt", "status": "ok"} for k in range(3)]
        rows["lines"] = [{"article_id": f"{tag}-{k}.txt", "line_no": 1, "text": tag, "label": "content",
                          "reason": "test"} for k in range(3)]
        rows["mentions"] = [{"article_id": f"{tag}-{k}.txt", "sentence_id": 0, "text": "王建国", "char_start": 0,
                             "char_end": 3, "person_id": f"P-{tag}", "source": "test"} for k in range(3)]
        rows["persons"] = [{"person_id": f"P-{tag}", "name": "王建国", "aliases": ["王建国"]}]
        io.write_tables(rows, Path(out))


def test_runs_reader_during_commits_sees_one_complete_set(tmp_path):
    out = tmp_path / "out"
    _commit_alternately(str(out), 1)
    writer = multiprocessing.get_context("spawn").Process(target=_commit_alternately, args=(str(out), 24))
    writer.start()
    seen = set()
    while writer.is_alive():
        t = extract.load(out)
        sets = {name: frozenset(t[name].article_id) for name in ("articles", "lines", "mentions")}
        assert len(set(sets.values())) == 1, sets                # every table from the same run
        tag = next(iter(sets["articles"])).split("-")[0]
        assert set(t.persons.person_id) == set(t.mentions.person_id) == {f"P-{tag}"}
        seen.add(tag)
    writer.join()
    assert writer.exitcode == 0
    assert seen == {"even", "odd"}        # the reader did read while runs were being switched


# ---------------------------------------------------------------- kill, restart, resume

SMALL = ("--no-person-model", "--segment-size", "8")        # many segments of a few articles, quick
SMALL_SETTINGS = {"use_person_model": False, "segment_articles": 8}


def done_segments(out: Path) -> int:
    return sum(1 for p in (out / io.STATE / io.CACHE / "seg").glob("*/*") if ".tmp" not in p.name)


def done_first(out: Path) -> int:
    return sum(1 for _ in (out / io.STATE / io.CACHE / "first").glob("*.npz"))


@pytest.fixture(scope="module")
def small_reference(articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("small_reference") / "out"
    summary = extract.run(articles, out, workers=1, **SMALL_SETTINGS)
    manifest = io.read_manifest(out)
    assert manifest["segments"] >= 4 and summary.by_status == {"ok": 36}
    return out, manifest["segments"]


@pytest.mark.parametrize("point, target", [
    pytest.param("first-pass", "group", id="first-pass-sigkill-group"),
    pytest.param("one-segment", "main", id="after-1-segment-sigkill-main"),
    pytest.param("half-the-segments", "group", id="after-half-sigkill-group"),
    pytest.param("every-segment", "main", id="after-stages-1-4-sigkill-main"),
])
def test_runs_killed_then_restarted_gives_the_same_bytes(articles, small_reference, tmp_path, point, target):
    reference, n_segments = small_reference
    out = tmp_path / "out"
    extract.run(articles, out, workers=1, **SMALL_SETTINGS)       # a previous run, then the same run again, killed
    shutil.rmtree(out / io.STATE / io.CACHE)               # its checkpoints gone: the killed run starts from zero
    condition = {"first-pass": lambda: done_first(out) >= 1,
                 "one-segment": lambda: done_segments(out) >= 1,
                 "half-the-segments": lambda: done_segments(out) >= n_segments // 2,
                 "every-segment": lambda: done_segments(out) >= n_segments}[point]
    proc = start_run(articles, out, "--workers", "2", *SMALL)
    wait_for(lambda: condition() or proc.poll() is not None, point)
    killed = proc.poll() is None
    workers = workers_of(proc)
    if target == "group":
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    psutil.wait_procs(workers, timeout=30)
    seen = done_segments(out)
    assert table_bytes(out) == table_bytes(reference)      # readers still see the previous run, whole
    summary = extract.run(articles, out, workers=1, **SMALL_SETTINGS)     # the same command again
    assert table_bytes(out) == table_bytes(reference)
    if killed and seen:       # finished segments are not redone
        assert f"{seen} of {n_segments} segments were already done" in " ".join(summary.notes), summary.notes
    assert not list((out / io.STATE / "runs").glob("*.tmp"))


def test_runs_incremental_processes_only_new_and_changed_files(tmp_path):
    src = write_articles(tmp_path / "in", 40)
    out = tmp_path / "out"
    first = extract.run(src, out, workers=1, **SMALL_SETTINGS)
    n_first = io.read_manifest(out)["segments"]
    assert f"0 of {n_first}" not in " ".join(first.notes)
    write_articles(src, 3, start=40)                                  # three new files at the end
    (src / "0005.txt").write_text(ZH.format(co="星河科技", p="赵敏", q="钱进", m=3, d=9), encoding="utf-8")  # one changed
    again = extract.run(src, out, workers=1, **SMALL_SETTINGS)
    m = io.read_manifest(out)
    assert again.articles == 43
    assert 1 <= m["segments_computed"] <= 3                           # the changed file's segment and the new files'
    fresh = tmp_path / "fresh"
    extract.run(src, fresh, workers=1, **SMALL_SETTINGS)
    assert table_bytes(out) == table_bytes(fresh)                     # person linking over the whole, as a fresh run
    assert len(list((out / io.STATE / io.CACHE / "seg").glob("*/*"))) == m["segments"]   # stale checkpoints pruned


def test_runs_other_settings_do_not_reuse_checkpoints(tmp_path):
    src = write_articles(tmp_path / "in", 12)
    out = tmp_path / "out"
    extract.run(src, out, workers=1, **SMALL_SETTINGS)
    extract.run(src, out, workers=1, **{**SMALL_SETTINGS, "chrome_min_articles": 2})
    assert io.read_manifest(out)["segments_computed"] == io.read_manifest(out)["segments"]
