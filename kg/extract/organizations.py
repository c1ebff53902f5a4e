"""Organisations: maximal spans ending in an organisation suffix (kg/data/org_suffixes.txt)."""
from __future__ import annotations

import re
from functools import cache

from kg.doc import Doc
from kg.lexicon import Lexicon
from kg.model import Findings, Kind

# characters that may stand inside an organisation name
NAME_CHAR = r"[\u4e00-\u9fffA-Za-z0-9()@]"
# words at which a name cannot continue to the left
LEFT_STOP = re.compile(r".*(?:与|和|及|的|在|由|是|为|了|、|等|向|将|于|对|从|把|被|并|同|跟)")


@cache
def suffix_pattern(lex: Lexicon) -> re.Pattern[str]:
    suffixes = sorted(lex.words("org_suffixes"), key=len, reverse=True)
    return re.compile(rf"{NAME_CHAR}{{2,30}}?(?:{'|'.join(map(re.escape, suffixes))})")


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    out = []
    for m in suffix_pattern(lex).finditer(doc.text):
        s, e = m.span()
        cut = LEFT_STOP.match(doc.text, s, e)
        if cut and cut.end() < e - 1:
            s = cut.end()
        if e - s >= 3:
            out.append(doc.mention(Kind.ORGANIZATION, s, e, "suffix"))
    return Findings(tuple(out))
