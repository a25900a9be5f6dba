"""Small result types shared by the parsing steps."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article or photo item, in reading order within its issue."""

    seq: int
    kind: str  # meeting | project | inspection | visit | event | photo
    headline: str | None
    body: str  # from the byline (本报讯…) to the end, or the photo caption; layout breaks repaired
    reporters: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    byline: str | None = None  # as printed, e.g. 本报讯（甄泉生 记者 柴小禾）; with the closing one if any
    trailing_byline: str | None = None  # printed after the text (（记者_X）, X Y): not part of the body
    dateline: str | None = None  # as printed: 昨天上午, 10月12日, 近日
    event_date: date | None = None
    credit: str | None = None  # the photo credit as printed, e.g. 陆衡 邵雨晴 摄


@dataclass(frozen=True)
class Leftover:
    """Printed text that is not part of any article (column labels, slogans, stray lines)."""

    kind: str  # column_label | unattached_text
    text: str
    position: int  # character offset in the normalised issue text


@dataclass
class ParsedIssue:
    articles: list[Article] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
