"""Reading articles: files, folders with manifests, JSON Lines, encodings, dates and bad input;
streamed and in chunks."""
from __future__ import annotations

import codecs
import csv
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import jsonl
from kg.articles import Problem, ReadResult, chunks, count, infer_published, read, stream

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SIMPLIFIED = "香港科技园公司与山东省政府签署合作协议，双方将在人工智能、绿色科技及生物医药领域加强交流。\n"
TRADITIONAL = "香港科技園公司慶祝驅動創科成就二十年，適逢香港特別行政區成立二十五周年。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def as_read(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return fh.read()


def kinds(result: ReadResult) -> list[str]:
    return [p.kind for p in result.problems]


def manifest_rows() -> dict[str, dict[str, str]]:
    lines = (line for line in (SEEDS / "manifest.tsv").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#"))
    return {r["id"]: r for r in csv.DictReader(lines, delimiter="\t")}


# -- the seeds ------------------------------------------------------------------------------------

def test_articles_seeds_read_with_manifest_metadata():
    got = read([SEEDS])
    rows = manifest_rows()
    assert got.problems == ()
    assert [a.id for a in got.articles] == sorted(rows)
    for a in got.articles:
        assert (a.published, a.title, a.source) == (rows[a.id]["published"], rows[a.id]["title"],
                                                     rows[a.id]["source"])
        assert a.path == str(SEEDS / f"{a.id}.txt")


@pytest.mark.parametrize("article_id", sorted(manifest_rows()))
def test_articles_seed_text_is_the_file_as_read(article_id):
    article = {a.id: a for a in read([SEEDS]).articles}[article_id]
    assert article.text == as_read(SEEDS / f"{article_id}.txt")


@pytest.mark.parametrize("article_id, expected", [
    ("000_0ee50fd676d6ee5b", "2023-10-24"),  # （香港，2023年10月24日）
    ("001_ee7efad3a62e8cf6", None),  # no dateline: 2月23日 is only said in the body
    ("002_4eeebd243549c568", "2022-07-06"),  # (香港,2022年7月6日)
    ("003_5f476585fb58d00d", "2024-11-25"),  # 加入时间:2024-11-25 10:07:04
    ("004_1ffef631b19695f1", "2023-12-06"),  # (香港·2023年12月6日)
])
def test_articles_seed_dates_inferred_from_text(article_id, expected):
    assert infer_published(as_read(SEEDS / f"{article_id}.txt")) == expected


# -- publication dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    pytest.param("标题\n\n(香港,2022年7月6日)— 香港科技園公司", "2022-07-06", id="bracket-ascii-comma"),
    pytest.param("标题\n（香港，2023年10月24日）香港科学园", "2023-10-24", id="bracket-fullwidth"),
    pytest.param("(香港·2023年12月6日)— 高峰會", "2023-12-06", id="bracket-middle-dot"),
    pytest.param("（Hong Kong，2023年1月2日）", "2023-01-02", id="bracket-latin-place"),
    pytest.param("（香港，7月6日）消息", None, id="bracket-no-year"),
    pytest.param("本报淄博2月23日讯 记者", None, id="news-no-year"),
    pytest.param("新华社北京2023年2月23日电 记者", "2023-02-23", id="news-with-year"),
    pytest.param("大眾日報淄博2024年3月1日訊", "2024-03-01", id="news-traditional"),
    pytest.param("来源:经济导报   加入时间:2024-11-25 10:07:04", "2024-11-25", id="added-time"),
    pytest.param("发布时间：2024年11月25日", "2024-11-25", id="published-time-cjk"),
    pytest.param("日期: 2024-11-25", "2024-11-25", id="date-label"),
    pytest.param("發佈時間：2024/1/5", "2024-01-05", id="traditional-label-slashes"),
    pytest.param("（香港，2023年10月24日）\n发布时间：2024-11-25", "2023-10-24", id="first-statement-wins"),
    pytest.param("本报济南11月22日讯\n发布时间：2024-11-25", None, id="first-statement-without-year-wins"),
    pytest.param("2023年2月23日，大会开幕", None, id="plain-date-is-not-a-dateline"),
    pytest.param("于2月23日电视直播", None, id="not-television"),
    pytest.param("日期: 2023-02-30", None, id="impossible-date"),
    pytest.param("x" * 1500 + "（香港，2023年10月24日）", None, id="beyond-the-window"),
    pytest.param("", None, id="empty"),
])
def test_articles_infer_published(text, expected):
    assert infer_published(text) == expected


