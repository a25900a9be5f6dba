"""Issue text -> paragraphs ("blocks") with the layout facts the article splitter needs.

A block is a run of non-blank lines. Newspapers exported to text separate paragraphs by one blank
line, and page regions (an article column, a photo box) by two or more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .bylines import starts_with_byline

# A paragraph that ends without one of these was cut by the page layout and continues in the next.
_TERMINATED = re.compile(r"[。！？!?；;：:…][”’\"'）)」』】]*$")
_HEADLINE_LINE_MAX = 40
_HEADLINE_LINES_MAX = 4
_NAME = r"[\u4e00-\u9fff·]{2,5}"
# Photo credit `钱全 摄`, `陆新 徐芊卉 摄`, optionally `记者 X 摄`.
_CREDIT_ONLY = re.compile(rf"^(?:(?:本报)?(?:记者|通讯员)\s*)?(?P<names>{_NAME}(?:\s+{_NAME})*)\s*摄$")
_CREDIT_TAIL = re.compile(rf"\s(?:(?:本报)?(?:记者|通讯员)\s*)?(?P<names>{_NAME}(?:\s+{_NAME})*)\s*摄$")

BYLINE, CREDIT, CAPTION, SHORT, TEXT = "byline", "credit", "caption", "short", "text"


@dataclass(frozen=True)
class Block:
    lines: tuple[str, ...]
    start: int  # character offset of the first line in the issue text
    gap_before: int  # blank lines before this block (2+ means a new page region)
    kind: str

    @property
    def text(self) -> str:
        return _join_lines(self.lines)

    @property
    def headline_text(self) -> str:
        return " ".join(self.lines)

    @property
    def terminated(self) -> bool:
        return is_terminated(self.text)


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines: list[str] = []
    start = gap = offset = 0
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if line:
            if not lines:
                start = offset + raw_line.index(line[0])
            lines.append(line)
        elif lines:
            blocks.append(_make_block(lines, start, gap))
            lines, gap = [], 1
        else:
            gap += 1
        offset += len(raw_line) + 1
    if lines:
        blocks.append(_make_block(lines, start, gap))
    return blocks


def is_terminated(text: str) -> bool:
    return bool(_TERMINATED.search(text))


def credit_names(text: str) -> tuple[str, ...] | None:
    """Photographers of a credit line or caption tail, or None when there is no credit."""
    match = _CREDIT_ONLY.match(text) or _CREDIT_TAIL.search(text)
    return tuple(match.group("names").split()) if match else None


def strip_credit(text: str) -> str:
    return _CREDIT_TAIL.sub("", text).rstrip()


def join_paragraphs(left: str, right: str) -> str:
    """Glue a paragraph cut by the layout to its continuation (`2853` + `起，` -> `2853起，`)."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def _make_block(lines: list[str], start: int, gap: int) -> Block:
    return Block(lines=tuple(lines), start=start, gap_before=gap, kind=_classify(lines))


def _classify(lines: list[str]) -> str:
    text = _join_lines(lines)
    if starts_with_byline(text):
        return BYLINE
    if _CREDIT_ONLY.match(text):
        return CREDIT
    if _CREDIT_TAIL.search(text):
        return CAPTION
    if _looks_like_headline(lines, text):
        return SHORT
    return TEXT


def _looks_like_headline(lines: list[str], text: str) -> bool:
    return (
        not is_terminated(text)
        and len(lines) <= _HEADLINE_LINES_MAX
        and all(len(line) <= _HEADLINE_LINE_MAX for line in lines)
    )


def _join_lines(lines) -> str:
    text = ""
    for line in lines:
        text = join_paragraphs(text, line) if text else line
    return text
