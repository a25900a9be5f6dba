"""Split an issue's text into articles, photo items and leftovers (column labels, slogans).

Reading the layout top-down, as a reader of any paper does:
- headline-shaped paragraphs (short lines, no sentence-final punctuation) wait to learn what they
  head: a story (they are its kicker/title/subtitle), a photo (its title, unless they are a column
  label such as 重点项目 / 进行时), or nothing (a label or slogan: a leftover);
- a story starts at a byline (`本报讯（记者 X）…`, `□融媒记者 X`, `某某网10月9日讯`) or, when the
  paper prints none, at the first paragraph after its headline;
- the body runs until a page-region break (2+ blank lines), the next headline, a byline or a photo;
  a names-only line (`（宁晓川）`, `童可欣`) closes it as its trailing byline;
- a paragraph cut mid-sentence (even mid-word or mid-number) by the layout is glued to its
  continuation, captions included;
- a caption ending in (or followed by) a credit (`X Y 摄`, `（X 摄）`, `文/X 图/Y`) is a photo item.

An article given as a record (a headline and a body, see records.py) has no page to split: ``read_story``
takes its body through the same steps as a page article's.
"""
from __future__ import annotations

from dataclasses import replace

from . import blocks as B
from . import credits
from .bylines import merge_bylines, parse_author, parse_byline, split_trailing_byline
from .datelines import find_dateline
from .decoding import normalise_newlines
from .headlines import (
    continues_text,
    is_column_label,
    is_exclaimed_kicker,
    is_surely_cut,
    is_topic_banner,
    opens_new_article,
)
from .kinds import classify
from .models import Article, Leftover, ParsedIssue

_STORY_KINDS = (B.TEXT, B.BYLINE)
_CAPTION_PIECES_MAX = 3  # a caption the layout cut, at most this many paragraphs


def parse_issue(text: str) -> ParsedIssue:
    """Articles of one issue in reading order, each with its dateline as printed.

    Event dates need the publication date, which the whole issue decides: ``issue.read_issue`` (or
    ``issue.date_articles``) resolves them.
    """
    raw_items, leftovers = _layout_items(_read_in_context(B.split_blocks(text)))
    articles = [_build_article(seq, item) for seq, item in enumerate(raw_items, start=1)]
    return ParsedIssue(articles=articles, leftovers=leftovers)


def read_story(headline: str | None, body: str, byline: str | None = None) -> Article:
    """One article given apart from any page (an article record): the headline as given, the body read
    like a page article's (its bylines, stray spaces, dateline, kind; a lone caption over a credit is a
    photo). Scraped bodies print one paragraph a line: each line is a paragraph, and a line the layout
    cut mid-sentence is glued to the next. ``byline``, an author field, names the writers when the body
    names none. The event date needs the publication date: ``issue.date_articles`` resolves it."""
    headline = (headline or "").strip() or None
    blocks = B.split_blocks(_one_paragraph_a_line(body, headline))
    if not blocks:
        return _with_author(Article(seq=1, kind=classify(headline, ""), headline=headline, body=""), byline)
    credit_block = blocks[-1] if len(blocks) > 1 and blocks[-1].kind == B.CREDIT else None
    body_blocks = blocks[:-1] if credit_block else blocks
    item = _Item([], body_blocks, credit_block, photo=_is_lone_caption(body_blocks, credit_block))
    return _with_author(_build_article(1, item, headline), byline)


def _one_paragraph_a_line(body: str, headline: str | None) -> str:
    """Every non-blank line of a record's body as a paragraph; a first line repeating the headline
    (scrapers often copy it into the text) is no part of the body."""
    lines = [line for line in normalise_newlines(body).split("\n") if line.strip()]
    if lines and headline and _squeezed(lines[0]) == _squeezed(headline):
        lines = lines[1:]
    return "\n\n".join(lines)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _is_lone_caption(body_blocks, credit_block) -> bool:
    """A record that is a photo: one caption paragraph with its credit (`X 摄`), no byline."""
    if body_blocks[0].kind == B.BYLINE:
        return False
    text = _body_text(body_blocks)
    caption, credit = credits.split_credit(text)
    if credit_block is None and credit is None:
        return False
    return "\n\n" not in caption


def _with_author(article: Article, author: str | None) -> Article:
    """The article with the writers of an author field, when its text names nobody."""
    if not author or article.reporters or article.contributors or article.photographers:
        return article
    given = parse_author(author)
    if given is None:
        return article
    return replace(
        article,
        reporters=given.reporters,
        contributors=given.contributors,
        photographers=given.photographers,
        byline=f"{article.byline} {given.text}" if article.byline else given.text,
    )


