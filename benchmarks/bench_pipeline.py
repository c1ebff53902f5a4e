"""End-to-end throughput of `kg build`, as a ratio to plain `jieba.lcut` on the same text.

    python benchmarks/bench_pipeline.py                      # 1k and 10k articles, both scripts, 1 job
    python benchmarks/bench_pipeline.py --sizes 100000 --jobs 0 --script simplified

For each size and script it makes a reproducible corpus (benchmarks/corpus.py; kept under --work
and reused), then, in a fresh process per row so that peak memory is that row's own:
runs the whole pipeline (read, extract, resolve, graph, export; a cold build into an empty output
folder, the cache written as usual), rebuilds after adding ten new articles (the incremental case:
only those ten should be extracted), and times `jieba.lcut` (jieba's default tokenizer, HMM on) on
the corpus's text, or an evenly spaced sample of it (--jieba-chars), in the same process.
Machines differ; the ratio to jieba is the figure to compare across them.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/ is not a package)

TARGET_RATIO = 0.5  # issue 7: end-to-end throughput at least half of jieba.lcut's, on one core


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def one(folder: Path, out: Path, jobs: int, jieba_chars: int) -> dict:
    """One row, in this process: the cold build, the +10 rebuild, and jieba on the same text."""
    from kg.pipeline import build

    files = sorted(folder.rglob("*.txt"))
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    b = build([folder], out, jobs=jobs)
    wall = time.perf_counter() - t
    own, kids = _peak_mb()
    texts_chars = b.characters  # (a build keeps no text to count afterwards)
    row = {"articles": b.articles_read, "chars": texts_chars, "text_mb": texts_chars * 3 / 2**20,
           "seconds": wall, "stages": dict(b.seconds), "extracted": b.extracted,
           "nodes": b.graph.number_of_nodes(), "edges": b.graph.number_of_edges(),
           "peak_mb": own, "worker_peak_mb": kids, "problems": len(b.problems)}
    del b
    extra = folder.parent / f"{folder.name}-plus10"
    shutil.rmtree(extra, ignore_errors=True)
    for aid, text in corpus.articles(10, "simplified", seed=99):
        (extra / f"new-{aid}.txt").parent.mkdir(parents=True, exist_ok=True)
        (extra / f"new-{aid}.txt").write_text(text, encoding="utf-8")
    t = time.perf_counter()
    b = build([folder, extra], out, jobs=jobs)
    row["plus10"] = {"seconds": time.perf_counter() - t, "extracted": b.extracted, "cached": b.cached,
                     "stages": dict(b.seconds)}
    del b
    shutil.rmtree(extra, ignore_errors=True)
    row["jieba"] = _jieba(files, jieba_chars)
    return row


def _jieba(files: list[Path], budget: int) -> dict:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    sizes = [f.stat().st_size // 3 for f in files]  # about 3 bytes a character in UTF-8 Chinese
    step = max(1, round(sum(sizes) / budget)) if budget else 1
    sample = files[::step]
    chars, seconds = 0, 0.0
    for f in sample:
        text = f.read_text(encoding="utf-8")
        t = time.perf_counter()
        jieba.lcut(text)
        seconds += time.perf_counter() - t
        chars += len(text)
    return {"articles": len(sample), "chars": chars, "seconds": seconds, "chars_per_s": chars / seconds}


def _row(size: int, script: str, jobs: int, work: Path, jieba_chars: int) -> dict:
    folder = corpus.write(work / f"corpus-{size}-{script}", size, script)
    cmd = [sys.executable, __file__, "--one", str(folder), "--out", str(work / f"out-{size}-{script}-j{jobs}"),
           "--jobs", str(jobs), "--jieba-chars", str(jieba_chars)]
    got = subprocess.run(cmd, capture_output=True, text=True)
    if got.returncode:
        sys.exit(f"benchmark row {size} {script} jobs={jobs} failed:\n{got.stderr}")
    row = json.loads(got.stdout.strip().splitlines()[-1])
    row.update(size=size, script=script, jobs=jobs)
    return row


def table(rows: list[dict]) -> str:
    head = ("| articles | script | jobs | chars | articles/s | chars/s | jieba chars/s | ratio | read | extract "
            "| resolve | graph | export | peak MB | workers' peak MB | text MB | nodes | edges | +10: extracted, s |")
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for r in rows:
        cps = r["chars"] / r["seconds"]
        st = r["stages"]
        lines.append(
            f"| {r['articles']:,} | {r['script']} | {r['jobs'] or os.cpu_count()} | {r['chars']:,} "
            f"| {r['articles'] / r['seconds']:,.0f} | {cps:,.0f} | {r['jieba']['chars_per_s']:,.0f} "
            f"| {cps / r['jieba']['chars_per_s']:.2f} | "
            + " | ".join(f"{st.get(s, 0):.1f}" for s in ("read", "extract", "resolve", "graph", "export"))
            + f" | {r['peak_mb']:,.0f} | {r['worker_peak_mb']:,.0f} | {r['text_mb']:,.0f} | {r['nodes']:,} "
            f"| {r['edges']:,} | {r['plus10']['extracted']}, {r['plus10']['seconds']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--script", choices=(*corpus.SCRIPTS, "both"), default="both")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1], help="job counts to run (0: every core)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"), help="corpora and outputs go here")
    ap.add_argument("--jieba-chars", type=int, default=5_000_000,
                    help="time jieba on an evenly spaced sample of about this many characters (0: all)")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(a.one, a.out, a.jobs[0], a.jieba_chars)))
        return
    scripts = corpus.SCRIPTS if a.script == "both" else (a.script,)
    rows = []
    for size in a.sizes:
        for script in scripts:
            for jobs in a.jobs:
                rows.append(_row(size, script, jobs, a.work, a.jieba_chars))
                print(f"done: {size} {script} jobs={jobs}", file=sys.stderr, flush=True)
    print(table(rows))
    for r in rows:
        ratio = r["chars"] / r["seconds"] / r["jieba"]["chars_per_s"]
        if r["jobs"] == 1:
            verdict = "meets" if ratio >= TARGET_RATIO else "misses"
            print(f"{r['size']:,} {r['script']}, one job: {ratio:.2f}x jieba.lcut, {verdict} the {TARGET_RATIO}x target")
    by = {(r["size"], r["script"], r["jobs"]): r for r in rows}
    for (size, script, jobs), r in sorted(by.items()):
        bigger = [k for k in by if k[1:] == (script, jobs) and k[0] == size * 10]
        if bigger:
            b = by[bigger[0]]
            print(f"{script}, jobs {jobs}: {size:,} -> {size * 10:,} articles took "
                  f"{b['seconds'] / r['seconds']:.1f}x the time (linear: 10x); resolve "
                  f"{b['stages']['resolve'] / max(r['stages']['resolve'], 1e-9):.1f}x")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
