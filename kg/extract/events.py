"""Events: named conferences, forums, summits, ceremonies and weeks, unnamed visits, unveilings and
openings, and their slots (`on_date`, `held_in`, `organized`, `participated_in`).

A named event is the maximal span ending in an event word (kg/data/event_words.txt), parts joined
by 暨 kept together, a year after it kept (`高峰会 2023`); it starts after the last cut word
(kg/data/event_cuts.txt: 主办的鲁港创新合作大会 -> 鲁港创新合作大会). A quoted name
(「InnoHK 创新香港研发平台高峰会 2023」) is taken whole. An event word with no real name before it
(本次大会, 高峰会) is a later mention of the one named event of that word, if there is exactly one.
A dash between Han words stays in a name (潍坊—香港经贸合作恳谈会); a name starts after a raw
paragraph break; a quoted name followed by its kind (「…」推广活动) is an event; the tail of a fuller
name (投资推介会) is its alias; X工作会议 and generic modifiers (城市推介会) make no name.
A name starts after a quoted theme before its year (“…”2025X投资推介会), after the name before it
and a conjunction (X展览会和Y博览会), and after a space in a headline; a quote right before the
event word is kept (「…」专题论坛). A name without its year (山东周, 2025年投资推介会) is an alias of
the fuller one, but a name of another edition or year (第四次会议 of 第五次会议) is another event, and a
bare edition after a named series (第六次会议 after 合作机制第五次会议) is that series' next one
(合作机制第六次会议). The opening of a quoted event (“…周”开幕式) is an event of its own. A ceremony named by a larger event's kind (夏令营开营仪式, bare 结营仪式) takes that
event's full name as label; a company's own roadshow or shareholders' meeting (公司举行…路演,
本公司之股东周年大会) is labelled with the article's first 有限公司.
Unnamed happenings get a descriptive `Mention.label` (香港科技园公司代表团访问山东) while the mention
itself points at the phrase that evokes them (代表团访问山东省, 揭牌).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz

from kg.doc import Doc
from kg.extract import happenings, places
from kg.extract.slots import Slots
from kg.forms import Forms
from kg.lexicon import Lexicon
from kg.model import Findings, Kind, Link, Mention, Rel, of_kind

# characters an unquoted event name is made of
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()“”·@&—–]")
# a dash inside a name joins two Han words (潍坊—香港经贸合作恳谈会); elsewhere it is punctuation
NAME_DASH = re.compile(r"(?<=[\u4e00-\u9fff])[—–](?=[\u4e00-\u9fff])")
# a quoted name: its inside, without the quotes
QUOTED = re.compile(r"""
    「(?P<a>[^「」\n]{2,40})」        # corner brackets
    | “(?P<b>[^“”\n]{2,40})”         # curly quotes
    | 《(?P<c>[^《》\n]{2,40})》       # title brackets
    """, re.VERBOSE)
# a year written after an event word: 高峰会 2023, 论坛2024
TRAILING_YEAR = re.compile(r"""
    \s?(?:19|20)\d{2}      # the year, maybe after one space
    (?![\d年/.-])          # not the start of a longer number or of a date (2024年, 2024-08-20)
    """, re.VERBOSE)
# a city in brackets after an event word is part of the name: 经贸交流会(青岛)
BRACKET_PLACE = places.BRACKETED_PLACE
# one stop of a touring event, after a dash: 香港专业服务推介会—青岛站
STATION = re.compile(r"[—–-](?P<place>[\u4e00-\u9fff]{2,4})站")
# an opening joined to the event it opens: 开幕式暨鲁港经贸合作交流会
OPENING_JOINED = re.compile(r"(?:开幕|闭幕|启动)(?:式|典礼|仪式)暨$")
# an activity with no event word of its own joined to the event after it: 合作签约暨…揭牌仪式
JOINED_ACTIVITY = re.compile(r"(?:签约|签字|开工|揭牌|授牌)暨$")
# the segments of a bigger event, listed after 涵盖/包括 up to 等环节: 包括开幕式、论坛及展览等环节
SEGMENTS = re.compile(r"""
    (?:涵盖|包括|包含|设有|设置)   # introduces the parts
    [^。;!?\n]{2,60}?            # the listed segments
    等(?:环节|活动|板块|内容|议程)  # closes the list
    """, re.VERBOSE)
# what may not follow an event word for it to end a name (人民大会堂, 会议室, 20周年, 周边)
NOT_AFTER_WORD = re.compile(r"""
    [堂室厅馆址员]          # a building or a member: 大会堂, 会议室, 立法会议员
    | 中心                  # 会议中心
    | 展                    # 会议展览中心: a venue
    | (?:常设)?秘书处 | 组委会           # a body of the event: 论坛常设秘书处, 博览会组委会
    """, re.VERBOSE)
# what may not follow 周 for it to be a week (周年, 周边, 周期, 周日); 周期间 is during the week
NOT_AFTER_WEEK = re.compile(r"[年边末岁围村日一二三四五六]|期(?!间)")
MEETING_VERB_ENDS = "见谈晤面同"  # after 会, a verb (会见, 会谈, 会晤): a 年会 before one is 年 + 会见
COUNT_CHARS = "一二两三四五六七八九十几多数0123456789"  # a count before 年会 makes it 年 + 会
# an ordinal edition at the start of a name, not part of what makes it a name: 第二十届
EDITION = re.compile(r"""
    ^(?:第[一二三四五六七八九十百\d]+[届次期])?   # 第二十届, 第3次
    (?:(?:19|20)\d{2}年?)?                        # a year: 2024, 2024年
    """, re.VERBOSE)
# an edition or a year inside a name, folded to digits: 第5次, 第20届, 2024 (two names that differ in
# one are two events: 合作机制第四次会议 is not 合作机制第五次会议)
EDITION_MARK = re.compile(r"第\d+[届次期]|(?:19|20)\d{2}")
# an edition written alone before an event word: 第六次会议 (the next meeting of a named series)
EDITION_IN_NAME = re.compile(r"第[一二三四五六七八九十百\d]+[届次期]")
BARE_EDITION = re.compile(EDITION_IN_NAME.pattern + "$")
CHINESE_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")}
# Chinese numbers up to 99, folded to digits when comparing names: 二十 -> 20
CHINESE_NUMBER = re.compile(r"[一二三四五六七八九]?十[一二三四五六七八九]?|[零一二三四五六七八九]")
WORD_STARTS = frozenset({"就"})  # one-character cut words that also start words of names (就职典礼)
NEEDS_PLACE = frozenset({"推介活动", "之旅"})  # event words naming an event only with a place in the name (not 创业之旅)
# event words too common to stand for the article's one named event on their own
NOT_REFERENCE = frozenset({"会议", "活动", "典礼", "仪式"})
# a quoted name followed by the kind of happening it is: 「香港时尚荟萃」推广活动
QUOTED_KIND = re.compile(r"""
    (?:推广|宣传|主题|系列|交流|文化)?      # 推广活动, 文化节
    (?:活动|展览|展销会|展会|周|节|交流团|考察团|访问团)   # the kind: not 展 alone (“…”展开); “齐鲁行”交流团
    (?![馆厅区位年边末岁目约点奏能])           # not 展览馆, 周年, 周边, 节目, 节约
    """, re.VERBOSE)
# a delegation named in quotes is a named tour (“香港工商界山东经贸考察团”)
QUOTED_DELEGATION = re.compile(r"(?:考察团|访问团|交流团|经贸团)$")  # (not a quoted team: “香港特区代表团”获12枚金牌)
# the opening or closing ceremony of a quoted event: “2025澳门山东周”开幕式
OPENING_STAGE = re.compile(r"(?:开幕|闭幕)(?:式|典礼|仪式)")
# a routine meeting named after its business, not a happening: 安全生产工作会议
ROUTINE = re.compile(r"工作(?:会议|例会|座谈会)$")
# a count of events, no name: 三个分论坛, 两场推介会, 10余场对接会
COUNTED = re.compile(r"""
    ^[一二三四五六七八九十两几多数\d]+   # 三, 两, 10
    余?[个场项次届]                       # 个, 场, 项, 次, 届 (余: 10余场; 三届: not 第三届)
    """, re.VERBOSE)
# a quoted theme before a year that starts the name proper: “港连世界·融通烟台”2025烟台(香港)投资推介会
SLOGAN = re.compile(r"""
    “[^“”\n]{2,20}”       # the quoted theme
    (?=(?:19|20)\d{2})     # followed by the year of the name
    """, re.VERBOSE)
# the opening and closing ceremonies of a camp, and the event words of camps
CAMP_STAGES = frozenset({"开营仪式", "结营仪式"})
CAMPS = frozenset({"夏令营", "冬令营"})
# events a company holds for itself: named after it when the text writes only 公司 or 本公司
CORPORATE = re.compile(r"""
    (?:路演                            # 全球投资者路演
    | 股东(?:周年|特别|临时)?大会       # 股东周年大会
    | 业绩(?:发布|说明)会)$             # 业绩发布会
    """, re.VERBOSE)
OWN_COMPANY = re.compile(r"^本?公司之?")  # 本公司之股东周年大会 -> 股东周年大会
# a conjunction between two event names: X展览会和Y博览会
CONJUNCTION = re.compile(r"以及|[和及与、]")
MIN_SUFFIX = 4  # characters of a name that is the tail of a fuller one (投资推介会)
MIN_WEEK_SUFFIX = 3  # a week is named by its place: 山东周 is the tail of 2026港澳山东周
# a paragraph break in the raw text: a blank line, or a line break before an indent
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n|\n[ \t\u3000]{2,}")
MAX_NAME = 30  # characters of an unquoted name before its event word
HEADLINE_REACH = 120  # characters below a headline where its report names the headline's event
SIMILAR = 85  # rapidfuzz ratio at which two names of one event word are one event


@dataclass(frozen=True)
class Named:
    mention: Mention
    words: frozenset[str]  # the event words heading its parts (大会, 论坛)
    parts: tuple[str, ...]  # its 暨-parts, normalised


@cache
def _event_words(lex: Lexicon) -> tuple[list[str], re.Pattern[str]]:
    """The event words, longest first, and their alternation (made once per lexicon)."""
    words = sorted(lex.words("event_words"), key=len, reverse=True)
    return words, re.compile("|".join(map(re.escape, words)))


@cache
def _cuts_by_first(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The cut words (kg/data/event_cuts.txt) by their first character: only those whose first
    character is in a name's window can occur in it."""
    out: dict[str, list[str]] = {}
    for cut in lex.words("event_cuts"):
        if cut:
            out.setdefault(cut[0], []).append(cut)
    return {c: tuple(cs) for c, cs in out.items()}


