"""Persons: Chinese names built from a surname (kg/data/surnames.txt) and one or two given-name
characters, taken only where names are written in news text, and Latin-script names.

A candidate is a surname at some position followed by one or two characters (two or three for a
compound surname, three for a double surname such as 周骆美琪). Its left and right neighbours decide:

- after a title (省长周乃翔, 行政总裁黄克强) or a byline word (记者初磊, 编辑:史飞雪): taken when
  its right side ends the name (punctuation, an honorific, a speech verb, a byline word, the start
  of a place or organisation);
- before an honorific or a photo-caption position (孙东教授, 周伟雄(左二)): taken;
- at a clause edge or after an organisation, before a verb of two or more characters (,黄志辉表示 /
  科技局熊欣签订): taken unless the candidate is an ordinary word (frequent in jieba's dictionary,
  or in kg/data/person_nonnames.txt);
- after an accepted name across 、 (a list of names), or alone on a line (a media contact): taken
  when it ends cleanly and is no ordinary word;
- after a byline word, a run of names; a space in the text as read separates them there.
No name ends in a particle or speech verb (说, 在, 与 ...).
Once a name is known, its other occurrences in the article are mentions too (宋振波在致辞中指出).
The word lists a name's neighbours are read with, and where titles and posts stand, are in
kg/extract/titles.py (shared with roles.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from kg.doc import Doc
from kg.extract import tables
from kg.extract.organizations import LATIN_NAME as LATIN_ORG
from kg.extract.titles import (APPOINTEE_END, APPOINTER, Words, alternation, as_post, chars, english_title, inside_titles, is_han, post_end,
                               title_before, title_cell, title_starts, words)
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# characters that end a name: punctuation, brackets, quotes, whitespace
BOUNDARY = frozenset(",、。;:!?()「」『』“”\"《》〈〉[]【】·-—…/| \t\n")
# a photo-caption position after a name: (左), (右二), (前排右七), (中)
CAPTION = re.compile(r"""
    \(                          # opening bracket (full-width folded by clean)
    (?:[前后中]排|第[一二三四五六七八九十]排)?   # an optional row
    [左右中]                     # side
    [一二三四五六七八九十\d]{0,3}   # an optional count from that side
    \)""", re.VERBOSE)
# a Latin personal name: given name, optional initial, family name (Alan Ashworth, Bo Hanson), the family
# name maybe in capitals with given names after it, as Hong Kong writes them (Peter WONG Ka Lok, Michael SZE),
# or a second family name (Helena Sequeira Pinto)
LATIN_NAME = re.compile(r"""
    (?<![A-Za-zÀ-ÖØ-öø-ÿ.])         # not inside a longer Latin word
    [A-Z][a-zß-öø-ÿ]+               # given name, maybe with accents (João, António)
    (?:\ [A-Z]\.)?                  # an optional middle initial
    (?:\ (?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,}(?![a-z]))){1,3}   # one to three more names,
                                                                    # maybe hyphenated (Ka-wai) or in capitals
    (?![A-Za-zÀ-ÖØ-öø-ÿ])           # and no more letters
    """, re.VERBOSE)
# a Latin name with the family name first in capitals, as Hong Kong's registers write it (CHEUNG Wai Man
# Vincent): taken only at the end of a list of names (listed_names)
CAPS_FIRST = re.compile(r"[A-Z]{2,}(?: [A-Z][a-z]+){1,3}(?![A-Za-z])")
# the start of a capitalised Latin word: where a Latin name may begin
LATIN_WORD = re.compile(r"(?=[A-Z])(?<![A-Za-z])[A-Z]")  # (?=[A-Z]) first: lets the scan skip ahead
LATIN_TOKEN = re.compile(r"[A-Za-z-]+")  # a Latin word
CAPITALISED_RUN = re.compile(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ-]*(?: [A-Z][A-Za-zÀ-ÖØ-öø-ÿ.-]*)*")  # capitalised words, one space apart
# a Latin form of address before a name (Dr. Michael SZE, Prof Alan Ashworth)
LATIN_ADDRESS = re.compile(r"(?<![A-Za-z])(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?\ ?$")
# a bracketed field or side after a title, before the name it titles: 讲座教授(生物医学)Daniel Ferreira,
# 副校长(研究)澹台某某
BRACKETED = re.compile(r"\([^()\n]{1,12}\)\ ?$")
# a bracket right after a name, holding the name in the other script: Vincent Ho(何某轩)
GLOSS = re.compile(r" ?\(([^()\n]{2,30})\)")
# what a speaker does right after a Latin name, the name then being a person's (交换生Priya Raman表示)
LATIN_SPEECH = ("表示", "指出", "认为", "介绍", "透露", "坦言", "强调", "说")
# a line that holds nothing but a short Han word, or one before a contact field (梁某某  电话:…): a name
# in a contact block or a caption
CONTACT = re.compile(r"""
    (?:[ ]{2,}|\t|:|,)[ \t]*(?:电话|电邮|手机|传真|邮箱|Tel|Email|E-mail)   # a contact field's label
    | (?:[ ]{2,}|\t)\+?[0-9][0-9-]{2,}[ -]?[0-9]{4}                      # or a telephone number: 0532-8899 6612
    """, re.VERBOSE | re.IGNORECASE)
NAME_LINE = re.compile(rf"""
    (?m)^[ \t]*([\u4e00-\u9fff]{{2,4}})      # a short Han word at the start of a line
    (?: [ \t]*$                            # alone on it,
      | {CONTACT.pattern}                   # or before a contact field
    )
    | ^[ \t]*[\u4e00-\u9fff]{{2,5}}:[ \t]*    # or after a contact's unit and a colon (会务组:某某  0532-…)
      ([\u4e00-\u9fff]{{2,4}}) (?:{CONTACT.pattern})""", re.VERBOSE | re.IGNORECASE)
# characters that end no name: speech verbs and function words (庞某某说, 张某在)
DEPARTMENT_ENDS = tuple("部处办局厅室")  # a unit, not a name, after a credit word (文/宣传部 图/某某)
NOT_NAME_ENDS = frozenset("说称指在是和与及等对向将也亦则于了的摄")  # a verb or particle that follows names
# a short line of Han characters and spaces: maybe a line of names (spaced_names: its cells are
# parted by spaces, or by whitespace cleaning took out)
NAMES_LINE = re.compile(r"(?m)^[\u4e00-\u9fff][\u4e00-\u9fff ]{3,38}[\u4e00-\u9fff]$")
# a run of Han characters (titles.is_han, character by character)
HAN_RUN = re.compile("[\u4e00-\u9fff]+")
# a verb of appointment between a name and the post it takes (王某任某某管委会主任, 李某出任董事长)
APPOINT = re.compile(r"""
    (?:出任|担任|兼任|升任|改任|任)   # takes the post of
    """, re.VERBOSE)
# the end of a quotation: a name right after it and before a verb is the speaker (“…”王某说)
QUOTE_ENDS = "”」』\""
# what joins two names before a verb they share (骆某远与温某琪签署)
PAIR_JOINS = "与和同"
# words that open a list of people (嘉宾包括:某某、某某), and what follows a name in such a list
LIST_LEADS = ("包括", "还有", "分别是", "分别为", "依次为")
LIST_NEXT = "、,。;和与及等"
LIST_JOINS = "、和"  # between two names of a list
PAIR_BREAKS = "在于向从对与和及的是为将被把给到自"  # no given name ends in these: 记者陈某梅在济南报道 is one name
GROUP_NOUNS = ("领导", "嘉宾", "人", "同志", "官员", "负责人", "专家", "代表")  # after 等 at a list's end
# words that introduce a name: 叫庹某某, 名叫王某
CALLED = ("名叫", "叫")
# an interview's question turn at the start of a line: 记者:, 问:
INTERVIEW = re.compile(r"(?m)^[ \t]*(?:记者|问|主持人)[ \t]*:")
# how strongly a candidate's right neighbour ends a name
END, VERB, WEAK, NONE = 3, 2, 1, 0
WORD_FREQ = 100  # a candidate this frequent in jieba's dictionary is a word (names there are rarer)
COMMON_PREFIX_FREQ = 1000  # a candidate whose first two characters are a word this frequent is a word
APPOINTED_FREQ = 1000  # before a verb of appointment and a post, a name may be this frequent a word (李强出任)
TITLED_WORD_FREQ = 200  # a two-character candidate this frequent is a word even after a title (宣誓 266; 李强 159)
FOLLOW_FREQ = 100  # after a title, a name may end where a word this frequent begins (市长岳志刚会面)


@dataclass(frozen=True, eq=False)
class Context:
    """What a candidate's neighbours may be: the article text and the spans found before persons."""

    text: str
    w: Words
    starts: frozenset[int]  # where an organisation or place starts
    ends: frozenset[int]  # where one ends
    interview: bool = False  # whether the text has question turns (记者:), so answer turns are names

    @cached_property
    def title_starts(self) -> dict[int, int | None]:
        """titles.title_starts of the text, worked out once (the name scans ask it twice)."""
        return title_starts(self.text, self.w)

    def after_quote(self, i: int) -> bool:
        """Whether a quotation closes right before text[i]: a closing quote mark, or a straight
        quote that closes a pair opened earlier on its line."""
        t = self.text
        if i == 0 or t[i - 1] not in QUOTE_ENDS:
            return False
        return t[i - 1] != '"' or t.count('"', t.rfind("\n", 0, i) + 1, i) % 2 == 0

    def line_start(self, i: int) -> bool:
        """Whether text[i] starts a line, after optional spaces (or the text)."""
        k = i
        while k > 0 and self.text[k - 1] in " \t":
            k -= 1
        return k == 0 or self.text[k - 1] == "\n"

    def right(self, j: int) -> int:
        """How strongly text[j] ends a name just before it."""
        t = self.text
        if j >= len(t) or t[j] in BOUNDARY or j in self.starts:
            return END
        end_at, end_firsts, verb_firsts = _ends(self.w)
        c = t[j]  # each pattern is tried only after one of its first characters
        if c in end_firsts and end_at.match(t, j):  # an honorific, a caption position or a byline word
            return END
        verb = self.w.verb_at.match(t, j) if c in verb_firsts else None
        return NONE if verb is None else VERB if verb.end() - j > 1 else WEAK

    def and_others(self, j: int) -> bool:
        """Whether 等 ('and others') at text[j] ends a name after a title (会长那某等担任, 总经理王某等人),
        not a word starting with it (等待, 等级)."""
        t = self.text
        return t[j:j + 1] == "等" and (t[j + 1:j + 2] in "人、,。;" or self.w.freq.get(t[j:j + 2], 0) < FOLLOW_FREQ)

    def described(self, i: int) -> bool:
        """Whether a word describing a person (港商, 市民: kg/data/person_descriptors.txt) ends right
        before text[i]."""
        descriptors = self.w.descriptors
        for k in self.w.descriptor_lengths:  # (a loop, not any() over a generator: asked at every surname)
            if k <= i and self.text[i - k:i] in descriptors:
                return True
        return False

    def paired(self, j: int) -> int:
        """Length of a second name after 与/和/同 at text[j] that a verb of two or more characters
        ends (骆某远|与温某琪签署), the first name then being one too; or 0."""
        if j + 1 >= len(self.text) or self.text[j] not in PAIR_JOINS or not (hit := self.best(j + 1, strong=False)):
            return 0
        n, r = hit
        return n if r == VERB and not self.wordlike(self.text[j + 1:j + 1 + n]) else 0

    def list_lead(self, i: int) -> bool:
        """Whether words that open a list of people (包括, 还有, 分别是) stand right before text[i],
        maybe with a colon."""
        k = i - (self.text[i - 1:i] == ":")
        return self.text.endswith(LIST_LEADS, 0, k)

    def tag(self, j: int) -> bool:
        """An honorific or a caption position at text[j]."""
        t = self.text
        return bool(self.w.honorific_at.match(t, j)) or bool(CAPTION.match(t, j))

    def edge(self, i: int) -> bool:
        return i == 0 or self.text[i - 1] in BOUNDARY or i in self.ends

    def lengths(self, i: int) -> tuple[int, ...]:
        """Candidate name lengths at text[i], longest first; () where no surname starts (or the text ends)."""
        t = self.text
        if i >= len(t):
            return ()
        if t[i:i + 2] in self.w.surnames:
            return (4, 3)
        if t[i] not in self.w.surnames:
            return ()
        return (4, 3, 2) if i + 1 < len(t) and t[i + 1] in self.w.surnames else (3, 2)

    def ends_group(self, i: int) -> int:
        """Length of a name at text[i] right before 等 and a word for a group of people (某某等领导,
        某某等嘉宾), or 0."""
        for n in self.lengths(i):
            name, j = self.text[i:i + n], i + n
            if len(name) == n and self.text.startswith("等", j) and self.text.startswith(GROUP_NOUNS, j + 1) \
                    and self.plain(name) and not self.wordlike(name):
                return n
        return 0

    def inside_word(self, i: int) -> bool:
        """Whether text[i] ends a frequent two-character word with the character before it (有|关)."""
        return i > 0 and self.w.freq.get(self.text[i - 1:i + 1], 0) >= COMMON_PREFIX_FREQ

    def word_at(self, j: int) -> bool:
        """Whether a frequent two-character word starts at text[j] (会面, 以及, 今日); a single
        character before the end of the text is none (道 of 王芳报道)."""
        word = self.text[j:j + 2]
        return len(word) == 2 and self.w.freq.get(word, 0) >= FOLLOW_FREQ

    def wordlike(self, name: str, *, compound_ok: bool = False) -> bool:
        """An ordinary word rather than a name. With compound_ok, a compound surname that is also a
        common word (东方, 百里) may start a name (after a title: 局长东方永康)."""
        prefix = name[:2] if not (compound_ok and name[:2] in self.w.surnames and len(name) > 2) else ""
        return (name in self.w.nonnames or prefix in self.w.nonnames or name in self.w.titles or self.w.freq.get(name, 0) >= WORD_FREQ
                or self.w.freq.get(prefix, 0) >= COMMON_PREFIX_FREQ)

    def common(self, name: str, freq: int) -> bool:
        """Whether `name` or its first two characters are a non-name or a word of at least `freq`."""
        return any(x in self.w.nonnames or x in self.w.titles or self.w.freq.get(x, 0) >= freq for x in {name, name[:2]})

    def title_at(self, j: int) -> int:
        """Length of the longest title starting at text[j], or 0."""
        if self.text[j:j + 1] not in self.w.title_firsts:
            return 0
        return next((k for k in range(self.w.max_title, 1, -1) if self.text[j:j + k] in self.w.titles), 0)

    def modified_title_at(self, j: int) -> int:
        """Length of the longest title starting at text[j], after a modifier maybe (副主席, 常务副会长), or 0."""
        if k := self.title_at(j):
            return k
        m = next((n for n in self.w.modifier_lengths if self.text[j:j + n] in self.w.modifier_set), 0)
        return m + k if m and (k := self.title_at(j + m)) else 0

    def clause_title(self, j: int) -> bool:
        """Whether the clause starting at text[j] ends in a title (青岛啤酒股份有限公司董事长,),
        maybe before a bracket (香港某大学副校长(研究))."""
        return post_end(self.text, j, self.w) is not None

    def bracket_title(self, j: int) -> bool:
        """Whether a bracket opening at text[j] holds an organisation and its post (王某(某某有限公司
        董事长)), the organisation found before persons."""
        close = self.text.find(")", j, j + 40)
        return self.text[j:j + 1] == "(" and j + 1 in self.starts and close > 0 \
            and title_before(self.text, close, self.w) is not None

    def name_cell(self, name: str) -> bool:
        """Whether a table cell may hold a name: it starts with a surname, even one that is mostly a
        word (过, 巴) or a compound one that is (东方, 百里), and is no title or ordinary word."""
        w = self.w
        return (name[0] in w.surnames or name[:2] in w.surnames or name[0] in w.wordlike_surnames) \
            and name not in w.titles and not self.wordlike(name, compound_ok=True)

    def plain(self, name: str) -> bool:
        """Whether `name` may be a name: Han characters, no title or particle at its end."""
        return all(map(is_han, name)) and name[-1:] not in NOT_NAME_ENDS \
            and not any(name[k:] in self.w.titles for k in range(1, len(name)))

    def posed(self, i: int) -> int:
        """Length of a name at a clause edge text[i] whose post is written after it: a title and
        then a verb or a clause end (蔡某会长表示), a verb of appointment and a clause ending in a
        title (王某任某局局长), or a comma and an organisation's title (张某,某公司董事长,)."""
        t = self.text
        for n in self.lengths(i):
            name, j = t[i:i + n], i + n
            if len(name) < n or not self.plain(name) or (v := self.w.verb_at.match(t, j - 1)) and v.end() > j:
                continue  # 李某出|任: a verb starts inside the candidate
            if any(k in self.ends for k in range(i + 1, j)):
                continue  # 管委|副主任: an organisation ends inside the candidate
            if self.title_at(j - 1) > 1 or t[j - 1] in self.w.modifier_set and self.title_at(j):
                continue  # 蒯文山副|主席, 李明会|长: a title or its modifier (副) is the candidate's last character
            if (k := self.modified_title_at(j)) and self.right(j + k) >= VERB and not self.wordlike(name):
                return n
            if (a := APPOINT.match(t, j)) and self.clause_title(a.end()) \
                    and not self.common(name, APPOINTED_FREQ):
                return n
            if self.bracket_title(j) and not self.wordlike(name):
                return n
            if t[j:j + 1] == "," and (s := j + 1 + (t[j + 1:j + 2] == " ")) in self.starts and self.clause_title(s) \
                    and not self.wordlike(name):
                return n
        return 0

    def best(self, i: int, *, strong: bool) -> tuple[int, int] | None:
        """(length, right strength) of the best-ending candidate at text[i]. A double surname
        (周骆美琪) needs a strong context (a title before it, or a tag after it) and a clean end."""
        lengths = self.lengths(i)
        if not lengths:
            return None
        best = (NONE, 0)  # (right strength, length) of the best candidate so far (its length breaks a tie)
        w = self.w
        double = self.text[i:i + 2] not in w.surnames
        han = HAN_RUN.match(self.text, i, i + lengths[0])  # (no further than the longest candidate)
        han_end = han.end() if han else i  # a candidate must end within the run of Han characters at i
        for n in lengths:
            if i + n > han_end:
                continue
            r = self.right(i + n)
            if r == NONE and not strong:
                continue  # nothing ends the candidate, and only a strong context would (most candidates)
            name = self.text[i:i + n]
            if name in w.nonnames or name[-1] in NOT_NAME_ENDS or name[-2:] in w.honorific_set:
                continue  # 司马先生: a surname and an honorific is no name
            if name[-1] in w.title_lasts and any(name[k:] in w.titles for k in range(1, n)):
                continue
            if n == 4 and double:  # a double surname: a strong context or a tag after it, and a clean end
                if name[2:] in w.verb_set or not (strong or self.tag(i + n)) or r != END:
                    continue  # 陈华出席 is 陈华 before a verb, not the double surname 陈华 and a name
                best = max(best, (END, n))
                continue
            if strong and r == NONE and self.and_others(i + n):
                r = VERB
            elif strong and r == NONE and self.word_at(i + n) and not self.wordlike(name, compound_ok=True):
                r = WEAK
            elif strong and r == NONE and n == 3 and double and not self.wordlike(name) \
                    and not self.w.freq.get(self.text[i + 2:i + 4]):
                r = WEAK  # 主任王红杰带着…: after a title, a full name before a word jieba lacks
            if (r, n) > best:
                best = (r, n)
        r, n = best
        return (n, r) if r > NONE else None


