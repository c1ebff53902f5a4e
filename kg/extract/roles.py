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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.doc import Doc
from kg.extract import tables
from kg.extract.persons import APPOINTEE_END, APPOINTER, Words, as_post, is_han, post_end, title_before, words
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Rel

# words that join two posts of one person, or two persons of one list
JOINERS = frozenset("、暨兼及和与")
# words that join two posts of one person and never stand inside a title
POST_JOINERS = frozenset("、暨兼")
# characters that never stand between an organisation and its post: verbs and particles of a
# clause (很荣幸邀得行政长官 is no title of the organisation before it)
FREE_STOP = re.compile(r"[了得的是在由将被把邀请很向对从于也亦为曾已并即就到给让使称说]")
# a verb of appointment between a name and the post it takes (王某任某局局长, 李某出任董事长)
APPOINT = re.compile(r"""
    (?:出任|担任|兼任|升任|改任|任)   # takes the post of
    """, re.VERBOSE)
# the end of a clause: where a post written after a name ends
CLAUSE_END = re.compile(r"[,。;!?)\n]|$")
# the end of an academic body's name, where a professor after a name holds a post (大学校长某某教授)
ACADEMIC = re.compile(r"(?:大学|学院|学部|学系|系|学校)$")
# a short form in brackets right after an organisation's name: 香港工业总会第1分组(香港化工业协会)
BRACKETED = re.compile(r"\([^()]*\)")
# a Hong Kong functional constituency between a legislator's title and name: 立法会议员科技创新界邱某
CONSTITUENCY = re.compile(r"""
    [\u4e00-\u9fff]{2,8}界   # the sector, ending in 界, right before the name
    """, re.VERBOSE)
# the end of a wire dateline just before a bracketed byline: 新华社济南9月12日电(记者 ...)
DATELINE = re.compile(r"""
    [\u4e00-\u9fff]{0,8}        # an optional place (济南)
    (?:\d{1,2}月\d{1,2}日)?      # an optional date
    电\s*\($                    # 电 (dispatch) and the byline's bracket
    """, re.VERBOSE)
# how far a title's own words may reach left of the title word (业务发展总监, 中国内地总代表)
MAX_TITLE = 24
# the most characters of its own a title may have and still share an organisation named before it
MAX_OWN_INHERITED = 4
# a post of a regional government, held in the place a party committee (市委, 省委) stands for
GOV_POST = re.compile(r"""
    (?:常务副|副)?              # an optional deputy
    (?:省长|市长|区长|县长|镇长|乡长|州长|主席)$   # head of a government
    """, re.VERBOSE)
# a party committee: the place's name followed by 委 (淄博市委, 山东省委)
COMMITTEE = re.compile(r"""
    (?P<place>.+?[省市区县州])   # the place
    委$                          # committee
    """, re.VERBOSE)
# a line holding nothing but a short word: a title heading a list of names (执行董事\n王某先生\n...)
HEADING = re.compile(r"""
    (?m)^[ \t]*                 # the start of a line
    (?P<title>[\u4e00-\u9fff]{2,12})  # the heading's word
    [ \t]*\n                    # and nothing else on the line
    """, re.VERBOSE)
# the end of a block of lines: a blank line or the end of the text
BLOCK_END = re.compile(r"\n[ \t]*\n|\Z")
# a blank line right after a heading: the heading stands over paragraphs, not a list of lines
BLANK = re.compile(r"[ \t]*\n")
# a verb of a biography giving a post (为本公司副主席, 现为某学院兼任教授, 曾任某局总监)
BIO_VERB = re.compile(r"""
    (?<=[,\u5148\u58eb])           # after a comma or an honorific's last character (先生, 女士)
    (?:并|亦)?                       # an optional also
    (?:现为|现任|曾任|担任|出任|为|任)  # is, was, holds
    """, re.VERBOSE)
# the issuer of a report, as a biography calls it
OWN_COMPANY = "本公司"


