"""Dates: every expression that names a calendar day, month or year, normalised to EDTF.

    2023年10月24日 → 2023-10-24      2022 年 4 月 → 2022-04      2024年底 → 2024
    十二月六日 → <year>-12-06        今年五月 → <year>-05         明年 → <year + 1>
    今天, 今日 → the anchor date     5月19日至23日 → <year>-05-19/<year>-05-23
    2024-11-25, 2024/11/25, 2024.11.25 → 2024-11-25
    本月18日 → <month>-18, 上月 → <month - 1>   本周三 → that weekday of the anchor's week
    22日 after 5月19日至23日 → <year>-05-22 (a day alone: the month of its sentence or the one
    before, else the anchor's month)

Three passes over `Doc.text`: scan the forms (`_scan`), join two dates written as a range
(`_join_ranges`), then resolve each against its anchor (`find`). The anchor is the article's
publication date, replaced after a dateline (`(香港,2022年9月6日)`, `淄博2月23日讯`) by that
dateline's date: a press release appended to a blog post has its own `今日`.

Without an anchor, a written month or day keeps an unknown year (`XXXX-02-23`); a bare relative
word (`今年`, `今天`) then names no date and is left out.

Not dates: durations and counts (`20周年`, `过去四年`, `成立逾20年`, `十年`, `30万吨`), a number
without 年 (`高峰会2023`, `2024港澳山东周`), ordinals (`第二十届`), ids and phone numbers.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.doc import Doc
from kg.extract.numerals import to_int
from kg.model import Kind, Mention

BARE_YEARS = range(1900, 2101)  # a year written alone (2019年) must fall here: 1000年 is a duration
YEARS = range(1000, 3000)  # a year written with a month or a day
SHIFT_YEARS = {"今": 0, "明": 1, "去": -1}  # 今年, 明年, 去年
SHIFT_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "明天": 1}
SHIFT_MONTHS = {"本": 0, "上": -1, "下": 1}  # 本月, 上月, 下月; also 本周, 上周, 下周 with a weekday
WEEKDAYS = {c: i for i, c in enumerate("一二三四五六")} | {"日": 6, "天": 6}

HAN_DATE = re.compile(
    r"""
    (?=[\d〇零一二三四五六七八九十今明去])          # something is written here (no empty match; first: a fast scan)
    (?<![\d〇零一二三四五六七八九十百千万两第])     # not the tail of a longer number, nor an ordinal
    (?<!\d[,.])                                    # nor of 2,500 or 2.5
    (?P<y>                                          # the year, if written:
        (?P<year>\d{4}|[〇零一二三四五六七八九]{4})  #   2023, 二〇二三
        (?:\s*(?:至|到|[-–—~〜])\s*                #   a range of years under one 年
           (?P<year2>\d{4}))?                       #   2019-2023年
        \s*年(?!代|级)                              #   年, perhaps after a PDF space; not 年代, 年级
      | (?P<shift>[今明去])年(?!轻)                 #   今年, 明年, 去年 (not 去年轻化)
    )?
    (?:
        (?P<edge>底|末|初(?!步))                   # 2024年底, 2024年初: still the year
      | (?(y)\s*)                                   # a PDF space between year and month
        (?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})  # 10, 4, 十二
        (?:\s*(?:至|到|[-–—~〜])\s*                #   a range of months under one 月
           (?P<month2>\d{1,2}|[一二三四五六七八九十]{1,2}))?   #   1至9月
        \s*月份?                                    # 月 or 月份
        (?:\s*                                      # the day, if written:
           (?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})  # 24, 六, 廿三
           (?:\s*(?:至|到|[-–—~〜])\s*             #   a range of days under one 日
              (?P<day2>\d{1,2}))?                   #   5月19-23日
           \s*[日号](?![线楼码])                    #   日 or 号, not 1号线
        )?
    )?
    """,
    re.VERBOSE,
)

ISO_DATE = re.compile(
    r"""
    (?=\d)                    # (a digit first: lets the scan skip ahead)
    (?<![\d./-])              # not inside a longer number, version or id
    (?P<year>\d{4})           # 2024
    (?P<sep>[-/.])            # one separator ...
    (?P<month>\d{1,2})        # 11
    (?P=sep)                  # ... used twice
    (?P<day>\d{1,2})          # 25
    (?![\d]|[./-]\d)          # not followed by more of a number (a time after a space is fine)
    """,
    re.VERBOSE,
)

RELATIVE_DAY = re.compile(
    r"""
    (?P<word>今天|今日|昨天|昨日|明天)   # a day named from the anchor; 今天下午 → 今天
    """,
    re.VERBOSE,
)

RANGE_JOIN = re.compile(
    r"""
    \s*                  # spaces a PDF left
    (?:至|到|[-–—~〜])   # 至, 到, a dash or a tilde
    \s*
    """,
    re.VERBOSE,
)

MONTH_RELATIVE = re.compile(
    r"""
    (?=[本上下])                    # (the first character of both forms: lets the scan skip ahead)
    (?: (?P<shift>[本上下])月       # 本月, 上月, 下月
        (?:(?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*[日号])?  # 本月18日, 本月二十日
      | (?P<wshift>[本上下])周      # 本周三, 上周五, 下周一: a weekday; 上周 alone is no date
        (?P<weekday>[一二三四五六日天])
    )
    """,
    re.VERBOSE,
)

# a day named from the date last written before it: 6月10日……当天下午, 次日
SAME_DAY = re.compile(r"(?P<word>当天|当日|同日|同一天|次日|翌日|第二天)(?![内里])")
SAME_DAY_SHIFT = {"当天": 0, "当日": 0, "同日": 0, "同一天": 0, "次日": 1, "翌日": 1, "第二天": 1}

DAY_ALONE = re.compile(
    r"""
    (?=[1-9])                               # (a digit first: lets the scan skip ahead)
    (?<![\d月号第每期近共续逾约至到\-~.])   # not part of a month date, a count or a range
    (?P<day>[1-9]|[12]\d|3[01])             # 18
    日                                      # 日: a day of the month the text is in
    (?!内|以内|之内|游|左右|以上|以下|间|元|本|圆)   # not a span of days (30日内), nor 日元, 日本
    """,
    re.VERBOSE,
)

BARE_DAY = re.compile(
    r"""
    (?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})   # 23 in 5月19日至23日
    (?![\d])\s*[日号]                                   # its 日 or 号
    """,
    re.VERBOSE,
)

DATELINE_OPEN = re.compile(
    r"""
    \(             # a dateline opens a paragraph: (香港,2022年9月6日)
    [^()\n]{0,12}  # the place and its comma, or nothing
    $              # right before the date
    """,
    re.VERBOSE,
)

DATELINE_CLOSE = re.compile(
    r"""
    \s*\)   # closed right after the date
    | 讯    # or a news-agency dateline: 淄博2月23日讯
    """,
    re.VERBOSE,
)

EDTF_DAY = re.compile(
    r"""
    \d{4}-\d{2}-\d{2}   # one known day: only such a dateline moves the anchor
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Parts:
    """What one date expression writes: calendar fields, or a shift from the anchor."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    shift_years: int | None = None  # 今年 0, 明年 +1, 去年 -1
    shift_days: int | None = None  # 今天 0, 昨天 -1, 明天 +1
    shift_months: int | None = None  # 本月 0, 上月 -1, 下月 +1
    shift_weeks: int | None = None  # 本周 0, 上周 -1, 下周 +1, with a weekday
    weekday: int | None = None  # 0 Monday ... 6 Sunday


@dataclass(frozen=True, slots=True)
class Found:
    """One date expression in the view: [start, end), its first point and, for a range, its last."""

    start: int
    end: int
    rule: str
    first: Parts
    last: Parts | None = None


def find(doc: Doc) -> tuple[Mention, ...]:
    """One `Kind.DATE` mention per date expression of `doc.text`, `value` in EDTF."""
    anchor = _published(doc.article.published)
    out: list[Mention] = []
    for f in _join_ranges(doc.text, _scan(doc.text)):
        value = _value(f, anchor)
        if value is None:
            continue
        if _is_dateline(doc.text, f) and EDTF_DAY.fullmatch(value):
            anchor = date.fromisoformat(value)
        out.append(doc.mention(Kind.DATE, f.start, f.end, f.rule, value=value))
    out += _days_alone(doc, out, anchor)
    return tuple(sorted(out + _same_days(doc, out), key=lambda m: m.nstart))


def _same_days(doc: Doc, found: list[Mention]) -> list[Mention]:
    """当天, 当日, 次日 ...: the day of the last full date written before it, or that day's next."""
    days = sorted((f.nstart, f.value) for f in found if f.value and EDTF_DAY.fullmatch(f.value))
    out = []
    for m in SAME_DAY.finditer(doc.text):
        if any(f.nstart <= m.start() < f.nend for f in found):
            continue
        before = [v for s, v in days if s < m.start()]
        if before and "X" not in before[-1]:
            day = date.fromisoformat(before[-1]) + timedelta(days=SAME_DAY_SHIFT[m["word"]])
            out.append(doc.mention(Kind.DATE, m.start(), m.end(), "date-same-day", value=day.isoformat()))
    return out


