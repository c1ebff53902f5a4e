"""kg.export: GraphML that Gephi reads with the right labels, colours and sizes, GEXF 1.3 with a
timeline, node-link JSON; each read back by NetworkX and by a second, independent reader
(python-igraph for GraphML, plain ElementTree for GEXF). Checked on a small hand-made graph and on
the seeds graph, by structure and invariants only (the seeds graph changes as extraction does)."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import igraph
import networkx as nx
import pytest
import xmlschema
from kg_sample import sample_graph, seeds_graph

from kg import export, graph

SCHEMA = Path(__file__).resolve().parent / "data" / "graphml.xsd"
G = "{http://graphml.graphdrawing.org/xmlns}"
X = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"

# Gephi's GraphML importer (ImporterGraphML.java): a key becomes a display property when its id,
# or failing that its attr.name, is one of these; `d3` and `d7` are yEd's label keys.
GEPHI_NODE_PROPERTIES = {"label": "LABEL", "d3": "LABEL", "x": "X", "y": "Y", "xpos": "X", "ypos": "Y", "z": "Z",
                         "size": "SIZE", "r": "R", "g": "G", "b": "B"}
GEPHI_EDGE_PROPERTIES = {"label": "LABEL", "edgelabel": "LABEL", "d7": "LABEL", "weight": "WEIGHT",
                         "Edge Weight": "WEIGHT", "id": "ID", "edgeid": "ID", "r": "R", "g": "G", "b": "B"}
INTENDED = {"node": {"label": "LABEL", "size": "SIZE", "r": "R", "g": "G", "b": "B"},
            "edge": {"label": "LABEL", "weight": "WEIGHT"}}


@pytest.fixture(scope="module", params=["sample", "seeds"])
def built(request, tmp_path_factory):
    """(graph, folder with graph.graphml, graph.gexf and graph.json written from it)."""
    out = tmp_path_factory.mktemp(request.param)
    g = sample_graph() if request.param == "sample" else seeds_graph(out)
    export.write_graphml(g, out / "graph.graphml")
    export.write_gexf(g, out / "graph.gexf")
    export.write_node_link(g, out / "graph.json")
    return g, out


def _keys(out: Path) -> list[dict]:
    return [k.attrib for k in ET.parse(out / "graph.graphml").getroot().iter(f"{G}key")]


def test_export_graphml_is_valid_graphml(built):
    _, out = built
    xmlschema.XMLSchema(SCHEMA).validate(out / "graph.graphml")


def test_export_graphml_schema_rejects_networkx_default_ids():
    g = nx.MultiDiGraph()
    g.add_edge("《协议》 甲", "乙")
    fh = io.BytesIO()
    nx.write_graphml(g, fh)
    fh.seek(0)
    assert not xmlschema.XMLSchema(SCHEMA).is_valid(fh)


@pytest.mark.parametrize("scope", ["node", "edge"])
def test_export_graphml_gephi_takes_only_intended_keys_as_display_properties(built, scope):
    table = GEPHI_NODE_PROPERTIES if scope == "node" else GEPHI_EDGE_PROPERTIES
    mapped = {}
    for k in _keys(built[1]):
        if k["for"] == scope:
            prop = table.get(k["id"]) or table.get(k["attr.name"])
            if prop:
                mapped[k["attr.name"]] = prop
    assert mapped == INTENDED[scope]


def test_export_graphml_key_ids_are_never_numbered(built):
    assert not [k["id"] for k in _keys(built[1]) if re.fullmatch(r"d\d+", k["id"])]


def test_export_graphml_one_type_per_attribute(built):
    names = Counter((k["for"], k["attr.name"]) for k in _keys(built[1]))
    assert [n for n, c in names.items() if c > 1] == []


def test_export_graphml_networkx_reads_back(built):
    g, out = built
    h = nx.read_graphml(out / "graph.graphml")
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    by_node = {d["node"]: d for _, d in h.nodes(data=True)}
    assert {n: d["label"] for n, d in by_node.items()} == {n: d["label"] for n, d in g.nodes(data=True)}
    for n, d in by_node.items():
        assert type(d["mentions"]) is int and type(d["size"]) is float
        assert all(0 <= d[c] <= 255 for c in "rgb")
        assert d["type"] == g.nodes[n]["type"]
    assert Counter(d["relation"] for *_, d in h.edges(data=True)) == Counter(d["type"] for *_, d in g.edges(data=True))
    assert all(d["label"] and d["weight"] == 1.0 for *_, d in h.edges(data=True))


def test_export_graphml_igraph_reads_back(built):
    g, out = built
    i = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert (i.vcount(), i.ecount(), i.is_directed()) == (g.number_of_nodes(), g.number_of_edges(), True)
    assert dict(zip(i.vs["node"], i.vs["label"])) == {n: d["label"] for n, d in g.nodes(data=True)}
    assert dict(zip(i.vs["node"], i.vs["mentions"])) == {n: d["mentions"] for n, d in g.nodes(data=True)}
    assert Counter(i.es["relation"]) == Counter(d["type"] for *_, d in g.edges(data=True))
    ends = Counter((i.vs[e.source]["node"], i.vs[e.target]["node"]) for e in i.es)
    assert ends == Counter((u, v) for u, v in g.edges())


def test_export_gexf_networkx_reads_back(built):
    g, out = built
    h = nx.read_gexf(out / "graph.gexf", version="1.3")
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    assert {n: d["label"] for n, d in h.nodes(data=True)} == {n: d["label"] for n, d in g.nodes(data=True)}
    assert all(d["viz"]["size"] > 0 and set(d["viz"]["color"]) >= {"r", "g", "b"} for _, d in h.nodes(data=True))
    assert Counter(d["relation"] for *_, d in h.edges(data=True)) == Counter(d["type"] for *_, d in g.edges(data=True))


def test_export_gexf_is_1_3_with_typed_attributes(built):
    root = ET.parse(built[1] / "graph.gexf").getroot()
    assert (root.tag, root.get("version")) == (f"{X}gexf", "1.3")
    kinds = {(a.get("class"), t.get("id")): t.get("type") for a in root.iter(f"{X}attributes") for t in a}
    parse = {"long": int, "double": float, "string": str, "boolean": {"true": True, "false": False}.__getitem__}
    for scope in ("node", "edge"):
        for el in root.iter(f"{X}{scope}"):
            for v in el.iter(f"{X}attvalue"):
                parse[kinds[(scope, v.get("for"))]](v.get("value"))
    assert ("edge", "type") not in kinds


def test_export_gexf_timeline_matches_edtf_dates(built):
    g, out = built
    root = ET.parse(out / "graph.gexf").getroot()
    gel = root.find(f"{X}graph")
    assert (gel.get("mode"), gel.get("timeformat")) == ("dynamic", "date")
    spans = graph.spans(g)
    dated = {n.get("id"): (n.get("start"), n.get("end")) for n in root.iter(f"{X}node") if n.get("start")}
    assert dated == spans
    for e in root.iter(f"{X}edge"):
        touches = [spans[x] for x in (e.get("source"), e.get("target")) if x in spans]
        assert bool(e.get("start")) == bool(touches)


def test_export_node_link_json_reads_back(built):
    g, out = built
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    h = nx.node_link_graph(data, edges="links")
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    assert set(h) == set(g)
    values = [v for _, d in h.nodes(data=True) for v in d.values()] + [v for *_, d in h.edges(data=True) for v in d.values()]
    assert None not in values and not any(isinstance(v, dict) for v in values)


def test_export_view_has_no_none(built):
    h = export.view(built[0])
    assert all(v is not None for _, d in h.nodes(data=True) for v in d.values())
    assert all(v is not None and k != "type" for *_, d in h.edges(data=True) for k, v in d.items())


def test_export_build_writes_every_graph_file(tmp_path):
    seeds_graph(tmp_path)
    assert all((tmp_path / f).stat().st_size for f in ("graph.graphml", "graph.gexf", "graph.json"))


def test_export_report_lists_skipped_inputs_and_merges(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("香港科技园公司(科技园公司)行政总裁黄克强表示,科技园公司欢迎。", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    from kg.pipeline import build
    import json
    b = build([src], tmp_path / "out", cache=False)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [s["kind"] for s in report["skipped"]] == ["empty"]
    assert report["skipped"][0]["path"].endswith("empty.txt")
    assert any(m["name"] == "科技园公司" and m["reason"] for m in report["merges"])
    assert b.articles_read == 1


def _odd_graph() -> nx.MultiDiGraph:
    """Ids and values that need escaping in XML attributes and text, an empty label, a list, a bool."""
    g = nx.MultiDiGraph()
    g.add_node('org:A&B <"甲">\t乙\n丙', type="organization", label="", mentions=3, aliases=["x&y", "<z>"], peripheral=True)
    g.add_node("date:2023-05", type="date", value="2023-05", mentions=0)
    g.add_edge('org:A&B <"甲">\t乙\n丙', "date:2023-05", type="on_date", title='"签" & <约>', evidence="a\r\nb")
    return g


@pytest.mark.parametrize("name", ["odd", "empty"])
def test_export_streamed_xml_escapes_and_reads_back(tmp_path, name):
    g = _odd_graph() if name == "odd" else nx.MultiDiGraph()
    export.write_graphml(g, tmp_path / "g.graphml")
    export.write_gexf(g, tmp_path / "g.gexf")
    xmlschema.XMLSchema(SCHEMA).validate(tmp_path / "g.graphml")
    h = nx.read_graphml(tmp_path / "g.graphml")
    assert sorted(d["node"] for _, d in h.nodes(data=True)) == sorted(g)
    x = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    assert sorted(x) == sorted(g)
    assert Counter(d.get("title") for *_, d in x.edges(data=True)) == Counter(d.get("title") for *_, d in g.edges(data=True))


def test_export_streamed_xml_keeps_list_and_bool_values(tmp_path):
    export.write_graphml(_odd_graph(), tmp_path / "g.graphml")
    h = nx.read_graphml(tmp_path / "g.graphml")
    odd = next(d for _, d in h.nodes(data=True) if d["node"].startswith("org:"))
    assert (odd["aliases"], odd["peripheral"], odd["label"]) == ("x&y|<z>", True, 'org:A&B <"甲">\t乙\n丙')


def test_export_node_link_is_the_view_as_node_link_data(built):
    g, out = built
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert data == nx.node_link_data(export.view(g), edges="links")


def _mixed_graph() -> nx.MultiDiGraph:
    """Attributes whose values change type from node to node (int then float, str then int, a list,
    None), an attribute named like GraphML's id column, and dated and undated ends."""
    g = _odd_graph()
    g.add_node("org:B", type="organization", label="B", mentions=2.5, aliases="B", node=7)
    g.add_node("org:C", type="organization", peripheral=None, extra=1)
    g.add_edge("org:B", "org:C", type="partner", weight=2, evidence=None)
    g.add_edge("org:C", "date:2023-05", type="on_date", title=3)
    return g


