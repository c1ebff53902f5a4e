"""Extraction: one module per kind, run in a fixed order over one `Doc`.

Each stage is `find(doc, lex, prior) -> Findings`, where `prior` holds what the earlier stages
found (organisations see places, persons see organisations, roles see both, and so on).
Overlaps between kinds are settled after the stages, in `settle`; then each refiner
`refine(doc, lex, found) -> Findings` may rewrite the whole findings (regions, for instance, which
need every organisation and role known).
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from collections.abc import Callable

from kg.doc import Doc
from kg.extract import agreements, dates, events, organizations, persons, places, regions, roles
from kg.extract.roles import COMMITTEE_PLACE
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Mention

Stage = Callable[[Doc, Lexicon, Findings], Findings]


def _dates(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    return Findings(tuple(dates.find(doc)))


STAGES: tuple[Stage, ...] = (
    places.find,
    organizations.find,
    persons.find,
    roles.find,
    _dates,
    events.find,
    agreements.find,
)
REFINERS: tuple[Stage, ...] = (regions.refine,)

# when spans of two kinds overlap, the kind earlier here keeps its span
PRECEDENCE = (Kind.AGREEMENT, Kind.EVENT, Kind.ORGANIZATION, Kind.PERSON, Kind.PLACE, Kind.DATE)


def extract(doc: Doc, lex: Lexicon) -> Findings:
    found = Findings()
    for stage in STAGES:
        new = stage(doc, lex, found)
        found = Findings(found.mentions + new.mentions, found.links + new.links)
    found = settle(found)
    for refiner in REFINERS:
        found = refiner(doc, lex, found)
    return found


def settle(found: Findings) -> Findings:
    """Drop mentions that lie inside a mention of a kind of higher precedence (a place inside an
    organisation's name), except dates, which may sit inside events, and a committee's place that a
    post is held in (青岛市 of 青岛市委, see roles.COMMITTEE_PLACE); and links to dropped mentions, but
    for one whose target is named again elsewhere, which then takes the link."""
    rank = {k: i for i, k in enumerate(PRECEDENCE)}
    ordered = sorted(found.mentions, key=lambda m: (rank[m.kind], -(m.nend - m.nstart), m.nstart))
    longest = max((m.nend - m.nstart for m in ordered), default=0)
    starts: list[tuple[int, int]] = []  # (nstart, index in kept), sorted: only near spans are compared
    kept: list[Mention] = []
    date, agreement = Kind.DATE, Kind.AGREEMENT
    for m in ordered:
        ms, me, mk = m.nstart, m.nend, m.kind
        lo = bisect.bisect_left(starts, (ms - longest, -1))
        hi = bisect.bisect_left(starts, (me, -1))
        may_be_inside = mk is not date and m.rule != COMMITTEE_PLACE
        for _, i in starts[lo:hi]:  # every kept span that can contain or overlap m
            k = kept[i]
            ks, ke, kk = k.nstart, k.nend, k.kind
            if kk is mk and ms < ke and ks < me and not (mk is agreement and (ks, ke) == (ms, me) and k.label != m.label):
                break  # overlaps a kept mention of its own kind (_overlaps), but for the agreements
                # one signing makes with each party (分别与甲、乙签订协议: labelled apart)
            if may_be_inside and kk is not date and (
                    (ks <= ms and me <= ke and (ks, ke) != (ms, me)) or ((ks, ke) == (ms, me) and kk is not mk)):
                break  # inside a kept mention of a kind that wins (_inside)
        else:
            bisect.insort(starts, (ms, len(kept)))
            kept.append(m)
    keep = set(kept)
    named: dict[tuple[Kind, str], Mention] = {}
    for m in sorted(kept, key=lambda m: m.nstart):
        named.setdefault((m.kind, m.norm), m)
    links = []
    for l in found.links:
        if l.target is not None and l.target not in keep and (other := named.get((l.target.kind, l.target.norm))):
            l = replace(l, target=other)  # the place dropped inside an event's name is named elsewhere too
        if l.source in keep and (l.target is None or l.target in keep):
            links.append(l)
    return Findings(tuple(sorted(kept, key=lambda m: (m.nstart, m.nend, m.kind))), tuple(links))


def _inside(m: Mention, k: Mention) -> bool:
    return k.nstart <= m.nstart and m.nend <= k.nend and (k.nstart, k.nend) != (m.nstart, m.nend) or (
        (k.nstart, k.nend) == (m.nstart, m.nend) and k.kind is not m.kind)


def _overlaps(m: Mention, k: Mention) -> bool:
    return m.nstart < k.nend and k.nstart < m.nend
