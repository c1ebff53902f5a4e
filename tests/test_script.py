from __future__ import annotations

import pytest

from kg.clean import View
from kg.script import simplify, to_simplified, to_traditional


@pytest.mark.parametrize(
    "trad, simp",
    [
        pytest.param("黃克強", "黄克强", id="person"),
        pytest.param("香港科技園公司", "香港科技园公司", id="organisation"),
        pytest.param("創新科技及工業局", "创新科技及工业局", id="bureau"),
    ],
)
def test_script_to_simplified(trad, simp):
    assert to_simplified(trad) == simp


def test_script_round_trip_keeps_simplified():
    assert to_simplified(to_traditional("香港科技园公司行政总裁黄克强")) == "香港科技园公司行政总裁黄克强"


def test_script_simplify_keeps_offset_map(seed):
    v = simplify(View.of(seed.text))
    assert len(v.text) == len(v.raw_index)
    assert v.raw_index[-1] == len(seed.text) - 1