@cache
def _surname_patterns(w: Words) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """A one-character surname (a plain character class, which a scan matches far faster than an
    empty lookahead), and a two-character one whose first character is none."""
    singles = frozenset(n for n in w.surnames if len(n) == 1)
    rest = [n for n in sorted(w.surnames) if len(n) == 2 and n[0] not in singles]
    firsts = chars(n[0] for n in rest)  # (a first character before the lookahead: lets the scan skip ahead)
    return re.compile(chars(singles)), (re.compile(f"(?={firsts})(?=(?:{alternation(rest).pattern}))") if rest else None)


def surname_starts(t: str, w: Words) -> list[int]:
    """Where a surname of one or two characters starts in t, in order."""
    single, double = _surname_patterns(w)
    found = [m.start() for m in single.finditer(t)]
    if double is not None and (more := [m.start() for m in double.finditer(t)]):
        found = sorted(set(found).union(more))
    return found


@cache
def _ends(w: Words) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """One pattern for what ends a name where it starts (Context.right): an honorific, a caption
    position (Context.tag) or a byline word, matching wherever one of the three does; the first
    characters it may match at, and those of the verbs."""
    end_at = re.compile(f"(?:{w.honorific_at.pattern})|(?x:{CAPTION.pattern})|(?:{w.byline_at.pattern})")
    return (end_at, frozenset(x[0] for x in (*w.honorifics, *w.bylines) if x) | {"("},
            frozenset(v[0] for v in w.verbs if v))


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    others = of_kind(prior.mentions, Kind.ORGANIZATION, Kind.PLACE)
    ctx = Context(doc.text, words(lex), frozenset(m.nstart for m in others), frozenset(m.nend for m in others),
                  interview=INTERVIEW.search(doc.text) is not None)
    bodies = {m.nstart: m.nend for m in of_kind(others, Kind.ORGANIZATION)}
    bylined = byline_names(doc, ctx, bodies)
    pairs = [b for b, rule in bylined if rule == "person-byline-pair"]  # 记者庞某宫某: the byline parts them
    titled = [x for x in chinese_names(ctx) if not any(overlap(x[0], b) for b in pairs)]
    spans = dict(titled + bylined + latin_names(ctx, lex) + line_names(ctx))
    spans.update({k: v for k, v in appointed_names(ctx).items() if not any(overlap(k, x) for x in spans)})
    spans.update(listed_names(ctx, spans))
    spans.update(spaced_names(doc, ctx, spans))
    spans.update({k: v for k, v in table_names(ctx).items() if not any(overlap(k, x) for x in spans)})
    spans.update({k: v for k, v in titled_wordlike(ctx).items() if not any(overlap(k, x) for x in spans)})
    glosses = glossed_names(ctx, spans)
    spans.update({g: "person-gloss" for g, _ in glosses})
    spans.update(repeated_names(ctx, spans, others))
    taken = {(m.nstart, m.nend) for m in others}  # 诸城市等: a place or organisation is no name
    starts = {m.nstart: m.nend for m in of_kind(others, Kind.PLACE)}  # nor one a place starts inside and runs past (于|日内瓦)
    mentions = {span: doc.mention(Kind.PERSON, *span, rule) for span, rule in sorted(spans.items())
                if span not in taken and not any(starts.get(k, 0) > span[1] for k in range(span[0] + 1, span[1]))}
    return Findings(tuple(mentions.values()), tuple(Link(Rel.ALIAS_OF, mentions[g], mentions[n]) for g, n in glosses
                                                    if g in mentions and n in mentions))


