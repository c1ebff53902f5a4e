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
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

import networkx as nx

from kg import graph
from kg.errors import OutputError
from kg.model import Digest, Entity, Extraction, Kind


def _file_mode() -> int:
    """The mode an ordinary new file gets here (0o666 less the umask); mkstemp makes files 0o600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic(path: Path, mode: str = "w", *, errors: str = "strict") -> Iterator[IO]:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{path.parent}: cannot write the output folder ({err.strerror}); choose another with --out") from err
    try:
        text = "b" not in mode
        with os.fdopen(fd, mode, encoding="utf-8" if text else None, errors=errors if text else None,
                       newline="\n" if text else None) as fh:
            yield fh
        os.chmod(tmp, _file_mode())  # as if written in place: readable by whoever may read the folder
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


REGIONED = (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE)  # the kinds whose records say a region


def entity_record(e: Entity, *, resolved: bool = True) -> dict:
    """An entity's JSON record; `resolved=False` leaves out what resolution adds (node null, no merge)."""
    rec = {"id": e.id, "node": e.node if resolved else None, "type": str(e.kind), "name": e.name,
           "aliases": list(e.aliases)}
    if e.kind in REGIONED:
        rec["region"] = str(e.region) if e.region else None
    elif e.kind is Kind.DATE:
        rec["value"] = e.value
    elif e.kind is Kind.AGREEMENT:
        rec["title"] = e.title
        rec["kind"] = e.agreement_kind
    rec["peripheral"] = e.peripheral
    if resolved and e.merge_reason:
        rec["merge"] = e.merge_reason
    rec["mentions"] = [{"start": m.start, "end": m.end, "text": m.text, "rule": m.rule} for m in e.mentions]
    return rec


def extraction_record(x: Extraction, *, resolved: bool = True) -> dict:
    rels = []
    for r in x.relations:
        rec = {"type": str(r.type), "source": r.source, "target": r.target}
        if r.title is not None:
            rec["title"] = r.title
        if r.evidence:
            rec["evidence"] = {"start": r.evidence[0], "end": r.evidence[1]}
        rels.append(rec)
    return {"article": x.article.id, "published": x.article.published, "title": x.article.title,
            "source": x.article.source, "entities": [entity_record(e, resolved=resolved) for e in x.entities],
            "relations": rels}


def write_extractions(extractions: Sequence[Extraction], path: Path) -> None:
    dumps = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(obj, ensure_ascii=False), one encoder
    with atomic(path) as fh:
        for x in extractions:
            fh.write(dumps(extraction_record(x)) + "\n")


# Where resolution's part goes in a line written before it (`extraction_record(x, resolved=False)`):
# each entity's `"node": null`, and its `merge` right before its mentions. Neither string can stand
# inside a JSON string, whose quotes are escaped.
NODE_SLOT = b'"node": null'
MERGE_SLOT = b', "mentions": ['


class ExtractionLines:
    """extractions.jsonl in two steps, so that a build need not keep any article's records until the
    end: `add` writes each article's line as its extraction arrives, into a file beside the target,
    with each entity's node and merge left open; `finish` writes the target from it, those filled in
    from the resolved digests (in the same order). The same bytes as `write_extractions` of the
    resolved extractions (the lines stay UTF-8 bytes in between: encoded once, never decoded). A
    context manager: the file of open lines is removed on the way out."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.dumps = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(obj, ensure_ascii=False)

    def __enter__(self) -> "ExtractionLines":
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._pending = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".open")
        except OSError as err:
            raise OutputError(f"{self.path.parent}: cannot write the output folder ({err.strerror}); "
                              "choose another with --out") from err
        self._fh = os.fdopen(fd, "w+b")
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()
        Path(self._pending).unlink(missing_ok=True)

    def add(self, x: Extraction) -> None:
        self._fh.write((self.dumps(extraction_record(x, resolved=False)) + "\n").encode())

    def finish(self, digests: Iterable[Digest]) -> None:
        dumps = self.dumps
        self._fh.seek(0)
        with atomic(self.path, "wb") as fh:
            for line, x in zip(self._fh, digests, strict=True):
                parts = line.split(NODE_SLOT)  # what comes before each entity's node, and the rest
                if len(parts) != len(x.entities) + 1:
                    raise ValueError(f"{self._pending}: the line of article {x.article.id} does not fit its entities")
                out = [parts[0]]
                for e, part in zip(x.entities, parts[1:]):
                    out.append(b'"node": ' + dumps(e.node).encode())
                    if e.merge_reason:
                        at = part.index(MERGE_SLOT)
                        out += (part[:at], b', "merge": ', dumps(e.merge_reason).encode(), part[at:])
                    else:
                        out.append(part)
                fh.write(b"".join(out))


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


Spans = dict[str, tuple[str, str]]


def view_node(n: str, d: dict, when: Spans) -> dict:
    """One node's attributes as every writer sees them (see `view`)."""
    attrs = {k: v for k, v in d.items() if v is not None}
    attrs["label"] = str(d.get("label") or n)
    attrs["size"] = node_size(int(d.get("mentions") or 0))
    attrs["r"], attrs["g"], attrs["b"] = COLOURS.get(d.get("type"), GREY)
    if n in when:
        attrs["start"], attrs["end"] = when[n]
    return attrs


