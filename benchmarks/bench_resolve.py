"""Cross-article resolution time (`kg.resolve.across`) against the number of mentions.

    python benchmarks/bench_resolve.py                      # 10k, 100k and 1M mentions
    python benchmarks/bench_resolve.py --sizes 1000 20000

Synthetic, reproducible mentions (seeded): organisations (region + stem + head), places and
persons drawn from a pool of distinct names with a long tail, written now and then in traditional
script, as a bare short form (stem + head) or with one character changed (an OCR variant); ten
mentions an article, one entity a mention. Blocking should keep the time per mention roughly flat
as the corpus grows: the last column is the one to watch (no n×n matrix anywhere).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg import resolve  # noqa: E402
from kg.model import Article, Entity, Extraction, Kind, Mention  # noqa: E402
from kg.script import to_traditional  # noqa: E402

REGIONS = ("山东省", "济南市", "青岛市", "香港", "广东省", "江苏省", "淄博市", "烟台市", "深圳", "上海", "")
HEADS = ("有限公司", "集团", "大学", "研究院", "协会", "局", "厅", "中心", "商会", "实验室")
STEM_CHARS = "华鲁泰安通达恒信宏远鑫盛科技创新环保能源化工材料智能医疗健康电气海运船舶航空数码网络金融投资发展建设机械纺织食品农业水利文化旅游教育交通物流港口电力钢铁有色矿业"
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰志国建文斌辉"
PER_ARTICLE = 10


def names(n_distinct: int, rng: random.Random) -> list[tuple[Kind, str, str]]:
    """(kind, full name, short form) for a pool of distinct things."""
    out = []
    for i in range(n_distinct):
        r = rng.random()
        if r < 0.6:
            region, head = rng.choice(REGIONS), rng.choice(HEADS)
            stem = "".join(rng.choice(STEM_CHARS) for _ in range(rng.randint(2, 5)))
            out.append((Kind.ORGANIZATION, region + stem + head, stem + head))
        elif r < 0.8:
            stem = "".join(rng.choice(STEM_CHARS) for _ in range(rng.randint(2, 3)))
            out.append((Kind.PLACE, stem + "市", stem))
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            out.append((Kind.PERSON, name, name))
    return out


def corpus(n_mentions: int, seed: int = 5) -> list[Extraction]:
    rng = random.Random(seed)
    pool = names(max(n_mentions // 8, 10), rng)
    weights = [1 / (i + 1) ** 0.8 for i in range(len(pool))]  # a long tail, a few frequent names
    picks = rng.choices(range(len(pool)), weights, k=n_mentions)
    xs, ents = [], []
    for n, i in enumerate(picks):
        kind, full, short = pool[i]
        r = rng.random()
        text = (to_traditional(full) if r < 0.1 else short if r < 0.15 else
                full[:-2] + rng.choice(STEM_CHARS) + full[-1] if r < 0.17 and len(full) > 6 else full)
        m = Mention(kind, 0, len(text), text, text, 0, len(text), "bench")
        ents.append(Entity(f"e{len(ents) + 1}", kind, text, (), (m,)))
        if len(ents) == PER_ARTICLE or n == n_mentions - 1:
            xs.append(Extraction(Article(f"a{len(xs)}", ""), tuple(ents)))
            ents = []
    return xs


def run(n_mentions: int) -> dict:
    xs = corpus(n_mentions)
    t = time.perf_counter()
    out = resolve.across(xs)
    seconds = time.perf_counter() - t
    nodes = {e.node for x in out for e in x.entities}
    return {"mentions": n_mentions, "articles": len(xs), "nodes": len(nodes), "seconds": seconds,
            "us_per_mention": seconds / n_mentions * 1e6}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    a = ap.parse_args(argv)
    print(f"{'mentions':>10s} {'articles':>9s} {'nodes':>9s} {'seconds':>9s} {'µs/mention':>11s}")
    for n in a.sizes:
        r = run(n)
        print(f"{r['mentions']:10d} {r['articles']:9d} {r['nodes']:9d} {r['seconds']:9.2f} {r['us_per_mention']:11.1f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
