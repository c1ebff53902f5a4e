"""Decoding article files: UTF-8 (with or without BOM), UTF-16/32 by their BOM, and GB18030/GBK or
Big5 chosen by which reads as more common Chinese; binary and empty inputs refused.

Every refusal is an `Unreadable` with a short kind and a one-line message that says what to do;
`kg.articles` turns it into a `Problem` naming the file.
"""
from __future__ import annotations

import codecs
import re
from itertools import chain
from pathlib import Path

from kg.errors import InputError

class Unreadable(InputError):
    """Why one file or row cannot become an article: turned into a `Problem` by its reader."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
LEGACY = (("gb18030", "GB18030"), ("big5", "Big5"), ("big5hkscs", "Big5-HKSCS"))  # ties: earlier wins
SAMPLE = 20_000  # characters scored when choosing an encoding
NON_ASCII = re.compile(r"[^\x00-\x7f]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # control characters other than \t \n \v \f \r
BINARY_SHARE = 0.1  # a text whose sample is more control characters than this is not a text


def _common_chars() -> frozenset[str]:
    """The frequent hanzi (GB2312 level 1 and Big5 level 1) and CJK punctuation: text decoded
    with the right codec is nearly all these, text decoded with the wrong one much less."""
    chars = set("，。、；：？！“”‘’（）《》「」『』【】—…·")
    gb = (bytes((hi, lo)) for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF))
    big5 = (bytes((hi, lo)) for hi in range(0xA4, 0xC7) for lo in (*range(0x40, 0x7F), *range(0xA1, 0xFF))
            if (hi, lo) <= (0xC6, 0x7E))
    for pair, codec in chain(((p, "gb2312") for p in gb), ((p, "big5") for p in big5)):
        try:
            chars.add(pair.decode(codec))
        except UnicodeDecodeError:  # the few unassigned places at the ends of the rows
            pass
    return frozenset(chars)


COMMON_CHARS = _common_chars()


def _common_share(text: str) -> float:
    """The share of common Chinese among the first `SAMPLE` non-ASCII characters of `text`."""
    first = NON_ASCII.search(text)
    if first is None:
        return 0.0
    sample = NON_ASCII.findall(text, first.start(), first.start() + SAMPLE)
    return sum(c in COMMON_CHARS for c in sample) / len(sample)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; raises `Unreadable` for binary or undecodable data."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError as err:
                raise Unreadable("decode", f"not valid {name} at byte offset {err.start + len(bom)} "
                                  f"although it starts with a {name} byte-order mark; re-save it as UTF-8") from err
    if b"\0" in data:
        raise Unreadable("binary", "a binary file (it has NUL bytes), not text; give the article as a "
                          ".txt file in UTF-8")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    candidates = []
    for codec, name in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(text), name, text))
    damaged_utf8 = _common_share(data.decode("utf-8", "replace"))  # UTF-8 with a bad byte or two?
    best = max(candidates, key=lambda c: c[0], default=None)  # max keeps the first of equals
    if best is None or best[0] < damaged_utf8:
        byte = data[utf8_error.start]
        raise Unreadable("decode", f"byte 0x{byte:02X} at byte offset {utf8_error.start} is not valid "
                          "UTF-8, and the file does not read well as GB18030 or Big5; "
                          "repair it or re-save it as UTF-8")
    return best[2], best[1]


def read_bytes(path: Path) -> bytes:
    """A file's bytes; raises `Unreadable` when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise Unreadable("unreadable", f"cannot be read ({err.strerror or err}); check its permissions") from err


def text_of(data: bytes) -> tuple[str, str]:
    """Decoded text that is worth reading as an article, and its encoding name."""
    if not data:
        raise Unreadable("empty", "the file is empty")
    text, encoding = decode(data)
    check_text(text)
    return text, encoding


def check_text(text: str) -> None:
    if not text or text.isspace():
        raise Unreadable("empty", "no text, only white space")
    sample = text[:4096]
    if "\0" in text or len(CONTROL.findall(sample)) > BINARY_SHARE * len(sample):
        raise Unreadable("binary", "mostly control characters: a binary file, not text; give the article "
                          "as plain text in UTF-8")
