"""Issue text -> paragraphs ("blocks") with the layout facts the article splitter needs.

A block is a run of non-blank lines. Newspapers exported to text separate paragraphs by one blank
line, and page regions (an article column, a photo box) by two or more. Web reposts often print one
paragraph a line with no blank line between them, and put the title's lines right above the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import credits
from .bylines import split_trailing_byline, starts_with_byline
from .vocabulary import (
    CJK, CLAUSE_MARKS, CLOSING_QUOTES, COLONS, ELLIPSIS, LINE_SPACES, SEMICOLONS, SENTENCE_END_MARKS,
)

_SENTENCE_END = f"[{SENTENCE_END_MARKS}{SEMICOLONS}{COLONS}{ELLIPSIS}]"
_CLOSERS = f"[{re.escape(CLOSING_QUOTES)}）)】]*"
# A paragraph that ends without one of these was cut by the page layout and continues in the next.
# A byline glued to the last sentence (`…圆满完成。(甘书语、见习记者 邬若兰)`) still ends it.
_TERMINATED = re.compile(rf"{_SENTENCE_END}{_CLOSERS}(?:\s*[（(][^（）()]{{1,40}}[）)])?\s*$")
_HEADLINE_LINE_MAX = 40
_HEADLINE_LINES_MAX = 4

BYLINE, CREDIT, CAPTION, TRAILER, SHORT, TEXT = "byline", "credit", "caption", "trailer", "short", "text"


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
    line_starts: list[int] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if line:
            line_starts.append(offset + raw_line.index(line[0]))
            lines.append(line)
        elif lines:
            blocks.extend(_make_blocks(lines, line_starts, gap))
            lines, line_starts, gap = [], [], 1
        else:
            gap += 1
        offset += len(raw_line) + 1
    if lines:
        blocks.extend(_make_blocks(lines, line_starts, gap))
    return blocks


def is_terminated(text: str) -> bool:
    return bool(_TERMINATED.search(text))


def is_trailing_byline(text: str) -> bool:
    """Is this whole paragraph a byline as papers print it after a story's last sentence
    (`（宁晓川）`, `童可欣`, `（记者_X）`)? Whether it closes a story depends on what is above it."""
    rest, byline = split_trailing_byline(f"。\n\n{text}")
    return byline is not None and rest == "。"


# Spaces inside Chinese prose are left by the page's justification or a PDF export, never written;
# only a paragraph's opening label separates its fields with spaces: a title and a name, then the
# quote or a colon (a TV script's `区水务局局长 王明 我们…`, a byline line's `融媒记者 王明`).
_LABEL_TITLE = f"[^\\s\\d{SENTENCE_END_MARKS}{CLAUSE_MARKS}、]{{1,16}}"
_LABEL_NAME = f"[{CJK}·]{{2,4}}"
_OPENING_LABEL = re.compile(f"^{_LABEL_TITLE}[{LINE_SPACES}]+{_LABEL_NAME}(?=[{LINE_SPACES}：:]|$)")
_SPACE_BETWEEN_CHARACTERS = re.compile(f"(?<=[{CJK}])[{LINE_SPACES}]+(?=[{CJK}])")


def close_stray_spaces(paragraphs: str) -> str:
    """Each paragraph with the stray spaces between its characters removed (see above)."""
    if not any(space in paragraphs for space in LINE_SPACES):
        return paragraphs  # most text has none, and the search for them looks behind at every character
    return "\n\n".join(_close_in_paragraph(p) for p in paragraphs.split("\n\n"))


def _close_in_paragraph(paragraph: str) -> str:
    label = _OPENING_LABEL.match(paragraph)
    cut = label.end() if label else 0
    return paragraph[:cut] + _SPACE_BETWEEN_CHARACTERS.sub("", paragraph[cut:])


def join_paragraphs(left: str, right: str) -> str:
    """Glue a paragraph cut by the layout to its continuation (`2853` + `起，` -> `2853起，`)."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def _make_blocks(lines: list[str], line_starts: list[int], gap: int) -> list[Block]:
    title_lines = _title_lines_above_text(lines)
    if title_lines:
        return [
            Block(tuple(lines[:title_lines]), line_starts[0], gap, _classify(lines[:title_lines])),
            Block(tuple(lines[title_lines:]), line_starts[title_lines], 1, _classify(lines[title_lines:])),
        ]
    return [Block(lines=tuple(lines), start=line_starts[0], gap_before=gap, kind=_classify(lines))]


def _title_lines_above_text(lines: list[str]) -> int:
    """How many title lines head a block that goes on with full paragraphs (no blank line between)."""
    count = 0
    while count < len(lines) and count < _HEADLINE_LINES_MAX and _is_title_line(lines[count]):
        count += 1
    if 0 < count < len(lines) and len(lines[count]) > _HEADLINE_LINE_MAX:
        return count
    return 0


def _is_title_line(line: str) -> bool:
    return len(line) <= _HEADLINE_LINE_MAX and not is_terminated(line) and not starts_with_byline(line)


def _classify(lines: list[str]) -> str:
    text = _join_lines(lines)
    if starts_with_byline(text):
        return BYLINE
    if credits.is_credit_only(text):
        return CREDIT
    if credits.split_credit(text)[1] is not None:
        return CAPTION
    if is_trailing_byline(text):
        return TRAILER
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
    """One paragraph a line (web reposts) stays apart; a line the layout cut is glued to the next."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif is_terminated(text):
            text = f"{text}\n\n{line}"
        else:
            text = join_paragraphs(text, line)
    return text
