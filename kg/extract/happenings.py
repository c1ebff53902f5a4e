"""Unnamed events: a delegation's or a leader's visit, an unveiling, an opening, a listing ceremony.

A delegation is named as written before 代表团 (潍坊市代表团赴香港 -> 潍坊市代表团访问香港), else after
its leader; an official may visit by title alone (X局局长访问青岛和烟台). A visit may name its place
in one character (代表团访港, 亦曾访澳: labelled as written) and have an adverb before its verb
(代表团先后到访), or its place before its verb (访问团一行于9月12日至16日在鲁考察). A bare
delegation (访问团一行) is the one described before it with the same word (由某某率领的香港工商界访问团),
and its label keeps that word as written (香港工商界访问团访问山东). A new body's plaque (基地同时挂牌) is an unveiling too, labelled 挂牌; a listing
(在港交所主板挂牌) is not.

Each gets a short descriptive `Mention.label` built from actor + verb + object
(香港科技园公司代表团访问山东省, 先进合成材料联合实验室揭牌, 香港科学园深圳分园开幕), while the mention
itself covers only the words that evoke it (代表团访问, 揭牌, 开幕), so that the actor's and the
object's own mentions survive `settle`. Visits by the same actor or to the same place are one
visit (ALIAS_OF links to the first); so is a bare 代表团 visit after a named delegation's.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.doc import Doc
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# a visit: an optional delegation, an optional 于 + time, and the visiting verb
VISIT = re.compile(r"""
    (?=[代考经访团于回到视出赴])                   # (the first character of any visit: lets the scan skip ahead)
    (?:(?P<who>代表团|考察团|经贸团|访问团)[」”"]?  # a delegation (named in quotes: 率领「某某代表团」访问)
       (?:一行)?(?:(?:近|约|逾|超过)?(?:\d+|[一二三四五六七八九十百]+)余?人)?   # 一行30余人, 一行近百人
       (?:[来在](?:[鲁港澳京]|我[省市区县]))?          # 来鲁访问, 在港考察, 来我区考察
     | (?<=率)(?P<team>团))?                         # 率团赴: the leader's delegation
    (?:(?:(?<=[团行人]),)?于[^,。;:\n]{1,12}?      # 于今年五月; 代表团(一行30人),于9月15日至18日
     | (?<=[团行人])(?=\d|[一二三四五六七八九十]{1,2}月)(?:(?!率|带领)[^,。;:\n]){1,12}?)?  # 访问团一行3月16日至20日
                                                         # (not 在会长某某率领下: the leader's words)
    (?:(?<=[团行人])(?:先后|亦曾|亦|曾|也|还|再次|首次))?  # 代表团先后到访, 代表团亦曾访澳, 一行12人先后到访
    (?P<verb>回访|到访|访问|视察|考察|出访|(?<=[团行人])赴   # 赴 only after a delegation
     | 访(?P<short>[港澳鲁])(?![港澳门])                   # 访港, 访澳, 访鲁: the place in one character
    )""", re.VERBOSE)
DELEGATIONS = ("代表团", "考察团", "经贸团", "访问团")  # the delegation words of VISIT
# a delegation met by a host: 会见(了) + who they are (由…率领的) + the delegation word
MEETING = re.compile(r"""
    会见了?
    (?P<guest>[^,。;:!?\n]{0,60}?(?:访问团|考察团|代表团|交流团|经贸团|(?<=[\u4e00-\u9fff]{2})一行))
    # 香港某商会访问团, 由某某率领的访问团, 某联络处主任某某一行
    """, re.VERBOSE)
# a line opening with its day and then what happened, no time of day or comma between: an entry of a
# chronicle (大事记: 1月8日　某某会见…, the gap taken out by cleaning; not 4月10日上午,…)
CHRONICLE_ENTRY = re.compile(r"""[ \t\u3000]*\d{1,2}月\d{1,2}日(?:[至—-]\d{1,2}(?:月\d{1,2})?日)?[ \t\u3000]*
    (?![上下中]午|晚|凌晨|早|傍晚|起|至|到|前|后|在|是)[\u4e00-\u9fff]""", re.VERBOSE)
INTERVIEWED = ("接受", "本报", "记者", "媒体")  # before 访问 where it is an interview (接受本报访问)
# the place a one-character visit (访港) goes to
SHORT_PLACE = {"港": "香港", "澳": "澳门", "鲁": "山东", "京": "北京"}
# where a visit stays, in one character before its verb: 访问团一行于9月12日至16日在鲁考察, 来鲁访问
STAYING = re.compile(r"(?:在|来)(?P<short>[鲁港澳京])$")
# what a delegation is called, right before 代表团: after 率/率领/带领 or the clause start
DELEGATION = re.compile(r"(?:.*(?:率领|带领|率)的?)?[「“\"]?(?P<name>[\u4e00-\u9fff]{2,14})$", re.DOTALL)
# an official visiting under a title with no name: 商务及经济发展局局长访问青岛
TITLE_BEFORE = re.compile(r"[\u4e00-\u9fff]{0,3}(?:长|主任|书记|主席|专员)")
# where a visit goes when no place or organisation mention starts there: up to a stop
DESTINATION = re.compile(r"""
    (?!表示|时|期间)                   # not a stop itself (到访表示欢迎)
    [\u4e00-\u9fff]{2,8}?             # a short run of Han characters
    (?=期间|时|,|。|、|;|并|促进|了解|参观|表示|\n|$)   # ended by a stop
    """, re.VERBOSE)
# an unveiling: (成立)揭牌
UNVEIL = re.compile(r"(?=[成启揭])(?:成立|启动)?揭牌(?!仪式)")  # (?=…): its first characters, for a fast scan
# a plaque hung on a new body (基地同时挂牌); 挂牌 alone is mostly a listing (在港交所主板挂牌), so the
# thing hung must end like a body set up on site, and the verb may follow an adverb
HUNG = re.compile(r"(?=[同正也亦挂])(?P<adverb>同时|同步|正式|也|亦)?挂牌(?![上交仪出督])")  # (?=…): a fast scan
HUNG_THING = re.compile(r"(?:基地|中心|实验室|研究院|研究所|平台|工作站|驿站|孵化器|服务站|联络处|办事处|分院)$")
# an opening, not the opening ceremony or speech of something else
OPENING = re.compile(r"开幕(?![式辞词前后典礼仪])")
# between an opened thing and 开幕: 已于今年9月, 正式, 隆重
OPENING_GAP = re.compile(r"""
    (?P<future>即将|将于|将)?          # a future opening is not an event yet
    (?:已|正式|隆重)?                   # already, formally
    (?:于[^,。;\n]{1,12}?)?            # 于今年 9 月
    $""", re.VERBOSE)
# where the name of an opened or unveiled thing starts: after the last of these
NAME_START = re.compile(r".*(?:的|在|于|为|,|。|、|:|\n|\s{2,})", re.DOTALL)
# a listing ceremony with no name of its own: 上市仪式在交易广场举行
LISTING_CEREMONY = re.compile(r"(?:上市|挂牌)仪式")
# where the article says who listed where: 在香港联合交易所主板挂牌上市
LISTED = re.compile(r"(?:在|于|登陆)(?P<where>[^,。;\n]{2,20}?)(?:主板|创业板|科创板|GEM)?(?:挂牌|成功)?上市")
LEAD = re.compile(r"率领|带领|组织|组团|(?<![效汇比概频利税速])率(?!先)")  # leading a delegation (not 率先, 效率, 汇率)
ACTOR_GAP = 6  # characters between a person and the verb of a visit (日前, 近日)
CLAUSE_MARK = re.compile(r"[,。;:!?\n]")  # where a clause ends
HEADLINE = 40  # characters of a line short enough to be a headline
LEDE_DATE = re.compile(r"[\s\u3000]*(?:[(（]?[^,。;\n]{0,20}?[)）]?)?$")  # before a lede's date: nothing, or a short dateline
Visit = tuple[Mention, Mention | None, str, Mention | None]  # a visit's mention, actor, destination, leader


def find(doc: Doc, prior: Findings, taken: tuple[Mention, ...] = (), short: dict[str, str] | None = None) -> Findings:
    """Unnamed visits, unveilings and openings not inside an already found event. A visit's label
    names its actor and destination in full where `short` (short form -> full name) or an
    abbreviation the article defines gives it (山科大代表团访问城大 -> 山东科技大学代表团访问香港城市大学)."""
    actors = doc.actors(prior.mentions)
    free = lambda s, e: not any(t.nstart < e and s < t.nend for t in taken)  # noqa: E731
    mentions: list[Mention] = []
    links: list[Link] = []
    full = dict(short or {})
    full.update({l.source.norm: l.target.norm for l in prior.links if l.type is Rel.ALIAS_OF
                 and l.source.kind is Kind.ORGANIZATION and l.target.kind is Kind.ORGANIZATION})
    visits = [v for v in _visits(doc, actors, full) if free(v[0].nstart, v[0].nend)]
    for group in _visit_groups(visits):
        head = group[0][0]
        for m, actor, _, leader in group:
            mentions.append(m)
            if m is not head:
                links.append(Link(Rel.ALIAS_OF, m, head, evidence=doc.evidence(m.nstart)))
            if actor is not None:
                rel = Rel.PARTICIPATED_IN if actor.kind is Kind.PERSON else Rel.ORGANIZED
                if actor.kind is not Kind.PLACE:
                    links.append(Link(rel, actor, m, evidence=doc.evidence(actor.nstart, m.nstart)))
            if leader is not None and leader is not actor:  # 某局局长某某率代表团: the leader goes too
                links.append(Link(Rel.PARTICIPATED_IN, leader, m, evidence=doc.evidence(leader.nstart, m.nstart)))
        if all(_in_headline(doc, v[0].nstart) for v in group) and (lede := _lede_date(doc, prior, group)):
            links.append(Link(Rel.ON_DATE, head, lede, evidence=doc.evidence(head.nstart, lede.nstart)))
    for group in _meeting_groups(doc, [g for g in _meetings(doc, actors) if free(g[0].nstart, g[0].nend)]):
        head = group[0][0]
        for m, present in group:
            mentions.append(m)
            if m is not head:
                links.append(Link(Rel.ALIAS_OF, m, head, evidence=doc.evidence(m.nstart)))
            links += [Link(Rel.PARTICIPATED_IN, a, m, evidence=doc.evidence(a.nstart, m.nstart)) for a in present]
    for pattern, rule in ((UNVEIL, "unveiling"), (HUNG, "hanging"), (OPENING, "opening")):
        for t in pattern.finditer(doc.text):
            if free(*t.span()):
                found = _object_event(doc, actors, t, rule, taken)
                if found:
                    mentions.append(found[0])
                    links.extend(found[1])
    for c in LISTING_CEREMONY.finditer(doc.text):
        if free(*c.span()) and (found := _listing(doc, prior, actors, c)):
            mentions.append(found[0])
            links.extend(found[1])
            break
    return Findings(tuple(mentions), tuple(links))


def _listing(doc: Doc, prior: Findings, actors: list[Mention], c: re.Match) -> tuple[Mention, list[Link]] | None:
    """An unnamed listing ceremony, named after the company and the exchange the article says it
    listed on (X在Y主板挂牌上市), on that statement's date, with the persons of its own sentence."""
    text = doc.text
    listed = next((l for l in LISTED.finditer(text) if l.start() < c.start()), None)
    if listed is None:
        return None
    s, e = doc.sentence_at(listed.start())
    company = next((a for a in actors if a.kind is Kind.ORGANIZATION and s <= a.nstart and a.nend <= listed.start()), None)
    where = next((a for a in actors if a.kind is Kind.ORGANIZATION and a.nstart == listed.start("where")), None)
    if company is None or where is None:
        return None
    m = replace(doc.mention(Kind.EVENT, *c.span(), "listing-ceremony"), label=f"{company.norm}{where.norm}上市仪式")
    links = [Link(Rel.PARTICIPATED_IN, a, m, evidence=doc.evidence(a.nstart, m.nstart)) for a in (company, where)]
    cs, ce = doc.sentence_at(c.start())
    links += [Link(Rel.PARTICIPATED_IN, a, m, evidence=doc.evidence(a.nstart, m.nstart)) for a in actors
              if a.kind is Kind.PERSON and cs <= a.nstart < ce]
    dated = [d for d in prior.mentions if d.kind is Kind.DATE and d.value and s <= d.nstart < listed.start()]
    if dated:
        links.append(Link(Rel.ON_DATE, m, dated[-1], evidence=doc.evidence(m.nstart, dated[-1].nstart)))
    return m, links


def _visits(doc: Doc, actors: list[Mention], full: dict[str, str]) -> list[Visit]:
    """(mention, actor, destination, leader) of each visit."""
    text, out = doc.text, []
    last_actor: tuple[tuple[int, int], Mention] | None = None
    for v in VISIT.finditer(text):
        if v.group("verb") == "访问" and (text.startswith("时", v.end()) or text.endswith(INTERVIEWED, 0, v.start("verb"))):
            continue  # 接受本报访问时说: an interview, not a visit
        if not (v.group("who") or v.group("team")) and text.startswith("团", v.end()):
            continue  # 与访问团会面, 会见考察团一行: the delegation named, not a visit
        dest_m = max((m for m in actors if m.nstart == v.end() and m.kind is not Kind.PERSON),
                     key=lambda m: m.nend, default=None)
        d = DESTINATION.match(text, v.end()) if v.group("verb") != "赴" and not v.group("short") else None
        dest = dest_m.norm if dest_m and not v.group("short") else (d.group() if d else None)
        dest = SHORT_PLACE[v.group("short")] if v.group("short") else dest
        also = dest_m and next((m for m in actors if m.nstart == dest_m.nend + 1 and m.kind is Kind.PLACE
                                and text[dest_m.nend] in "和及、"), None)
        if also and not v.group("short"):  # 访问青岛和烟台
            dest = text[dest_m.nstart:also.nend]
        staying = not dest and _staying(text, actors, v)  # 在鲁考察: where the visit stays, before its verb
        dest = dest or staying
        if not dest:
            continue
        clause = doc.clause_start(v.start())
        sentence = doc.sentence_at(v.start())
        actor = leader = None
        name = ""
        if v.group("who") or v.group("team"):
            vs = v.start()
            before = [m for m in actors if m.nend == vs and m.kind is not Kind.PERSON]
            lead = LEAD.search(text, clause, vs)
            upto = lead.start() if lead else clause  # where the leading organisations must end
            leaders = [m for m in actors if clause <= m.nstart and m.nend <= upto and m.kind is Kind.ORGANIZATION]
            led_by = [m for m in actors if clause <= m.nstart and lead and m.nend <= upto and m.kind is Kind.PERSON]
            actor = before[0] if before else (leaders[0] if leaders else (led_by[-1] if led_by else None))
            leader = led_by[-1] if led_by else None
            called = DELEGATION.match(text[clause:v.start()]) if v.group("who") else None
            if called and any(clause + called.start("name") <= m.nstart < v.start() for m in of_kind(actors, Kind.PERSON)):
                called = None  # 香港特区行政长官李家超率领代表团: the leader, not the delegation's name
            name = called.group("name") if called and not before else (actor.norm if actor else "")
            if not name and not leader and v.group("who"):  # 访问团一行…在鲁考察: the delegation named before
                name, actor, leader = _named_delegation(doc, actors, v.group("who"), vs)
        else:
            persons = [m for m in actors if clause <= m.nstart and 0 <= v.start() - m.nend <= ACTOR_GAP
                       and m.kind is Kind.PERSON]
            office = next((m for m in actors if clause <= m.nstart and m.kind is Kind.ORGANIZATION
                           and TITLE_BEFORE.fullmatch(text, m.nend, v.start())), None)
            if persons:
                actor = persons[-1]
            elif office:
                actor, name = office, text[office.nstart:v.start()]
            elif last_actor and last_actor[0] == sentence:
                actor = last_actor[1]
            else:
                continue
            last_actor = (sentence, actor)
        who = (v.group("who") or "代表团") if v.group("who") or v.group("team") else ""
        verb = "访问" if v.group("verb") == "赴" or staying else v.group("verb")
        name = name or (actor.norm if actor else "")
        label = f"{full.get(name, name)}{who}{verb}{'' if v.group('short') else full.get(dest, dest)}"
        m = doc.mention(Kind.EVENT, v.start(), v.end(), "visit")
        out.append((replace(m, label=label), actor, dest, leader))
    return out


def _named_delegation(doc: Doc, actors: list[Mention], word: str, before: int) -> tuple[str, Mention | None, Mention | None]:
    """(name, organisation, leader) of the delegation a bare one (访问团一行) is, from its first
    description before: 由某会会长某某率领的香港工商界访问团 (the name after the leading verb, the
    organisation in it and the person who leads), else 会见香港某商会访问团 (the organisation right before)."""
    text = doc.text
    for at in (i.start() for i in re.finditer(word, text[:before])):
        clause = doc.clause_start(at)
        lead = None
        for lead in LEAD.finditer(text, clause, at):
            pass
        if lead:
            name = text[lead.end():at].removeprefix("的").strip("「“\"")
            if re.fullmatch(r"[\u4e00-\u9fff]{2,14}", name):
                org = next((m for m in actors if m.kind is Kind.ORGANIZATION and lead.end() <= m.nstart and m.nend <= at), None)
                leader = next((m for m in reversed(actors) if m.kind is Kind.PERSON and clause <= m.nstart
                               and m.nend <= lead.start()), None)
                return name, org, leader
        org = next((m for m in actors if m.kind is Kind.ORGANIZATION and m.nend == at), None)
        if org is not None:
            return org.norm, org, None
    return "", None, None


def _staying(text: str, actors: list[Mention], v: re.Match) -> str | None:
    """Where a visit stays when its place is written before its verb (访问团一行于9月12日至16日在鲁考察,
    代表团来鲁访问, 在青岛考察): a one-character place or a place mention after 在/来."""
    short = STAYING.search(text, v.start(), v.start("verb"))
    if short:
        return SHORT_PLACE[short.group("short")]
    place = next((m for m in actors if m.kind is Kind.PLACE and m.nend == v.start("verb")
                  and v.start() < m.nstart and text[m.nstart - 1] in "在来"), None)
    return place.norm if place else None


def _meetings(doc: Doc, actors: list[Mention]) -> list[tuple[Mention, list[Mention]]]:
    """(mention, those present) of each meeting of a delegation by a named host (省长某某在济南会见了
    香港某商会访问团): labelled host + 会见 + the delegation as written, the host and the delegation's
    organisations and persons present."""
    text, out = doc.text, []
    persons, bodies = of_kind(actors, Kind.PERSON), of_kind(actors, Kind.PERSON, Kind.ORGANIZATION)
    for g in MEETING.finditer(text):
        clause = doc.clause_start(g.start())
        host = [m for m in persons if clause <= m.nstart and 0 <= g.start() - m.nend <= ACTOR_GAP]
        if not host:
            continue
        guests = [m for m in bodies if g.start("guest") <= m.nstart and m.nend <= g.end("guest")]
        m = doc.mention(Kind.EVENT, g.start(), g.start() + 2, "meeting")
        out.append((replace(m, label=f"{host[-1].norm}会见{g.group('guest')}"), [host[-1], *guests]))
    return out


def _meeting_groups(doc: Doc, meetings: list[tuple[Mention, list[Mention]]]) -> list[list[tuple[Mention, list[Mention]]]]:
    """Meetings joined when their hosts are one person, kept only where a headline has one (某某会见
    香港某商会访问团 over its report) or an entry of a chronicle opens with it (1月8日　某某会见…): a
    meeting the headline gives is the article's event, one inside a report of a visit is a stop on
    that visit."""
    groups: dict[str, list[tuple[Mention, list[Mention]]]] = {}
    for m in meetings:
        groups.setdefault(m[1][0].norm, []).append(m)
    kept = []
    for group in groups.values():
        headed = sorted(group, key=lambda m: not _in_headline(doc, m[0].nstart))
        if _in_headline(doc, headed[0][0].nstart):
            kept.append(headed)
        else:  # an entry of a chronicle (1月8日　某某会见…): each entry is an event of its own
            kept += [[m] for m in group if CHRONICLE_ENTRY.match(doc.text, doc.text.rfind("\n", 0, m[0].nstart) + 1)]
    return kept


def _lede_date(doc: Doc, prior: Findings, group: list[Visit]) -> Mention | None:
    """The date a visit named only in a headline (某某率代表团访问香港) takes from the report below it:
    the written date opening the first sentence after the headline that names its leader or actor
    (4月15日至16日,某某率代表团在香港开展经贸交流活动), else one in that sentence's clause right
    after the actor (某局局长某某今日展开访问行程)."""
    who = {x.norm for v in group for x in (v[1], v[3]) if x is not None and x.kind is not Kind.PLACE}
    end = max(v[0].nend for v in group)
    dates = sorted(of_kind(prior.mentions, Kind.DATE), key=lambda m: m.nstart)
    headline = doc.sentence_at(end)
    if not who or any(doc.sentence_at(d.nstart) == headline for d in dates):
        return None
    named = [m for m in prior.mentions if m.norm in who and m.nstart > end]
    if not named:
        return None
    s, e = doc.sentence_at(named[0].nstart)
    return next((d for d in dates if d.value and s <= d.nstart < named[0].nstart
                 and LEDE_DATE.match(doc.text, s, d.nstart)), None) or next(
        (d for d in dates if d.value and len(d.value) > 4 and named[0].nend <= d.nstart < e
         and not CLAUSE_MARK.search(doc.text, named[0].nend, d.nstart)), None)  # 某局局长某某今日(五月二十日)展开…
    # (a month or day: a bare year there names an event's edition, 出席2024年某某会议)


def _in_headline(doc: Doc, i: int) -> bool:
    """Whether text[i] is on a short line with no full stop: a headline."""
    text = doc.text
    start, end = text.rfind("\n", 0, i) + 1, text.find("\n", i)
    line = text[start:end if end >= 0 else len(text)]
    return len(line.strip()) <= HEADLINE and not re.search(r"[。!?]", line)


def _visit_groups(visits: list[Visit]) -> list[list[Visit]]:
    """Visits joined when they share an actor, a destination (山东 and 山东省 are one) or a named
    delegation (港商考察团访问山东, 港商考察团到访淄博)."""
    groups: list[list[Visit]] = []
    for v in visits:
        akey = v[1].norm if v[1] else None
        dkey = _place_key(v[2])
        team = _delegation(v[0].label)
        home = next((g for g in groups if any((akey and o[1] and o[1].norm == akey) or _place_key(o[2]) == dkey
                                              or (team and _delegation(o[0].label) == team) for o in g)), None)
        if home is None and v[1] is None and (v[0].label or "").startswith(DELEGATIONS):
            # 代表团考察了烟台港 after a named delegation's visit: a stop on that visit
            home = next((g for g in groups if any(w in (g[0][0].label or "") for w in DELEGATIONS)), None)
        if home is None:
            groups.append([v])
        else:
            home.append(v)
    return groups


def _delegation(label: str | None) -> str | None:
    """The delegation a visit's label names, up to its delegation word (香港某商会访问团), if any."""
    found = re.search("|".join(DELEGATIONS), label or "")
    return label[:found.end()] if found and found.start() > 0 else None


def _place_key(name: str) -> str:
    return re.sub(r"(?:省|市|区|特别行政区)$", "", name)


def _object_event(doc: Doc, actors: list[Mention], t: re.Match, rule: str,
                  taken: tuple[Mention, ...]) -> tuple[Mention, list[Link]] | None:
    """An unveiling or opening of the thing named right before it (with 成立 or 已于…, between)."""
    text = doc.text
    clause = doc.clause_start(t.start())
    head = text[clause:t.start()]
    gap = OPENING_GAP.search(head) if rule == "opening" else re.search(r"$", head)
    if rule == "hanging":  # 基地同时挂牌: the adverb is part of the verb's match
        t_start = t.start("adverb") if t.group("adverb") else t.start()
        head = text[clause:t_start]
        gap = re.search(r"$", head)
    if gap is None or (gap.groupdict().get("future")):
        return None
    obj_end = clause + gap.start()
    if any(e.nstart >= clause and e.nend <= obj_end for e in taken):  # 博览会在寿光开幕: the named event opens
        return None
    obj_end -= text[:obj_end].endswith(("」", "”", "\"")) and 1 or 0
    obj = max((m for m in actors if m.nend == obj_end and m.kind is not Kind.PERSON), key=lambda m: m.nend - m.nstart,
              default=None)
    if obj is not None and text[:obj.nstart].endswith(("在", "于")):  # 在寿光开幕: where, not what
        return None
    if obj is not None:
        name = obj.norm
    elif any(a.kind is Kind.PERSON and clause <= a.nstart < obj_end for a in actors):
        return None  # 某大学副校长某某共同揭牌: who unveils, not what
    else:
        chunk = text[clause:obj_end]
        start = NAME_START.match(chunk)
        name = chunk[start.end() if start else 0:].strip().strip("「“\"")
    if len(name) < 2 or re.search(r"(?:会|论坛|周|会议|活动)$", name):
        return None
    if rule == "hanging" and (not HUNG_THING.search(name) or "交易所" in name):
        return None
    if rule == "unveiling" and any(t.norm.endswith("揭牌仪式") and name in t.norm for t in taken):
        return None  # 为联合实验室揭牌 at the 联合实验室揭牌仪式 already found
    word = {"unveiling": "揭牌", "hanging": "挂牌"}.get(rule, "开幕")
    m = replace(doc.mention(Kind.EVENT, *t.span(), rule), label=f"{name}{word}")
    links = []
    if obj is not None and obj.kind is Kind.ORGANIZATION:
        links.append(Link(Rel.PARTICIPATED_IN, obj, m, evidence=doc.evidence(obj.nstart, m.nstart)))
    founded = re.search(r"(?:合作)?(?:成立|共建|建设|打造)的", head)
    if founded:
        for a in actors:
            if clause <= a.nstart and a.nend <= clause + founded.start() and a.kind is Kind.ORGANIZATION:
                links.append(Link(Rel.ORGANIZED, a, m, evidence=doc.evidence(a.nstart, m.nstart)))
    return m, links
