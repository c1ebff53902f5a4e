"""The one reader of kg/data/: word lists (`.txt`, one entry a line) and tables (`.tsv`, a header
row), each with a `#` header saying what it is and where it comes from.

`Lexicon` also owns its own `jieba.Tokenizer` (never jieba's process-wide one), loaded with the
lexicon's names so that segmentation keeps them whole. Its prefix dictionary is loaded from a copy
kg keeps beside jieba's own cache (`prefix_dict_path`): the same words and frequencies, read in about
a third of the time jieba's marshal cache takes.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
from array import array
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import LexiconError

DATA = Path(str(resources.files("kg") / "data"))
COMMON_WORD_FREQ = 1000  # how frequent in jieba's dictionary a word must be to be common (Lexicon.common_words)


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

    def common_words(self, phrase: str) -> bool:
        """Whether a phrase is nothing but common words (港口, 海洋功能): each word jieba's dictionary
        cuts it into has two or more characters and is at least COMMON_WORD_FREQ frequent (鲁维 cut
        into 鲁|维 is no such word). Brands are rare words there (海尔 230, 招商 595, 鲁维 absent)."""
        return _common_words(self, phrase)

    def word_end(self, text: str, i: int, lo: int, hi: int) -> int:
        """The end of the word over text[i] when jieba's dictionary (without its HMM) cuts
        text[lo:hi] into words: whether a word runs across a name's edge or a line break.

        Every word of that cut is a dictionary word or a single character, so when no dictionary
        word of the window runs across text[i]'s end (_joined), the word over text[i] ends there,
        and the window need not be cut."""
        return self._cut_word(text, i, lo, hi)[1] if self._joined(text, i, lo, hi) else i + 1

    def word_start(self, text: str, i: int, lo: int, hi: int) -> int:
        """The start of the word over text[i] in the same cut as word_end: where no dictionary word
        of the window runs across text[i - 1]'s end, a word starts at text[i]."""
        return self._cut_word(text, i, lo, hi)[0] if i > lo and self._joined(text, i - 1, lo, hi) else i

    def _cut_word(self, text: str, i: int, lo: int, hi: int) -> tuple[int, int]:
        """The span of the word over text[i] in jieba's cut (without its HMM) of text[lo:hi]."""
        at = lo
        for word in self.tokenizer.lcut(text[lo:hi], HMM=False):
            if at + len(word) > i:
                return at, at + len(word)
            at += len(word)
        return i, i + 1

    def _joined(self, text: str, i: int, lo: int, hi: int) -> bool:
        """Whether jieba's cut of text[lo:hi] may put text[i] and text[i + 1] in one word. Between
        two Han characters only a dictionary word (a frequency above 0, as jieba's cut takes it)
        can: text[k:j] for some lo <= k <= i < i + 1 < j <= hi. The prefix dictionary holds every
        prefix of every word, so a start's walk stops at the first prefix it lacks. Anything else
        (letters and digits jieba runs together, a line break \\r\\n) is left to the cut."""
        hi = min(hi, len(text))  # a window may reach past the text's end (a head at its very end: 院)
        if i + 1 >= hi:
            return False
        if not ("\u4e00" <= text[i] <= "\u9fd5" and "\u4e00" <= text[i + 1] <= "\u9fd5"):  # jieba's Han
            return True
        freq = self.tokenizer.FREQ
        for k in range(lo, i + 1):
            j = i + 2
            if text[k:j - 1] not in freq:  # no word starting at k reaches text[i]
                continue
            while j <= hi and (frag := text[k:j]) in freq:
                if freq[frag]:
                    return True
                j += 1
        return False

    @cached_property
    def tokenizer(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        path = prefix_dict_path()
        if path is None or not load_prefix_dict(tok, path):
            tok.initialize()
            if path is not None:
                save_prefix_dict(tok, path)
        return tok


@lru_cache(maxsize=1 << 16)
def _common_words(lex: Lexicon, phrase: str) -> bool:
    """Lexicon.common_words, worked out once for each phrase (the same ones are asked again and again)."""
    freq = lex.tokenizer.FREQ
    return all(len(w) >= 2 and freq.get(w, 0) >= COMMON_WORD_FREQ for w in lex.tokenizer.lcut(phrase, HMM=False))


PREFIX_DICT = b"kg jieba prefix dictionary 1"  # the first line of kg's copy of jieba's prefix dictionary


def prefix_dict_path() -> Path | None:
    """Where kg keeps its copy of the default jieba dictionary's prefix dictionary (FREQ, total):
    the temporary folder jieba keeps its own cache in, under a name that changes with jieba's
    version and dictionary file; None when that file cannot be found."""
    import jieba

    source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    try:
        st = source.stat()
    except OSError:
        return None
    tag = f"{jieba.__version__}|{source}|{st.st_size}|{st.st_mtime_ns}|{sys.byteorder}"
    return Path(tempfile.gettempdir()) / f"kg-jieba.{hashlib.sha256(tag.encode()).hexdigest()[:16]}.dict"


def load_prefix_dict(tok, path: Path) -> bool:
    """Give a fresh jieba.Tokenizer the prefix dictionary kept at path (what its initialize() would
    build), or say False when there is no good copy there."""
    try:
        data = path.read_bytes()
        head, words_len, count, total = data[:data.index(b"\n")].rsplit(b" ", 3)
        start, words_len, count = data.index(b"\n") + 1, int(words_len), int(count)
        words = data[start:start + words_len].decode("utf-8").split("\n")
        freqs = array("q")
        freqs.frombytes(data[start + words_len:])
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    if head != PREFIX_DICT or len(words) != count or len(freqs) != count:
        return False
    tok.FREQ, tok.total, tok.initialized = dict(zip(words, freqs.tolist())), int(total), True
    return True


def save_prefix_dict(tok, path: Path) -> None:
    """Keep an initialised tokenizer's prefix dictionary at path (written beside it and renamed into
    place, so that a reader never sees half a file); a folder that cannot be written is left alone."""
    words = "\n".join(tok.FREQ).encode("utf-8")
    head = b" ".join((PREFIX_DICT, str(len(words)).encode(), str(len(tok.FREQ)).encode(), str(tok.total).encode()))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(head + b"\n" + words + array("q", tok.FREQ.values()).tobytes())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


@cache
def default() -> Lexicon:
    return Lexicon()
