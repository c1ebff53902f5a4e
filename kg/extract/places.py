"""Places: gazetteer matches (kg/data/places.tsv), zones after a place (青岛市上合示范区, 淄博科学城)
and named venues and sites (齐盛国际宾馆, 香港科学园深圳分园, 泺源大街).

A short gazetteer name that stands for a longer one in the same article (山东 for 山东省, 香港 for
香港特别行政区) is linked to it with `ALIAS_OF`.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.doc import Doc
from kg.extract.match import Gazetteer
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Region, Rel

# endings that turn a short place name into its full form (山东 -> 山东省)
NEEDS_PLACE = ("科学园", "分园", "创新园")  # site words named only after a place: 香港科学园, not 进驻科学园
# venues whose name includes the place before it (香港会议展览中心, 潍坊鲁台会展中心), as chain hotels'
# do (香港君悦酒店, 烟台金海湾酒店); guesthouses and streets are named without it (淄博 + 齐盛宾馆)
PREFIXED_VENUES = ("创新园", "会展中心", "博览中心", "展览中心", "博览馆", "科学馆", "旅游塔", "交易广场", "货柜码头",
                   "博物馆", "展览馆", "体育馆", "体育场", "体育中心", "大会堂", "大剧院", "酒店", "饭店", "会议中心",
                   "机场")
AIRPORT = "机场"
LATIN_AFTER_HAN = re.compile(r"[\u4e00-\u9fff]+(?=[A-Z])")
# hotels named after a district stand in it, the district a place of its own (湾仔|君悦酒店; but an area
# may be part of a hotel's name: 九龙香格里拉酒店)
HOTELS, NEIGHBOURHOODS = ("酒店", "饭店", "宾馆"), ("district",)
DISTRICT_TYPES = ("district", "county")  # parts of a city named after it: 烟台市芝罘区
WIDE_REGIONS = ("CN", "INTL")  # world and macro regions (亚洲, 华北), not Hong Kong or Macau
NAMED_AFTER_SUBJECT = ("博物馆", "纪念馆")  # venues named after what or whom they show, common words or not (孔子博物馆)
CAMPUS_WORDS = ("校区",)  # site words that follow an institution's name
MAX_CAMPUS_NAME = 4  # the longest name of a campus between its institution and 校区 (长清湖, 中心)
TITLE_LEADS = ("首席", "总代表", "代表")  # words that start a title after an office's area (华北首席代表)
# a landform or site word right after a bare county's name: the name is of another place (微山湖)
LANDFORM = re.compile(r"[湖河岛湾]")
SITE_PRODUCTS = ("菜", "宴", "酒", "家酒", "啤酒", "牌")  # after a landmark, a product named after it: 孔府菜, 崂山啤酒
FULL_FORM_PREFIXES = ("中国",)  # a country before a name of part of it: 中国内地 for 内地
FULL_FORM_ENDINGS = ("省", "市", "特别行政区", "特区", "区", "县")
SHORT_ENDINGS = {"特区": "特别行政区"}  # a shortened ending and its full form: 澳门特区 for 澳门特别行政区
# a road of an address, after its city or district: 松岭路 238号, 港湾道1号, 广东道 电话:…
ROAD = re.compile(r"""
    [\u4e00-\u9fff]{1,4}?                 # the road's name
    [东西南北中一二三四五六七八九]?       # maybe its section (解放东路, 黄海一路)
    (?:公路|大街|大道|路|道|街)           # a road word
    (?=[ \t]*(?:[0-9]+号|电话|邮编|传真|$))   # then a house number, the next field or the line's end
    """, re.VERBOSE | re.MULTILINE)
# a town or township after its county: two or three characters and 镇/乡/街道, not a title (镇长) or 镇化
TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)(?![长化委区政])")
COUNTY_ENDS = ("县", "区", "市")  # what the place before a town ends in
# a town named alone: two characters and 镇, after a function word or punctuation (来自兴福镇的)
TOWN_ALONE = re.compile(r"(?<=[的在自到、,。与和及:\n])(?![的在是和与及为了])[\u4e00-\u9fff]{2}镇(?![长化委区政])")
PARKS = ("产业园", "产业园区", "片区")  # parks and sections named right after their zone (临清经济开发区 + 轴承产业园)
PARK = re.compile("|".join(sorted(PARKS, key=len, reverse=True)))
MAX_PARK_NAME = 6  # characters of a park's own name before its park word
SCENIC_AREA = "景区"  # after a known sight's name, the area around it: the place is the sight (蓬莱阁景区 -> 蓬莱阁)
ROAD_WORD_FREQ = 100  # a 'road' this frequent in jieba's dictionary is a word (报道)
# characters a zone's or venue's own name may hold: Chinese, no function words or stops
NAME_RUN = re.compile(r"""
    [\u4e00-\u9fff]+   # a run of Chinese characters