def view_edge(u: str, v: str, d: dict, when: Spans) -> dict:
    """One edge's attributes as every writer sees them (see `view`)."""
    attrs = {("relation" if a == "type" else a): b for a, b in d.items() if b is not None}
    attrs["label"] = str(d.get("title") or d.get("type") or "")
    attrs["weight"] = 1.0
    dated = [when[x] for x in (u, v) if x in when]
    if dated:
        attrs["start"], attrs["end"] = min(s for s, _ in dated), max(e for _, e in dated)
    return attrs


def view_nodes(g: nx.MultiDiGraph, when: Spans) -> Iterator[tuple[str, dict]]:
    """(node, attributes) of the `view`, one at a time: the writers never hold a copy of the graph."""
    for n, d in g.nodes(data=True):
        yield n, view_node(n, d, when)


def view_edges(g: nx.MultiDiGraph, when: Spans) -> Iterator[tuple[str, str, object, dict]]:
    """(source, target, key, attributes) of the `view`, one at a time, in the graph's edge order."""
    for u, v, k, d in g.edges(keys=True, data=True):
        yield u, v, k, view_edge(u, v, d, when)


def view(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as every writer sees it: None dropped, lists kept (the XML writers join them with
    `|`), display properties and timeline days added, the edge's `type` renamed `relation`.
    The writers stream `view_nodes` / `view_edges` instead of building this copy."""
    when = graph.spans(g)
    h = nx.MultiDiGraph()
    for n, attrs in view_nodes(g, when):
        h.add_node(n, **attrs)
    for u, v, k, attrs in view_edges(g, when):
        h.add_edge(u, v, key=k, **attrs)
    return h


def _scalar(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return "|".join(map(str, value))
    return value


_JOINED = (list, tuple, set, frozenset)  # values the writers join with `|` (`_scalar`): strings


def _types(items: Iterable[dict]) -> dict[str, set[type]]:
    """The types each attribute's values take over all items (a joined value is a str), by first use."""
    seen: dict[str, set[type]] = {}
    for d in items:
        for k, v in d.items():
            t = str if isinstance(v, _JOINED) else type(v)  # type(_scalar(v)), without the join
            got = seen.get(k)
            if got is None:
                seen[k] = {t}
            elif t not in got:
                got.add(t)
    return seen


def _kind(types: set[type]) -> str:
    if types == {bool}:
        return "boolean"
    if types == {int}:
        return "long"
    if types <= {int, float} and float in types:
        return "double"
    return "string"


def columns(items: Iterable[dict]) -> dict[str, str]:
    """Each attribute's one type over all items, as a GraphML attr.type: boolean, long, double or string
    (an attribute whose values mix types is a string)."""
    return {k: _kind(types) for k, types in _types(items).items()}


# The XML writers below stream: one element at a time, escaped and laid out exactly as
# ElementTree's `ET.indent` + `write(..., xml_declaration=True)` would (two-space indent, ` />` for an
# empty element, no newline after the root's end tag), so the files are byte for byte what the
# earlier whole-tree writers produced, without the tree.
XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
ATTR_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}  # as ElementTree escapes them
# nothing to escape in most values: saxutils' escape (five replace passes) only where it changes something
TEXT_SPECIAL = re.compile(r"[&<>]")
ATTR_SPECIAL = re.compile(r"""[&<>"\r\n\t]""")


