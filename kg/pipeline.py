"""The one module that calls every stage in order:
articles -> Doc -> extract -> resolve.within -> resolve.across -> graph -> export."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg import export, graph, resolve
from kg.articles import Problem, read
from kg.doc import Doc
from kg.extract import extract
from kg.lexicon import Lexicon, default
from kg.model import Article, Extraction

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class Build:
    articles_read: int
    extractions: tuple[Extraction, ...]
    graph: nx.MultiDiGraph
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]


def extract_article(article: Article, lex: Lexicon | None = None) -> Extraction:
    """One article through cleaning, extraction and within-article resolution."""
    doc = Doc.of(article)
    return resolve.within(doc, extract(doc, lex or default()))


def extract_all(articles: Sequence[Article], lex: Lexicon, progress: Progress | None = None
                ) -> tuple[list[Extraction], list[Problem]]:
    done, problems = [], []
    for n, article in enumerate(articles, 1):
        try:
            done.append(extract_article(article, lex))
        except Exception as err:  # noqa: BLE001 - one bad article never sinks a build
            problems.append(Problem(article.path or article.id, None,
                                    f"extraction failed ({type(err).__name__}: {err}); the article is left out, "
                                    "please report it with the article", "extract"))
        if progress:
            progress(n, len(articles))
    return done, problems


def build(paths: Sequence[str | Path], out: str | Path, progress: Progress | None = None, *,
          jobs: int = 0, engine: str = "local", scheduler: str | None = None, cache: bool = True) -> Build:
    """Read, extract, resolve, build the graph and write it. `jobs` (0: all cores), `engine`,
    `scheduler` and `cache` choose how extraction runs; the output is the same whatever they are."""
    lex = default()
    got = read(paths)
    extractions, problems = extract_all(got.articles, lex, progress)
    resolved = resolve.across(extractions)
    g = graph.build(resolved)
    out = Path(out)
    outputs = (out / "extractions.jsonl", out / "graph.graphml")
    if got.articles:
        export.write_extractions(resolved, outputs[0])
        export.write_graphml(g, outputs[1])
    return Build(len(got.articles), resolved, g, got.problems + tuple(problems), outputs if got.articles else ())
