"""Blocking and joining across articles: the rules `resolve.across` applies to the entities of many
articles, each joining two entities' references through a union-find with a reason.

    join_aliases       an alias form joins the names that claim it (unless several things claim it)
    join_short_forms   a bare short form joins the one longer name it fits (科技园公司 / 香港科技园公司)
    join_fuzzy         OCR and spacing variants (rapidfuzz ratio), same head, digits and region

Candidates come from blocks (a kind, a head noun and a character; a head, a length and a half of
the form), never from all pairs, so the cost grows near-linearly with the number of entities.
Names are compared by their form (`form_of`, kg.forms).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from kg.forms import ADMIN, ORG_TAILS, PAPER_SITE, Forms, key
from kg.model import Kind

NAMED = (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE)
SHORTENED = (Kind.ORGANIZATION, Kind.PLACE)  # the kinds whose names have short forms (kg.forms)
FUZZY_MIN = 90.0  # rapidfuzz ratio for an OCR or spacing variant
FUZZY_MIN_LEN = 6  # shorter forms differ in too few characters to tell a variant from a neighbour
ACROSS_MIN_STEM = 2  # across articles a bare short form must say more than 市政府

Ref = tuple[str, str]  # (article id, entity id)


@lru_cache(maxsize=1 << 20)
def cached_form(forms: Forms, kind: Kind, name: str) -> str:
    return forms.form(kind, name) if kind in NAMED else key(name)


def form_of(forms: Forms, kind: Kind, name: str, value: str | None = None) -> str:
    return (value or key(name)) if kind is Kind.DATE else cached_form(forms, kind, name)


def join_aliases(ents, name_form, forms, uf, join, why) -> None:
    """An alias form joins the names that claim it, unless it is the alias of several things."""
    claims: dict[tuple[Kind, str], list[Ref]] = defaultdict(list)
    for r, e in sorted(ents.items()):
        if e.kind in NAMED:
            for a in {form_of(forms, e.kind, a) for a in e.aliases} - {name_form[r]}:
                if _specific(forms, e.kind, a):
                    claims[(e.kind, a)].append(r)
    named: dict[tuple[Kind, str], list[Ref]] = defaultdict(list)
    for r, f in name_form.items():
        named[(ents[r].kind, f)].append(r)
    for kf in sorted(claims):
        owners = sorted({uf.find(r) for r in claims[kf]}, key=repr)
        if len(owners) > 1 and len({name_form[r] for r in claims[kf]}) > 1:
            ambiguous = "ambiguous:" + "|".join(sorted({ents[o].name for o in claims[kf]}))  # once, not per name
            for r in named.get(kf, ()):
                why.setdefault(r, ambiguous)
            continue
        for r in claims[kf] + named.get(kf, []):
            join(claims[kf][0], r, "alias")


def _specific(forms: Forms, kind: Kind, alias: str) -> bool:
    """Whether an alias says enough to join articles: not 市政府 or 议会, which an article may use
    for its own city's government or any council."""
    return kind is Kind.PERSON or len(forms.stem(kind, alias)) >= ACROSS_MIN_STEM or bool(re.fullmatch(r"[a-z0-9@&]{2,}", alias))


def join_short_forms(ents, name_form, forms, uf, join, why) -> None:
    """A bare short form joins the one longer name it fits; if it fits several, it stays apart."""
    by_form: dict[tuple[Kind, str], list[Ref]] = defaultdict(list)
    for r, f in name_form.items():
        by_form[(ents[r].kind, f)].append(r)
    regions: dict[tuple[Kind, str], set] = {}  # each form's regions, gathered once however often asked
    for (kind, short), longs in sorted(short_forms(forms, by_form).items()):
        refs = by_form[(kind, short)]
        fits = [l for l in longs if _regions_agree(_regions(ents, by_form, (kind, short), regions),
                                                   _regions(ents, by_form, (kind, l), regions))]
        roots = {uf.find(by_form[(kind, l)][0]) for l in fits} - {uf.find(refs[0])}
        if len(roots) == 1:
            join(by_form[(kind, fits[0])][0], refs[0], "short-form")
        elif len(roots) > 1:
            for r in refs:
                why.setdefault(r, "ambiguous:" + "|".join(fits[:4]))


def short_forms(forms: Forms, names: Iterable[tuple[Kind, str]]) -> dict[tuple[Kind, str], list[str]]:
    """For each (kind, form) that is a short form of others, those longer forms, sorted. Blocked:
    a long form is looked up by its kind, head noun and each character before the head (the short
    form's rarest character picks the candidates), or as the short form plus a tail (济南 -> 济南市)."""
    names = sorted({(k, f) for k, f in names if k in SHORTENED})
    present = set(names)
    index: dict[tuple[Kind, str, str], set[str]] = defaultdict(set)
    for kind, f in names:
        head = forms.head(kind, f) or ""
        for c in set(f[:len(f) - len(head)]):
            index[(kind, head, c)].add(f)
    out: dict[tuple[Kind, str], list[str]] = {}
    for kind, short in names:
        tails = ORG_TAILS + (PAPER_SITE,) if kind is Kind.ORGANIZATION else ADMIN
        cands = {short + t for t in tails if (kind, short + t) in present}
        head = forms.head(kind, short)
        if head is not None and len(forms.stem(kind, short)) >= ACROSS_MIN_STEM:
            pools = sorted((index[(kind, head, c)] for c in set(short[:-len(head)])), key=len)
            cands |= set(pools[0]).intersection(*pools[1:]) if pools else set()
        fits = sorted(l for l in cands if forms.is_short_form(kind, short, l, min_stem=ACROSS_MIN_STEM))
        if fits:
            out[(kind, short)] = fits
    return out


def _regions(ents, by_form, kf: tuple[Kind, str], known: dict) -> set:
    """The regions of the entities of one form (None left out), from `known` when gathered before."""
    got = known.get(kf)
    if got is None:
        got = known[kf] = {ents[r].region for r in by_form[kf]} - {None}
    return got


def _regions_agree(a: set, b: set) -> bool:
    return not a or not b or bool(a & b)


def join_fuzzy(ents, name_form, forms, uf, join) -> None:
    """OCR and spacing variants: same kind, head, length and one half of the form in common."""
    blocks: dict[tuple, set[str]] = defaultdict(set)
    by_form: dict[tuple[Kind, str], Ref] = {}
    for r, f in name_form.items():
        kind = ents[r].kind
        if kind not in SHORTENED or len(f) < FUZZY_MIN_LEN:
            continue
        by_form.setdefault((kind, f), r)
        head, half = forms.head(kind, f), len(f) // 2
        blocks[(kind, head, len(f), 0, f[:half])].add(f)
        blocks[(kind, head, len(f), 1, f[half:])].add(f)
    for (kind, head, *_), fs in sorted(blocks.items(), key=repr):
        fs = sorted(fs)
        for i, a in enumerate(fs):
            for b in fs[i + 1:]:
                score = fuzz.ratio(a, b)
                if score >= FUZZY_MIN and forms.region(a) == forms.region(b) and _tokens(a) == _tokens(b):
                    join(by_form[(kind, a)], by_form[(kind, b)], f"fuzzy:{score / 100:.2f}")


def _tokens(form: str) -> list[str]:
    return re.findall(r"[0-9]+|[a-z]+", form)