def chinese_names(ctx: Context) -> list[tuple[tuple[int, int], str]]:
    out, t, i = [], ctx.text, 0
    starts = ctx.title_starts
    inside = inside_titles(starts)
    # where a surname starts (Context.lengths): elsewhere best() finds nothing; the scan goes from
    # one to the next, past the names it takes
    for p in surname_starts(t, ctx.w):
        if p < i:
            continue
        i = p
        if i in inside:
            continue
        titled = starts.get(i) is not None or (i > 1 and t[i - 1] in ": 的" and starts.get(i - 1) is not None) \
            or (t[i - 1:i] == " " and starts.get(_before_spaces(t, i)) is not None) \
            or (i > 1 and t[i - 1] == "," and starts.get(i - 1) is not None and as_post(t, i - 1)) \
            or (t[i - 1 - (c := t[i - 1:i] == ":"):i - c] == ")" and (b := BRACKETED.search(t, max(0, i - c - 14), i - c))
                and starts.get(b.start()) is not None)  # 副校长(研究)某某, 副会长(按姓氏笔画排序):某某
        described = not titled and i not in ctx.starts and ctx.described(i)  # 港生|曲阜: a place is no name
        hit = ctx.best(i, strong=titled or described)
        if hit:
            n, r = hit
            name = t[i:i + n]
            if titled and r >= WEAK and not (n == 2 and ctx.w.freq.get(name, 0) >= TITLED_WORD_FREQ):
                rule = "title"  # (but 会董|宣誓就职: a frequent word after a title is no name)
            elif described and r >= WEAK and not ctx.wordlike(name):
                rule = "described"  # 港商某某告诉记者, 市民某某说
            elif ctx.tag(i + n) and not ctx.wordlike(name) and not ctx.inside_word(i):
                rule = "honorific"  # (but 有|关负责同志: 关 ends the word 有关)
            elif (ctx.edge(i) or t[i - 1:i] in ("据", "由")) and r == VERB and not ctx.wordlike(name):
                rule = "verb"  # ,某某表示; 据某某介绍, 由某某主持
            elif t[i - 1:i] == "在" and t.startswith("看来", i + n) and not ctx.wordlike(name):
                rule = "verb"  # 在某某看来
            elif r >= WEAK and t[i + n:i + n + 1] in LIST_NEXT and ctx.list_lead(i) and not ctx.wordlike(name):
                rule = "listed"  # 嘉宾包括:某某、…, 还有某某、某某等, 分别是某某和某某
            elif r >= WEAK and (ctx.after_quote(i) or t.endswith(CALLED, 0, i)) and not ctx.wordlike(name):
                rule = "quoted"  # “…”仉某某说, 叫庹某某,
            elif r == END and t[i + n:i + n + 1] == ":" and ctx.line_start(i) and ctx.interview \
                    and not ctx.wordlike(name):
                rule = "speaker"  # an interview's turn: 公孙某某:
            elif ctx.edge(i) and (m := ctx.paired(i + n)) and not ctx.wordlike(name):
                out += [((i, i + n), "person-paired"), ((i + n + 1, i + n + 1 + m), "person-paired")]
                i += n + 1 + m  # ,骆某远与温某琪签署: two names joined by 与 before a verb
                continue
            else:
                rule = ""
            if rule:
                out.append(((i, i + n), f"person-{rule}"))
                i += n
                continue
        if t[i - 1:i] == "、" and (n := ctx.ends_group(i)):
            out.append(((i, i + n), "person-listed"))  # 某甲、某乙、某丙等领导出席: the list's last name
            i += n
            continue
        if (ctx.edge(i) or t[i - 1] in "由据的以" or t.endswith("包括", 0, i)) and (n := ctx.posed(i)):
            out.append(((i, i + n), "person-posed"))
            i += n
            continue
        i += 1
    return out


