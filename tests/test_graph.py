"""kg.graph: the graph built from resolved extractions, and the days its EDTF dates cover."""
from __future__ import annotations

import pytest
from kg_sample import ARTICLES, extractions, sample_graph

from kg import graph
from kg.model import Digest


@pytest.mark.parametrize(("value", "span"), [
    pytest.param("2023-10-24", ("2023-10-24", "2023-10-24"), id="day"),
    pytest.param("2023-05", ("2023-05-01", "2023-05-31"), id="month"),
    pytest.param("2024-02", ("2024-02-01", "2024-02-29"), id="leap-february"),
    pytest.param("2019", ("2019-01-01", "2019-12-31"), id="year"),
    pytest.param("2025-05-19/2025-05-23", ("2025-05-19", "2025-05-23"), id="interval"),
    pytest.param("2023-05~", ("2023-05-01", "2023-05-31"), id="approximate"),
    pytest.param("2023-21", ("2023-03-01", "2023-05-31"), id="spring"),
    pytest.param("202X", ("2020-01-01", "2029-12-31"), id="decade"),
    pytest.param("XXXX-02-23", None, id="unknown-year"),
    pytest.param("../2023", None, id="open-interval"),
    pytest.param("2023-05-01/2022", None, id="backwards-interval"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
])
def test_graph_edtf_span(value, span):
    assert graph.edtf_span(value) == span


@pytest.fixture(scope="module")
def g():
    return sample_graph()


@pytest.mark.parametrize(("node", "span"), [
    pytest.param("date:2023-05-12", ("2023-05-12", "2023-05-12"), id="date-node"),
    pytest.param("event:鲁港经贸合作交流会", ("2023-05-12", "2023-05-12"), id="event-by-on_date"),
    pytest.param("agreement:青港物流合作协议", ("2024-01-01", "2024-12-31"), id="agreement-by-year"),
    pytest.param("date:XXXX-02-23", None, id="no-year-undated"),
    pytest.param("person:李明", None, id="actor-undated"),
])
def test_graph_spans(g, node, span):
    assert graph.spans(g).get(node) == span


def test_graph_build_merges_scripts_into_one_node(g):
    d = g.nodes["person:陈大文"]
    assert (d["label"], d["aliases"], d["articles"], d["mentions"]) == ("陈大文", ["陳大文"], ["a1", "a2"], 2)


def test_graph_build_edges_carry_evidence(g):
    for u, v, d in g.edges(data=True):
        assert d["evidence"] and d["article"] in g.nodes[u]["articles"]


def test_graph_digest_keeps_each_relations_sentence_not_the_text():
    x = extractions()[0]
    d = Digest.of(x)
    assert (d.article.id, d.article.title, d.article.text) == (x.article.id, x.article.title, "")
    assert d.evidence == tuple(ARTICLES["a1"] for _ in x.relations)
    assert len({id(s) for s in d.evidence}) == 1  # one string for a sentence many relations cite


def test_graph_build_from_digests_is_the_graph_of_the_extractions(g):
    again = graph.build([Digest.of(x) for x in extractions()])
    assert list(again.edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))
    assert list(again.nodes(data=True)) == list(g.nodes(data=True))


def test_graph_summary_counts_every_node_and_edge(g):
    s = graph.summary(g)
    assert (sum(s["nodes"].values()), sum(s["edges"].values())) == (g.number_of_nodes(), g.number_of_edges())
