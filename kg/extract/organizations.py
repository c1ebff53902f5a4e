"""Organisations: maximal spans ending in an organisation suffix (kg/data/org_suffixes.txt), well-known
institutions (kg/data/institutions.tsv), short forms ending in an industry word (金诚石化; found by
kg.extract.orgnames), Latin names (Health@InnoHK, STP Platform), and abbreviations defined in brackets
after a name.

Left boundary: a name runs left over name characters and is cut after verbs and function words
(org_left_stops), determiners (org_determiners), a person's name before a place, and 与/和/及
between two parties. A name must say more than generic words (园区公司, 研发平台 are no names).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from kg.doc import Doc
from kg.extract.match import Gazetteer, Spans
from kg.extract.orgnames import WORD_WINDOW, generic_brand, short_forms, word_across_end, words_pattern
from kg.extract.places import gazetteer as place_gazetteer
from kg.extract.sources import publishers
from kg.forms import PARTY_PREFIXES
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# characters that may stand inside an organisation name
NAME_CHAR = re.compile(r"""
    [\u4e00-\u9fffA-Za-z0-9@&]   # Chinese, Latin, digits, handles (Health@InnoHK)
""", re.VERBOSE)
# a bracketed place inside or after a name: 香港中文大学(深圳), 大公坊科创(淄博)有限公司
BRACKET = re.compile(r"""
    \( ([\u4e00-\u9fff]{2,8}) \)   # a short Chinese word in brackets
