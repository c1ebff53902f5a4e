"""Events: named conferences, forums, summits, ceremonies and weeks."""
from __future__ import annotations

import re

from kg.doc import Doc
from kg.lexicon import Lexicon
from kg.model import Findings, Kind

EVENT = re.compile(
    r"""[\u4e00-\u9fffA-Za-z0-9()]{2,30}?
        (?:大会|论坛|峰会|高峰会|研讨会|交流会|博览会|洽谈会|推介会|周)   # the event word
    """, re.VERBOSE)


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    out = [doc.mention(Kind.EVENT, *m.span(), "event-word") for m in EVENT.finditer(doc.text)]
    return Findings(tuple(out))
