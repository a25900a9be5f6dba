"""Datelines and publication dates: relative days, month-days, vague words, the contract's order."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import seed_text
from gazette_text.datelines import find_dateline, resolve_dateline
from gazette_text.issue import read_issue
from gazette_text.pubdate import from_filename, publication_date, year_from_text
from gazette_text.sources import ManifestError, ManifestRow, read_manifest

PUB = date(2024, 10, 16)


@pytest.mark.parametrize(
    "lead,dateline",
    [
        ("昨天上午，全市公安工作会议召开。", "昨天上午"),
        (" 创新领先一步, 产业领先一路。10月12日, 苏州…", "10月12日"),
        ("合成生物学是21世纪生命科学领域的颠覆性技术。近日，位于高新区的", "近日"),
        ("10月11日是今年第五个“学习日”", "10月11日"),
        ("创新领先一步。", None),
    ],
)
def test_find_dateline(lead, dateline):
    assert find_dateline(lead) == dateline


@pytest.mark.parametrize(
    "dateline,published_on,year,expected",
    [
        ("昨天上午", PUB, None, date(2024, 10, 15)),
        ("前天", PUB, None, date(2024, 10, 14)),
        ("10月12日", PUB, None, date(2024, 10, 12)),
        ("12月30日", date(2025, 1, 2), None, date(2024, 12, 30)),  # last year's December
        ("10月12日", None, 2024, date(2024, 10, 12)),  # the year the text supports
        ("10月12日", None, None, None),  # no year: never guessed
        ("昨天上午", None, 2024, None),
        ("近日", PUB, None, None),
        ("2月30日", PUB, None, None),
    ],
)
def test_resolve_dateline(dateline, published_on, year, expected):
    assert resolve_dateline(dateline, published_on, year) == expected


def test_publication_date_rules_in_order():
    assert from_filename("wjrb_2024-10-16.txt") == date(2024, 10, 16)
    assert from_filename("wjrb20241016a.txt") == date(2024, 10, 16)
    assert from_filename("000_dbf7ed12aa541d15.txt") is None
    manifest = {"a.txt": date(2024, 1, 2)}
    assert publication_date("x_20240105.txt", "", [], manifest).source == "filename"
    assert publication_date("a.txt", "", [], manifest).published_on == date(2024, 1, 2)
    assert publication_date("b.txt", "", ["昨天"], manifest).source == "unknown"


def test_inferred_from_latest_dateline_and_year_mention():
    issue = read_issue("001_04e94acb881a18bc.txt", seed_text("001_04e94acb881a18bc"))
    assert issue.publication.published_on == date(2024, 10, 13)
    assert issue.publication.source == "inferred"
    assert issue.articles[0].event_date == date(2024, 10, 12)  # 昨天上午


def test_no_year_in_text_means_unknown():
    issue = read_issue("000_dbf7ed12aa541d15.txt", seed_text("000_dbf7ed12aa541d15"))
    assert issue.publication.published_on is None
    assert all(a.event_date is None for a in issue.articles)


def test_forecast_years_do_not_date_the_issue():
    assert year_from_text("2023年，我市启动。预计2026年6月竣工投产。") == 2023


def test_a_year_since_which_something_happened_dates_nothing():
    assert year_from_text("2023年以来，我区启动了为期3年的专项整治行动。") is None
    assert read_issue("003_bea86a44bee5fdb8.txt", seed_text("003_bea86a44bee5fdb8")).publication.year is None


def test_manifest_errors_are_readable():
    assert read_manifest("file,published_on\na.txt,2024-10-16\n") == {"a.txt": ManifestRow(published_on=date(2024, 10, 16))}
    with pytest.raises(ManifestError, match="line 2"):
        read_manifest("file,published_on\na.txt,16/10/2024\n")
    with pytest.raises(ManifestError, match="header"):
        read_manifest("name,date\n")
