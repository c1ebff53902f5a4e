"""Questions to ask a built graph: the helpers the notebook (notebooks/explore.ipynb) and
`kg query` / `kg show` call. Every answer is a pandas DataFrame, empty when nothing is found.

    g = load("out")                     # the graph `kg build` wrote (out/graph.json)
    find(g, "黃克強")                    # any name or alias, simplified or traditional
    top(g, region="SD")                 # the most mentioned actors
    neighbourhood(g, "黄克强")           # every relation around an entity, with its evidence
    posts(g, region="HK")               # who holds which post where
    agreements(g, sides=("SD", "HK"))   # agreements with a party on each side
    timeline(g)                         # dated events and agreements, in order
    path(g, "A", "B")                   # the shortest chain of relations between two entities
    evidence(g, "A", "B")               # the sentence and article behind each edge between two
    ego_svg(g, "A")                     # a picture of an entity's neighbourhood

An entity is named by its node id (`person:黄克强`) or by any of its names; see `resolve`.
"""
from __future__ import annotations

import html
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import pandas as pd

from kg import graph
from kg.errors import InputError, KgError
from kg.export import COLOURS, GREY
from kg.script import to_simplified

DEFAULT_OUT = "out"
ACTORS = ("person", "organization", "place")
DISPLAY = ("size", "r", "g", "b")  # Gephi's display properties, which export adds
NOT_DATES = ("person", "organization", "place", "event", "agreement")
EDGE_COLUMNS = ["source", "source_label", "relation", "target", "target_label", "title", "article",
                "evidence", "evidence_start", "evidence_end"]
QUOTES = re.compile(r"""
    [\s《》〈〉「」『』“”"'()（）【】\[\]]   # spaces, quotes and brackets around or inside a name
""", re.VERBOSE)


class UnknownEntity(KgError):
    """A name that matches no node of the graph."""


def load(out: str | Path | None = None) -> nx.MultiDiGraph:
    """The graph in `out/graph.json` (default: $KG_OUT, else `out`), with its edges' relation under
    `type` again, as `kg.graph.build` makes it."""
    folder = Path(out if out is not None else os.environ.get("KG_OUT", DEFAULT_OUT))
    path = folder / "graph.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise InputError(f"{path}: no graph here; run `kg build --out {folder}` first, "
                         "or point KG_OUT (or --out) at the folder a build wrote") from err
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: cannot read the graph ({err}); rebuild it with `kg build --out {folder}`") from err
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    for *_, d in g.edges(data=True):
        if "relation" in d:
            d["type"] = d.pop("relation")
    return g


def fold(name: str) -> str:
    """A name as compared: NFKC, simplified script, no spaces, quotes or brackets, lower case."""
    return QUOTES.sub("", to_simplified(unicodedata.normalize("NFKC", name))).lower()


def _names(n: str, d: dict) -> set[str]:
    return {fold(x) for x in (d.get("label") or "", *_aliases(d), n, n.split(":", 1)[-1]) if x}


def _aliases(d: dict) -> list[str]:
    a = d.get("aliases", [])
    return list(a) if isinstance(a, (list, tuple)) else [x for x in str(a).split("|") if x]


def find(g: nx.MultiDiGraph, name: str, *, types: Sequence[str] | None = None) -> pd.DataFrame:
    """Nodes that one of whose names is `name` (match `exact`), or contains it or is contained in it
    (`partial`), in either script; exact matches first, then by mentions."""
    q = fold(name)
    rows = []
    for n, d in g.nodes(data=True):
        if not q or (types and d.get("type") not in types):
            continue
        names = _names(n, d)
        match = "exact" if q in names else "partial" if any(q in x or (len(x) > 1 and x in q) for x in names) else None
        if match:
            rows.append({"node": n, "type": d.get("type"), "label": d.get("label"), "region": d.get("region"),
                         "aliases": "、".join(_aliases(d)), "mentions": d.get("mentions", 0), "match": match})
    df = pd.DataFrame(rows, columns=["node", "type", "label", "region", "aliases", "mentions", "match"])
    return df.sort_values(["match", "mentions"], ascending=[True, False], kind="stable").reset_index(drop=True)


