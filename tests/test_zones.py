from __future__ import annotations

import pytest

from kg.doc import Doc
from kg.extract.zones import peripheral_zones
from kg.model import Article


def in_zone(text: str, probe: str) -> bool:
    i = text.index(probe)
    return any(s <= i < e for s, e in peripheral_zones(text))


@pytest.mark.parametrize(
    "text, probe",
    [
        pytest.param("正文。\n\n媒体查询,请联络:\n某某公关公司\n陈小姐", "陈小姐", id="media-contact-tail"),
        pytest.param("正文。\n\n相关阅读\n·省长会见外宾", "省长会见外宾", id="related-reading"),
        pytest.param("正文。\n\n此网志的热门文章\n\n另一篇新闻稿", "另一篇新闻稿", id="blog-posts"),
        pytest.param("正文。\n[某某网声明]:凡本网注明来源的作品\n新闻推荐", "凡本网注明", id="statement"),
        pytest.param("正文。\nCopyright @ 某某网 地址:济南市", "济南市", id="copyright"),
        pytest.param("正文。\n责任编辑:王小明", "王小明", id="editor-line"),
        pytest.param("标题来源:某某日报加入时间:2024-01-01\n正文", "某某日报", id="source-line"),
        pytest.param("某某网 >> 山东\n正文", "某某网", id="breadcrumb"),
        pytest.param("正文完。(新华社记者 张三 通讯员 李四)", "李四", id="byline-brackets"),
        pytest.param("论坛编辑王大明美编李小红校对赵强局长说", "李小红", id="editor-run"),
        pytest.param("跳至主要内容\n\n标题", "跳至主要内容", id="furniture"),
        pytest.param("正文。(文/宣传部 图/司徒立文)", "司徒立文", id="photo-credit"),
        pytest.param("咨询:招商中心联系人:宋佳明电话:0531-1234567", "宋佳明", id="contact-person"),
        pytest.param("【大公报讯】记者报道:会议开幕。", "大公报", id="news-flash-outlet"),
        pytest.param("新华社济南9月12日电(记者张三)会议开幕。", "新华社", id="dispatch-outlet"),
    ],
)
def test_zones_peripheral(text, probe):
    assert in_zone(text, probe)


@pytest.mark.parametrize(
    "text, probe",
    [
        pytest.param("正文。\n###\n关于某某科技园公司\n某某科技园公司成立于2001年。", "成立于", id="about-section"),
        pytest.param("报社总编辑张大为表示,新闻要真实。", "张大为", id="post-not-byline"),
        pytest.param("论坛编辑王大明美编李小红校对赵强局长刘文说", "刘文", id="editor-run-ends"),
        pytest.param("他在接受记者采访时,介绍了香港的情况。", "香港", id="reporter-in-text"),
        pytest.param("双方发表联合声明,宣布合作。", "宣布合作", id="statement-in-text"),
        pytest.param("新华社济南9月12日电(记者张三)会议开幕。", "济南", id="dispatch-place"),
        pytest.param("新华社济南9月12日电(记者张三)会议开幕。", "9月12日", id="dispatch-date"),
        pytest.param("记者从济南市商务局获悉,今年港资增长。", "济南市商务局", id="reporter-learns-from"),
        pytest.param("在记者会上,香港贸发局介绍了展会。", "香港贸发局", id="press-conference"),
        pytest.param("记者在青岛西海岸新区看到,项目已开工。", "青岛西海岸新区", id="reporter-sees"),
    ],
)
def test_zones_not_peripheral(text, probe):
    assert not in_zone(text, probe)


def test_zones_mark_mentions_through_doc():
    doc = Doc.of(Article("t", "正文有李四。\n\n传媒查询:\n王五"))
    i = doc.text.index("王五")
    assert doc.is_peripheral(i) and not doc.is_peripheral(doc.text.index("李四"))
