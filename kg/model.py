"""The typed records that pass between the stages of kg; no I/O here.

    Article --clean/script--> Doc --extract--> Findings --resolve.within--> Extraction
            --Digest.of--> Digest --resolve.across--> Digest (with graph nodes) --graph--> nx.MultiDiGraph
            --export--> files

A build keeps each article's `Extraction` only until its JSON line is written and its `Digest` made:
the digest holds what resolution, the graph and the report read (an entity's names and the count
of each surface text, not its mentions; each relation's evidence sentence, not the text), so memory
grows with the graph, not with the mentions or the text read.

Offsets: a `Mention`'s `start`/`end` always index the article text *as read*
(`article.text[start:end] == mention.text`); `nstart`/`nend` index the normalised, simplified
view (`Doc.text`) that extractors work on.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from functools import cache, lru_cache
from operator import attrgetter
from typing import TypeVar


class Kind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    DATE = "date"
    EVENT = "event"
    AGREEMENT = "agreement"


class Region(StrEnum):
    HK = "HK"  # Hong Kong
    SD = "SD"  # Shandong
    MO = "MO"  # Macau
    CN = "CN"  # rest of mainland China, national bodies
    INTL = "INTL"  # outside China


class Rel(StrEnum):
    HOLDS_POSITION = "holds_position"  # person -> organisation or place, with title
    PARTY_TO = "party_to"  # organisation/person/place -> agreement
    ON_DATE = "on_date"  # event/agreement -> date
    PARTICIPATED_IN = "participated_in"  # person/organisation -> event
    ORGANIZED = "organized"  # organisation -> event
    HELD_IN = "held_in"  # event -> place
    PART_OF = "part_of"  # organisation -> organisation
    LOCATED_IN = "located_in"  # organisation/event -> place
    SIGNED_AT = "signed_at"  # agreement -> event
    ALIAS_OF = "alias_of"  # mention-level only: a short form defined for a full name


def quick_init(cls: type) -> type:
    """Give a frozen dataclass with slots an __init__ that stores each field through its slot's
    own setter: the same signature, defaults and values as the generated one, which looks up
    object.__setattr__ anew for every field of every record (a third of the time it takes to make
    a mention, and mentions, entities and links are made by the hundred thousand)."""
    ns: dict[str, object] = {}
    params, body = [], []
    for f in fields(cls):
        if f.default_factory is not MISSING or (not f.init and f.default is MISSING):
            raise TypeError(f"quick_init: {cls.__name__}.{f.name} needs a plain default")
        ns[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is not MISSING:
            ns[f"_default_{f.name}"] = f.default
        if f.init:
            params.append(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}")
            body.append(f"    _set_{f.name}(self, {f.name})")
        else:
            body.append(f"    _set_{f.name}(self, _default_{f.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), ns)  # noqa: S102
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


def by_fields(record) -> tuple:
    """How pickle rebuilds a record: its class called with its field values, in order. (The
    default for a frozen dataclass with slots looks up the field definitions and sets each field
    one call at a time, for every record, both ways: several times slower for the extraction cache
    and for the results worker processes send back.)"""
    return type(record), _layout(type(record))[1](record)


@quick_init
@dataclass(frozen=True, slots=True)
class Article:
    __reduce__ = by_fields

    id: str
    text: str  # as read: decoded, BOM dropped, newlines kept
    published: str | None = None  # ISO date, from metadata or inferred from a dateline
    title: str | None = None
    source: str | None = None
    path: str | None = None  # where it was read from (file, or file:line for JSON Lines)


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in one article."""

    __reduce__ = by_fields

    kind: Kind
    start: int  # into Article.text
    end: int
    text: str  # Article.text[start:end], as written
    norm: str  # the normalised simplified surface form (no PDF spaces, NFKC, OpenCC t2s)
    nstart: int  # into Doc.text
    nend: int
    rule: str  # which rule or lexicon produced it
    value: str | None = None  # dates: EDTF
    region: Region | None = None
    peripheral: bool = False
    title: str | None = None  # agreements: quoted title
    agreement_kind: str | None = None  # agreements: 合作协议, 备忘录, ...
    label: str | None = None  # unnamed events: the descriptive name (香港科技园公司代表团访问山东)
    # the hash, made on first use and kept: mentions are hashed by the million (settle, resolution,
    # slots); no part of equality, the record's repr or its pickle
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __hash__(self) -> int:
        h = self._hash
        if not h:  # equal mentions have equal spans, text and rule: these are enough to hash
            h = hash((self.nstart, self.nend, self.start, self.end, self.rule, self.text))
            object.__setattr__(self, "_hash", h)
        return h


def of_kind(mentions: Iterable[Mention], *kinds: Kind) -> list[Mention]:
    """The mentions of the given kinds, in their order.

    Each kind is read once here. On Python 3.11 reading a member off its class (`Kind.PLACE`) goes
    through EnumType.__getattr__'s slow path (some 900 instructions, four times a plain name), so
    `[m for m in mentions if m.kind is Kind.PLACE]` pays it once per mention; the extractors filter
    every article's mentions by kind dozens of times. Hot loops read members before the loop, or
    test them after the cheaper conditions, for the same reason."""
    return [m for m in mentions if m.kind in kinds]


