from __future__ import annotations

import pytest
from conftest import gold, seed_article, seed_ids

from kg.doc import Doc
from kg.extract import dates
from kg.extract.numerals import to_int
from kg.model import Article, Kind

PUBLISHED = "2023-10-24"  # the publication date of the table's articles


def _found(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    doc = Doc.of(Article("t", text, published))
    return [(m.norm, m.value) for m in dates.find(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # written in full
        pytest.param("2023年10月24日", [("2023年10月24日", "2023-10-24")], id="ymd"),
        pytest.param("(香港,2023年10月24日)—", [("2023年10月24日", "2023-10-24")], id="ymd-in-dateline"),
        pytest.param("2022 年 4 月", [("2022 年 4 月", "2022-04")], id="ym-pdf-spaces"),
        pytest.param("2022年4月", [("2022年4月", "2022-04")], id="ym"),
        pytest.param("于2001年成立", [("2001年", "2001")], id="year"),
        pytest.param("于 2001 年成立", [("2001 年", "2001")], id="year-pdf-spaces"),
        pytest.param("2019年与淄博", [("2019年", "2019")], id="year-2019"),
        pytest.param("2024年底投入", [("2024年底", "2024")], id="year-end"),
        pytest.param("2024年初", [("2024年初", "2024")], id="year-start"),
        pytest.param("二〇二三年", [("二〇二三年", "2023")], id="year-chinese-digits"),
        pytest.param("一九九七年七月一日", [("一九九七年七月一日", "1997-07-01")], id="ymd-chinese"),
        # year from the publication date
        pytest.param("2月23日", [("2月23日", "2023-02-23")], id="md"),
        pytest.param("十二月六日", [("十二月六日", "2023-12-06")], id="md-chinese"),
        pytest.param("廿三日", [], id="day-alone"),
        pytest.param("五月廿三日", [("五月廿三日", "2023-05-23")], id="md-nian"),
        pytest.param("7月成功举办", [("7月", "2023-07")], id="month"),
        pytest.param("5月份", [("5月份", "2023-05")], id="month-fen"),
        pytest.param("今年五月", [("今年五月", "2023-05")], id="this-year-month-chinese"),
        pytest.param("今年 9 月", [("今年 9 月", "2023-09")], id="this-year-month-pdf-spaces"),
        pytest.param("今年9月", [("今年9月", "2023-09")], id="this-year-month"),
        pytest.param("今年是", [("今年", "2023")], id="this-year"),
        pytest.param("明年", [("明年", "2024")], id="next-year"),
        pytest.param("去年", [("去年", "2022")], id="last-year"),
        pytest.param("今天下午", [("今天", "2023-10-24")], id="today-afternoon"),
        pytest.param("今日", [("今日", "2023-10-24")], id="today-jinri"),
        pytest.param("昨天", [("昨天", "2023-10-23")], id="yesterday"),
        # months and days counted from the publication date
        pytest.param("本月18日挂牌", [("本月18日", "2023-10-18")], id="this-month-day"),
        pytest.param("上月", [("上月", "2023-09")], id="last-month"),
        pytest.param("本月十八日签约", [("本月十八日", "2023-10-18")], id="this-month-day-chinese"),
        pytest.param("本月底完工", [("本月", "2023-10")], id="this-month-end"),
        pytest.param("11月上旬", [("11月", "2023-11")], id="month-first-third"),
        pytest.param("计划于11月中旬", [("11月", "2023-11")], id="month-middle-third"),
        pytest.param("截至9月底", [("9月", "2023-09")], id="month-end"),
        pytest.param("今年下半年", [("今年", "2023")], id="this-year-second-half"),
        pytest.param("2026年春季", [("2026年", "2026")], id="year-season"),
        pytest.param("10月16日(周四)上午", [("10月16日", "2023-10-16")], id="weekday-in-brackets"),
        pytest.param("下月启动", [("下月", "2023-11")], id="next-month"),
        pytest.param("本周三举行", [("本周三", "2023-10-25")], id="this-week-wednesday"),
        pytest.param("上周五签约", [("上周五", "2023-10-20")], id="last-week-friday"),
        pytest.param("上周完成招股", [], id="not-last-week"),
        # a day alone: the month of its sentence or the one before, else the publication month
        pytest.param("展会于3月2日至6日举行。4日将举办论坛", [("3月2日至6日", "2023-03-02/2023-03-06"), ("4日", "2023-03-04")],
                     id="day-after-range"),
        pytest.param("至8月9日闭幕,7日还有活动", [("8月9日", "2023-08-09"), ("7日", "2023-08-07")], id="day-same-sentence"),
        pytest.param("公司12日宣布", [("12日", "2023-10-12")], id="day-of-publication-month"),
        pytest.param("二〇二一年底建成", [("二〇二一年底", "2021")], id="year-end-chinese"),
        pytest.param("2022年3月1日(星期二)", [("2022年3月1日", "2022-03-01")], id="ymd-weekday"),
        pytest.param("第5日", [], id="not-ordinal-day"),
        pytest.param("每月15日", [], id="not-monthly"),
        pytest.param("兑1日元", [], id="not-yen"),
        # a dateline sets the day for what follows it
        pytest.param("(香港,2022年9月6日)— 今日签署", [("2022年9月6日", "2022-09-06"), ("今日", "2022-09-06")],
                     id="today-after-dateline"),
        pytest.param("淄博2月23日讯 今天下午", [("2月23日", "2023-02-23"), ("今天", "2023-02-23")], id="today-after-xun"),
        pytest.param("访问团上周日(10月22日)起访问山东。访问团昨日返港。",
                     [("上周日", "2023-10-22"), ("10月22日", "2023-10-22"), ("昨日", "2023-10-23")],
                     id="a-bracketed-gloss-is-no-dateline"),
        # ranges: one mention, an EDTF interval
        pytest.param("5月19日至23日", [("5月19日至23日", "2023-05-19/2023-05-23")], id="range-zhi"),
        pytest.param("5月19日-23日", [("5月19日-23日", "2023-05-19/2023-05-23")], id="range-dash"),
        pytest.param("5月19-23日", [("5月19-23日", "2023-05-19/2023-05-23")], id="range-one-ri"),
        pytest.param("2025年5月19日至5月23日", [("2025年5月19日至5月23日", "2025-05-19/2025-05-23")],
                     id="range-month-repeated"),
        pytest.param("12月30日至1月2日", [("12月30日至1月2日", "2023-12-30/2024-01-02")], id="range-new-year"),
        pytest.param("2019年至2023年", [("2019年至2023年", "2019/2023")], id="range-years"),
        pytest.param("2019-2023年", [("2019-2023年", "2019/2023")], id="range-years-one-nian"),
        pytest.param("2023年5月至7月", [("2023年5月至7月", "2023-05/2023-07")], id="range-months"),
        # ISO-like
        pytest.param("2024-11-25", [("2024-11-25", "2024-11-25")], id="iso"),
        pytest.param("加入时间:2024-11-25 10:07:04", [("2024-11-25", "2024-11-25")], id="iso-with-time"),
        pytest.param("2024/11/25", [("2024/11/25", "2024-11-25")], id="iso-slash"),
        pytest.param("2024.11.25", [("2024.11.25", "2024-11-25")], id="iso-dot"),
        # not dates: durations, vague words, counts, numbers without 年, ids
        pytest.param("20周年", [], id="not-anniversary"),
        pytest.param("二十周年", [], id="not-anniversary-chinese"),
        pytest.param("25周年", [], id="not-anniversary-25"),
        pytest.param("过去四年", [], id="not-past-years"),
        pytest.param("成立逾20年", [], id="not-over-years"),
        pytest.param("成立逾 20 年", [], id="not-over-years-pdf-spaces"),
        pytest.param("未来三年", [], id="not-next-years"),
        pytest.param("成就二十年", [], id="not-twenty-years"),
        pytest.param("1000年", [], id="not-year-out-of-range"),
        pytest.param("近日", [], id="not-recently"),
        pytest.param("未来", [], id="not-future"),
        pytest.param("十年", [], id="not-decade"),
        pytest.param("12届", [], id="not-session"),
        pytest.param("第二十届", [], id="not-ordinal"),
        pytest.param("年产30万吨", [], id="not-quantity"),
        pytest.param("2,500人", [], id="not-count"),
        pytest.param("13,000名", [], id="not-count-thousands"),
        pytest.param("电话:0531-85196503", [], id="not-phone"),
        pytest.param("鲁ICP备09023866-44号", [], id="not-icp-id"),
        pytest.param("201000112", [], id="not-id"),
        pytest.param("高峰会2023", [], id="not-year-without-nian"),
        pytest.param("2024港澳山东周", [], id="not-year-in-event-name"),
        pytest.param("请30日内进行", [], id="not-day-count"),
        pytest.param("13月", [], id="not-month-13"),
        pytest.param("5月32日", [], id="not-day-32"),
        pytest.param("2023年2月29日", [], id="not-29-february-2023"),
        pytest.param("1号线", [], id="not-line-number"),
        pytest.param("3月1日至6日举行。2日至4日,学员参观工厂。", [("3月1日至6日", "2023-03-01/2023-03-06"),
                     ("2日至4日", "2023-03-02/2023-03-04")], id="range-of-days-alone"),
        pytest.param("3月1日举行。5日至2日。", [("3月1日", "2023-03-01"), ("5日", "2023-03-05")],
                     id="not-backwards-range-of-days"),
        # months in a range under one 月
        pytest.param("今年1至9月,新设企业120家。", [("今年1至9月", "2023-01/2023-09")], id="months-of-this-year"),
        pytest.param("2022年1-6月", [("2022年1-6月", "2022-01/2022-06")], id="months-of-a-year"),
        pytest.param("3月1日至9月18日", [("3月1日至9月18日", "2023-03-01/2023-09-18")], id="day-to-day-across-months"),
        # a day named from the last full date before it
        pytest.param("6月10日,代表团抵达济南。当天下午举行会谈。次日前往青岛。",
                     [("6月10日", "2023-06-10"), ("当天", "2023-06-10"), ("次日", "2023-06-11")], id="same-day-and-next"),
        pytest.param("同日,双方签署协议。", [], id="same-day-with-no-date-before"),
        pytest.param("6月10日开幕。门票当日内有效。", [("6月10日", "2023-06-10")], id="not-within-the-day"),
    ],
)
def test_dates_find(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("2月23日", [("2月23日", "XXXX-02-23")], id="md"),
        pytest.param("今年五月", [("今年五月", "XXXX-05")], id="this-year-month"),
        pytest.param("5月19日至23日", [("5月19日至23日", "XXXX-05-19/XXXX-05-23")], id="range"),
        pytest.param("2023年10月24日", [("2023年10月24日", "2023-10-24")], id="ymd"),
        pytest.param("今年", [], id="this-year"),
        pytest.param("今天", [], id="today"),
        pytest.param("(香港,2022年9月6日)— 今日", [("2022年9月6日", "2022-09-06"), ("今日", "2022-09-06")],
                     id="dateline-gives-the-anchor"),
    ],
)
def test_dates_find_without_publication_date(text, expected):
    assert _found(text, None) == expected


