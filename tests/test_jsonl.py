"""kg.jsonl: a JSON Lines file's lines (a line at a time only in UTF-8), rows and line count."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from kg import jsonl
from kg.decode import Unreadable

ROW = json.dumps({"id": "a", "text": "香港贸易发展局行政总裁表示"}, ensure_ascii=False)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, plain", [
    pytest.param(ROW.encode("utf-8"), True, id="utf-8"),
    pytest.param(ROW.encode("gb18030"), False, id="gb18030"),
    pytest.param(codecs.BOM_UTF16_LE + ROW.encode("utf-16-le"), False, id="utf-16"),
    pytest.param(b'{"id": "a", "text": "\x00"}', False, id="nul"),
])
def test_jsonl_read_a_line_at_a_time_only_in_utf8(tmp_path, data, plain):
    assert jsonl.plain_utf8(write(tmp_path / "in.jsonl", data)) is plain


@pytest.mark.parametrize("data, n", [
    pytest.param(b"", 0, id="empty"),
    pytest.param(b"a\nb\n", 2, id="newline-at-end"),
    pytest.param(b"a\nb", 2, id="no-newline-at-end"),
    pytest.param(b"\n\n", 2, id="blank-lines"),
])
def test_jsonl_count_lines(tmp_path, data, n):
    assert jsonl.count_lines(write(tmp_path / "in.jsonl", data)) == n


@pytest.mark.parametrize("line, message", [
    pytest.param("{bad", "not valid JSON", id="not-json"),
    pytest.param("[1, 2]", "a JSON list", id="not-an-object"),
])
def test_jsonl_row_is_one_json_object(line, message):
    with pytest.raises(Unreadable, match=message):
        jsonl.row(line)