# -- encodings ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, data, decoded_as", [
    pytest.param(SIMPLIFIED, SIMPLIFIED.encode("utf-8"), None, id="utf-8"),
    pytest.param(SIMPLIFIED, codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), None, id="utf-8-bom"),
    pytest.param(TRADITIONAL, TRADITIONAL.encode("utf-16"), "UTF-16", id="utf-16-bom"),
    pytest.param(SIMPLIFIED, codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "UTF-16", id="utf-16-be-bom"),
    pytest.param(SIMPLIFIED, SIMPLIFIED.encode("utf-32"), "UTF-32", id="utf-32-bom"),
    pytest.param(SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "GB18030", id="gb18030"),
    pytest.param(SIMPLIFIED, SIMPLIFIED.encode("gbk"), "GB18030", id="gbk"),
    pytest.param(TRADITIONAL, TRADITIONAL.encode("gbk"), "GB18030", id="gbk-traditional"),
    pytest.param(TRADITIONAL, TRADITIONAL.encode("big5"), "Big5", id="big5"),
    pytest.param("香港", "香港".encode("gbk"), "GB18030", id="gbk-two-characters"),
    pytest.param("中文\n", "中文\n".encode("big5"), "Big5", id="big5-two-characters"),
    pytest.param("恒生指數\n", "恒生指數\n".encode("big5hkscs"), "Big5-HKSCS", id="big5-hkscs"),
])
def test_articles_decodes(tmp_path, text, data, decoded_as):
    path = write(tmp_path / "a.txt", data)
    got = read([path])
    assert [a.text for a in got.articles] == [text]
    notes = [p.message for p in got.problems if p.kind == "decoded-as"]
    assert kinds(got) == (["decoded-as"] if decoded_as else [])
    assert all(f"decoded as {decoded_as} " in n for n in notes)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_articles_keep_newlines_so_offsets_match_the_file(tmp_path, newline):
    text = newline.join(["标题", "", "（香港，2023年10月24日）黄克强表示", ""])
    path = write(tmp_path / "a.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    article = read([path]).articles[0]
    assert article.text == text == as_read(path)
    start = article.text.index("黄克强")
    assert as_read(path)[start:start + 3] == "黄克强"
    assert article.published == "2023-10-24"


UNICODE_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs"), include_characters="\r\n\t"),
                       min_size=1).filter(lambda t: t.replace("\ufeff", "").strip())


