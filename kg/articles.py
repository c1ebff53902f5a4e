"""Read articles: `.txt` files, folders of them (with their `manifest.tsv`) and JSON Lines.

    read(paths) -> ReadResult(articles, problems)
    stream(paths) -> Article | Problem, ...        the same, one at a time; chunks(stream(paths), size)

A JSON Lines file's lines and rows are `kg.jsonl`'s; what a row says about its article is here.

One bad input never sinks the others: whatever cannot be read becomes a `Problem` naming the file
(and line) with what to do about it, and reading goes on. Nothing here prints.

The text is kept as read: decoded, a byte-order mark dropped, newlines as they are in the file, so
offsets into `Article.text` of a UTF-8 file index `open(f, encoding="utf-8-sig", newline="").read()`.
Decoding: UTF-8 (with or without BOM); UTF-16 or UTF-32 with a BOM; else GB18030 or Big5, whichever
decodes strictly and reads as more common Chinese. A file not in UTF-8 is still read, and noted with
a `decoded-as` problem (one of the `NOTES` kinds, which say how, not what went wrong).
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg import jsonl
from kg.decode import Unreadable, check_text, decode, read_bytes, text_of
from kg.model import Article

MANIFEST = "manifest.tsv"
MANIFEST_COLUMNS = ("id", "file", "published", "title", "source")
DATELINE_WINDOW = 1500  # characters from the top searched for a publication date
NOTES = frozenset({"decoded-as", "mojibake"})  # problem kinds that are notes: the article was read all the same


@dataclass(frozen=True, slots=True)
class Problem:
    """One input that could not be (fully) read."""

    path: str  # the file
    line: int | None  # the line (JSON Lines row, manifest row) or None
    message: str  # what is wrong and what to do, one line
    kind: str  # short machine code: "decode", "empty", "binary", "json", "duplicate-id", ...

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ReadResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of consecutive articles, as `chunks` gives them to a build."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]  # the problems met while reading them, in reading order
    last: bool  # whether reading ends with this chunk


def read(paths: Sequence[str | Path]) -> ReadResult:
    """Every article in `paths` (`.txt` files, folders, `.jsonl` files), in the order given, each
    folder's files sorted; the first of two articles with one id or one text is kept."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in stream(paths):
        (problems if isinstance(item, Problem) else articles).append(item)
    return ReadResult(tuple(articles), tuple(problems))


def stream(paths: Sequence[str | Path]) -> Iterator[Article | Problem]:
    """`read`, one article or problem at a time in reading order: what is read before is not kept,
    but each article's id and a digest of its text, to tell the duplicates."""
    if isinstance(paths, (str, os.PathLike)):  # one path given bare: not a sequence of characters
        paths = [paths]
    first_by_id: dict[str, str] = {}  # id -> where it was read
    first_by_text: dict[bytes, str] = {}  # content digest -> id
    for item in (got for path in paths for got in _read_path(Path(path))):
        if isinstance(item, Problem):
            yield item
            continue
        a = item.article
        if a.id in first_by_id:
            yield Problem(item.path, item.line, f"article id {a.id!r} was already read from "
                          f"{first_by_id[a.id]}; this one is skipped: give one of them another id", "duplicate-id")
            continue
        digest = _content_digest(a.text)
        if digest in first_by_text:
            yield Problem(item.path, item.line, f"same text as article {first_by_text[digest]!r}; "
                          "this copy is skipped", "duplicate-content")
            continue
        first_by_id[a.id] = a.path or a.id
        first_by_text[digest] = a.id
        yield a
        if (sample := mojibake(a.text)):
            yield Problem(item.path, item.line, f"parts look decoded with the wrong encoding ({sample!r}); "
                          "read all the same, but names in those parts are lost: re-export the "
                          "article as UTF-8", "mojibake")


def chunks(items: Iterable[Article | Problem], size: int) -> Iterator[Chunk]:
    """`items` (as `stream` gives them) in chunks of `size` articles, the last one shorter (or empty,
    when nothing was read). A chunk is made once the article after it is read, so that it knows
    whether it is the last; the chunk before it is no longer referenced here."""
    if size < 1:
        raise ValueError(f"a chunk holds at least one article, not {size}")
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        if len(articles) == size:
            done = Chunk(tuple(articles), tuple(problems), last=False)
            articles, problems = [], []
            yield done
            del done  # while the next chunk is read, the caller alone decides what to keep of this one
        articles.append(item)
    yield Chunk(tuple(articles), tuple(problems), last=True)


