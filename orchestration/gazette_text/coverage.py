"""Nothing lost: every printed character of an issue lands in exactly one place of the parse.

The places are headlines, bodies (leading bylines included), bylines printed after the text,
photo credits and leftovers (column labels, stray lines). Whitespace is layout, not content, and is not counted.
"""
from __future__ import annotations

from collections import Counter, deque
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
    content = _content(text)
    if _spelled_in_order(content, parsed):
        return Coverage(printed=len(content), lost="", doubled="")
    printed = Counter(content)
    placed = Counter(_content("".join(_pieces(parsed))))
    missing, extra = printed - placed, placed - printed
    return Coverage(
        printed=sum(printed.values()),
        lost="".join(sorted(missing.elements(), key=text.find)),
        doubled="".join(extra.elements()),
    )


def _spelled_in_order(content: str, parsed: ParsedIssue) -> bool:
    """Do the articles' pieces in reading order, each leftover where it stands, spell ``content``
    exactly? Then every character is placed once: the usual case, proven without counting characters
    (which is slow). False proves nothing; the count decides."""
    at = 0
    leftovers = deque(_content(left.text) for left in sorted(parsed.leftovers, key=lambda left: left.position))
    for piece in map(_content, _article_pieces(parsed)):
        while not content.startswith(piece, at) and leftovers and content.startswith(leftovers[0], at):
            at += len(leftovers.popleft())
        if not content.startswith(piece, at):
            return False
        at += len(piece)
    for leftover in leftovers:
        if not content.startswith(leftover, at):
            return False
        at += len(leftover)
    return at == len(content)


def _pieces(parsed: ParsedIssue):
    yield from _article_pieces(parsed)
    for leftover in parsed.leftovers:
        yield leftover.text


def _article_pieces(parsed: ParsedIssue):
    for article in parsed.articles:
        yield article.headline or ""
        yield article.body
        yield getattr(article, "trailing_byline", None) or ""
        yield article.credit or ""


def _content(text: str) -> str:
    # str.split() drops exactly the characters str.isspace() names, in C rather than a per-character loop
    return "".join(text.split())
