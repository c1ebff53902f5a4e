"""Regions of organisations, places and persons: from names, brackets, institutions, aliases,
context and posts held; then the seeds' gold regions."""
from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from conftest import gold, seed_article, seed_ids
from kg.doc import Doc
from kg.extract import organizations, places, regions, settle
from kg.lexicon import default
from kg.model import Article, Findings, Kind, Link, Region, Rel
from kg.resolve import key


@pytest.mark.parametrize(("name", "region"), [
    ("香港城市大学(东莞)", Region.CN),
    ("明辉国际(香港)有限公司", Region.HK),
    ("宏达科技(青岛)有限公司", Region.SD),
    ("潍坊市政府驻香港办事处", Region.SD),
    ("中央人民政府驻澳门特别行政区联络办公室", Region.CN),
    ("德国西门子能源有限公司", Region.INTL),
    ("山东省澳门商会", Region.SD),
    ("中国科学院香港创新研究院", Region.HK),
    ("鲁信集团", Region.SD),
    ("港铁公司", Region.HK),
    ("全国妇联", Region.CN),
    ("澳门大学", Region.MO),
    ("Bio@InnoHK", Region.HK),
    ("远航科技有限公司", None),
    ("山东大学国际事务部", Region.SD),
    ("香港大学中国发展研究中心", Region.HK),
    ("中国科学院青岛能源研究所", Region.SD),
    ("青岛(香港)经贸代表处", Region.SD),
], ids=["bracket-mainland", "bracket-hk", "bracket-shandong", "stationed-office-is-home-side",
        "liaison-office-is-national", "country-prefix", "first-local-place", "national-then-local",
        "lu-prefix", "gang-prefix", "national-prefix", "institution", "latin-hk", "no-cue",
        "department-of-institution", "institution-before-country", "national-institution-then-place",
        "office-with-bracketed-host-is-home-side"])
def test_regions_org_region_from_name(name: str, region: Region | None) -> None:
    assert regions.org_region(name, default()) == region


@pytest.mark.parametrize(("name", "region"), [
    ("香港科学园东莞分园", Region.CN), ("青岛市上合示范区", Region.SD), ("沙田", Region.HK), ("欧洲", Region.INTL),
    ("亚洲商贸博览馆", None),
], ids=["branch-in-mainland", "zone", "hk-district", "world-region", "world-region-in-site-name"])
def test_regions_place_region_from_name(name: str, region: Region | None) -> None:
    assert regions.place_region(name, default()) == region


def refined(text: str) -> Findings:
    doc = Doc.of(Article("t", text))
    found = places.find(doc, default(), Findings())
    orgs = organizations.find(doc, default(), found)
    found = Findings(found.mentions + orgs.mentions, orgs.links)
    return regions.refine(doc, default(), settle(found))


