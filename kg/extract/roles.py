"""Roles: `holds_position` links from a person to the organisation or place whose post they hold,
with the title written without the organisation (科技园公司行政总裁黄克强 -> 行政总裁)."""
from __future__ import annotations

from kg.doc import Doc
from kg.lexicon import Lexicon
from kg.model import Findings


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    return Findings()