def byline_names(doc: Doc, ctx: Context, bodies: dict[int, int] | None = None) -> list[tuple[tuple[int, int], str]]:
    """Names written after byline words (记者 初磊 实习生 李子怡 禚亦秋) or credit words (图/百里晨曦,
    联系人:诸葛明), several in a run; a space in the text as read separates two names there. A contact's
    organisation or unit before a column gap may come first (联系人:省商务厅外资处  侯某某  巩某,
    联系人:国际合作与交流处  某某)."""
    out, t = [], ctx.text
    for b in ctx.w.bylines + ctx.w.credits:
        for _, end in occurrences(t, b):
            i = end + (t[end:end + 1] in (":", "|", "丨"))  # 编辑:某某, 编辑|某某, 编辑丨某某 (a tuple: "" is in every string)
            if bodies and i in bodies and (g := t.find("  ", bodies[i], bodies[i] + 8)) >= 0 \
                    and all(map(is_han, t[bodies[i]:g])):
                i = g  # the organisation, maybe with its unit (省商务厅|外资处), then a column gap
            elif not (ctx.lengths(i) and run_name(doc, ctx, i)) and (g := t.find("  ", i, i + 14)) > i \
                    and all(map(is_han, t[i:g])):
                i = g  # a unit not found as an organisation (国际合作与交流处), then a column gap
            i = _past_spaces(t, i)
            named = False  # whether the run has a name yet: a later one never starts a new line
            while i < len(t) and ctx.lengths(i) and not (named and _raw_line_break(doc, i)) \
                    and (n := run_name(doc, ctx, i)):
                pair = n == 2 and _two_names_run(ctx, i) or bool(out) and out[-1][1] == "person-byline-pair" \
                    and out[-1][0][1] == i and _two_names_run(ctx, i - 2)
                out.append(((i, i + n), "person-byline-pair" if pair else "person-byline"))
                named = True
                i = _past_spaces(t, i + n)
    return out


