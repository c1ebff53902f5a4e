from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.match import Gazetteer, outermost


@dataclass(eq=False)
class Span:
    nstart: int
    nend: int


def test_match_longest_first_without_overlap():
    g = Gazetteer([("山东", 1), ("山东省", 2), ("济南", 3), ("济南市", 4)])
    assert list(g.scan("山东省济南市和山东")) == [(0, 3, 2), (3, 6, 4), (7, 9, 1)]


def test_match_nothing_found_is_empty():
    assert list(Gazetteer([("香港", 1)]).scan("澳门")) == []


def _quadratic_outermost(ms):
    return [m for m in ms if not any(o is not m and o.nstart <= m.nstart and m.nend <= o.nend
                                     and o.nend - o.nstart > m.nend - m.nstart for o in ms)]


@pytest.mark.parametrize("spans", [
    pytest.param([], id="empty"),
    pytest.param([(0, 3), (1, 2), (5, 7)], id="nested-dropped"),
    pytest.param([(0, 3), (0, 3), (1, 3)], id="equal-spans-both-kept"),
    pytest.param([(0, 2), (0, 4), (2, 4), (3, 6)], id="same-start-longer-wins"),
    pytest.param([(2, 5), (0, 3), (1, 6)], id="unsorted-input-order-kept"),
])
def test_match_outermost_cases(spans):
    ms = [Span(s, e) for s, e in spans]
    assert outermost(ms) == _quadratic_outermost(ms)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6)), max_size=25))
def test_match_outermost_is_the_quadratic_definition(pairs):
    ms = [Span(s, s + n) for s, n in pairs]
    assert [id(m) for m in outermost(ms)] == [id(m) for m in _quadratic_outermost(ms)]
