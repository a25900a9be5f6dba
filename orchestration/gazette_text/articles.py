"""Split an issue's text into articles, photo items and leftovers (column labels, slogans).

Reading the layout top-down:
- a byline paragraph (`本报讯（记者 X）…`) opens an article; the headline-shaped paragraphs just before
  it (short lines, no sentence-final punctuation, same page region) are its kicker/title/subtitle;
- the body runs until a page-region break (2+ blank lines), the next headline, or a photo;
- a paragraph cut mid-sentence by the layout is glued to its continuation;
- a caption ending in (or followed by) `X Y 摄` is a photo item;
- short paragraphs that belong to nothing (`重点项目 进行时`, slogans) are kept as leftovers.
"""
from __future__ import annotations

from datetime import date

from . import blocks as B
from .bylines import parse_byline
from .datelines import find_dateline, resolve_dateline
from .kinds import classify
from .models import Article, Leftover, ParsedIssue


def parse_issue(text: str, published_on: date | None = None, year: int | None = None) -> ParsedIssue:
    """Articles of one issue in reading order; dates resolve against ``published_on`` (or ``year``)."""
    raw_items, leftovers = _layout_items(B.split_blocks(text))
    articles = [
        _build_article(seq, item, published_on, year) for seq, item in enumerate(raw_items, start=1)
    ]
    return ParsedIssue(articles=articles, leftovers=leftovers)


class _Item:
    """An article or photo item while the splitter collects its blocks."""

    def __init__(self, headline_blocks, body_blocks, credits=()):
        self.headline_blocks = headline_blocks
        self.body_blocks = body_blocks
        self.credits = list(credits)  # photo credits as printed (钱全 摄)

    @property
    def photographers(self) -> tuple[str, ...]:
        return tuple(name for credit in self.credits for name in B.credit_names(credit) or ())

    @property
    def is_photo(self) -> bool:
        return bool(self.photographers) and self.body_blocks[0].kind != B.BYLINE


def _layout_items(blocks: list[B.Block]) -> tuple[list[_Item], list[Leftover]]:
    items: list[_Item] = []
    leftovers: list[Leftover] = []
    pending: list[B.Block] = []  # headline-shaped blocks waiting to learn whether they are a headline
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == B.SHORT:
            if block.gap_before >= 2:  # a new page region: what waited belongs to no article
                leftovers.extend(_as_labels(pending))
                pending = []
            pending.append(block)
            i += 1
        elif block.kind == B.CAPTION or _followed_by_credit(blocks, i):
            leftovers.extend(_as_labels(pending))
            pending = []
            i = _take_photo(blocks, i, items)
        elif block.kind == B.CREDIT:  # a credit with no caption before it: credit the last item
            if items:
                items[-1].credits.append(block.text)
            else:
                leftovers.append(Leftover("unattached_text", block.text, block.start))
            i += 1
        else:  # byline, or body text with no byline: an article starts
            headline = pending if block.kind == B.BYLINE or block.gap_before <= 1 else []
            leftovers.extend(_as_labels([b for b in pending if b not in headline]))
            pending = []
            body, i = _collect_body(blocks, i)
            items.append(_Item(headline, body))
    leftovers.extend(_as_labels(pending))
    return items, leftovers


def _collect_body(blocks, start) -> tuple[list[B.Block], int]:
    """Blocks of the body that starts at ``start``, and the index of the first block after it."""
    body = [blocks[start]]
    i = start + 1
    while i < len(blocks):
        block, previous = blocks[i], body[-1]
        continues_sentence = not previous.terminated and block.gap_before == 1
        if continues_sentence and block.kind in (B.TEXT, B.SHORT):
            body.append(block)
        elif block.gap_before >= 2 or block.kind not in (B.TEXT, B.SHORT) or _followed_by_credit(blocks, i):
            break
        elif block.kind == B.SHORT and not _subheading(blocks, i):
            break
        else:
            body.append(block)
        i += 1
    return body, i


def _subheading(blocks, i) -> bool:
    """A short unpunctuated paragraph inside a body (a sub-heading or a cut line) continues the body."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and nxt.gap_before == 1 and nxt.kind == B.TEXT and not _followed_by_credit(blocks, i + 1)


def _followed_by_credit(blocks, i) -> bool:
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return blocks[i].kind == B.TEXT and nxt is not None and nxt.kind == B.CREDIT and nxt.gap_before <= 1


def _take_photo(blocks, i, items) -> int:
    block = blocks[i]
    if block.kind == B.CAPTION:
        credit = block.text[len(B.strip_credit(block.text)) :].strip()
        items.append(_Item([], [block], [credit]))
        return i + 1
    items.append(_Item([], [block], [blocks[i + 1].text]))
    return i + 2


def _as_labels(pending) -> list[Leftover]:
    return [Leftover("column_label", b.headline_text, b.start) for b in pending]


def _build_article(seq: int, item: _Item, published_on: date | None, year: int | None) -> Article:
    body = _body_text(item.body_blocks)
    if item.is_photo:
        caption = B.strip_credit(body)
        return Article(
            seq=seq,
            kind="photo",
            headline=None,
            body=caption,
            photographers=item.photographers,
            credit=" ".join(item.credits) or None,
        )
    headline = " ".join(b.headline_text for b in item.headline_blocks) or None
    byline = parse_byline(body)
    lead = body.split("\n\n", 1)[0]
    lead_after_byline = lead[len(byline.text):] if byline else lead
    dateline = find_dateline(lead_after_byline)
    return Article(
        seq=seq,
        kind=classify(headline, lead_after_byline),
        headline=headline,
        body=body,
        reporters=byline.reporters if byline else (),
        contributors=byline.contributors if byline else (),
        photographers=item.photographers,
        byline=byline.text if byline else None,
        dateline=dateline,
        event_date=resolve_dateline(dateline, published_on, year),
        credit=" ".join(item.credits) or None,
    )


def _body_text(body_blocks) -> str:
    paragraphs: list[str] = []
    for block in body_blocks:
        if paragraphs and not B.is_terminated(paragraphs[-1]) and block.gap_before == 1:
            paragraphs[-1] = B.join_paragraphs(paragraphs[-1], block.text)
        else:
            paragraphs.append(block.text)
    return "\n\n".join(paragraphs)