@dataclass(frozen=True)
class Segment:
    """`[organisation] title` before a name: the title's view span and the organisation, if any."""

    start: int  # where the segment starts (the organisation's start, or the title's)
    tstart: int
    tend: int
    org: Mention | None
    own: int = 0  # how many of the title's characters lie before its lexicon word (业务发展 of 业务发展总监)


class Chains:
    """The article text with the spans found before roles: organisations, places, persons."""

    def __init__(self, doc: Doc, w: Words, english: re.Pattern[str], prior: Findings) -> None:
        self.doc, self.text, self.w = doc, doc.text, w
        self.orgs = [m for m in prior.mentions if m.kind in (Kind.ORGANIZATION, Kind.PLACE)]
        self.org_end: dict[int, Mention] = {}
        for m in sorted(self.orgs, key=lambda m: (m.kind is Kind.ORGANIZATION, m.nend - m.nstart)):
            self.org_end[m.nend] = m  # the organisation, then the longest, wins at one end
        self.person_end = {m.nend: m for m in prior.mentions if m.kind is Kind.PERSON}
        self.english = english

    def segment(self, end: int, *, floor: int = 0) -> Segment | None:
        """The segment whose title ends at text[end], reaching no further left than floor."""
        t = self.text
        ts = title_before(t, end, self.w)
        if ts is None and (m := self.english.search(t, max(floor, end - MAX_TITLE * 3), end)):
            return Segment(m.start(), m.start(), m.end(), self.org_end.get(m.start()))
        if ts is None or ts < floor:
            return None
        org = self.reach(ts, floor)
        if org is None and (agency := self.agency(ts, end)) is not None:
            return Segment(agency.nstart, ts, end, agency)
        if org is not None:
            bracket = BRACKETED.match(t, org.nend, ts)
            return Segment(org.nstart, bracket.end() if bracket else org.nend, end, org)
        k = ts  # no organisation: the title's own words reach back to a joiner or a person (、业务发展总监)
        while k > max(floor, ts - MAX_TITLE) and is_han(t[k - 1]) and t[k - 1] not in JOINERS \
                and k not in self.person_end and not FREE_STOP.match(t, k - 1):  # no verb or 在, 了 in a title
            k -= 1
        if k < ts and (k in self.person_end or k > 0 and t[k - 1] in JOINERS):
            return Segment(k, k, end, None, own=ts - k)
        return Segment(ts, ts, end, None)

    def reach(self, ts: int, floor: int) -> Mention | None:
        """The organisation whose name ends within reach left of a title starting at ts, across
        the title's own words (香港贸易发展局|中国内地总代表) and a bracketed short form
        (香港工业总会第1分组(香港化工业协会)副主席); else a place right before it (山东省|省长)."""
        t, k = self.text, ts
        while k not in self.org_end or self.org_end[k].kind is not Kind.ORGANIZATION:
            if k <= max(floor, ts - MAX_TITLE) or k in self.person_end:
                break
            if t[k - 1] == ")" and (o := t.rfind("(", max(floor, k - MAX_TITLE), k)) > 0:
                k = o
                continue
            if not (is_han(t[k - 1]) or t[k - 1].isalnum()) or t[k - 1] in POST_JOINERS or FREE_STOP.match(t[k - 1]):
                break
            k -= 1
        found = self.org_end.get(k)
        if found is not None and found.kind is Kind.ORGANIZATION:
            return found
        place = self.org_end.get(ts)
        return place if place is not None and place.kind is Kind.PLACE else None

    def agency(self, ts: int, end: int) -> Mention | None:
        """The news agency of a byline title opening a bracket after a dateline (新华社济南9月12日电
        (记者 ...)): the organisation the dateline starts with."""
        if self.text[ts:end] not in self.w.bylines:
            return None
        ends = [e for e, m in self.org_end.items() if m.kind is Kind.ORGANIZATION and ts - 20 <= e < ts]
        return next((self.org_end[e] for e in sorted(ends, reverse=True) if DATELINE.fullmatch(self.text, e, ts)), None)

    def before(self, person: Mention) -> list[Segment]:
        """The chain of segments before a person, nearest first, organisations inherited leftwards."""
        t, pos = self.text, person.nstart
        pos -= 1 if pos and (t[pos - 1] in ": 的" or t[pos - 1] == "," and as_post(t, pos - 1)) else 0
        seg = self.segment(pos) or next((self.segment(k) for k in range(pos - 3, max(0, pos - 10), -1)
                                         if CONSTITUENCY.fullmatch(t, k, pos) and title_before(t, k, self.w)), None)
        k = person.nstart - (person.nstart > 0 and t[person.nstart - 1] in "、 ")
        if seg is None and k in self.person_end:  # right after another name (a space may be squeezed out)
            return self.byline_run(self.person_end[k])
        chain: list[Segment] = []
        while seg:
            chain.append(seg)
            j = seg.start - 1 - (seg.start > 1 and t[seg.start - 1] == " ")
            if j < 0 or t[j] not in JOINERS:
                break
            j = next((j - len(h) for h in self.w.honorifics if t.endswith(h, 0, j) and j - len(h) in self.person_end), j)
            if j in self.person_end:  # a list of persons (张某教授、李某): share the organisation of the one before
                other = next((o for o in self.before(self.person_end[j]) if o.org), None)
                if other:
                    chain.append(Segment(other.start, other.tend, other.tend, other.org))
                break
            seg = self.segment(j) or self.bare_org(j)
        return inherit(chain)

    def byline_run(self, previous: Mention) -> list[Segment]:
        """A name with no title of its own after another in a byline run (实习生 李子怡 禚亦秋,
        记者欧阳晓岚、司马骏) holds the byline post of the one before it."""
        chain = self.before(previous)
        return chain[:1] if chain and self.text[chain[0].tstart:chain[0].tend] in self.w.bylines else []

    def bare_org(self, end: int) -> Segment | None:
        """An organisation with no title before a joiner (汇丰科创金融、Head of ...)."""
        org = self.org_end.get(end)
        return Segment(org.nstart, end, end, org) if org else None

    def after(self, person: Mention) -> list[Segment]:
        """A title right after a name: in brackets (黄克强(行政总裁)) or after a comma and naming an
        organisation (李凯声, 浪潮集团有限公司副总经理)."""
        t, e = self.text, person.nend
        e += next((len(h) for h in self.w.honorifics if t.startswith(h, e)), 0)  # 王某先生(董事会主席)
        if t[e:e + 1] == "(":
            close = t.find(")", e, e + MAX_TITLE + 2)
            seg = self.segment(close, floor=e + 1) if close > 0 else None
            return inherit([seg]) if seg and seg.start == e + 1 else []
        if t[e:e + 1] == ",":
            s = e + 1 + (t[e + 1:e + 2] == " ")
            seg = self.segment(self.apposition_end(s), floor=s)
            if seg and t[seg.tend:seg.tend + 1] == "(" and (close := t.find(")", seg.tend, seg.tend + 8)) > 0:
                seg = Segment(seg.start, seg.tstart, close + 1, seg.org)  # 副校长(研究): the bracket is the post's
            return [seg] if seg and seg.org and seg.start == s else []
        if t[e:e + 1] in APPOINTEE_END and appointed(t, person.nstart):  # 任命王某为某局局长(试用期一年)
            end = post_end(t, e + 1, self.w)
            seg = self.segment(end, floor=e + 1) if end is not None else None
            return inherit([seg]) if seg and seg.start == e + 1 else []
        if (a := APPOINT.match(t, e)) is not None:  # 王某任某某管委会主任, 由李某担任秘书长
            seg = self.segment(CLAUSE_END.search(t, a.end()).start(), floor=a.end())
            return inherit([seg]) if seg and seg.start == a.end() else []
        k = next((k for k in range(min(self.w.max_title, len(t) - e), 1, -1) if t[e:e + k] in self.w.titles), 0)
        if k and (CLAUSE_END.match(t, e + k) or self.w.verb_at.match(t, e + k)):  # 蔡某会长表示
            return [Segment(e, e, e + k, None)]
        return []

    def apposition_end(self, s: int) -> int:
        """Where a post after a comma ends (李某, 某公司董事长,): the clause's end, before a bracket
        (副校长(研究)), or an earlier line break of the text as read, which the view may have joined
        (a programme line 王某,济南市副市长 followed by the next line)."""
        t = self.text
        end = CLAUSE_END.search(t, s).start()
        if t[end:end + 1] == ")" and (o := t.rfind("(", s, end)) > s:
            end = o
        lines = [k for k in range(s + 2, end) if "\n" in self.doc.raw[self.doc.to_raw(k - 1, k)[1]:self.doc.to_raw(k, k + 1)[0]]]
        return next((k for k in lines if title_before(t, k, self.w) is not None), end)

    def trailing(self, person: Mention, before: list[Segment]) -> list[Segment]:
        """An honorific that is also a post, right after a name (院长Henrik Olsen教授): the post,
        held at the academic organisation of the name's nearest title before it."""
        e = person.nend
        h = next((h for h in self.w.honorifics if self.text.startswith(h, e) and h in self.w.titles), None)
        org = next((s.org for s in before if s.org), None)
        if h is None or org is None or not ACADEMIC.search(org.norm):
            return []  # 局长孙某教授: a title of courtesy, not a post of the bureau
        return [Segment(e, e, e + len(h), org)]

    def place_of(self, committee: Mention) -> Mention | None:
        """The place a party committee stands for (淄博市 for 淄博市委), mentioned elsewhere outside
        any organisation's name."""
        m = COMMITTEE.match(committee.norm)
        if not m:
            return None
        names = {m["place"], m["place"][:-1]}
        inside = lambda p: any(o.kind is Kind.ORGANIZATION and o.nstart <= p.nstart and p.nend <= o.nend  # noqa: E731
                               for o in self.orgs)
        places = [p for p in self.orgs if p.kind is Kind.PLACE and p.norm in names and not inside(p)]
        return min(places, key=lambda p: abs(p.nstart - committee.nstart), default=None)


