"""The knowledge graph: a NetworkX MultiDiGraph with a node per resolved entity and an edge per
relation, each edge carrying its article and evidence sentence."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import networkx as nx

from kg.model import Extraction, Kind


def build(extractions: Sequence[Extraction]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    names: dict[str, Counter] = defaultdict(Counter)
    for x in extractions:
        for e in x.entities:
            names[e.node].update({e.name: len(e.mentions)})
            names[e.node].update({a: 0 for a in e.aliases})
    for x in extractions:
        for e in x.entities:
            if e.node not in g:
                g.add_node(e.node, type=str(e.kind), label=names[e.node].most_common(1)[0][0],
                           region=None, aliases=set(), articles=set(), mentions=0, peripheral=True,
                           merges=set(), value=e.value, title=e.title, agreement_kind=e.agreement_kind)
            d = g.nodes[e.node]
            d["aliases"].update({e.name, *e.aliases})
            d["articles"].add(x.article.id)
            d["mentions"] += len(e.mentions)
            d["peripheral"] = d["peripheral"] and e.peripheral
            if e.merge_reason:
                d["merges"].add(e.merge_reason)
            d.setdefault("_regions", Counter())
            if e.region:
                d["_regions"][e.region] += len(e.mentions)
        ents = {e.id: e for e in x.entities}
        for r in x.relations:
            s, t = ents[r.source], ents[r.target]
            ev = x.article.text[r.evidence[0]:r.evidence[1]] if r.evidence else None
            g.add_edge(s.node, t.node, type=str(r.type), article=x.article.id, title=r.title,
                       evidence=ev, evidence_start=r.evidence[0] if r.evidence else None,
                       evidence_end=r.evidence[1] if r.evidence else None)
    for n, d in g.nodes(data=True):
        regions = d.pop("_regions", Counter())
        d["region"] = str(regions.most_common(1)[0][0]) if regions else None
        d["aliases"] = sorted(d["aliases"] - {d["label"]})
        d["articles"] = sorted(d["articles"])
        d["merges"] = sorted(d["merges"])
    return g


def summary(g: nx.MultiDiGraph) -> dict[str, Counter]:
    return {"nodes": Counter(d["type"] for _, d in g.nodes(data=True)),
            "edges": Counter(d["type"] for *_, d in g.edges(data=True))}


KINDS = tuple(str(k) for k in Kind)
