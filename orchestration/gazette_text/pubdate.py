"""Publication date of an issue, by the warehouse contract's rules, first that applies:

1. a date in the file's path under the issues folder (`2024-10-16`, `20241016` anywhere in the name, or
   folders `2024/10/16/`, `2024-10-16/`);
2. a row of the issues folder's `manifest.csv` (`file,published_on`; see sources.py);
3. inferred from the text, in the year the text supports (`2024年…`): the date a web lead prints
   (`某某网3月5日讯`, the day the item was published; the latest when several do), else the latest
   explicit dateline (`10月12日`) plus one day (a daily reports yesterday's news);
4. otherwise unknown. A year the text does not support is never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePosixPath

from .datelines import month_day
from .vocabulary import FORECAST_WORDS, alternation

# Separators include `/`: folders `2024/10/16/` date the files in them.
_FILENAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_./]?(?P<m>[01]\d)[-_./]?(?P<d>[0-3]\d)(?!\d)")
# `2023年以来` only says the paper is later than 2023, so it dates nothing.
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?!以来|来|起|至今|开始)")
# A year after these words is a plan or a forecast (`预计2026年6月竣工`), not the year of the paper.
_FORECAST_BEFORE = re.compile(rf"(?:{alternation(FORECAST_WORDS)}|将于|到|至|截至|前)\s*$")


@dataclass(frozen=True)
class PublicationDate:
    published_on: date | None
    source: str  # filename | manifest | inferred | unknown
    year: int | None  # the year the issue belongs to, when known even without a full date


def from_filename(source_file: str) -> date | None:
    if not source_file:
        return None  # an undated article record: no file name of its own
    for match in _FILENAME_DATE.finditer(str(PurePosixPath(source_file).with_suffix(""))):
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None


def publication_date(
    source_file: str,
    text: str,
    datelines: list[str | None],
    manifest: dict[str, date] | None = None,
    lead_dates: list[str] = (),
) -> PublicationDate:
    """``datelines``: every article's, as printed; ``lead_dates``: the dates web leads print (3月5日)."""
    from_name = from_filename(source_file)
    if from_name:
        return PublicationDate(from_name, "filename", from_name.year)
    if manifest and source_file in manifest:
        return PublicationDate(manifest[source_file], "manifest", manifest[source_file].year)
    year = year_from_text(text)
    inferred = _latest_lead_date(lead_dates, year) or _latest_dateline_plus_one(datelines, year)
    if inferred:
        return PublicationDate(inferred, "inferred", inferred.year)
    return PublicationDate(None, "unknown", year)


def year_from_text(text: str) -> int | None:
    """The latest year the text mentions as past or present (forecasts excluded)."""
    years = [
        int(m["year"])
        for m in _YEAR.finditer(text)
        if not _FORECAST_BEFORE.search(text[max(0, m.start() - 4) : m.start()])
    ]
    return max(years) if years else None


def _latest_lead_date(lead_dates, year: int | None) -> date | None:
    dated = _dates(lead_dates, year)
    return max(dated) if dated else None


def _latest_dateline_plus_one(datelines, year: int | None) -> date | None:
    dated = _dates(datelines, year)
    return max(dated) + timedelta(days=1) if dated else None


def _dates(datelines, year: int | None) -> list[date]:
    """The explicit month-days among ``datelines`` as dates, where the year is printed or known."""
    dated = []
    for dateline in datelines:
        parts = month_day(dateline)
        if not parts:
            continue
        printed_year, month, day = parts
        try:
            if printed_year or year:
                dated.append(date(printed_year or year, month, day))
        except ValueError:
            continue
    return dated
