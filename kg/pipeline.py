"""The one module that calls every stage in order:
articles -> Doc -> extract -> resolve.within -> (Digest) -> resolve.across -> graph -> export.

Extraction, the costly stage, runs per article through an engine (`kg.engines`: this process, a
pool of processes, or Dask) and through the cache (`kg.cache`); everything after it needs every
article and runs here. The output is the same bytes whatever the engine, job count or cache.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
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
from kg.model import Article, Digest, Extraction

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class Build:
    articles_read: int
    digests: tuple[Digest, ...]  # each article's entities (in brief) and relations, resolved
    graph: nx.MultiDiGraph
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]
    merges: tuple[resolve.Merge, ...] = ()  # every join resolution made (report.json's merges)
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


def extract_each(articles: Sequence[Article], lex: Lexicon, progress: Progress | None = None, *,
                 jobs: int = 0, engine: str = "local", scheduler: str | None = None,
                 store: Cache | None = None) -> Iterator[tuple[Extraction | Problem, bool]]:
    """Every article's extraction (or the problem why it has none) and whether it came from the
    cache, one at a time in the articles' order: from the cache when it has it, else from the
    engine (and then into the cache: written by the local engine's workers as they extract, so that
    it costs this process nothing; here for Dask, whose workers may not see this folder)."""
    hits = [store.has(a) if store else False for a in articles]
    todo = [a for a, hit in zip(articles, hits) if not hit]
    cached = len(articles) - len(todo)
    if progress and cached:
        progress(cached, len(articles))
    step = (lambda done, _total: progress(cached + done, len(articles))) if progress else None
    workers_write = engine == "local"
    extractor = _Extractor(lex.root, store if workers_write else None)
    fresh = engines.stream(extractor, todo, engine=engine, jobs=jobs, scheduler=scheduler, progress=step)
    for article, hit in zip(articles, hits):
        if hit:
            x = store.get(article)
            if x is not None:
                yield x, True
                continue
            got = extract_entry(article, lex.root)  # an entry that cannot be read: extracted here
        else:
            got = next(fresh)
        if isinstance(got, str):
            yield Problem(article.path or article.id, None, got, "extract"), False
            continue
        x = got.attach(article)
        if store and (hit or not workers_write):
            store.put(x)
        yield x, False


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
        export.write_report(problems, b.merges, report)
    return Build(b.articles_read, b.digests, b.graph, problems, b.outputs + (report,), b.merges,
                 b.extracted, b.cached, tuple(clock.laps))


def build_articles(articles: Sequence[Article], out: str | Path, progress: Progress | None = None, *,
                   jobs: int = 0, engine: str = "local", scheduler: str | None = None, cache: bool = True,
                   clock: Stopwatch | None = None) -> Build:
    """`build` from articles already read. Each extraction is written out (its line of
    extractions.jsonl, nodes still open) and kept only as its digest as soon as it arrives."""
    clock = clock or Stopwatch()
    lex = default()
    out = Path(out)
    store = None
    if cache and articles:
        store = Cache(out, version(lex.version))
        store.prune()
    outputs = (out / "extractions.jsonl", out / "graph.graphml", out / "graph.gexf", out / "graph.json")
    digests, problems, extracted = [], [], 0
    with collector_paused(), ExitStack() as stack:
        lines = stack.enter_context(export.ExtractionLines(outputs[0])) if articles else None
        with clock.stage("extract"):
            for got, from_cache in extract_each(articles, lex, progress, jobs=jobs, engine=engine,
                                                scheduler=scheduler, store=store):
                extracted += not from_cache
                if isinstance(got, Problem):
                    problems.append(got)
                    continue
                lines.add(got)
                digests.append(Digest.of(got))
        with clock.stage("resolve"):
            digests = resolve.across(digests)
        with clock.stage("graph"):
            g = graph.build(digests)
        with clock.stage("export"):
            if articles:
                lines.finish(digests)
                export.write_graphs(g, graphml=outputs[1], gexf=outputs[2], node_link=outputs[3])
            merges = resolve.merges(digests)
    return Build(len(articles), digests, g, tuple(problems), outputs if articles else (), merges,
                 extracted, len(articles) - extracted, tuple(clock.laps))
