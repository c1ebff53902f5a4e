"""The slots of events: `on_date`, `held_in`, `organized`, `participated_in`.

Works on the event mentions of one article, grouped into events (equal names or labels, and
ALIAS_OF links). The main event is the one mentioned most; a sentence that has someone speak,
attend or host (致辞, 出席, 主持) but names no event is about the main event.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.doc import Doc
from kg.unionfind import UnionFind
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# a date written out (2月23日, 2023年) rather than relative (今天, 近日)
EXPLICIT_DATE = re.compile(r"\d|[年月日]")
# held somewhere: 在济南举行, 在香港科学园圆满举行
HELD = re.compile(r"""
    在(?P<place>[^,。;\n]{2,15}?)      # 在 + the place
    (?:圆满|隆重|成功|顺利|正式)?       # how
    (?:举行|举办|召开|开幕|开展)         # held
    """, re.VERBOSE)
# organised: 主办的, 联合…主办的, 合作举办的, 率领
ORGANIZE_OF = re.compile(r"(?:联合|共同|合作)?(?:主办|承办|协办|举办|组织)的?")
# organised, written after the event: 本届论坛由香港贸发局和山东省商务厅共同主办
ORGANIZED_BY = re.compile(r"""
    [」”]?(?:将|已|是|均)?由                      # by
    (?P<orgs>[^,。;\n]{2,80}?)                    # the organisers
    (?:联合|共同|合作)?(?:主办|承办|举办|发起|组织)   # organised
    """, re.VERBOSE)
# someone taking part: speaking, attending, hosting, sharing, meeting, witnessing
PARTICIPATE = re.compile(r"致辞|致开幕辞|出席|参加|参与|主持|分享|演讲|发言|见证|拜会|会见|接见|参会|与会|推介")
# a happening at the scene of another event: 会议现场为…揭牌, 会上, 期间
ON_SITE = re.compile(r"现场|会上|会议上|大会上|活动上|期间|此行|行程")
DATELINE_REACH = 400  # characters from the top where a dateline may stand
DATE_REACH = 40  # characters between an event mention and its date in one sentence


class Slots:
    def __init__(self, doc: Doc, prior: Findings, events: tuple[Mention, ...], links: tuple[Link, ...]) -> None:
        self.doc = doc
        self.events = sorted(events, key=lambda m: m.nstart)
        self.dates = [m for m in of_kind(prior.mentions, Kind.DATE) if m.value]
        self.actors = doc.actors(prior.mentions)  # mentions not inside a longer one
        self.groups = groups_of(self.events, links)

    def links(self) -> tuple[Link, ...]:
        out: list[Link] = []
        out += self._dates()
        out += self._places()
        organized = self._organizers()
        out += organized
        out += self._participants({(l.source, self.groups[l.target]) for l in organized})
        return tuple(out)

    def _main(self) -> Mention | None:
        return main_event(self.events, self.groups)

    def _dates(self) -> list[Link]:
        """One date per event: over all its mentions, a named mention before a reference, a written
        date before a relative one, one in the mention's clause or before it before one after it."""
        best: dict[Mention, tuple[tuple, Mention, Mention]] = {}
        for m in self.events:
            s, e = self.doc.sentence_at(m.nstart)
            clause = self.doc.clause_start(m.nstart, s)
            for d in self.dates:
                if not s <= d.nstart < e:
                    continue
                inside = d.nstart < m.nend and m.nstart < d.nend and m.label is None  # 2024港澳山东周
                after = d.nstart >= m.nend
                if (d.nstart - m.nend if after else m.nstart - d.nend) > (DATE_REACH if after else 2 * DATE_REACH):
                    continue
                rank = (m.rule == "event-reference", not EXPLICIT_DATE.search(d.norm), inside, after,
                        d.nstart < clause, abs(d.nstart - m.nstart))
                g = self.groups[m]
                if g not in best or rank < best[g][0]:
                    best[g] = (rank, m, d)
        out = [Link(Rel.ON_DATE, m, d, evidence=self.doc.evidence(m.nstart, d.nstart)) for _, m, d in best.values()]
        main = self._main()
        main_date = best[main][2] if main in best else self._dateline()
        if main is not None and main_date is not None:
            if main not in best:
                out.append(Link(Rel.ON_DATE, main, main_date, evidence=self.doc.evidence(main.nstart, main_date.nstart)))
            for m in self.events:  # 会议现场为…揭牌: a happening at the main event, on its date
                s, e = self.doc.sentence_at(m.nstart)
                if self.groups[m] not in best and self.groups[m] != main and m.rule != "visit" and m.label and ON_SITE.search(self.doc.text, s, e):
                    out.append(Link(Rel.ON_DATE, m, main_date, evidence=self.doc.evidence(m.nstart, main_date.nstart)))
        return out

    def _dateline(self) -> Mention | None:
        """The date at the top of the article (a dateline: 香港,2023年10月24日), if any."""
        return next((d for d in self.dates if d.nstart < DATELINE_REACH and len(d.value or "") == 10), None)

    def _places(self) -> list[Link]:
        out = []
        for m in self.events:
            h = HELD.match(self.doc.text, m.nend) or HELD.match(self.doc.text, m.nend + 1)
            if not h:
                continue
            places = [p for p in of_kind(self.actors, Kind.PLACE) if h.start("place") <= p.nstart and p.nend <= h.end("place")]
            if places:
                out.append(Link(Rel.HELD_IN, m, places[0], evidence=self.doc.evidence(m.nstart)))
        return out

    def _organizers(self) -> list[Link]:
        """由X、Y主办的EVENT: every organisation of the clause; X先后举办A、B: the nearest organisation."""
        text, out = self.doc.text, []
        for m in self.events:
            clause = self.doc.clause_start(m.nstart)
            head = text[clause:m.nstart]
            verb = None
            for v in ORGANIZE_OF.finditer(head):
                if v.group().endswith("的") and len(head) - v.end() <= 3:
                    verb = v
            orgs: list[Mention] = []
            if verb:
                orgs = [a for a in of_kind(self.actors, Kind.ORGANIZATION) if clause <= a.nstart
                        and a.nend <= clause + verb.start()]
            else:
                chain = re.search(r"(?:举办|主办|承办|召开)了?(?:[^,。;]*[、和及])?$", head)
                if chain:
                    s, _ = self.doc.sentence_at(m.nstart)
                    before = [a for a in of_kind(self.actors, Kind.ORGANIZATION) if s <= a.nstart
                              and a.nend <= clause + chain.start()]
                    orgs = before[-1:]
            by = ORGANIZED_BY.match(text, m.nend)
            if by:
                orgs += [a for a in of_kind(self.actors, Kind.ORGANIZATION)
                         if by.start("orgs") <= a.nstart and a.nend <= by.end("orgs")]
            target = self.groups[m]
            out += [Link(Rel.ORGANIZED, o, target, evidence=self.doc.evidence(o.nstart, m.nstart)) for o in orgs]
        return out

    def _participants(self, organizers: set[tuple[Mention, Mention]]) -> list[Link]:
        """Persons and organisations of a sentence where someone speaks, attends or hosts: of the
        event the sentence names, else of the main event. A byline or dispatch in that sentence
        (【某报讯】记者某某报道:) names no participant."""
        out = []
        main = self._main()
        for s, e in self.doc.sentences:
            if not PARTICIPATE.search(self.doc.text, s, e):
                continue
            named = [m for m in self.events if s <= m.nstart < e]
            target = self.groups[named[0]] if named else main
            if target is None or self.doc.is_peripheral(s):
                continue
            g = self.groups[target]
            for a in self.actors:
                if s <= a.nstart < e and a.kind is not Kind.PLACE and not a.peripheral and (a, g) not in organizers:
                    out.append(Link(Rel.PARTICIPATED_IN, a, target, evidence=self.doc.evidence(a.nstart, target.nstart)))
        return out