def _days_alone(doc: Doc, found: list[Mention], anchor: date | None) -> list[Mention]:
    """`22日` with no month: the month of a date written in its sentence or the one before (5月19日至23日
    ... 22日), else the anchor's month (news writes `18日` for a day of the current month)."""
    out = []
    for m in DAY_ALONE.finditer(doc.text):
        if any(f.nstart <= m.start() < f.nend for f in found):
            continue
        s, _ = doc.sentence_at(m.start())
        before, _ = doc.sentence_at(max(0, s - 1))
        months = [f.value.split("/")[-1] for f in found
                  if before <= f.nstart < m.start() and f.value and len(f.value.split("/")[-1]) >= 7]
        month = months[-1][:7] if months else (f"{anchor.year:04d}-{anchor.month:02d}" if anchor else None)
        if month is None or "X" in month:
            continue
        year, mon, day = int(month[:4]), int(month[5:7]), int(m["day"])
        join = RANGE_JOIN.match(doc.text, m.end())
        last = join and BARE_DAY.match(doc.text, join.end())  # 9日至10日: a range of days alone
        last_day = to_int(last["day"]) if last else None
        if last and _exists(year, mon, day) and last_day and day < last_day and _exists(year, mon, last_day):
            out.append(doc.mention(Kind.DATE, m.start(), last.end(), "date-day-range",
                                   value=f"{month}-{day:02d}/{month}-{last_day:02d}"))
        elif _exists(year, mon, day):
            out.append(doc.mention(Kind.DATE, m.start(), m.end(), "date-day", value=f"{month}-{day:02d}"))
    return out


