"""Peripheral zones of an article: bylines, editor lines, media contacts, appended unrelated
sections and page furniture. An entity mentioned only inside these zones is `peripheral`.

- a tail: from a heading such as 传媒查询, 此网志的热门文章, 新闻推荐, Copyright, [××声明]
  (kg/data/zone_tails.txt, at the start of a line) to the end of the text;
- a credit or furniture line: from a word such as 来源:, 编辑:, 跳至主要内容 (kg/data/zone_lines.txt)
  to the end of its line, and a breadcrumb line (山东财经网 >> 山东);
- a byline in brackets: (大众新闻·经济导报记者 初磊 实习生 李子怡), and the outlet of a dispatch
  line (【大公报讯】, 新华社济南9月12日电);
- an editor run: 编辑 王任辉 美编 王涛 校对 孙双, each byline word (kg/data/title_bylines.txt) with
  the name after it, up to the next byline word.
An "about us" section (关于香港科技园公司) is the publisher's own and is not peripheral.
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import Lexicon, default

# a statement heading in brackets at the start of a line: [山东财经网声明], 【免责声明】
STATEMENT = re.compile(r"""
    (?m)^[ \t]*               # at the start of a line
    [\[【]                     # an opening bracket
    [^\]】\n]{0,20}声明        # a short name ending in 声明 (statement)
    [\]】]                     # the closing bracket
    """, re.VERBOSE)
# a breadcrumb line of a web page: 首页 > 新闻 / 山东财经网 >> 山东
BREADCRUMB = re.compile(r"""
    (?m)^[^\n]*               # the whole line
    (?:>>|»|首页\s*>)          # holding a breadcrumb arrow
    [^\n]*$
    """, re.VERBOSE)
# a byline in brackets: (大众新闻·经济导报记者 初磊 实习生 李子怡)
BYLINE_BRACKETS = re.compile(r"""
    \([^()\n]{0,30}           # an opening bracket and the outlet
    (?:记者|通讯员|实习生|摄影|撰文)   # a byline word
    [^()\n]{0,40}\)           # the names up to the closing bracket
    """, re.VERBOSE)
# a dispatch line's outlet: 【大公报讯】, 新华社济南9月12日电, 财联社11月14日电; the outlet only (the
# place and date of a dispatch are the news's own)
DISPATCH = re.compile(r"""
    (?m)^[ \t]*[【\[]?                                          # the start of a line, a bracket
    (?P<outlet>[\u4e00-\u9fff·]{1,10}?(?:报|网|社|台|新闻|客户端))   # the outlet
    [\u4e00-\u9fff]{0,6}?(?:\d{1,2}月\d{1,2}日)?                   # an optional place and date
    (?:讯|电)                                                     # news-flash or dispatch
    """, re.VERBOSE)
NAME_AFTER_BYLINE = 3  # the characters of a name an editor-run zone takes after its byline word
# words a byline word may end without being one (总编辑, 副主编 are posts in running text)
NOT_BYLINE_BEFORE = "总副主"


@cache
def patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(tail heading, credit line, byline word) patterns from the lexicon's lists; a byline word
    straight before a word of running text (记者从…获悉, 记者会, kg/data/byline_clause_starts.txt) is none."""
    alt = lambda name: "|".join(map(re.escape, sorted(lex.words(name), key=len, reverse=True)))  # noqa: E731
    tail = re.compile(rf"(?m)^[ \t\[【·]*(?:{alt('zone_tails')})")
    line = re.compile(rf"(?:{alt('zone_lines')})[^\n]*")
    firsts = "".join(sorted({re.escape(w[0]) for w in lex.words("title_bylines")}))
    lead = f"(?=[{firsts}])" if firsts else ""  # a byline word's first character: lets the scan skip ahead
    byline = re.compile(rf"{lead}(?<![{NOT_BYLINE_BEFORE}])(?:{alt('title_bylines')})(?!{alt('byline_clause_starts')})")
    return tail, line, byline


def peripheral_zones(text: str, lex: Lexicon | None = None) -> tuple[tuple[int, int], ...]:
    tail, line, byline = patterns(lex or default())
    # a breadcrumb holds > or », a statement heading 声明: a text without them is not scanned for one
    crumbs = BREADCRUMB if ">" in text or "»" in text else None
    zones = [(m.start(), m.end()) for p in (line, crumbs, BYLINE_BRACKETS) if p for m in p.finditer(text)]
    zones += [m.span("outlet") for m in DISPATCH.finditer(text)]
    starts = [m.start() for m in tail.finditer(text)]
    starts += [m.start() for m in STATEMENT.finditer(text)] if "声明" in text else []
    if starts:
        zones.append((min(starts), len(text)))
    words = list(byline.finditer(text))
    for m, after in zip(words, words[1:] + [None]):
        gap = 1 if text[m.end():m.end() + 1] in (":", " ") else 0
        end = min(m.end() + gap + NAME_AFTER_BYLINE, after.start() if after else len(text))
        zones.append((m.start(), end))
    return tuple(sorted(zones))
