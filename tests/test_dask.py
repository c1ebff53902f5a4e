"""The Dask engine on a dask.distributed LocalCluster: the same output as a local build."""
from __future__ import annotations

import pytest

from kg import pipeline
from test_pipeline import files, variants

distributed = pytest.importorskip("distributed", reason="the dask engine needs the dask extra: pip install 'kg[dask]'")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:  # any free port: 8787 may be taken
        yield cluster.scheduler_address


def test_dask_build_is_byte_identical_to_local(tmp_path, scheduler):
    corpus = variants(24)
    pipeline.build_articles(corpus, tmp_path / "local", jobs=1, cache=False)
    b = pipeline.build_articles(corpus, tmp_path / "dask", engine="dask", scheduler=scheduler, cache=False)
    assert b.extracted == 24
    assert files(tmp_path / "dask") == files(tmp_path / "local")


def test_dask_build_uses_the_cache(tmp_path, scheduler):
    corpus = variants(12)
    pipeline.build_articles(corpus[:10], tmp_path, engine="dask", scheduler=scheduler)
    b = pipeline.build_articles(corpus, tmp_path, engine="dask", scheduler=scheduler)
    assert (b.extracted, b.cached) == (2, 10)


def test_dask_progress_reaches_the_total(tmp_path, scheduler):
    seen = []
    pipeline.build_articles(variants(8), tmp_path, lambda d, t: seen.append((d, t)), engine="dask",
                            scheduler=scheduler, cache=False)
    assert seen[-1] == (8, 8)
