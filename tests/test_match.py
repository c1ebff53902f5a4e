from __future__ import annotations

from dataclasses import dataclass

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.match import Gazetteer, Spans, outermost, trie_pattern


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


def _naive_scan(entries, text):
    """Longest entry (with a payload) at each position, left to right, without overlaps: the
    definition Gazetteer.scan follows, one slice at a time."""
    table = dict(entries)  # a later payload for the same word wins, as in Gazetteer
    out, i = [], 0
    while i < len(text):
        hit = max((n for n in range(1, len(text) - i + 1) if table.get(text[i:i + n]) is not None), default=0)
        if hit:
            out.append((i, i + hit, table[text[i:i + hit]]))
            i += hit
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text("山东省济南市a", min_size=1, max_size=4), st.sampled_from([1, 2, None])), max_size=12),
       st.text("山东省济南市ab", max_size=30))
def test_match_scan_is_the_longest_match_definition(entries, text):
    assert list(Gazetteer(entries).scan(text)) == _naive_scan(entries, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 6)), max_size=15), st.integers(-3, 25), st.integers(0, 8))
def test_match_spans_find_what_a_pass_over_all_finds(pairs, lo, width):
    spans = [(s, s + n) for s, n in pairs]
    index, hi = Spans(spans), lo + width
    assert index.starting(lo, hi) == sorted(sp for sp in spans if lo <= sp[0] < hi)
    assert {sp for sp in spans if sp[0] < hi and lo < sp[1]} <= set(index.near(lo, hi))
    assert {sp for sp in spans if sp[0] <= lo < sp[1]} <= set(index.near(lo, lo + 1))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("山东省济南市a.", min_size=1, max_size=4), min_size=1, max_size=12),
       st.text("山东省济南市ab.", max_size=30))
def test_match_trie_pattern_is_the_longest_first_alternation(words, text):
    alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]
    assert [(m := trie.match(text, i)) and m.span() for i in range(len(text))] == \
        [(m := alternation.match(text, i)) and m.span() for i in range(len(text))]
    assert re.search(f"(?:{trie.pattern})$", text) == re.search(f"(?:{alternation.pattern})$", text) or \
        re.search(f"(?:{trie.pattern})$", text).span() == re.search(f"(?:{alternation.pattern})$", text).span()
