"""`kg build` from the command line: outputs, summary and exit status."""
from __future__ import annotations

import json

import pytest

from kg.cli import main

GOOD = "山东省省长周乃翔会见香港科技园公司行政总裁黄克强。"


def _folder(tmp_path, files: dict[str, bytes]):
    src = tmp_path / "in"
    src.mkdir()
    for name, data in files.items():
        (src / name).write_bytes(data)
    return src


@pytest.mark.parametrize(
    "files, strict, status",
    [
        pytest.param({"a.txt": GOOD.encode()}, False, 0, id="all-read"),
        pytest.param({"a.txt": GOOD.encode(), "b.txt": b""}, False, 0, id="partial"),
        pytest.param({"a.txt": GOOD.encode(), "b.txt": b""}, True, 2, id="partial-strict"),
        pytest.param({"a.txt": GOOD.encode("gb18030")}, True, 0, id="decoded-note-is-no-failure"),
        pytest.param({"b.txt": b"", "c.txt": b"\x00\x01\x02\x03" * 50}, False, 1, id="nothing-read"),
    ],
)
def test_cli_build_exit_status(tmp_path, capsys, files, strict, status):
    src = _folder(tmp_path, files)
    argv = ["build", str(src), "--out", str(tmp_path / "out"), "--no-cache"] + (["--strict"] if strict else [])
    assert main(argv) == status
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    bad = {name for name, d in files.items() if not d or d.startswith(b"\x00")}
    assert bad <= {s["path"].rsplit("/", 1)[-1] for s in report["skipped"]}
    assert bool(report["skipped"]) == bool(bad)


def test_cli_build_names_the_bad_file_and_writes_the_rest(tmp_path, capsys):
    src = _folder(tmp_path, {"a.txt": GOOD.encode(), "broken.txt": "正文".encode("utf-8") * 40 + b"\xc3\x28" + "正文".encode("utf-8") * 40})
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "broken.txt" in err
    for name in ("extractions.jsonl", "graph.graphml", "graph.gexf", "graph.json"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    rows = [json.loads(l) for l in (tmp_path / "out" / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in rows] == ["a"]


def test_cli_build_prints_a_summary(tmp_path, capsys):
    src = _folder(tmp_path, {"a.txt": GOOD.encode()})
    main(["build", str(src), "--out", str(tmp_path / "out"), "--no-cache"])
    out = capsys.readouterr().out
    assert "read 1 articles" in out and "person" in out and "graph.graphml" in out


def test_cli_build_unwritable_output_is_one_clear_line(tmp_path, capsys):
    src = _folder(tmp_path, {"a.txt": GOOD.encode()})
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["build", str(src), "--out", str(blocker / "out"), "--no-cache"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write" in err[0]


def test_cli_build_without_paths_outside_the_project_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "seeds/" in err[0] and "kg build FOLDER_OR_FILE" in err[0]



@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_cli_build_outputs_have_the_mode_of_an_ordinary_new_file(tmp_path, umask, mode):
    """Outputs are written beside the target and renamed into place; they end with the mode a file
    written in place would have (0o666 less the umask), not the temporary file's 0o600."""
    import os

    old = os.umask(umask)
    try:
        out = tmp_path / "out"
        assert main(["build", str(_folder(tmp_path, {"a.txt": GOOD.encode()})), "--out", str(out)]) == 0
    finally:
        os.umask(old)
    written = sorted(p.name for p in out.iterdir() if p.is_file())
    assert "graph.graphml" in written and "extractions.jsonl" in written
    assert {name: (out / name).stat().st_mode & 0o777 for name in written} == {name: mode for name in written}
