"""Agreements signed in an article, with their parties (`party_to`), date (`on_date`) and the event
they were signed at (`signed_at`).

An agreement is a quoted title followed by an agreement word (《…》合作协议), a quoted title that
ends in one (《全面合作战略框架协议》), or an agreement word shortly after a signing verb
(签署合作协议, 签订了一份框架协议); kinds are kg/data/agreement_kinds.txt. A vague outcome
(达成多项初步合作意向) has no agreement word and is not an agreement.

Parties are the persons, organisations and places of the clause before the signing verb
(`甲、乙及丙与丁签署…`; a clause that starts with 与 takes in the one before it), leaving out a
mention that only describes the next one (华鲁集团旗下山东省环科院牵头建设的「…共同体」: the
共同体 signs). The date is the clause's own, else the event's, else the dateline's. A signing
ceremony (签署仪式) becomes an event named after its agreement. Each row of a 签约双方 table is an
untitled agreement of its two parties. Signers acting 代表两校/双方, or named with a post at a body
that also signs, sign for their bodies.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from kg.doc import Doc
from kg.extract.slots import groups_of, main_event
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# a quoted title: 《…》, 「…」 or “…”
TITLE = re.compile(r"""
    《(?P<a>[^《》\n]{1,40})》       # title brackets
    | 「(?P<b>[^「」\n]{1,40})」      # corner brackets
    | “(?P<c>[^“”\n]{1,40})”        # curly quotes
    """, re.VERBOSE)
# a signing verb, with the manner words that may come before it
SIGN = re.compile(r"""
    (?:线上|线下|现场|正式|共同|分别|成功|同时)?   # how it was signed
    (?:签署|签订|签约|缔结|订立|达成)              # the verb
    了?                                              # perfective
    """, re.VERBOSE)
# a signing verb after the agreement word: 合作协议正式签署
SIGN_AFTER = re.compile(r"(?:正式|顺利|成功)?(?:签署|签订|签约)")
# a count before an agreement word: a summary of several agreements, not one (签署多项合作协议)
COUNTED = re.compile(r"""
    (?:多|数|几|若干|\d+|[二三四五六七八九十两]+)(?:项|份|个|批)   # several, 12
    | 一批 | 一系列 | 系列                                          # a batch of
    """, re.VERBOSE)
# a signing that has not happened: planned, possible or denied (另行磋商并订立正式协议, 未必会导致订立任何协议)
MODAL = re.compile(r"另行|未必|可能|或会|有待|拟|有望|任何|不会|尚未|将来")
MODAL_REACH = 10  # characters before the signing verb where a modal word counts
# a signing ceremony
CEREMONY = re.compile(r"(?:签署|签约|签字)仪式")
# words between a signing verb and its agreement word that keep them together: 签署了一份战略
SIGN_GAP = 12
CLAUSE_END = re.compile(r"[,。;:!?\n]")
# a clause that has no subject of its own: 与华鲁集团…签署
NO_SUBJECT = re.compile(r"\s*(?:与|和|同|跟|并与|亦与|也与)")
# where the party list starts inside a clause: after 包括, or after a speaker's verb (主席X表示…);
# not the 称 of a defined short form (以下简称“瀚海资本”, 下称, 统称, 又称), which names a party
LIST_START = re.compile(r".*(?:包括|表示|指出|强调|认为|透露|介绍|说|(?<![简下统又并合])称)", re.DOTALL)
# the text between a mention and the next when the first only describes the second:
# 华鲁集团旗下山东省环科院, 山东省环科院牵头建设的「…共同体」, 香港科技园园区公司泽浩…
DESCRIBES = re.compile(r"""
    ^[「“"]?$                                      # nothing: the two names touch
    | (?:旗下|下属|所属|属下|的|园区公司|成员)[「“"]?$   # 旗下, …建设的「
    """, re.VERBOSE)
# where the signing happens, not who signs: 在潍坊签订
AT_PLACE = re.compile(r"(?:在|于)$")
# a conjunction between two parties
CONJUNCTION = re.compile(r"[与和及、同跟,]|以及")
# what may follow a place that signs (与淄博签署, 山东省与香港): not a noun it only modifies (香港科学园区公司)
PLACE_SIGNS = re.compile(r"""
    \s*(?:$|[与和及、同跟,(]|以及       # the end of the list, or the next party
    |签|在|于|亦|也|共同|正式|线上|线下|分别|今|近|将|已|双方|政府)   # the signing, or how and when
    """, re.VERBOSE)
# the header row of a table of signed projects: 序号 项目名称 签约双方
TABLE_HEADER = re.compile(r"(?:签约双方|签约单位|签约主体|合作双方|签署双方)[^\n]*\n")
# a row of that table: its number, then the project, then the two parties split by / or 与
TABLE_ROW = re.compile(r"""
    [ \t]*(?P<no>\d{1,3})[.、 \t]\s*     # the row number
    (?P<row>[^\n]+)                      # the rest of the row
    (?:\n|$)
    """, re.VERBOSE)
# between the two parties of a row
ROW_SPLIT = re.compile(r"\s*(?:/|／|与|和|、)\s*")
TABLE_REACH = 80  # characters between an agreement word and the table it heads (均签署投资合作协议 ... 序号)
RESPECTIVELY = re.compile(r"分别(?:与|和|同|跟)")  # 分别与甲、乙签订: one agreement with each
CELL_NUMBER = re.compile(r"(?m)^[ \t]*(?P<no>\d{1,3})[ \t]*$")  # a row's number on a line of its own
CELL_HEADER_REACH = 40  # characters of header cells (总投资 / (亿元)) before the first row's number
CELL_ROW_REACH = 120  # characters of one row's cells
# signers acting for their bodies: 代表两校签署 (the bodies are the parties, not the persons)
ON_BEHALF = re.compile(r"代表(?:双方|两校|两地|两家|各方|三方|各自|本单位|两院)[^,。;]{0,4}$")
# a date written out, not relative
EXPLICIT_DATE = re.compile(r"\d|[年月日]")
DATELINE_REACH = 400  # characters from the top where a dateline may stand
# the reporting body as its own party: 本公司与X订立 (an annual report's issuer, named at its top)
SELF = re.compile(r"""
    \s*(?:本公司|本集团|我公司|我司|本行)   # the issuer speaking of itself
    (?:亦|也|还|另)?(?:与|和|同|跟)         # then the other party
    """, re.VERBOSE)
# the body just named, again: 瀚海智能与X签署…;公司亦与Y签订
AGAIN = re.compile(r"""
    \s*(?:该公司|公司|该集团|集团|该校|该机构)   # the body of the signing before
    (?:亦|也|还|另|同时|并)?(?:与|和|同|跟)       # then the other party
    """, re.VERBOSE)
AGAIN_REACH = 120  # characters from the signing before
# the other parties named together, listed in the sentence before: 与各承销机构签署
COLLECTIVE = re.compile(r"""
    (?:与|和|同|跟)                                  # with
    (?:各|上述|以上|前述|该等)(?:家|间|个)?           # each of / the above
    [^\s,。;与和]{0,6}(?:机构|银行|单位|企业|公司|伙伴|各方)   # the bodies
    $""", re.VERBOSE)


@cache
def _kinds(lex: Lexicon) -> tuple[list[str], re.Pattern[str]]:
    """The agreement kinds, longest first, and their alternation (made once per lexicon)."""
    kinds = sorted(lex.words("agreement_kinds"), key=len, reverse=True)
    return kinds, re.compile("|".join(map(re.escape, kinds)))


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    kinds, kind_re = _kinds(lex)
    text = doc.text
    found: list[tuple[Mention, int]] = []  # (agreement mention, where its party clause ends)
    taken: list[tuple[int, int]] = []
    quotes = [q.span() for q in TITLE.finditer(text)]
    for q in TITLE.finditer(text):
        g = next(k for k in "abc" if q.group(k))
        inner = q.group(g)
        after = kind_re.match(text, q.end())
        head_sign = _sign_before(text, q.start())
        if after:
            span, kind = (q.start(), after.end()), after.group()
        elif (w := next((k for k in kinds if inner.endswith(k)), None)) and (g == "a" or head_sign):
            span, kind = q.span(), w
        else:
            continue
        m = doc.mention(Kind.AGREEMENT, *span, "agreement-titled", title=inner.strip(), agreement_kind=kind)
        found.append((m, head_sign.start() if head_sign else q.start()))
        taken.append(span)
    for k in kind_re.finditer(text):
        if any(s <= k.start() < e for s, e in taken + quotes):
            continue
        sign = _sign_before(text, k.start(), reach=SIGN_GAP)
        after = SIGN_AFTER.match(text, k.end())
        if not (sign or after) or COUNTED.search(text, max(0, k.start() - 6), k.start()):
            continue
        verb = sign.start() if sign else k.start()
        clause = max([verb - MODAL_REACH] + [c.end() for c in CLAUSE_END.finditer(text, max(0, verb - MODAL_REACH), verb)])
        if MODAL.search(text, clause, k.start()):  # 另行磋商并订立正式协议, 未必会导致订立任何协议
            continue
        m = doc.mention(Kind.AGREEMENT, *k.span(), "agreement-signed", agreement_kind=k.group())
        found.append((m, sign.start() if sign else k.start()))
    rows, heads = _table_rows(doc, prior, found)
    return _slots(doc, prior, [f for f in found if f[0] not in heads], dict(rows))


def _table_rows(doc: Doc, prior: Findings, found: list[tuple[Mention, int]]
                ) -> tuple[list[tuple[Mention, tuple[Mention, ...]]], set[Mention]]:
    """One untitled agreement per row of a 签约双方 table, with the row's two parties; its kind is
    the untitled agreement word written just before the table (均签署投资合作协议, which then names
    the rows, not an agreement of its own), else 协议."""
    text, out, heads = doc.text, [], set()
    actors = doc.actors(prior.mentions)
    for h in TABLE_HEADER.finditer(text):
        before = [m for m, _ in found if 0 <= h.start() - m.nend <= TABLE_REACH and m.title is None]
        kind = before[-1].agreement_kind if before else "协议"
        pos, n = h.end(), len(out)
        while (r := TABLE_ROW.match(text, pos)) is not None:
            pos = r.end()
            inside = [a for a in actors if r.start("row") <= a.nstart and a.nend <= r.end("row")
                      and a.kind is not Kind.PERSON]
            pair = next(((a, b) for a, b in zip(inside, inside[1:]) if ROW_SPLIT.fullmatch(text, a.nend, b.nstart)), None)
            if pair is None:
                continue
            m = doc.mention(Kind.AGREEMENT, r.start("no"), r.end("no"), "agreement-table-row", agreement_kind=kind)
            out.append((m, pair))
        if len(out) == n:  # no row on one line: a table pasted one cell a line (from a PDF)?
            out += _cell_rows(doc, actors, h.end(), kind)
        if len(out) > n and before:
            heads.add(before[-1])
    return out, heads


def _cell_rows(doc: Doc, actors: list[Mention], start: int, kind: str) -> list[tuple[Mention, tuple[Mention, ...]]]:
    """The rows of a 签约双方 table pasted one cell a line (序号 / 项目名称 / 签约双方 / 总投资 on lines of
    their own, then 1 / the project / one party / the other / the amount, 2 / …): each row runs from
    its number's line to the next number's, and its parties are the last two organisations in it."""
    text, out = doc.text, []
    first = CELL_NUMBER.search(text, start, start + CELL_HEADER_REACH)
    if first is None or first.group("no") != "1":
        return []
    rows = []
    at, no = first, 1
    while at is not None:
        nxt = CELL_NUMBER.search(text, at.end(), at.end() + CELL_ROW_REACH)
        nxt = nxt if nxt is not None and nxt.group("no") == str(no + 1) else None
        end = nxt.start() if nxt else min(len(text), at.end() + CELL_ROW_REACH)
        if (gap := text.find("\n\n", at.end(), end)) >= 0:
            end = gap  # the table ends at a blank line
        rows.append((at, end))
        at, no = nxt, no + 1
    for number, end in rows:
        orgs = [a for a in actors if number.end() <= a.nstart and a.nend <= end and a.kind is Kind.ORGANIZATION]
        if len(orgs) >= 2:
            m = doc.mention(Kind.AGREEMENT, number.start("no"), number.end("no"), "agreement-table-row", agreement_kind=kind)
            out.append((m, tuple(orgs[-2:])))
    return out


def _sign_before(text: str, npos: int, reach: int = 6) -> re.Match | None:
    """The signing verb ending at most `reach` characters before npos, in the same clause."""
    head_start = max(0, npos - reach - 8)
    last = None
    for s in SIGN.finditer(text, head_start, npos):
        if npos - s.end() <= reach and not CLAUSE_END.search(text, s.end(), npos):
            last = s
    return last


def _slots(doc: Doc, prior: Findings, found: list[tuple[Mention, int]],
           table: dict[Mention, tuple[Mention, ...]]) -> Findings:
    actors = doc.actors(prior.mentions)
    dates = [m for m in of_kind(prior.mentions, Kind.DATE) if m.value]
    events = of_kind(prior.mentions, Kind.EVENT)
    groups = groups_of(events, prior.links)
    main, main_date = _main_event(prior, events, groups)
    dateline = next((d for d in dates if d.nstart < DATELINE_REACH and len(d.value or "") == 10), None)
    mentions: list[Mention] = []
    links: list[Link] = []
    rows = []
    holds = Rel.HOLDS_POSITION
    bodies = {(l.source, l.target.norm) for l in prior.links if l.type is holds and l.target}
    named = []
    for m, verb in found + [(r, r.nstart) for r in table]:
        clause = _party_clause(doc.text, verb)
        named.append((m, verb, clause, table.get(m) or _parties(
            [a for a in actors if clause <= a.nstart and a.nend <= verb], doc.text)))
    signed = []
    for m, verb, clause, parties in named:
        parties = _implied(doc, actors, named, clause, verb) + list(parties)
        if ON_BEHALF.search(doc.text, max(clause, verb - 12), verb):
            parties = _bodies(parties, actors)
        # 贸发局副总裁X与商务厅副厅长Y签署: each signs for the body named with their post
        parties = [p for p in parties if not any((p, o.norm) in bodies for o in parties if o is not p)]
        signed.append((m, verb, clause, parties))
    signed = [row for one in signed for row in _respectively(doc.text, one)]
    alias_of = Rel.ALIAS_OF
    alias = {l.source.norm: l.target.norm for l in prior.links if l.type is alias_of}
    body = lambda p: alias.get(p.norm, p.norm)  # noqa: E731  a party's name, its full one where defined (理大)
    for m, verb, clause, parties in _apart(_retold(_echoes(signed, headline=doc.text.find("\n"), text=doc.text, body=body),
                                                   headline=doc.text.find("\n")), body=body):
        mentions.append(m)
        links += [Link(Rel.PARTY_TO, p, m, evidence=doc.evidence(p.nstart, m.nstart)) for p in parties]
        s, e = doc.sentence_at(m.nstart)
        own = [d for d in dates if clause <= d.nstart < m.nend and EXPLICIT_DATE.search(d.norm)]
        own = own or [d for d in dates if s <= d.nstart < e and EXPLICIT_DATE.search(d.norm)]
        at = next((groups[ev] for ev in events if s <= ev.nstart < e and ev.label is None), None)
        rows.append((m, own[-1] if own else None, at))
    own_dates = {_key(m): own for m, own, _ in reversed(rows) if own is not None}
    ceremony = _ceremony(doc, mentions, links, actors, own_dates, body)  # as written out: echoes carry their agreement's label
    dated = set(own_dates)
    held = {_key(m) for m, own, at in rows if at is not None} | {
        _key(l.source) for l in ceremony.links if l.type is Rel.SIGNED_AT}
    for m, own, at in rows:
        if at is None and main is not None and _key(m) not in held and (
                own is None or (main_date is not None and own.value == main_date.value)):
            at = main
        date = own or (main_date if at is main and main_date else None)
        if date is None and _key(m) not in dated:
            date = dateline
        if date is not None:
            links.append(Link(Rel.ON_DATE, m, date, evidence=doc.evidence(m.nstart, date.nstart)))
        if at is not None:
            links.append(Link(Rel.SIGNED_AT, m, at, evidence=doc.evidence(m.nstart, at.nstart)))
    return Findings(tuple(mentions) + ceremony.mentions, tuple(links) + ceremony.links)


def _key(m: Mention) -> str:
    """Which agreement a mention names: its title, else its label, else its kind (one untitled
    合作协议 an article)."""
    return re.sub(r"\s", "", m.title or m.label or m.agreement_kind or m.norm)


def _same_body(a: str, b: str) -> bool:
    """Whether two parties' names name one body: the same, or one inside the other (鑫荣海洋 of
    威海鑫荣海洋生物科技有限公司)."""
    return a == b or len(a) >= 2 and len(b) >= 2 and (a in b or b in a)


def _shared(names: set[str], others: set[str]) -> bool:
    """Whether two sets of parties' names share a body (_same_body)."""
    return any(_same_body(a, b) for a in names for b in others)


def _echoes(signed: list[tuple[Mention, int, int, list[Mention]]], *, headline: int, text: str,
            body: Callable[[Mention], str]) -> list[tuple[Mention, int, int, list[Mention]]]:
    """An untitled agreement of the kind of the article's one titled agreement of that kind names
    it again (签署《澳鲁经贸合作备忘录》……双方代表签署合作备忘录) where it is in the headline (which ends
    at `headline`) or its parties are none, only persons, or shared with it; another pair of bodies
    signs another agreement. So does a shorter kind after the one agreement of a fuller kind
    (订立战略合作框架协议……自框架协议签署之日起) whose parties it names, if any, unless a modifier
    of its own names another one (签订学术交流协议)."""
    titled: dict[str, dict[str, tuple[Mention, set[str]]]] = {}  # kind -> title -> (first mention, parties)
    for m, _, _, parties in signed:
        if m.title is not None and m.agreement_kind:
            first, names = titled.setdefault(m.agreement_kind, {}).setdefault(_key(m), (m, set()))
            names.update(body(p) for p in parties)  # (one title written twice is one agreement)
    out = []
    for m, verb, clause, parties in signed:
        same = list(titled.get(m.agreement_kind or "", {}).values())
        names = {body(p) for p in parties}
        if m.title is None and len(same) == 1 and (m.nstart < headline or _shared(names, same[0][1])
                                                   or _persons(parties)):
            m = replace(m, title=same[0][0].title, label=same[0][0].label or same[0][0].norm)
        elif m.title is None and _bare(text, m, verb) and (fuller := _fuller_before(m, signed)) is not None and (
                all(any(n in f or f in n for f in fuller[1]) for n in names)  # 山东高速物流 of …集团有限公司
                or _persons(parties)):
            m = replace(m, title=fuller[0].title, label=fuller[0].label or fuller[0].norm,
                        agreement_kind=fuller[0].agreement_kind)
        out.append((m, verb, clause, parties))
    return out


def _bare(text: str, m: Mention, verb: int) -> bool:
    """Whether the agreement word stands without a modifier of its own (订立框架协议, 该框架协议, not
    签订学术交流协议, which names another agreement)."""
    sign = SIGN.match(text, verb)
    gap = text[sign.end():m.nstart] if sign and sign.end() <= m.nstart else ""
    return gap in ("", "该", "此", "上述", "本")


def _fuller_before(m: Mention, signed: list[tuple[Mention, int, int, list[Mention]]]
                   ) -> tuple[Mention, set[str]] | None:
    """The one agreement signed before m whose kind ends in m's shorter kind (战略合作框架协议 before
    订立框架协议之理由), with its parties' names; None when there is none or more than one."""
    kind = m.agreement_kind or ""
    before = {_key(o): (o, {p.norm for p in ps}) for o, _, _, ps in signed
              if o.nend <= m.nstart and (o.agreement_kind or "").endswith(kind) and o.agreement_kind != kind}
    return next(iter(before.values())) if kind and len(before) == 1 else None


def _retold(signed: list[tuple[Mention, int, int, list[Mention]]], *, headline: int
            ) -> list[tuple[Mention, int, int, list[Mention]]]:
    """An untitled agreement in the headline (which ends at `headline`) that the body tells again,
    untitled, of the same kind and with two parties or more, is that one: the headline's is dropped
    (where the body names no parties, the headline's stay)."""
    told = {m.agreement_kind for m, _, _, ps in signed if m.title is None and m.nstart > headline and len(ps) > 1}
    return [row for row in signed
            if not (row[0].title is None and row[0].nstart < headline and row[0].agreement_kind in told)]


def _apart(signed: list[tuple[Mention, int, int, list[Mention]]], *, body: Callable[[Mention], str]
           ) -> list[tuple[Mention, int, int, list[Mention]]]:
    """Untitled agreements of one kind signed by different parties (甲与乙签署战略合作协议; 丙与丁签署
    战略合作协议) are different agreements: each is labelled with its parties (甲与乙战略合作协议).
    Parties that share a body (理大 and 香港理工大学) are no different parties, and persons signing
    (甲教授与乙教授签署合作备忘录) sign the one of that kind labelled before, for their bodies."""
    by_kind: dict[str, list[frozenset[str]]] = {}
    for m, _, _, parties in signed:
        if m.title is None and parties and not _persons(parties):
            by_kind.setdefault(m.agreement_kind or m.norm, []).append(frozenset(body(p) for p in parties))
    out = []
    last: dict[str, Mention] = {}  # the last labelled agreement of each kind
    for m, verb, clause, parties in signed:
        kind = m.agreement_kind or m.norm
        sets = by_kind.get(kind, [])
        apart = len(set(sets)) > 1 and all(a == b or not _shared(a, b) for a in sets for b in sets)
        if m.title is None and parties and _persons(parties) and sets:
            m, parties = replace(m, label=last[kind].label) if apart and kind in last else m, []
        elif m.title is None and parties and apart:
            m = replace(m, label="与".join(p.norm for p in parties) + kind)
            last[kind] = m
        out.append((m, verb, clause, parties))
    return out


def _respectively(text: str, one: tuple[Mention, int, int, list[Mention]]) -> list[tuple[Mention, int, int, list[Mention]]]:
    """甲分别与乙、丙、丁签订协议: one agreement with each party after 分别与, each with the parties
    before it and labelled with them (甲与乙协议); else the signing as it is."""
    m, verb, clause, parties = one
    r = RESPECTIVELY.search(text, clause, verb)
    if r is None or m.title is not None:
        return [one]
    before = [p for p in parties if p.nend <= r.start()]
    after = [p for p in parties if p.nstart >= r.end()]
    if len(after) < 2:
        return [one]
    kind = m.agreement_kind or m.norm
    return [(replace(m, label="与".join(q.norm for q in [*before, p]) + kind), verb, clause, before + [p]) for p in after]


def _persons(parties: list[Mention]) -> bool:
    """Whether every party is a person (signers named for their bodies)."""
    return all(p.kind is Kind.PERSON for p in parties)




def _party_clause(text: str, verb: int) -> int:
    """Where the party list before a signing verb starts."""
    ends = [0] + [c.end() for c in CLAUSE_END.finditer(text, 0, verb)]
    while len(ends) > 1 and not text[ends[-1]:verb].strip():  # a line break inside the sentence
        ends.pop()
    start = ends[-1]
    if NO_SUBJECT.match(text, start) and len(ends) >= 2 and text[start - 1] == ",":
        start = ends[-2]
    lead = LIST_START.match(text[start:verb])
    return start + lead.end() if lead else start


def _parties(cands: list[Mention], text: str) -> list[Mention]:
    """The signers among a clause's mentions: not one that only describes the next (旗下, 的)."""
    cands = sorted(cands, key=lambda m: m.nstart)
    out = []
    where = -1  # where the last place a signing happens in ends (在山东省|淄博市: the city is there too)
    for i, m in enumerate(cands):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        prev = out[-1] if out else None
        if prev is not None and text[prev.nend:m.nstart] == "(":  # a short form defined in brackets
            continue
        if AT_PLACE.search(text, max(0, m.nstart - 3), m.nstart) or m.kind is Kind.PLACE and m.nstart == where:
            where = m.nend  # (AT_PLACE ends there: it looks only there)
            continue
        gap = text[m.nend:nxt.nstart] if nxt is not None else ""
        if nxt is not None and nxt.kind is not Kind.PERSON and DESCRIBES.search(gap) and not CONJUNCTION.search(gap):
            continue
        if m.kind is Kind.PLACE and not PLACE_SIGNS.match(text, m.nend):
            continue
        out.append(m)
    return out


def _implied(doc: Doc, actors: list[Mention], signed: list[tuple[Mention, int, int, list[Mention]]],
             clause: int, verb: int) -> list[Mention]:
    """Parties the clause names without their names: the issuer as 本公司 (the first organisation at
    the top), the body of the signing just before as 公司, and the bodies of the sentence before as
    各承销机构."""
    text, orgs = doc.text, of_kind(actors, Kind.ORGANIZATION)
    if SELF.match(text, clause):
        return [o for o in orgs[:1] if o.nstart < DATELINE_REACH]
    if AGAIN.match(text, clause):
        before = sorted(((v, ps) for _, v, _, ps in signed if 0 < clause - v <= AGAIN_REACH), key=lambda b: b[0])
        return of_kind(before[-1][1], Kind.ORGANIZATION)[:1] if before else []
    if COLLECTIVE.search(text, clause, verb) and (s := doc.sentence_at(clause)[0]) > 0:
        ps, pe = doc.sentence_at(s - 1)
        listed = _parties([o for o in orgs if ps <= o.nstart and o.nend <= pe], text)
        return [o for o in listed if not (clause <= o.nstart < verb)]
    return []


def _bodies(parties: list[Mention], actors: list[Mention]) -> list[Mention]:
    """The bodies signers act for: persons dropped, a unit replaced by the organisation the article
    names on its own whose name it starts with (X大学Y学院 -> X大学)."""
    out: list[Mention] = []
    for p in parties:
        if p.kind is Kind.PERSON:
            continue
        parent = next((a for a in actors if a.kind is Kind.ORGANIZATION and len(a.norm) >= 2
                       and p.norm.startswith(a.norm) and len(a.norm) < len(p.norm)), p)
        if all(o.norm != parent.norm for o in out):
            out.append(parent)
    return out


def _main_event(prior: Findings, events: list[Mention],
                groups: dict[Mention, Mention] | None = None) -> tuple[Mention | None, Mention | None]:
    """The article's most mentioned event, and its date; `groups` is groups_of(events, prior.links)
    when the caller has it already."""
    groups = groups_of(events, prior.links) if groups is None else groups
    main = main_event(events, groups)
    if main is None:
        return None, None
    on_date = Rel.ON_DATE
    dated = [l.target for l in prior.links if l.type is on_date and l.source in groups and groups[l.source] == main]
    return main, (dated[0] if dated else None)


def _ceremony(doc: Doc, signed: list[Mention], links: list[Link], actors: list[Mention],
              own_dates: dict[str, Mention], body: Callable[[Mention], str]) -> Findings:
    """A signing ceremony: an event named after the agreement signed nearest before it."""
    mentions, out = [], []
    first = None  # the agreement of the article's first ceremony, which a later bare one refers back to
    for c in CEREMONY.finditer(doc.text):
        sentence, _ = doc.sentence_at(c.start())
        near = doc.sentence_at(sentence - 1)[0] if sentence > 0 else 0  # this sentence and the one before
        agr = max((m for m in signed if m.nend <= c.start() and (first is None or m.nstart >= near)),
                  key=lambda m: m.nend, default=first)  # (出席签署仪式 later on, none signed just before: the first)
        if agr is None:
            continue
        first = first or agr
        parties = [l.source for l in links if l.type is Rel.PARTY_TO and l.target == agr]
        # named after every party any mention of the agreement names, so that each of its ceremonies is one
        named = [l.source for l in links if l.type is Rel.PARTY_TO and _key(l.target) == _key(agr)]
        names = list(dict.fromkeys(body(p) for p in named if p.kind is not Kind.PERSON))
        label = f"{'与'.join(names)}{agr.agreement_kind}签署仪式"
        ev = replace(doc.mention(Kind.EVENT, *c.span(), "signing-ceremony"), label=label)
        mentions.append(ev)
        out += [Link(Rel.ORGANIZED, p, ev, evidence=doc.evidence(p.nstart, agr.nstart)) for p in parties
                if p.kind is Kind.ORGANIZATION]
        if (date := own_dates.get(_key(agr))) is not None:
            out.append(Link(Rel.ON_DATE, ev, date, evidence=doc.evidence(ev.nstart, date.nstart)))
        out.append(Link(Rel.SIGNED_AT, agr, ev, evidence=doc.evidence(agr.nstart, ev.nstart)))
        s, e = doc.sentence_at(c.start())
        out += [Link(Rel.PARTICIPATED_IN, a, ev, evidence=doc.evidence(a.nstart)) for a in actors
                if s <= a.nstart < e and a.kind is Kind.PERSON]
    return Findings(tuple(mentions), tuple(out))
