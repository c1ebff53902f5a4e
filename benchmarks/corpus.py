"""Reproducible benchmark corpora: articles made of the seeds' paragraphs, shuffled, and generated
paragraphs naming people, organisations, places, dates, events and agreements drawn from kg's own
lexicons, in simplified or traditional script. The same (size, script, seed) always gives the same
files, byte for byte.

    python benchmarks/corpus.py 1000 /tmp/kg-bench/corpus-1000-simplified [--script traditional]
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

from kg.lexicon import Lexicon, default
from kg.script import to_traditional

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SCRIPTS = ("simplified", "traditional")
PER_FOLDER = 1000  # files per sub-folder, so no folder holds 100k entries
MIN_PARAGRAPH = 20  # seed lines shorter than this (headings, furniture) are not reused

GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华志国文建新立德海峰颖琳宏斌"
FIELDS = ("科技创新", "金融服务", "新能源", "生物医药", "人工智能", "海洋经济", "文化旅游", "职业教育", "绿色低碳")
ORGS = ("科技园", "发展委员会", "投资促进局", "商会", "研究院", "大学", "集团", "贸易发展局", "产业园")
TEMPLATES = (
    "{date},{place}{org}{title}{name}率领代表团访问{place2},与{place2}{org2}举行座谈。",
    "{name}表示,{place}与香港在{field}领域优势互补,合作空间广阔,希望双方进一步深化交流。",
    "会上,{place}{org}与{place2}{org2}签署《{field}合作框架协议》,{title}{name}出席签约仪式。",
    "{date},第{n}届鲁港{field}合作论坛在{place}开幕,来自两地的{n2}余名代表参加。",
    "{place2}{org2}{title}{name}指出,此次{field}交流活动为两地企业搭建了合作平台。",
    "据介绍,{place}{org}成立于{year}年,目前已吸引{n2}家企业入驻,重点发展{field}产业。",
)


def _names(lex: Lexicon) -> tuple[list[str], list[str], list[str]]:
    surnames = sorted(s for s in lex.words("surnames") if len(s) == 1)
    titles = sorted(lex.words("titles"))
    places = sorted({row["name"] for row in lex.table("places") if len(row.get("name", "")) >= 2})
    return surnames, titles, places


def _generated(rng: random.Random, names: tuple[list[str], list[str], list[str]]) -> str:
    surnames, titles, places = names
    year = rng.randint(2015, 2025)
    return rng.choice(TEMPLATES).format(
        date=f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", year=year,
        name=rng.choice(surnames) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
        title=rng.choice(titles), place=rng.choice(places), place2=rng.choice(places),
        org=rng.choice(ORGS), org2=rng.choice(ORGS), field=rng.choice(FIELDS),
        n=rng.randint(2, 30), n2=rng.randint(20, 900))


def articles(size: int, script: str = "simplified", seed: int = 7) -> Iterator[tuple[str, str]]:
    """(id, text) of `size` articles, each 8 to 30 paragraphs, about two thirds from the seeds."""
    paragraphs = [line.strip() for f in sorted(SEEDS.glob("*.txt"))
                  for line in f.read_text(encoding="utf-8-sig").splitlines() if len(line.strip()) >= MIN_PARAGRAPH]
    names = _names(default())
    for i in range(size):
        rng = random.Random(f"{seed}:{script}:{i}")
        body = [rng.choice(paragraphs) if rng.random() < 0.66 else _generated(rng, names)
                for _ in range(rng.randint(8, 30))]
        text = _generated(rng, names)[:30] + "\n\n" + "\n".join(body) + "\n"
        yield f"a{i:06d}", to_traditional(text) if script == "traditional" else text


def write(folder: Path, size: int, script: str = "simplified", seed: int = 7) -> Path:
    """Write the corpus as .txt files under folder (once: a complete folder is reused)."""
    done = folder / ".complete"
    if done.exists():
        return folder
    for aid, text in articles(size, script, seed):
        path = folder / f"{int(aid[1:]) // PER_FOLDER:03d}" / f"{aid}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    done.write_text(f"{size} {script} {seed}\n", encoding="utf-8")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", type=int)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--script", choices=SCRIPTS, default="simplified")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    print(write(a.folder, a.size, a.script, a.seed))


if __name__ == "__main__":
    main()
