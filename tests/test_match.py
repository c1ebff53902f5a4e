from __future__ import annotations

from kg.extract.match import Gazetteer


def test_match_longest_first_without_overlap():
    g = Gazetteer([("山东", 1), ("山东省", 2), ("济南", 3), ("济南市", 4)])
    assert list(g.scan("山东省济南市和山东")) == [(0, 3, 2), (3, 6, 4), (7, 9, 1)]


def test_match_nothing_found_is_empty():
    assert list(Gazetteer([("香港", 1)]).scan("澳门")) == []
