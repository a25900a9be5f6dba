"""A worker's part of parsing (workers.py): issues in, their parsed.issues and parsed.articles rows
out, written to the spool. No Dagster and no warehouse here: a worker needs only this and the spool.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from gazette_text.coverage import coverage
from gazette_text.datelines import month_day
from gazette_text.issue import ReadIssue, Story, read_issue, read_stories
from gazette_text.places import level_rank, paper_place

from .quality import article_tally, issue_tally
from .rows import ArticleRow, IssueRow
from .spool import SpooledChunk, write_chunk


@dataclass(frozen=True)
class IssueText:
    """A page issue to parse: its text, and the file it is known by."""

    issue_id: str
    source_file: str
    text: str
    paper: str | None
    page: str | None

    kind = "page"

    def read(self, manifest: dict) -> ReadIssue:
        return read_issue(self.source_file, self.text, manifest)

    def article_row(self, article) -> ArticleRow:
        return _article_row(f"{self.issue_id}-{article.seq:03d}", self.issue_id, article, page=self.page, url=None,
                            source_file=self.source_file, source_line=None, record_key=None)

    def coverage(self, result: ReadIssue):
        return coverage(self.text, result)


@dataclass(frozen=True)
class HeldRecord:
    """An article record that is its article: the latest version of each record."""

    issue_id: str
    record_key: str | None  # NULL: the issue holds no record any more
    source_file: str | None
    line: int | None
    paper: str | None
    published_on: date | None
    page: str | None
    url: str | None
    headline: str | None
    body: str | None
    byline: str | None


@dataclass(frozen=True)
class RecordIssue:
    """A records issue to parse: the records of one paper and date, whichever files hold them."""

    issue_id: str
    records: list[HeldRecord]

    kind = "records"

    @property
    def source_file(self) -> str:
        return self.records[0].source_file

    @property
    def paper(self) -> str | None:
        return self.records[0].paper

    @property
    def page(self) -> str | None:
        pages = {r.page for r in self.records}
        return pages.pop() if len(pages) == 1 else None

    def read(self, _manifest: dict) -> ReadIssue:
        stories = [Story(r.headline, r.body, r.byline) for r in self.records]
        return read_stories(stories, self.records[0].published_on)

    def article_row(self, article) -> ArticleRow:
        record = self.records[article.seq - 1]
        # keyed by the record, not its place in the issue: a record of another file joining the issue
        # leaves the others' ids (and the rows derived from them) as they were
        return _article_row(f"{self.issue_id}-r{record.record_key[:12]}", self.issue_id, article, page=record.page,
                            url=record.url, source_file=record.source_file, source_line=record.line,
                            record_key=record.record_key)

    def coverage(self, _result: ReadIssue):
        return None  # nothing was split: no coverage to measure


def parse_chunk(sources: list, manifest: dict, parsed_at: datetime, folder: str) -> SpooledChunk:
    """A worker's part: read each issue, write its rows to the spool (one bad issue stops no other)."""
    issue_rows, article_rows, errors = [], [], []
    for source in sources:
        try:
            result = source.read(manifest)
        except Exception as err:
            reason = f"parser failed: {type(err).__name__}: {err}"
            errors.append(f"{source.source_file}: {reason}")
            issue_rows.append(_failed_issue_row(source, reason, parsed_at))
            continue
        issue_rows.append(_issue_row(source, result, parsed_at))
        if not result.articles:
            errors.append(f"{source.source_file}: no articles found")
        article_rows += [source.article_row(a) for a in result.articles]
    lossy = {row.source_file for row in issue_rows if row.coverage is not None and row.coverage < 1}
    return write_chunk(
        folder,
        {IssueRow: issue_rows, ArticleRow: article_rows},
        tallies={IssueRow.table: {**issue_tally(issue_rows), "names_lossy": lossy},
                 ArticleRow.table: {**article_tally(article_rows), "kinds": Counter(a.kind for a in article_rows)}},
        errors=errors,
    )


def _issue_row(source, result: ReadIssue, parsed_at) -> IssueRow:
    pub = result.publication
    covered = source.coverage(result)
    return IssueRow(
        **_source_fields(source),
        published_on=pub.published_on,
        published_on_source=pub.source,
        published_year=pub.year,
        article_count=len(result.articles),
        printed_chars=covered.printed if covered else sum(len(a.body) for a in result.articles),
        coverage=covered.ratio if covered else None,
        lost_text=(covered.lost + covered.doubled or None) if covered else None,
        leftovers=[{"kind": l.kind, "text": l.text, "position": l.position} for l in result.leftovers],
        parse_error=None if result.articles else "no articles found",
        parsed_at=parsed_at,
    )


def _failed_issue_row(source, reason: str, parsed_at) -> IssueRow:
    return IssueRow(
        **_source_fields(source), published_on=None, published_on_source="unknown", published_year=None,
        article_count=0, printed_chars=None, coverage=None, lost_text=None, leftovers=[], parse_error=reason,
        parsed_at=parsed_at,
    )


def _source_fields(source) -> dict:
    place, level = paper_place(source.paper)
    return {"issue_id": source.issue_id, "source_file": source.source_file, "source_kind": source.kind,
            "paper": source.paper, "page": source.page, "paper_place": place, "paper_level": level,
            "paper_level_rank": level_rank(level)}


def _article_row(article_id: str, issue_id: str, a, **source) -> ArticleRow:
    return ArticleRow(
        article_id=article_id,
        issue_id=issue_id,
        seq=a.seq,
        headline=a.headline,
        kind=a.kind,
        reporters=list(a.reporters),
        contributors=list(a.contributors),
        photographers=list(a.photographers),
        byline=a.byline,
        dateline=a.dateline,
        event_date=a.event_date,
        event_month_day=_month_day(a),
        body=a.body,
        credit=a.credit,
        **source,
    )


def _month_day(article) -> str | None:
    """`MM-DD` of the event even when its year is unknown (`12月23日` in an undated issue)."""
    if article.event_date:
        return article.event_date.strftime("%m-%d")
    parts = month_day(article.dateline)
    return f"{parts[1]:02d}-{parts[2]:02d}" if parts else None