# the escapes remember their last answers: node ids, labels, dates, relation types, article ids and
# evidence sentences (each gives several edges) come back element after element
MEMO = 4096


@lru_cache(maxsize=MEMO)
def _escape(text: str) -> str:
    """`escape(text)`: &, < and > as entities."""
    return escape(text) if TEXT_SPECIAL.search(text) else text


@lru_cache(maxsize=MEMO)
def _escape_attr(value: str) -> str:
    """`escape(value, ATTR_ENTITIES)`: an attribute value as ElementTree escapes it."""
    return escape(value, ATTR_ENTITIES) if ATTR_SPECIAL.search(value) else value


def _tag(name: str, attrs: dict[str, str], depth: int, *, end: str = " />") -> str:
    """An element's start tag on its own line at `depth`; `end` is ` />` (empty) or `>` (open)."""
    pairs = "".join([f' {k}="{_escape_attr(v)}"' for k, v in attrs.items()])
    return f"\n{'  ' * depth}<{name}{pairs}{end}"


def _data(name: str, attrs: dict[str, str], text: str, depth: int) -> str:
    """A leaf element with text (empty text is written ` />`, as ElementTree does)."""
    if not text:
        return _tag(name, attrs, depth)
    return _tag(name, attrs, depth, end=">") + f"{_escape(text)}</{name}>"


def _close(name: str, depth: int) -> str:
    return f"\n{'  ' * depth}</{name}>"


def _writer(kind: str) -> Callable[[object], str]:
    """An attribute value as the XML files write it, for a column of this kind (a list joined with
    `|`, a boolean as true/false, a double as Python's repr), chosen once per attribute."""
    if kind == "boolean":
        return lambda value: "true" if _scalar(value) else "false"
    if kind == "double":
        return lambda value: repr(float(_scalar(value)))
    if kind == "long":
        return str  # (every value of a long column is an int)
    return lambda value: "|".join(map(str, value)) if isinstance(value, _JOINED) else str(value)


GEXF_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}
GEXF_NODE_PROPS = ("label", "size", "r", "g", "b", "start", "end")  # written as XML attributes or viz:
GEXF_EDGE_PROPS = ("label", "weight", "start", "end")
GEXF_DESCRIPTION = "persons, organisations, places, dates, events and agreements from news articles"


class _Columns:
    """The attribute types each writer declares up front, from one pass over the `view`:
    GraphML's (the node id first, as attribute `node`) and GEXF's (the display properties left out)."""

    def __init__(self, g: nx.MultiDiGraph, when: Spans) -> None:
        ids = {type(n) for n in g}
        shaped = _node_shapes(g, when)
        nodes = _types(view_node(n, d, when) for n, d in shaped)
        edges = _types(view_edge(u, v, d, when) for u, v, d in _edge_shapes(g, when))
        if "node" in nodes:  # an attribute named like the id column: count it as GraphML writes it
            self.graphml_node = columns({"node": n, **view_node(n, d, when)} for n, d in shaped)
        else:
            self.graphml_node = {"node": _kind(ids)} if ids else {}
            self.graphml_node.update((k, _kind(t)) for k, t in nodes.items())
        self.graphml_edge = {k: _kind(t) for k, t in edges.items()}
        self.gexf_node = {k: _kind(t) for k, t in nodes.items() if k not in GEXF_NODE_PROPS}
        self.gexf_edge = {k: _kind(t) for k, t in edges.items() if k not in GEXF_EDGE_PROPS}


def _node_shapes(g: nx.MultiDiGraph, when: Spans) -> list[tuple[str, dict]]:
    """One node of each shape, in the graph's order: the nodes whose ids are of one type, whose
    attributes have the same names in the same order and values of the same types, and that are
    dated alike have views with the same attributes and value types, so the column types come
    from these few nodes instead of every node's view."""
    shapes: dict[tuple, tuple[str, dict]] = {}
    for n, d in g.nodes(data=True):
        shapes.setdefault((type(n), tuple(d), tuple(map(type, d.values())), n in when), (n, d))
    return list(shapes.values())


def _edge_shapes(g: nx.MultiDiGraph, when: Spans) -> list[tuple[str, str, dict]]:
    """One edge of each shape (see `_node_shapes`; an edge's view depends on its ends' dates)."""
    shapes: dict[tuple, tuple[str, str, dict]] = {}
    for u, v, d in g.edges(data=True):
        shapes.setdefault((tuple(d), tuple(map(type, d.values())), u in when, v in when), (u, v, d))
    return list(shapes.values())