def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _scan(text: str) -> list[Found]:
    """Every date form in `text`, in order; where two overlap, the one starting first wins."""
    found = [f for f in (_han(m) for m in HAN_DATE.finditer(text) if m.end() > m.start()) if f]
    found += [f for f in map(_iso, ISO_DATE.finditer(text)) if f]
    found += [Found(m.start(), m.end(), "date-relative", Parts(shift_days=SHIFT_DAYS[m["word"]]))
              for m in RELATIVE_DAY.finditer(text)]
    found += [_month_relative(m) for m in MONTH_RELATIVE.finditer(text)]
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def _month_relative(m: re.Match[str]) -> Found:
    """本月18日, 上月, 本周三: a month or day counted from the anchor."""
    if m["wshift"]:
        parts = Parts(shift_weeks=SHIFT_MONTHS[m["wshift"]], weekday=WEEKDAYS[m["weekday"]])
    else:
        parts = Parts(day=to_int(m["day"]) if m["day"] else None, shift_months=SHIFT_MONTHS[m["shift"]])
    return Found(m.start(), m.end(), "date-relative", parts)


def _han(m: re.Match[str]) -> Found | None:
    """A Chinese-written date, or None where its numbers are not a calendar's."""
    year = to_int(m["year"]) if m["year"] else None
    month = to_int(m["month"]) if m["month"] else None
    day = to_int(m["day"]) if m["day"] else None
    shift = SHIFT_YEARS[m["shift"]] if m["shift"] else None
    first = Parts(year, month, day, shift)
    last = None
    if m["year2"]:
        last = Parts(to_int(m["year2"]))
    elif m["day2"]:
        last = Parts(year, month, to_int(m["day2"]), shift)
    elif m["month2"]:
        if day is not None:  # 1至9月18日 is no range of months
            return None
        last = Parts(year, to_int(m["month2"]), None, shift)
    rule = "date-relative" if shift is not None else "date-han"
    found = Found(m.start(), m.end(), rule if last is None else "date-range", first, last)
    return found if all(_valid(p) for p in (first, last) if p) else None


def _iso(m: re.Match[str]) -> Found | None:
    """2024-11-25, 2024/11/25, 2024.11.25: a day, or None where it is not one."""
    parts = Parts(int(m["year"]), int(m["month"]), int(m["day"]))
    return Found(m.start(), m.end(), "date-iso", parts) if _valid(parts) and parts.year in BARE_YEARS else None