def count(paths: Sequence[str | Path]) -> int:
    """About how many articles `paths` hold, counted without decoding anything: the .txt files
    (in folders, and given), and the lines of JSON Lines files. More than `read` gives when some
    are unreadable, duplicates or blank lines; a progress bar's total until reading ends."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    n = 0
    for path in map(Path, paths):
        if path.is_dir():
            n += sum(1 for p in path.rglob("*") if p.suffix.lower() == ".txt" and not _hidden(p.relative_to(path)))
        elif path.suffix.lower() == ".txt":
            n += 1
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            n += jsonl.count_lines(path)
    return n


# -- damaged text ---------------------------------------------------------------------------------

MOJIBAKE = re.compile(
    r"""(?:[ÃÂâåæçèéäïð][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u20ac\u2122\u0192]{1,2}){3,}  # UTF-8 read as Latin-1 or CP1252: é¦™æ¸¯
      | (?:锟斤拷)+                      # GBK round trip of U+FFFD
      | (?:烫){3,} | (?:屯){3,}         # uninitialised memory shown as GBK
      | \ufffd{2,}                      # replacement characters in a row
    """,
    re.VERBOSE,
)


# the characters a MOJIBAKE stretch starts with: a text without any has none (and is searched fast)
MOJIBAKE_START = re.compile("[ÃÂâåæçèéäïð锟烫屯\ufffd]")


def mojibake(text: str) -> str | None:
    """The first stretch of text that looks decoded with the wrong encoding, or None."""
    first = MOJIBAKE_START.search(text)
    m = MOJIBAKE.search(text, first.start()) if first else None
    return m.group(0)[:12] if m else None


# -- publication dates ---------------------------------------------------------------------------

BRACKET_DATELINE = re.compile(r"""
    [(（] \s*                                   # an opening bracket, ASCII or full-width
    [^\W\d_] (?: [^\W\d_] | \  ){0,15}? \s*     # the place: 香港, 北京, Hong Kong
    [,，、·・]? \s*                              # a separator, if any
    (?: (?P<y>\d{4}) \s* 年 \s* )?              # the year (without it the date is unknown)
    (?P<m>\d{1,2}) \s* 月 \s* (?P<d>\d{1,2}) \s* 日
    \s* [)）]                                   # the closing bracket
""", re.VERBOSE)

NEWS_DATELINE = re.compile(r"""
    (?= \d )                                    # (a digit first: lets the search skip ahead)
    (?: (?P<y>\d{4}) \s* 年 \s* )?              # a year, seldom given
    (?P<m>\d{1,2}) \s* 月 \s* (?P<d>\d{1,2}) \s* 日 \s*
    [讯訊电電]                                  # 讯: reported (本报淄博2月23日讯); 电: wire (新华社北京…电)
    (?! [视視话話影子力脑腦台网網报報] )           # but not 电视, 电话, 电影, 电子, 电力, 电报, …
""", re.VERBOSE)

LABELED_DATE = re.compile(r"""
    (?= [加发發更刊出时時日] )                    # (the first characters below: lets the search skip ahead)
    (?: 加入 | 发布 | 發布 | 發佈 | 发表 | 發表 | 更新 | 刊登 | 出版 )?   # what happened then, if said
    (?: 时间 | 時間 | 日期 ) \s* [:：]? \s*          # 时间: / 日期：
    (?P<y>\d{4}) \s* [-/.年] \s*                  # 2024-  2024/  2024.  2024年
    (?P<m>\d{1,2}) \s* [-/.月] \s*
    (?P<d>\d{1,2})                                # then the day; a time after it is ignored
