"""The extraction cache: keyed by article content and rule version, so that a rebuild re-extracts
only new or changed articles, and a rule or data change re-extracts everything."""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from kg import cache, pipeline
from kg.model import Article
from test_pipeline import files, variants

KG = Path(cache.__file__).resolve().parent


def test_cache_adding_ten_articles_extracts_only_those_ten(tmp_path):
    corpus = variants(30)
    pipeline.build_articles(corpus[:20], tmp_path, jobs=1)
    b = pipeline.build_articles(corpus, tmp_path, jobs=1)
    assert (b.extracted, b.cached, b.articles_read) == (10, 20, 30)


def test_cache_changed_article_is_re_extracted(tmp_path):
    corpus = variants(4)
    pipeline.build_articles(corpus, tmp_path, jobs=1)
    corpus[2] = dataclasses.replace(corpus[2], text=corpus[2].text + "山东省与香港签署合作协议。\n")
    b = pipeline.build_articles(corpus, tmp_path, jobs=1)
    assert (b.extracted, b.cached) == (1, 3)


def test_cache_hit_writes_the_same_bytes_as_a_fresh_build(tmp_path):
    corpus = variants(5)
    pipeline.build_articles(corpus, tmp_path / "fresh", jobs=1, cache=False)
    pipeline.build_articles(corpus, tmp_path / "cached", jobs=1)
    b = pipeline.build_articles(corpus, tmp_path / "cached", jobs=1)
    assert b.cached == 5
    assert files(tmp_path / "cached") == files(tmp_path / "fresh")


def test_cache_off_extracts_everything_and_writes_no_cache(tmp_path):
    corpus = variants(3)
    pipeline.build_articles(corpus, tmp_path, jobs=1)
    shutil.rmtree(tmp_path / cache.FOLDER)
    b = pipeline.build_articles(corpus, tmp_path, jobs=1, cache=False)
    assert (b.extracted, b.cached) == (3, 0)
    assert not (tmp_path / cache.FOLDER).exists()


def test_cache_entry_round_trips(tmp_path):
    a = variants(1)[0]
    x = pipeline.extract_article(a)
    store = cache.Cache(tmp_path, "v")
    store.put(x)
    assert store.get(a) == x


def test_cache_hit_carries_the_article_as_read_now(tmp_path):
    a = variants(1)[0]
    store = cache.Cache(tmp_path, "v")
    store.put(pipeline.extract_article(a))
    moved = dataclasses.replace(a, id="renamed", path="elsewhere/renamed.txt")
    assert store.get(moved).article == moved


@pytest.mark.parametrize("change", [
    {"id": "other"}, {"path": "other.txt"},
], ids=["id", "path"])
def test_cache_key_ignores_where_an_article_came_from(change):
    a = Article("a", "山东省", "2023-01-01", "t", "s", "a.txt")
    assert cache.content_key(dataclasses.replace(a, **change)) == cache.content_key(a)


@pytest.mark.parametrize("change", [
    {"text": "山东"}, {"published": "2023-01-02"}, {"published": None}, {"title": "u"}, {"source": None},
], ids=["text", "published", "published-unknown", "title", "source"])
def test_cache_key_changes_with_what_extraction_reads(change):
    a = Article("a", "山东省", "2023-01-01", "t", "s", "a.txt")
    assert cache.content_key(dataclasses.replace(a, **change)) != cache.content_key(a)


def test_cache_key_tells_empty_from_unknown():
    assert cache.content_key(Article("a", "x", "")) != cache.content_key(Article("a", "x", None))


@pytest.mark.parametrize("edited", ["extract/persons.py", "clean.py", "script.py", "doc.py", "resolve.py",
                                    "forms.py", "new_rules.py"],
                         ids=["extract", "clean", "script", "doc", "resolve", "forms", "a-new-module"])
def test_cache_rule_source_change_changes_the_version(tmp_path, edited):
    root = tmp_path / "kg"
    shutil.copytree(KG, root, ignore=shutil.ignore_patterns("__pycache__", "data"))
    before = cache.source_version(root)
    with open(root / edited, "a", encoding="utf-8") as fh:  # "a" creates a new module too
        fh.write("\n# a rule changed\n")
    assert cache.source_version(root) != before


def test_cache_unrelated_source_change_keeps_the_version(tmp_path):
    root = tmp_path / "kg"
    shutil.copytree(KG, root, ignore=shutil.ignore_patterns("__pycache__", "data"))
    before = cache.source_version(root)
    (root / "cli.py").write_text("# the command line changed\n", encoding="utf-8")
    (root / "export.py").write_text("# the writers changed\n", encoding="utf-8")
    assert cache.source_version(root) == before


def test_cache_lexicon_change_changes_the_version():
    assert cache.version("lexicon-a") != cache.version("lexicon-b")


def test_cache_prune_removes_only_other_versions(tmp_path):
    old = cache.Cache(tmp_path, "old")
    old.put(pipeline.extract_article(variants(1)[0]))
    new = cache.Cache(tmp_path, "new")
    new.put(pipeline.extract_article(variants(1)[0]))
    new.prune()
    assert sorted(p.name for p in (tmp_path / cache.FOLDER).iterdir()) == ["new"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."], ids=["empty", "garbage", "wrong-type"])
def test_cache_unreadable_entry_is_a_miss(tmp_path, content):
    a = variants(1)[0]
    store = cache.Cache(tmp_path, "v")
    path = store.path(cache.content_key(a))
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert store.get(a) is None