class _Item:
    """An article or photo item while the splitter collects its blocks."""

    def __init__(self, headline_blocks, body_blocks, credit_block=None, photo: bool | None = None):
        self.headline_blocks = headline_blocks
        self.body_blocks = body_blocks
        self.credit_block = credit_block  # a credit printed on its own line under the caption
        self.photo = photo  # decided by the caller (a record), else by the blocks

    @property
    def is_photo(self) -> bool:
        if self.photo is not None:
            return self.photo
        if self.body_blocks[0].kind == B.BYLINE:
            return False
        return self.credit_block is not None or credits.split_credit(_body_text(self.body_blocks))[1] is not None


# --- the kind of a block, corrected by its neighbours ---


def _read_in_context(blocks: list[B.Block]) -> list[B.Block]:
    """Kinds that a block's own lines cannot tell: what comes before and after decides."""
    read: list[B.Block] = []
    for i, block in enumerate(blocks):
        before = read[-1] if read else None
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        read.append(replace(block, kind=_kind_in_context(block, before, after)))
    return read


def _kind_in_context(block: B.Block, before: B.Block | None, after: B.Block | None) -> str:
    next_is_near = after is not None and after.gap_before <= 1
    if block.kind == B.TEXT and is_exclaimed_kicker(block.lines) and next_is_near and after.kind in (B.SHORT, B.BYLINE):
        return B.SHORT  # `48.5亿元！` over a title
    if block.kind == B.SHORT and next_is_near and after.kind in (B.TEXT, B.SHORT, B.CAPTION):
        if continues_text(after.text) or is_surely_cut(block.text, after.text):
            return B.TEXT  # the first piece of a sentence the layout cut
    if block.kind == B.TRAILER and not (before and block.gap_before <= 1 and before.kind in _STORY_KINDS):
        return B.SHORT  # names alone close a story only right under its text
    return block.kind


# --- the walk over the page ---


def _layout_items(blocks: list[B.Block]) -> tuple[list[_Item], list[Leftover]]:
    items: list[_Item] = []
    leftovers: list[Leftover] = []
    pending: list[B.Block] = []  # headline-shaped blocks waiting to learn whether they are a headline
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind in (B.SHORT, B.TRAILER) and not _starts_cut_caption(blocks, i):
            if block.gap_before >= 2:  # a new page region: what waited belongs to no article
                leftovers.extend(_as_labels(pending))
                pending = []
            pending.append(block)
            i += 1
            continue
        photo_end = _photo_end(blocks, i)
        if photo_end is not None:
            headline = _photo_headline(pending, block)
            leftovers.extend(_as_labels([b for b in pending if b not in headline]))
            pending = []
            i = _take_photo(blocks, i, photo_end, headline, items)
        elif block.kind == B.CREDIT:  # a credit with no caption before it: credit the last item
            leftovers.extend(_as_labels(pending))
            pending = []
            if items and items[-1].credit_block is None:
                items[-1].credit_block = block
            else:
                leftovers.append(Leftover("unattached_text", block.text, block.start))
            i += 1
        else:  # a byline, or a story's first paragraph when the paper prints no byline
            headline = pending if block.kind == B.BYLINE or block.gap_before <= 1 else []
            if is_topic_banner([b.lines for b in headline]):
                headline = headline[1:]
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
        if block.gap_before >= 2 or block.kind in (B.BYLINE, B.CREDIT, B.CAPTION):
            break
        if block.kind == B.TRAILER:  # the reporters' names close the story
            body.append(block)
            i += 1
            break
        continues_sentence = not previous.terminated and block.kind in (B.TEXT, B.SHORT)
        if not continues_sentence and (_photo_end(blocks, i) is not None or _heads_next_item(blocks, i)):
            break
        body.append(block)
        i += 1
    return body, i


def _heads_next_item(blocks, i) -> bool:
    """Is the headline-shaped paragraph at ``i`` (after a finished sentence) a new item's headline?"""
    block = blocks[i]
    if block.kind != B.SHORT:
        return False
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is None or nxt.gap_before >= 2 or nxt.kind in (B.SHORT, B.BYLINE, B.CAPTION, B.CREDIT):
        return True  # a label closing the region, a title over more title lines, a byline or a photo
    if nxt.kind == B.TEXT:
        return opens_new_article(block.text, nxt.text) or _photo_end(blocks, i + 1) is not None
    return False  # a sub-heading, or a short line of the story


# --- photo items ---


def _photo_end(blocks, i) -> int | None:
    """Index after the caption starting at ``i`` and its credit, or None when no photo starts there.

    The layout may cut a caption anywhere, even inside a word; its pieces run on until the credit.
    """
    if blocks[i].kind not in (B.TEXT, B.CAPTION, B.SHORT):
        return None
    region_start = blocks[i].gap_before >= 2 or i == 0
    pieces = [blocks[i]]
    j = i
    while True:
        text = _body_text(pieces)
        if credits.split_credit(text)[1] is not None:
            return j + 1
        nxt = blocks[j + 1] if j + 1 < len(blocks) else None
        if nxt is None or nxt.gap_before >= 2:
            return None
        if nxt.kind == B.CREDIT:
            return j + 2
        cut = not B.is_terminated(text) and nxt.kind in (B.TEXT, B.SHORT, B.CAPTION)
        another_piece = region_start and nxt.kind in (B.TEXT, B.CAPTION) and len(pieces) < _CAPTION_PIECES_MAX
        if not (cut or another_piece):
            return None
        pieces.append(nxt)
        j += 1


