"""Byline forms of other papers: leads, byline lines of their own, names at the end of the article.

Every name, paper and place here is invented for the test.
"""
from __future__ import annotations

import pytest

from gazette_text.bylines import (
    Byline,
    merge_bylines,
    parse_byline,
    parse_byline_line,
    split_bylines,
    split_trailing_byline,
    starts_with_byline,
    strip_byline,
)


def people(byline: Byline | None):
    assert byline is not None
    return byline.reporters, byline.contributors, byline.photographers


# --- leads ---------------------------------------------------------------------------------------

LEADS = [
    # (printed byline, what follows it, reporters, contributors, lead date)
    ("本报讯（记者 孟晓川）", "昨天上午，", ("孟晓川",), (), None),
    ("本报消息（记者孟晓川）", "连日来，", ("孟晓川",), (), None),
    ("本网讯（记者 江一舟）", "记者从市里获悉，", ("江一舟",), (), None),
    ("本报讯 (记者 孟晓川)", " 昨天,", ("孟晓川",), (), None),
    ("本报讯 ( 记者 孟晓川 江一舟 )", " 近日", ("孟晓川", "江一舟"), (), None),
    ("本报讯（卢青禾 记者 孟晓川）", "近日", ("孟晓川",), ("卢青禾",), None),
    ("本报讯（晚报记者 祝云开）", "今天上午", ("祝云开",), (), None),
    ("本报讯（融媒记者祝云开）", "昨日", ("祝云开",), (), None),
    ("本报讯（首席记者 祝云开）", "", ("祝云开",), (), None),
    ("本报讯（通讯员韦小满见习记者殷若水）", "昨天", ("殷若水",), ("韦小满",), None),
    ("本报讯（晚报记者葛春生见习记者殷若水）", "", ("葛春生", "殷若水"), (), None),
    ("本报讯（融媒记者 葛春生 实习生 晏秋实）", "", ("葛春生",), ("晏秋实",), None),
    ("本报讯（记者 葛春生 通讯员 韦小满 卢青禾）", "", ("葛春生",), ("韦小满", "卢青禾"), None),
    ("本报讯（韦小满 卢青禾）", "日前，", (), ("韦小满", "卢青禾"), None),
    ("本报5月3日讯（记者 孟晓川）", "", ("孟晓川",), (), "5月3日"),
    ("北湖网10月9日讯（记者 江一舟）", "昨天", ("江一舟",), (), "10月9日"),
    ("北湖新闻网2月13日讯", "正月十五晚，", (), (), "2月13日"),
    ("北湖日报讯（记者 江一舟）", "", ("江一舟",), (), None),
    ("本报北湖10月12日电（记者 江一舟）", "", ("江一舟",), (), "10月12日"),
    # bare leads: the names come at the end of the article
    ("本报讯", " 昨天上午，区政府召开常务会议。", (), (), None),
    ("本报讯", "昨日下午，", (), (), None),
    # a date after 讯 is the story's dateline, not the lead's
    ("本报讯", "9月11日，某项目签约。", (), (), None),
]


@pytest.mark.parametrize("text,following,reporters,contributors,lead_date", LEADS, ids=lambda v: str(v)[:14])
def test_lead(text, following, reporters, contributors, lead_date):
    paragraph = text + following
    byline = parse_byline(paragraph)
    assert byline is not None
    assert byline.text == text
    assert people(byline) == (reporters, contributors, ())
    assert byline.lead_date == lead_date
    assert starts_with_byline(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "会议指出，要抓好项目建设。",
        "据北湖新闻网消息，昨天上午，",
        "记者从区住建局获悉，今年全区新开工项目12个。",
        "今年以来，全区各项工作稳步推进。",
    ],
)
def test_no_lead(paragraph):
    assert parse_byline(paragraph) is None
    assert not starts_with_byline(paragraph)


# --- byline lines of their own ------------------------------------------------------------------

LINES = [
    # (line, reporters, contributors, photographers)
    ("□融媒记者 祝云开", ("祝云开",), (), ()),
    ("□融媒记者 祝云开 通讯员 韦小满", ("祝云开",), ("韦小满",), ()),
    ("■本报记者 孟晓川 江一舟", ("孟晓川", "江一舟"), (), ()),
    ("记者 孟晓川 江一舟 葛春生/文 卢青禾/摄", ("孟晓川", "江一舟", "葛春生"), (), ("卢青禾",)),
    ("文/韦小满 图/晏秋实", (), ("韦小满",), ("晏秋实",)),
    ("记者 孟晓川 通讯员 韦小满", ("孟晓川",), ("韦小满",), ()),
    ("记者：孟晓川", ("孟晓川",), (), ()),
    ("本报记者 欧阳晴川", ("欧阳晴川",), (), ()),  # compound surname: one person
    ("记者 樊 朗 孟晓川", ("樊朗", "孟晓川"), (), ()),  # a two-character name padded to line up
    ("通讯员 阿依古丽·吐尔逊", (), ("阿依古丽·吐尔逊",), ()),  # a name with a middle dot is one name
]


