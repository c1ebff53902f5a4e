"""The extraction driver: overlaps between kinds are settled the same way as an obviously right,
quadratic reference does it."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import PRECEDENCE, Findings, _inside, _overlaps, settle
from kg.model import Kind, Mention


def settle_reference(found: Findings) -> tuple[Mention, ...]:
    rank = {k: i for i, k in enumerate(PRECEDENCE)}
    kept: list[Mention] = []
    for m in sorted(found.mentions, key=lambda m: (rank[m.kind], -(m.nend - m.nstart), m.nstart)):
        if m.kind is not Kind.DATE and any(_inside(m, k) and k.kind is not Kind.DATE for k in kept):
            continue
        if any(k.kind is m.kind and _overlaps(m, k) for k in kept):
            continue
        kept.append(m)
    return tuple(sorted(kept, key=lambda m: (m.nstart, m.nend, m.kind)))


SPANS = st.lists(st.tuples(st.sampled_from(list(Kind)), st.integers(0, 60), st.integers(1, 25)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(SPANS)
def test_extract_settle_matches_the_quadratic_reference(spans):
    mentions = tuple({Mention(kind, s, s + n, "x" * n, "x" * n, s, s + n, "test") for kind, s, n in spans})
    found = Findings(mentions)
    assert settle(found).mentions == settle_reference(found)
