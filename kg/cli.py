"""The command line, and the one module that prints.

    kg build [PATH ...] [--out DIR] [--jobs N] [--engine local|dask [--scheduler ADDR]] [--no-cache] [--strict]

Exit status of build: 0 when every input was read, 1 when none could be, 2 on partial failure with --strict.
"""
from __future__ import annotations

import argparse
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
    from kg.pipeline import build
    from kg.graph import summary

    result = build(a.paths or ["seeds"], a.out, progress=_progress_bar(), jobs=a.jobs,
                   engine=a.engine, scheduler=a.scheduler, cache=not a.no_cache)
    for p in result.problems:
        print(f"kg: {p}", file=sys.stderr)
    if not result.articles_read:
        print("kg: no article could be read; nothing was written", file=sys.stderr)
        return 1
    if a.strict and result.problems:
        status = 2
    else:
        status = 0
    s = summary(result.graph)
    ents = sum(len(x.entities) for x in result.extractions)
    rels = sum(len(x.relations) for x in result.extractions)
    print(f"read {result.articles_read} articles; extracted {ents} entities and {rels} relations")
    print("nodes: " + ", ".join(f"{k} {v}" for k, v in sorted(s["nodes"].items())))
    print("edges: " + ", ".join(f"{k} {v}" for k, v in sorted(s["edges"].items())))
    for p in result.outputs:
        print(f"wrote {p}")
    return status


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
    a = ap.parse_args(argv)
    try:
        return a.func(a)
    except KgError as err:
        print(f"kg: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
