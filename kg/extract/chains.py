"""Title chains around a name: the `[organisation] title` segments written before a person, joined
by 、 暨 兼 及 和 (山东省科学技术厅党组成员、山东省创新发展研究院党组书记、院长刘峰), and the titles
written after one (in brackets, after a comma, after a verb of appointment), each a `Segment` with
its organisation if named. `Chains` reads them from the article text and the organisations, places
and persons found before roles; `inherit` gives a title-only segment the organisation of the one
farther left.

roles.py turns the segments into `holds_position` links.
"""
from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from kg.doc import Doc
from kg.extract.titles import APPOINTEE_END, APPOINTER, Words, as_post, is_han, post_end, title_before
from kg.model import Findings, Kind, Mention, of_kind

# words that join two posts of one person, or two persons of one list
JOINERS = frozenset("、暨兼及和与")
LIST_END = frozenset(",。;等\n")  # what ends a list of names sharing a post (立法会议员简某、巫某, or the line's end)
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
OWN_SIDE = ("我校", "本校", "我院", "本院", "我会", "本会")  # 'our school', 'our association' before a body
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
# a Latin form of address before a name in a list (、Dr. Michael SZE): before it, and at it
ADDRESS_BEFORE = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms|Ir|Sir)\.? ?$")
ADDRESS_AT = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms|Ir|Sir)\.? ?")
# a bracketed note on a list's order after its post (副会长(按姓氏笔画排序):, 会董(排名不分先后):)
ORDER_NOTE = re.compile(r"\([^()]{0,8}(?:排序|为序|不分先后|笔画|笔划)[^()]{0,4}\)$")
# a party committee: the place's name followed by 委 (淄博市委, 山东省委)
COMMITTEE = re.compile(r"""
    (?:中共|中国共产党)?          # the party, maybe (中共山东省委)
    (?P<place>.+?[省市区县州])   # the place
    委$                          # committee
    """, re.VERBOSE)


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

    def __init__(self, doc: Doc, w: Words, english: re.Pattern[str], prior: Findings,
                 seated: Container[str] = frozenset()) -> None:
        self.doc, self.text, self.w = doc, doc.text, w
        self.seated = seated  # posts that name their body by usage (议员), a post even as an honorific
        self.orgs = of_kind(prior.mentions, Kind.ORGANIZATION, Kind.PLACE)
        self.org_end: dict[int, Mention] = {}
        org = Kind.ORGANIZATION
        for m in sorted(self.orgs, key=lambda m: (m.kind is org, m.nend - m.nstart)):
            self.org_end[m.nend] = m  # the organisation, then the longest, wins at one end
        persons = of_kind(prior.mentions, Kind.PERSON)
        self.person_end = {m.nend: m for m in persons}
        self.person_start = {m.nstart: m for m in persons}
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
        ends = [e for e, m in self.org_end.items() if ts - 20 <= e < ts and m.kind is Kind.ORGANIZATION]
        return next((self.org_end[e] for e in sorted(ends, reverse=True) if DATELINE.fullmatch(self.text, e, ts)), None)

    def before(self, person: Mention) -> list[Segment]:
        """The chain of segments before a person, nearest first, organisations inherited leftwards."""
        t, pos = self.text, person.nstart
        while pos > 1 and t[pos - 1] == " " and t[pos - 2] == " ":
            pos -= 1  # a column gap of two spaces (记者  某某): one is left for the test below
        pos -= 1 if pos and (t[pos - 1] in ": 的" or t[pos - 1] == "," and as_post(t, pos - 1)) else 0
        if t[pos - 1:pos] == ")" and (note := ORDER_NOTE.search(t, max(0, pos - 16), pos)):
            pos = note.start()  # 副会长(按姓氏笔画排序):某某: the list's order, no part of the post
        seg = self.segment(pos) or next((self.segment(k) for k in range(pos - 3, max(0, pos - 10), -1)
                                         if CONSTITUENCY.fullmatch(t, k, pos) and title_before(t, k, self.w)), None)
        k = person.nstart
        if t[k - 1:k] in (" ", ".") and (address := ADDRESS_BEFORE.search(t, max(0, k - 6), k)):
            k = address.start()  # 、Dr. Michael SZE: a form of address between the list's comma and the name
        k -= k > 0 and t[k - 1] in "、 及"
        while k > 0 and t[k - 1] == " " and t[k] == " ":
            k -= 1  # 实习生  某甲  某乙: a column gap between two names
        if k not in self.person_end and (h := self.honorific_before(k)):
            k -= len(h)  # 执行董事某甲先生、某乙女士: an honorific after the name before
        if seg is None and k in self.person_end:  # right after another name (a space may be squeezed out)
            return self.run_after(person, self.person_end[k])
        chain: list[Segment] = []
        while seg:
            chain.append(seg)
            j = seg.start - 1 - (seg.start > 1 and t[seg.start - 1] == " ")
            if j < 0 or t[j] not in JOINERS:
                break
            if t.endswith(self.w.honorifics, 0, j):  # (one test in C first: mostly none ends there)
                j = next((j - len(h) for h in self.w.honorifics if t.endswith(h, 0, j) and j - len(h) in self.person_end), j)
            if j in self.person_end:  # a list of persons (张某教授、李某): share the organisation of the one before
                other = next((o for o in self.before(self.person_end[j]) if o.org), None)
                if other:
                    chain.append(Segment(other.start, other.tend, other.tend, other.org))
                break
            seg = self.segment(j) or self.bare_org(j)
        return inherit(chain)

    def run_after(self, person: Mention, previous: Mention) -> list[Segment]:
        """A name with no title of its own right after another holds the nearest post of the one
        before it: in a byline run (实习生 李子怡 禚亦秋, 记者欧阳晓岚、司马骏), across a column gap
        (副会长:刘某  张某  李某), or across 、 at the end of a list (立法会议员简某、巫某,), at its body."""
        chain = self.before(previous)[:1]
        return chain if chain and (self.text[chain[0].tstart:chain[0].tend] in self.w.bylines
                                   or self.ends_list(person, previous)
                                   or not self.text[previous.nend:person.nstart].strip(" ")) else []

    def ends_list(self, person: Mention, previous: Mention) -> bool:
        """Whether person follows previous across 、 (maybe before a form of address: 某甲、Dr. Michael SZE;
        or after an honorific and 、 or 及: 某甲先生、某乙女士及…) and ends the list (a comma, 等, or 、 or 及
        and another name), maybe after an honorific."""
        t = self.text
        h = self.honorific_at(previous.nend)
        gap = t[previous.nend:person.nstart]
        if not (gap == "、" or gap[:1] == "、" and ADDRESS_AT.fullmatch(gap, 1)
                or h and t[previous.nend + len(h):person.nstart] in ("、", "及")):
            return False
        e = person.nend + len(self.honorific_at(person.nend))
        return e == len(t) or t[e] in LIST_END or t[e] in "、及" and (
            e + 1 in self.person_start or (a := ADDRESS_AT.match(t, e + 1)) is not None and a.end() in self.person_start)

    def honorific_at(self, i: int) -> str:
        """The honorific starting at text[i] (after a name: 某某先生), or ''."""
        return next((h for h in self.w.honorifics if self.text.startswith(h, i)), "")

    def honorific_before(self, k: int) -> str:
        """The honorific ending at text[k] right after a name (某某先生), or ''."""
        return next((h for h in self.w.honorifics if self.text.endswith(h, 0, k) and k - len(h) in self.person_end), "")

    def bare_org(self, end: int) -> Segment | None:
        """An organisation with no title before a joiner (汇丰科创金融、Head of ...)."""
        org = self.org_end.get(end)
        return Segment(org.nstart, end, end, org) if org else None

    def after(self, person: Mention) -> list[Segment]:
        """A title right after a name: in brackets (黄克强(行政总裁)) or after a comma and naming an
        organisation (李凯声, 浪潮集团有限公司副总经理)."""
        t, e = self.text, person.nend
        h = len(self.honorific_at(e))  # 王某先生(董事会主席)
        if h and t[e:e + h] in self.seated and (CLAUSE_END.match(t, e + h) or self.w.verb_at.match(t, e + h)):
            return [Segment(e, e, e + h, None)]  # an honorific that is a post held in a known body (麦某恩议员:)
        e += h
        if t[e:e + 1] == "(":
            close = t.find(")", e, e + MAX_TITLE + 2)
            o = e + 1 + _own_side(t, e + 1)  # 某某教授(我校某学院院长): 'our' names no body
            seg = self.segment(close, floor=o) if close > 0 else None
            return inherit([seg]) if seg and seg.start == o else []
        if t[e:e + 1] == ",":
            s = e + 1 + (t[e + 1:e + 2] == " ")
            s += _own_side(t, s)
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


def _own_side(text: str, i: int) -> int:
    """The length of a word for the writer's own body at text[i] (我校, 本校, 我院, 本会: a campus or
    association page's 'our'), which a post's body may follow; else 0."""
    return next((len(w) for w in OWN_SIDE if text.startswith(w, i)), 0)


def appointed(text: str, start: int) -> bool:
    """Whether a word of appointment (two characters) ends right before text[start] (任命|王某)."""
    return start >= 2 and APPOINTER.fullmatch(text, start - 2, start) is not None



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
