"""Every dateline form the papers print, found in a lead and resolved to a date. All text is invented."""
from __future__ import annotations

from datetime import date

import pytest

from gazette_text.articles import parse_issue
from gazette_text.datelines import find_dateline, month_day, resolve_dateline
from gazette_text.issue import date_articles, read_issue
from gazette_text.pubdate import publication_date

PUB = date(2024, 10, 16)


@pytest.mark.parametrize(
    "lead,dateline",
    [
        # relative days
        ("今天上午，白沙镇举行秋季征兵欢送会。", "今天上午"),
        ("今日，鹿鸣街道启动老旧小区改造。", "今日"),
        ("昨日下午，县政府召开常务会议。", "昨日下午"),
        ("前天，江岸新区举行消防演练。", "前天"),
        # approximate
        ("连日来，我镇持续出现降雨。截至14日下午3时，全镇平均降雨量达60毫米。", "连日来"),
        ("日前，县市场监管局开展食品安全检查。", "日前"),
        ("近日，北塘村的稻谷迎来丰收。", "近日"),
        # an explicit date after an opening sentence
        ("秋意渐浓，稻浪翻滚。9月23日上午，全县丰收节在北塘村开幕。", "9月23日上午"),
        ("2023年11月5日，滚装船驶离码头。", "2023年11月5日"),
        ("6月2日至3日，北山市代表团来我县考察。", "6月2日至3日"),
        # day-only
        ("15日上午，全县秋粮收购工作会议召开。", "15日上午"),
        ("本报讯 8日，县委常委会召开会议。", "8日"),
        ("6号左右，首批设备进场安装。", "6号左右"),
        ("本月3日，新桥通车。", "本月3日"),
        # lunar
        ("正月初六下午，江岸新区重大项目集中签约。", "正月初六下午"),
        ("腊月廿三，北塘村举办年货集市。", "腊月廿三"),
        ("大年初二，景区迎来客流高峰。", "大年初二"),
        # periods: printed, never dated
        ("国庆期间，全县共接待游客12万人次。", "国庆期间"),
        ("春节前夕，县委召开迎新春座谈会。", "春节前夕"),
        # a clock time or a cut-off is no dateline; the day of a day-and-time is
        ("截至14日下午3时，全镇平均降雨量达60毫米。", None),
        ("上午9:30，大会在国歌声中开幕。", None),
        ("截至18:00时，县城气温达38℃。", None),
        ("今年8月3日5时20分，水库迎来洪峰。", "8月3日"),
        ("截至10月12日，全县已完成秋播。", None),
        # no dateline at all
        ("眼下，白沙镇的柑橘进入采摘期。", None),
        ("全镇连续5日开展河道巡查。", None),
        ("8号楼主体结构已封顶。", None),
        ("地铁3号线下穿段贯通。", None),
        ("各村须在5日内完成排查。", None),
        ("为迎接节日前来的游客，景区增开了停车场。", None),
        # a period inside a clause frames nothing: the date that follows is the dateline
        ("为做好春节期间安全工作，1月20日，县领导检查商场。", "1月20日"),
    ],
)
def test_find_dateline(lead, dateline):
    assert find_dateline(lead) == dateline


@pytest.mark.parametrize(
    "dateline,published_on,year,expected",
    [
        ("今天上午", PUB, None, PUB),
        ("今日", PUB, None, PUB),
        ("昨日下午", PUB, None, date(2024, 10, 15)),
        ("前天", PUB, None, date(2024, 10, 14)),
        ("连日来", PUB, None, None),
        ("日前", PUB, None, None),
        ("近日", PUB, None, None),
        ("国庆期间", PUB, None, None),
        ("春节前夕", PUB, 2024, None),
        # day-only: this month, or the last when the day is still to come
        ("15日上午", PUB, None, date(2024, 10, 15)),
        ("6号左右", PUB, None, date(2024, 10, 6)),
        ("20日", PUB, None, date(2024, 9, 20)),
        ("8日", date(2025, 1, 3), None, date(2024, 12, 8)),
        ("本月3日", PUB, None, date(2024, 10, 3)),
        ("上月28日", PUB, None, date(2024, 9, 28)),
        ("31日", PUB, None, None),  # September has no 31st
        ("15日上午", None, 2024, None),  # the month is unknown without the publication date
        # lunar, in the lunar year that puts the day at or before publication
        ("正月初八下午", date(2025, 2, 7), None, date(2025, 2, 5)),
        ("腊月廿三", date(2025, 1, 25), None, date(2025, 1, 22)),
        ("大年初一", date(2024, 2, 12), None, date(2024, 2, 10)),
        ("正月初八", None, 2025, date(2025, 2, 5)),
        ("腊月廿三", None, 2025, date(2025, 1, 22)),
        ("正月初八", None, None, None),
        # a month-day and a month-day range
        ("9月23日上午", PUB, None, date(2024, 9, 23)),
        ("6月2日至3日", date(2024, 6, 4), None, date(2024, 6, 2)),
    ],
)
def test_resolve_dateline(dateline, published_on, year, expected):
    assert resolve_dateline(dateline, published_on, year) == expected


@pytest.mark.parametrize("dateline", ["15日上午", "正月初八", "国庆期间", "连日来"])
def test_only_a_printed_month_day_gives_a_month_day(dateline):
    assert month_day(dateline) is None
    assert month_day("9月23日上午") == (None, 9, 23)


def test_a_web_lead_prints_the_publication_date():
    dated = publication_date("repost.txt", "2025年全县重点工作。", ["3月3日"], lead_dates=["3月5日"])
    assert (dated.published_on, dated.source) == (date(2025, 3, 5), "inferred")
    assert publication_date("repost.txt", "", [], lead_dates=["3月5日"]).published_on is None  # no year: unknown


def test_a_file_name_date_wins_over_a_web_lead():
    dated = publication_date("江州_2025-03-06.txt", "2025年", [], lead_dates=["3月5日"])
    assert (dated.published_on, dated.source) == (date(2025, 3, 6), "filename")


_WEB_REPOST = (
    "县委常委会召开会议\n\n"
    "江州网3月5日讯（记者 林小舟）昨天上午，县委常委会召开会议，研究部署2025年重点工作。\n"
)


def test_read_issue_dates_a_web_repost_by_its_lead():
    issue = read_issue("repost.txt", _WEB_REPOST)
    assert issue.publication.published_on == date(2025, 3, 5)
    assert [(a.dateline, a.event_date) for a in issue.articles] == [("昨天上午", date(2025, 3, 4))]


def test_event_dates_are_resolved_once_by_read_issue():
    """parse_issue gives datelines as printed; only date_articles (through read_issue) dates them."""
    (parsed,) = parse_issue(_WEB_REPOST).articles
    assert parsed.dateline == "昨天上午" and parsed.event_date is None
    (dated,) = date_articles([parsed], date(2025, 3, 5))
    assert dated.event_date == date(2025, 3, 4)