def _before_spaces(t: str, i: int) -> int:
    """Where the spaces right before text[i] start: a caption or table's column gap (董事长  某某)."""
    k = i
    while k > 0 and t[k - 1] == " " and i - k < 4:
        k -= 1
    return k


def _past_spaces(t: str, i: int) -> int:
    """The first position from i that is no space (a column gap may hold two: 记者  某某  通讯员)."""
    while t[i:i + 1] == " ":
        i += 1
    return i


def run_name(doc: Doc, ctx: Context, i: int) -> int | None:
    """Length of a byline name at text[i]: one followed by a space in the text as read, else one
    that ends cleanly (a boundary, another byline word, an organisation or place)."""
    t = ctx.text
    for n in (3, 2):
        name = t[i:i + n]
        if i + n < len(t) and is_han(t[i + n]) and all(map(is_han, name)) and raw_gap(doc, i + n) \
                and name not in ctx.w.nonnames and not name.endswith(DEPARTMENT_ENDS):
            return n
    hit = ctx.best(i, strong=True)
    if hit and hit[0] == 3 and _two_names_run(ctx, i):
        return 2  # 记者庞某宫某香港报道: two two-character names run together
    return hit[0] if hit and hit[1] >= WEAK else None


def _two_names_run(ctx: Context, i: int) -> bool:
    """Whether text[i:i + 4] is two two-character names with no space between (庞某宫某): the third
    character a single surname, the first two no double surname, the four ending cleanly where the
    first three do not."""
    t, w = ctx.text, ctx.w
    return (i + 4 <= len(t) and t[i + 2] in w.surnames and t[i:i + 2] not in w.surnames and is_han(t[i + 3])
            and t[i + 3] not in PAIR_BREAKS and not ctx.wordlike(t[i + 2:i + 4])
            and ctx.right(i + 4) == END and ctx.right(i + 3) != END)