def find(doc: Doc, lex: Lexicon, prior: Findings) -> Findings:
    words, _ = _event_words(lex)
    named, generic = _named(doc, lex, prior, words)
    named = _corporate(doc, prior, _stages(named))
    links = _aliases(named)
    links += _headline_aliases(doc, named, links)
    mentions = [n.mention for n in named]
    for npos, word in generic:
        if (edition := BARE_EDITION.search(doc.text, 0, npos)) and (series := _series(named, word, edition.group())):
            ref = doc.mention(Kind.EVENT, edition.start(), npos + len(word), "event-edition")
            mentions.append(replace(ref, label=series))  # 第六次会议 of 合作机制第五次会议: 合作机制第六次会议
            continue
        if word in NOT_REFERENCE:
            continue
        if word in CAMP_STAGES and (camp := _one_name(n.mention.norm for n in named if n.words & CAMPS)):
            ref = doc.mention(Kind.EVENT, npos, npos + len(word), "event-stage")
            mentions.append(replace(ref, label=camp + word))  # 结营仪式 of the article's one camp
            continue
        heads = {_group_of(n, named, links) for n in named if word in n.words}
        if len(heads) == 1:
            ref = doc.mention(Kind.EVENT, npos, npos + len(word), "event-reference")
            target = next(iter(heads))
            mentions.append(ref)
            links.append(Link(Rel.ALIAS_OF, ref, target, evidence=doc.evidence(npos)))
    unnamed = happenings.find(doc, prior, taken=tuple(mentions), short=Forms.of(lex).whole)
    mentions += unnamed.mentions
    links += unnamed.links
    slots = Slots(doc, prior, tuple(mentions), tuple(links))
    return Findings(tuple(mentions), tuple(links) + slots.links())


