"""Shared fixtures: the seed articles and their gold annotations."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from kg.articles import read
from kg.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


def seed_ids() -> list[str]:
    return sorted(p.stem for p in SEEDS.glob("*.txt"))


@cache
def _seed_articles() -> dict[str, Article]:
    """The seeds as kg reads them (texts as read, manifest dates, titles and sources)."""
    return {a.id: a for a in read([SEEDS]).articles}


def seed_article(article_id: str) -> Article:
    return _seed_articles()[article_id]


def gold(article_id: str) -> dict:
    return json.loads((GOLD / f"{article_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=seed_ids())
def seed(request) -> Article:
    return seed_article(request.param)