def _starts_cut_caption(blocks, i) -> bool:
    """A one-line piece over the rest of a caption, with nothing of a photo's title about it."""
    block = blocks[i]
    if len(block.lines) != 1 or is_column_label(block.lines) or _photo_end(blocks, i) is None:
        return False
    nxt = blocks[i + 1]
    return nxt.kind != B.CREDIT and not opens_new_article(block.text, nxt.text)


def _photo_headline(pending, caption_block) -> list[B.Block]:
    """A photo's own title sits right over its caption; a column label (图片新闻) is not one."""
    if not pending or caption_block.gap_before >= 2:
        return []
    last = pending[-1]
    return [] if is_column_label(last.lines) else [last]


def _take_photo(blocks, i, end, headline, items) -> int:
    pieces = blocks[i:end]
    credit_block = None
    if pieces[-1].kind == B.CREDIT and len(pieces) > 1:
        credit_block = pieces.pop()
    items.append(_Item(headline, pieces, credit_block))
    return end


def _as_labels(pending) -> list[Leftover]:
    return [Leftover("column_label", b.headline_text, b.start) for b in pending]


# --- an item's fields ---


def _build_article(seq: int, item: _Item, headline: str | None = None) -> Article:
    """An item's article; ``headline`` as given (a record's), else read from its headline blocks."""
    if headline is None:
        headline = " ".join(b.headline_text for b in item.headline_blocks) or None
    body = _body_text(item.body_blocks)
    if item.is_photo:
        return _build_photo(seq, item, headline, body)
    body, trailing = split_trailing_byline(body)
    leading = parse_byline(body)
    body = _close_stray_spaces_after(body, leading)
    byline = merge_bylines(leading, trailing)
    lead = _lead_after_byline(body, leading)
    dateline = find_dateline(lead)
    credit = credits.parse_credit(item.credit_block.text) if item.credit_block else None
    photographers = (byline.photographers if byline else ()) + (credit.photographers if credit else ())
    return Article(
        seq=seq,
        kind=classify(headline, lead),
        headline=headline,
        body=body,
        reporters=byline.reporters if byline else (),
        contributors=byline.contributors if byline else (),
        photographers=photographers,
        byline=byline.text if byline else None,
        trailing_byline=trailing.text if trailing else None,
        dateline=dateline,
        credit=item.credit_block.text if item.credit_block else None,
    )


def _build_photo(seq: int, item: _Item, headline: str | None, body: str) -> Article:
    caption, credit = credits.split_credit(body)
    if credit is None:  # the credit is printed on its own line under the caption
        credit = credits.parse_credit(item.credit_block.text)
        printed = item.credit_block.text
    else:
        printed = body[len(caption):].strip()
    caption = B.close_stray_spaces(caption)
    dateline = find_dateline(caption.split("\n\n", 1)[0])  # a caption dates its picture too
    return Article(
        seq=seq,
        kind="photo",
        headline=headline,
        body=caption,
        contributors=credit.writers,
        photographers=credit.photographers,
        dateline=dateline,
        credit=printed,
    )


def _close_stray_spaces_after(body: str, leading) -> str:
    """The body with stray spaces closed; a leading byline stays as printed (its spaces part names)."""
    kept = len(leading.text) if leading and body.startswith(leading.text) else 0
    return body[:kept] + B.close_stray_spaces(body[kept:])


def _lead_after_byline(body: str, byline) -> str:
    """The story's first paragraph, after a leading byline (which may be a paragraph of its own)."""
    rest = body[len(byline.text):] if byline and body.startswith(byline.text) else body
    return rest.strip().split("\n\n", 1)[0]


def _body_text(body_blocks) -> str:
    paragraphs: list[str] = []
    for block in body_blocks:
        previous = paragraphs[-1] if paragraphs else None
        if previous is not None and not B.is_terminated(previous) and block.gap_before <= 1 and not _stands_alone(previous):
            paragraphs[-1] = B.join_paragraphs(previous, block.text)
        else:
            paragraphs.append(block.text)
    return "\n\n".join(paragraphs)


def _stands_alone(paragraph: str) -> bool:
    """A byline printed as a line of its own (`□融媒记者 X`) is not the start of the next sentence."""
    byline = parse_byline(paragraph)
    return byline is not None and byline.text.strip() == paragraph.strip() and bool(byline.reporters or byline.contributors)
