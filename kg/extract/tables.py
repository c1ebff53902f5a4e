"""Table rows and field lists: persons laid out in columns, as annual reports, brochures and agendas
write them. The cleaned text keeps a gap of two or more spaces (or a tab) between two columns.

A row is `name  title[、title…]` (王志强  执行董事、董事会主席), maybe after a row number
(1.闫宁  菏泽市发展和改革委员会  副主任; a bare 1 before a column gap: 1  诸葛某某  临沂市人民政府  副市长,
its organisation's cell then standing before the title's) or a label (团长:蔺建华  菏泽市人民政府副市长),
or `label  name` with an optional bracket after the name (主持人    王刚(青岛市商务局局长)), or has the name in an inner column
with its organisation before it and its title after (4  青岛  青岛某某有限公司  綦某某  董事长  1376****).
A table pasted one cell a line gives a name line between its organisation's line and its title's
(…有限公司 / 吕某某 / 总经理).
This module finds the rows' spans only; persons.py decides whether a name cell is a name, roles.py
links it to its titles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# a Latin name in a name cell: two to four capitalised words one space apart (Vivian Kwok)
LATIN_NAME = r"[A-Z][a-z]+(?:[ ][A-Z][A-Za-z'-]+){1,3}"
# a row whose first cell is a name and whose second cell holds titles
NAME_ROW = re.compile(r"""
    (?m)^[ \t]*                          # the start of a line
    (?: (?:[0-9]{1,3}[.、)]|\([0-9]{1,3}\)|[一二三四五六七八九十]{1,3}、|[0-9]{1,3}(?=[ ]{2,}|\t))[ \t]*
                                         # a row number (1. 2、 (3) 四、, or 1 before a column gap)
      | [\u4e00-\u9fff]{2,5}:[ \t]* )?     # or a label (团长:, 成员:)
    (?P<name>[\u4e00-\u9fff]{2,4}        # a name of two to four characters,
      | """ + LATIN_NAME + r""")         # or a Latin one
    (?:[ ]{2,}|\t)[ \t]*                 # a column gap
    (?P<cell>[^\n]+?)                    # the second cell
    [ \t]*$                              # up to the end of the line
    """, re.VERBOSE)
# a row whose first cell is a label (主持人, 嘉宾) and whose second cell is a name
LABEL_ROW = re.compile(r"""
    (?m)^[ \t]*                          # the start of a line
    [\u4e00-\u9fff]{2,6}                 # the label
    (?:[ ]{2,}|\t)[ \t]*                 # a column gap
    (?P<name>[\u4e00-\u9fff]{2,4})       # a name of two to four characters
    (?=\(|[ \t]*$)                       # then a bracket or the end of the line
    """, re.VERBOSE)
# a line with at least three cells between column gaps
MULTI_CELL_LINE = re.compile(r"""
    (?m)^ [^\n]*? \S (?:[ ]{2,}|\t) [^\n]*? \S (?:[ ]{2,}|\t) [^\n]*$   # two gaps between text
    """, re.VERBOSE)
# a cell of a row: text between column gaps (one space may stand inside it)
CELL = re.compile(r"\S+(?: \S+)*")
# a table pasted one cell a line: a short Han line after a line with text, before a Han-only line
# (…有限公司 / 吕某某 / 总经理); the next line is looked at, not taken, as it may be a name's line itself
STACKED = re.compile(r"""
    (?m)(?<=\S\n)                        # right after a line with text
    [ \t]*(?P<name>[\u4e00-\u9fff]{2,4})[ \t]*\n   # a line of two to four Han characters
    (?=[ \t]*(?P<cell>[\u4e00-\u9fff]+)[ \t]*$)    # then a line of Han characters only
    """, re.VERBOSE)
# a cell that may hold a person's name
NAME_CELL = re.compile(r"[\u4e00-\u9fff]{2,4}")
LATIN_CELL = re.compile(LATIN_NAME)
# what separates two titles inside a cell
CELL_SEPARATORS = re.compile(r"[、兼,]")


@dataclass(frozen=True)
class Row:
    """A name in a table row and the span of the cell holding its titles (empty when none)."""

    start: int
    end: int
    cell_start: int
    cell_end: int
    before_start: int = -1  # the cell before the name in a row of several columns (企业名称  联系人  职务), if any
    before_end: int = -1


def rows(text: str) -> list[Row]:
    """Every row of a table in text that has a name cell, in text order."""
    out = [Row(m.start("name"), m.end("name"), m.start("cell"), m.end("cell")) for m in NAME_ROW.finditer(text)]
    out += [Row(m.start("name"), m.end("name"), m.end("name"), m.end("name")) for m in LABEL_ROW.finditer(text)]
    out += inner_rows(text)
    return sorted(out, key=lambda r: r.start)


def inner_rows(text: str) -> list[Row]:
    """Names in an inner column of a row of three or more cells (序号  所在市  企业名称  联系人  职务):
    a cell of two to four Han characters after another cell; its title cell is the one after it, and
    the cell before it may name the organisation."""
    out: list[Row] = []
    if "  " not in text and "\t" not in text:
        return out  # no column gap anywhere (most articles)
    for line in MULTI_CELL_LINE.finditer(text):
        cells = [m.span() for m in CELL.finditer(text, line.start(), line.end())]
        for before, (s, e), after in zip(cells, cells[1:], cells[2:]):
            if NAME_CELL.fullmatch(text, s, e):
                out.append(Row(s, e, after[0], after[1], before[0], before[1]))
    return out


def stacked(text: str) -> list[Row]:
    """Every name line of a table pasted one cell a line, with the next line as its title cell and
    the line before as the cell before it."""
    out = []
    for m in STACKED.finditer(text):
        bs = text.rfind("\n", 0, m.start() - 1) + 1
        out.append(Row(m.start("name"), m.end("name"), m.start("cell"), m.end("cell"), bs, m.start() - 1))
    return out


def cell_titles(text: str, row: Row) -> list[tuple[int, int]]:
    """The spans of the items of a row's title cell, split at 、 兼 and commas."""
    out, s = [], row.cell_start
    for m in CELL_SEPARATORS.finditer(text, row.cell_start, row.cell_end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, row.cell_end))
    return [(a, b) for a, b in out if b > a]
