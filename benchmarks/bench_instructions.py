"""`kg build` against plain `jieba.lcut` on the same text, counted in instructions (valgrind's
cachegrind), which a busy or shared machine cannot disturb the way it disturbs a clock.

    python benchmarks/bench_instructions.py                    # 200 articles, simplified and traditional
    python benchmarks/bench_instructions.py --articles 1000 --script simplified

For each script it makes a reproducible corpus (benchmarks/corpus.py; kept under --work and reused)
and counts, each in a fresh Python under cachegrind with PYTHONHASHSEED=0:
  start  starting Python, importing kg and jieba, loading kg's lexicon and tokenizer and jieba's
         default dictionary (what both runs below also do first);
  build  start, then `kg.pipeline.build` of the corpus with one job into an empty folder (reading,
         extraction, resolution, the graph, every output file and the cache, as `kg build` does);
  jieba  start, then each file read and cut by `jieba.lcut` (jieba's default tokenizer, HMM on).
The start-up cost is taken off both, so the ratio compares the work on the text alone:
ratio = jieba instructions / build instructions, the build's throughput as a share of jieba's
(issue 7's target is at least 0.5 on both scripts). Each run takes a few minutes under cachegrind.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/ is not a package)

TARGET_RATIO = 0.5  # issue 7: the whole build at least half as fast as jieba.lcut on the same text
I_REFS = re.compile(r"I\s+refs:\s+([0-9,]+)")  # cachegrind's summary line: instructions executed


def run(what: str, folder: Path, out: Path) -> None:
    """One measured run, in this process (what cachegrind counts)."""
    import logging

    import jieba

    from kg.lexicon import default
    from kg.pipeline import build

    jieba.setLogLevel(logging.WARNING)
    default().tokenizer  # kg's lexicon and its own tokenizer, loaded as at the start of any build
    jieba.initialize()
    jieba.lcut("我们在香港")  # jieba's first cut sets up what later cuts reuse
    if what == "build":
        shutil.rmtree(out, ignore_errors=True)
        build([folder], out, jobs=1)
    elif what == "jieba":
        for f in sorted(folder.rglob("*.txt")):
            jieba.lcut(f.read_text(encoding="utf-8"))


def count(what: str, folder: Path, out: Path) -> int:
    """Instructions of one run under cachegrind."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, __file__, "--run", what, str(folder), "--out", str(out)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    got = subprocess.run(cmd, capture_output=True, text=True, env=env)
    refs = I_REFS.search(got.stderr)
    if got.returncode or not refs:
        sys.exit(f"cachegrind run {what} of {folder} failed:\n{got.stderr[-3000:]}")
    return int(refs.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--script", choices=(*corpus.SCRIPTS, "both"), default="both")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"), help="corpora and outputs go here")
    ap.add_argument("--run", nargs=2, metavar=("WHAT", "FOLDER"), help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run:
        run(a.run[0], Path(a.run[1]), a.out)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    scripts = corpus.SCRIPTS if a.script == "both" else (a.script,)
    folders = {s: corpus.write(a.work / f"corpus-{a.articles}-{s}", a.articles, s) for s in scripts}
    out = a.work / f"out-instructions-{a.articles}"
    start = count("start", folders[scripts[0]], out)  # the same whatever the corpus
    print("| articles | script | start-up | build | jieba.lcut | ratio |")
    print("| --- | --- | --- | --- | --- | --- |")
    for script, folder in folders.items():
        build, jieba = count("build", folder, out) - start, count("jieba", folder, out) - start
        print(f"| {a.articles:,} | {script} | {start / 1e9:.2f} G | {build / 1e9:.2f} G | {jieba / 1e9:.2f} G "
              f"| {jieba / build:.3f} |", flush=True)
    print(f"(instructions less the start-up; ratio = jieba.lcut / build, the target is at least {TARGET_RATIO})")


if __name__ == "__main__":
    main()