@pytest.mark.parametrize("line,reporters,contributors,photographers", LINES, ids=lambda v: str(v)[:14])
def test_byline_line(line, reporters, contributors, photographers):
    byline = parse_byline_line(line)
    assert people(byline) == (reporters, contributors, photographers)
    assert byline.text == line
    assert starts_with_byline(line)


def test_byline_line_opens_the_body():
    body = "记者 孟晓川 江一舟/文 卢青禾/摄\n\n盛夏时节，走进茶园。"
    byline = parse_byline(body)
    assert byline.text == "记者 孟晓川 江一舟/文 卢青禾/摄"
    assert people(byline) == (("孟晓川", "江一舟"), (), ("卢青禾",))
    assert strip_byline(body) == "盛夏时节，走进茶园。"


@pytest.mark.parametrize(
    "line",
    [
        "记者从区住建局获悉，今年全区新开工项目12个。",
        "记者昨天在现场看到，工人们正在忙碌。",
        "记者看到",
        "记者节",
        "记者 孟晓川\n\n盛夏时节",  # a line, not a paragraph
        "孟晓川 江一舟",  # bare names could be a headline
        "通讯员培训班开班",
    ],
)
def test_not_a_byline_line(line):
    assert parse_byline_line(line) is None
    assert not starts_with_byline(line)


@pytest.mark.parametrize("credit", ["卢青禾 摄", "本报记者 卢青禾 摄", "卢青禾/摄", "晏秋实 卢青禾 摄"])
def test_photo_credit_is_not_an_opening_byline(credit):
    # A credit alone is a photo's: the photographer is not the story's writer, even after 本报记者.
    assert not starts_with_byline(credit)
    byline = parse_byline_line(credit)
    assert byline.reporters == () and byline.contributors == ()
    assert set(byline.photographers) <= {"卢青禾", "晏秋实"} and byline.photographers


# --- names at the end ----------------------------------------------------------------------------

TRAILING = [
    # (the body without its byline, what closes it, reporters, contributors)
    ("会议强调，要抓好落实。", "\n\n孟晓川", (), ("孟晓川",)),
    ("会议强调，要抓好落实。", "\n\n孟晓川 江一舟", (), ("孟晓川", "江一舟")),
    ("会议强调，要抓好落实。", "\n\n（孟晓川）", (), ("孟晓川",)),
    ("会议强调，要抓好落实。", "\n\n(孟晓川)", (), ("孟晓川",)),
    ("会议强调，要抓好落实。", "\n\n（记者_江一舟）", ("江一舟",), ()),
    ("会议强调，要抓好落实。", "（韦小满、见习记者 殷若水）", ("殷若水",), ("韦小满",)),
    ("会议强调，要抓好落实。", "(韦小满、见习记者 殷若水)\n", ("殷若水",), ("韦小满",)),
    ("他说：“我们有信心。”", "（融媒记者 祝云开）", ("祝云开",), ()),
]


@pytest.mark.parametrize("rest,closing,reporters,contributors", TRAILING, ids=lambda v: str(v)[-12:])
def test_trailing_byline(rest, closing, reporters, contributors):
    remaining, byline = split_trailing_byline(rest + closing)
    assert remaining == rest
    assert byline.text == closing.strip()
    assert people(byline) == (reporters, contributors, ())


@pytest.mark.parametrize(
    "body",
    [
        "会议强调，要抓好落实。",
        "会议强调，要抓好落实。（完）",
        "会议强调，要抓好落实。\n\n（下转第2版）",
        "会议强调，要抓好落实。（本文有删节）",
        "会议审议通过了《实施方案（试行）》",
        "会议强调，要抓好落实。\n\n夏收\n管理忙",  # a label under the article, not names after it
        "会议强调，要抓好落实。\n\n要把各项工作做实做细",
        "会议强调，要抓好落实。 卢青禾 摄",  # a photo credit: the credit parser's
        "会议强调，要抓好落实。\n\n（卢青禾 摄）",
        "孟晓川",  # nothing before it: not a closing byline
    ],
)
def test_no_trailing_byline(body):
    assert split_trailing_byline(body) == (body, None)


def test_bare_lead_with_names_at_the_end():
    body = "北湖新闻网2月13日讯 昨天上午，市政府召开会议。\n\n会议强调，要抓好落实。\n\n（记者_江一舟）"
    rest, lead, trailing = split_bylines(body)
    assert rest.endswith("要抓好落实。")
    assert lead.text == "北湖新闻网2月13日讯" and lead.lead_date == "2月13日"
    merged = merge_bylines(lead, trailing)
    assert people(merged) == (("江一舟",), (), ())
    assert merged.lead_date == "2月13日"
    assert merge_bylines(None, None) is None


def test_paragraph_indent_is_not_part_of_the_byline():
    byline = parse_byline("\u3000\u3000本报讯（记者 孟晓川）昨天上午，")
    assert byline.text == "本报讯（记者 孟晓川）"
    assert starts_with_byline("\u3000\u3000本报讯（记者 孟晓川）昨天上午，")
    rest, trailing = split_trailing_byline("会议强调，要抓好落实。\n\u3000\u3000孟晓川")
    assert rest == "会议强调，要抓好落实。" and trailing.contributors == ("孟晓川",)
