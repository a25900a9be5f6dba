"""Datelines: the time expression that dates an article's event, and its resolution to a date.

The dateline is the first time expression of the lead paragraph (after the byline), wherever it sits
(`春日的河畔，一派繁忙。3月10日，…`). Forms, and what they resolve to:
- `10月12日(上午)`, `2024年11月5日`, `6月17日至18日`: that day, in the publication year (a month-day far
  after publication is last year's), or the year the issue's text supports;
- `昨天/昨日/昨晚` (publication day - 1), `前天` (- 2), `今天/今日/今晨` (the publication day);
- day-only `8日上午`, `20号左右`: the publication month, or the month before when the day is after the
  publication day; `本月8日` / `上月8日` name the month;
- lunar `正月初八(下午)`, `腊月廿三`, `大年初一`: through the Chinese calendar (``lunardate``), in the lunar
  year that puts the day at or before publication;
- `近日`, `日前`, `近期`, `连日来`: approximate, kept as printed, no date;
- periods (`国庆期间`, `春节前夕`): kept as printed, no date.
A cut-off is no dateline (`截至18日下午5时`, `截至10月底`), nor is a clock time (`上午9:00`, `14:00时`);
in `7月12日4时05分` the dateline is the day, `7月12日`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from lunardate import LunarDate

from .vocabulary import DAY_PARTS, PAST_DAYS, RECENT_DAYS, alternation

# A bare 晚 is a part of day only right after a day (昨天晚); at the head of a phrase it is a word.
_PART_OF_DAY = rf"(?:{alternation(DAY_PARTS)}|晚)?"
# A cut-off (截至18日) or the end of a range (至20日) dates no event.
_NOT_AFTER = r"(?<!截至)(?<!截止)(?<!至)(?<!到)(?<!止)"
_MONTH_DAY = (
    rf"{_NOT_AFTER}(?:(?P<year>\d{{4}})\s*年\s*|(?<!\d)(?<!\d年))(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*[日号]"
    r"(?:\s*[—\-－~至到]\s*\d{1,2}\s*[日号])?"
)
# A day alone (8日上午, 20号左右) opens a clause; anything else before it makes it a count (近10日) or a
# part of a longer date. 号 needs what follows to be a time (8号楼, 3号线 are no days); 5日内, 5日后,
# 5日来 are spans.
_DAY_ONLY = (
    rf"(?:^|(?<=[\s，,。；;：:（(于在])|(?P<which_month>本月|上月|上个月)){_NOT_AFTER}"
    rf"(?P<only_day>\d{{1,2}})\s*(?:日|号(?=\s*(?:{alternation(DAY_PARTS)}|晚|左右|[，,])))"
    r"(?:\s*[—\-－~至到]\s*\d{1,2}\s*[日号])?(?:\s*左右)?(?!\s*\d|内|以|之|后|前|来)"
)
_CN_DAY = "(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十)"
_LUNAR = (
    rf"(?:农历)?(?:(?P<lunar_month>正|二|三|四|五|六|七|八|九|十一|十二|十|冬|腊)月(?P<lunar_day>{_CN_DAY})"
    rf"|大年(?P<new_year_day>初[一二三四五六七八九十]))(?![日号])"
)
_HOLIDAYS = r"(?:春节|国庆|元旦|中秋|端午|清明|五一|劳动节|元宵|新春|节日|假日|假期|暑期|寒假|暑假|汛期|两会)"
_PERIOD = rf"(?:^|(?<=[\s，,。；;：:]))(?P<period>{_HOLIDAYS}(?:期间|前夕|前后|来临之际|到来之际))"
# 日前 is part of 节日前, 假日前.
_RELATIVE = rf"(?P<relative>(?<![节假]){alternation(PAST_DAYS + RECENT_DAYS)}|[上本]周[一二三四五六日天]?)"
_DATELINE = re.compile(rf"(?:{_MONTH_DAY}|{_LUNAR}|{_DAY_ONLY}|{_RELATIVE}){_PART_OF_DAY}|{_PERIOD}")
_LEADING_SPACE = re.compile(r"^\s+")
_OFFSETS = {
    "昨天": 1, "昨日": 1, "昨晚": 1, "前天": 2, "今天": 0, "今日": 0, "今晨": 0, "当天": 0, "当日": 0,
}
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12}
# A month-day this far after publication is taken to be last year's (a December event in a January paper).
_FUTURE_TOLERANCE = timedelta(days=31)


def find_dateline(lead_paragraph: str) -> str | None:
    """The first time expression of the lead paragraph (after the byline), as printed."""
    match = _DATELINE.search(lead_paragraph)
    return _LEADING_SPACE.sub("", match.group(0)) if match else None


def month_day(dateline: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of an explicit Gregorian dateline such as `10月12日`."""
    match = _DATELINE.fullmatch(dateline or "")
    if not match or not match.group("month"):
        return None
    year = int(match.group("year")) if match.group("year") else None
    return year, int(match.group("month")), int(match.group("day"))


def resolve_dateline(dateline: str | None, published_on: date | None, year: int | None = None) -> date | None:
    """Date of the event, or None when the dateline is vague or the publication date unknown."""
    match = _DATELINE.fullmatch(dateline or "")
    if not match or match.group("period"):
        return None
    relative = match.group("relative")
    if relative:
        if relative in _OFFSETS and published_on is not None:
            return published_on - timedelta(days=_OFFSETS[relative])
        return None
    if match.group("only_day"):
        return _day_of_month(int(match.group("only_day")), match.group("which_month"), published_on)
    if match.group("lunar_day") or match.group("new_year_day"):
        return _lunar_date(match, published_on, year)
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


def _day_of_month(day: int, which_month: str | None, published_on: date | None) -> date | None:
    """A day printed without its month: this month's (last month's when it is still to come)."""
    if published_on is None:
        return None
    first = published_on.replace(day=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    if which_month in ("上月", "上个月"):
        months = [previous]
    elif which_month == "本月":
        months = [first]
    else:
        months = [first] if day <= published_on.day else [previous]
    for month in months:
        try:
            return month.replace(day=day)
        except ValueError:  # 31日 in a 30-day month
            return None
    return None


def _lunar_date(match: re.Match, published_on: date | None, year: int | None) -> date | None:
    if match.group("new_year_day"):
        month, day = 1, _cn_number(match.group("new_year_day"))
    else:
        name = match.group("lunar_month")
        month, day = _LUNAR_MONTHS.get(name) or _cn_number(name), _cn_number(match.group("lunar_day"))
    if published_on is not None:  # the lunar year that puts the day at or before publication
        for lunar_year in (published_on.year, published_on.year - 1):
            solar = _solar(lunar_year, month, day)
            if solar is not None and solar - published_on <= _FUTURE_TOLERANCE:
                return solar
        return None
    if year is not None:  # the lunar year whose day falls in the year
        for lunar_year in (year, year - 1):
            solar = _solar(lunar_year, month, day)
            if solar is not None and solar.year == year:
                return solar
    return None


def _solar(lunar_year: int, month: int, day: int) -> date | None:
    try:
        return LunarDate(lunar_year, month, day).to_solar_date()
    except (ValueError, IndexError):  # 三十 of a 29-day month, or a year outside the calendar's table
        return None


def _cn_number(text: str) -> int:
    """初八 → 8, 十五 → 15, 廿三 → 23, 二十 → 20, 三十 → 30 (1 to 30)."""
    text = text.removeprefix("初")
    if text.startswith("廿"):
        return 20 + (_CN_DIGITS[text[1]] if len(text) > 1 else 0)
    if "十" in text and len(text) > 1:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[text]
