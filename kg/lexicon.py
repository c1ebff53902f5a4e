"""The one reader of kg/data/: word lists (`.txt`, one entry a line) and tables (`.tsv`, a header
row), each with a `#` header saying what it is and where it comes from.

`Lexicon` also owns its own `jieba.Tokenizer` (never jieba's process-wide one), loaded with the
lexicon's names so that segmentation keeps them whole.
"""
from __future__ import annotations

import hashlib
import logging
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from kg.errors import LexiconError

DATA = Path(str(resources.files("kg") / "data"))


def read_list(path: Path) -> tuple[str, ...]:
    """Entries of a `.txt` list: one a line, `#` lines are comments, blank lines skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return tuple(out)


def read_table(path: Path) -> tuple[dict[str, str], ...]:
    """Rows of a `.tsv` table as dicts keyed by its header row; `#` lines are comments."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{path.name}:{n}: {len(cells)} cells but the header has {len(header)}: {line!r}")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return tuple(rows)


class Lexicon:
    """All word lists and tables under a data folder, loaded lazily, each once."""

    def __init__(self, root: Path = DATA) -> None:
        self.root = root
        self._lists: dict[str, frozenset[str]] = {}
        self._tables: dict[str, tuple[dict[str, str], ...]] = {}

    def words(self, name: str) -> frozenset[str]:
        if name not in self._lists:
            path = self.root / f"{name}.txt"
            if not path.exists():
                raise LexiconError(f"no word list {path}; the data folder has {sorted(p.stem for p in self.root.glob('*.txt'))}")
            self._lists[name] = frozenset(read_list(path))
        return self._lists[name]

    def table(self, name: str) -> tuple[dict[str, str], ...]:
        if name not in self._tables:
            path = self.root / f"{name}.tsv"
            if not path.exists():
                raise LexiconError(f"no table {path}")
            self._tables[name] = read_table(path)
        return self._tables[name]

    @cached_property
    def version(self) -> str:
        """A hash of every data file: part of the extraction cache key."""
        h = hashlib.sha256()
        for p in sorted(self.root.iterdir()):
            if p.suffix in (".txt", ".tsv"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
        return h.hexdigest()[:16]

    @cached_property
    def tokenizer(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        return tok


@cache
def default() -> Lexicon:
    return Lexicon()
