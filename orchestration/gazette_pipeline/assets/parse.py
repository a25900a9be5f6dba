"""Parse: each distinct issue -> publication date, articles and photo items, leftovers."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.issue import read_issue

from ..resources import Warehouse
from ..settings import DUCKDB_POOL

ISSUE_COLUMNS = {
    "issue_id": "varchar",
    "source_file": "varchar",
    "published_on": "date",
    "published_on_source": "varchar",
    "published_year": "integer",
    "article_count": "integer",
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


def read_articles(conn) -> list[StoredArticle]:
    rows = conn.execute(
        """
        select a.article_id, a.issue_id, a.kind, a.headline, a.body, a.event_date, i.published_on
        from parsed.articles a join parsed.issues i using (issue_id)
        order by a.article_id
        """
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
)
def parse_articles(context: AssetExecutionContext, warehouse: Warehouse):
    """Split every distinct issue into articles and photo items (parsed.*)."""
    with warehouse.connect() as conn:
        issues = conn.execute(_CANONICAL_FILES_SQL).fetchall()
        manifest = dict(conn.execute(_MANIFEST_SQL).fetchall())
    issue_rows, article_rows, leftover_rows, error_rows = [], [], [], []
    for issue_id, source_file, text in issues:
        try:
            result = read_issue(source_file, text, manifest)
        except Exception as err:  # one bad issue must not stop the others
            error_rows.append((source_file, issue_id, f"parser failed: {type(err).__name__}: {err}"))
            continue
        if not result.articles:
            error_rows.append((source_file, issue_id, "no articles found"))
        pub = result.publication
        issue_rows.append(
            (issue_id, source_file, pub.published_on, pub.source, pub.year, len(result.articles))
        )
        article_rows += [_article_row(issue_id, a) for a in result.articles]
        leftover_rows += [(issue_id, l.kind, l.text, l.position) for l in result.leftovers]
    with warehouse.connect() as conn:
        warehouse.replace_table(conn, "parsed.issues", ISSUE_COLUMNS, issue_rows)
        warehouse.replace_table(conn, "parsed.articles", ARTICLE_COLUMNS, article_rows)
        warehouse.replace_table(conn, "parsed.leftovers", LEFTOVER_COLUMNS, leftover_rows)
        warehouse.replace_table(conn, "parsed.parse_errors", PARSE_ERROR_COLUMNS, error_rows)
    if error_rows:
        context.log.warning(f"{len(error_rows)} issue(s) gave no articles: {error_rows}")
    kinds = Counter(row[4] for row in article_rows)
    yield MaterializeResult(asset_key=["parsed", "issues"], metadata={"dagster/row_count": len(issue_rows)})
    yield MaterializeResult(
        asset_key=["parsed", "articles"],
        metadata={"dagster/row_count": len(article_rows), **{f"kind_{k}": v for k, v in sorted(kinds.items())}},
    )
    yield MaterializeResult(asset_key=["parsed", "leftovers"], metadata={"dagster/row_count": len(leftover_rows)})
    yield MaterializeResult(asset_key=["parsed", "parse_errors"], metadata={"dagster/row_count": len(error_rows)})


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
    )


# Identical content under several names is one issue, known by its first file name.
_CANONICAL_FILES_SQL = """
select issue_id, min(source_file) as source_file, any_value(raw_text) as raw_text
from raw.issue_files
group by issue_id
order by source_file
"""
_MANIFEST_SQL = """
select source_file, manifest_published_on from raw.issue_files where manifest_published_on is not null
"""
