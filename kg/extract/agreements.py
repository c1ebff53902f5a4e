"""Agreements: a quoted title followed by an agreement word, or an agreement word after 签署/签订."""
from __future__ import annotations

import re

from kg.doc import Doc
from kg.lexicon import Lexicon
from kg.model import Findings, Kind

AGREEMENT = re.compile(
    r"""(?:《(?P<title>[^《》]{1,40})》)?            # an optional quoted title
        (?P<kind>战略合作协议|合作协议|框架协议|共建协议|合作备忘录|备忘录|协议)   # the agreement word
    """, re.VERBOSE)
SIGN = re.compile(r"签署|签订|签约")


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    out = []
    for m in AGREEMENT.finditer(doc.text):
        before = doc.text[max(0, m.start() - 40):m.start()]
        if m.group("title") or SIGN.search(before):
            out.append(doc.mention(Kind.AGREEMENT, *m.span(), "agreement-word",
                                   title=m.group("title"), agreement_kind=m.group("kind")))
    return Findings(tuple(out))