""", re.VERBOSE)
# what follows a world or macro region that heads a longer name: 亚洲国际金融中心, 华北国际物流论坛
NAMED_AFTER = re.compile(r"""
    国际   # 'international': the region word is part of a title or slogan
""", re.VERBOSE)
# a centre that is a building: after 位于 or a list separator and a place with 的 (位于将军澳工业园的先进
# 制造业中心, 、九龙塘的创新中心), or where something is held (在澳门旅游塔会展娱乐中心举行)
CENTRE_AFTER_PLACE = re.compile(r"""
    的 ([\u4e00-\u9fff]{2,10}?中心)   # 的 and a name ending in 中心
    (?![\u4e00-\u9fff])              # the name ends there
""", re.VERBOSE)
CENTRE_HOSTING = re.compile(r"""
    在 ([\u4e00-\u9fff]{4,14}?中心)              # 在 and a name ending in 中心
    (?:隆重|盛大)? (?:举行|举办|召开|开幕|揭幕)   # where an event is held
""", re.VERBOSE)
CENTRE_LEADS = ("位于", "、")  # what stands before the place of a centre that is a building
# characters that never stand inside a venue's name
NOT_IN_NAME = re.compile(r"""
    [在于到的和与及至赴由从往为是了并将即等对向来访抵返]   # prepositions, conjunctions, particles, coming and going
""", re.VERBOSE)


FREE = "自由"  # 自由贸易试验区: the 由 of 自由 is no preposition (but 临沂来到高新区, 青岛对于开发区 stop)
SECTION = "片区"  # a section of a zone (自由贸易试验区烟台片区)
FREE_TRADE_ZONE = re.compile(r"自由贸易试验区|自贸试验区|自贸区")  # the zones whose parts are sections
# a short place in (half-width) brackets: (山东) inside a zone's name, (青岛) after an event word
BRACKETED_PLACE = re.compile(r"\((?P<place>[\u4e00-\u9fff]{2,4})\)")
# a short quoted phrase: a slogan, a brand or a title (「读懂中国」, “中国算谷”)
SLOGAN = re.compile(r"「[^「」\n]{2,16}」|“[^“”\n]{2,16}”|『[^『』\n]{2,16}』")
MAX_SLOGAN = 16


@cache
def gazetteer(lex: Lexicon) -> Gazetteer:
    return Gazetteer((row["name"], row) for row in lex.table("places"))


@cache
def _institution_names(lex: Lexicon) -> tuple[str, ...]:
    """Well-known institutions' names, longest first, that may own a campus."""
    return tuple(sorted((row["name"] for row in lex.table("institutions")), key=len, reverse=True))


