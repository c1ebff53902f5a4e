"""Regions (HK, SD, MO, CN, INTL) for persons, organisations and places: from gazetteers, name
prefixes, affiliations and what the article says."""
from __future__ import annotations

from kg.doc import Doc
from kg.lexicon import Lexicon
from kg.model import Findings


def refine(doc: Doc, lex: Lexicon, found: Findings) -> Findings:
    return found
