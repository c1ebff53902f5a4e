"""Persons: a surname (kg/data/surnames.txt) and one or two given-name characters, where a title
precedes them or a speech verb follows."""
from __future__ import annotations

import re
from functools import cache

from kg.doc import Doc
from kg.lexicon import Lexicon
from kg.model import Findings, Kind


@cache
def name_pattern(lex: Lexicon) -> re.Pattern[str]:
    surnames = sorted(lex.words("surnames"), key=len, reverse=True)
    titles = sorted(lex.words("titles"), key=len, reverse=True)
    return re.compile(
        rf"""(?:(?:{'|'.join(titles)})   # after a title
             (?P<a>(?:{'|'.join(surnames)})[\u4e00-\u9fff]{{1,2}}?)(?=[,，、(（表说指致在]|先生|教授|$)
           | (?P<b>(?:{'|'.join(surnames)})[\u4e00-\u9fff]{{1,2}})(?=表示|指出|致辞|说))   # before a speech verb
        """, re.VERBOSE)


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    out = []
    for m in name_pattern(lex).finditer(doc.text):
        g = "a" if m.group("a") else "b"
        s, e = m.span(g)
        out.append(doc.mention(Kind.PERSON, s, e, f"surname-{'title' if g == 'a' else 'verb'}"))
    return Findings(tuple(out))