def appointed(text: str, start: int) -> bool:
    """Whether a word of appointment (two characters) ends right before text[start] (任命|王某)."""
    return start >= 2 and APPOINTER.fullmatch(text, start - 2, start) is not None


def earlier_body(chains: Chains, seg: Segment, title: str) -> Mention | None:
    """The body of a title naming none, given earlier in its paragraph: the company before a title
    after 公司 (……参观了甲乙有限公司。公司总经理王某介绍) or the province or city before a
    government post (山东省委常委王某,副省长李某) - the nearest one."""
    t = chains.text
    floor = max(t.rfind("\n", 0, seg.tstart) + 1, seg.tstart - 200)
    before = sorted((m for m in chains.orgs if floor <= m.nstart and m.nend <= seg.start),
                    key=lambda m: m.nend, reverse=True)
    if t[seg.tstart - 2:seg.tstart] == "公司" and seg.start == seg.tstart - 2 or t[seg.start - 2:seg.start] == "公司":
        return next((m for m in before if m.kind is Kind.ORGANIZATION and m.norm.endswith("公司")), None)
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


@cache
def english_title(lex: Lexicon) -> re.Pattern[str]:
    """An English title ending where a search ends (just before a name): a head word
    (kg/data/title_english.txt) and the capitalised words and particles after it."""
    heads = "|".join(sorted(map(re.escape, lex.words("title_english")), key=len, reverse=True))
    return re.compile(rf"""
        (?<![A-Za-z])(?:{heads})                   # a head word: Head, Managing, Chief ...
        (?:\ (?:[A-Z][A-Za-z&-]*|of|and|for|the))*  # then capitalised words and particles
        $                                           # up to the name
        """, re.VERBOSE)