class _PerElement:
    """`nodes` and `edges` of a writer that makes each element on its own (the XML files)."""

    def nodes(self, first: int, batch: list[tuple]) -> str:
        return "".join([self.node(i, n, d) for i, (n, d) in enumerate(batch, first)])

    def edges(self, first: int, batch: list[tuple]) -> str:
        return "".join([self.edge(i, u, v, k, d) for i, (u, v, k, d) in enumerate(batch, first)])


class _GraphML(_PerElement):
    """GraphML of the `view`, element by element (see `write_graphml`)."""

    def __init__(self, g: nx.MultiDiGraph, cols: _Columns) -> None:
        self.empty = g.number_of_nodes() == 0
        self.cols = {"node": cols.graphml_node, "edge": cols.graphml_edge}
        self.ids: dict = {}
        self.node_data, self.edge_data = _Leaves("node", cols.graphml_node, 3), _Leaves("edge", cols.graphml_edge, 3)

    def head(self) -> str:
        keys = "".join(_tag("key", {"id": f"{scope}.{name}", "for": scope, "attr.name": name, "attr.type": kind}, 1)
                       for scope, kinds in self.cols.items() for name, kind in kinds.items())
        graph_tag = _tag("graph", {"id": "kg", "edgedefault": "directed"}, 1, end=" />" if self.empty else ">")
        return XML_DECLARATION + f'<graphml xmlns="{GRAPHML_NS}">' + keys + graph_tag

    def node(self, i: int, n, d: dict) -> str:
        self.ids[n] = f"n{i}"
        return f'\n    <node id="n{i}">{self.node_data({"node": n, **d})}\n    </node>'

    def middle(self) -> str:
        return ""

    def edge(self, i: int, u, v, k, d: dict) -> str:
        return f'\n    <edge id="e{i}" source="{self.ids[u]}" target="{self.ids[v]}">{self.edge_data(d)}\n    </edge>'

    def tail(self) -> str:
        return "\n</graphml>" if self.empty else _close("graph", 1) + "\n</graphml>"


class _Leaves:
    """The `_data` leaves of one scope's attributes (`<data key="node.NAME">`), their tags made once
    per attribute instead of once per value."""

    def __init__(self, scope: str, kinds: dict[str, str], depth: int) -> None:
        self.parts = {name: (_tag("data", {"key": f"{scope}.{name}"}, depth, end=">"),
                             _tag("data", {"key": f"{scope}.{name}"}, depth), _writer(kind), kind == "string")
                      for name, kind in kinds.items()}

    def __call__(self, d: dict) -> str:
        out = []
        parts = self.parts
        for name, value in d.items():
            open_, empty, text, string = parts[name]
            t = value if string and value.__class__ is str else text(value)  # a str is written as it is
            out.append(f"{open_}{_escape(t)}</data>" if t else empty)
        return "".join(out)