""", re.VERBOSE)

DATE_STATEMENTS = (BRACKET_DATELINE, NEWS_DATELINE, LABELED_DATE)


def infer_published(text: str) -> str | None:
    """The ISO publication date the text states near its top, or None. Only the first statement
    in the first `DATELINE_WINDOW` characters counts; one without a year leaves the date unknown."""
    top = text[:DATELINE_WINDOW]
    found = [m for pattern in DATE_STATEMENTS if (m := pattern.search(top))]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if first["y"] is None:
        return None
    try:
        return date(int(first["y"]), int(first["m"]), int(first["d"])).isoformat()
    except ValueError:  # 2023年2月30日
        return None


ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # 2023, 2023-10, 2023-10-24


def _is_iso_date(value: str) -> bool:
    if not ISO_DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(*parts[:3])
    except ValueError:
        return False
    return True


def _content_digest(text: str) -> bytes:
    """Equal for texts that differ only in line endings or white space around them."""
    return hashlib.blake2b(text.replace("\r\n", "\n").strip().encode("utf-8", "surrogatepass")).digest()


# -- reading paths ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Found:
    article: Article
    path: str  # the file
    line: int | None  # the JSON Lines row


@dataclass(frozen=True, slots=True)
class _Meta:
    """What a manifest row says about one file."""

    id: str
    published: str | None
    title: str | None
    source: str | None


Read = Iterator[_Found | Problem]


def _read_path(path: Path) -> Read:
    if path.is_dir():
        yield from _read_folder(path)
    elif not path.exists():
        yield Problem(str(path), None, "no such file or folder; check the path", "missing")
    elif path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path)
    elif path.suffix.lower() == ".txt":
        yield from _read_txt(path, None)
    else:
        yield Problem(str(path), None, "not a .txt file, a .jsonl file or a folder, so not read; "
                      "rename it to .txt if it is an article", "unsupported")


def _read_txt(path: Path, meta: _Meta | None) -> Read:
    where = str(path)
    try:
        text, encoding = text_of(read_bytes(path))
    except Unreadable as err:
        yield Problem(where, None, f"{err.message}; the article is skipped", err.kind)
        return
    if encoding != "UTF-8":
        yield Problem(where, None, f"decoded as {encoding} (not UTF-8); read all the same", "decoded-as")
    if meta is None:
        meta = _Meta(path.stem, None, None, None)
    published = meta.published or infer_published(text)
    yield _Found(Article(meta.id, text, published, meta.title, meta.source, where), where, None)


def _read_folder(folder: Path) -> Read:
    manifest: dict[Path, _Meta] = {}
    if (folder / MANIFEST).is_file():
        for got in _read_manifest(folder):
            if isinstance(got, Problem):
                yield got
            else:
                manifest[got[0]] = got[1]
    files = {_normal(p) for p in folder.rglob("*")
             if p.suffix.lower() == ".txt" and p.is_file() and not _hidden(p.relative_to(folder))}
    found = False
    for path in sorted(files | manifest.keys()):
        for got in _read_txt(path, manifest.get(path)):
            found = found or isinstance(got, _Found)
            yield got
    if not found:
        yield Problem(str(folder), None, "no article read from this folder: it has no readable .txt file, "
                      "in it or below it", "no-articles")


def _normal(path: Path) -> Path:
    return Path(os.path.normpath(path))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_manifest(folder: Path) -> Iterator[tuple[Path, _Meta] | Problem]:
    """(file, metadata) for each row of the folder's manifest, and a problem for each bad row."""
    where = str(folder / MANIFEST)
    try:
        text, _ = decode(read_bytes(folder / MANIFEST))
    except Unreadable as err:
        yield Problem(where, None, f"{err.message}; the manifest is ignored", "manifest")
        return
    columns: list[str] | None = None
    seen: set[Path] = set()
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if columns is None:
            columns = [f.strip() for f in fields]
            if not {"id", "file"} <= set(columns):
                yield Problem(where, number, "the header row must name the columns "
                              f"{chr(9).join(MANIFEST_COLUMNS)} (tab-separated); the manifest is ignored",
                              "manifest")
                return
            continue
        if len(fields) != len(columns):
            yield Problem(where, number, f"{len(fields)} tab-separated fields where the header has "
                          f"{len(columns)}; the row is ignored", "manifest-row")
            continue
        row = {c: (v.strip() or None) for c, v in zip(columns, fields)}
        if row["id"] is None or row["file"] is None:
            yield Problem(where, number, "the row has no id or no file; it is ignored", "manifest-row")
            continue
        path = _normal(folder / row["file"])
        if not path.is_file():
            yield Problem(where, number, f"names the file {row['file']!r}, which is not in {folder}; "
                          "add the file or remove the row", "manifest-missing-file")
            continue
        if path in seen:
            yield Problem(where, number, f"names {row['file']!r} a second time; the row is ignored",
                          "manifest-row")
            continue
        seen.add(path)
        published = row.get("published")
        if published is not None and not _is_iso_date(published):
            yield Problem(where, number, f"published {published!r} is not an ISO date (2023-10-24); "
                          "the date is inferred from the text instead", "bad-date")
            published = None
        yield path, _Meta(row["id"], published, row.get("title"), row.get("source"))


def _read_jsonl(path: Path) -> Read:
    where = str(path)
    try:
        lines, encoding = jsonl.lines(path)
    except Unreadable as err:
        yield Problem(where, None, f"{err.message}; no article is read from it", err.kind)
        return
    if encoding != "UTF-8":
        yield Problem(where, None, f"decoded as {encoding} (JSON Lines should be UTF-8); read all the same",
                      "decoded-as")
    found = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            article, bad_date = _article_of_row(line, f"{where}:{number}")
        except Unreadable as err:
            yield Problem(where, number, f"{err.message}; the row is skipped", err.kind)
            continue
        if bad_date:
            yield Problem(where, number, f'"published" {bad_date!r} is not an ISO date (2023-10-24); '
                          "the date is inferred from the text instead", "bad-date")
        found = True
        yield _Found(article, where, number)
    if not found:
        yield Problem(where, None, "no article read from this file", "no-articles")


def _article_of_row(line: str, where: str) -> tuple[Article, str | None]:
    """The article of one JSON Lines row, and its `published` value if that is not an ISO date."""
    row = jsonl.row(line)
    article_id, text = row.get("id"), row.get("text")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise Unreadable("missing-field", 'no "id" (a non-empty string)')
    if not isinstance(text, str):
        raise Unreadable("missing-field", f'article {article_id!r} has no "text" (a string)')
    check_text(text)
    meta = {}
    for key in ("published", "title", "source"):
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise Unreadable("bad-field", f'"{key}" is a JSON {type(value).__name__}, not a string')
        meta[key] = value or None
    bad_date = meta["published"] if meta["published"] and not _is_iso_date(meta["published"]) else None
    published = (None if bad_date else meta["published"]) or infer_published(text)
    return Article(article_id, text, published, meta["title"], meta["source"], where), bad_date