def inherit(chain: list[Segment]) -> list[Segment]:
    """Give a title-only segment the organisation of the nearest farther segment that has one,
    unless its own words are long enough to hold a name the organisation stage missed
    (全国工商联常委、香港全港各区工商联会长)."""
    out = list(chain)
    for i in range(len(out) - 2, -1, -1):
        if out[i].org is None and out[i + 1].org is not None and out[i].own <= MAX_OWN_INHERITED:
            s = out[i]
            out[i] = Segment(s.start, s.tstart, s.tend, out[i + 1].org)
    return [s for s in out if s.tstart < s.tend]


def listed(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Persons listed under a title heading its own line, up to a blank line, as in an annual
    report's corporate information (执行董事\n王某先生(董事会主席)\n李某女士): each holds the heading's
    title, and a bracketed title of theirs naming no body, at the organisation on the text's first
    line (the issuer of the report), if any."""
    t = chains.text
    first = t.find("\n")
    issuer = next((m for m in sorted(chains.orgs, key=lambda m: m.nstart)
                   if m.kind is Kind.ORGANIZATION and m.nend <= first), None)
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


def first_line_org(chains: Chains) -> Mention | None:
    """The organisation on the text's first line: the issuer of a report."""
    first = chains.text.find("\n")
    return next((m for m in sorted(chains.orgs, key=lambda m: m.nstart)
                 if m.kind is Kind.ORGANIZATION and m.nend <= first), None)


def tabled(chains: Chains, persons: list[Mention]) -> dict[Mention, list[Segment]]:
    """Persons in a table row whose second cell lists titles (王志强  执行董事、董事会主席): each
    title held at the organisation the item names, else the nearest organisation before the table
    in its block, else the one on the text's first line."""
    t = chains.text
    at = {p.nstart: p for p in persons}
    out: dict[Mention, list[Segment]] = {}
    for row in tables.rows(t):
        p = at.get(row.start)
        if p is None or p.nend != row.end or row.cell_end == row.cell_start:
            continue
        floor = t.rfind("\n\n", 0, row.start)
        orgs = [m for m in chains.orgs if m.kind is Kind.ORGANIZATION and m.nend <= row.start]
        body = max((m for m in orgs if m.nstart > floor), key=lambda m: m.nend, default=None) or \
            next((m for m in sorted(orgs, key=lambda m: m.nstart) if m.nend <= t.find("\n")), None)
        segs = []
        for a, b in tables.cell_titles(t, row):
            ts = title_before(t, b, chains.w)
            if ts is None or ts < a:
                continue
            named = next((m for m in chains.orgs if m.nstart == a and m.nend <= ts), None)
            segs.append(Segment(a, ts if named else a, b, named or body))
        if segs:
            out[p] = segs
    return out


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    chains = Chains(doc, words(lex), english_title(lex), prior)
    links: dict[tuple, Link] = {}
    persons = [m for m in prior.mentions if m.kind is Kind.PERSON]
    heads = listed(chains, persons)
    heads.update({p: segs for p, segs in biographies(chains, persons).items() if p not in heads})
    heads.update({p: segs for p, segs in tabled(chains, persons).items() if p not in heads})
    functions = tuple(lex.words("title_functions"))
    for person in persons:
        before = chains.before(person)
        for seg in heads.get(person) or before + chains.after(person) + chains.trailing(person, before):
            title = doc.text[seg.tstart:seg.tend]
            if title.endswith(functions):  # 主持人: a part at an event, not a post
                continue
            target = seg.org or earlier_body(chains, seg, title)
            if target is not None and GOV_POST.search(title) and COMMITTEE.match(target.norm):
                target = chains.place_of(target) or target
            link = Link(Rel.HOLDS_POSITION, person, target, title=title,
                        evidence=doc.evidence(min(seg.start, person.nstart), max(seg.tend, person.nend) - 1))
            links.setdefault((person, target.norm if target else None, title), link)
    return Findings(links=tuple(links.values()))