def _named(doc: Doc, lex: Lexicon, prior: Findings, words: list[str]) -> tuple[list[Named], list[tuple[int, str]]]:
    """Named events, and (position, word) of event words with no name before them."""
    text = doc.text
    named: list[Named] = []
    quoted_spans: list[tuple[int, int]] = []
    for q in QUOTED.finditer(text):
        quoted_spans.append(q.span())
        g = next(k for k in "abc" if q.group(k))
        s, e = q.span(g)
        inner = q.group(g)
        word = _ends_with_word(inner, words)
        if word and len(_modifier(inner, word)) >= 2:
            named.append(Named(doc.mention(Kind.EVENT, s, e, "event-quoted"), frozenset({word}), (inner,)))
            if stage := OPENING_STAGE.match(text, q.end()):  # “2025某地周”开幕式: its opening, an event too
                m = doc.mention(Kind.EVENT, s, stage.end(), "event-quoted-stage")
                named.append(Named(replace(m, label=inner + stage.group()), frozenset({stage.group()}),
                                   (inner + stage.group(),)))
        elif not word and QUOTED_DELEGATION.search(inner) and len(inner) >= 5:  # “香港工商界山东经贸考察团”: a named tour
            named.append(Named(doc.mention(Kind.EVENT, s, e, "event-quoted"), frozenset({"团"}), (inner,)))
        elif not word and (k := QUOTED_KIND.match(text, q.end())) and len(inner) >= 4:
            named.append(Named(doc.mention(Kind.EVENT, s, e, "event-quoted"), frozenset({k.group()}), (inner,)))
    cuts = _cuts_by_first(lex)
    generic_mods = lex.words("event_generic")
    places = of_kind(prior.mentions, Kind.PLACE)
    person, date = Kind.PERSON, Kind.DATE
    stops = [m for m in prior.mentions if m.kind is person or (
        m.kind is date and re.search(r"[年月日]", m.norm) and len(m.value or "") != 4)]  # 2024年X大会 keeps its year
    found: list[tuple[int, int, str]] = []  # (start, end, word)
    generic: list[tuple[int, str]] = []
    word_re = _event_words(lex)[1]
    segments = [g.span() for g in SEGMENTS.finditer(text)]
    inside = [*quoted_spans, *segments]  # no event word inside these counts
    inside_names = {i for m in stops if m.kind is person for i in range(m.nstart + 1, m.nend)}
    pos = 0
    while (w := word_re.search(text, pos)) is not None:
        pos = w.start() + 1
        p, e, word = w.start(), w.end(), w.group()
        if any(s <= p < qe for s, qe in inside) or NOT_AFTER_WORD.match(text, e):
            continue
        if word == "周" and (NOT_AFTER_WEEK.match(text, e) or not any(m.nend == p for m in places)):
            continue
        if p in inside_names:
            continue  # 栾海|峰会见: the word starts inside a person's name
        if word == "年会" and (p > 0 and text[p - 1] in COUNT_CHARS or text[e:e + 1] in MEETING_VERB_ENDS):
            continue  # 未来两年会: 两年 + 会; 省长某某年会见: a name in 年 + 会见
        start = _paragraph_start(doc, _start(text, p, cuts, stops, lex), p)
        start = next((qs for qs, qe in quoted_spans if qe == start and text[qs] == "「"), start)
        if (slogan := SLOGAN.match(text, start)) and slogan.end() < p:
            start = slogan.end()
        if found and start < found[-1][1] <= p:  # X展览会和Y博览会: two names joined by 和
            start = found[-1][1]
            start = j.end() if (j := CONJUNCTION.match(text, start)) and j.end() < p else start
        if (y := TRAILING_YEAR.match(text, e)) and not NAME_CHAR.match(text, y.end()):
            e = y.end()
        elif (b := BRACKET_PLACE.match(text, e)) and any(m.nstart == b.start("place") and m.nend == b.end("place")
                                                       for m in places):
            e = b.end()
        elif (b := STATION.match(text, e)) and any(m.nstart == b.start("place") for m in places):
            e = b.end()
        if e > p + len(word) and NOT_AFTER_WORD.match(text, e):
            continue  # 某某论坛(澳门)常设秘书处: the event's body, after its bracketed place
        mod = _modifier(text[start:p + len(word)], word)
        if word in NEEDS_PLACE and not any(start <= m.nstart and m.nend <= p for m in places):
            generic.append((p, word))
            continue  # 联合举办投资推介活动: a kind of activity, not one (but 山东优质产品推介活动)
        if ROUTINE.search(text, max(0, p + len(word) - 8), p + len(word)):  # it ends there: look only there
            continue
        if len(mod) < 2 or mod in generic_mods or COUNTED.match(mod):
            generic.append((p, word))
            continue
        if (o := OPENING_JOINED.search(text, max(0, start - 6), start)) \
                and not (found and found[-1][1] in (start - 1, o.start())):
            start = o.start()  # (not an opening that is a named event itself, joined below: X启动仪式暨Y签约仪式,
            # nor the opening of the event just named: 某某博览会开幕式暨招商推介会)
        elif (j := JOINED_ACTIVITY.search(text, max(0, start - 3), start)) and not (found and found[-1][1] >= j.start()):
            start = _paragraph_start(doc, _start(text, j.end() - 1, cuts, stops, lex), j.end() - 1)
            # 甲大学—乙大学合作签约暨联合实验室揭牌仪式: the signing and its parties are of the name
        if found and text[found[-1][1]:start] == "暨":
            prev = found.pop()
            found.append((prev[0], e, prev[2] + "|" + word))
        else:
            found.append((start, e, word))
        pos = e
    for s, e, ws in found:
        while s < e and not NAME_DASH.match(text, s) and text[s] in "—–·":  # a list bullet (·全市…会议) too
            s += 1
        parts = tuple(p for p in text[s:e].split("暨") if p)
        named.append(Named(doc.mention(Kind.EVENT, s, e, "event-word"), frozenset(ws.split("|")), parts))
    return named, generic


