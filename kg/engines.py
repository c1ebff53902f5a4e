"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

An engine maps a picklable function over items and returns the results in the items' order,
whatever order they complete in, so the output never depends on the engine or the job count.
Items travel in batches (a Dask partition, a pool task) to keep the per-item overhead small.
`of(name)` gives an engine to map over several runs of items in turn on the same processes
(`with engines.of("local", jobs=2) as e: e.stream(fn, items)`); `run` and `stream` map once.

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
    return _closing(of(engine, jobs=jobs, scheduler=scheduler), fn, items, progress)


def _closing(e: Engine, fn: Callable[[T], R], items: Sequence[T], progress: Progress | None) -> Iterator[R]:
    with e:
        yield from e.stream(fn, items, progress)


def of(engine: str = "local", *, jobs: int = 0, scheduler: str | None = None) -> Engine:
    """The engine named, not started yet: a context manager whose `stream` can be called again and
    again (a build calls it once per chunk of articles) on the same processes or cluster, which
    start at the first call with enough items and stop on the way out. Raises an `EngineError` for
    an engine that cannot be used as asked."""
    if engine == "local":
        if scheduler:
            raise EngineError(f"a scheduler ({scheduler}) was given to the local engine; "
                              "add --engine dask to use it, or drop --scheduler")
        return Local(jobs)
    if engine == "dask":
        try:
            import distributed  # noqa: F401 - here, so that a missing extra is said before any work
        except ImportError as err:
            raise EngineError("the dask engine needs dask.distributed: pip install 'kg[dask]'") from err
        return Dask(scheduler, jobs)
    raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


class Local:
    """`jobs` local processes (0: every core), or this process when jobs is 1 or the items are few.
    The pool starts at the first `stream` that needs it, with as many processes as it has items at
    most, and serves every later one."""

    def __init__(self, jobs: int = 0) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        self._size = 0

    def __enter__(self) -> "Local":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def stream(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress | None = None) -> Iterator[R]:
        if self._pool is None and (min(workers(self.jobs), len(items)) <= 1 or len(items) < IN_PROCESS_BELOW):
            return _in_process(fn, items, progress)
        if self._pool is None:
            self._size = min(workers(self.jobs), len(items))
            self._pool = ProcessPoolExecutor(max_workers=self._size, mp_context=_context())
        return _pooled(self._pool, self._size, fn, items, progress)


def _in_process(fn: Callable[[T], R], items: Sequence[T], progress: Progress | None) -> Iterator[R]:
    for i, x in enumerate(items, 1):
        got = fn(x)
        if progress:
            progress(i, len(items))
        yield got


def _pooled(pool: ProcessPoolExecutor, size: int, fn: Callable[[T], R], items: Sequence[T],
            progress: Progress | None) -> Iterator[R]:
    done = 0
    for batch in pool.map(partial(apply_batch, fn), batches(items, size)):  # in submission order
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


class Dask:
    """A map over partitions on a Dask cluster: the scheduler at `scheduler`, or a LocalCluster of
    `jobs` workers started at the first `stream` with items. The results come back here, in order."""

    def __init__(self, scheduler: str | None = None, jobs: int = 0) -> None:
        self.scheduler = scheduler
        self.jobs = jobs
        self._client = None
        self._cluster = None

    def __enter__(self) -> "Dask":
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def stream(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress | None = None) -> Iterator[R]:
        return self._results(fn, items, progress) if items else iter(())

    def _connect(self):
        from distributed import Client, LocalCluster

        if self._client is not None:
            return self._client
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(n_workers=workers(self.jobs), threads_per_worker=1, processes=True,
                                             dashboard_address=":0")  # any free port: 8787 may be taken
                self._client = Client(self._cluster)
        except OSError as err:
            raise EngineError(f"cannot reach the dask scheduler at {self.scheduler}: {err}; check the "
                              "address (tcp://HOST:8786) and that the scheduler is running") from err
        return self._client

    def _results(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress | None) -> Iterator[R]:
        """Each partition's results, in order, as soon as those before it are in."""
        from distributed import as_completed

        client = self._connect()
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers(self.jobs))
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


Engine = Local | Dask
