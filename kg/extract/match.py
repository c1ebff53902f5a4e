"""Longest-match lookup of lexicon entries in a text (a dict keyed by first character), and the
outermost of a set of spans.

Pure and allocation-light: about as fast as a compiled alternation for a few thousand entries, and
it returns the longest entry at each position, left to right, without overlaps.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar


class _Span(Protocol):
    nstart: int
    nend: int


_S = TypeVar("_S", bound=_Span)


class Gazetteer:
    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        self._by_first: dict[str, dict[str, object]] = {}
        for word, payload in entries:
            if word:
                self._by_first.setdefault(word[0], {})[word] = payload
        # the entry lengths for each first character, longest first: the only lengths worth trying
        self._lengths = {c: sorted({len(w) for w in ws}, reverse=True) for c, ws in self._by_first.items()}
        # any first character: scan jumps from one to the next instead of looking at every position
        firsts = "".join(sorted(map(re.escape, self._by_first)))
        self._first = re.compile(f"[{firsts}]" if firsts else "(?!)")

    def __contains__(self, word: str) -> bool:
        return bool(word) and word in self._by_first.get(word[0], {})

    def get(self, word: str) -> object | None:
        return self._by_first.get(word[0], {}).get(word) if word else None

    def longest_at(self, text: str, i: int) -> tuple[int, object] | None:
        """(end, payload) of the longest entry starting at text[i], or None."""
        cands = self._by_first.get(text[i]) if i < len(text) else None
        if not cands:
            return None
        for n in self._lengths[text[i]]:
            p = cands.get(text[i:i + n])
            if p is not None and i + n <= len(text):
                return i + n, p
        return None

    def scan(self, text: str) -> Iterator[tuple[int, int, object]]:
        """Non-overlapping longest matches, left to right: (start, end, payload)."""
        i = 0
        while (first := self._first.search(text, i)) is not None:
            i = first.start()
            hit = self.longest_at(text, i)
            if hit:
                yield i, hit[0], hit[1]
                i = hit[0]
            else:
                i += 1


def outermost(spans: Sequence[_S]) -> list[_S]:
    """The items of `spans` (anything with .nstart and .nend, such as Mentions) that lie inside no
    strictly longer one, in their order: the same as keeping m unless some o has o.nstart <= m.nstart,
    m.nend <= o.nend and is longer, but in n log n instead of n² (one sweep by start)."""
    inner: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the distinct spans seen so far
    for s, e in sorted({(m.nstart, m.nend) for m in spans}, key=lambda se: (se[0], -se[1])):
        if reach >= e:  # an earlier span starts at or before s and ends at or after e, and differs
            inner.add((s, e))
        reach = max(reach, e)
    return [m for m in spans if (m.nstart, m.nend) not in inner]
