"""Titles and posts around names: the word lists persons and roles read a name's neighbours with
(`Words`, loaded once per lexicon from kg/data/: surnames, titles and their modifiers, bylines,
credits, honorifics, person verbs, non-names, jieba's word frequencies), where a title ends before
a position (`title_before`, `title_starts`), and where the post of an appointment notice ends
(`post_end`, 任命王某为某局局长(试用期一年)).

persons.py uses these to take names after titles; roles.py uses them to link a name to its post.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.lexicon import Lexicon

# a word of an appointment notice before the name it names (任命王某为, 免去李某的, 提名赵某为)
APPOINTER = re.compile(r"""
    (?:任命|免去|提名|聘任|聘请|委任|推选|选举|推荐)   # appoints, removes, nominates
    """, re.VERBOSE)
# a field or side in brackets after a title (副校长(研究及科技), 副秘书长(葡方)), not a caption's position (左二)
MAX_FIELD = 10
TITLE_FIELD = re.compile(rf"\((?![左右中前后]\S{{0,3}}\))[\u4e00-\u9fffA-Za-z ]{{1,{MAX_FIELD}}}\)$")
MAX_OWN = 4  # characters of its own a cell may hold before its title (市场|总监)
# what follows a name in an appointment notice: the post it takes or leaves (为某局局长, 的某某职务)
APPOINTEE_END = frozenset("为的")
# what an appointment notice writes after a post: a probation in brackets, 职务 (post), 人选 or
# 候选人 (nominee): 为某局局长(试用期一年), 的某局副局长职务, 为某市副市长人选
POST_TAIL = re.compile(r"""
    (?:\([^()]*\))?          # an optional bracket (试用期一年)
    (?:职务|人选|候选人)?      # an optional word for the post itself
    $""", re.VERBOSE)
# the end of a clause: where a post written after a name ends
CLAUSE_END = re.compile(r"[,。;!?:\n]|$")


@dataclass(frozen=True, eq=False)
class Words:
    """The word lists persons need, loaded once per lexicon."""

    surnames: frozenset[str]
    wordlike_surnames: frozenset[str]  # surnames that are mostly words (时, 向): names only after a title or in a table
    titles: frozenset[str]
    bylines: tuple[str, ...]  # longest first
    credits: tuple[str, ...]  # photo credits and contact words, longest first (图/, 联系人)
    honorifics: tuple[str, ...]
    honorific_set: frozenset[str]  # the same honorifics, for membership
    descriptors: frozenset[str]  # words that describe a person before the name, no post (港商, 市民)
    descriptor_lengths: tuple[int, ...]  # their lengths, longest first
    verbs: tuple[str, ...]  # longest first
    verb_set: frozenset[str]  # the same verbs, for membership
    nonnames: frozenset[str]
    freq: dict[str, int]
    max_title: int  # the longest title's length, computed once (it is asked at every character)
    title_lasts: frozenset[str]  # the last characters of titles: no title ends before any other
    title_firsts: frozenset[str]  # the first characters of titles: no title starts with any other
    byline_at: re.Pattern[str]  # the bylines as one alternation, longest first
    verb_at: re.Pattern[str]  # the verbs as one alternation, longest first (the first that matches)
    honorific_at: re.Pattern[str]  # the honorifics as one alternation
    title_last_at: re.Pattern[str]  # a character some title ends in
    title_lengths: tuple[int, ...]  # the lengths titles have, longest first: the only ones worth trying
    modifier_set: frozenset[str]  # the modifiers, for membership
    modifier_lengths: tuple[int, ...]  # the lengths modifiers have, longest first


def chars(cs: Iterable[str]) -> str:
    """A character class of the characters `cs` (one that never matches when there are none)."""
    escaped = sorted(set(map(re.escape, cs)))
    return "[" + "".join(escaped) + "]" if escaped else "(?!)"


def alternation(ws: Iterable[str]) -> re.Pattern[str]:
    """One pattern that matches the first of `ws`, in their order, that starts where it is tried;
    one that never matches when `ws` is empty."""
    return re.compile("|".join(map(re.escape, ws)) or "(?!)")


@cache
def words(lex: Lexicon) -> Words:
    by_len = lambda ws: tuple(sorted(ws, key=len, reverse=True))  # noqa: E731
    titles = lex.words("titles") | lex.words("title_bylines")
    bylines, honorifics = by_len(lex.words("title_bylines")), by_len(lex.words("person_honorifics"))
    verbs, surnames = by_len(lex.words("person_verbs")), lex.words("surnames")
    return Words(surnames=surnames, wordlike_surnames=lex.words("surnames_wordlike"), titles=titles, max_title=max(map(len, titles)),
                 bylines=bylines,
                 credits=by_len(lex.words("person_credits")), honorifics=honorifics, verbs=verbs,
                 honorific_set=frozenset(honorifics),
                 descriptors=lex.words("person_descriptors"), descriptor_lengths=lengths(lex.words("person_descriptors")),
                 verb_set=frozenset(verbs),
                 nonnames=lex.words("person_nonnames"), freq=lex.tokenizer.FREQ,
                 title_lasts=frozenset(t[-1] for t in titles if t), title_firsts=frozenset(t[0] for t in titles if t),
                 byline_at=alternation(bylines),
                 verb_at=alternation(verbs), honorific_at=alternation(honorifics),
                 title_last_at=re.compile(chars(t[-1] for t in titles if t)),
                 title_lengths=lengths(titles), modifier_set=lex.words("title_modifiers"),
                 modifier_lengths=lengths(lex.words("title_modifiers")))


def lengths(ws: Iterable[str]) -> tuple[int, ...]:
    """The distinct lengths of ws, longest first."""
    return tuple(sorted({len(w) for w in ws if w}, reverse=True))


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


# a count before a title makes it a plural noun, not a post before a name: 三千名学生, 两位副市长
COUNTED = re.compile(r"[0-9一二两三四五六七八九十百千万]+[余多]?[名位个]$")
MAX_COUNT = 8  # the longest count looked at (3000余名)


CONGRESSES = ("人大", "人民代表大会")  # a people's congress, whose members are its 代表 (deputies)


def title_before(text: str, i: int, w: Words) -> int | None:
    """Start of the title (with its modifiers) that ends at text[i], or None; a field in brackets
    after it is part of it (副校长(研究), 助理署长(投资推广)); 代表 is one only after a people's congress
    (全国人大代表, 省人大代表)."""
    if text.endswith("代表", 0, i) and text.endswith(CONGRESSES, 0, i - 2):
        return i - 2
    if i == 0 or text[i - 1] not in w.title_lasts:
        if text[i - 1:i] == ")" and (field := TITLE_FIELD.search(text, max(0, i - MAX_FIELD - 2), i)):
            return title_before(text, field.start(), w)
        return None
    titles = w.titles
    for k in w.title_lengths:  # the longest title ending at i (loops, not generators: asked at every title end)
        if k <= i and text[i - k:i] in titles:
            start = i - k
            break
    else:
        return None
    modifiers = w.modifier_set
    while True:  # the longest modifier before the title, again and again
        for k in w.modifier_lengths:
            if k <= start and text[start - k:start] in modifiers:
                start -= k
                break
        else:
            return start


def title_cell(text: str, s: int, e: int, w: Words) -> int | None:
    """Start of the title that ends the cell text[s:e], if the cell holds nothing before it but up
    to MAX_OWN characters of its own (总经理, 市场|总监, 外贸部|经理), else None."""
    own = title_before(text, e, w)
    return own if own is not None and own - s <= MAX_OWN else None


def title_starts(text: str, w: Words) -> dict[int, int | None]:
    """_post_before(text, i) for every i where a title may end (elsewhere it is None), computed once
    for a text: the name scan asks it about four times at every surname."""
    # no title ends anywhere else than after one of the characters titles end in
    return {m.end(): _post_before(text, m.end(), w) for m in w.title_last_at.finditer(text)}


def _post_before(text: str, i: int, w: Words) -> int | None:
    """title_before, unless a count stands before the title (三千名学生: a plural, no post)."""
    s = title_before(text, i, w)
    return None if s is not None and COUNTED.search(text, max(0, s - MAX_COUNT), s) else s


def inside_titles(starts: dict[int, int | None]) -> frozenset[int]:
    """Every position that is the second or later character of a title (长 of 局长, 任 of 主任):
    a title ending one or two characters after it starts before it. `starts` is the text's
    `title_starts`; computed once for a text from the titles found."""
    return frozenset(i for j, s in starts.items() if s is not None for i in (j - 1, j - 2) if s < i)


def as_post(text: str, j: int) -> bool:
    """Whether the clause ending at text[j] starts with 作为 (作为某公司创始人,王某): the post
    before the comma is the next name's."""
    k = max(text.rfind(c, 0, j) for c in ",。;!?\n") + 1
    return text.startswith("作为", k)


def post_end(text: str, j: int, w: Words) -> int | None:
    """Where the post ends in the clause starting at text[j] of an appointment notice, before its
    tail (局长(试用期一年), 副局长职务, 副市长人选); None where no title ends there."""
    end = CLAUSE_END.search(text, j).start()
    end = POST_TAIL.search(text, j, end).start()
    return end if end > j and title_before(text, end, w) is not None else None


@cache
def english_title(lex: Lexicon) -> re.Pattern[str]:
    """An English title ending where a search ends (just before a name): a head word
    (kg/data/title_english.txt) and the capitalised words and particles after it."""
    heads = "|".join(sorted(map(re.escape, lex.words("title_english")), key=len, reverse=True))
    return re.compile(rf"""
        (?<![A-Za-z])(?:{heads})                   # a head word: Head, Managing, Chief ...
        (?:\ (?:[A-Z][A-Za-z&-]*|of|and|for|the))*  # then capitalised words and particles
        $                                           # up to the name
        """, re.VERBOSE)
