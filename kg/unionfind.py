"""Union-find over hashable items: the one clustering structure of kg (mentions into entities,
entities into nodes, event mentions into events). Roots are chosen by a fixed order (the smallest
`repr`), so the groups and their roots do not depend on the order of the joins."""
from __future__ import annotations

from collections.abc import Hashable


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x: Hashable) -> Hashable:
        parent = self.parent
        if parent.setdefault(x, x) == x:
            return x  # a root (most items asked about): one lookup
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ka, kb = repr(ra), repr(rb)  # once each: max(ra, rb, key=repr) gets min(ra, rb, key=repr)
        self.parent[ra if ka >= kb else rb] = ra if ka <= kb else rb
        return True
