from __future__ import annotations

import pytest

from kg.doc import Doc
from kg.model import Article, Kind


def test_doc_mention_reports_text_as_written():
    doc = Doc.of(Article("t", "香港科技園公司行政總裁黃克 強表示。"))
    i = doc.text.index("黄克强")
    m = doc.mention(Kind.PERSON, i, i + 3, "test")
    assert (m.text, m.norm) == ("黃克 強", "黄克强")
    assert doc.raw[m.start:m.end] == m.text


@pytest.mark.parametrize(
    "text, probe, sentence",
    [
        pytest.param("第一句。第二句有黄克强。第三句", "黄克强", "第二句有黄克强。", id="middle"),
        pytest.param("标题\n正文里有黄克强", "黄克强", "正文里有黄克强", id="line"),
    ],
)
def test_doc_evidence_is_the_sentence(text, probe, sentence):
    doc = Doc.of(Article("t", text))
    s, e = doc.evidence(doc.text.index(probe))
    assert doc.raw[s:e] == sentence
