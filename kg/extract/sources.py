"""Organisations a page's furniture names as its publisher: the source line (来源:大众网,
来源:齐鲁晚报·齐鲁壹点, 来源:外资处), a site's breadcrumb (水母网首页 > 烟台新闻) and a WeChat post's
header (原创 博兴县融媒体中心 博兴发布 2025年06月10日; 沂水发布 2023-05-22 18:30 发表于山东), whose
account name is its publisher. Used by kg.extract.organizations; these lines are furniture, so
kg.extract.zones marks what is found in them peripheral.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.orgnames import words_pattern
from kg.lexicon import Lexicon

# a source line's value: one name, or two joined by · or / (齐鲁晚报·齐鲁壹点), up to a gap or a bracket
SOURCE = re.compile(r"""
    (?:来源|稿源|信息来源)[:]\ ?                          # the field
    (?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,16}
      (?:[·/][\u4e00-\u9fffA-Za-z0-9]{2,16})?)          # one name, or two joined
    (?=\ |$|\n|[-)|,。])                                # then a gap, a channel (人民网-山东频道) or the end
""", re.VERBOSE | re.MULTILINE)
# a site's breadcrumb: the site's name, then its home page and a path
BREADCRUMB = re.compile(r"""
    ^(?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,10})\ *首页\ ?>   # 水母网首页 >, 第一财经 首页 >
""", re.VERBOSE | re.MULTILINE)
# a WeChat post's header line: maybe 原创, the author and the account (written together once the
# page's spaces are gone: 博兴县融媒体中心博兴发布), the date (and a time, where it was posted from)
WECHAT = re.compile(r"""
    ^(?:原创\ ?)?
    (?P<run>[\u4e00-\u9fff]{3,24})\ +                  # the author and the account, or the account
    (?:20\d{2}-\d{1,2}-\d{1,2}|20\d{2}年\d{1,2}月\d{1,2}日)   # the date
    (?:\ \d{1,2}:\d{2})?(?:\ 发表于[\u4e00-\u9fff]{2,4})?\ ?$  # a time, where it was posted from
""", re.VERBOSE | re.MULTILINE)
MAX_ACCOUNT = 8  # the longest account name (博兴发布, 威海商务, 青岛西海岸发布)
PARTS = re.compile(r"[·/]")


def publishers(text: str, lex: Lexicon) -> Iterator[tuple[int, int]]:
    """The spans of the publishers' names in a text's furniture lines."""
    generic = tuple(lex.words("source_generic"))
    suffixes = words_pattern(lex, "org_suffixes")
    surnames = lex.words("surnames")
    for m in (*SOURCE.finditer(text), *BREADCRUMB.finditer(text)):
        s = m.start("value")
        for part in PARTS.split(m.group("value")):
            e = s + len(part)
            if len(part) >= 2 and not part.startswith(generic) and not _person_shaped(part, surnames):
                yield s, e
            s = e + 1
    for m in WECHAT.finditer(text):
        s, e = m.span("run")
        author = max((a.end() for a in suffixes.finditer(text, s, e) if a.end() < e), default=s)
        if 3 <= e - author <= MAX_ACCOUNT and not text.startswith(generic, author):
            yield author, e  # the account, after its author's name if any


def _person_shaped(name: str, surnames: frozenset[str]) -> bool:
    """Whether a publisher's name may be a person's (来源:张三): 2-3 characters after a surname, or 4
    after a compound one."""
    return (len(name) <= 3 and name[0] in surnames) or (len(name) == 4 and name[:2] in surnames)