def _raw_between(doc: Doc, j: int) -> str:
    """What the text as read holds between view characters j-1 and j (spaces, line breaks cleaning took out)."""
    _, a = doc.to_raw(j - 1, j)
    b, _ = doc.to_raw(j, j + 1)
    return doc.raw[a:b]


def _raw_line_break(doc: Doc, j: int) -> bool:
    """Whether the text as read breaks the line between view characters j-1 and j: a byline's run of
    names ends there (美编 某某 / 鲁港合作正当其时: a headline, joined by cleaning)."""
    return "\n" in _raw_between(doc, j)


def raw_gap(doc: Doc, j: int) -> bool:
    """Whether the text as read has whitespace between view characters j-1 and j."""
    return any(c.isspace() for c in _raw_between(doc, j))


def latin_names(ctx: Context, lex: Lexicon) -> list[tuple[tuple[int, int], str]]:
    """Latin names before an honorific, a caption, a speech verb or a bracket ending in a title (Alan
    Ashworth 教授, Priya Raman表示, Anders Nyberg(某公司亚太区总裁)), after a Chinese or English title or a form of address (总裁Marcus Lindqvist, Managing Director Oliver
    Brandt, Dr. Michael SZE), or before a contact field (Natalie Chow  电话:…); no organisation's name
    (Nordvik Logistics AB) and no title's words."""
    out, t, end = [], ctx.text, 0
    title_heads, titled_before = lex.words("title_english"), english_title(lex)
    for k in LATIN_WORD.finditer(t):
        if k.start() < end or LATIN_TOKEN.match(t, k.start()).group() in title_heads:
            continue  # inside a name taken, or a title's head word (Managing, Director)
        titled = titled_before.search(t, max(0, k.start() - 60), k.start() - 1) if t[k.start() - 1:k.start()] == " " else None
        if titled and not _opens_name(CAPITALISED_RUN.match(t, k.start()).group().split()):
            continue  # a word of the title before the name: Head of Global Fund Banking Bo Hanson
        m = LATIN_NAME.match(t, k.start())
        if not m or LATIN_ORG.match(t, m.start()):
            continue
        j = m.end() + (1 if t[m.end():m.end() + 1] == " " else 0)
        i = m.start() - (1 if m.start() and t[m.start() - 1] == " " else 0)
        before = BRACKETED.search(t, max(0, i - 16), i)
        close = t.find(")", j, j + 40) if t[j:j + 1] == "(" else -1
        if (ctx.tag(j) or t.startswith(LATIN_SPEECH, j) or CONTACT.match(t, m.end())
                or close > 0 and title_before(t, close, ctx.w) is not None  # Anders Nyberg(某公司亚太区总裁)
                or title_before(t, i, ctx.w) is not None
                or before and title_before(t, before.start(), ctx.w) is not None
                or titled or LATIN_ADDRESS.search(t, max(0, m.start() - 6), m.start())):
            out.append((m.span(), "person-latin"))
            end = m.end()
    return out


def _opens_name(run: list[str]) -> bool:
    """Whether a run of capitalised words after an English title is the name itself: the name is its
    last two words (Head of Global Fund Banking Bo Hanson), or starts right before its first word in
    capitals (Director Peter WONG Ka Lok)."""
    caps = next((i for i, w in enumerate(run) if i and w.isupper() and len(w) > 1), None)
    return (caps - 1 if caps is not None else len(run) - 2) <= 0


