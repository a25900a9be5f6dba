"""Parse: each distinct issue -> publication date, articles and photo items, leftovers."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.coverage import coverage
from gazette_text.datelines import month_day
from gazette_text.issue import read_issue

from ..resources import Warehouse, table_exists
from ..partitions import PER_ISSUE, files_of_run
from ..settings import DUCKDB_POOL

ISSUE_COLUMNS = {
    "issue_id": "varchar",
    "source_file": "varchar",
    "published_on": "date",
    "published_on_source": "varchar",
    "published_year": "integer",
    "article_count": "integer",
    "printed_chars": "integer",
    "coverage": "double",
    "lost_text": "varchar",
    "leftovers": "leftovers",  # column labels and slogans: [{kind, text, position}]
    "parse_error": "varchar",  # no articles found, or why the parser failed; NULL when fine
    "parsed_at": "timestamp",
}
ARTICLE_COLUMNS = {
    "article_id": "varchar",
    "issue_id": "varchar",
    "seq": "integer",
    "headline": "varchar",
    "kind": "varchar",
    "reporters": "varchar[]",
    "contributors": "varchar[]",
    "photographers": "varchar[]",
    "byline": "varchar",
    "dateline": "varchar",
    "event_date": "date",
    "event_month_day": "varchar",
    "body": "varchar",
    "credit": "varchar",
}


@dataclass(frozen=True)
class StoredArticle:
    """An article as the extraction steps read it back from parsed.articles."""

    article_id: str
    issue_id: str
    kind: str
    headline: str | None
    body: str
    published_on: date | None
    published_year: int | None


def read_articles(conn, issue_ids: list[str]) -> list[StoredArticle]:
    rows = conn.execute(
        """
        select a.article_id, a.issue_id, a.kind, a.headline, a.body, i.published_on, i.published_year
        from parsed.articles a join parsed.issues i using (issue_id)
        where a.issue_id in (select unnest(?::varchar[]))
        order by a.article_id
        """,
        [issue_ids],
    ).fetchall()
    return [StoredArticle(*row) for row in rows]


def article_id_for(issue_id: str, seq: int) -> str:
    return f"{issue_id}-{seq:03d}"


_RAW_FILES = ["raw", "issue_files"]


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
        issues = issues_of_files(conn, files_of_run(context))
        manifest = dict(conn.execute(_MANIFEST_SQL).fetchall())
        stale = stale_issue_ids(conn, "parsed.issues")
    issue_rows, article_rows, errors = [], [], []
    for issue_id, source_file, text in issues:
        try:
            result = read_issue(source_file, text, manifest)
        except Exception as err:  # one bad issue must not stop the others
            reason = f"parser failed: {type(err).__name__}: {err}"
            errors.append(f"{source_file}: {reason}")
            issue_rows.append(_failed_issue_row(issue_id, source_file, reason, parsed_at))
            continue
        issue_rows.append(_issue_row(issue_id, source_file, text, result, parsed_at))
        if not result.articles:
            errors.append(f"{source_file}: no articles found")
        article_rows += [_article_row(issue_id, a) for a in result.articles]
    replaced = [i[0] for i in issues] + stale
    with warehouse.connect() as conn:
        warehouse.replace_rows(conn, "parsed.issues", ISSUE_COLUMNS, "issue_id", replaced, issue_rows)
        warehouse.replace_rows(conn, "parsed.articles", ARTICLE_COLUMNS, "issue_id", replaced, article_rows)
    if errors:
        context.log.warning(f"{len(errors)} issue(s) gave no articles: {errors[:20]}")
    lossy = [row[1] for row in issue_rows if row[7] is not None and row[7] < 1]
    if lossy:
        context.log.warning(f"{len(lossy)} issue(s) with printed text not placed: {lossy[:20]}")
    if stale:
        context.log.info(f"removed {len(stale)} issue(s) whose files changed: {stale[:10]}")
    kinds = Counter(row[4] for row in article_rows)
    yield MaterializeResult(
        asset_key=["parsed", "issues"],
        metadata={"issues_parsed": len(issue_rows), "parse_errors": len(errors), "stale_removed": len(stale)},
    )
    yield MaterializeResult(
        asset_key=["parsed", "articles"],
        metadata={"articles": len(article_rows), **{f"kind_{k}": v for k, v in sorted(kinds.items())}},
    )


def _issue_row(issue_id, source_file, text, result, parsed_at) -> tuple:
    pub, covered = result.publication, coverage(text, result)
    return (
        issue_id,
        source_file,
        pub.published_on,
        pub.source,
        pub.year,
        len(result.articles),
        covered.printed,
        covered.ratio,
        covered.lost + covered.doubled or None,
        [{"kind": l.kind, "text": l.text, "position": l.position} for l in result.leftovers],
        None if result.articles else "no articles found",
        parsed_at,
    )


def _failed_issue_row(issue_id, source_file, reason, parsed_at) -> tuple:
    return (issue_id, source_file, None, "unknown", None, 0, None, None, None, [], reason, parsed_at)


def issues_of_files(conn, files: list[str]) -> list[tuple[str, str, str]]:
    """(issue_id, canonical file, text) of every issue these files hold.

    Identical content under several names is one issue, known by the first file that brought it.
    """
    return conn.execute(
        """
        with wanted as (
            select distinct issue_id from raw.issue_files where source_file in (select unnest(?::varchar[]))
        )
        select issue_id, arg_min(source_file, (seen_at, source_file)), arg_min(raw_text, (seen_at, source_file))
        from raw.issue_files join wanted using (issue_id)
        group by issue_id
        order by issue_id
        """,
        [files],
    ).fetchall()


def stale_issue_ids(conn, table: str) -> list[str]:
    """Issues in ``table`` that no file holds any more (the file was edited): their rows go."""
    if not table_exists(conn, table):
        return []
    rows = conn.execute(
        f"select distinct issue_id from {table} where issue_id not in"
        " (select issue_id from raw.issue_files where issue_id is not null)"
    ).fetchall()
    return [r[0] for r in rows]


def _article_row(issue_id, a) -> tuple:
    return (
        article_id_for(issue_id, a.seq),
        issue_id,
        a.seq,
        a.headline,
        a.kind,
        list(a.reporters),
        list(a.contributors),
        list(a.photographers),
        a.byline,
        a.dateline,
        a.event_date,
        _month_day(a),
        a.body,
        a.credit,
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