@pytest.mark.parametrize("name", ["seeds", "mixed", "empty"])
def test_export_columns_match_every_views_types(built, name):
    """The column types taken from one node and edge of each shape are those of every view."""
    g = {"seeds": built[0], "mixed": _mixed_graph(), "empty": nx.MultiDiGraph()}[name]
    when = graph.spans(g)
    cols = export._Columns(g, when)
    nodes = export.columns({"node": n, **d} for n, d in export.view_nodes(g, when))
    edges = export.columns(d for *_, d in export.view_edges(g, when))
    assert (cols.graphml_node, cols.graphml_edge) == (nodes, edges)
    assert (list(cols.graphml_node), list(cols.graphml_edge)) == (list(nodes), list(edges))  # in the same order


def _resolved_sample():
    """The hand-made extractions before resolution (nodes and merges taken off) and after it, with
    surface texts that look like the open slots of ExtractionLines."""
    from dataclasses import replace

    from kg_sample import extractions
    from kg.model import remade

    xs = extractions()
    tricky = remade(xs[0].entities[0], aliases=('"node": null', ', "mentions": ['), merge_reason=None)
    xs[0] = replace(xs[0], entities=(tricky, *xs[0].entities[1:]))
    bare = [replace(x, entities=tuple(remade(e, node=None, merge_reason=None) for e in x.entities)) for x in xs]
    return bare, xs


