"""JSON Lines files, as kg reads articles from them: the lines, decoded as `kg.decode` decodes a
file (a line at a time when the file is UTF-8, as JSON Lines should be: no more than a row is held
at once), each line's JSON object, and how many lines a file has. What a row says about its
article is `kg.articles`' business.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from kg.decode import Unreadable, decode, read_bytes


def lines(path: Path) -> tuple[Iterator[str], str]:
    """The lines of a JSON Lines file and its encoding, as `decode` reads the file. A file in UTF-8
    is read a line at a time; any other is decoded whole. Lines are split at "\\n" alone: JSON
    strings may hold U+2028. Raises `Unreadable` when the file cannot be read or decoded."""
    if plain_utf8(path):
        return _utf8_lines(path), "UTF-8"
    text, encoding = decode(read_bytes(path))
    return iter(text.split("\n")), encoding


def plain_utf8(path: Path) -> bool:
    """Whether the file is valid UTF-8 without NUL bytes (read a block at a time, not kept)."""
    check = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                if b"\0" in block:
                    return False
                check.decode(block)
        check.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True


def _utf8_lines(path: Path) -> Iterator[str]:
    """The lines of a file `plain_utf8` accepted, a byte-order mark dropped, each without its "\\n"."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh):
            line = raw[:-1] if raw.endswith(b"\n") else raw
            yield line.decode("utf-8-sig" if number == 0 else "utf-8")


def row(line: str) -> dict:
    """The JSON object of one line; raises `Unreadable` ("json") for anything else."""
    try:
        got = json.loads(line)
    except json.JSONDecodeError as err:
        raise Unreadable("json", f"not valid JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(got, dict):
        raise Unreadable("json", f"a JSON {type(got).__name__}, not an object with id and text")
    return got


def count_lines(path: Path) -> int:
    """The number of lines of a file (one more than its newlines unless it ends with one), counted
    without decoding; 0 when it cannot be read."""
    n, last = 0, b"\n"
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                n += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return n + (last != b"\n")
