"""Where a run's tasks run: in this process, in a pool of local worker processes (the default),
or on a Dask cluster (``Settings.engine = "dask"``; ``pip install "extract[dask]"``).

A task is a plain function of one picklable argument that reads its input files and writes its
output files itself and returns a small summary, so the main process only ever holds summaries.
Every engine gives ``map(fn, tasks)``: the tasks are started in the order given (at most a few
per worker at a time, so the task list is never all in memory) and their results come back as
``(position, result)`` in the order they finish (``position``: where the task came in ``tasks``).
"""
from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

TASKS_PER_WORKER = 3        # tasks in flight per worker: one running, the next ones ready
PARENT_POLL_SECONDS = 0.5   # how soon a worker notices that the run's main process is gone


class InProcess:
    """Tasks one after another in this process (``workers=1``)."""

    workers = 1

    def map(self, fn: Callable, tasks: Iterable) -> Iterator[tuple[int, object]]:
        for i, task in enumerate(tasks):
            yield i, fn(task)

    def close(self) -> None:
        pass


def _die_with_parent(parent_pid: int) -> None:
    """Make this worker end when the main process dies, however it dies (the OOM killer sends
    SIGKILL, which no clean-up sees): the kernel's parent-death signal where there is one, and a
    thread that watches the parent either way."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))    # PR_SET_PDEATHSIG
    except Exception:   # not Linux: the watcher alone
        pass
    if os.getppid() != parent_pid:
        os._exit(1)

    def watch():
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="extract-parent-watch", daemon=True).start()


def _worker_start(parent_pid: int) -> None:
    """First thing in a worker process: SIGTERM ends it (not the main process's handler, which
    fork copied), Ctrl-C is the main process's to handle (it ends the workers), the run's lock
    stays with the main process, and the worker dies with it."""
    from . import io

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    io.close_inherited_locks()
    _die_with_parent(parent_pid)


class LocalPool:
    """A pool of ``workers`` processes of this machine, started once per run (each loads the
    models once). An exception or interrupt in the main process kills them at once."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),))

    def map(self, fn: Callable, tasks: Iterable) -> Iterator[tuple[int, object]]:
        pending: dict = {}
        todo = enumerate(tasks)
        try:
            for i, task in todo:
                pending[self.pool.submit(fn, task)] = i
                if len(pending) >= self.workers * TASKS_PER_WORKER:
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    i = pending.pop(f)
                    yield i, f.result()
                for i, task in todo:
                    pending[self.pool.submit(fn, task)] = i
                    if len(pending) >= self.workers * TASKS_PER_WORKER:
                        break
        except BaseException:
            self.kill()
            raise

    def kill(self) -> None:
        """End the workers now (SIGKILL to each process this pool started): a worker holds
        nothing a kill can leave half-written (every file it writes is renamed into place)."""
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        for p in procs:
            if p.is_alive():
                p.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            p.join(timeout=5)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


class DaskCluster:
    """Tasks on a Dask cluster: the scheduler at ``address``, or a LocalCluster of ``workers``
    single-threaded processes when no address is given. Workers read INPUT_DIR and write OUT_DIR
    themselves, so on a real cluster both must be paths every worker sees (a shared file system)."""

    def __init__(self, address: str | None, workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ImportError('the Dask engine needs dask and distributed: pip install "extract[dask]"') from None
        self.cluster = None
        if address:
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def map(self, fn: Callable, tasks: Iterable) -> Iterator[tuple[int, object]]:
        from dask.distributed import as_completed

        todo = enumerate(tasks)
        index = {}
        batch = as_completed()
        try:
            for i, task in todo:
                f = self.client.submit(fn, task, pure=False)
                index[f.key] = i
                batch.add(f)
                if len(index) >= self.workers * TASKS_PER_WORKER:
                    break
            for f in batch:
                i = index.pop(f.key)
                yield i, f.result()
                f.release()
                for j, task in todo:
                    g = self.client.submit(fn, task, pure=False)
                    index[g.key] = j
                    batch.add(g)
                    break
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def start(engine: str, workers: int, scheduler: str | None = None):
    """The engine a run asked for: "local" (in this process for one worker, else a pool) or "dask"."""
    if engine == "dask":
        return DaskCluster(scheduler, workers)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    return InProcess() if workers <= 1 else LocalPool(workers)