def _stages(named: list[Named]) -> list[Named]:
    """A ceremony named only by the kind of a larger named event (夏令营开营仪式, 论坛开幕式) is
    labelled with that event's full name when the article names exactly one event of that kind."""
    out = []
    for n in named:
        word = next(iter(n.words)) if len(n.words) == 1 else ""
        kind = n.mention.norm[: len(n.mention.norm) - len(word)] if n.mention.norm.endswith(word) else ""
        fuller = _one_name(o.mention.norm for o in named if o is not n and kind in o.words)
        if word and fuller:
            n = Named(replace(n.mention, label=fuller + word), n.words, n.parts)
        out.append(n)
    return out


def _corporate(doc: Doc, prior: Findings, named: list[Named]) -> list[Named]:
    """A company's own event named without the company (本公司之股东周年大会, 公司举行全球投资者路演)
    is labelled with the article's company: its first organisation ending in 有限公司."""
    company = next((m.norm for m in sorted(prior.mentions, key=lambda m: m.nstart)
                    if m.norm.endswith("有限公司") and m.kind is Kind.ORGANIZATION), None)
    orgs = sorted(of_kind(prior.mentions, Kind.ORGANIZATION), key=lambda m: m.nstart)
    out = []
    for n in named:
        m = n.mention
        sentence, _ = doc.sentence_at(m.nstart)
        holder = _holder(doc.text, orgs, sentence, m) if CORPORATE.search(m.norm) else None
        if holder is not None:
            n = Named(replace(m, label=holder + m.norm), n.words, n.parts)
        elif company and CORPORATE.search(m.norm) and company not in m.norm and (
                m.norm.startswith("本公司") or "公司" in doc.text[sentence:m.nstart]):
            n = Named(replace(m, label=company + OWN_COMPANY.sub("", m.norm)), n.words, n.parts)
        out.append(n)
    return out


