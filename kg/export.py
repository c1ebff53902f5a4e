"""Writers: extraction records (JSON Lines) and the graph (GraphML, GEXF 1.3, JSON node-link).
Every write is atomic: the file is written beside its target and renamed into place, so an
interrupted build never leaves a truncated file behind.

The three graph files carry one view of the graph (`view`): no None values, one type per
attribute, Gephi's display properties added (`label`, `size`, `r`/`g`/`b` on nodes; `label`,
`weight` on edges), `start`/`end` days on dated nodes and the edges that touch them, and the
relation type under `relation` (GEXF reserves an edge's `type` for its direction)."""
from __future__ import annotations

import json
import math
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx

from kg import graph
from kg.errors import OutputError
from kg.model import Entity, Extraction, Kind


@contextmanager
def atomic(path: Path, mode: str = "w") -> Iterator[IO]:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{path.parent}: cannot write the output folder ({err.strerror}); choose another with --out") from err
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def entity_record(e: Entity) -> dict:
    rec = {"id": e.id, "node": e.node, "type": str(e.kind), "name": e.name, "aliases": list(e.aliases)}
    if e.kind in (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE):
        rec["region"] = str(e.region) if e.region else None
    if e.kind is Kind.DATE:
        rec["value"] = e.value
    if e.kind is Kind.AGREEMENT:
        rec["title"] = e.title
        rec["kind"] = e.agreement_kind
    rec["peripheral"] = e.peripheral
    if e.merge_reason:
        rec["merge"] = e.merge_reason
    rec["mentions"] = [{"start": m.start, "end": m.end, "text": m.text, "rule": m.rule} for m in e.mentions]
    return rec


def extraction_record(x: Extraction) -> dict:
    rels = []
    for r in x.relations:
        rec = {"type": str(r.type), "source": r.source, "target": r.target}
        if r.title is not None:
            rec["title"] = r.title
        if r.evidence:
            rec["evidence"] = {"start": r.evidence[0], "end": r.evidence[1]}
        rels.append(rec)
    return {"article": x.article.id, "published": x.article.published, "title": x.article.title,
            "source": x.article.source, "entities": [entity_record(e) for e in x.entities], "relations": rels}


def write_extractions(extractions: Sequence[Extraction], path: Path) -> None:
    with atomic(path) as fh:
        for x in extractions:
            fh.write(json.dumps(extraction_record(x), ensure_ascii=False, sort_keys=False) + "\n")


COLOURS = {  # node colour by type (Tableau 10), as Gephi's r, g, b
    "person": (225, 87, 89), "organization": (78, 121, 167), "place": (89, 161, 79),
    "date": (186, 176, 172), "event": (242, 142, 43), "agreement": (176, 122, 161),
}
GREY = (160, 160, 160)
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def node_size(mentions: int) -> float:
    """Gephi's node size: grows with the square root of the mention count, 5 for an unmentioned node."""
    return round(5.0 + 4.0 * math.sqrt(max(mentions, 0)), 2)