def top(g: nx.MultiDiGraph, *, types: Sequence[str] = ACTORS, region: str | None = None, n: int = 10) -> pd.DataFrame:
    """The `n` most mentioned entities of these types (and this region)."""
    rows = [{"node": x, "type": d.get("type"), "label": d.get("label"), "region": d.get("region"),
             "aliases": "、".join(_aliases(d)), "mentions": d.get("mentions", 0)}
            for x, d in g.nodes(data=True) if d.get("type") in types and (region is None or d.get("region") == region)]
    df = pd.DataFrame(rows, columns=["node", "type", "label", "region", "aliases", "mentions"])
    return df.sort_values(["mentions", "node"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)


def resolve(g: nx.MultiDiGraph, name: str) -> str:
    """The node `name` stands for: the node id itself, else the best `find` match."""
    if name in g:
        return name
    hits = find(g, name)
    if hits.empty:
        raise UnknownEntity(f"{name!r}: no entity of the graph has this name; try `kg query find` with part of it")
    return str(hits.iloc[0]["node"])


def entity(g: nx.MultiDiGraph, name: str) -> pd.Series:
    """One entity's attributes (lists joined with 、), its id under `node`."""
    n = resolve(g, name)
    d = {k: v for k, v in g.nodes[n].items() if k not in DISPLAY}
    return pd.Series({"node": n, **{k: "、".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in d.items()}})


def _edge_rows(g: nx.MultiDiGraph, edges) -> pd.DataFrame:
    rows = [{"source": u, "source_label": g.nodes[u].get("label"), "relation": d.get("type"),
             "target": v, "target_label": g.nodes[v].get("label"), "title": d.get("title"),
             "article": d.get("article"), "evidence": d.get("evidence"),
             "evidence_start": d.get("evidence_start"), "evidence_end": d.get("evidence_end")}
            for u, v, d in edges]
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def neighbourhood(g: nx.MultiDiGraph, name: str, *, radius: int = 1) -> pd.DataFrame:
    """Every relation among the entities within `radius` steps of `name` (either direction)."""
    nodes = set(ego(g, name, radius=radius))
    return _edge_rows(g, ((u, v, d) for u, v, d in g.edges(data=True) if u in nodes and v in nodes))


def ego(g: nx.MultiDiGraph, name: str, *, radius: int = 1) -> nx.MultiDiGraph:
    """The subgraph of the entities within `radius` steps of `name`, edges in either direction."""
    return nx.ego_graph(g, resolve(g, name), radius=radius, undirected=True)


def evidence(g: nx.MultiDiGraph, a: str, b: str) -> pd.DataFrame:
    """Each relation between `a` and `b`, either way round, with its sentence and article."""
    u, v = resolve(g, a), resolve(g, b)
    edges = [(s, t, d) for s, t in ((u, v), (v, u)) if g.has_edge(s, t) for d in g[s][t].values()]
    return _edge_rows(g, edges)


def path(g: nx.MultiDiGraph, a: str, b: str, *, via: Sequence[str] = NOT_DATES) -> pd.DataFrame:
    """The shortest chain of relations from `a` to `b`, one row a step, edges taken either way round,
    passing only through nodes whose type is in `via` (default: not through dates, which link
    everything that happened on one day). Empty when they are not connected."""
    u, v = resolve(g, a), resolve(g, b)
    keep = {n for n, d in g.nodes(data=True) if d.get("type") in via} | {u, v}
    h = g.subgraph(keep).to_undirected(as_view=True)
    try:
        hops = nx.shortest_path(h, u, v)
    except nx.NetworkXNoPath:
        hops = []
    steps = []
    for s, t in zip(hops, hops[1:]):
        forward = [(s, t, d) for d in g[s][t].values()] if g.has_edge(s, t) else []
        steps.append((forward or [(t, s, d) for d in g[t][s].values()])[0])
    df = _edge_rows(g, steps)
    df.insert(0, "step", range(1, len(df) + 1))
    return df


def posts(g: nx.MultiDiGraph, *, region: str | None = None) -> pd.DataFrame:
    """Who holds which post where: one row a holds_position relation; `region` keeps rows whose
    person or organisation is of that region."""
    rows = []
    for u, v, d in g.edges(data=True):
        if d.get("type") != "holds_position":
            continue
        pu, pv = g.nodes[u], g.nodes[v]
        if region and region not in (pu.get("region"), pv.get("region")):
            continue
        rows.append({"person": pu.get("label"), "title": d.get("title"), "organization": pv.get("label"),
                     "person_region": pu.get("region"), "organization_region": pv.get("region"),
                     "article": d.get("article"), "evidence": d.get("evidence")})
    for n, d in g.nodes(data=True):  # posts whose organisation the articles do not name
        held = d.get("posts") or []
        for title in (held.split("|") if isinstance(held, str) else held):
            if region and region != d.get("region"):
                continue
            rows.append({"person": d.get("label"), "title": title, "organization": None,
                         "person_region": d.get("region"), "organization_region": None,
                         "article": "|".join(d.get("articles") or []) if isinstance(d.get("articles"), list) else d.get("articles"),
                         "evidence": None})
    cols = ["person", "title", "organization", "person_region", "organization_region", "article", "evidence"]
    return pd.DataFrame(rows, columns=cols).sort_values(["organization", "person"], kind="stable").reset_index(drop=True)


def _dates(g: nx.MultiDiGraph, n: str) -> list[str]:
    return sorted({str(g.nodes[t].get("value") or t) for _, t, d in g.out_edges(n, data=True) if d.get("type") == "on_date"})


def agreements(g: nx.MultiDiGraph, *, sides: Sequence[str] = ()) -> pd.DataFrame:
    """Agreements with their parties and dates; with `sides` (e.g. ("SD", "HK")), only those with
    at least one party of every one of those regions."""
    when = graph.spans(g)
    rows = []
    for n, d in g.nodes(data=True):
        if d.get("type") != "agreement":
            continue
        parties = sorted({u for u, _, e in g.in_edges(n, data=True) if e.get("type") == "party_to"},
                         key=lambda p: (g.nodes[p].get("region") or "~", p))
        regions = {g.nodes[p].get("region") for p in parties}
        if not set(sides) <= regions:
            continue
        events = [g.nodes[t].get("label") for _, t, e in g.out_edges(n, data=True) if e.get("type") == "signed_at"]
        start, end = when.get(n, (None, None))
        rows.append({"agreement": d.get("label"), "kind": d.get("agreement_kind"), "dates": "、".join(_dates(g, n)),
                     "start": start, "end": end,
                     "parties": "、".join(f"{g.nodes[p].get('label')} ({g.nodes[p].get('region') or '?'})" for p in parties),
                     "signed_at": "、".join(events), "articles": "、".join(d.get("articles", [])), "node": n})
    cols = ["agreement", "kind", "dates", "start", "end", "parties", "signed_at", "articles", "node"]
    return pd.DataFrame(rows, columns=cols).sort_values(["start", "agreement"], na_position="last", kind="stable").reset_index(drop=True)


def timeline(g: nx.MultiDiGraph, *, types: Sequence[str] = ("event", "agreement")) -> pd.DataFrame:
    """Dated events and agreements in order of their first day, with where they were held and who took part."""
    rows = []
    for n, (start, end) in graph.spans(g).items():
        d = g.nodes[n]
        if d.get("type") not in types:
            continue
        outs = [(g.nodes[t].get("label"), e.get("type")) for _, t, e in g.out_edges(n, data=True)]
        ins = [(g.nodes[s].get("label"), e.get("type")) for s, _, e in g.in_edges(n, data=True)]
        rows.append({"start": start, "end": end, "type": d.get("type"), "label": d.get("label"),
                     "dates": "、".join(_dates(g, n)),
                     "places": "、".join(sorted({x for x, r in outs if r == "held_in"})),
                     "who": "、".join(sorted({x for x, r in ins if r in ("participated_in", "organized", "party_to")})),
                     "articles": "、".join(d.get("articles", [])), "node": n})
    cols = ["start", "end", "type", "label", "dates", "places", "who", "articles", "node"]
    return pd.DataFrame(rows, columns=cols).sort_values(["start", "end", "label"], kind="stable").reset_index(drop=True)


def summary(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Node counts by type (rows) and region (columns; `none` for nodes without one), with totals."""
    df = pd.DataFrame([(d.get("type"), d.get("region") or "none") for _, d in g.nodes(data=True)], columns=["type", "region"])
    if df.empty:
        return pd.DataFrame()
    return pd.crosstab(df["type"], df["region"], margins=True, margins_name="total")


def relation_counts(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Edge counts by relation type."""
    counts = pd.Series([d.get("type") for *_, d in g.edges(data=True)], dtype="object").value_counts()
    return counts.rename_axis("relation").reset_index(name="edges")


def ego_svg(g: nx.MultiDiGraph, name: str, *, radius: int = 1, width: int = 640, height: int = 480) -> str:
    """An SVG picture of `ego(g, name)`: nodes coloured by type as in Gephi, labelled, edges labelled
    with their relation. Labels are text, so the viewer's fonts draw the Chinese."""
    h = ego(g, name, radius=radius)
    centre = resolve(g, name)
    pos = nx.spring_layout(nx.Graph(h), seed=7) if len(h) > 1 else {centre: (0.0, 0.0)}
    pad = 60

    def xy(n: str) -> tuple[float, float]:
        x, y = pos[n]
        return pad + (x + 1) / 2 * (width - 2 * pad), pad + (y + 1) / 2 * (height - 2 * pad)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">']
    for u, v, d in h.edges(data=True):
        (x1, y1), (x2, y2) = xy(u), xy(v)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999"/>')
        out.append(f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2:.1f}" font-size="9" fill="#666">'
                   f'{html.escape(str(d.get("title") or d.get("type")))}</text>')
    for n, d in h.nodes(data=True):
        x, y = xy(n)
        r, gr, b = COLOURS.get(d.get("type"), GREY)
        radius_px = 12 if n == centre else 7
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius_px}" fill="rgb({r},{gr},{b})"><title>{html.escape(n)}</title></circle>')
        out.append(f'<text x="{x + radius_px + 2:.1f}" y="{y + 4:.1f}" font-size="12">{html.escape(str(d.get("label") or n))}</text>')
    out.append("</svg>")
    return "\n".join(out)
