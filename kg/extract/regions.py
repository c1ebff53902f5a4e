"""Regions (HK, SD, MO, CN, INTL) for persons, organisations and places: from gazetteers, name
prefixes, affiliations and what the article says.

In order, the first that answers wins:
- a place: its gazetteer row, else the last place inside its name (香港科学园深圳分园 is in 深圳),
  not a world region (亚洲国际博览馆), else the place named just before it in the sentence (在淄博齐盛宾馆).
- an organisation: a place in brackets (香港中文大学(深圳)); its own row in institutions.tsv, or the
  row of a known institution its name opens with (中国海洋大学海洋技术学院); the
  first place in its name that is not the mainland as a whole, the part before 驻 only
  (香港特区政府驻山东联络处 is Hong Kong's); a region prefix (鲁, 港, 中国, 全国 ...); a Latin name
  ending in HK; the full name it abbreviates (ALIAS_OF), the body it is a committee of (PART_OF), or a
  longer name it is part of; a
  provincial body without its province (省政府) is Shandong's where the article names Shandong; a
  body without its special administrative region (特区政府) is that of Hong Kong or Macau, whichever
  the article named last before it; else the nearest organisation or place before it in its sentence.
- a person: the organisation or place of the first post they hold (HOLDS_POSITION).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.doc import Doc
from kg.extract.chains import OWN_SIDE
from kg.extract.organizations import institutions
from kg.extract.places import gazetteer as place_gazetteer
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Mention, Region, Rel, remade

# a place in brackets inside or after a name: 英科国际(香港)有限公司
BRACKETED = re.compile(r"""
    \( ([\u4e00-\u9fff]{2,8}) \)   # a short Chinese word in brackets
""", re.VERBOSE)
# a Latin name ending in HK: InnoHK, Health@InnoHK
LATIN_HK = re.compile(r"""
    [A-Za-z]HK\b   # ...HK at the end of a Latin word
