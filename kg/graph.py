"""The knowledge graph: a NetworkX MultiDiGraph with a node per resolved entity and an edge per
relation, each edge carrying its article and evidence sentence (from the digest: a digest keeps
no text)."""
from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import networkx as nx

from kg.model import Digest, Extraction


def build(extractions: Sequence[Extraction] | Sequence[Digest]) -> nx.MultiDiGraph:
    """The graph of resolved digests (as a build makes them) or extractions."""
    extractions = [x if isinstance(x, Digest) else Digest.of(x) for x in extractions]
    g = nx.MultiDiGraph()
    names: dict[str, Counter] = defaultdict(Counter)  # for entities that resolution gave no label
    for x in extractions:
        for e in x.entities:
            names[e.node][e.name] += e.mention_count
    data: dict[str, dict] = {}  # each node's attribute dict, as g holds it (looked up by the million)
    for x in extractions:
        for e in x.entities:
            d = data.get(e.node)
            if d is None:
                g.add_node(e.node, type=str(e.kind), label=e.node_label or names[e.node].most_common(1)[0][0],
                           region=None, aliases=set(), articles=set(), mentions=0, peripheral=True,
                           merges=set(), value=e.value, title=e.title, agreement_kind=e.agreement_kind,
                           _regions=Counter())
                d = data[e.node] = g.nodes[e.node]
            d["aliases"].update({e.name, *e.aliases})
            d["articles"].add(x.article.id)
            d["mentions"] += e.mention_count
            d["peripheral"] = d["peripheral"] and e.peripheral
            if e.merge_reason:
                d["merges"].add(e.merge_reason)
            if e.region:
                d["_regions"][e.region] += e.mention_count
        ents = {e.id: e for e in x.entities}
        for r, ev in zip(x.relations, x.evidence, strict=True):
            if r.target is None:  # a post whose body the article does not name: kept on the person
                data[ents[r.source].node].setdefault("posts", set()).add(r.title)
                continue
            s, t = ents[r.source], ents[r.target]
            g.add_edge(s.node, t.node, type=str(r.type), article=x.article.id, title=r.title,
                       evidence=ev, evidence_start=r.evidence[0] if r.evidence else None,
                       evidence_end=r.evidence[1] if r.evidence else None)
    for n, d in g.nodes(data=True):
        regions = d.pop("_regions", Counter())
        d["region"] = str(regions.most_common(1)[0][0]) if regions else None
        d["aliases"] = sorted(d["aliases"] - {d["label"]})
        d["articles"] = sorted(d["articles"])
        d["merges"] = sorted(d["merges"])
        if "posts" in d:
            d["posts"] = sorted(d["posts"])
    return g


def summary(g: nx.MultiDiGraph) -> dict[str, Counter]:
    return {"nodes": Counter(d["type"] for _, d in g.nodes(data=True)),
            "edges": Counter(d["type"] for *_, d in g.edges(data=True))}


EDTF_DATE = re.compile(r"""
    ^(?P<year>[0-9X]{4})            # year; X for an unknown digit (XXXX: the year is unknown)
    (?:-(?P<month>[0-9X]{2}))?      # month, or 21-24 for spring, summer, autumn, winter
    (?:-(?P<day>[0-9X]{2}))?        # day
    [?~%]?$                         # uncertain / approximate: the span is the same
""", re.VERBOSE)
SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}  # northern-hemisphere months; winter cut at 31 Dec


def _bounds(value: str) -> tuple[str, str] | None:
    """The first and last ISO day of one EDTF date, or None when it has no known year."""
    m = EDTF_DATE.match(value.strip())
    if not m or m["year"] == "XXXX":
        return None
    y0, y1 = int(m["year"].replace("X", "0")), int(m["year"].replace("X", "9"))
    month, day = m["month"], m["day"]
    if not month or month == "XX":
        return f"{y0:04d}-01-01", f"{y1:04d}-12-31"
    if "X" in month:
        return None
    first, last = SEASONS.get(int(month), (int(month), int(month)))
    if not 1 <= first <= last <= 12:
        return None
    if day and "X" not in day and first == last and 1 <= int(day) <= calendar.monthrange(y0, first)[1]:
        return f"{y0:04d}-{first:02d}-{int(day):02d}", f"{y1:04d}-{last:02d}-{int(day):02d}"
    return f"{y0:04d}-{first:02d}-01", f"{y1:04d}-{last:02d}-{calendar.monthrange(y1, last)[1]:02d}"


def edtf_span(value: str | None) -> tuple[str, str] | None:
    """The ISO days an EDTF value covers, first and last: `2023-05` -> ('2023-05-01', '2023-05-31'),
    `2025-05-19/2025-05-23` -> both ends; None for no value, an unknown year or an open interval."""
    if not value:
        return None
    ends = [_bounds(part) for part in value.split("/")] if value.count("/") == 1 else [_bounds(value)]
    if any(e is None for e in ends):
        return None
    start, end = ends[0][0], ends[-1][1]
    return (start, end) if start <= end else None


def spans(g: nx.MultiDiGraph) -> dict[str, tuple[str, str]]:
    """When each dated node happened: a date node its own value, an event or agreement the union of
    the dates it is linked to by `on_date`. Undated nodes are left out."""
    own = {n: s for n, d in g.nodes(data=True) if d.get("type") == "date" and (s := edtf_span(d.get("value")))}
    got = dict(own)
    for u, v, d in g.edges(data=True):
        if d.get("type") == "on_date" and v in own:
            s = own[v]
            got[u] = (min(got[u][0], s[0]), max(got[u][1], s[1])) if u in got and u not in own else s
    return got