def _holder(text: str, orgs: list[Mention], sentence: int, m: Mention) -> str | None:
    """The organisation that opens the clause of a company's own event (山东港口集团于…举行全球投资者
    路演), as written; None when there is none or the event already names it."""
    clause = max([sentence] + [c.end() for c in happenings.CLAUSE_MARK.finditer(text, sentence, m.nstart)])
    o = next((o for o in orgs if clause <= o.nstart and o.nend <= m.nstart), None)
    if o is None or text[clause:o.nstart].strip() or o.norm in m.norm:
        return None
    return o.norm


def _series(named: list[Named], word: str, edition: str) -> str | None:
    """The name of another edition of the article's one named series of event word `word` (第六次会议
    after 合作机制第五次会议 -> 合作机制第六次会议); None when no single named event of that word has
    an edition, or the edition is that event's own."""
    names = {n.mention.norm for n in named if word in n.words}
    cuts = {(n[:m.start()], n[m.end():]) for n in names if (m := EDITION_IN_NAME.search(n))}
    if len(cuts) != 1 or not (cut := next(iter(cuts)))[1].endswith(word):
        return None
    name = cut[0] + edition + cut[1]
    return None if any(_fold(name) == _fold(n) for n in names) else name


def _one_name(names) -> str | None:
    """The longest of names when every other one is its tail (鲁港青年交流夏令营 of
    2025鲁港青年交流夏令营): one event; else None."""
    ordered = sorted(set(names), key=len, reverse=True)
    if ordered and all(_fold(ordered[0]).endswith(_fold(o)) for o in ordered[1:]):
        return ordered[0]
    return None


