"""Longest-match lookup of lexicon entries in a text (a dict keyed by first character).

Pure and allocation-light: about as fast as a compiled alternation for a few thousand entries, and
it returns the longest entry at each position, left to right, without overlaps.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator


class Gazetteer:
    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        self._by_first: dict[str, dict[str, object]] = {}
        self._max = 0
        for word, payload in entries:
            if word:
                self._by_first.setdefault(word[0], {})[word] = payload
                self._max = max(self._max, len(word))

    def __contains__(self, word: str) -> bool:
        return bool(word) and word in self._by_first.get(word[0], {})

    def get(self, word: str) -> object | None:
        return self._by_first.get(word[0], {}).get(word) if word else None

    def longest_at(self, text: str, i: int) -> tuple[int, object] | None:
        """(end, payload) of the longest entry starting at text[i], or None."""
        cands = self._by_first.get(text[i]) if i < len(text) else None
        if not cands:
            return None
        for n in range(min(self._max, len(text) - i), 0, -1):
            p = cands.get(text[i:i + n])
            if p is not None:
                return i + n, p
        return None

    def scan(self, text: str) -> Iterator[tuple[int, int, object]]:
        """Non-overlapping longest matches, left to right: (start, end, payload)."""
        i, n = 0, len(text)
        while i < n:
            hit = self.longest_at(text, i)
            if hit:
                yield i, hit[0], hit[1]
                i = hit[0]
            else:
                i += 1