def test_dates_find_reports_kind_rule_and_raw_text():
    doc = Doc.of(Article("t", "（香港，２０２３年１２月６日）於十二月六日", "2023-12-06"))
    found = dates.find(doc)
    assert [m.text for m in found] == ["２０２３年１２月６日", "十二月六日"]
    assert all(m.kind is Kind.DATE and m.rule.startswith("date-") for m in found)
    assert all(doc.raw[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param("12", 12, id="ascii"),
        pytest.param("二〇二三", 2023, id="digit-by-digit"),
        pytest.param("六", 6, id="one"),
        pytest.param("十", 10, id="ten"),
        pytest.param("十二", 12, id="teens"),
        pytest.param("二十", 20, id="tens"),
        pytest.param("三十一", 31, id="tens-and-units"),
        pytest.param("廿三", 23, id="nian"),
        pytest.param("卅", 30, id="sa"),
        pytest.param("十二三", None, id="not-a-number"),
        pytest.param("〇十", None, id="zero-tens"),
        pytest.param("月", None, id="not-a-numeral"),
    ],
)
def test_numerals_to_int(text, value):
    assert to_int(text) == value


def _seed_doc(article_id: str) -> Doc:
    return Doc.of(seed_article(article_id))


@pytest.mark.parametrize("article_id", seed_ids())
def test_dates_find_seed_values_equal_gold(article_id):
    found = {m.value for m in dates.find(_seed_doc(article_id))}
    assert found == {d["value"] for d in gold(article_id)["dates"]}


@pytest.mark.parametrize("article_id", seed_ids())
def test_dates_find_seed_gold_mentions_have_their_value(article_id):
    """Every gold surface form is found with its gold value (PDF spaces aside: `2001 年` is `2001年`)."""
    found = {("".join(m.norm.split()), m.value) for m in dates.find(_seed_doc(article_id))}
    wanted = {(text, d["value"]) for d in gold(article_id)["dates"] for text in d["mentions"]}
    assert wanted <= found


@pytest.mark.parametrize("article_id", seed_ids())
def test_dates_find_seed_offsets_point_into_raw_text(article_id):
    doc = _seed_doc(article_id)
    assert all(doc.raw[m.start:m.end] == m.text for m in dates.find(doc))
