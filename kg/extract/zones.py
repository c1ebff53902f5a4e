"""Peripheral zones of an article: bylines, editor lines, media contacts, appended unrelated
sections and page furniture. An entity mentioned only inside these zones is `peripheral`."""
from __future__ import annotations


def peripheral_zones(text: str) -> tuple[tuple[int, int], ...]:
    return ()