def _valid(p: Parts) -> bool:
    """Month 1-12, a day its month has (29 February when the year is unknown), a plausible year."""
    if p.year is not None and p.year not in (YEARS if p.month else BARE_YEARS):
        return False
    if p.month is not None and not 1 <= p.month <= 12:
        return False
    if p.day is not None:
        if p.month is None:
            return 1 <= p.day <= 31
        return 1 <= p.day <= calendar.monthrange(p.year or 2000, p.month)[1]
    return True


def _join_ranges(text: str, found: list[Found]) -> list[Found]:
    """`A 至 B` as one range: B may leave out what A wrote (5月19日至23日, 2023年5月至7月)."""
    out: list[Found] = []
    for f in found:
        a = out[-1] if out else None
        if a and _joinable(a, f) and RANGE_JOIN.fullmatch(text, a.end, f.start):
            out[-1] = Found(a.start, f.end, "date-range", a.first, f.first)
            continue
        out.append(f)
    return [_bare_day_after(text, f) or f for f in out]


def _joinable(a: Found, b: Found) -> bool:
    """Two single dates, neither a relative day, where B writes a year or what A's year fills:
    2019年至2023年, 5月19日至6月2日, 2023年5月至7月; not 5月19日至6月."""
    if a.last or b.last or a.first.shift_days is not None or b.first.shift_days is not None:
        return False
    if b.first.year is not None or b.first.shift_years is not None:
        return True
    return a.first.month is not None and (b.first.day is None) == (a.first.day is None)


def _bare_day_after(text: str, f: Found) -> Found | None:
    """5月19日至23日: a range whose end is a day alone."""
    if f.last or f.first.day is None or f.first.month is None:
        return None
    join = RANGE_JOIN.match(text, f.end)
    day = join and BARE_DAY.match(text, join.end())
    if not day:
        return None
    last = replace(f.first, day=to_int(day["day"]))
    return Found(f.start, day.end(), "date-range", f.first, last) if _valid(last) else None


def _value(f: Found, anchor: date | None) -> str | None:
    """The EDTF value of `f` read against `anchor`, or None where it names no date."""
    first = _resolve(f.first, anchor)
    if first is None or not _exists(*first):
        return None
    if f.last is None:
        return _edtf(*first)
    last = _resolve(f.last, anchor)
    if last is None:
        return None
    year, month, day = last
    if f.last.year is None and f.last.shift_years is None:
        year = first[0]  # 5月19日至23日: the end takes the start's year ...
        if (month, day or 0) < (first[1], first[2] or 0) and year is not None:
            year += 1  # ... or the next one: 12月30日至1月2日
    if not _exists(year, month, day):
        return None
    return f"{_edtf(*first)}/{_edtf(year, month, day)}"


def _exists(year: int | None, month: int | None, day: int | None) -> bool:
    """False only for a day its month lacks in that year (2023-02-29); an unknown year may be leap."""
    return day is None or month is None or day <= calendar.monthrange(year or 2000, month)[1]


def _resolve(p: Parts, anchor: date | None) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) with what `p` leaves out taken from `anchor`; year None is unknown."""
    if p.shift_days is not None or p.shift_weeks is not None or p.shift_months is not None:
        if anchor is None:
            return None
        if p.shift_months is not None:
            months = anchor.year * 12 + anchor.month - 1 + p.shift_months
            return months // 12, months % 12 + 1, p.day
        if p.shift_weeks is not None:
            d = anchor + timedelta(days=7 * p.shift_weeks + p.weekday - anchor.weekday())
        else:
            d = anchor + timedelta(days=p.shift_days)
        return d.year, d.month, d.day
    if p.year is not None:
        return p.year, p.month, p.day
    if anchor is None:
        return None if p.month is None else (None, p.month, p.day)
    return anchor.year + (p.shift_years or 0), p.month, p.day


def _edtf(year: int | None, month: int | None, day: int | None) -> str:
    """EDTF for a year, a month or a day; an unknown year is XXXX."""
    text = "XXXX" if year is None else f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
    if day is not None:
        text += f"-{day:02d}"
    return text


def _is_dateline(text: str, f: Found) -> bool:
    """`(香港,2022年9月6日)` or `淄博2月23日讯`: a date that sets the day for what follows."""
    if DATELINE_CLOSE.match(text, f.end) is None:
        return False
    if text.startswith("讯", f.end):
        return True
    o = DATELINE_OPEN.search(text, max(0, f.start - 13), f.start)
    # the bracket opens a line (a paragraph's dateline), not a gloss of a day named before it: 上周日(9月17日)
    return o is not None and (o.start() == 0 or text[o.start() - 1] in "\n \u3000")