@pytest.mark.parametrize(("text", "name", "region"), [
    ("代表团在淄博参观了远航科技有限公司。", "远航科技有限公司", Region.SD),
    ("论坛在淄博齐盛国际宾馆举行。", "齐盛国际宾馆", Region.SD),
    ("香港生产力促进局(生产力局)表示,生产力局会跟进。", "生产力局", Region.HK),
    ("烟台市代表团访港。市商务局副局长王强致辞。", "市商务局", Region.SD),
    ("澳门特区行政长官出席。", "澳门特区", Region.MO),
    ("省长在济南会见香港中华总商会会长。副省长、省政府秘书长参加。", "省政府", Region.SD),
    ("香港中华总商会会长表示,省政府支持。", "省政府", Region.CN),
    ("澳门特别行政区政府经济财政司司长出席。他表示,特区政府将继续支持。", "特区政府", Region.MO),
    ("香港特区政府投资推广署署长出席。他表示,特区政府将继续支持。", "特区政府", Region.HK),
    ("香港齐鲁青年发展协会(以下简称“齐鲁青协”)主办。齐鲁青协表示。", "齐鲁青协", Region.HK),
    ("沂水县代表团访问香港。县商务局局长表示,香港客商很多。", "县商务局", Region.SD),
    ("市建局表示,项目将于明年动工。", "市建局", Region.HK),
    ("代表团拜会香港中联办经济部。", "香港中联办经济部", Region.CN),
    ("山东大学新闻网\n香港城市大学代表团访问我校。城大副校长与海洋学院、研究生院负责人座谈。", "研究生院", Region.SD),
    ("山东大学新闻网\n香港城市大学代表团访问我校。城大副校长与海洋学院、研究生院负责人座谈。", "海洋学院", Region.SD),
    ("山东大学新闻网\n代表团访问香港城市大学。城大副校长与海洋学院负责人座谈。", "海洋学院", Region.HK),
], ids=["org-from-sentence", "venue-from-place-before", "abbreviation-from-full-name",
        "bare-department-from-article", "special-region-short-name", "province-body-in-shandong-article",
        "province-body-is-never-hong-kong", "sar-government-of-macau-named-before", "sar-government-of-hong-kong",
        "abbreviation-is-where-its-full-name-is", "bare-county-body-is-mainland", "known-hong-kong-city-body",
        "central-office-in-hong-kong", "our-page-unit-is-its-own-body-s", "our-page-school-is-its-own-body-s",
        "school-of-a-page-without-our-is-from-context"])
def test_regions_from_context(text: str, name: str, region: Region) -> None:
    assert {m.region for m in refined(text).mentions if m.norm == name} == {region}


def test_regions_person_from_post_and_links_rebuilt() -> None:
    doc = Doc.of(Article("t", "烟台市商务局局长王明出席。"))
    found = places.find(doc, default(), Findings())
    org = next(m for m in organizations.find(doc, default(), found).mentions if m.norm == "烟台市商务局")
    person = doc.mention(Kind.PERSON, 8, 10, "test")
    out = regions.refine(doc, default(), Findings((org, person), (Link(Rel.HOLDS_POSITION, person, org, "局长"),)))
    link = out.links[0]
    assert (link.source.region, link.target.region) == (Region.SD, Region.SD)
    assert set(out.mentions) == {link.source, link.target}


@cache
def seed_regions(article_id: str) -> dict[str, Region | None]:
    """Each name's most common region over its mentions, as kg.resolve gives an entity's region."""
    doc = Doc.of(seed_article(article_id))
    found = places.find(doc, default(), Findings())
    o = organizations.find(doc, default(), found)
    found = regions.refine(doc, default(), settle(Findings(found.mentions + o.mentions, found.links + o.links)))
    counts: dict[str, Counter] = {}
    for m in found.mentions:
        if m.kind in (Kind.ORGANIZATION, Kind.PLACE):
            counts.setdefault(key(m.norm), Counter())[m.region] += 1
    return {k: max(c, key=lambda r: (r is not None, c[r])) for k, c in counts.items()}


KNOWN_WRONG = {
    ("001_ee7efad3a62e8cf6", "先进合成材料联合实验室"): "no cue in the name; the nearest body before it, "
                                                       "香港中文大学(深圳), is in Shenzhen",
}
GOLD_REGIONS = [pytest.param(aid, e["name"], tuple(e["aliases"]), Region(e["region"]), id=f"{aid[:3]}-{e['name']}",
                             marks=[pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[(aid, e["name"])])]
                             if (aid, e["name"]) in KNOWN_WRONG else [])
                for aid in seed_ids() for kind in ("organizations", "places") for e in gold(aid)[kind]
                if e["region"] and {key(n) for n in (e["name"], *e["aliases"])} & set(seed_regions(aid))]


@pytest.mark.parametrize(("article_id", "name", "aliases", "region"), GOLD_REGIONS)
def test_regions_match_gold(article_id: str, name: str, aliases: tuple[str, ...], region: Region) -> None:
    found = seed_regions(article_id)
    assert region in {found[k] for k in (key(n) for n in (name, *aliases)) if k in found}