def _core(name: str) -> str:
    """The name without a trailing year, bracketed city or stop (论坛2024, 交流会(青岛), 推介会—青岛站)."""
    core = re.sub(r"\s?(?:19|20)\d{2}$", "", name).rstrip()
    if (st := STATION.search(core)) and st.end() == len(core):
        return core[:st.start()]  # 推介会—青岛站
    return core[:b.start()] if (b := BRACKET_PLACE.search(core)) and b.end() == len(core) else core


def _ends_with_word(name: str, words: list[str]) -> str | None:
    core = _core(name)
    if not core.endswith(tuple(words)):
        return None  # (one test in C for the usual answer)
    return next((w for w in words if core.endswith(w)), None)


def _modifier(name: str, word: str) -> str:
    core = _core(name)
    core = core[: len(core) - len(word)] if core.endswith(word) else core
    return EDITION.sub("", core.strip())


def _start(text: str, p: int, cuts: dict[str, tuple[str, ...]], stops: list[Mention], lex: Lexicon) -> int:
    """Where the name ending at p starts: back over name characters, then after the last cut
    word (就 only where it starts no word: not 就 of 就职), person or dated mention,
    and past an unbalanced bracket."""
    s = p
    while s > 0 and p - s < MAX_NAME and NAME_CHAR.match(text, s - 1) and (
            text[s - 1] not in "—–" or NAME_DASH.match(text, s - 1)):
        s -= 1
    span = text[s:p]
    best = s
    for cut in (cut for c in set(span) for cut in cuts.get(c, ())):  # the cut words that may occur in span
        k = span.rfind(cut)
        while k >= 0 and cut in WORD_STARTS and lex.word_end(text, s + k, s + k, p) > s + k + 1:
            k = span.rfind(cut, 0, k)  # 就职典礼: 就 starting a word (就职) cuts nothing
        if k >= 0 and _outside_quotes(span, k):
            best = max(best, s + k + len(cut))
    for m in stops:
        if s <= m.nend <= p and m.nstart < p:
            best = max(best, m.nend)
    while best < p and text[best] in ")”":
        best += 1
    if ")" in text[best:p] and "(" not in text[best:text.index(")", best)]:
        best = text.index(")", best) + 1
    return best


def _paragraph_start(doc: Doc, s: int, p: int) -> int:
    """s, or where a new paragraph of the raw text starts between s and p: a heading joined to the
    masthead or page header above it (要闻 / 鲁港…对接会) is no part of the name."""
    raw_index = doc.view.raw_index
    for k in range(p, s, -1):
        before, after = raw_index[k - 1] + 1, raw_index[k]  # doc.to_raw(k - 1, k)[1], doc.to_raw(k, k + 1)[0]
        if after <= before:
            continue  # nothing of the raw text between the two: no break, no gap
        gap = doc.raw[before:after]
        if PARAGRAPH_BREAK.search(gap) or (gap.strip() == "" and gap and _headline(doc.raw, before)):
            return k
    return s


def _headline(raw: str, at: int) -> bool:
    """Whether raw position `at` is in a headline: a short line with no full stop, where a space
    parts two titles (柏正元率代表团访问香港 鲁港合作签约仪式举行)."""
    start, end = raw.rfind("\n", 0, at) + 1, raw.find("\n", at)
    line = raw[start:end if end >= 0 else len(raw)]
    return len(line.strip()) <= happenings.HEADLINE and not re.search(r"[。.!?!?]", line)


def _headline_aliases(doc: Doc, named: list[Named], links: list[Link]) -> list[Link]:
    """A headline's event (【四】“好客山东·仙境威海”文旅推介会亮相铜锣湾) is the event of its word that the
    report right below names first (由某局主办的2026威海文化旅游(香港)推介会), when that is named otherwise."""
    aliased = {l.source for l in links}
    out = []
    for n in named:
        m = n.mention
        if m in aliased or not _headline(doc.raw, m.start):
            continue
        line_end = doc.text.find("\n", m.nend)
        below = [k for k in named if line_end >= 0 and line_end < k.mention.nstart <= line_end + HEADLINE_REACH
                 and not _headline(doc.raw, k.mention.start)]
        first = next((k for k in below if k.words & n.words), None)
        if first is None or _same(first.mention.norm, m.norm):
            continue
        target = _group_of(first, named, links)
        if target != m and not _same(target.norm, m.norm):  # (not one aliased to the headline's already)
            out.append(Link(Rel.ALIAS_OF, m, target))
    return out


