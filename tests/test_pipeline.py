"""The pipeline: every stage in order, counts of what was extracted and cached, stage timings, and
failures of one article reported without sinking the build."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import seed_article, seed_ids
from kg import pipeline
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
