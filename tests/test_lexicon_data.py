"""Every file in kg/data/ is well formed: UTF-8, a `#` header saying what it is and where it comes
from; a `.txt` list sorted (Python's default ordering), without duplicates or blank entries; a
`.tsv` table with a header row, the same number of cells on every row and no repeated first cell."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.lexicon import DATA

FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".tsv"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_lexicon_data_file_is_well_formed(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # raises on a file that is not UTF-8
    lines = text.splitlines()
    assert lines and lines[0].startswith("#"), f"{path.name}: the first line must be a # comment"
    body = [(n, line) for n, line in enumerate(lines, 1) if not line.startswith("#")]
    if path.suffix == ".txt":
        entries = [line for _, line in body]
        blank = [n for n, line in body if not line.strip() or line != line.strip()]
        assert not blank, f"{path.name}: blank entries or stray spaces on lines {blank}"
        assert entries == sorted(entries), f"{path.name}: not sorted; first out of order: " + next(
            f"{a!r} before {b!r}" for a, b in zip(entries, entries[1:]) if a > b)
        dupes = sorted({e for e in entries if entries.count(e) > 1})
        assert not dupes, f"{path.name}: duplicate entries {dupes}"
    else:
        rows = [(n, line.split("\t")) for n, line in body if line.strip()]
        assert rows, f"{path.name}: no header row"
        width = len(rows[0][1])
        ragged = [n for n, cells in rows if len(cells) != width]
        assert not ragged, f"{path.name}: lines {ragged} do not have the header's {width} cells"
        firsts = [cells[0] for _, cells in rows[1:]]
        dupes = sorted({f for f in firsts if firsts.count(f) > 1})
        assert not dupes, f"{path.name}: first column repeats {dupes}"
