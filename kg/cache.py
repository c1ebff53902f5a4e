"""The extraction cache: one file per article content, so a rebuild re-extracts only what changed.

    OUT/.cache/<version>/<key[:2]>/<key>.pkl

`version` hashes everything the within-article extraction depends on: the lexicon data
(`Lexicon.version`), the source of every kg module but those that only read, orchestrate or write
(NOT_RULES: so cleaning, conversion, extraction, within-article resolution, the records, and any
module added later all count) and this cache's format. A rule change gives a new version folder;
folders of other versions are pruned when a cache is opened. `key` hashes the article's content
(text, publication date, title, source), not its id or path, so a renamed file is still a hit.

An entry holds only the article's entities, relations and problems; the `Article` is re-attached
on load, so the cache never stores the text twice. Entries are pickles: the cache is the output
folder's own, written by kg; never point `--out` at a folder someone else can write to.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import OutputError
from kg.model import Article, Entity, Extraction, Relation, by_fields

FORMAT = 2  # bump when the layout or the payload below changes (2: records pickled by their field values)
FOLDER = ".cache"
# modules that run only before or after the within-article extraction, or only orchestrate it:
# every other .py of the kg package (extract/, clean, script, doc, resolve, forms, model, lexicon and
# any module added later) is part of the cache version, so a new rule module cannot be missed
NOT_RULES = frozenset({"__init__.py", "articles.py", "cache.py", "cli.py", "engines.py", "errors.py",
                       "export.py", "graph.py", "pipeline.py", "query.py"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What is stored for one article: its extraction without the article."""

    __reduce__ = by_fields

    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    problems: tuple[str, ...]

    @classmethod
    def of(cls, x: Extraction) -> "Entry":
        return cls(x.entities, x.relations, x.problems)

    def attach(self, article: Article) -> Extraction:
        return Extraction(article, self.entities, self.relations, self.problems)


def source_version(root: Path | None = None) -> str:
    """A hash of the rule source: every .py under the kg package but the top-level NOT_RULES."""
    root = root or Path(str(resources.files("kg")))
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        rel = f.relative_to(root).as_posix()
        if rel not in NOT_RULES:
            h.update(rel.encode() + b"\0")
            h.update(f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def version(lexicon_version: str) -> str:
    """The cache version: format, lexicon data and rule source together."""
    h = hashlib.sha256(f"{FORMAT}\0{lexicon_version}\0{source_version()}".encode())
    return h.hexdigest()[:16]


def content_key(article: Article) -> str:
    """The hash of what extraction reads from an article (not its id or path)."""
    h = hashlib.sha256()
    for part in (article.text, article.published, article.title, article.source):
        h.update(b"\1" if part is None else b"\0" + part.encode("utf-8", "surrogatepass"))
        h.update(b"\2")
    return h.hexdigest()


class Cache:
    """The cache of one output folder for one version. `get` misses on anything unreadable."""

    def __init__(self, out: Path, version: str) -> None:
        self.base = Path(out) / FOLDER
        self.root = self.base / version
        self._made: set[Path] = set()  # folders this cache has made (or found) already

    def prune(self) -> None:
        """Remove the folders of other versions (stale rules or data)."""
        if self.base.is_dir():
            for p in self.base.iterdir():
                if p.is_dir() and p != self.root:
                    shutil.rmtree(p, ignore_errors=True)

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def has(self, article: Article) -> bool:
        """Whether an entry for `article` is there (`get` may still miss, on one it cannot read)."""
        return self.path(content_key(article)).is_file()

    def get(self, article: Article) -> Extraction | None:
        try:
            with open(self.path(content_key(article)), "rb") as fh:
                entry = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
            return None
        return entry.attach(article) if isinstance(entry, Entry) else None

    def put(self, x: Extraction) -> None:
        self.put_entry(x.article, Entry.of(x))

    def put_entry(self, article: Article, entry: Entry) -> None:
        """Keep `entry` as the extraction of `article` (what a worker calls: it has no Extraction)."""
        path = self.path(content_key(article))
        try:
            if path.parent not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as err:
            raise OutputError(f"{path.parent}: cannot write the extraction cache ({err.strerror}); "
                              "choose another --out or build with --no-cache") from err
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