def line_names(ctx: Context) -> list[tuple[tuple[int, int], str]]:
    """A name alone on its line (a media contact: 香港科技园公司 / 温安怡 / 电话:...)."""
    out = []
    for m in NAME_LINE.finditer(ctx.text):
        s, e = m.span(1) if m.group(1) else m.span(2)
        hit = ctx.best(s, strong=False)
        if hit and s + hit[0] == e and not ctx.wordlike(ctx.text[s:e]):
            out.append(((s, e), "person-line"))
    return out


def appointed_names(ctx: Context) -> dict:
    """A name between a word of appointment and the post (任命王某为某局局长, 免去李某的某某职务):
    it ends cleanly before 为 or 的 and is no ordinary word."""
    out, t = {}, ctx.text
    for m in APPOINTER.finditer(t):
        i = m.end()
        n = next((n for n in ctx.lengths(i) if t[i + n:i + n + 1] in APPOINTEE_END and ctx.plain(t[i:i + n])
                  and not ctx.wordlike(t[i:i + n]) and post_end(t, i + n + 1, ctx.w) is not None), 0)
        if n:
            out[(i, i + n)] = "person-appointed"
    return out


def table_names(ctx: Context) -> dict:
    """Names in the name cell of a table row (kg/extract/tables.py): a surname-shaped cell whose row
    has a title cell starting with a title (王志强  执行董事、董事会主席) or a label before it
    (主持人    王刚(…)); or a name line of a table pasted one cell a line whose next line is a title
    (…有限公司 / 第五某某 / 技术总监)."""
    t, out = ctx.text, {}
    for row in tables.rows(t):
        cell = t[row.start:row.end]
        if not (ctx.name_cell(cell) or tables.LATIN_CELL.fullmatch(cell) and not LATIN_ORG.match(cell)):
            continue
        items = tables.cell_titles(t, row)
        if row.cell_end > row.cell_start and not (items and title_before(t, items[0][1], ctx.w) is not None):
            continue
        out[(row.start, row.end)] = "table"
    for row in tables.stacked(t):
        if ctx.name_cell(t[row.start:row.end]) and ctx.plain(t[row.start:row.end]) \
                and title_cell(t, row.cell_start, row.cell_end, ctx.w) is not None:
            out[(row.start, row.end)] = "table"
    return out


def titled_wordlike(ctx: Context) -> dict:
    """Names whose surname is mostly an ordinary word (时, 向, 来), right after a title (副市长时某某,
    县委书记向某某主持): no place, organisation or verb starts inside, the name is no word, and a
    boundary or a verb ends it."""
    out, t = {}, ctx.text
    for j, start in ctx.title_starts.items():
        if start is None or t[j:j + 1] not in ctx.w.wordlike_surnames:
            continue
        for n in (3, 2):
            name = t[j:j + n]
            if len(name) < n or not ctx.plain(name) or ctx.wordlike(name) or ctx.right(j + n) < VERB \
                    and not ctx.and_others(j + n) and not (t[j + n:j + n + 1] == "在" and j + n + 1 in ctx.starts):
                continue  # (主任咸某某在济南会见: 在 and a place end it too)
            if any(k in ctx.starts or ctx.w.verb_at.match(t, k) for k in range(j + 1, j + n)):
                continue  # 局长来济南, 会长时表示
            out[(j, j + n)] = "person-title"
            break
    return out


def listed_names(ctx: Context, spans: dict) -> dict:
    """Names in a list with 、 or 和 after a name already taken (王某、李某、张某, 王某和李某): each ends
    cleanly (or before 等) and is no ordinary word; and the names before it (省领导陆某某、刘某参加), see
    `leading`."""
    out, t = {}, ctx.text
    for _, e in sorted(spans):
        while t[e:e + 1] in LIST_JOINS and e + 1 < len(t) and (hit := ctx.best(e + 1, strong=False)) \
                and (hit[1] == END or t[e + 1 + hit[0]:e + 2 + hit[0]] == "等") \
                and not ctx.wordlike(t[e + 1:e + 1 + hit[0]], compound_ok=True):
            span = (e + 1, e + 1 + hit[0])
            if any(overlap(span, x) for x in spans):
                break
            out[span] = "person-list"
            e = span[1]
        if t[e:e + 1] in LIST_JOINS and (m := LATIN_NAME.match(t, e + 1) or CAPS_FIRST.match(t, e + 1)) \
                and ctx.right(m.end()) == END \
                and not LATIN_ORG.match(t, e + 1) and not any(overlap(m.span(), x) for x in spans):
            out[m.span()] = "person-list"  # 副会长:某甲、某乙、Jennifer Lam: a Latin name ending the list
    for s, _ in sorted(spans, reverse=True):
        while t[s - 1:s] == "、" and (span := leading(ctx, s - 1)) and not any(overlap(span, x) for x in spans):
            out[span] = "person-list"
            s = span[0]
    return out


