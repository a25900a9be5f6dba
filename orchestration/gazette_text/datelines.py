"""Datelines: the time expression that dates an article's event, and its resolution to a date.

`昨天上午` is the day before publication, `10月12日` takes the publication year (or the year the
issue's text supports), `近日`/`日前` stay unresolved.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .vocabulary import DAY_PARTS, PAST_DAYS, RECENT_DAYS, alternation

# A bare 晚 is a part of day only right after a day (昨天晚); at the head of a phrase it is a word.
_PART_OF_DAY = rf"(?:{alternation(DAY_PARTS)}|晚)?"
_MONTH_DAY = r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日(?:\s*[—\-－~至到]\s*\d{1,2}\s*日)?"
_RELATIVE = rf"(?P<relative>{alternation(PAST_DAYS + RECENT_DAYS)}|[上本]周[一二三四五六日天]?)"
_DATELINE = re.compile(rf"(?:{_MONTH_DAY}|{_RELATIVE}){_PART_OF_DAY}")
_OFFSETS = {"昨天": 1, "昨日": 1, "前天": 2, "今天": 0, "今日": 0, "当天": 0, "当日": 0}
# A month-day this far after publication is taken to be last year's (a December event in a January paper).
_FUTURE_TOLERANCE = timedelta(days=31)


def find_dateline(lead_paragraph: str) -> str | None:
    """The first time expression of the lead paragraph (after the byline), as printed."""
    match = _DATELINE.search(lead_paragraph)
    return match.group(0) if match else None


def month_day(dateline: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of an explicit dateline such as `10月12日`."""
    match = _DATELINE.fullmatch(dateline or "")
    if not match or not match.group("month"):
        return None
    year = int(match.group("year")) if match.group("year") else None
    return year, int(match.group("month")), int(match.group("day"))


def resolve_dateline(dateline: str | None, published_on: date | None, year: int | None = None) -> date | None:
    """Date of the event, or None when the dateline is vague or the publication date unknown."""
    match = _DATELINE.fullmatch(dateline or "")
    if not match:
        return None
    relative = match.group("relative")
    if relative:
        if relative in _OFFSETS and published_on is not None:
            return published_on - timedelta(days=_OFFSETS[relative])
        return None
    printed_year, month, day = month_day(dateline)
    return _calendar_date(printed_year, month, day, published_on, year)


def _calendar_date(printed_year, month, day, published_on, year) -> date | None:
    try:
        if printed_year:
            return date(printed_year, month, day)
        if published_on is not None:
            candidate = date(published_on.year, month, day)
            if candidate - published_on > _FUTURE_TOLERANCE:
                candidate = date(published_on.year - 1, month, day)
            return candidate
        if year is not None:
            return date(year, month, day)
    except ValueError:  # 2月30日 and the like: printed, but not a date
        return None
    return None
