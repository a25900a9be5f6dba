"""Parse: each distinct issue -> publication date, articles and photo items, leftovers.

A page file's issue is its text (identical text under several names is one issue); a records issue is
the article records of one paper and date, whichever files hold them.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.coverage import coverage
from gazette_text.datelines import month_day
from gazette_text.issue import ReadIssue, Story, read_issue, read_stories
from gazette_text.places import level_rank, paper_place

from ..issue_rows import delete_issue_rows, replace_issue_rows
from ..partitions import PER_ISSUE, files_of_run
from ..quality import article_quality, issue_quality
from ..resources import Warehouse, fetch
from ..rows import ArticleRow, IssueRow, RecordRow
from ..settings import DUCKDB_POOL

_RAW = [["raw", "issue_files"], ["raw", "article_records"]]


@dataclass(frozen=True)
class IssueText:
    """A page issue to parse: its text, and the file it is known by."""

    issue_id: str
    source_file: str
    text: str
    paper: str | None
    page: str | None


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
class ParseResult:
    issue_rows: list[IssueRow]
    article_rows: list[ArticleRow]
    errors: list[str]


@multi_asset(
    specs=[
        AssetSpec(["parsed", "issues"], kinds={"python", "duckdb"}, deps=_RAW,
                  description="One row per distinct issue: paper, publication date, coverage, leftovers, parse error."),
        AssetSpec(["parsed", "articles"], kinds={"python", "duckdb"}, deps=_RAW,
                  description="Articles and photo items with bylines, datelines and kinds."),
    ],
    name="parse_articles",
    group_name="parse",
    pool=DUCKDB_POOL,
    **PER_ISSUE,
)
def parse_articles(context: AssetExecutionContext, warehouse: Warehouse):
    """Split this run's issues into articles and photo items (parsed.issues, parsed.articles)."""
    result = parse_files(warehouse, files_of_run(context))
    if result.errors:
        context.log.warning(f"{len(result.errors)} issue(s) gave no articles: {result.errors[:20]}")
    lossy = [row.source_file for row in result.issue_rows if row.coverage is not None and row.coverage < 1]
    if lossy:
        context.log.warning(f"{len(lossy)} issue(s) with printed text not placed: {lossy[:20]}")
    kinds = Counter(row.kind for row in result.article_rows)
    yield MaterializeResult(
        asset_key=["parsed", "issues"],
        metadata={**issue_quality(result.issue_rows), "parse_errors": len(result.errors)},
    )
    yield MaterializeResult(
        asset_key=["parsed", "articles"],
        metadata={**article_quality(result.article_rows), **{f"kind_{k}": v for k, v in sorted(kinds.items())}},
    )


def parse_files(warehouse: Warehouse, files: list[str]) -> ParseResult:
    """Parse every issue these files hold or held, replacing those issues' rows."""
    parsed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as conn:
        for row_type in (IssueRow, ArticleRow, RecordRow):
            warehouse.ensure_table(conn, row_type)
        pages = issues_of_files(conn, files)
        records = records_of_files(conn, files)
        manifest = dict(conn.execute(_MANIFEST_SQL).fetchall())
    result = ParseResult([], [], [])
    for issue in pages:
        _parse(result, issue.issue_id, issue.source_file, lambda i=issue: read_issue(i.source_file, i.text, manifest),
               parsed_at, _page_article_row, issue)
    for issue_id, held in _by_issue(records).items():
        _parse_records(result, issue_id, held, parsed_at)
    issue_ids = [issue.issue_id for issue in pages] + [r.issue_id for r in records]
    emptied = sorted({r.issue_id for r in records} - {row.issue_id for row in result.issue_rows})
    with warehouse.connect() as conn:
        replace_issue_rows(warehouse, conn, IssueRow, issue_ids, result.issue_rows)
        replace_issue_rows(warehouse, conn, ArticleRow, issue_ids, result.article_rows)
        delete_issue_rows(warehouse, conn, emptied)
    return result


def _parse(result: ParseResult, issue_id, source_file, read, parsed_at, article_row, source) -> ReadIssue | None:
    try:
        read_result = read()
    except Exception as err:  # one bad issue must not stop the others
        reason = f"parser failed: {type(err).__name__}: {err}"
        result.errors.append(f"{source_file}: {reason}")
        result.issue_rows.append(_failed_issue_row(issue_id, source_file, source, reason, parsed_at))
        return None
    result.issue_rows.append(_issue_row(issue_id, source_file, source, read_result, parsed_at))
    if not read_result.articles:
        result.errors.append(f"{source_file}: no articles found")
    result.article_rows.extend(article_row(issue_id, a, source) for a in read_result.articles)
    return read_result


def _parse_records(result: ParseResult, issue_id: str, held: list[HeldRecord], parsed_at) -> None:
    held = [r for r in held if r.record_key is not None]
    if not held:  # the issue's records are gone (edited to another date, or retracted)
        return
    stories = [Story(r.headline, r.body, r.byline) for r in held]
    source = _RecordIssue(held)
    _parse(result, issue_id, held[0].source_file, lambda: read_stories(stories, held[0].published_on), parsed_at,
           lambda iid, a, s: _record_article_row(iid, a, s.records[a.seq - 1]), source)


