"""Name forms for resolution: the comparison form of a name, its head noun and region prefix, and
the short-form test. Pure functions over one `Forms` built from the lexicon; no clustering here.

    form("山东省人民政府") == form("山东政府") == "山东政府"     known short forms, region prefix
    form("华鲁控股集团有限公司") == "华鲁控股集团"                 legal form folded
    head("中国科学院香港创新研究院") == "研究院" != head("中国科学院") == "科学院"

Data: kg/data/org_short_forms.tsv (known short forms), kg/data/name_heads.tsv (head nouns),
kg/data/places.tsv (region prefixes: a place listed both as 山东省 and 山东 is compared as 山东).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lexicon import Lexicon
from kg.model import Kind
from kg.script import to_simplified

# what a comparison key leaves out of a name
NOT_KEY = re.compile(r"""
    [\s\u00a0\u3000]              # spaces, including those a PDF left inside Chinese text
  | [「」『』《》〈〉“”‘’"'·・]    # quotes and name dots
  | [()（）\[\]【】]               # brackets (their content stays)
""", re.VERBOSE)
# a company's legal form at the end of its name, folded away before comparing
LEGAL_FORM = re.compile(r"""
    (?:股份有限公司|有限责任公司|有限公司|股份公司)$   # the registered forms
""", re.VERBOSE)
# spaces next to a Chinese character (淄 博, InnoHK 创新香港研发平台)
SPACE_NEAR_CJK = re.compile(r"""
    (?<=[\u3400-\u9fff])\s+     # after a Chinese character
  | \s+(?=[\u3400-\u9fff])      # before one
""", re.VERBOSE)


# digits and Latin words: two names that differ in them are never one (第1分组, 第2分组)
TOKENS = re.compile(r"""
    [0-9]+          # numbers
  | [a-z]+          # Latin words (keys are lower-cased)
""", re.VERBOSE)
# administrative endings a place name may drop (山东省 -> 山东, 香港特别行政区 -> 香港)
ADMIN = ("特别行政区", "自治区", "地区", "省", "市", "区", "县")
# administrative endings a province, city or county is named by in full (山东 -> 山东省, 烟台 -> 烟台市,
# 沂南 -> 沂南县); districts are not (崂山 is also a mountain), nor is 香港 (香港特别行政区)
FULL_ENDS = ("省", "市", "县")
# a level of government that starts a body's name bare (省委, 市商务局)
BARE_LEVELS = "省市区县"
COMMITTEE = "委"  # a committee's head (山东省委, 市委)
PARTY_PREFIXES = ("中共", "中国共产党")  # the party before its committee: 中共山东省委
# what may follow a short organisation name to make its full one (香港科技园 + 公司)
ORG_TAILS = ("公司", "集团", "社")  # what a long form may add to a short one: 香港科技园 -> 香港科技园公司, 济宁日报 -> 济宁日报社
# a newspaper's news site is the paper (明报 -> 明报新闻网); a university's is not (中国海洋大学新闻网)
PAPER, PAPER_SITE = "报", "新闻网"


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """The comparison key of a name as written: NFKC, simplified, no spaces, quotes or brackets,
    Latin lower-cased."""
    return NOT_KEY.sub("", to_simplified(unicodedata.normalize("NFKC", name))).lower()


def squeeze(text: str) -> str:
    """A name without the spaces a PDF put in or around Chinese text; Latin words keep one space."""
    return " ".join(SPACE_NEAR_CJK.sub("", text).split())


def is_subsequence(short: str, long: str) -> bool:
    """Every character of `short` occurs in `long`, in order."""
    it = iter(long)
    return all(c in it for c in short)


@dataclass(frozen=True, eq=False)
class Forms:
    whole: dict[str, str]  # a whole name -> its canonical form
    parts: tuple[tuple[str, str], ...]  # a part of a name -> its canonical part, longest first
    heads: dict[Kind, frozenset[str]]  # head nouns by kind
    regions: frozenset[str]  # place names that start names
    bare: dict[str, str]  # a place name -> the form it is compared as (山东省 -> 山东)
    full: dict[str, str]  # a place's short name -> its full one (烟台 -> 烟台市)
    industries: frozenset[str] = frozenset()  # industry words of company names (石化, 航运: kg/data/org_industry_heads.txt)
    lower_levels: frozenset[str] = frozenset()  # the gazetteer's districts and counties with their 区/县 (沾化区)

    @classmethod
    def of(cls, lex: Lexicon) -> "Forms":
        return _forms(lex)

    def form(self, kind: Kind, name: str) -> str:
        """The comparison form: the key, with known short forms, legal forms and region prefixes
        rewritten the same way for every name, so that equal forms mean one thing."""
        k = key(name)
        if kind is Kind.ORGANIZATION:
            k = self.whole.get(k, k)
            for part, canon in self.parts:
                k = k.replace(part, canon)
            k = self.whole.get(k, k)
            stem = LEGAL_FORM.sub("", k)
            if stem != k and stem:
                k = stem if stem.endswith(ORG_TAILS) else stem + "公司"
        if kind in (Kind.ORGANIZATION, Kind.PLACE):
            region = self.region(k)
            if region and (region != k or kind is Kind.PLACE):
                k = self.bare.get(region, region) + k[len(region):]
        return k

    def head(self, kind: Kind, form: str) -> str | None:
        """The head noun a form ends in (the longest listed), or None."""
        return _head(self.heads.get(kind, frozenset()), form)

    def region(self, form: str) -> str | None:
        """The place name a form starts with (the longest listed), or None."""
        return _region(self.regions, form)

    def stem(self, kind: Kind, form: str) -> str:
        """A form without its region prefix and head noun: what must tell it apart."""
        h = self.head(kind, form) or ""
        r = self.region(form) or ""
        return form[len(r):len(form) - len(h)] if len(r) + len(h) <= len(form) else ""

    def is_short_form(self, kind: Kind, short: str, long: str, *, min_stem: int = 1) -> bool:
        """Whether form `short` is a short form of form `long`: for organisations and places, the
        long one plus a tail (香港科技园 -> 香港科技园公司, 济南 -> 济南市), or the same head noun with
        the short one's characters in order in the long one and something besides region and head
        (科技园公司 -> 香港科技园公司, 商务厅 -> 山东商务厅, never 香港大学 -> 香港中文大学)."""
        if kind not in (Kind.ORGANIZATION, Kind.PLACE) or short == long or len(short) < 2 or len(short) >= len(long):
            return False
        if _tokens(short) != _tokens(long):
            return False
        tail = long[len(short):] if long.startswith(short) else None
        if tail is not None and tail in (ORG_TAILS if kind is Kind.ORGANIZATION else ADMIN):
            return True
        if kind is Kind.ORGANIZATION and tail == PAPER_SITE and short.endswith(PAPER):
            return True
        if kind is Kind.PLACE and long.endswith(short) and self.region(long) == long[:-len(short)]:
            return True  # 香港科学园 -> 科学园
        h = self.head(kind, short)
        if h is None or h != self.head(kind, long) or not is_subsequence(short, long):
            return False
        if short[0] in BARE_LEVELS and long[0] in BARE_LEVELS and self.region(short) is None \
                and self.region(long) is None:
            return False  # two bodies named by their level alone are two (省委, 省国资委)
        if h == COMMITTEE:
            party = next((p for p in PARTY_PREFIXES if long.startswith(p)), "")
            if not self.region(long[len(party):]):
                return False  # the party's committee of a place (中共烟台市委, 济宁市委), not 共青团烟台市委
        if long.count(h) > 1 or not long.endswith(short) and self._has_head(kind, _unmatched(short, long)):
            return False  # two names run together, or one nested in another (中国科学院香港创新研究院)
        if self._names_lower_level(_unmatched(short, long)):
            return False  # a district's or county's body is not its city's (滨州市商务局, 滨州市沾化区商务局)
        region = self.region(short)
        # a region and a head alone (香港大学) is short only for a name that does not start with
        # that region (深圳分园 -> 香港科学园深圳分园, never 香港大学 -> 香港中文大学)
        return len(self.stem(kind, short)) >= min_stem or (
            min_stem <= 1 and region is not None and not long.startswith(region))

    def _names_lower_level(self, rest: str) -> bool:
        """Whether rest holds a district's or county's name with its 区 or 县 (沾化区, 兰陵县)."""
        return any(rest[i:j] in self.lower_levels for i in range(len(rest)) for j in range(i + 3, min(len(rest), i + 6) + 1))

    def is_brand_of(self, short: str, long: str) -> bool:
        """Whether organisation form `short` is the brand and industry a company form `long` is
        called by in its article after its full name: the long one less its region prefix starts
        with it, and what is left between is places and industry words before 公司 or 集团
        (山东鲁辰石化有限公司 -> 鲁辰石化, 港通航运(香港)有限公司 -> 港通航运, 香港某某能源投资有限公司
        -> 某某能源). Within one article only: across articles a brand may name another company."""
        tail = next((t for t in ORG_TAILS if long.endswith(t)), None)
        if len(short) < 4 or tail is None or self.region(short) is not None \
                or not any(short.endswith(w) for w in self.industries):
            return False
        rest = long[len(self.region(long) or ""):]
        if not rest.startswith(short) or len(rest) - len(tail) < len(short):
            return False
        middle = rest[len(short):len(rest) - len(tail)]
        while middle:
            step = self.region(middle) or next((w for w in self.industries if middle.startswith(w)), None)
            if step is None:
                return False
            middle = middle[len(step):]
        return True

    def _has_head(self, kind: Kind, text: str) -> bool:
        return any(h in text for h in self.heads.get(kind, frozenset()) if len(h) > 1)


def _unmatched(short: str, long: str) -> str:
    """The characters of `long` left over when `short` is matched in it from the right."""
    rest, j = [], len(short) - 1
    for c in reversed(long):
        if j >= 0 and c == short[j]:
            j -= 1
        else:
            rest.append(c)
    return "".join(reversed(rest))


@cache
def _forms(lex: Lexicon) -> Forms:
    whole, parts = {}, []
    for row in lex.table("org_short_forms"):
        if row["scope"] == "whole":
            whole[row["form"]] = row["canonical"]
        else:
            parts.append((row["form"], row["canonical"]))
    heads: dict[Kind, list[str]] = {}
    for row in lex.table("name_heads"):
        for kind in row["kinds"].split(","):
            heads.setdefault(Kind(kind), []).append(row["head"])
    names = {row["name"]: row for row in lex.table("places")}
    bare = {}
    for name, row in names.items():
        for end in ADMIN:
            short = name[:-len(end)]
            if name.endswith(end) and short in names and names[short]["region"] == row["region"]:
                bare[name] = short
                break
    fulls: dict[str, set[str]] = {}
    for name, short in bare.items():
        if name.endswith(FULL_ENDS) and len(name) == len(short) + 1:
            fulls.setdefault(short, set()).add(name)
    return Forms(whole=whole, parts=tuple(sorted(parts, key=lambda p: -len(p[0]))),
                 heads={k: frozenset(v) for k, v in heads.items()}, regions=frozenset(names), bare=bare,
                 full={short: next(iter(f)) for short, f in fulls.items() if len(f) == 1},
                 industries=lex.words("org_industry_heads"),
                 lower_levels=frozenset(n for n, row in names.items()
                                        if row["type"] in ("district", "county") and n.endswith(("区", "县"))))


@cache
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    """The lengths of the words, longest first (so that the longest match wins)."""
    return tuple(sorted({len(w) for w in words}, reverse=True))


# pure functions of a name (and a lexicon's word set), asked for the same names many times over
@lru_cache(maxsize=1 << 16)
def _head(heads: frozenset[str], form: str) -> str | None:
    return next((form[-n:] for n in _lengths(heads) if n < len(form) and form[-n:] in heads), None)


@lru_cache(maxsize=1 << 16)
def _region(regions: frozenset[str], form: str) -> str | None:
    return next((form[:n] for n in _lengths(regions) if form[:n] in regions), None)


@lru_cache(maxsize=1 << 16)
def _tokens(form: str) -> tuple[str, ...]:
    """The numbers and Latin words of a form (TOKENS)."""
    return tuple(TOKENS.findall(form))