def _outside_quotes(span: str, k: int) -> bool:
    """Whether span[k] stands outside quotes: every “ before it is closed (a ” whose “ lies before the
    span, as in 海洋文化”项目在…, leaves what follows it outside), or the quote open at k runs on to the
    event word (“我们希望借这次推介会…: speech, not a quoted name)."""
    return span[:k].count("“") <= span[:k].count("”") or "”" not in span[k:]


def _fold(name: str) -> str:
    """A comparison form: numbers as digits, quotes and brackets dropped."""
    def number(m: re.Match) -> str:
        s = m.group()
        if "十" not in s:
            return str(CHINESE_DIGITS[s])
        tens, _, ones = s.partition("十")
        return str(CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0))
    return re.sub(r"[\s「」“”《》()]", "", CHINESE_NUMBER.sub(number, name))


def _aliases(named: list[Named]) -> list[Link]:
    """ALIAS_OF links from a short or variant name to the fullest name of the same event: a 暨-part
    found alone, or a name of the same event word at least SIMILAR alike."""
    links: list[Link] = []
    ordered = sorted(named, key=lambda n: -(n.mention.nend - n.mention.nstart))
    for i, short in enumerate(ordered):
        fulls = []
        for full in ordered[:i]:
            if _same(short.mention.norm, full.mention.norm) or not short.words <= full.words:
                continue
            if _editions(short.mention.norm) - _editions(full.mention.norm):
                continue  # 第四次会议 of 第五次会议, 2023X of 2024X: another edition
            a = _fold(short.mention.norm)
            bare = _fold(EDITION.sub("", short.mention.norm))  # 2025年投资推介会 -> 投资推介会
            least = MIN_WEEK_SUFFIX if short.words == {"周"} else MIN_SUFFIX
            if any(a == _fold(p) or fuzz.ratio(a, _fold(p)) >= SIMILAR or _tail(a, _fold(p), least)
                   or _tail(bare, _fold(p), least) or a == _fold(EDITION.sub("", p))  # 山东周 of 2026山东周
                   for p in _with_unbracketed((full.mention.norm, *full.parts))):
                fulls.append(full.mention)
        if len({frozenset(_editions(f.norm)) for f in fulls}) > 1:  # 山东周 after 2026… and 2024…山东周
            fulls.sort(key=lambda f: (f.nstart > short.mention.nstart, -f.nstart))  # the nearest one before
        if fulls:
            links.append(Link(Rel.ALIAS_OF, short.mention, fulls[0]))
    return links


def _with_unbracketed(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names, and those with a bracketed place inside dropped (2025鲁港名优产品(香港)展销会 ->
    2025鲁港名优产品展销会), which a short name of the event leaves out."""
    return names + tuple(n for name in names if (n := BRACKET_PLACE.sub("", name)) != name)


def _editions(name: str) -> set[str]:
    """The editions and years a name gives (第5次, 2024), folded."""
    return set(EDITION_MARK.findall(_fold(name)))


def _tail(short: str, full: str, least: int = MIN_SUFFIX) -> bool:
    """A short name that is the tail of a fuller one after a place or dash (投资推介会 of
    山东沿海城市投资推介会, 经贸合作恳谈会 of 潍坊—香港经贸合作恳谈会)."""
    return len(short) >= least and len(full) > len(short) and full.endswith(short)


def _same(a: str, b: str) -> bool:
    """Equal as resolution compares names (without spaces and quotes)."""
    return re.sub(r"[\s「」“”《》]", "", a) == re.sub(r"[\s「」“”《》]", "", b)


def _group_of(n: Named, named: list[Named], links: list[Link]) -> Mention:
    """The fullest mention n is an alias of (following ALIAS_OF links)."""
    m = n.mention
    target = {l.source: l.target for l in links}
    seen = {m}
    while m in target and target[m] not in seen:
        m = target[m]
        seen.add(m)
    return next((o.mention for o in named if _fold(o.mention.norm) == _fold(m.norm)
                 and o.mention.nend - o.mention.nstart >= m.nend - m.nstart), m)

