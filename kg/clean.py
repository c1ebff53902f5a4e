"""Cleaning that never loses provenance: each step maps a text to a new text plus, for every
character of the new text, the index of the raw character it came from.

The steps are small `str -> str` functions over a `View`, kept in one visible tuple (`STEPS`).
Extractors read the cleaned view; offsets go back to the text as read through `View.to_raw`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain


@dataclass(frozen=True, slots=True)
class View:
    text: str
    raw_index: tuple[int, ...]  # raw_index[i] = index in the raw text of text[i]

    @classmethod
    def of(cls, raw: str) -> "View":
        return cls(raw, tuple(range(len(raw))))

    def keep(self, pieces: list[tuple[str, int]]) -> "View":
        """A new view from (char, raw index) pieces."""
        return View("".join([c for c, _ in pieces]), tuple([i for _, i in pieces]))

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of this view to the raw text."""
        if end <= start:
            i = self.raw_index[start] if start < len(self.raw_index) else (self.raw_index[-1] + 1 if self.raw_index else 0)
            return i, i
        return self.raw_index[start], self.raw_index[end - 1] + 1


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0002ffff"


@cache
def _foldable() -> re.Pattern[str]:
    """A character NFKC may change: every non-ASCII one of the Basic Multilingual Plane that it does
    (computed once, about 3,000), and any beyond it (checked one by one)."""
    ranges: list[list[int]] = []
    for o in range(0x80, 0x10000):
        if not unicodedata.is_normalized("NFKC", chr(o)):  # normalize(c) != c, without making it
            if ranges and ranges[-1][1] == o - 1:
                ranges[-1][1] = o
            else:
                ranges.append([o, o])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
                      + "\U00010000-\U0010ffff]")


def fold_width(v: View) -> View:
    """Full-width forms to half-width and compatibility forms to canonical (NFKC, per character).
    The ideographic full stop and Chinese quotes/brackets that NFKC leaves alone stay as they are."""
    # each distinct character NFKC may change is normalised once; most characters stay as they are
    folded = {c: n for c in set(_foldable().findall(v.text)) if (n := unicodedata.normalize("NFKC", c)) != c}
    if not folded:
        return v
    if all(len(n) == 1 for n in folded.values()):  # one character for one: the offsets stay
        text = v.text
        for c, n in folded.items():  # NFKC's output is stable under NFKC: no replacement feeds another
            text = text.replace(c, n)
        return View(text, v.raw_index)
    out: list[tuple[str, int]] = []
    for c, i in zip(v.text, v.raw_index):
        n = folded.get(c)
        if n is None:
            out.append((c, i))
        else:
            out.extend((ch, i) for ch in n)
    return v.keep(out)


# "Page 2 of 4", "第 2 页 共 4 页", "- 3 -" alone on a line: PDF page furniture
PAGE_FURNITURE = re.compile(
    r"""^[ \t]*(?:
        Page\s+\d+\s+of\s+\d+          # Page 2 of 4
      | 第\s*\d+\s*页(?:\s*[,/]?\s*共\s*\d+\s*页)?   # 第2页 共4页
      | -\s*\d+\s*-                   # - 3 -
    )[ \t]*$""",
    re.VERBOSE | re.MULTILINE | re.IGNORECASE,
)


# runs of Han characters on one line with one ideographic space (U+3000) between each two: a
# table row laid out by a word processor (团　长：蔺建华　菏泽市人民政府副市长, 母　涛　菏泽市…)
IDEOGRAPHIC_RUNS = re.compile(r"""
    (?<![\u3400-\u9fff]) (?<![\u3400-\u9fff]\u3000)   # at the start of a run
    [\u3400-\u9fff]+ (?:\u3000[\u3400-\u9fff]+)+   # Han runs joined by single ideographic spaces
    """, re.VERBOSE)


