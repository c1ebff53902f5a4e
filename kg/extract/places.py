"""Places: gazetteer matches (kg/data/places.tsv), longest first."""
from __future__ import annotations

from functools import cache

from kg.doc import Doc
from kg.extract.match import Gazetteer
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Region


@cache
def gazetteer(lex: Lexicon) -> Gazetteer:
    return Gazetteer((row["name"], row) for row in lex.table("places"))


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    out = []
    for s, e, row in gazetteer(lex).scan(doc.text):
        region = Region(row["region"]) if row.get("region") else None
        out.append(doc.mention(Kind.PLACE, s, e, "gazetteer", region=region))
    return Findings(tuple(out))