@quick_init
@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two mentions of one article, as an extractor found it."""

    __reduce__ = by_fields

    type: Rel
    source: Mention
    target: Mention | None  # None only for holds_position of a post whose body the text does not name
    title: str | None = None  # holds_position: the post, written without the organisation
    evidence: tuple[int, int] | None = None  # the sentence, offsets into Article.text


@quick_init
@dataclass(frozen=True, slots=True)
class Findings:
    __reduce__ = by_fields

    mentions: tuple[Mention, ...] = ()
    links: tuple[Link, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class Entity:
    """One distinct thing in one article, with every mention of it."""

    __reduce__ = by_fields

    id: str  # e1, e2, ... unique within the article
    kind: Kind
    name: str  # fullest normalised form
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    region: Region | None = None
    peripheral: bool = False
    value: str | None = None
    title: str | None = None
    agreement_kind: str | None = None
    node: str | None = None  # graph node id, set by resolve.across
    merge_reason: str | None = None  # why this entity joined its node (exact, script, fuzzy:0.93, ...)
    alias_reasons: tuple[tuple[str, str], ...] = ()  # (alias, why it joined this entity in the article)
    node_label: str | None = None  # the node's display label (most common surface form), set by resolve.across


@quick_init
@dataclass(frozen=True, slots=True)
class Relation:
    __reduce__ = by_fields

    type: Rel
    source: str  # Entity.id
    target: str | None  # Entity.id; None for a post held where the article names no organisation
    title: str | None = None
    evidence: tuple[int, int] | None = None  # offsets into Article.text


@quick_init
@dataclass(frozen=True, slots=True)
class Extraction:
    __reduce__ = by_fields

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    problems: tuple[str, ...] = field(default=())


@quick_init
@dataclass(frozen=True, slots=True)
class Brief:
    """An `Entity` in brief: what resolution, the graph and the report read of it. Its mentions are
    counted (each distinct text as written, with how often), not kept."""

    __reduce__ = by_fields

    id: str
    kind: Kind
    name: str
    aliases: tuple[str, ...]
    mention_count: int
    said: tuple[tuple[str, int], ...]  # each distinct mention text, in first-mention order, and its count
    region: Region | None = None
    peripheral: bool = False
    value: str | None = None
    title: str | None = None
    agreement_kind: str | None = None
    node: str | None = None
    merge_reason: str | None = None
    alias_reasons: tuple[tuple[str, str], ...] = ()  # the entity's, but those joined as exact or script
    node_label: str | None = None

    @classmethod
    def of(cls, e: Entity) -> "Brief":
        said: dict[str, int] = {}
        for m in e.mentions:
            said[m.text] = said.get(m.text, 0) + 1
        return cls(e.id, e.kind, e.name, e.aliases, len(e.mentions), _shared(tuple(said.items())), e.region, e.peripheral,
                   e.value, e.title, e.agreement_kind, e.node, e.merge_reason,
                   tuple(ar for ar in e.alias_reasons if ar[1] not in PLAIN_ALIASES), e.node_label)


PLAIN_ALIASES = ("exact", "script")  # alias reasons that the report leaves out and a Brief drops


@lru_cache(maxsize=1 << 16)
def _shared(value: tuple) -> tuple:
    """The first of the equal values asked about (kept for the most recent 65,536): a build keeps
    a brief of every entity of every article, and most of them say one name once (香港, 山东省),
    so briefs of many articles share one `said` instead of each holding its own copy."""
    return value


@quick_init
@dataclass(frozen=True, slots=True)
class Digest:
    """An `Extraction` in brief (see `Brief`): what a build keeps of an article after extraction.
    Of the article's text it keeps each relation's evidence sentence and nothing else: its
    `article` has the id and metadata, and text ""."""

    __reduce__ = by_fields

    article: Article  # text "": see `evidence`
    entities: tuple[Brief, ...] = ()
    relations: tuple[Relation, ...] = ()
    evidence: tuple[str | None, ...] = ()  # each relation's sentence (the text at its `evidence` span) or None, in order

    @classmethod
    def of(cls, x: Extraction) -> "Digest":
        text = x.article.text
        said: dict[tuple[int, int], str] = {}  # one string for each sentence, however many relations cite it
        for r in x.relations:
            if r.evidence and r.evidence not in said:
                said[r.evidence] = text[r.evidence[0]:r.evidence[1]]
        evidence = tuple(said[r.evidence] if r.evidence else None for r in x.relations)
        return cls(remade(x.article, text="") if text else x.article, tuple(map(Brief.of, x.entities)),
                   x.relations, evidence)


R = TypeVar("R")


@cache
def _layout(cls: type) -> tuple[dict[str, int], attrgetter]:
    """A record class's init fields' positions, and a getter of all their values in that order."""
    names = tuple(f.name for f in fields(cls) if f.init)
    return {n: i for i, n in enumerate(names)}, attrgetter(*names)


def remade(record: R, **changes) -> R:
    """`dataclasses.replace(record, **changes)` for kg's records (at least two init fields): the record made again from its values with one call, instead of looking
    up each field's definition every time (records are remade by the ten thousand)."""
    index, values_of = _layout(type(record))
    values = list(values_of(record))
    for name, value in changes.items():
        values[index[name]] = value
    return type(record)(*values)
