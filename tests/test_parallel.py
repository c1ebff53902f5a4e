"""Parallel extraction: results in input order whatever the job count, so outputs are the same bytes."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg import engines, pipeline
from test_pipeline import files, variants

N = engines.IN_PROCESS_BELOW + 6  # enough articles that a pool is used


@pytest.fixture(scope="module")
def one_job(tmp_path_factory):
    out = tmp_path_factory.mktemp("one-job")
    pipeline.build_articles(variants(N), out, jobs=1, cache=False)
    return files(out)


@pytest.mark.parametrize("jobs", [2, 3, 0], ids=["two", "three", "all-cores"])
def test_parallel_output_is_byte_identical_whatever_jobs(tmp_path, one_job, jobs):
    b = pipeline.build_articles(variants(N), tmp_path, jobs=jobs, cache=False)
    assert b.extracted == N
    assert files(tmp_path) == one_job


def test_parallel_keeps_input_order():
    items = ["x" * (97 * k % 31) for k in range(200)]  # uneven work, many batches
    assert engines.run(len, items, engine="local", jobs=3) == [len(s) for s in items]


def test_parallel_small_input_runs_in_this_process():
    # a lambda cannot be sent to another process, so this passes only in-process
    assert engines.run(lambda s: s * 2, ["a", "b"], engine="local", jobs=4) == ["aa", "bb"]


@pytest.mark.parametrize("n,n_workers", [(0, 2), (1, 2), (25, 2), (1000, 2), (1000, 64)],
                         ids=["empty", "one", "few", "many", "many-workers"])
def test_parallel_batches_cover_items_in_order(n, n_workers):
    parts = engines.batches(list(range(n)), n_workers)
    assert [x for p in parts for x in p] == list(range(n))
    assert all(0 < len(p) <= engines.MAX_BATCH for p in parts)


@pytest.mark.parametrize("jobs,expected", [(3, 3), (1, 1)], ids=["given", "one"])
def test_parallel_workers_as_asked(jobs, expected):
    assert engines.workers(jobs) == expected


def test_parallel_workers_default_to_every_core():
    assert engines.workers(0) >= 1


def test_parallel_unknown_engine_is_an_error():
    with pytest.raises(engines.EngineError, match="unknown engine 'spark'"):
        engines.run(len, ["a"], engine="spark")


def test_parallel_scheduler_without_dask_is_an_error():
    with pytest.raises(engines.EngineError, match="--engine dask"):
        engines.run(len, ["a"], engine="local", scheduler="tcp://127.0.0.1:8786")


def test_parallel_output_does_not_depend_on_the_hash_seed(tmp_path):
    # workers started fresh (forkserver, Dask) hash strings differently from this process: an
    # extractor that iterated over a set of strings would make their output differ
    src = tmp_path / "in"
    src.mkdir()
    for a in variants(6):
        (src / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))",
                        "build", str(src), "--out", str(tmp_path / seed), "--jobs", "1", "--no-cache"],
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
    assert files(tmp_path / "1") == files(tmp_path / "2")
