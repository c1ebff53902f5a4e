"""kg.query and `kg query` / `kg show`: questions to a built graph, on a small hand-made graph
written and loaded back as `kg build` leaves it (graph.json)."""
from __future__ import annotations

import json

import pytest
from kg_sample import ARTICLES, sample_graph

from kg import cli, export, query
from kg.errors import InputError


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("built")
    export.write_node_link(sample_graph(), folder / "graph.json")
    return folder


@pytest.fixture(scope="module")
def g(out):
    return query.load(out)


def test_query_load_restores_relation_type(g):
    assert {d["type"] for *_, d in g.edges(data=True)} >= {"holds_position", "party_to", "on_date"}


def test_query_load_reads_kg_out(out, monkeypatch):
    monkeypatch.setenv("KG_OUT", str(out))
    assert query.load().number_of_nodes() == sample_graph().number_of_nodes()


def test_query_load_missing_graph_says_how_to_build(tmp_path):
    with pytest.raises(InputError, match="kg build"):
        query.load(tmp_path)


@pytest.mark.parametrize(("name", "node", "match"), [
    pytest.param("陈大文", "person:陈大文", "exact", id="simplified"),
    pytest.param("陳大文", "person:陈大文", "exact", id="traditional"),
    pytest.param("香港貿易發展局", "org:香港贸易发展局", "exact", id="traditional-alias"),
    pytest.param("《鲁港服务贸易合作备忘录》", "agreement:鲁港服务贸易合作备忘录", "exact", id="quoted-title"),
    pytest.param("person:李明", "person:李明", "exact", id="node-id"),
    pytest.param("青港物流", "agreement:青港物流合作协议", "partial", id="part-of-name"),
])
def test_query_find(g, name, node, match):
    first = query.find(g, name).iloc[0]
    assert (first.node, first.match) == (node, match)


def test_query_find_nothing_is_empty(g):
    assert query.find(g, "无此人").empty


def test_query_resolve_unknown_raises(g):
    with pytest.raises(query.UnknownEntity, match="无此人"):
        query.resolve(g, "无此人")


def test_query_top_ranks_by_mentions(g):
    ranked = query.top(g, region="HK")
    assert list(ranked.mentions) == sorted(ranked.mentions, reverse=True) and set(ranked.region) == {"HK"}


def test_query_neighbourhood_has_every_edge_of_the_entity(g):
    n = query.neighbourhood(g, "李明")
    assert sorted(n.relation) == ["holds_position", "participated_in"]


@pytest.mark.parametrize(("region", "people"), [
    pytest.param(None, ["李明", "陈大文", "陈大文"], id="all"),
    pytest.param("SD", ["李明"], id="shandong"),
    pytest.param("MO", [], id="none"),
])
def test_query_posts(g, region, people):
    assert sorted(query.posts(g, region=region).person) == people


@pytest.mark.parametrize(("sides", "count"), [
    pytest.param((), 2, id="all"),
    pytest.param(("SD", "HK"), 2, id="shandong-hong-kong"),
    pytest.param(("MO",), 0, id="macau"),
])
def test_query_agreements(g, sides, count):
    assert len(query.agreements(g, sides=sides)) == count


def test_query_agreements_list_parties_and_dates(g):
    row = query.agreements(g, sides=("SD", "HK")).iloc[0]
    assert (row.agreement, row.start, row.parties) == ("鲁港服务贸易合作备忘录", "2023-05-12", "香港贸易发展局 (HK)、山东省商务厅 (SD)")


def test_query_timeline_in_order_of_start(g):
    t = query.timeline(g)
    assert list(t.start) == sorted(t.start) and set(t.type) <= {"event", "agreement"} and len(t) == 3


def test_query_path_ends_at_both_entities(g):
    p = query.path(g, "李明", "青岛市政府")
    assert len(p) == 5 and "person:李明" in set(p.iloc[0][["source", "target"]]) and "org:青岛市政府" in set(p.iloc[-1][["source", "target"]])


def test_query_path_never_passes_through_a_date_by_default(g):
    p = query.path(g, "date:2023-05-12", "date:2024")
    hops = (set(p.source) | set(p.target)) - {"date:2023-05-12", "date:2024"}
    assert len(p) == 4 and not any(n.startswith("date:") for n in hops)


@pytest.mark.parametrize(("via", "steps"), [
    pytest.param(query.NOT_DATES, 2, id="default"),
    pytest.param(("person",), 0, id="not-through-events"),
])
def test_query_path_via(g, via, steps):
    assert len(query.path(g, "李明", "陈大文", via=via)) == steps


def test_query_evidence_is_the_article_sentence(g):
    e = query.evidence(g, "山东省商务厅", "李明")
    assert len(e) == 1
    row = e.iloc[0]
    assert ARTICLES[row.article][row.evidence_start:row.evidence_end] == row.evidence


def test_query_summary_totals_every_node(g):
    assert query.summary(g).loc["total", "total"] == g.number_of_nodes()


def test_query_ego_svg_labels_the_neighbourhood(g):
    svg = query.ego_svg(g, "陳大文")
    assert svg.startswith("<svg") and all(x in svg for x in ("陈大文", "香港贸易发展局", "鲁港经贸合作交流会"))


@pytest.mark.parametrize(("argv", "expected"), [
    pytest.param(["query", "find", "陳大文"], "person:陈大文", id="find"),
    pytest.param(["query", "posts", "--region", "SD"], "厅长", id="posts"),
    pytest.param(["query", "agreements", "--sides", "SD", "HK"], "青港物流合作协议", id="agreements"),
    pytest.param(["query", "timeline"], "2024-01-01", id="timeline"),
    pytest.param(["query", "path", "李明", "青岛市政府"], "青岛市政府", id="path"),
    pytest.param(["query", "evidence", "李明", "山东省商务厅", "--format", "csv"], "山东省商务厅厅长李明", id="evidence-csv"),
    pytest.param(["query", "summary"], "total", id="summary"),
    pytest.param(["show", "陳大文"], "participated_in", id="show"),
])
def test_query_cli(out, capsys, argv, expected):
    assert cli.main([*argv, "--out", str(out)]) == 0
    assert expected in capsys.readouterr().out


def test_query_cli_json_is_records(out, capsys):
    assert cli.main(["query", "find", "李明", "--out", str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["node"] == "person:李明"


def test_query_cli_show_json_is_one_document(out, capsys):
    assert cli.main(["show", "李明", "--out", str(out), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["entity"]["node"], len(shown["relations"])) == ("person:李明", 2)


def test_query_cli_unknown_entity_exits_1(out, capsys):
    assert cli.main(["show", "无此人", "--out", str(out)]) == 1
    assert "无此人" in capsys.readouterr().err