""", re.VERBOSE)
# an abbreviation defined right after a name: 华鲁控股集团有限公司(华鲁集团)
ABBREVIATION = re.compile(r"""
    \( (?:以下简称|以下称|下称|简称)?[「“"]?      # an optional 'called' word and quote: (以下简称“华鲁集团”)
    ([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9@]{1,11})   # 2-12 name characters
    (?: [」”"]? \)                              # an optional closing quote, the closing bracket,
      | [」”"] (?=[,;、或]) )                   # or a closing quote and more in the bracket (「泽源药业」,股份代号…)
""", re.VERBOSE)
# a Latin name: a handle (AIR@InnoHK) or capitalised words ending in an organisation word
LATIN_NAME = re.compile(r"""
    (?=[A-Za-z])                                                     # (a letter first: lets the scan skip ahead)
    (?<![A-Za-z0-9@&])
    (?: [A-Za-z][A-Za-z0-9]*@[A-Z][A-Za-z0-9]*(?![.A-Za-z0-9])       # a handle: Health@InnoHK, no e-mail
      | (?:The\s+)?(?:[A-Z][A-Za-z0-9]*\s+){1,5}                       # capitalised words
        (?:Platform|Accelerator|Fund|Limited|Ltd|Inc|Group|University|Institute|Council
          |Association|Foundation|Bank|Lab|Laboratory|Centre|Center|Company|Corporation|Holdings
          |AB|AG|GmbH|LLC|PLC|plc)(?![A-Za-z0-9])                           # an organisation word or legal form
        (?!\s+[A-Z])                                                     # and the name ends there
    )
""", re.VERBOSE)
# an English name in brackets after a Chinese one: the same body (香港绿色金融协会 (Hong Kong Green Finance Association))
ENGLISH_GLOSS = re.compile(r"""
    (?: [ ]?\( [ ]? | [ ] )  # a bracket, or a space (a masthead: 香港理工大学 The Hong Kong Polytechnic University)
    ([A-Z])                  # and a capital letter, where a Latin name found may start
""", re.VERBOSE)
# a Latin token that may stand alone as a short form (InnoHK)
LATIN_TOKEN = re.compile(r"""
    ^[A-Za-z][A-Za-z0-9]{2,}(?=[^A-Za-z0-9@]|$)   # a leading Latin word of at least three letters
""", re.VERBOSE)
# a numeral and classifier before a generic noun: 三间, 91家, 20间
QUANTITY = re.compile(r"""
    (?=[0-9首零一二两三四五六七八九十多数几])      # (the first character of any: lets the scan skip ahead)
    (?:[0-9]+|(?<![\u4e00-\u9fff])[首零一二两三四五六七八九十多数几]{1,3}   # a number, Chinese only at a start
      | [一二两三四五六七八九十]{1,3}(?=[间所座批名家位个台]))  # or before a classifier no name holds (七间, 第一批, 六十名)
    [家间个所位项批名座台]                        # a classifier
""", re.VERBOSE)
# a number right before a one-character suffix that is also a classifier: 12所 (twelve of them)
COUNTED = re.compile(r"[0-9一二两三四五六七八九十百千几数多]$")
EDITION_START = re.compile(r"第[0-9一二三四五六七八九十百]+[届期次]")  # an edition's number: 第二届
COUNT_BEFORE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百千几数多]+)余?[家间个所]$")  # 100个, 三家, 十余间
WORD_FREQ = 100  # a surname-shaped pair this frequent in jieba's dictionary is a word, not a name (能源)
COUNT_START = re.compile(COUNT_BEFORE.pattern.removesuffix("$"))  # 60余家旅行社: the count inside the span
CLASSIFIER_SUFFIXES = ("所", "院", "家")
# a deictic word right before an organisation word: 本公司, 该集团, 其附属公司 refer back; a name never
# ends in one (but 日本, 资本, 成本 are words: STRADDLE_FREQ decides)
DEICTICS = "本该其此贵我"
# a media brand named before a byline or a sister outlet: X新闻记者, X新闻·Y导报
MEDIA_NAME = re.compile(r"""
    ( (?: (?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}   # a brand after punctuation or a line start,
    | [\u4e00-\u9fff]{2} )                        # else a two-character brand (澎湃, 大众)
    新闻)                                        # and 新闻
    (?=·|记者|客户端)               # then a sister outlet, a reporter or an app
""", re.VERBOSE)
MEDIA_ENDS = ("新闻", "日报", "晚报", "报业", "传媒")  # a media name that a middle dot does not join to the next
ALNUM = re.compile(r"[A-Za-z0-9]")  # a Latin letter or digit: no institution's name runs on into one
# a bare level of government right before an institution's name makes it that level's own body:
# 区教育局, 本市教育局 is a district's or city's bureau, not Hong Kong's 教育局 (but 上市 is a word)
LEVEL_BEFORE = re.compile(r"(?:^|[^\u4e00-\u9fff]|[本该全各我其此和与及])[省市区县]$")
LATIN = re.compile(r"[A-Za-z]")  # a Latin letter
HANDLE_CHAR = re.compile(r"[A-Za-z0-9@]")  # a character of a Latin word or handle
HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character
# the characters of NAME_CHAR besides Chinese ones
LATIN_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@&")
CONJUNCTIONS = ("与", "和", "及", "同", "跟")
APPOSITION = "<suffix>"  # marks an organisation suffix inside a candidate's window
HEAD_FIELDS = ("研究", "研发", "创新")  # between a head modifier and its head: 联合研究中心, 联合创新中心
HEAD_MODIFIERS = ("联合", "建设", "发展", "组织", "服务", "重点")  # stop words that may also modify a head: 联合实验室, 组织部, 服务中心, 重点实验室
# a date inside the run left of a suffix: 经2024年3月12日省政府…; the name starts after it
DATE_CUT = re.compile(r"""
    (?=[0-9今去明本上下])                                  # (the first character of either: lets the scan skip ahead)
    (?: (?:[0-9]{4}\ ?年|今年|去年|明年|本月|上月|下月)      # a year,
        (?:\ ?[0-9]{1,2}\ ?月)? (?:\ ?[0-9]{1,2}\ ?日|上旬|中旬|下旬)?  # a month and day or part of a month
      | [0-9]{1,2}\ ?月 (?:\ ?[0-9]{1,2}\ ?日|上旬|中旬|下旬)?     # or a month and day alone
      | [0-9]{1,2}\ ?日 )                                     # or a day (the window may start after its month)
""", re.VERBOSE)  # (a space each side of a number: PDF text, 2024 年 8 月 26 日与…)
REPORT_TO = re.compile(r"报(?=[省市区县])")  # 'report to' before a bare level's body: 将情况报|市商务局外资科
PARTY_NOUNS = ("警队", "机构", "部门", "团体", "人员", "高校", "企业")  # end a party before 与/和/及
# a city's or province's own government named bare after another of its bodies (淄博市委、市政府), or
# its committee before a post in it (…,市委常委、常务副市长某某)
BARE_GOVERNMENT = re.compile(r"""
    (?=[省市区县])                            # (the first character of both: lets the scan skip ahead)
    (?: (?<=[、和及与])[省市区县](?:政府|委)  # after a list separator: 市政府, 省委, ...
      | [省市区县](?:政府|委)                  # or before one and another such body (落实省委、省政府)
        (?=[、和及与][省市区县](?:政府|委))
      | (?:(?<=[,。;:\n])|^)[省市区县]委      # or a committee at a clause's start
        (?=常委|副?书记|委员) )               # before a post in it: 市委常委
""", re.VERBOSE | re.MULTILINE)
SUB_BODIES = ("青年委员会", "青委会", "妇女委员会", "秘书处")  # an association's own committees (厂商会青年委员会)
VAGUE_PLACES = ("内地",)  # a place too vague to make a name of generic words (内地高水平大学: mainland universities)
WEAK_SUFFIXES = ("平台", "中心", "基金", "政府", "重点实验室")  # need more than generic words and places (山东省重点实验室 is a rank)
KIND_SUFFIXES = ("平台", "中心", "基金")  # name a kind of body after 的 or before 等 (建设的冷链物流中心, 结算中心等)
# a one-character suffix that is the first half of a word, not a head: 处理, 局长, 办法
SUFFIX_CONTINUES = re.compile(r"""
    (?<=[局厅署处办部所院])[长理于在分法公面势限部署门件位有以属得谓需士校院份]   # 局长, 处理, 办法, 部门, 院士, 部份 ...
""", re.VERBOSE)
WORD_TAIL_HEADS = ("工会", "公会")  # heads whose first character often ends a word before them (员工, 施工, 办公)
FUNCTION_AFTER = "在于以有得需"  # after a one-character suffix, a word of its own unless jieba joins them (商务局|在, but 所在)
# a bare level of government and one of its departments (省商务厅, 市发展改革委, 区政府, 县政府), maybe
# with a division of it (省商务厅外资处)
BARE_DEPARTMENT = re.compile(r"""
    [省市区县]                          # a bare province, city, district or county
    [\u4e00-\u9fff]{0,8}?               # the department's field (商务, 发展改革)
    (?:厅|局|委|办|办公室|政府|政协      # a government body, or the consultative conference,
      |工商联|侨联|妇联|科协|文联|青联|台联|残联|总工会)  # or a mass organisation of that level (县工商联)
    (?:[\u4e00-\u9fff]{1,8}?(?:处|科|室))?$  # and maybe one of its divisions (省商务厅外资处)
""", re.VERBOSE)
# a section (科) of a government body named right after it: 商务局 + 外资科, 商务局 + 对外联络科; a
# 科 that starts a word (科长, 科技, 科室) or a field that starts with a function word is none
DIVISION = re.compile(r"""
    (?<=[局厅委办署])                   # right after a government body
    (?![里各等的和与及在是为将已])      # not a function word
    [\u4e00-\u9fff]{2,6}?科             # the section's field and 科
    (?![长技学研普室员级目])             # not 科长, 科技, 科室, 科学, 科研
""", re.VERBOSE)
PREPOSITIONS = ("据悉", "据", "经", "自", "向", "对", "从")  # never start a name before a place: 据山东港口集团
PREPOSITION_FIRSTS = frozenset(w[0] for w in PREPOSITIONS)
PERSON_LINKS = ("和", "与", "及", "任")  # between a person's name and a body: 刘会平和山东省贸促会, 王宏伟任济南…
FIRM_DESKS = ("研究部", "投资银行部", "资本市场部", "资本市场服务部")  # a firm's desks, named with the firm
FIRM_HEADS = ("证券", "公司", "中国", "银行", "资本")  # what a firm's name before a desk ends in (德勤中国)
PARTY_COMMITTEES = ("党委", "党组", "党支部", "党总支")  # a body's party committee, before a title naming it: X党委书记 -> X
MAX_NAME = 30
CLAUSE_EDGES = ",。;:!?\n "  # what a clause starts after
DEFINING_MARKS = (("“", "”"), ("「", "」"), ("\"", "\""), ("(", ")"))  # around a short form where it is defined
MAX_STOP = 4  # the longest stop word that may straddle the left edge of a name's window
# a verb that sets a body up, maybe with its size, right before a described one: 共建, 设立规模10亿元的
PLANNED = re.compile(r"""
    (?:设立|共建|建设|打造|筹建|组建|筹设|建立)   # set up, build together, build
    (?:规模[0-9.]+[亿万]元的|一个|一家|一批)?     # an optional size or count
    $""", re.VERBOSE)
OPENING_QUOTES = "“「『\"《"
PROJECT_HEADS = ("项目", "工程")  # end a project's name glued before a party: …生产基地项目临沂市人民政府
COMPANY_PREMODIFIERS = ("企业", "单位", "国企", "央企", "民企", "港企", "外企")  # 德州企业, 省属国企 before a company's full name
COMPANY_HEADS = ("公司", "集团")
PREMODIFIER = re.compile("|".join(PROJECT_HEADS + COMPANY_PREMODIFIERS))  # where _cut_premodifier may cut
LEGAL_SUFFIXES = ("有限公司", "有限责任公司")  # a registered company's full name
# a branch after a body's name, in a place or a bracketed one: 中国银行(澳门)分行, 招商银行青岛分行
# how frequent in jieba's dictionary a word across the edge of a short institution name must be for
# the name to be read across words (报道 in 王晓明报道, not 明报)
STRADDLE_FREQ = 1000
BRANCH = re.compile(r"""
    ([\u4e00-\u9fff]{0,4}?)             # the branch's place, or nothing after a bracketed place
    (?:分行|支行|分公司|办事处|代表处)   # a word that continues the name
""", re.VERBOSE)


def suffix_matches(text: str, lex: Lexicon, suffixes: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The suffixes in text, left to right; where one ends inside another that runs on past it,
    the longer-reaching one when jieba's dictionary reads a word starting where it starts
    (山东省|委员会: 委员会, not 省委 and 员会; but 中学校长 is one word: 中学)."""
    pos = 0
    while m := suffixes.search(text, pos):
        on = next((k for k in range(m.start() + 1, m.end()) if (o := suffixes.match(text, k)) and o.end() > m.end()), None)
        if on is not None and lex.word_start(text, on, max(0, m.start() - WORD_WINDOW), m.end() + WORD_WINDOW) == on:
            pos = on
            continue
        yield m
        pos = m.end()


def _suffix_continues(text: str, lex: Lexicon, m: re.Match[str]) -> bool:
    """Whether a suffix is the first half of a word with the character after it (局长, 处理): a
    one-character suffix before SUFFIX_CONTINUES unless that is a function word jieba does not join
    to it (商务局|在, but 处在); a longer one only where jieba joins them (学院院长 follows a name)."""
    if m.group().endswith("会") and text.startswith("场", m.end()) and word_across_end(text, lex, m.start(), m.end()):
        return True  # 澳门分会场, 主会场: a venue, not a body (but 商会|场地)
    if m.group().endswith("会") and _cut_across(text, lex, m.start(), m.end()):
        return True  # 校长|会见, 员工|会在, 施工|会: the words run across the suffix (but 香港|商会)
    c = SUFFIX_CONTINUES.match(text, m.end())
    if c is None:
        return False
    if len(m.group()) == 1 and (c.group() not in FUNCTION_AFTER or m.group() == "所"):
        return True  # (所 before a verb is a nominaliser: 国家所需, 山东所能)
    if len(m.group()) > 1 and text.startswith("院长", m.end()):
        return False
    return word_across_end(text, lex, m.start(), m.end())


def _cut_across(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Whether jieba's cut (without its HMM) reads text[s:e]'s last character as the start of a word
    running on (校长|会见), or, for a head that often ends a word (WORD_TAIL_HEADS), its first as the
    end of a word before it (员工|会在, 施工|会); not a word holding all of it (商会会长, 律师公会)."""
    lo, hi = max(0, s - WORD_WINDOW), min(len(text), e + WORD_WINDOW)
    return (lex.word_start(text, e - 1, lo, hi) == e - 1 and lex.word_end(text, e - 1, lo, hi) > e) or (
        text[s:e] in WORD_TAIL_HEADS and lex.word_start(text, s, lo, hi) < s and lex.word_end(text, s, lo, hi) < e)


def _straddles(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Whether a short institution name (two characters) is read across word boundaries: its last
    character starts a frequent word with the next (王晓明|报道 is no 明报), or its first ends one
    with the one before (说明|报告)."""
    freq = lex.tokenizer.FREQ
    return e - s <= 2 and (freq.get(text[e - 1:e + 1], 0) >= STRADDLE_FREQ or s > 0 and freq.get(text[s - 1:s + 1], 0) >= STRADDLE_FREQ)


@cache
def institutions(lex: Lexicon) -> Gazetteer:
    return Gazetteer((row["name"], row) for row in lex.table("institutions"))


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    text = doc.text
    places = Spans((m.nstart, m.nend) for m in of_kind(prior.mentions, Kind.PLACE))
    known = [(_party_start(text, s), _press_end(text, _branch_end(text, lex, _bracketed_place(text, lex, e))), row)
             for s, e, row in institutions(lex).scan(text)
             if not (ALNUM.match(text[e:e + 1]) or ALNUM.match(text[s - 1:s]) or _straddles(text, lex, s, e)
                     or text.endswith("大学", s, e) and text.startswith("生", e) and word_across_end(text, lex, e - 1, e)
                     # 86名香港|大学生, but 香港大学|生物医学学院
                     or LEVEL_BEFORE.search(text, max(s - 2, 0), s)
                     or any(ps <= s and e <= pe and pe - ps > e - s for ps, pe in places.near(s, e)))]  # 中国—上海合作组织…示范区
    protected = Spans([*places, *((s, e) for s, e, _ in known)])
    out = [doc.mention(Kind.ORGANIZATION, s, e, "institution") for s, e, _ in known]
    known_spans = [(s, e) for s, e, _ in known]
    for m in suffix_matches(text, lex, words_pattern(lex, "org_suffixes")):
        if _suffix_continues(text, lex, m):
            continue  # 局长, 处理; but 学院院长 follows a whole name, and 商务局|在, 联络处|在 are no words
        if (m.group() in ("所", "院") or m.group().endswith("学") and text.startswith("生", m.end())) \
                and word_across_end(text, lex, m.start(), m.end()):
            continue  # 汇报|所学: 所 that starts a word with the verb after it (所学, 所知) is no head; nor 中学|生
        if m.group()[0] == "日" and text[m.start() - 1:m.start()].isdigit():
            continue  # 26日|报到: a date's day, not a paper (日报)
        span = _name_span(text, lex, m.start(), m.end(), protected, places)
        ms = m.start()
        inside = span and [a for a, b in known_spans if a < ms < b]
        if span and inside and not _names_before(text, lex, span[0], inside[0]):
            continue  # a suffix inside a known name (港交所), with no name before it
        span = span and _cut_party_committee(text, lex, *span)
        span = span and _cut_desk(text, *span)
        if span and text.endswith(_false_tails(lex), span[0], span[1]):
            continue  # 工总签署: a word that ends in a suffix's character (签署, 格局) ends no name
        if span and _described(text, *span, places):
            continue  # 共建海洋装备联合实验室, 设立规模10亿元的海洋产业基金, 等开放平台
        if span and EDITION_START.match(text, span[0]):
            continue  # 第二届暑期学校: an edition of an event, not a body
        if span and (n := span[1] - span[0]) % 2 == 0 and text[span[0]:span[0] + n // 2] == text[span[0] + n // 2:span[1]]:
            span = (span[0] + n // 2, span[1])  # 某某联谊会某某联谊会: a page header gives the name twice
        if span and COUNT_START.match(text, span[0]):
            continue  # 60余家旅行社: bodies of a kind counted
        if span and (c := COUNT_BEFORE.search(text, max(0, span[0] - 6), span[0])) \
                and (_placed_kind(text, lex, *span, places) or c.group()[0] == "一" and text[c.start() - 1:c.start()] != "第"):
            continue  # 超过100个香港商会: bodies of a kind counted; 建设一所…国际学校: one to be, not named
        if span and (_is_name(text[span[0]:span[1]], lex, places, span[0]) or _coordinated_body(text, *span)
                     or _bare_department(text, lex, *span)):
            out.append(doc.mention(Kind.ORGANIZATION, *span, "suffix"))
    out += [doc.mention(Kind.ORGANIZATION, m.nstart, d.end(), "division") for m in out
            if (d := DIVISION.match(text, m.nend))] if "科" in text else []
    out += _government_departments(doc, out, known_spans)
    out += short_forms(doc, lex)
    out += [doc.mention(Kind.ORGANIZATION, *u.span(), "unit") for u in words_pattern(lex, "org_units").finditer(text)]
    out += [doc.mention(Kind.ORGANIZATION, s, e, "publisher") for s, e in publishers(text, lex)]
    out += [doc.mention(Kind.ORGANIZATION, m.start(), m.end(), "bare-government") for m in BARE_GOVERNMENT.finditer(text)]
    out += [doc.mention(Kind.ORGANIZATION, m.start(), m.end(), "latin") for m in LATIN_NAME.finditer(text)]
    out += [doc.mention(Kind.ORGANIZATION, m.start(1), m.end(1), "media") for m in MEDIA_NAME.finditer(text)
            if not generic_brand(m.group(1)[:-2], lex)] if "新闻" in text else []  # (every media name holds 新闻)
    buildings = {(m.nstart, m.nend) for m in prior.mentions if m.rule == "centre-site"}
    out = _keep_maximal([m for m in out if (m.nstart, m.nend) not in buildings])
    aliases, links = _abbreviations(doc, lex, out)
    spans = {(m.nstart, m.nend) for m in aliases}
    found = [m for m in out if (m.nstart, m.nend) not in spans] + aliases
    return _committees_of_short_forms(doc, found, links)


def _committees_of_short_forms(doc: Doc, found: list[Mention], links: list[Link]) -> Findings:
    """A body's short form right before one of its own committees or its secretariat (厂商会 +
    青年委员会, 联谊会 + 秘书处) names that committee: one name, as the full form does
    (香港中华总商会青年委员会), PART_OF the body the short form stands for."""
    uses = {m.nend: m for m in found if m.rule == "abbreviation-use"}
    whole = {l.source: l.target for l in links if l.type is Rel.ALIAS_OF}
    out, joined, parts = [], set(), []
    for m in found:
        a = uses.get(m.nstart)
        if a is not None and m.rule == "suffix" and m.norm in SUB_BODIES:
            sub = doc.mention(Kind.ORGANIZATION, a.nstart, m.nend, "sub-body")
            out.append(sub)
            joined.add(a)
            if a in whole:
                parts.append(Link(Rel.PART_OF, sub, whole[a], evidence=doc.evidence(sub.nstart)))
        else:
            out.append(m)
    return Findings(tuple(m for m in out if m not in joined),
                    tuple(l for l in links if l.source not in joined) + tuple(parts))


def _government_departments(doc: Doc, orgs: list[Mention], known: list[tuple[int, int]]) -> list[Mention]:
    """A government's name and a known department of it right after (澳门特区政府 + 经济财政司):
    one name, as a suffix joins it (香港特区政府投资推广署)."""
    ends = {m.nend: m.nstart for m in orgs if doc.text.endswith("政府", m.nstart, m.nend)}
    return [doc.mention(Kind.ORGANIZATION, ends[s], e, "government-department") for s, e in known if s in ends]


def _bracketed_place(text: str, lex: Lexicon, e: int, s: int | None = None) -> int:
    """The end of a name followed by a place in brackets (香港中文大学(深圳)), else e; not a short
    form repeating a part of text[s:e] (香港数码港管理有限公司(数码港))."""
    bracket = BRACKET.match(text, e)
    if bracket and s is not None and bracket.group(1) in text[s:e]:
        return e
    return bracket.end() if bracket and bracket.group(1) in place_gazetteer(lex) else e


def _press_end(text: str, e: int) -> int:
    """The end of a paper's office named after the paper (大众日报 + 社), else e."""
    return e + 1 if text.endswith("报", 0, e) and text.startswith("社", e) else e


def _branch_end(text: str, lex: Lexicon, e: int) -> int:
    """The end of a branch named after a body (中国银行(澳门) + 分行, X银行 + 青岛分行), else e."""
    branch = BRANCH.match(text, e)
    if branch and (not branch.group(1) or branch.group(1) in place_gazetteer(lex)):
        return branch.end()
    return e


def _party_start(text: str, s: int) -> int:
    """The start of a committee's name with the party before it (中共 + 山东省委), else s."""
    return next((s - len(p) for p in PARTY_PREFIXES if text.endswith(p, 0, s)), s)


def _names_before(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Whether text[s:e], before a known name, is itself a name or place (…联络办公室 + 教育科技部)."""
    return text[s:e] in place_gazetteer(lex) or text[s:e].endswith(tuple(lex.words("org_suffixes")))


def _name_span(text: str, lex: Lexicon, hs: int, he: int, protected: Spans,
               places: Spans) -> tuple[int, int] | None:
    """The span of the name whose suffix is text[hs:he], or None."""
    e = _bracketed_place(text, lex, he)
    s = hs
    while s > 0 and he - s < MAX_NAME:
        c = text[s - 1]
        if "\u4e00" <= c <= "\u9fff" or c in LATIN_NAME_CHARS:  # NAME_CHAR, without a call per character
            s -= 1
        elif c == " " and s > 1 and LATIN.match(text[s - 2]):  # InnoHK 创新香港研发平台
            s -= 1
        elif c in "—–" and s > 1 and HAN.match(text[s - 2]):
            s -= 1  # 港大—枣庄新能源创新研究院: a joint institute
        elif c == "-" and s > 1 and any(pe == s - 1 for _, pe in protected.near(s - 2, s - 1)):
            s -= 1  # 理大-山大-某某联合研究中心: a hyphen joins known partners (not 消息-青岛港集团)
        elif c == "·" and s > 1 and not text.endswith(tuple(lex.words("org_suffixes")) + MEDIA_ENDS, 0, s - 1):
            s -= 1  # 海伦·迪勒家庭综合癌症中心, but 大众报业·经济导报, X新闻·Y导报 are two
        elif c == ")":
            b = text.rfind("(", max(0, s - 10), s)
            inner = text[b + 1:s - 1]
            if b < 0 or inner not in place_gazetteer(lex) and inner not in lex.words("org_bracket_words"):
                break  # 大公坊科创(淄博)有限公司, 宏盛(国际)贸易有限公司
            s = b
        else:
            break
    s = _cut_left(text, lex, s, hs, he, protected, places)
    s = _past_word_across(text, lex, s, hs)
    if _deictic(text, lex, s, hs) or (text[hs:he] in CLASSIFIER_SUFFIXES and COUNTED.search(text, s, hs)):
        return None  # 符合本公司, 连同其附属公司; 12所
    s = _cut_premodifier(text, lex, s, e, places)
    e = _branch_end(text, lex, _bracketed_place(text, lex, he, s))
    return (s, e) if hs > s or e > he else None


def _past_word_across(text: str, lex: Lexicon, s: int, hs: int) -> int:
    """The end of a dictionary word that runs across a name's start from the stop word before it
    (了|解香港…, 对|接厂商会: 了解, 对接), else s; a name never starts inside a word."""
    if s == 0 or s >= hs or not HAN.match(text[s - 1]):
        return s
    end = lex.word_end(text, s - 1, max(0, s - WORD_WINDOW), hs)
    return end if s < end < hs else s


def _placed_kind(text: str, lex: Lexicon, s: int, e: int, places: Spans) -> bool:
    """Whether text[s:e] is only places, generic words and organisation suffixes (香港商会, 山东企业)."""
    near = places.near(s, e)
    rest = "".join(c for i, c in enumerate(text[s:e], s) if not any(a <= i < b for a, b in near))
    rest = words_pattern(lex, "org_suffixes").sub("", words_pattern(lex, "org_generic").sub("", rest))
    return not rest


def _described(text: str, s: int, e: int, places: Spans) -> bool:
    """Whether a name with no place or Latin word in it describes a body to be set up (共建…联合实验室,
    设立规模10亿元的…基金), one of a kind (…等开放平台, 结算中心等) or a project (…创新中心项目)
    rather than naming one, or is a weak suffix's description after 的 (建设的冷链物流中心); a name in
    quotes is a name."""
    if text[s - 1:s] in OPENING_QUOTES or LATIN.search(text, s, e) or places.starting(s, e):
        return False
    return bool(PLANNED.search(text, max(0, s - 16), s)) or text[s - 1:s] == "等" or text.startswith(PROJECT_HEADS, e) \
        or text.endswith(KIND_SUFFIXES, s, e) and (text[s - 1:s] == "的" or text.startswith("等", e))


def _deictic(text: str, lex: Lexicon, s: int, hs: int) -> bool:
    """Whether a deictic word stands right before the suffix at hs, maybe before generic words
    (本公司, 其附属公司): the phrase refers to a body named elsewhere."""
    p = hs
    while not (p > 0 and text[p - 1] in DEICTICS and lex.tokenizer.FREQ.get(text[p - 2:p], 0) < STRADDLE_FREQ):
        m = _generic_tail(lex).search(text, s, p)
        if m is None:
            return False
        p = m.start()
    return True


@cache
def _generic_tail(lex: Lexicon) -> re.Pattern[str]:
    """A generic word at the end of a window (附属 of 其附属|公司)."""
    return re.compile(f"(?:{words_pattern(lex, 'org_generic').pattern})$")


def _cut_desk(text: str, s: int, e: int) -> tuple[int, int]:
    """The firm before one of its desks (中金公司 of 中金公司投资银行部, 某某证券 of 某某证券研究部): an
    analyst or banker is named by the firm, the desk is part of the title."""
    end = e + 1 if text.startswith("部", e) else e  # 中金公司投资银行 + 部: the desk runs on past a suffix
    desk = next((d for d in FIRM_DESKS if text.endswith(d, s, end)), None)
    cut = end - len(desk) if desk else e
    return (s, cut) if desk and cut - s >= 4 and text.endswith(FIRM_HEADS, s, cut) else (s, e)


def _cut_party_committee(text: str, lex: Lexicon, s: int, e: int) -> tuple[int, int]:
    """The body before 党委/党组 when a title naming that committee follows (山东大学党委书记 ->
    山东大学): the title holds the committee, the body is the organisation."""
    committee = next((c for c in PARTY_COMMITTEES if text.endswith(c, s, e)), None)
    if committee and e - s > len(committee) and any(text.startswith(title[len(committee):], e)
                                                    for title in _committee_titles(lex) if title.startswith(committee)):
        return s, e - len(committee)
    return s, e


@cache
def _committee_titles(lex: Lexicon) -> tuple[str, ...]:
    """The titles naming a party committee (党委书记, 党组成员), longest first."""
    return tuple(sorted((t for t in lex.words("titles") if t.startswith(PARTY_COMMITTEES) and len(t) > 2),
                        key=len, reverse=True))


def _cut_premodifier(text: str, lex: Lexicon, s: int, e: int, places: Spans) -> int:
    """Move the start past a project's name (…产业园项目鲁信投资集团有限公司) or a phrase naming a
    kind of company (德州企业, 龙头企业) when a full name of its own follows: one that starts with a
    place or has at least four characters before its first suffix."""
    cuts = [m.end() for m in PREMODIFIER.finditer(text[s:e])]
    for cut in reversed(cuts):
        rest = text[s + cut:e]
        if text[s + cut - 2:s + cut] in COMPANY_PREMODIFIERS and not rest.endswith(COMPANY_HEADS):
            continue  # 中小企业服务中心: the kind of company is part of the name
        first = words_pattern(lex, "org_suffixes").search(rest)
        core = rest[:first.start()] if first else rest
        starts_with_place = any(pe < e for _, pe in places.starting(s + cut, s + cut + 1))
        if (starts_with_place or len(core) >= 4) and _is_name(rest, lex, places, s + cut):
            return s + cut
    return s


def _cut_left(text: str, lex: Lexicon, s: int, hs: int, he: int, protected: Spans, places: Spans) -> int:
    """Move the start right past the last stop word, determiner, title, quantity or generic phrase
    (三间园区公司泽浩…) before the suffix; at 与/和/及 only between two parties."""
    s0 = max(0, s - MAX_STOP)  # a stop word the window's edge cuts through (旗|下 at MAX_NAME) still stops
    start, stops = s, []  # the end of a stop across the window's start, and the stops inside it
    for pattern in _left_stops(lex):
        for m in pattern.finditer(text, s0, hs):
            a, b = m.span()
            if a >= s:
                stops.append((a, b, m.group()))
            elif b > start:
                start = b
    suffixes = [m.span() for m in words_pattern(lex, "org_suffixes").finditer(text, s, hs)]
    stops += [(sa, sb, APPOSITION) for sa, sb in suffixes]
    if stops:
        past = _past_stops(text, lex, start, hs, he, stops, suffixes, protected, places, s)
        if past is None:
            return hs  # a registered name, then its project
        start = past
    if text[start:start + 1] in lex.words("surnames") \
            and not any(a <= start < b for a, b in protected.near(start, start + 1)):
        # a person's name before a place, alone or with 和/任: 孙双香港特区政府…, 刘会平和山东省贸促会
        for ps, _ in protected.starting(start + 1, hs):
            person = ps - 1 if text[ps - 1] in PERSON_LINKS and ps - start >= 3 else ps
            if 2 <= person - start <= 3:
                return ps
        # or before a bare level's body (某某县投资促进服务中心), a name jieba does not know
        freq = lex.tokenizer.FREQ
        for p in range(start + 2, min(start + 4, hs)):
            if text[p] in "省市区县" and not freq.get(text[start:p]) and not freq.get(text[start:start + 2]):
                return p
    # a preposition before a place: 据山东港口集团, 经济南市政府
    if text[start:start + 1] in PREPOSITION_FIRSTS:
        for word in PREPOSITIONS:
            if text.startswith(word, start) and protected.starting(start + len(word), start + len(word) + 1):
                return start + len(word)
    return start


@cache
def _left_stops(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """What a name's start is moved past (_cut_left): stop words, determiners, titles, quantities, dates,
    报 before a bare level."""
    return (words_pattern(lex, "org_left_stops"), words_pattern(lex, "org_determiners"),
            words_pattern(lex, "titles"), QUANTITY, DATE_CUT, REPORT_TO)


def _past_stops(text: str, lex: Lexicon, start: int, hs: int, he: int, stops: list[tuple[int, int, str]],
                suffixes: list[tuple[int, int]], protected: Spans, places: Spans, s: int) -> int | None:
    """The start after the last stop of _cut_left's window that cuts the name; None where the name
    is a registered name followed by its project (_cut_left then ends it at the suffix's start)."""
    near = [(ps, pe) for ps, pe in protected.near(s, hs) if ps < hs and s < pe]  # the only ones a stop can be in
    legal_head = text.startswith(LEGAL_SUFFIXES, hs)
    for a, b, word in sorted(stops):
        if b <= start or any(ps < b and a < pe and (ps, pe) != (a, b) for ps, pe in near):
            continue  # inside a place or institution: 将 in 将军澳
        if word != APPOSITION and any(sa <= a and b <= sb and (a, b) != (sa, sb) for sa, sb in suffixes):
            continue  # a title inside a suffix: 委员 in 委员会
        if word == APPOSITION and text[a:b].endswith("委") and b - a <= 3 and he - b <= 6:
            continue  # 省委|港澳办, 市委|统战部: a party committee's own department
        if word == APPOSITION and b == hs and legal_head:
            continue  # 投资集团 + 有限公司: one registered name
        if word == APPOSITION and legal_head and places.starting(b, b + 1):
            start = b  # 家族办公室 + 澳门德晋投资有限公司: a company's full name after a body
            continue
        if word == APPOSITION and text.endswith(LEGAL_SUFFIXES, a, b) and b < hs and legal_head:
            start = b  # 某某发展有限公司则与某某管理有限公司: two registered names (but …有限公司某事业部 is one)
            continue
        if word == APPOSITION and text[a:b] in LEGAL_SUFFIXES and text.startswith(PROJECT_HEADS, he):
            return None  # 汇锦发展有限公司 + 跨境冷链物流中心项目: a registered name, then its project
        if word == APPOSITION and not (text[a:b] == "公司" or not (_is_name(text[start:b], lex, places, start)
                                                                  or _bare_department(text, lex, start, b))):
            continue  # a name inside a name (中国科学院香港创新研究院, 省商务厅外资处); but 园区公司泽浩…有限公司 is two
        if (b == hs or text[b:hs] in HEAD_FIELDS) and word in HEAD_MODIFIERS and (a == start or len(
                words_pattern(lex, "org_generic").sub("", text[start:a])) >= 2):
            continue  # 联合实验室, 联合研究中心, 信达建设集团: the word modifies the head after a brand
        if text[a] == "各" and a >= 2 and text[a - 2] == "全":
            continue  # 全港各区, 全国各地: 'all the districts' names a body, not a determiner
        if word == "等" and lex.word_start(text, a, max(0, a - WORD_WINDOW), hs) < a:
            continue  # 海洋高等研究院: 等 ending a word (高等, 同等) is no 'and so on'
        if b - a == 1 and word not in CONJUNCTIONS[:3] and \
                lex.word_end(text, a, a, min(hs, a + WORD_WINDOW)) > (b if word == "同" else b + 1):
            continue  # 同乡联谊会, 同济大学, 自主创新示范区: a stop's one character starting a word
            # (for 同, any word; else one of three characters or more: not 对接, 如今) is none
        if word in CONJUNCTIONS and a > start and b < hs and not _ends_party(text, lex, start, a, protected):
            continue  # 人工智能与机器人创新中心: a conjunction inside one name (but 护理管理和|医院: none right before its head)
        start = b
    return start


def _ends_party(text: str, lex: Lexicon, s: int, e: int, protected: Spans) -> bool:
    """Whether text[s:e] ends with an organisation suffix, a place, a collective noun, a person's
    honorific (甘某女士及…), or is a short brand with an industry word (金诚石化与…): a party of its
    own before 与/和/及."""
    bracket = re.search(r"\([\u4e00-\u9fff]{2,8}\)$", text[s:e])
    e = e - len(bracket.group()) if bracket else e
    if any(pe == e for _, pe in protected.starting(s, e + 1)):
        return True
    left = text[s:e]
    if _ends_with_person(left, lex) or _titled_person(text, lex, s, e) or _ends_division(text, e):
        return True
    if _clause_name(text, lex, s, e) or _defined_before(text, s, e):
        return True
    return bool(left) and (left.endswith(_party_ends(lex)) or bool(
        re.search(r"[A-Z]{2,}$", left)) or (
        len(left) <= 6 and any(left.endswith(w) and len(left) > len(w) for w in lex.words("org_industry_heads"))))


def _clause_name(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Whether text[s:e] before 与 is a person's name alone at a clause's start (,麦某然与…学院教授):
    two or three characters from a surname that jieba's dictionary has as no word."""
    return 2 <= e - s <= 3 and (s == 0 or text[s - 1] in CLAUSE_EDGES) and text[s] in lex.words("surnames") \
        and lex.tokenizer.FREQ.get(text[s:e], 0) == 0 and lex.tokenizer.FREQ.get(text[s:s + 2], 0) == 0


def _defined_before(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] before 与 is a short form the text defined before it in quotes or brackets
    (以下简称“齐鲁某协”): a party of its own."""
    name = text[s:e]
    return len(name) >= 2 and any(text.find(f"{a}{name}{b}", 0, s) >= 0 for a, b in DEFINING_MARKS)


@cache
def _party_ends(lex: Lexicon) -> tuple[str, ...]:
    """What a party before 与/和/及 may end in (_ends_party): a suffix, a collective noun, an honorific."""
    return (*lex.words("org_suffixes"), *PARTY_NOUNS, *lex.words("person_honorifics"))


def _ends_division(text: str, e: int) -> bool:
    """Whether a section of a government body (DIVISION) ends at e: 商务局对外联络科 + 和…."""
    return text[e - 1:e] == "科" and any((d := DIVISION.match(text, e - n)) and d.end() == e for n in range(3, 8))


def _ends_with_person(left: str, lex: Lexicon) -> bool:
    """Whether text before 与 is a name ending in a suffix and then a surname-shaped person's name
    (…工商联黄灏持与…): the person signs, the name before is their body."""
    surnames = lex.words("surnames")
    suffixes = tuple(lex.words("org_suffixes"))
    freq = lex.tokenizer.FREQ
    for n in (2, 3):
        person, body = left[-n:], left[:-n]
        if len(left) > n and body.endswith(suffixes) and (person[0] in surnames or person[:2] in surnames) \
                and freq.get(person, 0) < WORD_FREQ:  # (not a word: 香港城市大学|能源及环境学院)
            return True
    return False


def _titled_person(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Whether text[s:e] before 与 is a surname-shaped name right after a title (…总经理苑某某与X处):
    a person signs with the body after 与."""
    titles = lex.words("titles")
    return 2 <= e - s <= 3 and text[s] in lex.words("surnames") and any(text[s - k:s] in titles for k in (2, 3, 4))


def _bare_department(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """A bare 省/市/区/县 and a department of its government (省商务厅, 市商务局, 区政府): the article's
    own province or city names it; not after a determiner (各市科技局 names no one body)."""
    return bool(BARE_DEPARTMENT.match(text[s:e])) and not text.endswith(tuple(lex.words("org_determiners")), 0, s)


def _coordinated_body(text: str, s: int, e: int) -> bool:
    """A department named bare after another one of the same government: 山东省科技厅及商务厅."""
    return (2 <= e - s <= 5 and text[e - 1] in "厅局委办署" and s >= 2 and text[s - 1] in "、及和与"
            and text[s - 2] in "厅局委办署")


def _is_name(name: str, lex: Lexicon, places: Spans, start: int) -> bool:
    """Whether a candidate says more than generic words and places (园区公司, 科技公司, 国际创科中心);
    a government body may be a place and its suffix alone (山东省科技厅, 淄博市政府)."""
    end = start + len(name)
    inner = tuple([(ps - start, pe - start) for ps, pe in places.starting(start, end + 1)
                   if pe <= end and name[ps - start:pe - start] not in VAGUE_PLACES])
    return _is_name_placed(name, inner, lex)


@lru_cache(maxsize=1 << 16)
def _is_name_placed(name: str, inner: tuple[tuple[int, int], ...], lex: Lexicon) -> bool:
    """_is_name of a name and the spans of the places inside it (offsets into the name): asked of
    the same names again and again, so worked out once for each."""
    if name in lex.words("org_false_heads") or name.endswith(_false_tails(lex)):
        return False
    if name.endswith(_site_suffixes(lex)):
        return False  # 会议展览中心: a venue, found by kg.extract.places
    core = name
    for m in reversed(list(words_pattern(lex, "org_suffixes").finditer(name))):  # drop the suffixes
        if m.end() == len(core):
            core = core[:m.start()]
    has_place = bool(inner)
    covered = {i for a, b in inner for i in range(a, b)}
    bare = "".join([c for i, c in enumerate(core) if i not in covered]) if covered else core
    rest = words_pattern(lex, "org_generic").sub("", bare).strip("与和及")
    if LATIN.search(name) or (name.endswith(LEGAL_SUFFIXES) and len(core) >= 4):
        return True  # a Latin name, or a full legal name (香港数码港管理有限公司)
    if name.endswith(WEAK_SUFFIXES):  # 贸易中心, 社交平台: common words alone before a weak suffix name no one
        return len(rest) >= 2 and (has_place or name[0] in "省市区县" or not all(
            lex.common_words(part) for part in re.split("[和与及、]", rest) if part)) \
            or (has_place and (len(rest) >= 1 or name.endswith("政府")))
    return len(rest) >= 2 or (has_place and (len(rest) >= 1 or not name.endswith(("公司", "集团"))))


@cache
def _false_tails(lex: Lexicon) -> tuple[str, ...]:
    """The false heads of two or more characters that are no suffix: a name ending in one is none."""
    suffixes = lex.words("org_suffixes")
    return tuple(w for w in lex.words("org_false_heads") if len(w) >= 2 and w not in suffixes)


@cache
def _site_suffixes(lex: Lexicon) -> tuple[str, ...]:
    return tuple(lex.words("place_site_suffixes"))


def _keep_maximal(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside a longer one, and exact duplicates (the first of one span, longest
    first, then by start, is kept). One sweep by start finds the spans inside a longer one
    (as match.outermost does), instead of testing each mention against every one kept."""
    inner: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the distinct spans seen so far
    for s, e in sorted({(m.nstart, m.nend) for m in mentions}, key=lambda se: (se[0], -se[1])):
        if reach >= e:
            inner.add((s, e))
        reach = max(reach, e)
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.nend - m.nstart), m.nstart)):
        span = (m.nstart, m.nend)
        if span not in inner:
            inner.add(span)  # a later mention of the same span is a duplicate
            out.append(m)
    return sorted(out, key=lambda m: m.nstart)


def _abbreviations(doc: Doc, lex: Lexicon, orgs: list[Mention]) -> tuple[list[Mention], tuple[Link, ...]]:
    """Short forms defined in brackets (华鲁控股集团有限公司(华鲁集团)) or Latin leads (InnoHK…), and
    their later uses, linked to the full name with ALIAS_OF."""
    text = doc.text
    defined: dict[str, Mention] = {}
    same_name: dict[str, list[Mention]] = {}
    for full in orgs:
        same_name.setdefault(full.norm, []).append(full)
    out, links = [], []
    latin = {m.nstart: m for m in orgs if m.rule == "latin"}
    for full in orgs:
        m = ABBREVIATION.match(text, full.nend)
        if m and m.group(1) not in place_gazetteer(lex) and not m.group(1).isdigit() and m.group(1)[0] not in DEICTICS:
            short = doc.mention(Kind.ORGANIZATION, m.start(1), m.end(1), "abbreviation")
            out.append(short)
            links.append(Link(Rel.ALIAS_OF, short, full))
            defined.setdefault(short.norm, full)
        gloss = ENGLISH_GLOSS.match(text, m.end() if m else full.nend)
        if full.rule != "latin" and gloss and gloss.start(1) in latin:
            links.append(Link(Rel.ALIAS_OF, latin[gloss.start(1)], full))  # 香港贸易发展局(Hong Kong Trade …)
        lead = LATIN_TOKEN.match(full.norm)
        if lead and lead.group() != full.norm:
            defined.setdefault(lead.group(), full)
    taken = [(m.nstart, m.nend) for m in orgs + out if m.norm not in defined]
    taken += [(m.nstart, m.nend) for m in out]
    covered = {i for a, b in taken for i in range(a, b)}  # the positions inside a taken span
    for short, full in defined.items():
        for s, e in _standalone(text, short):
            if s in covered:
                continue
            mention = doc.mention(Kind.ORGANIZATION, s, e, "abbreviation-use")
            out.append(mention)
            links += [Link(Rel.ALIAS_OF, mention, f) for f in same_name[full.norm]]
            covered.update(range(s, e))
    return out, tuple(links)


def _standalone(text: str, word: str) -> Iterator[tuple[int, int]]:
    """The spans of word in text that are not part of a longer Latin word or handle, left to right:
    re.finditer of (?<![A-Za-z0-9@])word(?![A-Za-z0-9@]) without compiling a pattern for each word."""
    i = text.find(word) if word else -1
    while i >= 0:
        e = i + len(word)
        if not (i and HANDLE_CHAR.match(text, i - 1)) and not HANDLE_CHAR.match(text, e):
            yield i, e
            i = text.find(word, e)
        else:
            i = text.find(word, i + 1)