def spaced_names(doc: Doc, ctx: Context, spans: dict) -> dict:
    """Names in a run parted by gaps, next to a name taken (副会长:刘某某  张某某  李某某, 常务副会长
    黄某 苏某某: a single space, which cleaning takes out of the text, parts them in the text as
    read), or making up a line alone (a line of names under a heading): each stands between gaps,
    a line's edge or a boundary, and is no ordinary word; a run ends at a line break of the text as
    read."""
    out, t = {}, ctx.text
    for line in NAMES_LINE.finditer(t):  # a line of names alone (名誉顾问 / 陈某安  林某华  司徒某强)
        a, b = doc.to_raw(*line.span())
        if " " not in line.group() and not any(c.isspace() for c in doc.raw[a:b]):
            continue  # one cell: a headline, not a line of names
        cells = _cells(doc, *line.span())
        found = [(a, a + n) for a, b in cells if (n := _gap_name(doc, ctx, a)) == b - a]
        if len(cells) >= 2 and len(found) == len(cells) and not any(overlap(x, y) for x in found for y in spans):
            out.update({x: "person-spaced" for x in found})
    for s, e in sorted(k for k in spans if all(map(is_han, t[k[0]:k[1]]))):  # (a Latin name's is a gloss: 郭某敏 Winnie Kwok)
        while (i := _past_spaces(t, e)) < len(t) and ctx.lengths(i) and (i > e or raw_gap(doc, i)) \
                and not _raw_line_break(doc, i) \
                and (n := _gap_name(doc, ctx, i)) and not any(overlap((i, i + n), x) for x in [*spans, *out]):
            out[(i, i + n)] = "person-spaced"
            e = i + n
        while s > 1:
            k = _before_spaces(t, s)
            if not is_han(t[k - 1]) or not (k < s or raw_gap(doc, s)) or _raw_line_break(doc, s):
                break
            span = _gap_name_before(doc, ctx, k)
            if span is None or any(overlap(span, x) for x in [*spans, *out]):
                break
            out[span] = "person-spaced"
            s = span[0]
    return out


def _cells(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the view's line text[start:end], parted by its spaces or by whitespace of the
    text as read that cleaning took out (郑某华 何某明: one space between Han characters)."""
    t, cells, a = doc.text, [], start
    for k in range(start, end + 1):
        if k == end or t[k] == " " or (k > a and raw_gap(doc, k)):
            if k > a:
                cells.append((a, k))
            a = k + (k < end and t[k] == " ")
    return cells


def _gap_name(doc: Doc, ctx: Context, i: int) -> int:
    """Length of a name at text[i] that a gap, a boundary or whitespace of the text as read ends, or 0."""
    t = ctx.text
    for n in ctx.lengths(i):
        name, j = t[i:i + n], i + n
        if len(name) == n and (j == len(t) or t[j] in BOUNDARY or raw_gap(doc, j)) \
                and ctx.plain(name) and not ctx.wordlike(name, compound_ok=True):
            return n
    return 0


def _gap_name_before(doc: Doc, ctx: Context, end: int) -> tuple[int, int] | None:
    """A name ending at text[end] (a gap) that a boundary or whitespace of the text as read opens."""
    t = ctx.text
    for n in (4, 3, 2):
        i = end - n
        if i >= 0 and n in ctx.lengths(i) and (i == 0 or t[i - 1] in BOUNDARY or raw_gap(doc, i)) \
                and ctx.plain(t[i:end]) and not ctx.wordlike(t[i:end], compound_ok=True):
            return (i, end)
    return None


def leading(ctx: Context, end: int) -> tuple[int, int] | None:
    """A name ending at text[end] (a 、 before a name taken): a surname and a given name that is no
    ordinary word, starting at a clause edge or right after a word (领导, 还有), not inside one."""
    t = ctx.text
    # a compound surname first (司徒景谦: 徒景谦 and 景谦 would be read after 司徒 as after a word)
    for n in ((4, 3, 2) if t[end - 4:end - 2] in ctx.w.surnames else (3, 2, 4)):
        i = end - n
        if i < 0 or n not in ctx.lengths(i) or not ctx.plain(t[i:end]) or ctx.wordlike(t[i:end]):
            continue
        if ctx.edge(i) or ctx.word_at(i - 2) and not ctx.word_at(i - 1):
            return (i, end)
    return None


def glossed_names(ctx: Context, spans: dict) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """A person's name in the other script in brackets right after a name taken (Vincent Lo
    Ka-wai(卢某伟), 何某轩(Vincent Ho)): the same person. Pairs (bracketed span, name span)."""
    t, out = ctx.text, []
    for s, e in sorted(spans):
        m = GLOSS.match(t, e)
        if not m or CAPTION.match(t, m.start() + (t[e] == " ")):
            continue  # no bracket, or a caption's position: John Lee(左三)
        a, b = m.span(1)
        inner = t[a:b]
        han = is_han(t[s])
        if han and LATIN_NAME.fullmatch(inner) or not han and tables.NAME_CELL.fullmatch(inner) and ctx.name_cell(inner) \
                and ctx.plain(inner):
            out.append(((a, b), (s, e)))
    return out


def repeated_names(ctx: Context, spans: dict, others: Iterable[Mention]) -> dict:
    """Every other occurrence of a name taken somewhere in the article; a two-character name only
    where its right side ends it (孙东 in 孙东亦有出席, not in 孙东升)."""
    t, out = ctx.text, {}
    taken = list(spans)
    blocked = [(m.nstart, m.nend) for m in of_kind(others, Kind.ORGANIZATION)]
    for name in sorted({t[s:e] for s, e in spans}, key=len, reverse=True):
        for span in occurrences(t, name):
            s, e = span  # overlap(span, x), inline: every occurrence is tested against every name taken
            if any(s < b and a < e for a, b in taken) or any(a <= s and e <= b for a, b in blocked):
                continue
            if is_han(name[0]) and len(name) == 2 and ctx.right(span[1]) == NONE:
                continue
            if not is_han(name[0]) and (span[0] and t[span[0] - 1].isalpha() or span[1] < len(t) and t[span[1]].isalpha()):
                continue
            out[span] = "person-repeat"
            taken.append(span)
    return out


def occurrences(text: str, word: str) -> Iterable[tuple[int, int]]:
    """The spans of `word` in `text`, left to right, without overlaps (a literal re.finditer, with
    no pattern compiled for each name)."""
    i = text.find(word)
    while i >= 0 and word:
        yield i, i + len(word)
        i = text.find(word, i + len(word))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
