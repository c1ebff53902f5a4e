"""The pipeline: every stage in order, counts of what was extracted and cached, stage timings,
failures of one article reported without sinking the build, and articles read a chunk at a time."""
from __future__ import annotations

import pickle
import weakref
from pathlib import Path

import pytest

from conftest import seed_article, seed_ids
from kg import engines, pipeline
from kg.model import Article
from kg.script import to_traditional

STAGES = ("extract", "resolve", "graph", "export")


def variants(n: int) -> list[Article]:
    """n short articles from the seeds: paragraphs rotated, every other one in traditional script."""
    seeds = [seed_article(i) for i in seed_ids()]
    out = []
    for k in range(n):
        lines = [l for l in seeds[k % len(seeds)].text.splitlines() if l.strip()]
        r = (k // len(seeds)) % len(lines)
        text = "\n".join((lines[r:] + lines[:r])[:10]) + "\n"
        out.append(Article(f"v{k:02d}", to_traditional(text) if k % 2 else text, "2023-10-24"))
    return out


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_pipeline_build_counts_extracted_then_cached(tmp_path):
    arts = variants(6)
    first = pipeline.build_articles(arts, tmp_path, jobs=1)
    before = files(tmp_path)
    second = pipeline.build_articles(arts, tmp_path, jobs=1)
    assert (first.extracted, first.cached, second.extracted, second.cached) == (6, 0, 0, 6)
    assert files(tmp_path) == before


def test_pipeline_build_times_each_stage(tmp_path):
    b = pipeline.build_articles(variants(2), tmp_path, jobs=1)
    assert tuple(name for name, _ in b.seconds) == STAGES
    assert all(s >= 0 for _, s in b.seconds)


def test_pipeline_build_reads_paths_and_times_reading(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for a in variants(3):
        (src / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    b = pipeline.build([src], tmp_path / "out", jobs=1)
    assert (b.articles_read, b.extracted, b.seconds[0][0]) == (3, 3, "read")
    assert all(p.exists() for p in b.outputs)


def test_pipeline_failed_article_is_a_problem_and_left_out(tmp_path, monkeypatch):
    real = pipeline.extract_article

    def flaky(article, lex=None):
        if article.id == "v01":
            raise ValueError("boom")
        return real(article, lex)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    b = pipeline.build_articles(variants(3), tmp_path, jobs=1)
    assert [x.article.id for x in b.digests] == ["v00", "v02"]
    assert len(b.problems) == 1 and "ValueError: boom" in b.problems[0].message
    assert b.extracted == 3


def test_pipeline_failed_article_is_not_cached(tmp_path, monkeypatch):
    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda a, lex=None: (_ for _ in ()).throw(ValueError("x")))
    pipeline.build_articles(variants(2), tmp_path, jobs=1)
    monkeypatch.setattr(pipeline, "extract_article", real)
    again = pipeline.build_articles(variants(2), tmp_path, jobs=1)
    assert (again.extracted, again.cached, len(again.problems)) == (2, 0, 0)


def test_pipeline_no_articles_writes_nothing(tmp_path):
    b = pipeline.build_articles([], tmp_path / "out", jobs=1)
    assert (b.articles_read, b.outputs, b.extracted) == (0, (), 0)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("n", [0, 3], ids=["no-articles", "three"])
def test_pipeline_progress_reaches_the_total(tmp_path, n):
    seen = []
    pipeline.build_articles(variants(n), tmp_path, lambda done, total: seen.append((done, total)), jobs=1)
    assert seen[-1:] == ([(n, n)] if n else [])


# -- streaming: a chunk of articles at a time -------------------------------------------------------

class Tracked(Article):
    """An article a weak reference can follow, to tell when the build has let it go."""

    __slots__ = ("__weakref__",)


def tracked_reader(arts: list[Article], alive_at_each_read: list[int]):
    """The articles one at a time, noting before each how many of those given before are still held."""
    refs = []
    for a in arts:
        alive_at_each_read.append(sum(r() is not None for r in refs))
        t = Tracked(a.id, a.text, a.published, a.title, a.source, a.path)
        refs.append(weakref.ref(t))
        yield t
        del t


@pytest.mark.parametrize("chunk_size,most_held", [(3, 3), (1, 1)], ids=["chunks-of-three", "chunks-of-one"])
def test_pipeline_build_holds_one_chunk_of_articles(tmp_path, chunk_size, most_held):
    alive = []
    b = pipeline.build_articles(tracked_reader(variants(10), alive), tmp_path, jobs=1, cache=False,
                                chunk_size=chunk_size)
    assert b.articles_read == 10
    assert max(alive) <= most_held  # no more than the chunk being read


def test_pipeline_build_of_one_chunk_holds_every_article(tmp_path):
    # the check above counts what it should: with every article in one chunk, none is let go early
    alive = []
    pipeline.build_articles(tracked_reader(variants(6), alive), tmp_path, jobs=1, cache=False, chunk_size=100)
    assert alive == [0, 1, 2, 3, 4, 5]


def write_corpus(folder: Path) -> Path:
    """Seven articles and the problems a reader meets: a duplicate id, a duplicate text in another
    chunk, an empty file and a manifest row naming a missing file."""
    arts = variants(7)
    folder.mkdir()
    for a in arts:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    (folder / "zz-copy.txt").write_text(arts[1].text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "sub" / "v03.txt").write_text(arts[4].text + "又及。\n", encoding="utf-8")
    (folder / "manifest.tsv").write_text("id\tfile\nv00\tv00.txt\ngone\tgone.txt\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("chunk_size", [1, 2, 3], ids=["one", "two", "three"])
def test_pipeline_chunked_build_is_byte_identical(tmp_path, chunk_size):
    src = write_corpus(tmp_path / "in")
    whole = pipeline.build([src], tmp_path / "whole", jobs=1, cache=False, chunk_size=1000)
    b = pipeline.build([src], tmp_path / "chunked", jobs=1, cache=False, chunk_size=chunk_size)
    assert files(tmp_path / "chunked") == files(tmp_path / "whole")
    assert b.problems == whole.problems
    assert [p.kind for p in b.problems] == ["manifest-missing-file", "empty", "duplicate-id", "duplicate-content"]


def test_pipeline_chunked_build_uses_the_cache_across_chunks(tmp_path):
    arts = variants(8)
    pipeline.build_articles(arts[:5], tmp_path, jobs=1, chunk_size=2)
    b = pipeline.build_articles(arts, tmp_path, jobs=1, chunk_size=3)
    assert (b.extracted, b.cached) == (3, 5)


def test_pipeline_digests_keep_the_evidence_not_the_text(tmp_path):
    arts = variants(3)
    b = pipeline.build_articles(arts, tmp_path, jobs=1, cache=False)
    assert all(x.article.text == "" for x in b.digests)
    x = next(x for x in b.digests if any(r.evidence for r in x.relations))
    text = arts[int(x.article.id[1:])].text
    assert x.evidence == tuple(text[r.evidence[0]:r.evidence[1]] if r.evidence else None for r in x.relations)


def test_pipeline_digest_survives_pickling(tmp_path):
    b = pipeline.build_articles(variants(2), tmp_path, jobs=1, cache=False)
    assert pickle.loads(pickle.dumps(b.digests)) == b.digests


def test_pipeline_progress_total_is_exact_once_reading_ends(tmp_path):
    src = write_corpus(tmp_path / "in")  # 10 .txt files, 7 articles read
    seen = []
    pipeline.build([src], tmp_path / "out", lambda d, t: seen.append((d, t)), jobs=1, cache=False, chunk_size=2)
    assert seen[0][1] == 10 and seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_pipeline_pool_serves_every_chunk(tmp_path, monkeypatch):
    started = []

    class Counted(engines.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(engines, "ProcessPoolExecutor", Counted)
    n = engines.IN_PROCESS_BELOW
    b = pipeline.build_articles(variants(3 * n), tmp_path, jobs=2, cache=False, chunk_size=n)
    assert (b.extracted, started) == (3 * n, [2])