def test_export_extraction_lines_are_write_extractions(tmp_path):
    from kg.model import Digest

    bare, resolved = _resolved_sample()
    export.write_extractions(resolved, tmp_path / "plain.jsonl")
    with export.ExtractionLines(tmp_path / "lines.jsonl") as lines:
        for x in bare:
            lines.add(x)
        lines.finish([Digest.of(x) for x in resolved])
    assert (tmp_path / "lines.jsonl").read_bytes() == (tmp_path / "plain.jsonl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lines.jsonl", "plain.jsonl"]  # nothing left open


def test_export_extraction_lines_leave_nothing_behind_on_failure(tmp_path):
    bare, _ = _resolved_sample()
    with pytest.raises(RuntimeError), export.ExtractionLines(tmp_path / "lines.jsonl") as lines:
        lines.add(bare[0])
        raise RuntimeError("a stage failed")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", [
    {}, [], {"a": []}, {"skipped": [], "merges": [{"node": "org:甲", "n": 1, "x": None, "ok": True, "f": 2.5}]},
    {"a": [1, 2.5, None, True, False, 'x", "y\n\u2028', {}, [], [[1], {"b": {"c": -0.0}}]]},
    {"": "中文", "k": 'a, "b": c', "nested": {"e": 1e100, "l": ["x", {"y": "z"}]}},
], ids=["empty-dict", "empty-list", "empty-list-value", "report", "mixed", "quotes-in-values"])
def test_export_indented_is_json_dumps_indent_1(value):
    assert export.indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_export_report_is_json_dump_indent_1(tmp_path):
    from kg.articles import Problem
    from kg.model import Kind
    from kg.resolve import Merge

    problems = [Problem("a.txt", None, "empty file", "empty"), Problem("b.jsonl", 3, 'bad "row", here', "json")]
    merges = [Merge("org:甲", Kind.ORGANIZATION, "甲公司", "甲", "short-form", "a1")]
    for ps, ms in ((problems, merges), ([], []), (problems[:1], [])):
        export.write_report(ps, ms, tmp_path / "report.json")
        text = (tmp_path / "report.json").read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"