@cache
def _suffixes(lex: Lexicon, name: str) -> re.Pattern[str]:
    words = sorted(lex.words(name), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


REGIONS = {r.value: r for r in Region}


def region_of_row(row: dict[str, str]) -> Region | None:
    value = row.get("region")
    return (REGIONS.get(value) or Region(value)) if value else None


@cache
def _title_words(lex: Lexicon) -> tuple[str, ...]:
    """Titles of two or more characters, and the words that start a title after an office's area."""
    return tuple(t for t in lex.words("titles") if len(t) >= 2) + TITLE_LEADS


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    text = doc.text
    titles = _title_words(lex)
    scanned = list(gazetteer(lex).scan(text))
    hits = [(s, e, row) for s, e, row in scanned
            if not (row.get("type") == "region" and (
                row.get("region") in WIDE_REGIONS and (NAMED_AFTER.match(text, e) or text.startswith(titles, e))))
            # 华北首席代表: a macro region's office area is part of a title; 澳门特区行政长官 is a place
            and not (row.get("type") == "site" and text.startswith(SITE_PRODUCTS, e))  # 孔府菜: a product
            and not _before_landform(text, e, row)  # 微山湖, 长清湖校区: another place
            and not (row.get("type") == "country" and _in_slogan(text, s, e))]  # 「读懂中国」, “中国算谷”
    hits = [(s, e + 2 if row.get("type") == "region" and text.startswith("地区", e) else e, row) for s, e, row in hits]
    # (a macro region before 地区 is named with it: 中东地区, 环渤海地区)
    # a county's name and a landform word is the landform, a place of its own (微山湖 by 微山县)
    landforms = [doc.mention(Kind.PLACE, s, e + 1, "landform", region=region_of_row(row))
                 for s, e, row in scanned if _before_landform(text, e, row)]
    zones = _zones(doc, lex, hits)
    zoned = {z.nstart for z in zones}
    place = Kind.PLACE  # (read once: see model.of_kind)
    out: list[Mention] = [doc.mention(place, s, e, "gazetteer", region=region_of_row(row))
                          for s, e, row in _join_districts(hits, zoned)]
    out += zones + landforms + _sections(doc, hits)
    out += _sites(doc, lex, hits)
    out += _centres(doc, out)
    out += _roads(doc, lex, out)
    out += _towns(doc, lex, out)
    return Findings(tuple(out), _alias_links(out))


def _towns(doc: Doc, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """A town or township right after its county, district or city, a place of its own
    (兰陵县 + 向城镇, 博兴县 + 兴福镇), where the place before it is; or alone after a function
    word or punctuation (来自兴福镇的, 在向城镇建成) when its name is no dictionary word (城镇, 小镇)."""
    text = doc.text
    out = [doc.mention(Kind.PLACE, t.start(), t.end(), "town", region=p.region)
           for p in places if p.norm.endswith(COUNTY_ENDS) and (t := TOWN.match(text, p.nend))]
    taken = {m.nstart for m in out} | {p.nstart for p in places}
    freq = lex.tokenizer.FREQ
    out += [doc.mention(Kind.PLACE, t.start(), t.end(), "town") for t in TOWN_ALONE.finditer(text)
            if t.start() not in taken and not freq.get(text[t.start():t.end() - 1]) and not freq.get(t.group())]
    return out


def _roads(doc: Doc, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """A road in an address: right after a place and before a house number or the next field of
    the address (青岛市崂山区 + 苗岭路 + 9号, 尖沙咀 + 广东道 + 电话); not a common word (澳门 + 报道)."""
    text = doc.text
    ends = {p.nstart: p.nend for p in places}
    regions = {p.nend: p.region for p in places if p.region}  # a road is where the place before it is
    out = []
    for e in sorted(set(ends.values())):
        r = ROAD.match(text, e)
        if r is None or lex.tokenizer.FREQ.get(r.group(), 0) >= ROAD_WORD_FREQ:
            continue
        if e in ends and ends[e] < r.end() and ROAD.match(text, ends[e]):
            continue  # 香港 + 湾仔港湾道: the road starts after the next place (湾仔 + 港湾道), not 广东 + 道
        out.append(doc.mention(Kind.PLACE, r.start(), r.end(), "road", region=regions.get(e)))
    return out


def _in_slogan(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] stands inside a short quoted phrase that says more than it (「读懂中国」,
    “中国食品工业强县”): a slogan or a title, where a country names no place of the article."""
    for m in SLOGAN.finditer(text, max(0, s - MAX_SLOGAN - 1), min(len(text), e + MAX_SLOGAN + 1)):
        if m.start() < s and e < m.end() and m.end() - m.start() - 2 > e - s:
            return True
    return False


def _before_landform(text: str, e: int, row: dict) -> bool:
    """Whether a bare county's name ends at e right before a landform word (微山 + 湖)."""
    return _bare_county(row) and LANDFORM.match(text, e) is not None


def _bare_county(row: dict) -> bool:
    """A district or county written without its 区, 县 or 市 (微山 of 微山县)."""
    return row.get("type") in DISTRICT_TYPES and not row["name"].endswith(("区", "县", "市"))


def _join_districts(hits: list, zoned: set[int]) -> list:
    """A city written right before its district or county is one place: 烟台市芝罘区, 青岛市崂山区;
    not when a zone follows the district (淄博市, 临淄区齐鲁化学工业园区)."""
    out: list = []
    for s, e, row in hits:
        if out and out[-1][1] == s and out[-1][2].get("type") == "city" and out[-1][2]["name"].endswith("市") \
                and row.get("type") in DISTRICT_TYPES and s not in zoned:
            out[-1] = (out[-1][0], e, row)
        else:
            out.append((s, e, row))
    return out


def _zones(doc: Doc, lex: Lexicon, hits: list) -> list[Mention]:
    """A place followed by up to four characters and a zone word: 青岛市上合示范区, 淄博科学城."""
    zone = _suffixes(lex, "place_zone_suffixes")
    out = []
    for s, e, row in hits:
        k = e  # where the zone's own words start: after a province in brackets (中国(山东)自由贸易试验区),
        if (b := BRACKETED_PLACE.match(doc.text, e)) and (inner := gazetteer(lex).get(b.group("place"))):
            k, row = b.end(), inner  # which is where the zone is
        run = NAME_RUN.match(doc.text, k)
        if not run:
            continue
        for m in zone.finditer(doc.text, k, min(run.end(), k + 10)):
            between = doc.text[k:m.start()]
            short_word = len(m.group()) == 1  # 港 (潍坊港): right after the place, then no name goes on
            if short_word and (len(between) > 2 or re.match(r"[\u4e00-\u9fff]", doc.text[m.end():m.end() + 1])
                               and not NOT_IN_NAME.match(doc.text, m.end())):
                continue
            if len(between) <= 4 and not NOT_IN_NAME.search(between.replace(FREE, "")):
                out.append(doc.mention(Kind.PLACE, s, _park_end(doc.text, lex, m.end()), "zone", region=region_of_row(row)))
                break
    return out


def _sections(doc: Doc, hits: list) -> list[Mention]:
    """A city's section of a free trade zone the article names (自由贸易试验区…济南片区、青岛片区): the
    city's name and 片区, a place of its own. (Elsewhere 片区 is any district of a plan: 老城片区.)"""
    if not FREE_TRADE_ZONE.search(doc.text):
        return []
    return [doc.mention(Kind.PLACE, s, e + len(SECTION), "zone-section", region=region_of_row(row))
            for s, e, row in hits if row.get("type") == "city" and doc.text.startswith(SECTION, e)]


def _park_end(text: str, lex: Lexicon, e: int) -> int:
    """The end of a zone, or of the park or section inside it named right after it (临清经济开发区 +
    轴承产业园, 自由贸易试验区 + 烟台片区), whose own name holds no verb or stop word (开发区规划建设产业园,
    高新区全力打造产业园区)."""
    run = NAME_RUN.match(text, e)
    if run:
        for p in PARK.finditer(text, e, min(run.end(), e + MAX_PARK_NAME + 4)):
            if 2 <= p.start() - e <= MAX_PARK_NAME and not NOT_IN_NAME.search(text, e, p.start()) \
                    and not _suffixes(lex, "org_left_stops").search(text, e, p.start()) \
                    and not _suffixes(lex, "place_park_verbs").search(text, e, p.start()):
                return p.end()
    return e


SITE_WORD_WINDOW = 4  # characters before a site name's fourth character read for a word across it
MAX_SITE_NAME = 6  # the longest a site's own name grows to so as not to start inside a word (蓝海|国际大饭店)


def _sites(doc: Doc, lex: Lexicon, hits: list) -> list[Mention]:
    """A two-to-four character name and a venue word: 齐盛国际宾馆, 大众传媒大厦, 香港科学园."""
    site = _suffixes(lex, "place_site_suffixes")
    ends = {e: (s, row) for s, e, row in hits}
    starts = {s: (e, row) for s, e, row in hits}
    out = []
    for m in site.finditer(doc.text):
        hs = m.start()
        if m.end() in ends and ends[m.end()][0] < hs:
            continue  # a venue the gazetteer names whole (抵达|香港国际机场)
        if hs in ends:  # a place right before: the place is part of the name (香港科学园)
            s, _ = ends[hs]
            if s in ends and m.group().endswith(AIRPORT) and ends[s][1].get("type") == "city":
                s, _ = ends[s]  # an airport named after its city and a place near it: 青岛胶东机场, 烟台蓬莱国际机场
                # (not its province: 山东|济南机场)
        else:
            s = hs
            while s > hs - 4 and s > 0 and re.match(r"[\u4e00-\u9fffA-Z]", doc.text[s - 1]) \
                    and not NOT_IN_NAME.match(doc.text[s - 1]) and s not in ends:
                s -= 1
            if (latin := LATIN_AFTER_HAN.search(doc.text, s, hs)):
                s = latin.end()  # a Latin name starts a venue's name (JW万豪酒店), not Chinese before it (入住|W酒店)
            if s == hs - 4 and s not in ends and re.match(r"[\u4e00-\u9fff]", doc.text[s - 1:s]):
                ws = lex.word_start(doc.text, s, max(0, s - SITE_WORD_WINDOW), hs)
                s = ws if ws >= hs - MAX_SITE_NAME and (ws in ends or not NOT_IN_NAME.search(doc.text, ws, s)) else s
        if hs not in ends:
            stop = sorted([*_suffixes(lex, "org_left_stops").finditer(doc.text, s, hs),
                           *_suffixes(lex, "org_determiners").finditer(doc.text, s, hs)], key=lambda x: x.end())  # 各大景区
            s = stop[-1].end() if stop else s
            if hs - s < 2 or (m.group() in NEEDS_PLACE and s not in ends) or re.search(r"[年月日]", doc.text[s:hs]):
                continue
            if s not in ends and not m.group().endswith(NAMED_AFTER_SUBJECT) and lex.common_words(doc.text[s:hs]) \
                    and not any(gazetteer(lex).scan(doc.text[s:hs])):
                continue  # 精品度假酒店, 配套码头: common words alone before a venue word name no one venue
                # (but 亚洲国际博览馆 holds a place; a museum is named after what it shows: 孔子博物馆)
            if s in ends and not stop and m.group().endswith(PREFIXED_VENUES) \
                    and not (m.group().endswith(HOTELS) and ends[s][1].get("type") in NEIGHBOURHOODS):
                s, _ = ends[s]  # a place before the venue's own name: 潍坊鲁台会展中心, 济南遥墙机场
        if m.group() in CAMPUS_WORDS:  # a university's campus: 山东大学青岛校区, 山东师范大学长清湖校区
            s = next((k - len(n) for k in range(hs, max(0, hs - MAX_CAMPUS_NAME) - 1, -1)
                      for n in _institution_names(lex) if doc.text.endswith(n, 0, k)), s)
        e = m.end()
        if e in starts:  # a branch in another place: 香港科学园深圳分园
            pe, _ = starts[e]
            branch = re.match(r"[\u4e00-\u9fff]{0,2}?分园", doc.text[pe:pe + 4])
            if branch:
                e = pe + branch.end()
        if m.group() == SCENIC_AREA and hs in ends and ends[hs][0] == s:
            continue  # 蓬莱阁景区: a scenic area is named by its sight, a gazetteer place already
        out.append(doc.mention(Kind.PLACE, s, e, "site"))  # its region: kg.extract.regions
    return out


def _centres(doc: Doc, places: list[Mention]) -> list[Mention]:
    """A centre that is a building: 位于将军澳工业园的先进制造业中心, 在X会展娱乐中心举行."""
    text = doc.text
    out = []
    for p in places:
        lead = text.endswith(CENTRE_LEADS, 0, p.nstart)
        m = CENTRE_AFTER_PLACE.match(text, p.nend)
        if lead and m:
            out.append(doc.mention(Kind.PLACE, m.start(1), m.end(1), "centre-site", region=p.region))
    ends = {p.nend for p in places}
    for m in CENTRE_HOSTING.finditer(text):
        if not NOT_IN_NAME.search(m.group(1)) and m.end(1) not in ends:  # not a venue found already
            out.append(doc.mention(Kind.PLACE, m.start(1), m.end(1), "centre-site"))
    return out


def _alias_links(mentions: list[Mention]) -> tuple[Link, ...]:
    """Link 山东 to 山东省, 香港 to 香港特别行政区, 澳门特区 to 澳门特别行政区, 内地 to 中国内地 when the
    article uses both."""
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.norm, m)
    links, alias_of = [], Rel.ALIAS_OF
    for m in mentions:
        if m.rule != "gazetteer":
            continue  # only a gazetteer name is linked (to a gazetteer name)
        for full_form in _full_forms(m.norm):
            full = first.get(full_form)
            if full is not None and full.rule == "gazetteer":
                links.append(Link(alias_of, m, full))
                break
    return tuple(links)


@lru_cache(maxsize=1 << 14)
def _full_forms(norm: str) -> tuple[str, ...]:
    """The full forms a place name may be the short form of (山东省, 中国内地, 澳门特别行政区), in the
    order they are tried; made once per name."""
    forms = [norm + ending for ending in FULL_FORM_ENDINGS] + [p + norm for p in FULL_FORM_PREFIXES]
    forms += [norm[:-len(short)] + full for short, full in SHORT_ENDINGS.items() if norm.endswith(short)]
    return tuple(forms)
