"""Resolution: mentions -> entities within an article, and entities -> graph nodes across articles.

Names are compared by their form (kg.forms: simplified, no spaces, known short forms, legal forms
and region prefixes rewritten). Union-find throughout; every join carries a reason:

    exact             the same name as written
    script            the same name in the other script (黃克強 / 黄克强)
    abbreviation      the same form after known short forms (港府 / 香港特区政府 / 香港特别行政区政府)
    alias-definition  declared in the text: `华鲁控股集团有限公司(华鲁集团)`, or an extractor's ALIAS_OF
    short-form        a short form of exactly one longer name (科技园公司 / 香港科技园公司, 济南 / 济南市)
    fuzzy:0.93        an OCR or spacing variant (rapidfuzz ratio), same head, digits and region
    ambiguous:...     never a join: a short form that fits several names, kept apart

Never joined: different kinds; different heads (香港中文大学 / 香港中文大学(深圳)); persons other
than by name, script or declaration. Across articles candidates come from blocks (a form, a head
noun and a character, a head and a half of the form), never from all pairs, so the cost grows
near-linearly with the number of entities.

The across-article joining rules and their blocks are in kg/blocking.py; this module holds
`within`, `across` (clustering, node ids and labels) and `merges` (the report of joins).
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TypeVar

# ACROSS_MIN_STEM and short_forms stay importable as resolve.ACROSS_MIN_STEM, resolve.short_forms
from kg.blocking import (ACROSS_MIN_STEM, NAMED, SHORTENED, Ref, cached_form, form_of,  # noqa: F401
                         join_aliases, join_fuzzy, join_short_forms, short_forms)
from kg.doc import Doc
from kg.forms import Forms, is_subsequence, key, squeeze
from kg.lexicon import Lexicon, default
from kg.model import (PLAIN_ALIASES, Brief, Digest, Entity, Extraction, Findings, Kind, Mention, Rel, Relation,
                      remade)
from kg.script import to_simplified
from kg.unionfind import UnionFind

HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character: a name with one is preferred to a Latin one

NODE_PREFIX = {Kind.PERSON: "person", Kind.ORGANIZATION: "org", Kind.PLACE: "place",
               Kind.DATE: "date", Kind.EVENT: "event", Kind.AGREEMENT: "agreement"}
# a definition in brackets right after a name: 华鲁控股集团有限公司(华鲁集团), 建造业创新及科技基金(CITF)
DEFINITION = re.compile(r"""
    \(                          # the opening bracket, right after the name (folded to ASCII in Doc.text)
    (?:以下简称|以下称|下称|简称)?   # an optional 'called' word
    [「“"]?                      # an optional quote
    ([^()「」“”"]{2,20}?)       # the short form
    [」”"]?                      # an optional closing quote
    \)                          # the closing bracket
""", re.VERBOSE)
# a Latin acronym as a defined short form: CITF, AMC, HKSTP
ACRONYM = re.compile(r"""
    ^[A-Z][A-Za-z0-9@&]{1,11}$    # a capital, then letters, digits or @ &
""", re.VERBOSE)


@dataclass(frozen=True, slots=True)
class Merge:
    """One join (or refusal) that resolution made, for a user to audit."""

    node: str
    kind: Kind
    name: str  # the form that joined
    label: str  # the node's label
    reason: str
    article: str


# ---------------------------------------------------------------- within one article

def within(doc: Doc, found: Findings, lex: Lexicon | None = None) -> Extraction:
    """Group one article's mentions into entities (one per distinct thing, its other forms as
    aliases) and its links into relations."""
    forms = Forms.of(lex or default())
    uf = UnionFind()
    nodes = []  # each mention's node (a date's value, an unnamed event's label, else the form), in order
    date, alias_of = Kind.DATE, Rel.ALIAS_OF  # (read once: see model.of_kind)
    for m in found.mentions:
        kind = m.kind
        if kind is date and m.value:
            nodes.append((kind, m.value))
        elif m.label:
            nodes.append((kind, key(m.label)))
        else:
            nodes.append((kind, cached_form(forms, kind, m.norm)))
    node = dict(zip(found.mentions, nodes))
    reasons: dict[Hashable, str] = {}

    def join(a: Hashable, b: Hashable, reason: str) -> None:
        if uf.union(a, b):
            reasons.setdefault(a, reason)
            reasons.setdefault(b, reason)

    for n in node.values():
        uf.find(n)
    for link in found.links:
        if link.type is alias_of and link.source.kind is link.target.kind:
            join(node[link.source], node[link.target], "alias-definition")
    defined = _definitions(doc, found, forms)
    for m, _, short in defined:
        if (m.kind, short) in uf.parent:
            join(node[m], (m.kind, short), "alias-definition")
    variants: dict[tuple[Kind, str], set[str]] = defaultdict(set)  # a node's form and its keys
    for m, n in node.items():
        if m.kind in NAMED:
            variants[n] |= {n[1], key(m.norm)}
    # a short form is shorter than its long form, and only organisations and places have them:
    # the pairs that cannot be one are skipped without asking forms.is_short_form
    shortest = {n: min(map(len, vs)) for n, vs in variants.items()}
    longest = {n: max(map(len, vs)) for n, vs in variants.items()}
    # a short form's characters all stand in its long form (is_short_form holds only for a
    # subsequence), so the long forms asked about are the nodes with every character of a variant
    holding: dict[tuple[Kind, str], set[str]] = defaultdict(set)  # (kind, character) -> nodes' forms
    for (kind, f), vs in variants.items():
        if kind in SHORTENED:
            for c in {c for v in vs for c in v}:
                holding[(kind, c)].add(f)
    # the page's own name on its first line (a site's masthead: 潍坊市人民政府), which a short form
    # that fits several long ones (市政府 of 潍坊市人民政府 and 寿光市人民政府) stands for
    first_line = doc.text.find("\n")
    masthead = {node[m] for m in found.mentions if m.kind in NAMED and 0 <= m.nstart and m.nend <= first_line}
    for kind, short in sorted(variants):
        if kind not in SHORTENED:
            continue
        least = shortest[(kind, short)]
        near = set().union(*(set.intersection(*(holding[(kind, c)] for c in set(a)))
                             for a in variants[(kind, short)] if len(a) >= 2))  # is_short_form needs 2
        if len(near) < 2:
            continue  # nothing but the form itself (it holds its own characters): most forms
        longer = sorted(l for l in near if l != short and longest[(kind, l)] > least and any(
            forms.is_short_form(kind, a, b) or kind is Kind.ORGANIZATION and forms.is_brand_of(a, b)
            for a in variants[(kind, short)] for b in variants[(kind, l)]))
        if len({uf.find((kind, l)) for l in longer}) == 1:
            join((kind, short), (kind, longer[0]), "short-form")
        elif len(own := {uf.find((kind, l)) for l in longer if (kind, l) in masthead}) == 1:
            join((kind, short), own.pop(), "short-form")  # 市政府 on 潍坊市人民政府's own page
    groups: dict[Hashable, list[tuple[Mention, Hashable]]] = defaultdict(list)  # (mention, its node)
    for m, n in zip(found.mentions, nodes):
        groups[uf.find(n)].append((m, n))
    extra = defaultdict(set)  # defined short forms the extractors did not find as mentions
    for m, written, short in defined:
        if (m.kind, short) not in uf.parent:
            extra[uf.find(node[m])].add(written)
    entities, ent_of = [], {}  # (entity ids are interned: every article numbers its entities e1, e2, ...)
    for i, (root, group) in enumerate(sorted(groups.items(), key=lambda g: min(m.start for m, _ in g[1])), 1):
        ms = [m for m, _ in group]
        ent = _entity(sys.intern(f"e{i}"), ms, extra[root], {_surface(m): reasons.get(n, "") for m, n in group}, forms)
        entities.append(ent)
        ent_of.update(dict.fromkeys(ms, ent.id))
    relations: dict[tuple, Relation] = {}
    for link in found.links:
        if link.type is alias_of:
            continue
        s, t = ent_of[link.source], ent_of[link.target] if link.target is not None else None
        rel = Relation(link.type, s, t, link.title, link.evidence)
        relations.setdefault((rel.type, s, t, rel.title), rel)
    held = {(r.type, r.source, r.title) for r in relations.values() if r.target is not None}
    kept = [r for r in relations.values() if r.target is not None or (r.type, r.source, r.title) not in held]
    return Extraction(doc.article, tuple(entities), tuple(kept))  # (记者 at 东营日报 says all 记者 says)


@lru_cache(maxsize=1 << 16)
def _tidy(surface: str) -> str:
    """A surface form without a bracket an extractor left unbalanced at its edge: (华鲁集团 -> 华鲁集团."""
    s = surface.strip()
    if s[:1] in "(（" and ")" not in s and "）" not in s:
        s = s[1:]
    if s[-1:] in ")）" and "(" not in s and "（" not in s:
        s = s[:-1]
    return s.strip()


def _alias_reason(alias: str, name: str, kind: Kind, joined: str | None, defined: bool, forms: Forms) -> str:
    if key(alias) == key(name):
        return "exact" if _simplified(alias) == alias else "script"
    if kind in NAMED and cached_form(forms, kind, alias) == cached_form(forms, kind, name):
        return "abbreviation"
    return joined or ("alias-definition" if defined else "short-form")


def _surface(m: Mention) -> str:
    """What a mention names: an unnamed event's descriptive label, else its normalised text."""
    return m.label or m.norm


def _definitions(doc: Doc, found: Findings, forms: Forms) -> list[tuple[Mention, str, str]]:
    """(mention, short form as written, its form) for each name followed by a bracketed short form."""
    out = []
    for m in found.mentions:
        if m.kind not in SHORTENED:
            continue
        d = DEFINITION.match(doc.text, m.nend)
        if not d:
            continue
        short = d.group(1).strip()
        full, sf = forms.form(m.kind, m.norm), forms.form(m.kind, short)
        if ACRONYM.match(short) or forms.is_short_form(m.kind, sf, full) or is_subsequence(sf, full) and len(sf) >= 2:
            if forms.region(sf) != sf:  # 香港中文大学(深圳): a place in brackets is part of the name
                out.append((m, short, sf))
    return out


def _entity(eid: str, ms: Sequence[Mention], defined: Iterable[str], why: dict[str, str], forms: Forms) -> Entity:
    if len(ms) == 1:
        return _one_mention_entity(eid, ms[0], defined, why, forms)
    ms = sorted(ms, key=_START)
    first = ms[0]
    said = [_surface(m) for m in ms]
    distinct = set(said)
    if first.kind is Kind.DATE:
        name = first.norm
    elif labelled := [m.label for m in ms if m.label]:  # an unnamed event: its most often given label, the first on a tie
        labels, order = Counter(labelled), _first_index(said)
        name = max(labels, key=lambda n: (labels[n], -order[n]))
    elif len(distinct) == 1:
        name = said[0]
    else:  # a Chinese name before a Latin one, then the fullest, then the most often said, then the first
        norms, order = Counter(said), _first_index(said)
        name = max(norms, key=lambda n: (bool(HAN.search(n)), len(key(n)), norms[n], -order[n]))
    surfaces = ({_tidy(s) for s in distinct} | {_tidy(m.text) for m in ms if "\n" not in m.text and not m.label}
                | set(defined))
    name = _full_name(first.kind, name, surfaces, forms)
    aliases = sorted(surfaces - {name, ""})
    alias_why = tuple((a, _alias_reason(a, name, first.kind, why.get(a) or why.get(_simplified(a)), a in defined, forms))
                      for a in aliases)
    regions = [m.region for m in ms if m.region]
    titles = [m.title for m in ms if m.title]
    kinds = [m.agreement_kind for m in ms if m.agreement_kind]
    return Entity(id=eid, kind=first.kind, name=name, aliases=tuple(aliases), mentions=tuple(ms),
                  region=_most_common(regions) if regions else None,
                  peripheral=all(m.peripheral for m in ms),
                  value=first.value if first.kind is Kind.DATE else None,
                  title=titles[0] if titles else None, agreement_kind=kinds[0] if kinds else None,
                  alias_reasons=alias_why)


def _one_mention_entity(eid: str, m: Mention, defined: set[str], why: dict[str, str], forms: Forms) -> Entity:
    """_entity of a single mention (most entities): the same record without the counting."""
    kind, label = m.kind, m.label
    dated = kind is Kind.DATE
    said = label or m.norm
    name = m.norm if dated else said
    surfaces = {_tidy(said)}
    if not label and "\n" not in m.text:
        surfaces.add(_tidy(m.text))
    if defined:
        surfaces.update(defined)
    name = _full_name(kind, name, surfaces, forms)
    surfaces.discard(name)
    surfaces.discard("")
    aliases = tuple(sorted(surfaces))
    alias_why = tuple([(a, _alias_reason(a, name, kind, why.get(a) or why.get(_simplified(a)), a in defined, forms))
                       for a in aliases])
    # the fields in Entity's order, by position (a call by keyword costs more, made for most entities)
    return Entity(eid, kind, name, aliases, (m,), m.region or None, bool(m.peripheral),
                  m.value if dated else None, m.title or None, m.agreement_kind or None,
                  None, None, alias_why)


def _full_name(kind: Kind, name: str, surfaces: set[str], forms: Forms) -> str:
    """A place's full name where the gazetteer gives one (烟台 -> 烟台市), the name as said then
    among the surfaces; else the name (a region named with 地区 has its bare name among them too:
    中东地区, 中东; and a district or county named after its city, its own name: 济南市历下区, 历下区)."""
    if kind is Kind.PLACE:
        if name in forms.full:
            surfaces.add(name)
            return forms.full[name]
        if name.endswith("地区") and len(name) > 3:
            surfaces.add(name[:-2])
        elif (city := name.find("市") + 1) and name[city:] in forms.lower_levels:
            surfaces.add(name[city:])  # 济南市历下区: the district named alone too (历下区)
    return name


_START = attrgetter("start")


def _first_index(items: Sequence[Hashable]) -> dict[Hashable, int]:
    """Where each item first occurs in items."""
    order: dict[Hashable, int] = {}
    for i, x in enumerate(items):
        order.setdefault(x, i)
    return order


def _most_common(items: Sequence[Hashable]) -> Hashable:
    """The most common item, the first seen on a tie (Counter.most_common(1))."""
    if len(items) == 1 or len(set(items)) == 1:
        return items[0]
    return Counter(items).most_common(1)[0][0]


# ---------------------------------------------------------------- across articles


X = TypeVar("X", Extraction, Digest)


def across(extractions: Sequence[X], lex: Lexicon | None = None) -> tuple[X, ...]:
    """Give every entity the id of its graph node, its node label and why it joined the node.
    Extractions or digests in (a build passes digests), the same records out with those set."""
    forms = Forms.of(lex or default())
    ents = {(x.article.id, e.id): e if isinstance(e, Brief) else Brief.of(e) for x in extractions for e in x.entities}
    uf, why = UnionFind(), {}

    def join(a: Ref, b: Ref, reason: str) -> None:
        if uf.union(a, b):
            why.setdefault(max(a, b), reason)

    name_form = {r: form_of(forms, e.kind, e.name, e.value) for r, e in sorted(ents.items())}
    first: dict[tuple[Kind, str], Ref] = {}
    for r, f in name_form.items():
        if (had := first.setdefault((ents[r].kind, f), r)) != r:  # (the first of a form joins nothing)
            join(had, r, "form")
    join_aliases(ents, name_form, forms, uf, join, why)
    join_short_forms(ents, name_form, forms, uf, join, why)
    join_fuzzy(ents, name_form, forms, uf, join)
    clusters: dict[Hashable, list[Ref]] = defaultdict(list)
    for r in sorted(ents):
        clusters[uf.find(r)].append(r)
    node_of: dict[Ref, tuple[str, str, str]] = {}
    taken: set[str] = set()
    for label, members in sorted(((_label(ents, ms), ms) for ms in clusters.values()), key=itemgetter(0)):
        kind = ents[members[0]].kind
        node = f"{NODE_PREFIX[kind]}:{ents[members[0]].value if kind is Kind.DATE else squeeze(label)}"
        while node in taken:  # two things of one name that resolution kept apart
            node += "'"
        taken.add(node)
        shown = _display(ents, members, label)
        for r in members:
            node_of[r] = (node, shown, _reason(ents[r], label, forms, why.get(r)))
    out = []
    for x in extractions:
        es = []
        for e in x.entities:
            node, shown, reason = node_of[(x.article.id, e.id)]
            es.append(remade(e, node=node, node_label=shown, merge_reason=reason))
        out.append(replace(x, entities=tuple(es)))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _simplified(name: str) -> str:
    """A name in simplified script (OpenCC), converted once however often it is asked."""
    return to_simplified(name)


def _label(ents: dict[Ref, Brief], members: list[Ref]) -> str:
    """The node's name: the most common entity name (simplified), weighted by mentions; then the
    fullest; then the first in code-point order, so that ids do not depend on article order."""
    if len(members) == 1:  # most nodes: one entity, whose name it is
        return ents[members[0]].name
    counts: dict[str, int] = {}
    for r in members:
        e = ents[r]
        counts[e.name] = counts.get(e.name, 0) + e.mention_count
    return min(counts, key=lambda n: (-counts[n], -len(key(n)), n))


def _display(ents: dict[Ref, Brief], members: list[Ref], label: str) -> str:
    """The label as most often written: the most common surface form that simplifies to it."""
    said = ents[members[0]].said
    if len(members) > 1:
        counts: dict[str, int] = {}  # each text tested once, however often said
        for r in members:
            for text, n in ents[r].said:
                counts[text] = counts.get(text, 0) + n
        said = counts.items()
    written: dict[str, int] = {}
    wanted = key(label)
    for text, n in said:
        if "\n" not in text and key(text) == wanted:
            w = _squeezed(text)
            written[w] = written.get(w, 0) + n
    if len(written) <= 1:
        return next(iter(written), label)
    return min(written, key=lambda w: (-written[w], w))


_squeezed = lru_cache(maxsize=1 << 16)(squeeze)  # surface texts come back from article to article


def _reason(e: Brief, label: str, forms: Forms, joined: str | None) -> str:
    """Why an entity joined its node, told from its names against the node's label."""
    if joined and joined.startswith("ambiguous:"):
        return joined
    if key(e.name) == key(label):
        scripts = {_simplified(text) == text for text, _ in e.said}
        return "exact" if scripts == {True} or e.kind not in NAMED else "script"
    if form_of(forms, e.kind, e.name) == form_of(forms, e.kind, label):
        return "abbreviation"
    if joined in (None, "form", "alias"):
        return "alias-definition" if any(r == "alias-definition" for _, r in e.alias_reasons) else "short-form"
    return joined


def merges(extractions: Sequence[Extraction] | Sequence[Digest]) -> tuple[Merge, ...]:
    """Every join resolution made (aliases within an article, entities of several articles into one
    node) and every short form it kept apart, as records for `kg build` to report."""
    size = Counter(e.node for x in extractions for e in x.entities)
    out = set()
    for x in extractions:
        for e in x.entities:
            if e.kind not in NAMED:
                continue
            label = e.node_label or e.name
            reason = e.merge_reason or ""
            if reason.startswith("ambiguous:") or size[e.node] > 1 and reason != "exact":
                out.add(Merge(e.node or "", e.kind, e.name, label, reason, x.article.id))
            for alias, why in e.alias_reasons:
                if why not in PLAIN_ALIASES:
                    out.add(Merge(e.node or "", e.kind, alias, e.name, why, x.article.id))
    return tuple(sorted(out, key=lambda m: (m.node, m.article, m.name, m.reason)))
