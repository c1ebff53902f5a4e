"""Table rows and field lists: persons laid out in columns, as annual reports, brochures and agendas
write them. The cleaned text keeps a gap of two or more spaces (or a tab) between two columns.

A row is either `name  title[、title…]` (王志强  执行董事、董事会主席), maybe after a row number
or a label (1.闫宁  菏泽市发展和改革委员会  副主任, 团长:蔺建华  菏泽市人民政府副市长), or `label  name` with an
optional bracket after the name (主持人    王刚(青岛市商务局局长)). This module finds the rows'
spans only; persons.py decides whether a name cell is a name, roles.py links it to its titles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# a row whose first cell is a name and whose second cell holds titles
NAME_ROW = re.compile(r"""
    (?m)^[ \t]*                          # the start of a line
    (?: (?:[0-9]{1,3}[.、)]|\([0-9]{1,3}\)|[一二三四五六七八九十]{1,3}、)[ \t]*   # a row number (1. 2、 (3) 四、)
      | [\u4e00-\u9fff]{2,5}:[ \t]* )?     # or a label (团长:, 成员:)
    (?P<name>[\u4e00-\u9fff]{2,4})       # a name of two to four characters
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
# what separates two titles inside a cell
CELL_SEPARATORS = re.compile(r"[、兼,]")


@dataclass(frozen=True)
class Row:
    """A name in a table row and the span of the cell holding its titles (empty when none)."""

    start: int
    end: int
    cell_start: int
    cell_end: int


def rows(text: str) -> list[Row]:
    """Every row of a table in text that has a name cell, in text order."""
    out = [Row(m.start("name"), m.end("name"), m.start("cell"), m.end("cell")) for m in NAME_ROW.finditer(text)]
    out += [Row(m.start("name"), m.end("name"), m.end("name"), m.end("name")) for m in LABEL_ROW.finditer(text)]
    return sorted(out, key=lambda r: r.start)


def cell_titles(text: str, row: Row) -> list[tuple[int, int]]:
    """The spans of the items of a row's title cell, split at 、 兼 and commas."""
    out, s = [], row.cell_start
    for m in CELL_SEPARATORS.finditer(text, row.cell_start, row.cell_end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, row.cell_end))
    return [(a, b) for a, b in out if b > a]
