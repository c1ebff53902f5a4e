"""Tables: persons in table rows and field lists, and the titles their rows give them."""
from __future__ import annotations

import pytest

from kg.extract import tables
from kg.lexicon import default
from kg.model import Article, Rel
from kg.pipeline import extract_article


def held(text: str) -> set[tuple[str, str | None, str]]:
    ex = extract_article(Article("t", text), default())
    name = {e.id: e.name for e in ex.entities}
    return {(name[r.source], name.get(r.target), r.title) for r in ex.relations if r.type is Rel.HOLDS_POSITION}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("齐鲁港航控股有限公司\n董事会\n姓名    职务\n王志强  执行董事、董事会主席\n李梅    独立非执行董事",
                 {("王志强", "齐鲁港航控股有限公司", "执行董事"), ("王志强", "齐鲁港航控股有限公司", "董事会主席"),
                  ("李梅", "齐鲁港航控股有限公司", "独立非执行董事")}, id="board-table"),
    pytest.param("2023年年报\n\n鲁信国际科技有限公司\n管理层\n张海涛    总经理兼财务总监",
                 {("张海涛", "鲁信国际科技有限公司", "总经理"), ("张海涛", "鲁信国际科技有限公司", "财务总监")},
                 id="title-chain-with-jian"),
])
def test_tables_rows_give_titles(text: str, expected: set) -> None:
    assert expected <= held(text)


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("论坛议程\n主持人    王刚(青岛市商务局局长)", "王刚", id="label-row"),
    pytest.param("齐鲁港航控股有限公司\n姓名    职务\n李梅    独立非执行董事", "李梅", id="name-row"),
])
def test_tables_rows_give_persons(text: str, name: str) -> None:
    ex = extract_article(Article("t", text), default())
    assert name in {e.name for e in ex.entities}


@pytest.mark.parametrize("text", [
    pytest.param("产品    价格\n服务    免费", id="no-surname-no-title"),
])
def test_tables_rows_skip_non_names(text: str) -> None:
    ex = extract_article(Article("t", text), default())
    assert not [e for e in ex.entities if e.kind == "person"]


def test_tables_cell_titles_split_at_separators() -> None:
    text = "王志强  执行董事、董事会主席"
    row = tables.rows(text)[0]
    assert [text[a:b] for a, b in tables.cell_titles(text, row)] == ["执行董事", "董事会主席"]


@pytest.mark.xfail(strict=True, reason="a list after a title does not yet share it (李梅 after 执行董事王志强先生(主席))")
def test_tables_list_after_title_shares_it() -> None:
    text = "齐鲁港航控股有限公司\n董事会成员包括:执行董事王志强先生(主席)、李梅女士;独立非执行董事陈海先生"
    assert ("李梅", "齐鲁港航控股有限公司", "执行董事") in held(text)
