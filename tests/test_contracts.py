"""Contracts pinned by tests that can fail: each test here was checked to fail when the rule it names
is broken by a one-line change (a mutant) and to pass without it. They test behaviour, not constant
names, so they survive refactors. All text is invented (names, places, figures).

- statistics: only a SHORT quote (“七大行动”) makes its number a name; a long quoted sentence still counts;
- people: an ordinary dictionary word right after a title is no name (the common-word threshold);
- coverage: text the parse holds twice is reported as doubled;
- articles: an article's event_date is resolved from its dateline and the publication date.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gazette_text.articles import parse_issue
from gazette_text.coverage import coverage
from gazette_text.issue import date_articles, read_issue
from gazette_text.models import Leftover
from gazette_text.people import find_titled_people
from gazette_text.statistics import extract_statistics


# --- statistics: the short-quote limit ------------------------------------------------------------

def test_number_in_a_long_quoted_sentence_is_still_a_statistic():
    """Short-quote limit: a quote is a name (“三张网”) only when short; a quoted sentence of 20+
    characters is reported speech and its counts are statistics."""
    body = "镇长在会上说：“全镇新增企业35家，带动就业1200人。”"
    rows = [(s.raw_text, s.value, s.unit) for s in extract_statistics(body)]
    assert ("35家", 35, "家") in rows
    assert ("1200人", 1200, "人") in rows


def test_number_in_a_short_quote_is_a_name_not_a_statistic():
    """Short-quote limit, other side: “三个确保” “5G” in short quotes name slogans, not counts."""
    assert extract_statistics("青禾镇深入实施“十项工程”，推动“3个提升”落地见效。") == []


# --- people: the common-word threshold --------------------------------------------------------------

def test_ordinary_word_after_a_title_is_no_name():
    """Common-word threshold: 带队 and 轮流 are dictionary words (frequencies in the hundreds) that
    follow a title in news text; a position without a name yields nobody."""
    assert find_titled_people("区领导带队检查。") == []
    assert find_titled_people("各村党组织书记轮流发言。") == []


def test_name_after_a_title_is_still_found():
    """The same shape with an (invented) name before a role verb: the name is found."""
    assert [(p.name, p.title) for p in find_titled_people("区领导周明远参加检查。")] == [("周明远", "区领导")]


@pytest.mark.xfail(strict=True, reason="known miss: 带队/轮流 are tagged n, so no boundary is seen after the name")
def test_name_before_an_ordinary_word_is_found():
    """区领导周明远带队检查: the name ends before 带队, a word the boundary lists and verb tags lack."""
    assert [(p.name, p.title) for p in find_titled_people("区领导周明远带队检查。")] == [("周明远", "区领导")]


# --- coverage: doubled text ---------------------------------------------------------------------------

_ISSUE = (
    "青禾镇召开秋收工作会议\n\n"
    "本报讯（记者 林晓舟）昨天上午，青禾镇召开秋收工作会议。镇长周明远出席会议并讲话。\n\n"
    "会议要求，各村要抓紧抢收晚稻。\n"
)


def test_text_the_parse_holds_twice_is_reported_as_doubled():
    """Coverage reports doubled text: a paragraph the parse repeats is named, and the ratio drops."""
    parsed = parse_issue(_ISSUE)
    assert coverage(_ISSUE, parsed).doubled == ""
    article = parsed.articles[0]
    parsed.articles[0] = replace(article, body=article.body + "\n\n会议要求，各村要抓紧抢收晚稻。")
    result = coverage(_ISSUE, parsed)
    assert result.doubled and sorted(result.doubled) == sorted("会议要求，各村要抓紧抢收晚稻。")
    assert result.lost == ""
    assert result.ratio < 1.0


def test_text_repeated_as_a_leftover_is_reported_as_doubled():
    """Coverage reports doubled text from any place: a headline also kept as a leftover."""
    parsed = parse_issue(_ISSUE)
    parsed.leftovers.append(Leftover("unattached_text", "青禾镇", 0))
    assert sorted(coverage(_ISSUE, parsed).doubled) == sorted("青禾镇")


# --- articles: event_date from the dateline -------------------------------------------------------------

_DATED_ISSUE = (
    "青禾镇召开秋收工作会议\n\n"
    "本报讯（记者 林晓舟）昨天上午，青禾镇召开秋收工作会议。镇长周明远出席会议并讲话。\n\n\n"
    "白鹭湾开展河道清淤\n\n"
    "本报讯（通讯员 陈可心）10月12日，白鹭湾街道开展河道清淤行动。\n"
)


def test_event_date_comes_from_the_dateline_and_the_publication_date():
    """Article event_date: 昨天 is the day before publication, 10月12日 is that day of the paper's year."""
    articles = date_articles(parse_issue(_DATED_ISSUE).articles, published_on=date(2024, 10, 16))
    assert [(a.dateline, a.event_date) for a in articles] == [
        ("昨天上午", date(2024, 10, 15)),
        ("10月12日", date(2024, 10, 12)),
    ]


def test_event_date_from_the_year_alone_when_the_day_of_publication_is_unknown():
    """Article event_date with only the year known: a printed month-day resolves, 昨天 cannot."""
    articles = date_articles(parse_issue(_DATED_ISSUE).articles, published_on=None, year=2023)
    assert [a.event_date for a in articles] == [None, date(2023, 10, 12)]


def test_read_issue_dates_articles_by_the_file_name():
    """Article event_date through read_issue: the publication date comes from the file name."""
    issue = read_issue("qinghe_2024-10-16.txt", _DATED_ISSUE)
    assert issue.publication.published_on == date(2024, 10, 16)
    assert [a.event_date for a in issue.articles] == [date(2024, 10, 15), date(2024, 10, 12)]


# --- the tests' own gold match (tests/helpers.py) ----------------------------------------------------

def test_gold_match_allows_only_the_articles_own_credit_after_the_gold_end():
    """helpers.matches_gold is the scorer's rule: after the gold end only the article's own byline."""
    from helpers import matches_gold

    gold = {"body_start": "本报讯（记者 林晓舟）", "body_end": "抢收晚稻。",
            "reporters": ["林晓舟"], "contributors": [], "photographers": []}
    body = "本报讯（记者 林晓舟）昨天，各村抓紧抢收晚稻。"
    assert matches_gold(body, gold) and matches_gold(body, gold, whole=True)
    assert matches_gold(body + "\n\n（林晓舟）", gold)
    assert not matches_gold(body + "\n\n（林晓舟）", gold, whole=True)
    assert not matches_gold(body + "\n\n（陈可心）", gold)  # someone else's name is no trailer
    assert not matches_gold(body + "\n\n白鹭湾开展河道清淤", gold)  # the next article glued on
    assert not matches_gold("昨天，" + body, gold)
