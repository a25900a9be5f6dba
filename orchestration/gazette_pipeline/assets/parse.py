"""Parse: each distinct issue -> publication date, articles and photo items, leftovers."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.coverage import coverage
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
    "body": "varchar",
    "credit": "varchar",
}
LEFTOVER_COLUMNS = {"issue_id": "varchar", "kind": "varchar", "text": "varchar", "position": "integer"}
PARSE_ERROR_COLUMNS = {"source_file": "varchar", "issue_id": "varchar", "reason": "varchar"}


@dataclass(frozen=True)
class StoredArticle:
    """An article as the extraction steps read it back from parsed.articles."""

    article_id: str
    issue_id: str
    kind: str
    headline: str | None
    body: str
    event_date: date | None
    published_on: date | None
    published_year: int | None


def read_articles(conn, issue_ids: list[str]) -> list[StoredArticle]:
    rows = conn.execute(
        """
        select a.article_id, a.issue_id, a.kind, a.headline, a.body, a.event_date, i.published_on, i.published_year
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
        AssetSpec(["parsed", "issues"], kinds={"python", "duckdb"}, deps=[_RAW_FILES], description="One row per distinct issue, with its publication date."),
        AssetSpec(["parsed", "articles"], kinds={"python", "duckdb"}, deps=[_RAW_FILES], description="Articles and photo items with bylines, datelines and kinds."),
        AssetSpec(["parsed", "leftovers"], kinds={"python", "duckdb"}, deps=[_RAW_FILES], description="Printed text that belongs to no article (column labels, slogans)."),
        AssetSpec(["parsed", "parse_errors"], kinds={"python", "duckdb"}, deps=[_RAW_FILES], description="Issues that gave no articles or made the parser fail."),
    ],
    name="parse_articles",
    group_name="parse",
    pool=DUCKDB_POOL,
    **PER_ISSUE,
)
def parse_articles(context: AssetExecutionContext, warehouse: Warehouse):
    """Split this run's issues into articles and photo items (parsed.*)."""
    parsed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as conn:
        issues = issues_of_files(conn, files_of_run(context))
        manifest = dict(conn.execute(_MANIFEST_SQL).fetchall())
        stale = stale_issue_ids(conn, "parsed.issues")
    issue_rows, article_rows, leftover_rows, error_rows = [], [], [], []
    for issue_id, source_file, text in issues:
        try:
            result = read_issue(source_file, text, manifest)
        except Exception as err:  # one bad issue must not stop the others
            error_rows.append((source_file, issue_id, f"parser failed: {type(err).__name__}: {err}"))
            continue
        if not result.articles:
            error_rows.append((source_file, issue_id, "no articles found"))
        pub, covered = result.publication, coverage(text, result)
        issue_rows.append(
            (issue_id, source_file, pub.published_on, pub.source, pub.year, len(result.articles),
             covered.printed, covered.ratio, covered.lost + covered.doubled or None, parsed_at)
        )
        if covered.ratio < 1:
            context.log.warning(f"{source_file}: {covered.printed - round(covered.ratio * covered.printed)} character(s) not placed")
        article_rows += [_article_row(issue_id, a) for a in result.articles]
        leftover_rows += [(issue_id, l.kind, l.text, l.position) for l in result.leftovers]
    replaced = [i[0] for i in issues] + stale
    with warehouse.connect() as conn:
        warehouse.replace_rows(conn, "parsed.issues", ISSUE_COLUMNS, "issue_id", replaced, issue_rows)
        warehouse.replace_rows(conn, "parsed.articles", ARTICLE_COLUMNS, "issue_id", replaced, article_rows)
        warehouse.replace_rows(conn, "parsed.leftovers", LEFTOVER_COLUMNS, "issue_id", replaced, leftover_rows)
        warehouse.replace_rows(conn, "parsed.parse_errors", PARSE_ERROR_COLUMNS, "issue_id", replaced, error_rows)
    if error_rows:
        context.log.warning(f"{len(error_rows)} issue(s) gave no articles: {error_rows}")
    if stale:
        context.log.info(f"removed {len(stale)} issue(s) whose files changed: {stale[:10]}")
    kinds = Counter(row[4] for row in article_rows)
    yield MaterializeResult(asset_key=["parsed", "issues"], metadata={"issues_parsed": len(issue_rows), "stale_removed": len(stale)})
    yield MaterializeResult(
        asset_key=["parsed", "articles"],
        metadata={"articles": len(article_rows), **{f"kind_{k}": v for k, v in sorted(kinds.items())}},
    )
    yield MaterializeResult(asset_key=["parsed", "leftovers"], metadata={"leftovers": len(leftover_rows)})
    yield MaterializeResult(asset_key=["parsed", "parse_errors"], metadata={"parse_errors": len(error_rows)})


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
        f"select distinct issue_id from {table} where issue_id not in (select issue_id from raw.issue_files)"
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
        a.body,
        a.credit,
    )


_MANIFEST_SQL = """
select source_file, manifest_published_on from raw.issue_files where manifest_published_on is not null
"""