def widen_column_gaps(v: View) -> View:
    """Mark the single ideographic spaces that separate columns as a column gap (two spaces) and
    leave those that pad a short word (母　涛, 团　长) for join_wrapped to remove.

    Word processors align a column of names by padding a two-character name with one U+3000
    (母　涛) and separate a name from the next column with one too (蔺建华　菏泽市人民政府). A space
    ends a cell after a run of two or more characters (蔺建华|), or after single characters padded
    together to two or more when a longer run follows (母　涛|菏泽市…); spaces between single
    characters (香　港　特　区, PDF letter spacing) all join."""
    if "\u3000" not in v.text:
        return v
    widen: list[int] = []
    for m in IDEOGRAPHIC_RUNS.finditer(v.text):
        runs = m.group().split("\u3000")
        at, cell = m.start(), 0  # Han characters of the current cell so far
        for run, after in zip(runs, runs[1:]):
            at += len(run)
            cell += len(run)
            if cell == len(run) >= 2 or (cell >= 2 and len(after) >= 2):
                widen.append(at)
                cell = 0
            at += 1
    if not widen:
        return v
    out: list[tuple[str, int]] = []
    at = 0
    for k in widen:
        out.extend(zip(v.text[at:k], v.raw_index[at:k]))
        out += [("\u3000", v.raw_index[k])] * 2
        at = k + 1
    out.extend(zip(v.text[at:], v.raw_index[at:]))
    return v.keep(out)


def _drop_matches(v: View, pattern: re.Pattern[str]) -> View:
    """The view without every match of `pattern`."""
    drop = {k for m in pattern.finditer(v.text) for k in range(m.start(), m.end())}
    return _without(v, drop) if drop else v


def drop_page_furniture(v: View) -> View:
    """Remove page furniture lines (Page 2 of 4, 第2页 共4页)."""
    return _drop_matches(v, PAGE_FURNITURE)


# a pinyin gloss in brackets right after Chinese text: 活動(dòng), 黄克强(huáng kè qiáng)
PINYIN_GLOSS = re.compile(
    r"""(?=\()                        # (the bracket first: lets the scan skip ahead)
        (?<=[\u3400-\u9fff])          # right after a Han character
        \(                            # an opening bracket (full-width ones are folded already)
        (?=[^)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])   # with at least one tone-marked vowel inside
        [a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü'\s]{1,40}   # syllables and spaces only
        \)""",
    re.VERBOSE,
)


def drop_pinyin_glosses(v: View) -> View:
    """Remove pinyin glosses that some pages print after characters (活動(dòng) -> 活動)."""
    return _drop_matches(v, PINYIN_GLOSS)


_SPACES = " \t\u00a0\u3000"
# a maximal run of spaces and line breaks
BLANK_RUN = re.compile(r"""
    [ \t\u00a0\u3000\r\n]+    # the _SPACES and the line breaks
    """, re.VERBOSE)
# the legal tail of a company's name, which no sentence or line of its own starts with
LEGAL_TAILS = ("有限公司", "有限责任公司", "股份有限公司")
_SENTENCE_END = set("。！？!?；;：:」』”\"）)》")
# a gap between two cells of a table row, inside a line
TABLE_ROW = re.compile(r"\S(?:[ ]{2,}|\t)\S")
WRAP_MIN_LINE = 16  # a wrapped line is at least this many characters long
# a line opening with a short label (maybe with a bracketed note) and a colon or space (会长:, 联系电话:,
# 副会长(按姓氏笔画排序):, 常务副会长 某某); of two such lines one at least has the colon
FIELD = re.compile(r"[\u4e00-\u9fff]{1,8}(?:\([^()\n]{1,12}\))?[: ]")
DANGLING = ("与", "和", "及", "同", "签署", "签订")  # a conjunction or a verb wanting its object
WRAP_SLACK = 4  # ... and within this many display columns of the widest line of its block
CROSS_WINDOW = 4  # Han characters each side of a line break checked for a word across it


def _crosses_word(left: str, right: str) -> bool:
    """Whether a dictionary word runs across the join of left and right (服务山|东, 有|限公司)."""
    from kg.lexicon import default
    from kg.script import to_simplified  # jieba's dictionary is simplified: 強|調 is 强调

    a, b = to_simplified(left[-CROSS_WINDOW:]), to_simplified(right[:CROSS_WINDOW])
    return bool(a) and default().word_end(a + b, len(a) - 1, 0, len(a) + len(b)) > len(a)


# a character from U+2E80 up (CJK, full-width forms): two display columns
WIDE = re.compile("[\u2e80-\U0010ffff]")


@lru_cache(maxsize=1 << 12)  # a block's lines are measured again for each break in it
def _width(line: str) -> int:
    """Display columns: a Han or full-width character takes two, ASCII one (as a PDF lays them out)."""
    return len(line) + len(WIDE.findall(line))


def _block_width(t: str, line_start: int) -> int:
    """The widest line of the paragraph block (lines up to a blank line) ending at line_start."""
    block_start = t.rfind("\n\n", 0, line_start)
    lines = t[block_start + 1 if block_start >= 0 else 0:line_start].split("\n")
    return max((_width(l.strip()) for l in lines), default=0)


