from __future__ import annotations

import pytest

from kg.clean import View, clean, drop_page_furniture, fold_width, join_wrapped, widen_column_gaps


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("黄志 辉说", "黄志辉说", id="space-inside-name"),
        pytest.param("淄 博是", "淄博是", id="space-inside-place"),
        pytest.param("大公坊科创(淄博)有限公司的一个很长的句子写到了这里有\n\n限公司", "大公坊科创(淄博)有限公司的一个很长的句子写到了这里有限公司", id="wrapped-line"),
        pytest.param("新闻稿\n\n即时发布", "新闻稿\n\n即时发布", id="short-headline-kept"),
        pytest.param("这是一个以句号结尾的很长很长很长的句子。\n下一段", "这是一个以句号结尾的很长很长很长的句子。\n下一段", id="sentence-end-kept"),
        pytest.param("鲁港创新合作大会在济南举行两地强强联手共赢未来\n来源:大众报业", "鲁港创新合作大会在济南举行两地强强联手共赢未来\n来源:大众报业",
                     id="headline-kept"),
        pytest.param("公开 | 新闻中心 | 投资潍坊 | 互动交流 | 办事服务\n当前位置", "公开 | 新闻中心 | 投资潍坊 | 互动交流 | 办事服务\n当前位置",
                     id="navigation-line-kept"),
        pytest.param("成立该中心目的是为积极引进高端创新资源落户淄博、服务山\n\n东,加强协同", "成立该中心目的是为积极引进高端创新资源落户淄博、服务山东,加强协同",
                     id="word-across-break"),
        pytest.param("香港擁有頂尖研究人員和大學的獨特優勢。他強\n調,合作", "香港擁有頂尖研究人員和大學的獨特優勢。他強調,合作",
                     id="traditional-word-across-break"),
        pytest.param("本次推介会由威海市人民政府主办，各方代表出席会议并发言\n其中香港山东商会、香港中华\n总商会协办",
                     "本次推介会由威海市人民政府主办，各方代表出席会议并发言\n其中香港山东商会、香港中华总商会协办",
                     id="full-line-of-a-block"),
        pytest.param("两地合作再添新动能鲁港携手共建创新高地\n记者 王明 通讯员 李华", "两地合作再添新动能鲁港携手共建创新高地\n记者王明通讯员李华",
                     id="title-then-byline-kept"),
        pytest.param("王志强    执行董事", "王志强    执行董事", id="table-column-gap-kept"),
        pytest.param("济南\n鲁港某某科技(济南)\n有限公司\n冷某菲", "济南\n鲁港某某科技(济南)有限公司\n冷某菲", id="legal-tail-after-bracket"),
        pytest.param("青岛海川冷链物流股份\n有限公司\n仉飞", "青岛海川冷链物流股份有限公司\n仉飞", id="legal-tail-line"),
        pytest.param("鲁港某某科技\n\n有限公司是", "鲁港某某科技\n\n有限公司是", id="legal-tail-after-blank-line-kept"),
        pytest.param("经济导报    原创    山东", "经济导报    原创    山东", id="navigation-gaps-kept"),
        pytest.param("联系人:诸葛 明 电话", "联系人:诸葛明电话", id="single-spaces-go"),
        pytest.param("Alan Ashworth 教授", "Alan Ashworth 教授", id="latin-spaces-kept"),
        pytest.param("10万吨 PET深加工", "10万吨 PET深加工", id="han-latin-space-kept"),
    ],
)
def test_clean_join_wrapped(raw, expected):
    assert join_wrapped(View.of(raw)).text == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("团\u3000长：蔺某某\u3000菏泽市人民政府副市长", "团长:蔺某某  菏泽市人民政府副市长", id="label-name-cell"),
        pytest.param("\u3000\u3000母\u3000涛\u3000菏泽市人民政府副秘书长", "  母涛  菏泽市人民政府副秘书长", id="padded-name-then-cell"),
        pytest.param("8．东方立群\u3000山东某某集团有限公司\u3000\u3000董事长", "8.东方立群  山东某某集团有限公司  董事长", id="four-character-name"),
        pytest.param("香\u3000港\u3000特\u3000区\u3000政\u3000府", "香港特区政府", id="letter-spacing-joins"),
        pytest.param("记者\u3000钭某某\u3000通讯员\u3000郏某", "记者  钭某某  通讯员  郏某", id="byline-fields"),
    ],
)
def test_clean_ideographic_column_gaps(raw, expected):
    view = clean(raw)
    assert view.text == expected
    assert all(raw[view.to_raw(i, i + 1)[0]] in (c, "\u3000", " ") or not c.strip() or c in ":." for i, c in enumerate(view.text))


