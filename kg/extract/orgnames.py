"""Organisation short forms: a 2-4 character brand and an industry word standing where a party
stands (金诚石化与…, 在鲁维制药落地, 瀚远医药董事长), and the test for a generic brand that names no one
(科技, 当地, a place). Used by kg.extract.organizations.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.doc import Doc
from kg.extract.match import trie_pattern
from kg.extract.places import gazetteer as place_gazetteer
from kg.extract.titles import is_han
from kg.lexicon import Lexicon
from kg.model import Kind, Mention

# what may follow a short form (金诚石化与…, 鲁维制药落地, 瀚远医药董事长)
AFTER_SHORT = re.compile(r"""
    [与和及,。;:在将已于为是的等")\s]   # a function word or punctuation (not 、: lists of industries)
""", re.VERBOSE)
# what may precede a short form: start of a clause, a conjunction or preposition
BEFORE_SHORT = re.compile(r"""
    [与和及,。;:在由同跟"(\s]   # a function word or punctuation (not 、: lists of industries)
""", re.VERBOSE)
WORD_WINDOW = 4  # characters each side of a name's edge read for a dictionary word across it
# a field in a list of industries, not a company: 在航运物流、金融服务及…, 船舶融资及海事保险优势
INDUSTRY_LIST = re.compile(r"""
    优势 | 领域 | 等领域 | 产业 | 行业   # a word naming fields
""", re.VERBOSE)


def word_across_end(text: str, lex: Lexicon, hs: int, he: int) -> bool:
    """Whether a dictionary word runs from a head at text[hs:he] on past its end (所|学 in 汇报所学,
    投资|者 in 基石投资者); 研究所|在 ends a word at the head's end."""
    return lex.word_end(text, hs, max(0, hs - WORD_WINDOW), he + WORD_WINDOW) > he


@cache
def words_pattern(lex: Lexicon, name: str) -> re.Pattern[str]:
    """The longest word of kg/data/<name>.txt where it is tried (their alternation longest first,
    written as a trie: match.trie_pattern)."""
    return re.compile(trie_pattern(lex.words(name)))


def short_forms(doc: Doc, lex: Lexicon) -> list[Mention]:
    """A 2-4 character brand and an industry word in a party's position: 金诚石化与…, 在鲁维制药落地."""
    text = doc.text
    out = []
    heads = words_pattern(lex, "org_industry_heads")
    title_heads = _title_heads(lex)
    long_stops = _long_stops(lex)
    stops = words_pattern(lex, "org_left_stops")
    for m in heads.finditer(text):
        hs, he = m.span()
        after = text[he:he + 4]
        titled = any(after[:n] in title_heads for n in (2, 1, 0))
        ends = he == len(text) or AFTER_SHORT.match(after) or titled  # what ends a brand of any length
        han = hs  # where the run of Han characters before the head starts (up to four back)
        while han > hs - 4 and han > 0 and "\u4e00" <= text[han - 1] <= "\u9fff":
            han -= 1
        for n in (2, 3, 4):
            s = hs - n
            if s < 0 or s < han:  # a brand before an industry word is a run of Han characters
                break
            # the tests after, before and of the brand itself, cheapest first (all are needed)
            if not (ends or text[s - 1] in "在与和及由" and not INDUSTRY_LIST.match(after)
                    and not (text[s - 1] == "在" and after.startswith("、"))):  # 在航运物流、金融…
                continue
            if not (s == 0 or BEFORE_SHORT.match(text[s - 1]) or (text[s - 1] == "、" and titled)
                    or any(s >= n and text[s - n:s] in long_stops for n in _lengths(long_stops))):
                continue
            brand = text[s:hs]
            if not generic_brand(brand, lex) and not stops.search(brand) and not lex.common_words(brand):
                if titled or not is_han(after[:1]) or not word_across_end(text, lex, hs, he):
                    out.append(doc.mention(Kind.ORGANIZATION, s, he, "short-form"))  # not 基石投资|者
                break
    return out


@cache
def _title_heads(lex: Lexicon) -> frozenset[str]:
    """The first two characters of each title (all of a shorter one): what after a name says a
    title follows."""
    return frozenset(t[:2] for t in lex.words("titles"))


@cache
def _long_stops(lex: Lexicon) -> frozenset[str]:
    """The left stop words of two or more characters."""
    return frozenset(w for w in lex.words("org_left_stops") if len(w) >= 2)


@cache
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    """The distinct lengths of `words`."""
    return tuple(sorted({len(w) for w in words}))


@lru_cache(maxsize=1 << 16)
def generic_brand(brand: str, lex: Lexicon) -> bool:
    """Whether a brand names no one: a generic, determiner or stop word, or one holding a place."""
    generic, openers = _generic_words(lex)
    places = place_gazetteer(lex)
    return (brand in generic or words_pattern(lex, "org_generic").search(brand) is not None
            or brand.startswith(openers)
            or any(brand[i:j] in places for i in range(len(brand)) for j in range(i + 2, len(brand) + 1))
            or words_pattern(lex, "org_generic").sub("", brand) == "")


@cache
def _generic_words(lex: Lexicon) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words a brand may not be (generic words, determiners, left stops), and those it may not
    start with (left stops, determiners)."""
    return (lex.words("org_generic") | lex.words("org_determiners") | lex.words("org_left_stops"),
            tuple(lex.words("org_left_stops") | lex.words("org_determiners")))