def _is_wrap(t: str, i: int, j: int) -> bool:
    """Whether the newline run t[i:j] between two Han characters was put there by a line wrap:
    the line before does not end a sentence, and either a word runs across the break, or the
    line is a full-width line of a block of several (a wrapped paragraph, not a headline)."""
    line_start = t.rfind("\n", 0, i) + 1
    line = t[line_start:i].strip()
    if not line or line[-1] in _SENTENCE_END:
        return False
    if (line.endswith(DANGLING) or t.startswith(("签署", "签订"), j)) and t.count("\n", i, j) <= 2:
        return True  # 某管委会与 / (blank line) / 某公司签署 / …: a phone's short lines, cut where no sentence ends
        # (or before the verb of a signing: 某局与某会 / 签署《…》)
    if (a := FIELD.match(line)) and (b := FIELD.match(t, j)) and ":" in (a.group()[-1], b.group()[-1]):
        return False  # 永远名誉会长:某甲、某乙 / 会长:某丙: a form's fields, a line each
    if _crosses_word(line, t[j:j + CROSS_WINDOW]):
        return True  # 临沂市发展和改革委|员会: a cell wrapped inside a word
    if TABLE_ROW.search(line) and t.endswith("  ", i, j) and not _continues_last_cell(t, line_start, i, j):
        return False  # a table row, then one holding more cells further right (会长|香港某公司 董事长)
    if len(line) < WRAP_MIN_LINE or line_start == 0 or t[line_start - 1] != "\n":
        return False
    prev_end = line_start - 1  # the block has another line just before this one
    if prev_end == 0 or t[prev_end - 1] == "\n":
        return False
    return _width(line) + WRAP_SLACK >= _block_width(t, prev_end)


def _continues_last_cell(t: str, line_start: int, i: int, j: int) -> bool:
    """Whether the line after the table row t[line_start:i] is indented to where the row's last cell
    starts (…/ 香港华畅物|流控股有限公司 below it): that cell wrapped, not a new row of cells."""
    row = t[line_start:i].rstrip()
    last = max((m.end() - 1 for m in TABLE_ROW.finditer(row)), default=0)
    indent = _width(t[t.rfind("\n", 0, j) + 1:j])
    return abs(_width(row[:last]) - indent) <= 1


def _legal_tail(t: str, i: int, j: int) -> bool:
    """Whether the line break t[i:j] (no blank line) comes before a company's legal tail that
    finishes a name cut by a table cell (鲁港数字科技(济南)|有限公司, 冷链物流股份|有限公司)."""
    return t.startswith(LEGAL_TAILS, j) and t.count("\n", i, j) == 1


def join_wrapped(v: View) -> View:
    """Remove whitespace a PDF or line wrap put inside Chinese text (`黄志 辉`, `有\\n\\n限公司`).

    One space between two Han characters goes; a wider gap or a tab is a gap between fields (a table
    column, a navigation bar) and stays. A run with newlines goes only where
    the text was wrapped (`_is_wrap`), never after a headline, a masthead or a navigation line."""
    t, n = v.text, len(v.text)
    drop: set[int] = set()
    for m in BLANK_RUN.finditer(t):
        i, j = m.span()
        if 0 < i and j < n and _is_han(t[i - 1]) and _is_han(t[j]):
            run = m.group()
            if run == " ":  # one space inside a word: what PDF extraction puts there (黄志 辉)
                drop.update(range(i, j))
            elif ("\n" in run or "\r" in run) and (_is_wrap(t, i, j) or _legal_tail(t, i, j)):
                drop.update(range(i, j))
        elif 0 < i and t[i - 1] == ")" and _legal_tail(t, i, j):
            drop.update(range(i, j))
    if not drop:
        return v
    return _without(v, drop)


def _without(v: View, drop: set[int]) -> View:
    """The view without the characters at the positions in `drop`."""
    t, raw = v.text, v.raw_index
    texts, indexes, at = [], [], 0  # the runs between dropped positions
    for k in sorted(k for k in drop if 0 <= k < len(t)):
        texts.append(t[at:k])
        indexes.append(raw[at:k])
        at = k + 1
    texts.append(t[at:])
    indexes.append(raw[at:])
    return View("".join(texts), tuple(chain.from_iterable(indexes)))


STEPS = (widen_column_gaps, fold_width, drop_page_furniture, drop_pinyin_glosses, join_wrapped)


def clean(raw: str) -> View:
    v = View.of(raw)
    for step in STEPS:
        v = step(v)
    return v
