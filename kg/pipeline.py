"""The one module that calls every stage in order:
articles -> Doc -> extract -> resolve.within -> (Digest) -> resolve.across -> graph -> export.

Articles are read a chunk at a time (`CHUNK`): each chunk is extracted, each extraction written
out (its line of extractions.jsonl) and kept only as its digest (`Digest.of`: of the article's text
only its relations' evidence sentences), and the chunk is let go before the next is read; what a
build holds grows with the graph, not with the text read. Extraction, the costly stage, runs per article through an engine (`kg.engines`: this
process, a pool of processes, or Dask; one for the whole build) and through the cache
(`kg.cache`); everything after it needs every article and runs here. The output is the same bytes
whatever the engine, job count, chunk size or cache.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

import networkx as nx

from kg import engines, export, graph, resolve
from kg.articles import Chunk, Problem, chunks, count, stream
from kg.cache import Cache, Entry, version
from kg.doc import Doc
from kg.extract import extract
from kg.lexicon import DATA, Lexicon, default
from kg.model import Article, Digest, Extraction, remade

Progress = Callable[[int, int], None]  # (done, total)
T = TypeVar("T")
CHUNK = 1000  # articles read and extracted at a time: their text is let go before the next are read


@dataclass(frozen=True, slots=True)
class Build:
    articles_read: int
    digests: tuple[Digest, ...]  # each article's entities (in brief), relations and their evidence sentences, resolved; no text
    graph: nx.MultiDiGraph
    problems: tuple[Problem, ...]  # reading's, then extraction's
    outputs: tuple[Path, ...]
    merges: tuple[resolve.Merge, ...] = ()  # every join resolution made (report.json's merges)
    extracted: int = 0  # articles extracted in this build
    cached: int = 0  # articles whose extraction came from the cache
    seconds: tuple[tuple[str, float], ...] = ()  # (stage, wall-clock seconds), in stage order
    characters: int = 0  # of the articles' text


@dataclass(slots=True)
class Stopwatch:
    """Wall-clock seconds per stage, in the order the stages first ran; a stage run again (once per
    chunk) adds to its time."""

    laps: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.laps[name] = self.laps.get(name, 0.0) + time.perf_counter() - t

    def each(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """`items`, the time taken to get each added to stage `name`; none held once the next is asked for."""
        source = iter(items)
        while True:
            with self.stage(name):
                item = next(source, _END)
            if item is _END:
                return
            yield item
            del item


_END = object()


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
                 runner: engines.Engine, store: Cache | None = None) -> Iterator[tuple[Extraction | Problem, bool]]:
    """Every article's extraction (or the problem why it has none) and whether it came from the
    cache, one at a time in the articles' order: from the cache when it has it, else from the
    engine `runner` (and then into the cache: written by the local engine's workers as they extract,
    so that it costs this process nothing; here for Dask, whose workers may not see this folder)."""
    hits = [store.has(a) if store else False for a in articles]
    todo = [a for a, hit in zip(articles, hits) if not hit]
    cached = len(articles) - len(todo)
    if progress and cached:
        progress(cached, len(articles))
    step = (lambda done, _total: progress(cached + done, len(articles))) if progress else None
    workers_write = isinstance(runner, engines.Local)
    extractor = _Extractor(lex.root, store if workers_write else None)
    fresh = runner.stream(extractor, todo, step)
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
          jobs: int = 0, engine: str = "local", scheduler: str | None = None, cache: bool = True,
          chunk_size: int = CHUNK) -> Build:
    """Read, extract, resolve, build the graph and write it. `jobs` (0: all cores), `engine`,
    `scheduler` and `cache` choose how extraction runs, `chunk_size` how many articles are read at
    a time; the output is the same whatever they are. `progress` is told (done, total), the total
    counted from the files before reading (`kg.articles.count`) and exact once reading ends."""
    clock = Stopwatch()
    with collector_paused():
        expected = count(paths) if progress else 0
        b = _build(clock.each("read", chunks(stream(paths), chunk_size)), expected, out, progress, jobs=jobs,
                   engine=engine, scheduler=scheduler, cache=cache, clock=clock)
        report = Path(out) / "report.json"  # written even when nothing could be read: it says why
        export.write_report(b.problems, b.merges, report)
    return remade(b, outputs=b.outputs + (report,))


def build_articles(articles: Iterable[Article], out: str | Path, progress: Progress | None = None, *,
                   jobs: int = 0, engine: str = "local", scheduler: str | None = None, cache: bool = True,
                   chunk_size: int = CHUNK) -> Build:
    """`build` from articles already read (or read as they are asked for, when `articles` is an
    iterator: then no more than a chunk of them is held at once), without report.json."""
    expected = len(articles) if isinstance(articles, Sized) else 0
    return _build(chunks(articles, chunk_size), expected, out, progress, jobs=jobs, engine=engine,
                  scheduler=scheduler, cache=cache, clock=Stopwatch())


@dataclass(slots=True)
class _Tally:
    """How far a build is: articles read and extracted so far, and the total `progress` is told."""

    progress: Progress | None
    expected: int  # the articles expected before reading; 0 when unknown
    read: int = 0
    done: int = 0
    reading_ended: bool = False
    told: tuple[int, int] = (0, 0)

    @property
    def total(self) -> int:
        return self.read if self.reading_ended else max(self.expected, self.read)

    def tell(self, done_in_chunk: int, _chunk_total: int = 0) -> None:
        if self.progress:
            self.told = (self.done + done_in_chunk, self.total)
            self.progress(*self.told)

    def end(self) -> None:
        """The last word to `progress`: every article done (when any was read)."""
        if self.progress and self.read and self.told != (self.read, self.read):
            self.progress(self.read, self.read)


def _build(source: Iterable[Chunk], expected: int, out: str | Path, progress: Progress | None, *,
           jobs: int, engine: str, scheduler: str | None, cache: bool, clock: Stopwatch) -> Build:
    """The build of the articles `source` gives a chunk at a time. Each extraction is written out
    (its line of extractions.jsonl, nodes still open) and kept only as its digest as soon as it
    arrives. The cache and the output files are opened at the first article: no article, no output."""
    lex = default()
    out = Path(out)
    outputs = (out / "extractions.jsonl", out / "graph.graphml", out / "graph.gexf", out / "graph.json")
    tally = _Tally(progress, expected)
    digests: list[Digest] = []
    read_problems: list[Problem] = []
    extract_problems: list[Problem] = []
    extracted = characters = 0
    lines = store = None
    jieba_imported = False  # see _import_jieba
    with collector_paused(), ExitStack() as stack:
        runner = stack.enter_context(engines.of(engine, jobs=jobs, scheduler=scheduler))
        for chunk in source:
            tally.read += len(chunk.articles)
            tally.reading_ended = chunk.last
            read_problems += chunk.problems
            characters += sum(len(a.text) for a in chunk.articles)
            if chunk.articles and lines is None:
                lines = stack.enter_context(export.ExtractionLines(outputs[0]))
                store = _cache(out, lex) if cache else None
            with clock.stage("extract"):
                jieba_imported = jieba_imported or (_extracting(chunk.articles, store) and _import_jieba())
                for got, from_cache in extract_each(chunk.articles, lex, tally.tell, runner=runner, store=store):
                    extracted += not from_cache
                    if isinstance(got, Problem):
                        extract_problems.append(got)
                        continue
                    lines.add(got)
                    digests.append(Digest.of(got))
            tally.done += len(chunk.articles)
            chunk = got = None  # the loops' names would hold this chunk's articles while the next is read
        tally.end()
        with clock.stage("resolve"):
            digests = resolve.across(digests)
        with clock.stage("graph"):
            g = graph.build(digests)
        with clock.stage("export"):
            if lines is not None:
                lines.finish(digests)
                export.write_graphs(g, graphml=outputs[1], gexf=outputs[2], node_link=outputs[3])
            merges = resolve.merges(digests)
    return Build(tally.read, digests, g, tuple(read_problems + extract_problems), outputs if lines else (),
                 merges, extracted, tally.read - extracted, tuple(clock.laps.items()), characters)


def _import_jieba() -> bool:
    """Import jieba here (and say so) before the first article is extracted, from `_build`, whose
    frame holds no chunk once that is done: the frames of jieba's import stay in reference cycles
    while the collector is paused, and keep the frames it was called from alive, with what they hold
    (imported while the first article is extracted, it would hold that article's chunk to the end)."""
    import jieba  # noqa: F401 - kg.lexicon imports it at the first cut

    return True


def _extracting(articles: Sequence[Article], store: Cache | None) -> bool:
    """Whether any of `articles` is to be extracted (is not in the cache)."""
    return bool(articles) and (store is None or not all(map(store.has, articles)))


def _cache(out: Path, lex: Lexicon) -> Cache:
    """The output folder's extraction cache for this version, other versions' entries removed."""
    store = Cache(out, version(lex.version))
    store.prune()
    return store