def test_clean_widen_column_gaps_keeps_offsets():
    raw = "甄立新\u3000菏泽市商务局局长"
    view = widen_column_gaps(View.of(raw))
    assert view.text == "甄立新\u3000\u3000菏泽市商务局局长"
    start = view.text.index("菏")
    assert raw[view.to_raw(start, start + 6)[0]:view.to_raw(start, start + 6)[1]] == "菏泽市商务局"


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("（香港，２０２３年）", "(香港,2023年)", id="full-width"),
        pytest.param("電話：+852", "電話:+852", id="colon"),
        pytest.param("「InnoHK」", "「InnoHK」", id="corner-quotes-kept"),
    ],
)
def test_clean_fold_width(raw, expected):
    assert fold_width(View.of(raw)).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("甲\n \nPage 2 of 4\n\n乙", id="page-of"),
        pytest.param("甲\n第 3 页 共 8 页\n乙", id="chinese-page"),
    ],
)
def test_clean_drop_page_furniture(raw):
    out = drop_page_furniture(View.of(raw)).text
    assert "Page" not in out and "页" not in out and out.startswith("甲") and out.endswith("乙")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("黄志 辉刚刚到山东任职。\nPage 2 of 4\n香港科技园公司（科技园公司）", id="mixed"),
        pytest.param("ＡＢＣ　有　限公司…", id="width-and-ellipsis"),
        pytest.param("", id="empty"),
    ],
)
def test_clean_offsets_point_into_raw(raw):
    v = clean(raw)
    assert len(v.raw_index) == len(v.text)
    assert list(v.raw_index) == sorted(v.raw_index)
    for i, c in enumerate(v.text):
        s, e = v.to_raw(i, i + 1)
        assert 0 <= s < e <= len(raw)


def test_clean_span_maps_to_text_as_written():
    raw = "主任黄志 辉说"
    v = clean(raw)
    i = v.text.index("黄志辉")
    s, e = v.to_raw(i, i + 3)
    assert raw[s:e] == "黄志 辉"


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("舉辦活動(dòng)，", "舉辦活動,", id="one-syllable"),
        pytest.param("行政總裁黃克強(huáng kè qiáng)表示", "行政總裁黃克強表示", id="name"),
        pytest.param("香港中文大学(深圳)", "香港中文大学(深圳)", id="chinese-in-brackets-kept"),
        pytest.param("英文名(Alan)", "英文名(Alan)", id="latin-without-tones-kept"),
    ],
)
def test_clean_drop_pinyin_glosses(raw, expected):
    assert clean(raw).text == expected


ROWS = ("序号    姓  名        单    位                              职  务\n"
        "1       冼志明        香港某某同乡会                          会长\n"
        "                      香港某某国际贸易有限公司                董事长\n")
WRAPPED_CELL = ("序号    项目名称                        签约双方\n"
                "3       高端医用敷料生产基地项目        某某经济技术开发区管委会 / 港\n"
                "                                        丰医疗器械(香港)有限公司\n")


def test_clean_a_row_of_more_cells_below_a_table_row_is_no_wrap():
    assert "会长\n" in join_wrapped(View.of(ROWS)).text


def test_clean_a_table_cell_wrapped_below_its_own_start_is_joined():
    assert "港丰医疗器械" in join_wrapped(View.of(WRAPPED_CELL)).text


def test_clean_two_lines_of_a_form_s_fields_are_no_wrap():
    raw = "第三届理事会架构如下:\n永远名誉会长:何某明、林某强、陈某玲、黄某辉\n会长:梁某邦\n"
    assert "黄某辉\n会长" in join_wrapped(View.of(raw)).text


def test_clean_a_title_and_names_before_a_field_is_no_wrap():
    raw = "第三届会董会名单如下:\n常务副会长 黄某辉 苏某敏 欧阳某国 司徒某强\n副会长(按姓氏笔画排序):刘某豪\n"
    assert "司徒某强\n副会长" in join_wrapped(View.of(raw)).text


@pytest.mark.parametrize(("raw", "joined"), [
    ("其中——\n\n苏州工业园区管委会与\n\n香港某某航运有限公司签署\n\n融资租赁项目合作协议\n", "管委会与香港某某航运有限公司签署融资租赁"),
    ("苏州市商务局与香港船东会\n\n签署《苏港海洋经济合作备忘录》\n", "香港船东会签署《"),
], ids=["after-a-conjunction-and-a-verb", "before-the-verb-of-a-signing"])
def test_clean_short_lines_cut_where_no_sentence_ends_are_joined(raw: str, joined: str) -> None:
    assert joined in join_wrapped(View.of(raw)).text
