"""Resolution: mentions -> entities within an article, and entities -> graph nodes across articles.

Within an article: mentions of one kind join when their keys are equal, when an extractor linked
them as alias and full name (`ALIAS_OF`), or when one is a short form of exactly one other (a
suffix or prefix of it: 科技园公司 of 香港科技园公司, 山东 of 山东省). Union-find throughout.
Across articles: entities of one kind join on a shared key of their names and aliases.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace

from kg.doc import Doc
from kg.model import Entity, Extraction, Findings, Kind, Mention, Region, Rel, Relation

_NOT_KEY = re.compile(r"[\s「」『』《》〈〉“”‘’\"'·・()（）]+")
NODE_PREFIX = {Kind.PERSON: "person", Kind.ORGANIZATION: "org", Kind.PLACE: "place",
               Kind.DATE: "date", Kind.EVENT: "event", Kind.AGREEMENT: "agreement"}


def key(name: str) -> str:
    """The comparison key of a (simplified) name: no spaces, quotes or brackets, Latin lower-cased."""
    return _NOT_KEY.sub("", name).lower()


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)

    def groups(self, items: Iterable[Hashable]) -> list[list[Hashable]]:
        out: dict[Hashable, list[Hashable]] = defaultdict(list)
        for x in items:
            out[self.find(x)].append(x)
        return list(out.values())


def _mention_key(m: Mention) -> tuple[Kind, str]:
    return (m.kind, m.value if m.kind is Kind.DATE and m.value else key(m.norm))


def _is_short_form(short: str, long: str) -> bool:
    return short != long and len(short) >= 2 and (long.endswith(short) or long.startswith(short))


def within(doc: Doc, found: Findings) -> Extraction:
    """Group one article's mentions into entities and its links into relations."""
    uf = UnionFind()
    keys = {m: _mention_key(m) for m in found.mentions}
    for k in keys.values():
        uf.find(k)
    for link in found.links:
        if link.type is Rel.ALIAS_OF:
            uf.union(keys[link.source], keys[link.target])
    by_kind: dict[Kind, set[str]] = defaultdict(set)
    for kind, k in keys.values():
        if kind in (Kind.ORGANIZATION, Kind.PLACE):
            by_kind[kind].add(k)
    for kind, ks in by_kind.items():
        for short in ks:
            longer = [l for l in ks if _is_short_form(short, l)]
            roots = {uf.find((kind, l)) for l in longer}
            if len(roots) == 1:
                uf.union((kind, short), longer[0])
    groups: dict[Hashable, list[Mention]] = defaultdict(list)
    for m in found.mentions:
        groups[uf.find(keys[m])].append(m)
    entities, ent_of = [], {}
    for n, ms in enumerate(sorted(groups.values(), key=lambda ms: min(m.start for m in ms)), 1):
        ent = _entity(f"e{n}", ms)
        entities.append(ent)
        for m in ms:
            ent_of[m] = ent.id
    relations: dict[tuple, Relation] = {}
    for link in found.links:
        if link.type is Rel.ALIAS_OF:
            continue
        s, t = ent_of[link.source], ent_of[link.target]
        rel = Relation(link.type, s, t, link.title, link.evidence)
        relations.setdefault((rel.type, s, t, rel.title), rel)
    return Extraction(doc.article, tuple(entities), tuple(relations.values()))


def _entity(eid: str, ms: Sequence[Mention]) -> Entity:
    ms = sorted(ms, key=lambda m: m.start)
    first = ms[0]
    norms = Counter(m.norm for m in ms)
    if first.kind is Kind.DATE:
        name = first.norm
    else:
        name = max(norms, key=lambda n: (len(key(n)), norms[n], -ms.index(next(m for m in ms if m.norm == n))))
    aliases = sorted({m.norm for m in ms} | {m.text for m in ms if "\n" not in m.text} - {name})
    regions = Counter(m.region for m in ms if m.region)
    titles = [m.title for m in ms if m.title]
    kinds = [m.agreement_kind for m in ms if m.agreement_kind]
    return Entity(id=eid, kind=first.kind, name=name, aliases=tuple(aliases), mentions=tuple(ms),
                  region=regions.most_common(1)[0][0] if regions else None,
                  peripheral=all(m.peripheral for m in ms),
                  value=first.value if first.kind is Kind.DATE else None,
                  title=titles[0] if titles else None, agreement_kind=kinds[0] if kinds else None)


def _names(e: Entity) -> set[str]:
    if e.kind is Kind.DATE:
        return {e.value or key(e.name)}
    from kg.script import to_simplified
    return {key(to_simplified(n)) for n in (e.name, *e.aliases)} - {""}


def across(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """Give every entity the id of its graph node; entities of one kind that share a key join."""
    uf = UnionFind()
    for x in extractions:
        for e in x.entities:
            ref = (x.article.id, e.id)
            for n in _names(e):
                uf.union(ref, (e.kind, n))
    clusters: dict[Hashable, list[tuple[Extraction, Entity]]] = defaultdict(list)
    for x in extractions:
        for e in x.entities:
            clusters[uf.find((x.article.id, e.id))].append((x, e))
    node_of: dict[tuple[str, str], tuple[str, str]] = {}
    for members in clusters.values():
        kind = members[0][1].kind
        label = Counter(e.name for _, e in members).most_common(1)[0][0]
        node = f"{NODE_PREFIX[kind]}:{members[0][1].value if kind is Kind.DATE else label}"
        for x, e in members:
            reason = "exact" if len(members) == 1 or e.name == label else "alias"
            node_of[(x.article.id, e.id)] = (node, reason)
    out = []
    for x in extractions:
        ents = tuple(replace(e, node=node_of[(x.article.id, e.id)][0], merge_reason=node_of[(x.article.id, e.id)][1])
                     for e in x.entities)
        out.append(replace(x, entities=ents))
    return tuple(out)
