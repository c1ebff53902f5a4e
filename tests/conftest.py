"""Shared fixtures: the seed articles and their gold annotations."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kg.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


def seed_ids() -> list[str]:
    return sorted(p.stem for p in SEEDS.glob("*.txt"))


def seed_article(article_id: str) -> Article:
    rows = (line for line in (SEEDS / "manifest.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    meta = {r["id"]: r for r in csv.DictReader(rows, delimiter="\t")}[article_id]
    with open(SEEDS / f"{article_id}.txt", encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    return Article(article_id, text, meta["published"], meta["title"], meta["source"], str(SEEDS / f"{article_id}.txt"))


def gold(article_id: str) -> dict:
    return json.loads((GOLD / f"{article_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=seed_ids())
def seed(request) -> Article:
    return seed_article(request.param)
