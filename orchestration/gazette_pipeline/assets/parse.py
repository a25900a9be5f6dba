"""Parse: each distinct issue -> publication date, articles and photo items, leftovers."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.coverage import coverage
from gazette_text.datelines import month_day
from gazette_text.issue import read_issue

from ..issue_rows import replace_issue_rows
from ..partitions import PER_ISSUE, files_of_run
from ..resources import Warehouse, fetch
from ..rows import ArticleRow, IssueRow
from ..settings import DUCKDB_POOL

_RAW_FILES = ["raw", "issue_files"]


@dataclass(frozen=True)
class IssueText:
    """An issue to parse: its text, and the file it is known by."""

    issue_id: str
    source_file: str
    text: str


@multi_asset(
    specs=[
        AssetSpec(["parsed", "issues"], kinds={"python", "duckdb"}, deps=[_RAW_FILES],
                  description="One row per distinct issue: publication date, coverage, leftovers, parse error."),
        AssetSpec(["parsed", "articles"], kinds={"python", "duckdb"}, deps=[_RAW_FILES],
                  description="Articles and photo items with bylines, datelines and kinds."),
    ],
    name="parse_articles",
    group_name="parse",
    pool=DUCKDB_POOL,
    **PER_ISSUE,
)
def parse_articles(context: AssetExecutionContext, warehouse: Warehouse):
    """Split this run's issues into articles and photo items (parsed.issues, parsed.articles)."""
    parsed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as conn:
        warehouse.ensure_table(conn, IssueRow)
        issues = issues_of_files(conn, files_of_run(context))
        manifest = dict(conn.execute(_MANIFEST_SQL).fetchall())
    issue_rows, article_rows, errors = [], [], []
    for issue in issues:
        try:
            result = read_issue(issue.source_file, issue.text, manifest)
        except Exception as err:  # one bad issue must not stop the others
            reason = f"parser failed: {type(err).__name__}: {err}"
            errors.append(f"{issue.source_file}: {reason}")
            issue_rows.append(_failed_issue_row(issue, reason, parsed_at))
            continue
        issue_rows.append(_issue_row(issue, result, parsed_at))
        if not result.articles:
            errors.append(f"{issue.source_file}: no articles found")
        article_rows += [_article_row(issue.issue_id, a) for a in result.articles]
    issue_ids = [issue.issue_id for issue in issues]
    with warehouse.connect() as conn:
        replace_issue_rows(warehouse, conn, IssueRow, issue_ids, issue_rows)
        replace_issue_rows(warehouse, conn, ArticleRow, issue_ids, article_rows)
    if errors:
        context.log.warning(f"{len(errors)} issue(s) gave no articles: {errors[:20]}")
    lossy = [row.source_file for row in issue_rows if row.coverage is not None and row.coverage < 1]
    if lossy:
        context.log.warning(f"{len(lossy)} issue(s) with printed text not placed: {lossy[:20]}")
    kinds = Counter(row.kind for row in article_rows)
    yield MaterializeResult(
        asset_key=["parsed", "issues"],
        metadata={"issues_parsed": len(issue_rows), "parse_errors": len(errors)},
    )
    yield MaterializeResult(
        asset_key=["parsed", "articles"],
        metadata={"articles": len(article_rows), **{f"kind_{k}": v for k, v in sorted(kinds.items())}},
    )


def issues_of_files(conn, files: list[str]) -> list[IssueText]:
    """Every issue these files hold, and every issue known by one of them that another file still
    holds (its file was edited: the issue is now known by the next copy), once.

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
            arg_min(raw_text, (seen_at, source_file)) as text
        from raw.issue_files join wanted using (issue_id)
        group by issue_id
        order by issue_id
        """,
        [files],
    )


def _issue_row(issue: IssueText, result, parsed_at) -> IssueRow:
    pub, covered = result.publication, coverage(issue.text, result)
    return IssueRow(
        issue_id=issue.issue_id,
        source_file=issue.source_file,
        published_on=pub.published_on,
        published_on_source=pub.source,
        published_year=pub.year,
        article_count=len(result.articles),
        printed_chars=covered.printed,
        coverage=covered.ratio,
        lost_text=covered.lost + covered.doubled or None,
        leftovers=[{"kind": l.kind, "text": l.text, "position": l.position} for l in result.leftovers],
        parse_error=None if result.articles else "no articles found",
        parsed_at=parsed_at,
    )


def _failed_issue_row(issue: IssueText, reason: str, parsed_at) -> IssueRow:
    return IssueRow(
        issue_id=issue.issue_id, source_file=issue.source_file, published_on=None, published_on_source="unknown",
        published_year=None, article_count=0, printed_chars=None, coverage=None, lost_text=None, leftovers=[],
        parse_error=reason, parsed_at=parsed_at,
    )


def _article_row(issue_id: str, a) -> ArticleRow:
    return ArticleRow(
        article_id=f"{issue_id}-{a.seq:03d}",
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
