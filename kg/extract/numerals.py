"""Small numbers written in Chinese numerals or ASCII digits, as dates write them.

Two shapes, both small enough to read at a glance:
    digit by digit, for years:  二〇二三 → 2023, 一九九七 → 1997
    with tens, for months/days: 十二 → 12, 二十一 → 21, 廿三 → 23, 卅 → 30, 六 → 6
ASCII digits pass through (`12` → 12). Anything else is None, never an exception.
"""
from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
TENS = {"十": 10, "廿": 20, "卅": 30}  # 廿 and 卅 are the one-character 20 and 30 of dates


def to_int(text: str) -> int | None:
    """The value of `text`: ASCII digits, Chinese digits one by one, or a number below 100 with 十/廿/卅."""
    if text.isascii():
        return int(text) if text.isdigit() else None
    if all(c in DIGITS for c in text):
        return int("".join(str(DIGITS[c]) for c in text))
    return _with_tens(text)


def _with_tens(text: str) -> int | None:
    """十 10, 十二 12, 二十 20, 二十一 21, 廿三 23, 卅一 31; None for any other shape."""
    tens = next((i for i, c in enumerate(text) if c in TENS), None)
    if tens is None:
        return None
    head, mark, tail = text[:tens], text[tens], text[tens + 1:]
    if len(head) > 1 or len(tail) > 1 or (head and mark != "十"):
        return None  # 一二十, 十二三, 二廿
    if any(c not in DIGITS or DIGITS[c] == 0 for c in head + tail):
        return None  # 〇十, 十〇
    return DIGITS.get(head, 1) * TENS[mark] + DIGITS.get(tail, 0)
