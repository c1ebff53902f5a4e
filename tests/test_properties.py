"""Property-based tests: random and adversarial text through extraction never raises, every
mention offset is valid, and the output is deterministic."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.export import extraction_record
from kg.model import Article, Rel
from kg.pipeline import extract_article

# pieces that exercise the rules: names, titles, suffixes, dates, brackets, quotes, PDF furniture
PIECES = st.sampled_from([
    "香港科技园公司", "(科技园公司)", "行政总裁", "黄克强", "黃克強", "表示", "、", "与", "签署", "《合作协议》",
    "合作备忘录", "2023年10月24日", "十二月六日", "今年", "明年", "山东省", "省长", "有限公司", "集团",
    "\n", " ", "\r\n", "Page 2 of 4", "（", "）", "「", "」", "：", "InnoHK", "@", "记者 ", "大会", "论坛",
    "\ufeff", "\u3000", "\x00", "😀", "𠀀", "é", "。", "！", "——",
])
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=60).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join),
)


def _check(x, text: str) -> None:
    for e in x.entities:
        for m in e.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start:m.end] == m.text
    ids = {e.id for e in x.entities}
    for r in x.relations:
        assert r.source in ids
        assert r.target in ids or (r.target is None and r.type is Rel.HOLDS_POSITION)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([None, "2023-10-24", "2022-07-06"]))
@example("院", None)  # a head at the text's very end: a dictionary window once read past it
@example("研究所", None)
@example("记者", None)  # a byline word at the text's very end: no name after it to read
@example("记者:", None)
def test_properties_extraction_never_raises_and_offsets_are_valid(text, published):
    x = extract_article(Article("prop", text, published))
    _check(x, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_properties_extraction_is_deterministic(text):
    a = extraction_record(extract_article(Article("prop", text, "2023-10-24")))
    b = extraction_record(extract_article(Article("prop", text, "2023-10-24")))
    assert a == b