class _GEXF(_PerElement):
    """GEXF 1.3 of the `view`, element by element (see `write_gexf`)."""

    def __init__(self, g: nx.MultiDiGraph, cols: _Columns) -> None:
        self.has_nodes, self.has_edges = g.number_of_nodes() > 0, g.number_of_edges() > 0
        self.cols = {"node": cols.gexf_node, "edge": cols.gexf_edge}
        self.node_values, self.edge_values = _AttValues(cols.gexf_node, 4), _AttValues(cols.gexf_edge, 4)

    def head(self) -> str:
        viz = f' xmlns:viz="{VIZ_NS}"' if self.has_nodes else ""  # declared only where used, as ElementTree does
        out = [XML_DECLARATION + f'<gexf xmlns="{GEXF_NS}"{viz} xmlns:xsi="{XSI_NS}" version="1.3" '
               f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd">',
               _tag("meta", {}, 1, end=">") + _data("creator", {}, "kg", 2)
               + _data("description", {}, GEXF_DESCRIPTION, 2) + _close("meta", 1),
               _tag("graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date",
                              "timerepresentation": "interval"}, 1, end=">")]
        for scope, kinds in self.cols.items():
            head = {"class": scope, "mode": "static"}
            if not kinds:
                out.append(_tag("attributes", head, 2))
                continue
            out.append(_tag("attributes", head, 2, end=">"))
            out += [_tag("attribute", {"id": name, "title": name, "type": GEXF_TYPES[kind]}, 3) for name, kind in kinds.items()]
            out.append(_close("attributes", 2))
        out.append(_tag("nodes", {}, 2, end=">") if self.has_nodes else _tag("nodes", {}, 2))
        return "".join(out)

    def node(self, i: int, n, full: dict) -> str:
        # the tags _tag would make, laid out here: this runs for every node (numbers need no escaping)
        when = "".join([f' {k}="{_escape_attr(full[k])}"' for k in ("start", "end") if k in full])
        return (f'\n      <node id="{_escape_attr(str(n))}" label="{_escape_attr(full["label"])}"{when}>'
                + self.node_values(full)
                + f'\n        <viz:size value="{float(full["size"])!r}" />'
                + f'\n        <viz:color r="{_escape_attr(str(full["r"]))}" g="{_escape_attr(str(full["g"]))}" '
                  f'b="{_escape_attr(str(full["b"]))}" a="1.0" />\n      </node>')

    def middle(self) -> str:
        nodes = _close("nodes", 2) if self.has_nodes else ""
        return nodes + (_tag("edges", {}, 2, end=">") if self.has_edges else _tag("edges", {}, 2))

    def edge(self, i: int, u, v, k, full: dict) -> str:
        values = self.edge_values(full)
        when = "".join([f' {k}="{_escape_attr(full[k])}"' for k in ("start", "end") if k in full])
        head = (f'\n      <edge id="{i}" source="{_escape_attr(str(u))}" target="{_escape_attr(str(v))}" '
                f'label="{_escape_attr(full["label"])}" weight="{float(full["weight"])!r}"{when}')
        if not values:
            return head + " />"
        return head + ">" + values + "\n      </edge>"

    def tail(self) -> str:
        return (_close("edges", 2) if self.has_edges else "") + _close("graph", 1) + "\n</gexf>"


class _AttValues:
    """A GEXF element's `<attvalues>` at `depth`, each attvalue's `for` and type chosen once; the
    element's display properties (no column of these kinds) are left out, and an element with
    nothing else has no `<attvalues>` (the empty string)."""

    def __init__(self, kinds: dict[str, str], depth: int) -> None:
        pad = "  " * (depth + 1)
        self.parts = {name: (f'\n{pad}<attvalue for="{_escape_attr(name)}" value="', _writer(kind), kind == "string")
                      for name, kind in kinds.items()}
        self.open, self.close = _tag("attvalues", {}, depth, end=">"), _close("attvalues", depth)

    def __call__(self, full: dict) -> str:
        out = []
        parts = self.parts
        for name, value in full.items():
            part = parts.get(name)
            if part is None:
                continue  # a display property (GEXF_NODE_PROPS, GEXF_EDGE_PROPS)
            head, text, string = part
            t = value if string and value.__class__ is str else text(value)  # a str is written as it is
            out.append(f'{head}{_escape_attr(t)}" />')
        return f"{self.open}{''.join(out)}{self.close}" if out else ""


class _NodeLink:
    """The `view` as node-link JSON, a batch of nodes or links at a time (see `write_node_link`)."""

    def __init__(self, g: nx.MultiDiGraph, cols: _Columns | None) -> None:
        self.dumps = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(obj, ensure_ascii=False)

    def head(self) -> str:
        return '{"directed": true, "multigraph": true, "graph": {}, "nodes": ['

    def nodes(self, first: int, batch: list[tuple]) -> str:
        """A batch of nodes, encoded as one list (whose items are those of the file's list)."""
        return ", " * (first > 0) + self.dumps([{**d, "id": n} for n, d in batch])[1:-1]

    def middle(self) -> str:
        return '], "links": ['

    def edges(self, first: int, batch: list[tuple]) -> str:
        return ", " * (first > 0) + self.dumps([{**d, "source": u, "target": v, "key": k}
                                                 for u, v, k, d in batch])[1:-1]

    def tail(self) -> str:
        return "]}\n"