@settings(max_examples=100, deadline=None)
@given(UNICODE_TEXT, st.sampled_from([("utf-8", "utf-8-sig"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")]))
def test_articles_text_is_the_file_decoded_with_one_bom_dropped(text, codecs_):
    write_as, read_as = codecs_
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "a.txt", text.encode(write_as))
        with open(path, encoding=read_as, newline="") as fh:
            assert [a.text for a in read([path]).articles] == [fh.read()]


LEGACY_TEXT = st.one_of(  # (codec, text): hanzi and punctuation of news, at least a dozen of them
    st.tuples(st.just("gb18030"), st.text(st.sampled_from(SIMPLIFIED.strip() + TRADITIONAL.strip()), min_size=12)),
    st.tuples(st.just("big5"), st.text(st.sampled_from(TRADITIONAL.strip()), min_size=12)),
)


@settings(max_examples=100, deadline=None)
@given(LEGACY_TEXT)
def test_articles_text_round_trips_chinese_legacy_encodings(codec_text):
    codec, text = codec_text
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "a.txt", text.encode(codec))
        assert [a.text for a in read([path]).articles] == [text]


# -- bad files ------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
GOOD = SIMPLIFIED.encode("utf-8")


@pytest.mark.parametrize("data, kind, says", [
    pytest.param(b"", "empty", "empty", id="empty"),
    pytest.param(" \n\t\r\n\u3000 ".encode("utf-8"), "empty", "white space", id="whitespace-only"),
    pytest.param(codecs.BOM_UTF8, "empty", "white space", id="bom-only"),
    pytest.param(PNG, "binary", "NUL", id="binary-nul-bytes"),
    pytest.param(bytes(range(1, 9)) * 50, "binary", "control characters", id="binary-control-characters"),
    pytest.param("café au lait\n".encode("latin-1"), "decode", "byte 0xE9 at byte offset 3", id="latin-1"),
    pytest.param(GOOD[:30] + b"\xff" + GOOD[30:], "decode", "byte 0xFF at byte offset 30", id="damaged-utf-8"),
    pytest.param(GOOD[:-2], "decode", f"byte 0xE3 at byte offset {len(GOOD) - 4}", id="truncated-utf-8"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "decode", "not valid UTF-16 at byte offset 2",
                 id="damaged-utf-16"),
])
def test_articles_bad_file_is_reported_and_others_still_read(tmp_path, data, kind, says):
    bad = write(tmp_path / "bad.txt", data)
    good = write(tmp_path / "good.txt", GOOD)
    got = read([bad, good])
    assert [a.id for a in got.articles] == ["good"]
    assert [(p.path, p.line, p.kind) for p in got.problems] == [(str(bad), None, kind)]
    assert says in got.problems[0].message
    assert str(got.problems[0]).startswith(f"{bad}: ")


def test_articles_missing_path_is_reported(tmp_path):
    got = read([tmp_path / "nowhere.txt", write(tmp_path / "a.txt", GOOD)])
    assert [a.id for a in got.articles] == ["a"]
    assert [(p.path, p.kind) for p in got.problems] == [(str(tmp_path / "nowhere.txt"), "missing")]


def test_articles_other_file_type_is_reported(tmp_path):
    got = read([write(tmp_path / "a.docx", GOOD)])
    assert got.articles == ()
    assert kinds(got) == ["unsupported"]


@pytest.mark.parametrize("files", [
    pytest.param({}, id="empty-folder"),
    pytest.param({"notes.md": GOOD, "data.csv": b"a,b\n"}, id="no-txt-files"),
    pytest.param({"a.txt": b"", "b.txt": b"  \n"}, id="only-empty-txt-files"),
    pytest.param({".hidden/a.txt": GOOD}, id="only-hidden-files"),
])
def test_articles_folder_without_articles_is_reported(tmp_path, files):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        write(folder / name, data)
    got = read([folder])
    assert got.articles == ()
    assert got.problems[-1] == Problem(str(folder), None, got.problems[-1].message, "no-articles")


def test_articles_folder_is_read_recursively_and_sorted(tmp_path):
    for name in ["b.txt", "a.TXT", "sub/c.txt", "sub/deeper/d.txt", ".git/e.txt", "notes.md"]:
        write(tmp_path / name, f"{name}：{SIMPLIFIED}")
    got = read([tmp_path])
    assert [a.id for a in got.articles] == ["a", "b", "c", "d"]
    assert got.problems == ()


def test_articles_single_path_need_not_be_in_a_list(tmp_path):
    assert [a.id for a in read(str(write(tmp_path / "a.txt", GOOD))).articles] == ["a"]


# -- duplicates -----------------------------------------------------------------------------------

def test_articles_duplicate_id_keeps_the_first(tmp_path):
    first = write(tmp_path / "a" / "x.txt", "第一篇：" + SIMPLIFIED)
    second = write(tmp_path / "b" / "x.txt", "第二篇：" + SIMPLIFIED)
    rows = write(tmp_path / "rows.jsonl", json.dumps({"id": "x", "text": "第三篇"}, ensure_ascii=False) + "\n")
    got = read([tmp_path / "a", tmp_path / "b", rows])
    assert [a.text[:3] for a in got.articles] == ["第一篇"]
    assert [(p.path, p.line, p.kind) for p in got.problems] == [
        (str(second), None, "duplicate-id"), (str(rows), 1, "duplicate-id")]
    assert str(first) in got.problems[0].message


@pytest.mark.parametrize("copy", [
    pytest.param(GOOD, id="same-bytes"),
    pytest.param(SIMPLIFIED.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    pytest.param(SIMPLIFIED.encode("gbk"), id="other-encoding"),
])
def test_articles_same_text_twice_is_read_once(tmp_path, copy):
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "b.txt", copy)
    got = read([tmp_path])
    assert [a.id for a in got.articles] == ["a"]
    assert [(p.path, p.kind) for p in got.problems if p.kind != "decoded-as"] == [
        (str(tmp_path / "b.txt"), "duplicate-content")]
    assert "'a'" in got.problems[-1].message


# -- manifests ------------------------------------------------------------------------------------

HEADER = "# test articles\nid\tfile\tpublished\ttitle\tsource\n"


def test_articles_manifest_gives_id_date_title_source(tmp_path):
    write(tmp_path / "one.txt", "（香港，2023年10月24日）" + SIMPLIFIED)
    write(tmp_path / "two.txt", "（香港，2022年7月6日）" + TRADITIONAL)
    write(tmp_path / "manifest.tsv", HEADER + "art-1\tone.txt\t2023-10-25\t标题\t新闻稿\n")
    got = read([tmp_path])
    assert got.problems == ()
    one, two = got.articles
    assert (one.id, one.published, one.title, one.source) == ("art-1", "2023-10-25", "标题", "新闻稿")
    assert (two.id, two.published, two.title, two.source) == ("two", "2022-07-06", None, None)


def test_articles_manifest_empty_fields_fall_back(tmp_path):
    write(tmp_path / "one.txt", "发布时间：2024年11月25日\n" + SIMPLIFIED)
    write(tmp_path / "manifest.tsv", HEADER + "one\tone.txt\t\t\t\n")
    (article,) = read([tmp_path]).articles
    assert (article.published, article.title, article.source) == ("2024-11-25", None, None)


@pytest.mark.parametrize("manifest, kind, line", [
    pytest.param(HEADER + "one\tone.txt\t2023-10-25\tt\ts\ngone\tgone.txt\t2023-01-01\tt\ts\n",
                 "manifest-missing-file", 4, id="missing-file"),
    pytest.param(HEADER + "one\tone.txt\t24/10/2023\tt\ts\n", "bad-date", 3, id="bad-date"),
    pytest.param(HEADER + "one\tone.txt\t2023-10-25\n", "manifest-row", 3, id="too-few-fields"),
    pytest.param(HEADER + "\tone.txt\t2023-10-25\tt\ts\n", "manifest-row", 3, id="no-id"),
    pytest.param(HEADER + "one\tone.txt\t\tt\ts\none\tone.txt\t\tt\ts\n", "manifest-row", 4, id="file-twice"),
    pytest.param("name\tpath\n", "manifest", 1, id="no-header"),
    pytest.param(b"\x89PNG\x00\x00", "manifest", None, id="binary"),
])
def test_articles_manifest_problem_is_reported_and_files_still_read(tmp_path, manifest, kind, line):
    write(tmp_path / "one.txt", "（香港，2023年10月24日）" + SIMPLIFIED)
    write(tmp_path / "manifest.tsv", manifest)
    got = read([tmp_path])
    assert [(a.id, a.path) for a in got.articles] == [("one", str(tmp_path / "one.txt"))]
    assert [(p.path, p.line, p.kind) for p in got.problems] == [(str(tmp_path / "manifest.tsv"), line, kind)]
    if kind == "bad-date":
        assert got.articles[0].published == "2023-10-24"


# -- JSON Lines -----------------------------------------------------------------------------------

def row(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_articles_jsonl_rows_become_articles(tmp_path):
    rows = [row(id="a", text="（香港，2023年10月24日）" + SIMPLIFIED),
            "",
            row(id="b", text=TRADITIONAL + "\u2028第二行", published="2022-07-06", title="題", source="網誌"),
            row(id=7, text="日期: 2024-11-25\n" + SIMPLIFIED)]
    path = write(tmp_path / "in.jsonl", "\r\n".join(rows) + "\n")
    got = read([path])
    assert got.problems == ()
    assert [(a.id, a.published, a.title, a.source, a.path) for a in got.articles] == [
        ("a", "2023-10-24", None, None, f"{path}:1"),
        ("b", "2022-07-06", "題", "網誌", f"{path}:3"),
        ("7", "2024-11-25", None, None, f"{path}:4")]
    assert got.articles[1].text.endswith("\u2028第二行")


@pytest.mark.parametrize("bad, kind", [
    pytest.param('{"id": "x", "text": ', "json", id="malformed"),
    pytest.param('["x", "text"]', "json", id="not-an-object"),
    pytest.param(row(text=SIMPLIFIED), "missing-field", id="no-id"),
    pytest.param(row(id="", text=SIMPLIFIED), "missing-field", id="empty-id"),
    pytest.param(row(id=["x"], text=SIMPLIFIED), "missing-field", id="id-not-a-string"),
    pytest.param(row(id="x"), "missing-field", id="no-text"),
    pytest.param(row(id="x", text=None), "missing-field", id="null-text"),
    pytest.param(row(id="x", text=" \n "), "empty", id="blank-text"),
    pytest.param(row(id="x", text="\x00\x01\x02"), "binary", id="binary-text"),
    pytest.param(row(id="x", text=SIMPLIFIED, title=3), "bad-field", id="title-not-a-string"),
])
def test_articles_jsonl_bad_row_is_reported_with_its_line(tmp_path, bad, kind):
    path = write(tmp_path / "in.jsonl", "\n".join([row(id="a", text=SIMPLIFIED), bad,
                                                   row(id="c", text=TRADITIONAL)]))
    got = read([path])
    assert [a.id for a in got.articles] == ["a", "c"]
    assert [(p.path, p.line, p.kind) for p in got.problems] == [(str(path), 2, kind)]
    assert str(got.problems[0]).startswith(f"{path}:2: ")


def test_articles_jsonl_bad_date_falls_back_to_the_text(tmp_path):
    path = write(tmp_path / "in.jsonl", row(id="a", text="日期: 2024-11-25\n" + SIMPLIFIED, published="昨天"))
    got = read([path])
    assert [a.published for a in got.articles] == ["2024-11-25"]
    assert [(p.line, p.kind) for p in got.problems] == [(1, "bad-date")]


@pytest.mark.parametrize("data, kind", [
    pytest.param(b"", "no-articles", id="empty"),
    pytest.param(PNG, "binary", id="binary"),
])
def test_articles_jsonl_without_rows_is_reported(tmp_path, data, kind):
    got = read([write(tmp_path / "in.jsonl", data)])
    assert got.articles == ()
    assert kinds(got) == [kind]


# -- size, output, messages -----------------------------------------------------------------------

def test_articles_huge_file_and_long_line(tmp_path):
    line = "香港科技园公司与山东省政府签署合作协议。" * 40
    text = "（香港，2023年10月24日）\n" + (line + "\n") * (50_000_000 // (len(line.encode()) + 1))
    text += line * 100_000  # one line of 6 MB at the end
    path = write(tmp_path / "big.txt", text)
    assert path.stat().st_size > 50_000_000
    (article,) = read([path]).articles
    assert len(article.text) == len(text)
    assert article.published == "2023-10-24"


def test_articles_reading_prints_nothing(tmp_path, capsys):
    read([tmp_path / "missing", write(tmp_path / "a.txt", b"\x00"), write(tmp_path / "b.txt", GOOD)])
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("problem, expected", [
    (Problem("in.jsonl", 3, "not valid JSON", "json"), "in.jsonl:3: not valid JSON"),
    (Problem("a.txt", None, "the file is empty", "empty"), "a.txt: the file is empty"),
], ids=["with-line", "without-line"])
def test_articles_problem_str(problem, expected):
    assert str(problem) == expected


@pytest.mark.parametrize(
    "text, flagged",
    [
        pytest.param("香港科技园公司行政总裁黄克强表示欢迎。", False, id="clean"),
        pytest.param("é¦™æ¸¯ç§‘æŠ€å\u009b­å…¬å\u008f¸行政总裁黄克强表示", True, id="utf8-read-as-latin1"),
        pytest.param("锟斤拷锟斤拷行政总裁黄克强表示", True, id="gbk-round-trip"),
        pytest.param("烫烫烫烫行政总裁黄克强表示", True, id="uninitialised-memory"),
        pytest.param("Café résumé naïve 香港", False, id="latin-accents-are-no-mojibake"),
    ],
)
def test_articles_mojibake_is_flagged_and_read(tmp_path, text, flagged):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    got = read([tmp_path / "a.txt"])
    assert [a.id for a in got.articles] == ["a"]
    assert [p.kind for p in got.problems] == (["mojibake"] if flagged else [])


# -- streaming ------------------------------------------------------------------------------------

def mixed_inputs(tmp_path: Path) -> list[Path]:
    """A folder with a manifest problem, an empty file and a duplicate; JSON Lines with a bad row,
    a duplicate id and mojibake; a missing path."""
    folder = tmp_path / "in"
    write(folder / "a.txt", SIMPLIFIED)
    write(folder / "b.txt", TRADITIONAL)
    write(folder / "c.txt", b"")
    write(folder / "d.txt", SIMPLIFIED.replace("\n", "\r\n"))
    write(folder / "manifest.tsv", "id\tfile\nb\tb.txt\nx\tgone.txt\n")
    rows = write(tmp_path / "rows.jsonl", "\n".join([row(id="j1", text="第一篇" + SIMPLIFIED), "{bad",
                                                       row(id="a", text="第二篇"),
                                                       row(id="j3", text="锟斤拷锟斤拷行政总裁黄克强表示")]))
    return [folder, rows, tmp_path / "missing"]


def test_articles_stream_gives_what_read_gives_in_order(tmp_path):
    paths = mixed_inputs(tmp_path)
    got = list(stream(paths))
    expected = read(paths)
    assert tuple(x for x in got if isinstance(x, Problem)) == expected.problems
    assert tuple(x for x in got if not isinstance(x, Problem)) == expected.articles
    assert [p.kind for p in expected.problems] == ["manifest-missing-file", "empty", "duplicate-content",
                                                    "json", "duplicate-id", "mojibake", "missing"]


@pytest.mark.parametrize("size", [1, 2, 3, 100], ids=["one", "two", "three", "all"])
def test_articles_chunks_keep_the_order_and_the_size(tmp_path, size):
    paths = mixed_inputs(tmp_path)
    got = list(chunks(stream(paths), size))
    expected = read(paths)
    assert tuple(a for c in got for a in c.articles) == expected.articles
    assert tuple(p for c in got for p in c.problems) == expected.problems
    assert all(len(c.articles) == size for c in got[:-1]) and 0 < len(got[-1].articles) <= size
    assert [c.last for c in got] == [False] * (len(got) - 1) + [True]


def test_articles_chunks_of_nothing_is_one_last_empty_chunk(tmp_path):
    (only,) = chunks(stream([tmp_path / "missing"]), 10)
    assert (only.articles, [p.kind for p in only.problems], only.last) == ((), ["missing"], True)


def test_articles_count_counts_files_and_rows_without_reading_them(tmp_path):
    paths = mixed_inputs(tmp_path)
    write(tmp_path / "in" / ".hidden" / "e.txt", SIMPLIFIED)
    assert count(paths) == 4 + 4  # a.txt to d.txt, the four rows
    assert len(read(paths).articles) == 4


@pytest.mark.parametrize("data", [
    pytest.param("\r\n".join([row(id="a", text=SIMPLIFIED), "", row(id="b", text=TRADITIONAL + "\u2028又一行")]),
                 id="crlf-blank-line-u2028"),
    pytest.param("\ufeff" + row(id="a", text=SIMPLIFIED) + "\n" + row(id="b", text=TRADITIONAL) + "\n", id="bom"),
    pytest.param("\n\n" + row(id="a", text=SIMPLIFIED) + "\n{bad\n", id="blank-first-lines-bad-last"),
])
def test_articles_jsonl_read_a_line_at_a_time_as_decoded_whole(tmp_path, monkeypatch, data):
    path = write(tmp_path / "in.jsonl", data)
    by_line = read([path])
    monkeypatch.setattr(jsonl, "plain_utf8", lambda path: False)  # decode the file whole instead
    assert read([path]) == by_line
    assert by_line.articles
