"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

An engine maps a picklable function over items and returns the results in the items' order,
whatever order they complete in, so the output never depends on the engine or the job count.
Items travel in batches (a Dask partition, a pool task) to keep the per-item overhead small.

    local  `jobs` processes (0: every core); in this process when jobs is 1 or the input is small
    dask   a `dask.distributed` scheduler at an address, or a LocalCluster when none is given;
           needs the `dask` extra (pip install 'kg[dask]') and kg installed on every worker
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TypeVar

from kg.errors import KgError

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]  # (done, total)

ENGINES = ("local", "dask")
IN_PROCESS_BELOW = 20  # fewer items than this run in this process: a pool costs more than it saves
MAX_BATCH = 64  # items per batch at most
BATCHES_PER_WORKER = 8  # at least this many batches per worker, so that slow batches even out


class EngineError(KgError):
    """An engine that cannot be used as asked (unknown name, missing extra, unreachable scheduler)."""


def workers(jobs: int) -> int:
    """The number of processes for `jobs` (0 or less: every core)."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def batches(items: Sequence[T], n_workers: int) -> list[Sequence[T]]:
    """Consecutive slices of items, about BATCHES_PER_WORKER per worker, at most MAX_BATCH long."""
    size = max(1, min(MAX_BATCH, -(-len(items) // (n_workers * BATCHES_PER_WORKER))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def apply_batch(fn: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    return [fn(x) for x in batch]


def run(fn: Callable[[T], R], items: Sequence[T], *, engine: str = "local", jobs: int = 0,
        scheduler: str | None = None, progress: Progress | None = None) -> list[R]:
    """fn over items, results in the items' order. `fn` must be a module-level function."""
    return list(stream(fn, items, engine=engine, jobs=jobs, scheduler=scheduler, progress=progress))


def stream(fn: Callable[[T], R], items: Sequence[T], *, engine: str = "local", jobs: int = 0,
           scheduler: str | None = None, progress: Progress | None = None) -> Iterator[R]:
    """`run`, one result at a time in the items' order, each as soon as it and those before it are
    done: the caller can use and drop each result instead of holding them all. An engine that
    cannot be used as asked raises here, before any item runs."""
    if engine == "local":
        if scheduler:
            raise EngineError(f"a scheduler ({scheduler}) was given to the local engine; "
                              "add --engine dask to use it, or drop --scheduler")
        return stream_local(fn, items, jobs=jobs, progress=progress)
    if engine == "dask":
        return stream_dask(fn, items, scheduler=scheduler, jobs=jobs, progress=progress)
    raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def run_local(fn: Callable[[T], R], items: Sequence[T], *, jobs: int = 0,
              progress: Progress | None = None) -> list[R]:
    return list(stream_local(fn, items, jobs=jobs, progress=progress))


def stream_local(fn: Callable[[T], R], items: Sequence[T], *, jobs: int = 0,
                 progress: Progress | None = None) -> Iterator[R]:
    n = min(workers(jobs), len(items))
    if n <= 1 or len(items) < IN_PROCESS_BELOW:
        for i, x in enumerate(items, 1):
            got = fn(x)
            if progress:
                progress(i, len(items))
            yield got
        return
    done = 0
    with ProcessPoolExecutor(max_workers=n, mp_context=_context()) as pool:
        for batch in pool.map(partial(apply_batch, fn), batches(items, n)):  # in submission order
            done += len(batch)
            if progress:
                progress(done, len(items))
            yield from batch


def _context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (POSIX, this process has one thread): workers start at once with the
    lexicon already loaded. forkserver when threads run here (a Dask client, say), since a fork
    copies locks those threads may hold; spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_dask(fn: Callable[[T], R], items: Sequence[T], *, scheduler: str | None = None, jobs: int = 0,
             progress: Progress | None = None) -> list[R]:
    return list(stream_dask(fn, items, scheduler=scheduler, jobs=jobs, progress=progress))


def stream_dask(fn: Callable[[T], R], items: Sequence[T], *, scheduler: str | None = None, jobs: int = 0,
                progress: Progress | None = None) -> Iterator[R]:
    """A map over partitions on a Dask cluster; the results come back here, in order."""
    try:
        import distributed  # noqa: F401 - here, so that a missing extra is said before any work
    except ImportError as err:
        raise EngineError("the dask engine needs dask.distributed: pip install 'kg[dask]'") from err
    return _dask_results(fn, items, scheduler, jobs, progress) if items else iter(())


def _dask_results(fn: Callable[[T], R], items: Sequence[T], scheduler: str | None, jobs: int,
                  progress: Progress | None) -> Iterator[R]:
    """stream_dask's results: each partition's, in order, as soon as those before it are in."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=workers(jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=":0")  # any free port: 8787 may be taken
            client = Client(cluster)
    except OSError as err:
        raise EngineError(f"cannot reach the dask scheduler at {scheduler}: {err}; "
                          "check the address (tcp://HOST:8786) and that the scheduler is running") from err
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers(jobs))
        parts = batches(items, n)
        data = client.scatter([list(p) for p in parts])
        futures = client.map(partial(apply_batch, fn), data, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: dict[int, list] = {}  # partitions in, not yet given out
        done, given = 0, 0
        for fut in as_completed(futures):
            results[index[fut.key]] = fut.result()
            done += len(parts[index[fut.key]])
            if progress:
                progress(done, len(items))
            while given in results:
                yield from results.pop(given)
                given += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
