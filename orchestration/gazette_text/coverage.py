"""Nothing lost: every printed character of an issue lands in exactly one place of the parse.

The places are headlines, bodies (leading bylines included), bylines printed after the text,
photo credits and leftovers (column labels, stray lines). Whitespace is layout, not content, and is not counted.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .models import ParsedIssue


@dataclass(frozen=True)
class Coverage:
    printed: int  # non-blank characters in the issue text
    lost: str  # characters of the text found nowhere in the parse (in text order)
    doubled: str  # characters the parse holds more often than the text does

    @property
    def ratio(self) -> float:
        if not self.printed:
            return 1.0
        return 1 - (len(self.lost) + len(self.doubled)) / self.printed


def coverage(text: str, parsed: ParsedIssue) -> Coverage:
    """``parsed`` is anything with ``articles`` and ``leftovers`` (a ParsedIssue or a ReadIssue)."""
    printed = Counter(_content(text))
    placed = Counter(_content("".join(_pieces(parsed))))
    # The usual case. Counted from text, neither holds a zero count, so plain dict equality (in C) is
    # Counter equality (a Python loop), and far quicker than the two subtractions below.
    if dict.__eq__(placed, printed):
        return Coverage(printed=sum(printed.values()), lost="", doubled="")
    missing, extra = printed - placed, placed - printed
    return Coverage(
        printed=sum(printed.values()),
        lost="".join(sorted(missing.elements(), key=text.find)),
        doubled="".join(extra.elements()),
    )


def _pieces(parsed: ParsedIssue):
    for article in parsed.articles:
        yield article.headline or ""
        yield article.body
        yield getattr(article, "trailing_byline", None) or ""
        yield article.credit or ""
    for leftover in parsed.leftovers:
        yield leftover.text


def _content(text: str) -> str:
    # str.split() drops exactly the characters str.isspace() names, in C rather than a per-character loop
    return "".join(text.split())