def view(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as every writer sees it: None dropped, lists kept (the XML writers join them with
    `|`), display properties and timeline days added, the edge's `type` renamed `relation`."""
    when = graph.spans(g)
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        attrs = {k: v for k, v in d.items() if v is not None}
        attrs["label"] = str(d.get("label") or n)
        attrs["size"] = node_size(int(d.get("mentions") or 0))
        attrs["r"], attrs["g"], attrs["b"] = COLOURS.get(d.get("type"), GREY)
        if n in when:
            attrs["start"], attrs["end"] = when[n]
        h.add_node(n, **attrs)
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = {("relation" if a == "type" else a): b for a, b in d.items() if b is not None}
        attrs["label"] = str(d.get("title") or d.get("type") or "")
        attrs["weight"] = 1.0
        dated = [when[x] for x in (u, v) if x in when]
        if dated:
            attrs["start"], attrs["end"] = min(s for s, _ in dated), max(e for _, e in dated)
        h.add_edge(u, v, key=k, **attrs)
    return h


def _scalar(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return "|".join(map(str, value))
    return value


def columns(items: Sequence[dict]) -> dict[str, str]:
    """Each attribute's one type over all items, as a GraphML attr.type: boolean, long, double or string
    (an attribute whose values mix types is a string)."""
    seen: dict[str, set[type]] = {}
    for d in items:
        for k, v in d.items():
            seen.setdefault(k, set()).add(type(_scalar(v)))
    out = {}
    for k, types in seen.items():
        if types == {bool}:
            out[k] = "boolean"
        elif types == {int}:
            out[k] = "long"
        elif types <= {int, float} and float in types:
            out[k] = "double"
        else:
            out[k] = "string"
    return out


def _text(value, kind: str) -> str:
    value = _scalar(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


def graphml_tree(h: nx.MultiDiGraph) -> ET.ElementTree:
    """GraphML of a `view`. Key ids are `node.NAME` / `edge.NAME`: never `d3`/`d7`, which Gephi takes
    for the label whatever their attr.name. XML ids are canonical (`n0`, `e0`; kg's node id is the
    `node` attribute) because GraphML ids must be NMTOKENs and kg's contain 《》 and spaces."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    nodes = [{"node": n, **d} for n, d in h.nodes(data=True)]
    edges = [d for *_, d in h.edges(keys=True, data=True)]
    cols = {"node": columns(nodes), "edge": columns(edges)}
    for scope, kinds in cols.items():
        for name, kind in kinds.items():
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": f"{scope}.{name}", "for": scope,
                                                        "attr.name": name, "attr.type": kind})
    gel = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "kg", "edgedefault": "directed"})
    ids = {}
    for i, d in enumerate(nodes):
        ids[d["node"]] = f"n{i}"
        el = ET.SubElement(gel, f"{{{GRAPHML_NS}}}node", {"id": f"n{i}"})
        for name, value in d.items():
            ET.SubElement(el, f"{{{GRAPHML_NS}}}data", {"key": f"node.{name}"}).text = _text(value, cols["node"][name])
    for i, (u, v, d) in enumerate(h.edges(data=True)):
        el = ET.SubElement(gel, f"{{{GRAPHML_NS}}}edge", {"id": f"e{i}", "source": ids[u], "target": ids[v]})
        for name, value in d.items():
            ET.SubElement(el, f"{{{GRAPHML_NS}}}data", {"key": f"edge.{name}"}).text = _text(value, cols["edge"][name])
    ET.indent(root)
    return ET.ElementTree(root)


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    with atomic(path, "wb") as fh:
        graphml_tree(view(g)).write(fh, encoding="utf-8", xml_declaration=True)


GEXF_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}
GEXF_NODE_PROPS = ("label", "size", "r", "g", "b", "start", "end")  # written as XML attributes or viz:
GEXF_EDGE_PROPS = ("label", "weight", "start", "end")


def gexf_tree(h: nx.MultiDiGraph) -> ET.ElementTree:
    """GEXF 1.3 of a `view`: labels, viz:size and viz:color, start/end days (timeformat date) on
    dated nodes and edges for Gephi's timeline, every other attribute as a typed attvalue."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "kg"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = "persons, organisations, places, dates, events and agreements from news articles"
    gel = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "dynamic",
                                                      "timeformat": "date", "timerepresentation": "interval"})
    nodes = [(n, {k: v for k, v in d.items() if k not in GEXF_NODE_PROPS}) for n, d in h.nodes(data=True)]
    edges = [(u, v, {k: x for k, x in d.items() if k not in GEXF_EDGE_PROPS}) for u, v, d in h.edges(data=True)]
    cols = {"node": columns([d for _, d in nodes]), "edge": columns([d for *_, d in edges])}
    for scope, kinds in cols.items():
        el = ET.SubElement(gel, f"{{{GEXF_NS}}}attributes", {"class": scope, "mode": "static"})
        for name, kind in kinds.items():
            ET.SubElement(el, f"{{{GEXF_NS}}}attribute", {"id": name, "title": name, "type": GEXF_TYPES[kind]})
    nel = ET.SubElement(gel, f"{{{GEXF_NS}}}nodes")
    for n, d in nodes:
        full = h.nodes[n]
        el = ET.SubElement(nel, f"{{{GEXF_NS}}}node", {"id": str(n), "label": full["label"],
                                                       **{k: full[k] for k in ("start", "end") if k in full}})
        _attvalues(el, d, cols["node"])
        ET.SubElement(el, f"{{{VIZ_NS}}}size", {"value": repr(float(full["size"]))})
        ET.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(full["r"]), "g": str(full["g"]), "b": str(full["b"]), "a": "1.0"})
    eel = ET.SubElement(gel, f"{{{GEXF_NS}}}edges")
    for i, ((u, v, full), (*_, d)) in enumerate(zip(h.edges(data=True), edges)):
        el = ET.SubElement(eel, f"{{{GEXF_NS}}}edge", {"id": str(i), "source": str(u), "target": str(v),
                                                       "label": full["label"], "weight": repr(float(full["weight"])),
                                                       **{k: full[k] for k in ("start", "end") if k in full}})
        _attvalues(el, d, cols["edge"])
    ET.indent(root)
    return ET.ElementTree(root)


def _attvalues(parent: ET.Element, d: dict, kinds: dict[str, str]) -> None:
    if d:
        el = ET.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for name, value in d.items():
            ET.SubElement(el, f"{{{GEXF_NS}}}attvalue", {"for": name, "value": _text(value, kinds[name])})


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    with atomic(path, "wb") as fh:
        gexf_tree(view(g)).write(fh, encoding="utf-8", xml_declaration=True)


def node_link(g: nx.MultiDiGraph) -> dict:
    """The `view` as node-link JSON (`nodes`, `links`), the shape d3, sigma.js and vis.js read."""
    return nx.node_link_data(view(g), edges="links")


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    with atomic(path) as fh:
        json.dump(node_link(g), fh, ensure_ascii=False)
        fh.write("\n")


def write_report(problems: Sequence, merges: Sequence, path: Path) -> None:
    """The build's audit report as JSON: every input skipped or noted (file, line, kind, message)
    and every merge resolution made, with its reason."""
    from kg.articles import NOTES

    report = {
        "skipped": [{"path": p.path, "line": p.line, "kind": p.kind, "message": p.message}
                    for p in problems if p.kind not in NOTES],
        "notes": [{"path": p.path, "line": p.line, "kind": p.kind, "message": p.message}
                  for p in problems if p.kind in NOTES],
        "merges": [{"node": m.node, "kind": str(m.kind), "name": m.name, "label": m.label,
                    "reason": m.reason, "article": m.article} for m in merges],
    }
    with atomic(path) as fh:
        json.dump(report, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