""", re.VERBOSE)
# the words ending the name of an office a body keeps elsewhere (驻港办事处, (香港)经贸代表处)
OFFICES = ("代表处", "办事处", "联络处")
# a school, laboratory or office named bare: on a page that says 'our', one of its own body (_first_named)
UNIT_ENDS = ("学院", "研究院", "实验室", "处", "系", "研究生院")
OURS = (*OWN_SIDE, "我厅", "本厅", "我局", "本局", "我委", "本委")  # 'our' school, institute, department, bureau
CONTEXT = 150  # characters before a mention searched for its region when its sentence tells none
CENTRAL_BODIES = ("中联办", "中央人民政府驻", "外交部驻", "解放军驻")  # central bodies stationed in Hong Kong or Macau
SAR_SHORT = ("特区",)  # a body named without its special administrative region: 特区政府 is Hong Kong's or Macau's
MAINLAND_LEVELS = ("省", "市", "县")  # a body named by these levels alone is a mainland one (省政府, 市商务局, 县委)
WIDE = ("CN", "INTL")  # regions of world and macro-region names (亚洲, 华北)
PREFIX_FILES = {Region.HK: "region_prefix_hk", Region.SD: "region_prefix_sd", Region.MO: "region_prefix_mo",
                Region.CN: "region_prefix_cn"}


@cache
def _prefixes(lex: Lexicon) -> tuple[tuple[str, Region], ...]:
    pairs = [(p, region) for region, name in PREFIX_FILES.items() for p in lex.words(name)]
    return tuple(sorted(pairs, key=lambda pr: -len(pr[0])))


def places_in(name: str, lex: Lexicon) -> list[Region]:
    """Regions of the gazetteer places inside a name, left to right."""
    return [Region(row["region"]) for _, _, row in place_gazetteer(lex).scan(name) if row.get("region")]


@lru_cache(maxsize=1 << 16)
def place_region(name: str, lex: Lexicon) -> Region | None:
    row = place_gazetteer(lex).get(name)
    if row and row.get("region"):
        return Region(row["region"])
    inside = [Region(row["region"]) for _, _, row in place_gazetteer(lex).scan(name)
              if row.get("region") and not (row.get("type") == "region" and row["region"] in WIDE)]
    # a world region inside a site's name (亚洲国际博览馆) does not place it
    return inside[-1] if inside else None


@lru_cache(maxsize=1 << 16)
def org_region(name: str, lex: Lexicon) -> Region | None:
    """The region an organisation's name tells, or None. A place in brackets is where the body is
    (香港中文大学(深圳)), except in an office's name, which stands where its owner sends it
    (青岛(香港)经贸代表处 is Qingdao's office in Hong Kong)."""
    for m in BRACKETED.finditer(name if not name.endswith(OFFICES) else ""):
        row = place_gazetteer(lex).get(m.group(1))
        if row and row.get("region"):
            return Region(row["region"])
    row = institutions(lex).get(name)
    if row and row.get("region"):
        return Region(row["region"])
    if any(body in name for body in CENTRAL_BODIES):
        return Region.CN  # the central government's office in Hong Kong or Macau (香港中联办经济部)
    owner = _leading_institution(name, lex)
    if owner is not None:
        return owner
    head = name.split("驻")[0]
    inside = places_in(head, lex)
    local = [r for r in inside if r is not Region.CN]
    if local:
        return local[0]
    for prefix, region in _prefixes(lex):
        if head.startswith(prefix):
            return region
    if inside:
        return inside[0]
    if LATIN_HK.search(name):
        return Region.HK
    return None


def _leading_institution(name: str, lex: Lexicon) -> Region | None:
    """The region of a known institution that opens the name: 中国海洋大学海洋技术学院 is where
    中国海洋大学 is, not in China at large."""
    hits = institutions(lex).scan(name)
    first = min(hits, default=None, key=lambda h: h[0])
    if first and first[0] == 0 and first[2].get("region") not in (None, "", Region.CN):
        return Region(first[2]["region"])
    return None


def refine(doc: Doc, lex: Lexicon, found: Findings) -> Findings:
    by_name: dict[Mention, Region | None] = {}
    place, org, person, alias_of, holds = Kind.PLACE, Kind.ORGANIZATION, Kind.PERSON, Rel.ALIAS_OF, Rel.HOLDS_POSITION
    for m in found.mentions:
        if m.kind is place:
            by_name[m] = m.region or place_region(m.norm, lex)
        elif m.kind is org:
            by_name[m] = m.region or org_region(m.norm, lex)
    for link in found.links:  # an abbreviation is where its full name is (齐鲁青协 of 香港齐鲁青年发展协会),
        # and a body's committee where the body is (厂商会青年委员会 of 香港中华厂商联合会)
        if (link.type is alias_of or link.type is Rel.PART_OF) and (
                by_name.get(link.target) or by_name.get(link.source) is None):
            by_name[link.source] = by_name.get(link.target)
    named = [(m, r) for m, r in by_name.items() if r is not None]
    for m in by_name:
        if m.kind is org and m.norm.startswith(SAR_SHORT):
            by_name[m] = _last_sar(m, named) or by_name[m]
    ours = any(w in doc.text for w in OURS)  # a page that says 我校, 本院, 我厅: its own body's units
    by_norm: dict[tuple[Kind, str], Region | None] = {}  # _from_longer or _mainland_level: they read only m's kind and name
    for m, r in list(by_name.items()):
        if r is None:
            k = (m.kind, m.norm)
            if k not in by_norm:
                by_norm[k] = _from_longer(m, named) or _mainland_level(m, named)
            by_name[m] = by_norm[k] or (ours and m.kind is org and m.norm.endswith(UNIT_ENDS) and _first_named(named)) \
                or _from_context(doc, m, named)
    for link in found.links:  # a person is where the body they hold a post in is
        if (link.type is holds and link.target is not None and link.source.kind is person
                and link.source not in by_name):
            by_name[link.source] = by_name.get(link.target)
    new = {m: remade(m, region=r) for m, r in by_name.items() if r is not None and r != m.region}
    if not new:
        return found
    mentions = tuple(new.get(m, m) for m in found.mentions)
    links = tuple(remade(l, source=new.get(l.source, l.source), target=new.get(l.target, l.target))
                  if l.source in new or l.target in new else l for l in found.links)
    return Findings(mentions, links)


def _last_sar(m: Mention, named: list[tuple[Mention, Region]]) -> Region | None:
    """The special administrative region (Hong Kong or Macau) named last before m: the one a bare
    特区政府 is the government of."""
    before = [(k.nstart, r) for k, r in named if k.nend <= m.nstart and r in (Region.HK, Region.MO)]
    return max(before)[1] if before else None


def _from_longer(m: Mention, named: list[tuple[Mention, Region]]) -> Region | None:
    """The region of a longer name of the same kind that this one is part of (科技园公司)."""
    regions = {r for k, r in named if k.kind is m.kind and k.norm != m.norm and m.norm in k.norm}
    return regions.pop() if len(regions) == 1 else None


def _mainland_level(m: Mention, named: list[tuple[Mention, Region]]) -> Region | None:
    """A provincial, city or county body named without its place (省政府, 市商务局, 县委) is a
    mainland one, never Hong Kong's or Macau's: Shandong's where the article names a Shandong place
    or body, else the mainland's."""
    if m.kind is not Kind.ORGANIZATION or not m.norm.startswith(MAINLAND_LEVELS):
        return None
    return Region.SD if any(r is Region.SD for _, r in named) else Region.CN


def _first_named(named: list[tuple[Mention, Region]]) -> Region | None:
    """The region of the first organisation the article names with one: on a page that says 'our'
    (我校), its own body, whose schools and offices (海洋与大气学院, 研究生院) it names bare."""
    orgs = [(k.nstart, r) for k, r in named if k.kind is Kind.ORGANIZATION]
    return min(orgs)[1] if orgs else None


def _from_context(doc: Doc, m: Mention, named: list[tuple[Mention, Region]]) -> Region | None:
    """The region of the nearest named organisation or place before m in its sentence, else in the
    few lines before it (a numbered list of companies), else after it in its sentence."""
    s, e = doc.sentence_at(m.nstart)
    for lo, hi in ((s, m.nstart), (m.nstart - CONTEXT, m.nstart)):
        before = [(k.nend, r) for k, r in named if lo <= k.nstart and k.nend <= hi]
        if before:
            return max(before)[1]
    after = [(k.nstart, r) for k, r in named if m.nend <= k.nstart and k.nend <= e]
    return min(after)[1] if after else None
