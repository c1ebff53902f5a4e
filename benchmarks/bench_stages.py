"""Where a build's instructions go, stage by stage: valgrind's callgrind counting only inside one
stage's functions at a time (the instructions of a stage, whatever it calls, and nothing else).

    python benchmarks/bench_stages.py                       # 20 simplified articles, every stage
    python benchmarks/bench_stages.py --articles 50 --stages organisations persons --parallel 2

For each stage it runs, in a fresh Python under callgrind with PYTHONHASHSEED=0 and collection off:
a build of one article (so that what a build makes once, such as compiled patterns and tables, is
made before counting), then a build of the corpus (benchmarks/corpus.py) with collection switched on
when a stage's function is entered and off when it returns. The switch is callgrind's client request
CALLGRIND_TOGGLE_COLLECT, in a small shared library compiled here with `cc` (it needs valgrind's
headers, valgrind.h and callgrind.h). It prints each stage's count and its share of the whole build
(the `build` row: kg.pipeline.build itself). A run takes a minute or two per stage for 20 articles.
"""
from __future__ import annotations

import argparse
import functools
import importlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/ is not a package)

# stage -> the functions counted for it, as module:qualified name (a function called inside another
# of the same stage is counted once)
STAGES = {
    "build": ("kg.pipeline:build",),
    "cleaning and conversion": ("kg.doc:Doc.of",),
    "places": ("kg.extract.places:find",),
    "organisations": ("kg.extract.organizations:find",),
    "persons": ("kg.extract.persons:find",),
    "roles": ("kg.extract.roles:find",),
    "dates, events and agreements": ("kg.extract:_dates", "kg.extract.events:find", "kg.extract.agreements:find"),
    "settling overlaps": ("kg.extract:settle",),
    "regions": ("kg.extract.regions:refine",),
    "within-article resolution": ("kg.resolve:within",),
    "extraction cache": ("kg.cache:Cache.put_entry",),
    "extractions.jsonl and digests": ("kg.export:ExtractionLines.add", "kg.model:Digest.of",
                                      "kg.export:ExtractionLines.finish"),
    "across-article resolution": ("kg.resolve:across",),
    "graph": ("kg.graph:build",),
    "writers of the graph files": ("kg.export:write_graphs",),
}
TOGGLE_C = "#include <valgrind/callgrind.h>\nvoid kg_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }\n"
COLLECTED = re.compile(r"Collected\s*:\s*([0-9]+)")  # callgrind's summary line


def toggle_library(work: Path) -> Path:
    """The shared library whose kg_toggle() switches callgrind's collection, compiled once."""
    lib = work / "kg_toggle.so"
    if not lib.exists():
        work.mkdir(parents=True, exist_ok=True)
        (work / "kg_toggle.c").write_text(TOGGLE_C)
        got = subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(lib), str(work / "kg_toggle.c")],
                             capture_output=True, text=True)
        if got.returncode:
            sys.exit(f"cannot compile the callgrind switch (is valgrind's callgrind.h installed?):\n{got.stderr}")
    return lib


def counted(lib: Path, names: tuple[str, ...]) -> None:
    """Wrap each named function so that callgrind collects from its outermost call to its return."""
    import ctypes

    switch = ctypes.CDLL(str(lib)).kg_toggle
    depth = [0]

    def wrap(f):
        @functools.wraps(f)
        def inner(*args, **kwargs):
            depth[0] += 1
            if depth[0] == 1:
                switch()
            try:
                return f(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    switch()
        return inner

    import kg.extract
    import kg.pipeline
    for name in names:
        module, _, qualified = name.partition(":")
        *owners, attr = qualified.split(".")
        owner = importlib.import_module(module)
        for o in owners:
            owner = getattr(owner, o)
        raw = vars(owner)[attr]
        if isinstance(raw, classmethod):
            setattr(owner, attr, classmethod(wrap(raw.__func__)))
            continue
        wrapped = wrap(raw)
        setattr(owner, attr, wrapped)
        # the stage lists and the pipeline hold some functions themselves
        kg.extract.STAGES = tuple(wrapped if s is raw else s for s in kg.extract.STAGES)
        kg.extract.REFINERS = tuple(wrapped if s is raw else s for s in kg.extract.REFINERS)
        for m in (kg.extract, kg.pipeline):
            for k, v in list(vars(m).items()):
                if v is raw:
                    setattr(m, k, wrapped)


def run(stage: str, folder: Path, out: Path, lib: Path) -> None:
    """One measured run, in this process (what callgrind counts)."""
    import logging

    import jieba

    from kg.lexicon import default
    from kg.pipeline import build

    jieba.setLogLevel(logging.WARNING)
    default().tokenizer
    first = min(folder.rglob("*.txt"))
    shutil.rmtree(out, ignore_errors=True)
    build([first], out / "warm-up", jobs=1)  # made once per process: not counted
    counted(lib, STAGES[stage])
    from kg import pipeline
    pipeline.build([folder], out / "build", jobs=1)


def count(stage: str, folder: Path, out: Path, lib: Path) -> int:
    """Instructions callgrind collects inside one stage."""
    cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--callgrind-out-file=/dev/null",
           sys.executable, __file__, "--run", stage, str(folder), "--out", str(out), "--lib", str(lib)]
    got = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = COLLECTED.search(got.stderr)
    if got.returncode or not found:
        sys.exit(f"callgrind run of {stage} failed:\n{got.stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--script", choices=corpus.SCRIPTS, default="simplified")
    ap.add_argument("--stages", nargs="+", choices=[s.split()[0] for s in STAGES] + list(STAGES),
                    help="the stages to count (by their first word), all by default")
    ap.add_argument("--parallel", type=int, default=1, help="stages counted at once")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"), help="corpora and outputs go here")
    ap.add_argument("--run", nargs=2, metavar=("STAGE", "FOLDER"), help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--lib", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run:
        run(a.run[0], Path(a.run[1]), a.out, a.lib)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    lib = toggle_library(a.work)
    folder = corpus.write(a.work / f"corpus-{a.articles}-{a.script}", a.articles, a.script)
    wanted = [s for s in STAGES if not a.stages or s in a.stages or s.split()[0] in a.stages]
    if "build" not in wanted:
        wanted.insert(0, "build")
    with ThreadPoolExecutor(max_workers=max(1, a.parallel)) as pool:
        got = dict(zip(wanted, pool.map(lambda s: count(s, folder, a.work / f"out-stages-{s.split()[0]}", lib),
                                        wanted)))
    whole = got["build"]
    print(f"| stage ({a.articles:,} {a.script} articles) | instructions | share |")
    print("| --- | --- | --- |")
    for stage, n in got.items():
        print(f"| {stage} | {n / 1e6:,.0f} M | {n / whole:.1%} |")


if __name__ == "__main__":
    main()
