"""kg.lexicon: the copy of jieba's prefix dictionary kg loads its tokenizer from holds exactly what
jieba's own initialize() builds, and a damaged copy is refused (jieba then builds it as usual)."""
from __future__ import annotations

import jieba
import pytest

from kg.lexicon import PREFIX_DICT, Lexicon, load_prefix_dict, save_prefix_dict


@pytest.fixture(scope="module")
def built() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def test_lexicon_prefix_dict_copy_is_jiebas(built, tmp_path):
    path = tmp_path / "copy.dict"
    save_prefix_dict(built, path)
    loaded = jieba.Tokenizer()
    assert load_prefix_dict(loaded, path)
    assert loaded.initialized and loaded.total == built.total
    assert loaded.FREQ == built.FREQ and list(loaded.FREQ) == list(built.FREQ)


def test_lexicon_tokenizer_cuts_as_jieba_does(built):
    text = "山东省人民政府与香港特区政府在济南签署合作协议,香港科技园公司行政总裁黄克强出席"
    tok = Lexicon().tokenizer
    assert tok.FREQ == built.FREQ and tok.total == built.total
    assert tok.lcut(text, HMM=False) == built.lcut(text, HMM=False)


@pytest.mark.parametrize("damage", ["missing", "empty", "truncated", "other-format"])
def test_lexicon_prefix_dict_damaged_copy_is_refused(built, tmp_path, damage):
    path = tmp_path / "copy.dict"
    if damage != "missing":
        save_prefix_dict(built, path)
        data = path.read_bytes()
        path.write_bytes({"empty": b"", "truncated": data[:len(data) // 2],
                          "other-format": data.replace(PREFIX_DICT, b"something else", 1)}[damage])
    assert not load_prefix_dict(jieba.Tokenizer(), path)


def _cut_word(tok: jieba.Tokenizer, text: str, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The slow, obviously right span of the word over text[i]: cut the whole window and walk it."""
    at = lo
    for word in tok.lcut(text[lo:hi], HMM=False):
        if at + len(word) > i:
            return at, at + len(word)
        at += len(word)
    return i, i + 1


@pytest.mark.parametrize("text", [
    "山东省人民政府与香港特区政府在济南签署合作协议,香港科技园公司行政总裁黄克强出席",
    "为了解香港创新科技署的工作,对接厂商会与联络处在济南举行座谈,汇报所学,基石投资者",
    "临沂市发展和改革委\n员会 HK2024 InnoHK创新香港\r\n研发平台 a b 1号-2号 王晓明报道",
], ids=["sentence", "stop-words", "mixed-scripts"])
def test_lexicon_word_end_and_start_are_the_cuts(text):
    lex = Lexicon()
    for lo in range(len(text)):
        for hi in range(lo + 1, min(len(text), lo + 12) + 1):
            for i in range(lo, hi):
                start, end = _cut_word(lex.tokenizer, text, i, lo, hi)
                assert lex.word_end(text, i, lo, hi) == end, (lo, i, hi)
                assert lex.word_start(text, i, lo, hi) == start, (lo, i, hi)
