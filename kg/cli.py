"""The command line, and the one module that prints.

    kg build [PATH ...] [--out DIR] [--jobs N] [--engine local|dask [--scheduler ADDR]] [--no-cache] [--strict]
    kg query find NAME | posts [--region R] | agreements [--sides R ...] | timeline | path A B | evidence A B | summary
             [--out DIR] [--format table|csv|json]
    kg show ENTITY [--out DIR] [--format table|csv|json]

Exit status of build: 0 when every input was read, 1 when none could be, 2 on partial failure with --strict.
"""
from __future__ import annotations

import argparse
import os
import json
import sys
from pathlib import Path

from kg.errors import KgError


def _progress_bar(stream=sys.stderr):
    """A progress bar on stderr for runs long enough to want one (and only on a terminal)."""
    def show(done: int, total: int) -> None:
        if total < 20 or not stream.isatty():
            return
        width = 30
        filled = width * done // total
        stream.write(f"\rextracting [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            stream.write("\n")
        stream.flush()
    return show


def cmd_build(a: argparse.Namespace) -> int:
    from collections import Counter

    from kg.articles import NOTES
    from kg.graph import summary
    from kg.pipeline import build

    if not a.paths and not Path("seeds").is_dir():
        print("kg: no PATH given and there is no seeds/ folder here; give the articles to read "
              "(kg build FOLDER_OR_FILE ...) or run kg build from the project folder", file=sys.stderr)
        return 1
    result = build(a.paths or ["seeds"], a.out, progress=_progress_bar(), jobs=a.jobs,
                   engine=a.engine, scheduler=a.scheduler, cache=not a.no_cache)
    for p in result.problems:
        print(f"kg: {p}", file=sys.stderr)
    skipped = [p for p in result.problems if p.kind not in NOTES]
    if not result.articles_read:
        print(f"kg: no article could be read; no graph was written (why: {a.out / 'report.json'})", file=sys.stderr)
        return 1
    status = 2 if a.strict and skipped else 0
    s = summary(result.graph)
    ents = sum(len(x.entities) for x in result.digests)
    rels = sum(len(x.relations) for x in result.digests)
    print(f"read {result.articles_read} articles; extracted {ents} entities and {rels} relations")
    print("nodes: " + ", ".join(f"{k} {v}" for k, v in sorted(s["nodes"].items())))
    print("edges: " + ", ".join(f"{k} {v}" for k, v in sorted(s["edges"].items())))
    reasons = Counter(m.reason.split(":")[0] for m in result.merges)
    if reasons:
        print("merges: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) + " (each in report.json)")
    if skipped:
        print(f"skipped {len(skipped)} inputs (each in report.json)")
    timing = ", ".join(f"{name} {sec:.2f}s" for name, sec in result.seconds)
    if timing:
        print(f"time: {timing}; {result.extracted} articles extracted, {result.cached} from the cache")
    for p in result.outputs:
        print(f"wrote {p}")
    return status


def _print_table(df, fmt: str) -> None:
    if fmt == "csv":
        print(df.to_csv(index=False), end="")
    elif fmt == "json":
        print(df.to_json(orient="records", force_ascii=False))
    elif df.empty:
        print("(nothing found)")
    else:
        print(df.to_string(index=False, max_colwidth=40))


def cmd_query(a: argparse.Namespace) -> int:
    from kg import query

    g = query.load(a.out)
    asks = {"find": lambda: query.find(g, a.name),
            "posts": lambda: query.posts(g, region=a.region),
            "agreements": lambda: query.agreements(g, sides=a.sides),
            "timeline": lambda: query.timeline(g),
            "path": lambda: query.path(g, a.a, a.b),
            "evidence": lambda: query.evidence(g, a.a, a.b),
            "summary": lambda: query.summary(g).reset_index()}
    _print_table(asks[a.question](), a.format)
    return 0


def cmd_show(a: argparse.Namespace) -> int:
    from kg import query

    g = query.load(a.out)
    about = query.entity(g, a.entity)
    around = query.neighbourhood(g, a.entity)
    if a.format == "json":
        print(json.dumps({"entity": json.loads(about.to_json(force_ascii=False)),
                          "relations": json.loads(around.to_json(orient="records", force_ascii=False))}, ensure_ascii=False))
        return 0
    if a.format == "csv":
        _print_table(about.rename_axis("attribute").reset_index(name="value"), a.format)
        print()
    else:
        print(about.to_string())
        print()
    _print_table(around.drop(columns=["source", "target"]), a.format)
    return 0


def _add_reading(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default=None, type=Path, help="the folder a build wrote (default: $KG_OUT, else out)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="how to print (default: table)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese news articles.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract entities and relations and write the graph")
    b.add_argument("paths", nargs="*", help=".txt files, folders of them, or .jsonl files (default: seeds)")
    b.add_argument("--out", default="out", type=Path, help="output folder (default: out)")
    b.add_argument("--jobs", type=int, default=0, help="extraction processes (default: all cores)")
    b.add_argument("--engine", choices=("local", "dask"), default="local", help="where to run extraction")
    b.add_argument("--scheduler", help="dask scheduler address (with --engine dask)")
    b.add_argument("--no-cache", action="store_true", help="re-extract every article, ignoring the cache")
    b.add_argument("--strict", action="store_true", help="exit 2 when some inputs could not be read")
    b.set_defaults(func=cmd_build)
    q = sub.add_parser("query", help="ask the built graph a question")
    asks = q.add_subparsers(dest="question", required=True)
    ask = asks.add_parser("find", help="entities with this name or alias, in either script")
    ask.add_argument("name")
    ask = asks.add_parser("posts", help="who holds which post where")
    ask.add_argument("--region", help="only persons or organisations of this region (HK, SD, MO, CN, INTL)")
    ask = asks.add_parser("agreements", help="agreements with their parties and dates")
    ask.add_argument("--sides", nargs="*", default=[], metavar="REGION",
                     help="only agreements with a party of each of these regions, e.g. --sides SD HK")
    asks.add_parser("timeline", help="dated events and agreements in order")
    for what, text in (("path", "the shortest chain of relations between two entities"),
                       ("evidence", "the sentence and article behind each relation between two entities")):
        ask = asks.add_parser(what, help=text)
        ask.add_argument("a")
        ask.add_argument("b")
    asks.add_parser("summary", help="node counts by type and region")
    for ask in asks.choices.values():
        _add_reading(ask)
    q.set_defaults(func=cmd_query)
    s = sub.add_parser("show", help="one entity: its attributes and every relation around it, with evidence")
    s.add_argument("entity", help="a node id or any name of the entity")
    _add_reading(s)
    s.set_defaults(func=cmd_show)
    a = ap.parse_args(argv)
    try:
        return a.func(a)
    except KgError as err:
        print(f"kg: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped early (kg build | head): not an error of kg's
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