def write_graphs(g: nx.MultiDiGraph, *, graphml: Path | None = None, gexf: Path | None = None,
                 node_link: Path | None = None) -> None:
    """The graph files asked for, written together in one pass over the `view` (after one pass
    that finds the attribute types the XML files declare up front): each node's and edge's view is
    made once for all of them, and none holds a copy of the graph."""
    when = graph.spans(g)
    cols = _Columns(g, when) if graphml or gexf else None
    with ExitStack() as files:
        writers = [(fmt(g, cols), files.enter_context(atomic(path, errors=errors)))
                   for fmt, path, errors in ((_GraphML, graphml, "xmlcharrefreplace"), (_GEXF, gexf, "xmlcharrefreplace"),
                                             (_NodeLink, node_link, "strict")) if path]
        # each file's elements are made and written BATCH at a time: one write per element costs
        # more than the writing itself, and the node-link JSON encodes a batch in one call
        parts = [[w.head()] for w, _ in writers]
        for first, batch in _batches(view_nodes(g, when)):
            for (w, _), got in zip(writers, parts):
                got.append(w.nodes(first, batch))
            _flush(writers, parts)
        for (w, _), got in zip(writers, parts):
            got.append(w.middle())
        for first, batch in _batches(view_edges(g, when)):
            for (w, _), got in zip(writers, parts):
                got.append(w.edges(first, batch))
            _flush(writers, parts)
        for (w, _), got in zip(writers, parts):
            got.append(w.tail())
        _flush(writers, parts)


BATCH = 256  # elements of each graph file written at once


def _batches(elements: Iterable[tuple]) -> Iterator[tuple[int, list[tuple]]]:
    """The elements BATCH at a time, each batch with the index of its first element."""
    it = iter(elements)
    first = 0
    while batch := list(islice(it, BATCH)):
        yield first, batch
        first += len(batch)


def _flush(writers: list, parts: list[list[str]]) -> None:
    """Write each writer's gathered elements into its file and empty the lists."""
    for (_, fh), got in zip(writers, parts):
        fh.write("".join(got))
        got.clear()


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """GraphML of the `view`. Key ids are `node.NAME` / `edge.NAME`: never `d3`/`d7`, which Gephi takes
    for the label whatever their attr.name. XML ids are canonical (`n0`, `e0`; kg's node id is the
    `node` attribute) because GraphML ids must be NMTOKENs and kg's contain 《》 and spaces."""
    write_graphs(g, graphml=path)


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.3 of the `view`: labels, viz:size and viz:color, start/end days (timeformat date) on
    dated nodes and edges for Gephi's timeline, every other attribute as a typed attvalue."""
    write_graphs(g, gexf=path)


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """The `view` as node-link JSON (`nodes`, `links`), the shape d3, sigma.js and vis.js read: the
    same text `json.dump(nx.node_link_data(view(g), edges="links"))` gives, written a node and a
    link at a time."""
    write_graphs(g, node_link=path)


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
    with atomic(path) as fh:  # json.dump(report, fh, ensure_ascii=False, indent=1)'s text, an item at a time
        fh.write("{")
        for i, (name, items) in enumerate(report.items()):
            fh.write(("," if i else "") + f"\n {_dumps(name)}: " + ("[" if items else "[]"))
            for j, item in enumerate(items):
                fh.write(("," if j else "") + "\n  " + indented(item, 2))
            if items:
                fh.write("\n ]")
        fh.write("\n}\n")


_dumps = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(obj, ensure_ascii=False), one encoder
_FLAT = (str, int, float, bool, type(None))


def indented(value, depth: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` of dicts with string keys, lists and
    scalars (a value `indent` levels deep), without json.dump's pure-Python indenting encoder,
    which writes a file a token at a time (a report lists thousands of merges). A dict of scalars is the one-line JSON of it with
    each item put on a line of its own: `, "` stands only between items (a quote in a string is
    escaped)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        pad = "\n" + " " * (depth + 1)
        if all(v.__class__ in _FLAT for v in value.values()):
            return "{" + pad + _dumps(value)[1:-1].replace(', "', "," + pad + '"') + "\n" + " " * depth + "}"
        return ("{" + ",".join([f"{pad}{_dumps(k)}: {indented(v, depth + 1)}" for k, v in value.items()])
                + "\n" + " " * depth + "}")
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        pad = "\n" + " " * (depth + 1)
        return "[" + ",".join([pad + indented(v, depth + 1) for v in value]) + "\n" + " " * depth + "]"
    return _dumps(value)
