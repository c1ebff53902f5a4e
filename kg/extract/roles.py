"""Roles: `holds_position` links from a person to the organisation or place whose post they hold,
with the title written without the organisation (科技园公司行政总裁黄克强 -> 行政总裁).

Before a name, a chain of segments `[organisation] title`, joined by 、 暨 兼 及 和, belongs to the
name: 山东省科学技术厅党组成员、山东省创新发展研究院党组书记、院长刘峰 gives three roles, the last
taking the organisation of the one before it. A segment whose chain reaches back to another person
(科技园公司行政总裁黄克强、业务发展总监黄家裕) shares that person's organisation when it names none.
A government post under a party committee (淄博市委常委、副市长) is held in the committee's place
(淄博市). After a name, a title in brackets or after a comma is the name's too (黄克强(行政总裁),
李凯声, 浪潮集团有限公司副总经理).

A title with no organisation or place named (行政长官李家超, 编辑 王任辉) gives a link with no
target: the post is known, the body is not (the record writes `"target": null`).

The segments themselves are read in kg/extract/chains.py; this module adds the annual-report rules
(names under a title heading, biographies, table rows) and a body given earlier in the paragraph.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kg.doc import Doc
from kg.extract import tables
from kg.extract.chains import CLAUSE_END, COMMITTEE, GOV_POST, OWN_SIDE, Chains, Segment
from kg.extract.places import gazetteer as place_gazetteer
from kg.extract.titles import english_title, is_han, title_before, title_cell, words
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# a line holding nothing but a short word: a title heading a list of names (执行董事\n王某先生\n...)
HEADING = re.compile(r"""
    (?m)^[ \t]*                 # the start of a line
    (?P<title>[\u4e00-\u9fff]{2,12})  # the heading's word
    [ \t]*\n                    # and nothing else on the line
    """, re.VERBOSE)
# a row's label that is a title, before its name cell (团长:蔺某某  菏泽市人民政府副市长)
LABEL = re.compile(r"""
    [ \t]* (?P<title>[\u4e00-\u9fff]{2,6}) : [ \t]*$   # a title and a colon, then the name cell
    """, re.VERBOSE)
# the end of a block of lines: a blank line or the end of the text
BLOCK_END = re.compile(r"\n[ \t]*\n|\Z")
# a blank line right after a heading: the heading stands over paragraphs, not a list of lines
BLANK = re.compile(r"[ \t]*\n")
# a verb of a biography giving a post (为本公司副主席, 现为某学院兼任教授, 曾任某局总监)
# a pronoun (他, 她, 这位企业家) and a verb giving the posts a person holds (现任, 如今的身份是)
PRONOUN_POSTS = re.compile(r"""
    (?:(?<=[,。])|^)                                   # at a clause's start
    (?:他|她|其|这位[\u4e00-\u9fff、]{0,24}?[,]?)     # he, she, this (entrepreneur, born in …)
    (?:目前|现在|如今|现时|同时|还|也)?                 # now, also
    (?:的身份是|的职务是|现任|现为|担任|出任|兼任|身兼)   # holds
    """, re.VERBOSE | re.MULTILINE)
POSTS_REACH = 200  # characters from the person named last to the pronoun that refers to them
# a form's field of a company's name (1、公司名称:), and what may open a field's line before its label
NAME_FIELD = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[、.][ \t]*)?(?:公司|企业|机构)?名称:")
FIELD_LINE = re.compile(r"[ \t]*(?:\d{1,2}[、.][ \t]*)?$")
FIELD_REACH = 600  # characters above a field where its company's name field may stand
COPULA = re.compile(r"(?:目前|现在|如今|现)?(?:是|现任|现为|担任|身兼)")  # after a name: 某某是…议员
ALSO = re.compile(r"(?:也|还|亦|同时)(?:是|担任|兼任)|并(?:担任|兼任)|兼任")  # a clause adding posts: ,也是…
BIO_VERB = re.compile(r"""
    (?<=[,\u5148\u58eb])           # after a comma or an honorific's last character (先生, 女士)
    (?:并|亦)?                       # an optional also
    (?:现为|现任|曾任|担任|出任|为|任)  # is, was, holds
    """, re.VERBOSE)
# a provincial governor's post, held in the article's province when no place is written with it
# a governor's or mayor's post, and the type of place it is held in (province_of)
LEVEL_POST = re.compile(r"^(?:常务)?副?(?P<level>[省市区县])长$")
LEVEL_TYPES = {"省": "province", "市": "city", "区": "district", "县": "county"}
# the rule of a place read out of a party committee's name (青岛市 of 青岛市委) because a government
# post is held there; settle keeps it inside the name. It is made even where the article names the
# place elsewhere, since that mention may yet fall inside an event's or another name (文化济宁推介会)
COMMITTEE_PLACE = "committee-place"
# a party committee named by its level alone: 市委, 省委
BARE_COMMITTEE = re.compile(r"[省市区县]委")
# a body's head word standing alone before a title, for the body named earlier in the article
# (……香港山东社团总会……。总会主席衣某: the 总会 is that one)
BARE_HEADS = frozenset({"集团", "总会", "商会", "协会", "学会", "联会", "大学", "学院", "医院", "银行"})
# posts only an association has, and what an association's name ends in (association_of)
ASSOCIATION_TITLES = ("会长", "理事长", "会董", "监事长", "司库", "秘书长", "理事")
ASSOCIATION_HEADS = ("商会", "协会", "总会", "联合会", "联会", "学会", "同乡会", "促进会", "商协会", "联谊会")
COMPANY_ENDS = ("有限公司", "公司", "集团", "控股")  # what a company's name ends in (board_of)
SCHOOL_ENDS = ("大学", "学院", "学校", "中学")  # what a school's name ends in
# 'the said company, school, association' before a title, and what the body it points back to ends in
DEICTIC_BODIES = {"该公司": COMPANY_ENDS, "该集团": COMPANY_ENDS, "该行": ("银行",), "该校": SCHOOL_ENDS,
                  "该会": ASSOCIATION_HEADS}
# 'our school, hospital or institute, association' (chains.OWN_SIDE: 我校, 本院, 我会 …) on an
# institution's own page, by its last character, and what the body it stands for ends in
OWN_BODIES = {"校": SCHOOL_ENDS, "院": ("医院", "学院", "研究院"), "会": ASSOCIATION_HEADS}
# a body named as a visitor (某大学代表团来访, 某商会访问…), which 'our' is not
VISITING = re.compile(r"代表团|访问团|考察团|一行|访问|来访|到访|拜访")
# a reporter's titles, and a dateline after an outlet's name: a place maybe, the day, 电 or 讯
REPORTER_TITLES = frozenset({"记者", "首席记者", "特约记者", "见习记者", "实习记者", "本报记者"})
DATELINE = re.compile(r"[\u4e00-\u9fff]{0,6}?[0-9]{1,2}月[0-9]{1,2}日(?:电|讯)")
PAPER_ENDS = ("报", "报社")  # what a paper's name ends in (大众日报, 齐鲁晚报)
# the issuer of a report, as a biography calls it
OWN_COMPANY = "本公司"


def named_committee(chains: Chains, bare: Mention) -> Mention | None:
    """The party committee of bare's level (市委: a city's) named in full, the nearest one before it
    (济宁市委副书记…,市委常委、常务副市长某某: the second 市委 is 济宁市委), else after it."""
    level = bare.norm[0]
    named = [m for m in chains.orgs if (c := COMMITTEE.match(m.norm)) and c["place"].endswith(level)]
    before = [m for m in named if m.nend <= bare.nstart]
    return max(before, key=lambda m: m.nend) if before else min(named, key=lambda m: m.nstart, default=None)


def earlier_body(chains: Chains, seg: Segment, title: str) -> Mention | None:
    """The body of a title naming none, given earlier in its paragraph: the company before a title
    after 公司 (……参观了甲乙有限公司。公司总经理王某介绍) or the province or city before a
    government post (山东省委常委王某,副省长李某) - the nearest one; or, earlier in the article, the
    body a bare head word before the title stands for (总会主席某某: the 总会 named last)."""
    t = chains.text
    floor = max(t.rfind("\n", 0, seg.tstart) + 1, seg.tstart - 200)
    before = sorted((m for m in chains.orgs if floor <= m.nstart and m.nend <= seg.start),
                    key=lambda m: m.nend, reverse=True)
    if t[seg.tstart - 2:seg.tstart] == "公司" and seg.start == seg.tstart - 2 or t[seg.start - 2:seg.start] == "公司":
        return next((m for m in before if m.kind is Kind.ORGANIZATION and m.norm.endswith("公司")), None)
    head = t[seg.tstart - 2:seg.tstart]
    if head in BARE_HEADS and seg.start >= seg.tstart - 2 and not is_han(t[max(seg.tstart - 3, 0)]):
        return max((m for m in chains.orgs if m.kind is Kind.ORGANIZATION and m.nend <= seg.tstart - 2
                    and m.norm.endswith(head) and len(m.norm) > 2), key=lambda m: m.nend, default=None)
    if (post := GOV_POST.search(title)) is None or post.group().endswith("主席") or t[seg.start - 1:seg.start] != ",":
        return None
    level = post.group()[-2]
    for m in before:
        if m.kind is Kind.PLACE and m.norm.endswith(level) and not any(
                o.kind is Kind.ORGANIZATION and o.nstart <= m.nstart and m.nend <= o.nend for o in chains.orgs):
            return m
        if (c := COMMITTEE.match(m.norm)) and c["place"].endswith(level):
            return chains.place_of(m) or None
    return None


def listed(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Persons listed under a title heading its own line, up to a blank line, as in an annual
    report's corporate information (执行董事\n王某先生(董事会主席)\n李某女士): each holds the heading's
    title, and a bracketed title of theirs naming no body, at the organisation on the text's first
    line (the issuer of the report), if any."""
    t = chains.text
    issuer = first_line_org(chains)
    out: dict[Mention, list[Segment]] = {}
    for h in HEADING.finditer(t):
        ts, te = h.start("title"), h.end("title")
        if title_before(t, te, chains.w) != ts:
            continue
        end = BLOCK_END.search(t, h.end()).start()
        members = [p for p in persons if h.end() <= p.nstart < end]
        if not members or members[0].nstart != h.end():
            continue
        for p in members:
            own = [Segment(s.start, s.tstart, s.tend, s.org or issuer) for s in chains.after(p)]
            out[p] = [Segment(ts, ts, te, issuer), *own]
    return out