@dataclass(frozen=True)
class _RecordIssue:
    """A records issue's fields for its parsed.issues row."""

    records: list[HeldRecord]

    @property
    def paper(self) -> str | None:
        return self.records[0].paper

    @property
    def page(self) -> str | None:
        pages = {r.page for r in self.records}
        return pages.pop() if len(pages) == 1 else None

    text = None  # nothing was split: no coverage to measure


def issues_of_files(conn, files: list[str]) -> list[IssueText]:
    """Every page issue these files hold, and every issue known by one of them that another file
    still holds (its file was edited: the issue is now known by the next copy), once.

    Identical content under several names is one issue, known by the first file that brought it
    (ingest keeps each file's first-seen time for that).
    """
    return fetch(
        conn,
        IssueText,
        """
        with wanted as (
            select issue_id from raw.issue_files where source_file in (select unnest($1::varchar[]))
            union
            select issue_id from parsed.issues where source_file in (select unnest($1::varchar[]))
        )
        select
            issue_id,
            arg_min(source_file, (seen_at, source_file)) as source_file,
            arg_min(raw_text, (seen_at, source_file)) as text,
            arg_min(paper, (seen_at, source_file)) as paper,
            arg_min(page, (seen_at, source_file)) as page
        from raw.issue_files join wanted using (issue_id)
        group by issue_id
        order by issue_id
        """,
        [files],
    )


def records_of_files(conn, files: list[str]) -> list[HeldRecord]:
    """The records issues these files touch (now, or at their last parse), with every record each
    issue holds now: the latest version of each record (by the time its content was first seen),
    whichever file holds it. An issue left with no record comes back once, with no record."""
    return fetch(conn, HeldRecord, _RECORDS_OF_FILES_SQL, [files])


_RECORDS_OF_FILES_SQL = """
with keys as (
    select record_key from raw.article_records
    where source_file in (select unnest($1::varchar[])) and record_key is not null
    union
    select record_key from parsed.articles
    where source_file in (select unnest($1::varchar[])) and record_key is not null
),
touched as (
    select issue_id from raw.article_records where record_key in (select record_key from keys) and reason is null
    union
    select issue_id from parsed.articles where record_key in (select record_key from keys)
),
latest as (
    select * from raw.article_records
    where reason is null
      and record_key in (select record_key from raw.article_records where issue_id in (select issue_id from touched))
    qualify row_number() over (partition by record_key order by seen_at desc, source_file, line) = 1
)
select t.issue_id, l.record_key, l.source_file, l.line, l.paper, l.published_on, l.page, l.url, l.headline,
       l.body, l.byline
from touched t left join latest l on l.issue_id = t.issue_id
order by t.issue_id, l.source_file, l.line
"""


def _by_issue(records: list[HeldRecord]) -> dict[str, list[HeldRecord]]:
    grouped: dict[str, list[HeldRecord]] = {}
    for record in records:
        grouped.setdefault(record.issue_id, []).append(record)
    return grouped


def _issue_row(issue_id: str, source_file: str, source, result: ReadIssue, parsed_at) -> IssueRow:
    pub = result.publication
    covered = coverage(source.text, result) if source.text is not None else None
    place, level = paper_place(source.paper)
    return IssueRow(
        issue_id=issue_id,
        source_file=source_file,
        source_kind="page" if source.text is not None else "records",
        paper=source.paper,
        page=source.page,
        paper_place=place,
        paper_level=level,
        paper_level_rank=level_rank(level),
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


def _failed_issue_row(issue_id: str, source_file: str, source, reason: str, parsed_at) -> IssueRow:
    place, level = paper_place(source.paper)
    return IssueRow(
        issue_id=issue_id, source_file=source_file, source_kind="page" if source.text is not None else "records",
        paper=source.paper, page=source.page, paper_place=place, paper_level=level,
        paper_level_rank=level_rank(level), published_on=None,
        published_on_source="unknown", published_year=None, article_count=0, printed_chars=None, coverage=None,
        lost_text=None, leftovers=[], parse_error=reason, parsed_at=parsed_at,
    )


def _page_article_row(issue_id: str, a, issue: IssueText) -> ArticleRow:
    return _article_row(f"{issue_id}-{a.seq:03d}", issue_id, a, page=issue.page, url=None,
                        source_file=issue.source_file, source_line=None, record_key=None)


def _record_article_row(issue_id: str, a, record: HeldRecord) -> ArticleRow:
    # keyed by the record, not its place in the issue: a record of another file joining the issue
    # leaves the others' ids (and the rows derived from them) as they were
    return _article_row(f"{issue_id}-r{record.record_key[:12]}", issue_id, a, page=record.page, url=record.url,
                        source_file=record.source_file, source_line=record.line, record_key=record.record_key)


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


_MANIFEST_SQL = """
select source_file, manifest_published_on from raw.issue_files where manifest_published_on is not null
"""
