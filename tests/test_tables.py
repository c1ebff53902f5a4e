"""Tables: persons in table rows and field lists, and the titles their rows give them."""
from __future__ import annotations

import pytest

from kg.extract import tables
from kg.lexicon import default
from kg.model import Article, Kind, Rel
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
    pytest.param("代表团成员名单\n\n团\u3000长：蔺某华\u3000菏泽市人民政府副市长\n\n成\u3000员：\n\n"
                 "1．闫\u3000宁\u3000\u3000菏泽市发展和改革委员会\u3000\u3000副主任\n"
                 "8．东方立群\u3000山东某某生物医药集团有限公司\u3000\u3000董事长",
                 {("蔺某华", None, "团长"), ("蔺某华", "菏泽市人民政府", "副市长"), ("闫宁", "菏泽市发展和改革委员会", "副主任"),
                  ("东方立群", "山东某某生物医药集团有限公司", "董事长")}, id="numbered-delegation-rows"),
    pytest.param("序号  所在市  企业名称  联系人  职务  联系电话\n"
                 "4\u3000\u3000青岛\u3000\u3000青岛某蓝海洋生物科技有限公司\u3000\u3000綦某杰\u3000\u3000董事长\u3000\u30001376****5530",
                 {("綦某杰", "青岛某蓝海洋生物科技有限公司", "董事长")}, id="name-in-an-inner-column"),
    pytest.param("序号  所在市  企业名称  联系人  职务  联系电话\n1\n济南\n鲁港某某科技(济南)\n有限公司\n冷某菲\n市场总监\n1395****7716",
                 {("冷某菲", "鲁港某某科技(济南)有限公司", "市场总监")}, id="one-cell-a-line"),
    pytest.param("序号  姓名  单位          职务\n1  诸葛某远  临沂市某某局     党组书记、局长\n2  鞠某燕  临沂市发展和改革委员会  二级调研员",
                 {("诸葛某远", "临沂市某某局", "党组书记"), ("诸葛某远", "临沂市某某局", "局长"),
                  ("鞠某燕", "临沂市发展和改革委员会", "二级调研员")}, id="bare-row-number-then-organisation-cell"),
])
def test_tables_rows_give_titles(text: str, expected: set) -> None:
    assert expected <= held(text)


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("论坛议程\n主持人    王刚(青岛市商务局局长)", "王刚", id="label-row"),
    pytest.param("齐鲁港航控股有限公司\n姓名    职务\n李梅    独立非执行董事", "李梅", id="name-row"),
    pytest.param("16\n聊城\n聊城某某轴承有限公司\n第五立某\n技术总监\n1396****3826", "第五立某", id="one-cell-a-line-compound-surname"),
    pytest.param("15\n德州\n德州某某科技有限公司\n过建某\n副总裁\n1356****7150", "过建某", id="one-cell-a-line-wordlike-surname"),
])
def test_tables_rows_give_persons(text: str, name: str) -> None:
    ex = extract_article(Article("t", text), default())
    assert name in {e.name for e in ex.entities}


@pytest.mark.parametrize("text", [
    pytest.param("产品    价格\n服务    免费", id="no-surname-no-title"),
    pytest.param("序号\n所在市\n企业名称\n联系人\n职务\n联系电话", id="stacked-header"),
    pytest.param("合作领域\n高端装备\n总经理办公会", id="stacked-no-name"),
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


def test_tables_byline_in_columns_keeps_each_title_with_its_name() -> None:
    found = held("(通讯员\u3000上官某欣\u3000记者\u3000麦某源)")
    assert ("上官某欣", None, "通讯员") in found and ("麦某源", None, "记者") in found
    assert ("上官某欣", None, "记者") not in found


def test_tables_latin_name_in_a_name_cell() -> None:
    from kg.pipeline import extract_article
    text = ("名单\n序号    姓  名        单    位                              职  务\n"
            "4       Vivian Kwok   香港某某贸易有限公司                    总经理\n"
            "5       Nordic Trade Group   香港某公司                    总经理\n")
    x = extract_article(Article("t", text))
    names = {e.id: e.name for e in x.entities}
    roles = {(names[r.source], r.title, names.get(r.target)) for r in x.relations if r.type is Rel.HOLDS_POSITION}
    assert ("Vivian Kwok", "总经理", "香港某某贸易有限公司") in roles
    assert "Nordic Trade Group" not in {e.name for e in x.entities if e.kind is Kind.PERSON}