def biographies(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Persons opening a paragraph under a title heading followed by a blank line, as an annual
    report's biographies of directors (执行董事\n\n王某先生,62岁,为本公司主席兼行政总裁,…): each holds
    the heading's title at the report's issuer, and the posts the paragraph gives after a verb."""
    t = chains.text
    issuer = first_line_org(chains)
    out: dict[Mention, list[Segment]] = {}
    heads = list(HEADING.finditer(t))
    for i, h in enumerate(heads):
        ts, te = h.start("title"), h.end("title")
        if issuer is None or title_before(t, te, chains.w) != ts or not BLANK.match(t, h.end()):
            continue
        stop = heads[i + 1].start() if i + 1 < len(heads) else len(t)
        for p in persons:
            if h.end() <= p.nstart < stop and t[p.nstart - 2:p.nstart] == "\n\n":
                end = BLOCK_END.search(t, p.nend).start()
                out[p] = [Segment(ts, ts, te, issuer), *bio_posts(chains, p.nend, end, issuer)]
    return out


def bio_posts(chains: Chains, start: int, end: int, issuer: Mention) -> list[Segment]:
    """The posts a biography's paragraph gives after a verb: of the issuer (为本公司主席兼行政总裁),
    of each organisation before 之 (担任甲公司及乙公司之董事), or of the one named before the
    title (曾任香港贸易发展局总监)."""
    t, out = chains.text, []
    for v in BIO_VERB.finditer(t, start, end):
        s, ce = v.end(), CLAUSE_END.search(t, v.end()).start()
        of = t.rfind("之", s, ce)
        if of > 0 and title_before(t, ce, chains.w) == of + 1:
            out += [Segment(m.nstart, of + 1, ce, m) for m in chains.orgs
                    if m.kind is Kind.ORGANIZATION and s <= m.nstart and m.nend <= of]
            continue
        if t.startswith(OWN_COMPANY, s) and title_before(t, ce, chains.w) is not None:
            k = s + len(OWN_COMPANY)
            for piece in re.finditer(r"[^兼、]+", t[k:ce]):
                a, b = k + piece.start(), k + piece.end()
                if title_before(t, b, chains.w) == a:
                    out.append(Segment(a, a, b, issuer))
            continue
        seg = chains.segment(ce, floor=s)
        if seg and seg.org and seg.org.kind is Kind.ORGANIZATION and seg.start == s:
            out.append(seg)
    return out


def pronoun_posts(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Posts a sentence gives a person by a verb after their name (某某是香港特区立法会议员、全国政协
    委员) or by a pronoun (他现任…, 这位企业家如今的身份是某商会永远名誉会长、某公司董事局主席: the
    person named last before it, within POSTS_REACH characters), and in a clause after that one
    (,也是某联会创会主席): each item of the list up to the clause's end."""
    t, out = chains.text, {}
    starts = [(p, c.end()) for p in persons if (c := COPULA.match(t, p.nend))]
    for m in PRONOUN_POSTS.finditer(t):
        before = [p for p in persons if p.nend <= m.start() and m.start() - p.nend <= POSTS_REACH]
        if before:
            starts.append((before[-1], m.end()))
    for person, at in starts:
        segs = []
        while True:
            found, end = _post_list(chains, at)
            segs += found
            also = ALSO.match(t, end + 1) if found and t[end:end + 1] == "," else None
            if also is None:
                break
            at = also.end()
        if segs:
            out.setdefault(person, []).extend(segs)
    return out


def _post_list(chains: Chains, start: int) -> tuple[list[Segment], int]:
    """The posts (organisation and title) listed with 、 from start to the clause's end, and that end;
    none unless the first item is one."""
    t = chains.text
    end = CLAUSE_END.search(t, start).start()
    if t[end:end + 1] == ")":  # 某公司(以下简称“某某”)董事局主席: a short form's bracket is inside the item
        end = CLAUSE_END.search(t, end + 1).start()
    segs = []
    for item in re.finditer(r"[^、]+", t[start:end]):
        a, b = start + item.start(), start + item.end()
        seg = chains.segment(b, floor=a)
        if seg is None or seg.start != a + (t[a] == "兼"):
            break
        segs.append(seg)
    return segs, end


def first_line_org(chains: Chains) -> Mention | None:
    """The organisation on the text's first line: the issuer of a report."""
    first = chains.text.find("\n")
    return next((m for m in sorted(chains.orgs, key=lambda m: m.nstart)
                 if m.nend <= first and m.kind is Kind.ORGANIZATION), None)


def tabled(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Persons in a table row whose second cell lists titles (王志强  执行董事、董事会主席): each
    title held at the organisation the item names (the longest one starting there), else at the one
    the item before it named, else the one ending the cell before the name, else the nearest
    organisation before the table in its block, else the one on the text's first line."""
    t = chains.text
    at = {p.nstart: p for p in persons}
    out: dict[Mention, list[Segment]] = {}
    for row in tables.rows(t):
        p = at.get(row.start)
        if p is None or p.nend != row.end or row.cell_end == row.cell_start:
            continue
        if row.before_start >= 0 and title_before(t, row.before_end, chains.w) is not None:
            continue  # 通讯员  某甲  记者  某乙: a byline's title stands before its name
        floor = t.rfind("\n\n", 0, row.start)
        orgs = [m for m in chains.orgs if m.kind is Kind.ORGANIZATION and m.nend <= row.start]
        body = max((m for m in orgs if row.before_start <= m.nstart and m.nend == row.before_end),
                   key=lambda m: m.nend - m.nstart, default=None) or \
            max((m for m in orgs if m.nstart > floor), key=lambda m: m.nend, default=None) or \
            next((m for m in sorted(orgs, key=lambda m: m.nstart) if m.nend <= t.find("\n")), None)
        segs = []
        label = LABEL.search(t, t.rfind("\n", 0, row.start) + 1, row.start)
        if label and title_before(t, label.end("title"), chains.w) == label.start("title"):
            segs.append(Segment(label.start("title"), label.start("title"), label.end("title"), None))  # 团长:
        for a, b in tables.cell_titles(t, row):
            ts = title_before(t, b, chains.w)
            if ts is None or ts < a:
                continue
            named = max((m for m in chains.orgs if m.nstart == a and m.nend <= ts), key=lambda m: m.nend, default=None)
            segs.append(Segment(a, ts if named else a, b, named or body))
            body = named or body  # the next title in the cell is held there too (某局  党组书记、局长)
        if segs:
            out[p] = segs
    return out


def stacked(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Persons in a table pasted one cell a line (…有限公司 / 吕某某 / 总经理, tables.stacked): the
    title on the line after the name, held at the organisation that ends the line before."""
    t = chains.text
    by_span = {(p.nstart, p.nend): p for p in persons}
    out: dict[Mention, list[Segment]] = {}
    for row in tables.stacked(t):
        p = by_span.get((row.start, row.end))
        own = p and title_cell(t, row.cell_start, row.cell_end, chains.w)
        if own is None:
            continue
        org = next((m for m in chains.orgs if m.kind is Kind.ORGANIZATION and m.nend == row.before_end), None)
        if org is not None:
            out[p] = [Segment(row.cell_start, row.cell_start, row.cell_end, org, own=own - row.cell_start)]
    return out


def province_of(lex: Lexicon, prior: Findings, title: str, person: Mention) -> Mention | None:
    """The province, city, district or county a governor's or mayor's post (省长, 副市长, 区长, 县长)
    written without it is held in: the place of that level the article names nearest before the
    person, else first after."""
    post = LEVEL_POST.search(title)
    if post is None:
        return None
    level = post.group("level")
    orgs = of_kind(prior.mentions, Kind.ORGANIZATION)
    places = [m for m in of_kind(prior.mentions, Kind.PLACE)
              if ((place_gazetteer(lex).get(m.norm) or {}).get("type") == LEVEL_TYPES[level]
                   or level == "市" and m.norm.endswith("市"))  # a county-level city has a 市长 too (龙口市)
              and not any(o.nstart <= m.nstart and m.nend <= o.nend for o in orgs)]  # 山东省 of 山东省人民政府
    return _nearest(places, person)


def seat_of(lex: Lexicon, prior: Findings, title: str, person: Mention) -> Mention | None:
    """The body a post written without it is held in by usage (议员: the Legislative Council,
    kg/data/title_seats.tsv), when the article names it: nearest before the person, else first after."""
    body = _seats(lex).get(title)
    if body is None:
        return None
    return _nearest([m for m in prior.mentions if m.kind is Kind.ORGANIZATION and m.norm.endswith(body)], person)


def association_of(doc: Doc, prior: Findings, title: str, person: Mention) -> Mention | None:
    """The association a post only associations have (会长, 理事长, 会董) written without it is held
    in: the one named last before the person in their sentence (某商会访问团在会长某某率领下), else
    the association (商会, 协会, 总会 …) the article names most often, the first named of those
    (the one the article is about)."""
    if not title.endswith(ASSOCIATION_TITLES):
        return None
    s, _ = doc.sentence_at(person.nstart)
    return max((m for m in of_kind(prior.mentions, Kind.ORGANIZATION) if s <= m.nstart and m.nend <= person.nstart
                and m.norm.endswith(ASSOCIATION_HEADS)), key=lambda m: m.nend, default=None) \
        or _most_named(prior, ASSOCIATION_HEADS)


def field_body(text: str, prior: Findings, seg: Segment) -> Mention | None:
    """The company a form's field of posts is of (1、公司名称:某某有限公司 … 4、董事:甲、乙): the
    organisation opening the nearest name field above the title's own field, within its block."""
    line = text.rfind("\n", 0, seg.tstart) + 1
    if not FIELD_LINE.match(text, line, seg.tstart) or text[seg.tend:seg.tend + 1] != ":":
        return None
    block = max(text.rfind("\n\n", 0, line), line - FIELD_REACH)
    name = None
    for name in NAME_FIELD.finditer(text, block, line):
        pass
    if name is None:
        return None
    return next((m for m in of_kind(prior.mentions, Kind.ORGANIZATION) if m.nstart == name.end()), None)


def deictic_body(text: str, prior: Findings, seg: Segment) -> Mention | None:
    """The body a title after 该公司, 该校, 该会 … ('the said company') is held in: the nearest one
    of that kind named before it (青岛某某有限公司…。该公司人力资源总监某某)."""
    word = next((w for w in DEICTIC_BODIES if text.endswith(w, 0, seg.tstart)), None)
    if word is None:
        return None
    return max((m for m in of_kind(prior.mentions, Kind.ORGANIZATION) if m.nend <= seg.tstart - len(word)
                and m.norm.endswith(DEICTIC_BODIES[word])), key=lambda m: m.nend, default=None)


def own_body(doc: Doc, lex: Lexicon, prior: Findings, seg: Segment) -> Mention | None:
    """The body a title is held in after 'our' (我院党委书记某某, 我校副校长某某) earlier in its
    sentence, with no organisation named between: the first of that kind the article names outside
    sentences that say 'our' (我校与香港城市大学签署…: there it is the partner) and not as a visitor
    (某大学代表团来访), for every post of the sentence's list (我院党委书记甲,院长乙)."""
    text = doc.text
    start, _ = doc.sentence_at(seg.tstart)
    at, word = max(((text.rfind(w, start, seg.tstart), w) for w in OWN_SIDE), default=(-1, ""))
    orgs = of_kind(prior.mentions, Kind.ORGANIZATION)
    if at < 0 or any(at < m.nstart and m.nend <= seg.tstart for m in orgs):
        return None
    if not text.startswith(_title_starts(lex), at + len(word)):
        return None  # 我校科学技术处处长: a unit of 'ours' not found as an organisation holds the post
    ends = OWN_BODIES[word[-1]]
    return min((m for m in orgs if m.norm.endswith(ends) and not _says_our(doc, m) and not VISITING.match(text, m.nend)),
               key=lambda m: m.nstart, default=None)


def _says_our(doc: Doc, m: Mention) -> bool:
    """Whether the sentence holding m says 'our' (我校与某大学签署…)."""
    s, e = doc.sentence_at(m.nstart)
    return any(w in doc.text[s:e] for w in OWN_SIDE)


@cache
def _title_starts(lex: Lexicon) -> tuple[str, ...]:
    """What a title may start with: a title or a modifier of one (kg/data/titles.txt, title_modifiers.txt)."""
    return tuple(lex.words("titles") | lex.words("title_modifiers"))


def board_of(prior: Findings, title: str) -> Mention | None:
    """The company a director's post (执行董事, 独立非执行董事) written without it is held in: the
    company the article names most often, the first named of those (an announcement's issuer)."""
    return _most_named(prior, COMPANY_ENDS) if title.endswith("董事") else None


def _most_named(prior: Findings, heads: tuple[str, ...]) -> Mention | None:
    """Of the organisations whose names end in one of heads, the one the article names most often,
    the first named of those."""
    named = [m for m in of_kind(prior.mentions, Kind.ORGANIZATION) if m.norm.endswith(heads)]
    counts = Counter(m.norm for m in named)
    return max(named, key=lambda m: (counts[m.norm], -m.nstart), default=None)


def outlet_of(text: str, prior: Findings, title: str, person: Mention) -> Mention | None:
    """The outlet a reporter (记者) written without it works for: the one opening the dateline of a
    line of theirs (东营日报10月19日讯(记者某某), 中评社济南6月12日电), else the first paper the
    article names (its masthead: 本报, 'this paper')."""
    if title not in REPORTER_TITLES:
        return None
    orgs = of_kind(prior.mentions, Kind.ORGANIZATION)
    for p in [m for m in of_kind(prior.mentions, Kind.PERSON) if m.norm == person.norm]:  # any byline of theirs
        line = text.rfind("\n", 0, p.nstart) + 1
        dated = [m for m in orgs if line <= m.nstart and m.nend <= p.nstart and DATELINE.match(text, m.nend)]
        if dated:
            return dated[-1]
    papers = [m for m in orgs if m.norm.endswith(PAPER_ENDS)]
    return min(papers, key=lambda m: m.nstart, default=None)


def _nearest(named: list[Mention], person: Mention) -> Mention | None:
    """Of mentions in text order, the last that ends before the person, else the first after."""
    before = [m for m in named if m.nend <= person.nstart]
    return before[-1] if before else min(named, key=lambda m: m.nstart, default=None)


@cache
def _seats(lex: Lexicon) -> dict[str, str]:
    """kg/data/title_seats.tsv: a post -> the body it is held in by usage."""
    return {row["title"]: row["body"] for row in lex.table("title_seats")}


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    chains = Chains(doc, words(lex), english_title(lex), prior, _seats(lex))
    links: dict[tuple, Link] = {}
    guessed: set[tuple] = set()  # the keys of links to a reporter's outlet guessed by outlet_of
    places: dict[int, Mention] = {}  # committee places made here, by the committee's start
    persons = of_kind(prior.mentions, Kind.PERSON)
    heads = listed(chains, persons)
    heads.update({p: segs for p, segs in biographies(chains, persons).items() if p not in heads})
    heads.update({p: segs for p, segs in tabled(chains, persons).items() if p not in heads})
    heads.update({p: segs for p, segs in stacked(chains, persons).items() if p not in heads})
    referred = pronoun_posts(chains, persons)
    functions = tuple(lex.words("title_functions"))
    for person in persons:
        before = chains.before(person)
        for seg in (heads.get(person) or before + chains.after(person) + chains.trailing(person, before)) \
                + referred.get(person, []):
            title = doc.text[seg.tstart:seg.tend]
            if title.endswith(functions):  # 主持人: a part at an event, not a post
                continue
            target = seg.org or earlier_body(chains, seg, title) or deictic_body(doc.text, prior, seg) \
                or field_body(doc.text, prior, seg) \
                or own_body(doc, lex, prior, seg) \
                or province_of(lex, prior, title, person) \
                or seat_of(lex, prior, title, person) or association_of(doc, prior, title, person) \
                or board_of(prior, title)
            outlet = target is None and (target := outlet_of(doc.text, prior, title, person)) is not None
            if target is not None and GOV_POST.search(title):
                if BARE_COMMITTEE.fullmatch(target.norm):  # 市委 -> the 济宁市委 named before, or for
                    # a mayor's post (市委副书记、市长) the city named nearest
                    target = named_committee(chains, target) or province_of(lex, prior, title, person) or target
                if c := COMMITTEE.match(target.norm):
                    target = places.setdefault(target.nstart, doc.mention(
                        Kind.PLACE, target.nstart + c.start("place"), target.nstart + c.end("place"), COMMITTEE_PLACE))
            link = Link(Rel.HOLDS_POSITION, person, target, title=title,
                        evidence=doc.evidence(min(seg.start, person.nstart), max(seg.tend, person.nend) - 1))
            links.setdefault((person, target.norm if target else None, title), link)
            if outlet:
                guessed.add((person, target.norm, title))
    # a reporter's outlet guessed from the page gives way to one a byline of theirs names (观海新闻记者某某)
    named = {(p.norm, t) for (p, body, t) in links if body is not None and (p, body, t) not in guessed}
    kept = [link for (p, body, t), link in links.items() if (p, body, t) not in guessed or (p.norm, t) not in named]
    return Findings(tuple(places.values()), tuple(kept))
