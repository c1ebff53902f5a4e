"""Graph writers (`kg.export.write_graphml`, `write_gexf`, `write_node_link`): time and peak memory
against the size of the graph.

    python benchmarks/bench_export.py                        # 10k and 100k nodes, 3 edges a node
    python benchmarks/bench_export.py --sizes 1000 20000
    python benchmarks/bench_export.py --against old/export.py  # the same table for another export.py

Synthetic, reproducible graph (seeded) with the attribute shapes `kg.graph.build` gives: every node
type, region, aliases, articles, mentions, merges, date values (so the timeline spans are computed),
edges with a relation type, an article, a sentence of evidence and its offsets, a title on
holds_position. Time is measured on a plain run; peak memory on a second run under tracemalloc (the
Python allocations the writer makes above the graph it is given, which is already in memory).
Streaming writers should keep the peak roughly flat as the graph grows.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from types import ModuleType

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg import export  # noqa: E402

KINDS = ("person", "organization", "place", "date", "event", "agreement")
RELATIONS = ("holds_position", "participated_in", "held_in", "party_to", "signed_at", "located_in")
REGIONS = ("SD", "HK", "OTHER", None)
CHARS = "山东香港青岛济南合作协议经贸交流会科技创新发展集团大学研究院商会中心王李张刘陈杨黄赵周"
WRITERS = ("write_graphml", "write_gexf", "write_node_link")


def synthetic(nodes: int, edges_per_node: int = 3, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of `nodes` nodes and about `edges_per_node` × `nodes` edges, shaped like kg's."""
    rnd = random.Random(seed)

    def word(lo: int, hi: int) -> str:
        return "".join(rnd.choice(CHARS) for _ in range(rnd.randint(lo, hi)))

    g = nx.MultiDiGraph()
    ids, dates = [], []
    for i in range(nodes):
        kind = KINDS[i % len(KINDS)]
        name = word(2, 10)
        node = f"{kind}:{name}{i}"
        attrs = {"type": kind, "label": name, "aliases": [word(2, 8) for _ in range(rnd.randint(0, 3))],
                 "articles": [f"{rnd.randrange(10**6):06d}_{rnd.getrandbits(64):016x}" for _ in range(rnd.randint(1, 4))],
                 "mentions": rnd.randint(1, 60), "peripheral": rnd.random() < 0.1,
                 "merges": sorted(rnd.sample(("exact", "script", "abbreviation", "ocr"), rnd.randint(1, 2)))}
        if kind in ("person", "organization", "place"):
            attrs["region"] = rnd.choice(REGIONS)
        if kind == "date":
            attrs["value"] = f"{rnd.randint(2015, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            dates.append(node)
        if kind == "agreement":
            attrs["title"] = name
            attrs["kind"] = rnd.choice(("备忘录", "协议", None))
        g.add_node(node, **attrs)
        ids.append(node)
    for u in ids:
        for _ in range(edges_per_node):
            dated = g.nodes[u]["type"] in ("event", "agreement") and dates and rnd.random() < 0.3
            v = rnd.choice(dates) if dated else rnd.choice(ids)
            rel = "on_date" if dated else rnd.choice(RELATIONS)
            start = rnd.randint(0, 5000)
            g.add_edge(u, v, type=rel, article=rnd.choice(g.nodes[u]["articles"]), evidence=word(30, 120),
                       evidence_start=start, evidence_end=start + rnd.randint(30, 120),
                       title=word(2, 4) if rel == "holds_position" else None)
    return g


def load(path: str | None) -> ModuleType:
    if path is None:
        return export
    spec = importlib.util.spec_from_file_location("export_under_test", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def measure(write, g: nx.MultiDiGraph, out: Path) -> tuple[float, float, int]:
    """(seconds, peak MB above the start, file bytes) of one writer on one graph."""
    t0 = time.perf_counter()
    write(g, out)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    write(g, out)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return seconds, peak / 2**20, out.stat().st_size


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="node counts")
    ap.add_argument("--edges-per-node", type=int, default=3)
    ap.add_argument("--against", help="benchmark this export.py instead of kg's (e.g. an older version)")
    args = ap.parse_args(argv)
    mod = load(args.against)
    print(f"writers from {mod.__file__}")
    print(f"{'nodes':>8} {'edges':>8} {'writer':16} {'seconds':>8} {'peak MB':>8} {'file MB':>8}")
    with tempfile.TemporaryDirectory(prefix="bench_export.") as tmp:
        for n in args.sizes:
            g = synthetic(n, args.edges_per_node)
            for name in WRITERS:
                seconds, peak, size = measure(getattr(mod, name), g, Path(tmp) / name)
                print(f"{n:>8} {g.number_of_edges():>8} {name:16} {seconds:>8.2f} {peak:>8.1f} {size / 2**20:>8.1f}",
                      flush=True)


if __name__ == "__main__":
    main()
