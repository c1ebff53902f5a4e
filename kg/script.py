"""Script normalisation: the one module that imports opencc.

Extractors work on simplified Chinese (jieba tags it well and fast); names are reported as written.
OpenCC `t2s` keeps a text's length almost always; where it does not, the text is converted one
character at a time so that every character still maps back to the raw text.
"""
from __future__ import annotations

from functools import cache

import opencc

from kg.clean import View


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


def simplify(v: View) -> View:
    """The view converted to simplified Chinese, with its offset map intact."""
    conv = to_simplified(v.text)
    if len(conv) == len(v.text):
        return View(conv, v.raw_index)
    pieces: list[tuple[str, int]] = []
    for c, i in zip(v.text, v.raw_index):
        pieces.extend((ch, i) for ch in to_simplified(c))
    return v.keep(pieces)
