"""The one module that calls every stage in order:
articles -> Doc -> extract -> resolve.within -> resolve.across -> graph -> export.

Extraction, the costly stage, runs per article through an engine (`kg.engines`: this process, a
pool of processes, or Dask) and through the cache (`kg.cache`); everything after it needs every
article and runs here. The output is the same bytes whatever the engine, job count or cache.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import networkx as nx

from kg import engines, export, graph, resolve
from kg.articles import Problem, read
from kg.cache import Cache, Entry, version
from kg.doc import Doc
from kg.extract import extract
from kg.lexicon import DATA, Lexicon, default
from kg.model import Article, Extraction

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class Build:
    articles_read: int
    extractions: tuple[Extraction, ...]
    graph: nx.MultiDiGraph
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]
    extracted: int = 0  # articles extracted in this build
    cached: int = 0  # articles whose extraction came from the cache
    seconds: tuple[tuple[str, float], ...] = ()  # (stage, wall-clock seconds), in stage order


@dataclass(slots=True)
class Stopwatch:
    """Wall-clock seconds per stage, in the order the stages ran."""

    laps: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.laps.append((name, time.perf_counter() - t))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a build runs, and back as it was after. A build
    makes millions of small records (mentions, entities, graph attributes) without reference cycles,
    which the collector would otherwise walk over and over (about a tenth of a build's time); the
    few cycles made meanwhile are collected once it is back on. Worker processes forked during the
    build inherit the pause."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def extract_article(article: Article, lex: Lexicon | None = None) -> Extraction:
    """One article through cleaning, extraction and within-article resolution."""
    doc = Doc.of(article)
    return resolve.within(doc, extract(doc, lex or default()))


@cache
def _lexicon(root: Path) -> Lexicon:
    return default() if root == DATA else Lexicon(root)


def extract_entry(article: Article, root: Path = DATA) -> Entry | str:
    """The extraction of one article without the article (what a worker sends back and the cache
    keeps), or the reason it failed. Module-level so that worker processes can run it."""
    try:
        return Entry.of(extract_article(article, _lexicon(root)))
    except Exception as err:  # noqa: BLE001 - one bad article never sinks a build
        return (f"extraction failed ({type(err).__name__}: {err}); the article is left out, "
                "please report it with the article")


@dataclass(frozen=True, slots=True)
class Extracted:
    extractions: tuple[Extraction, ...]
    problems: tuple[Problem, ...]
    extracted: int
    cached: int


def extract_all(articles: Sequence[Article], lex: Lexicon, progress: Progress | None = None, *,
                jobs: int = 0, engine: str = "local", scheduler: str | None = None,
                store: Cache | None = None) -> Extracted:
    """Every article's extraction, in the articles' order: from the cache when it has it, else from
    the engine (and then into the cache: written by the local engine's workers as they extract, so
    that it costs this process nothing; here for Dask, whose workers may not see this folder)."""
    hits = [store.get(a) if store else None for a in articles]
    todo = [a for a, hit in zip(articles, hits) if hit is None]
    cached = len(articles) - len(todo)
    if progress and cached:
        progress(cached, len(articles))
    step = (lambda done, _total: progress(cached + done, len(articles))) if progress else None
    workers_write = engine == "local"
    extractor = _Extractor(lex.root, store if workers_write else None)
    fresh = iter(engines.run(extractor, todo, engine=engine, jobs=jobs, scheduler=scheduler, progress=step))
    done, problems = [], []
    for article, hit in zip(articles, hits):
        if hit is not None:
            done.append(hit)
            continue
        got = next(fresh)
        if isinstance(got, str):
            problems.append(Problem(article.path or article.id, None, got, "extract"))
            continue
        x = got.attach(article)
        if store and not workers_write:
            store.put(x)
        done.append(x)
    return Extracted(tuple(done), tuple(problems), len(todo), cached)


@dataclass(frozen=True, slots=True)
class _Extractor:
    """extract_entry with the lexicon's folder bound, and the cache it writes each extraction into
    (if any): picklable, unlike a lambda."""

    root: Path
    store: Cache | None = None

    def __call__(self, article: Article) -> Entry | str:
        got = extract_entry(article, self.root)
        if self.store is not None and isinstance(got, Entry):
            self.store.put_entry(article, got)
        return got


def build(paths: Sequence[str | Path], out: str | Path, progress: Progress | None = None, *,
          jobs: int = 0, engine: str = "local", scheduler: str | None = None, cache: bool = True) -> Build:
    """Read, extract, resolve, build the graph and write it. `jobs` (0: all cores), `engine`,
    `scheduler` and `cache` choose how extraction runs; the output is the same whatever they are."""
    clock = Stopwatch()
    with collector_paused():
        with clock.stage("read"):
            got = read(paths)
        b = build_articles(got.articles, out, progress, jobs=jobs, engine=engine, scheduler=scheduler,
                           cache=cache, clock=clock)
        problems = got.problems + b.problems
        report = Path(out) / "report.json"  # written even when nothing could be read: it says why
        export.write_report(problems, resolve.merges(b.extractions), report)
    return Build(b.articles_read, b.extractions, b.graph, problems, b.outputs + (report,),
                 b.extracted, b.cached, tuple(clock.laps))


def build_articles(articles: Sequence[Article], out: str | Path, progress: Progress | None = None, *,
                   jobs: int = 0, engine: str = "local", scheduler: str | None = None, cache: bool = True,
                   clock: Stopwatch | None = None) -> Build:
    """`build` from articles already read."""
    clock = clock or Stopwatch()
    lex = default()
    out = Path(out)
    store = None
    if cache and articles:
        store = Cache(out, version(lex.version))
        store.prune()
    with collector_paused():
        with clock.stage("extract"):
            got = extract_all(articles, lex, progress, jobs=jobs, engine=engine, scheduler=scheduler, store=store)
        with clock.stage("resolve"):
            resolved = resolve.across(got.extractions)
        problems, extracted, cached = got.problems, got.extracted, got.cached
        del got  # the extractions before resolution: their entities are remade in `resolved`
        with clock.stage("graph"):
            g = graph.build(resolved)
        outputs = (out / "extractions.jsonl", out / "graph.graphml", out / "graph.gexf", out / "graph.json")
        with clock.stage("export"):
            if articles:
                export.write_extractions(resolved, outputs[0])
                export.write_graphs(g, graphml=outputs[1], gexf=outputs[2], node_link=outputs[3])
    return Build(len(articles), resolved, g, problems, outputs if articles else (),
                 extracted, cached, tuple(clock.laps))