def main_event(events: list[Mention], groups: dict[Mention, Mention]) -> Mention | None:
    """The first mention of the event mentioned most (a named one before an unnamed one on a tie),
    if it is mentioned twice or is the only one."""
    if not events:
        return None
    counts = Counter(groups[m] for m in events)
    best = max(counts, key=lambda g: (counts[g], g.label is None, -g.nstart))
    return best if counts[best] >= 2 or len(counts) == 1 else None


NOT_IN_EVENT_KEY = re.compile(r"[\s「」“”《》]")  # what two names of one event may differ by (groups_of)


def groups_of(events: list[Mention], links: tuple[Link, ...]) -> dict[Mention, Mention]:
    """Each event mention -> the first mention of its event (equal name or label, or ALIAS_OF)."""
    uf = UnionFind()
    for m in events:
        uf.find(m)
    by_name: dict[str, Mention] = {}
    for m in events:
        k = NOT_IN_EVENT_KEY.sub("", m.label or m.norm)
        if k in by_name:
            uf.union(by_name[k], m)
        else:
            by_name[k] = m
    alias_of = Rel.ALIAS_OF
    for l in links:
        if l.type is alias_of and l.source in uf.parent and l.target in uf.parent:
            uf.union(l.source, l.target)
    first = {}  # each group's earliest mention (the first of equal starts, in the events' order)
    for m in events:
        r = uf.find(m)
        if r not in first or m.nstart < first[r].nstart:
            first[r] = m
    return {m: first[uf.find(m)] for m in events}
