"""Every reported quantity of every article body and photo caption."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.statistics import extract_statistics

from ..resources import Warehouse
from ..settings import DUCKDB_POOL
from .extraction_log import articles_to_extract, store_extracted

STATISTIC_COLUMNS = {
    "stat_id": "varchar",
    "issue_id": "varchar",
    "article_id": "varchar",
    "subject": "varchar",
    "value": "double",
    "unit": "varchar",
    "qualifier": "varchar",
    "raw_text": "varchar",
    "sentence": "varchar",
    "start_offset": "integer",
    "end_offset": "integer",
}


@multi_asset(
    specs=[
        AssetSpec(["parsed", "statistics"], deps=[["parsed", "articles"]], kinds={"python", "duckdb"},
                  description="One row per quantity printed in an article, normalised, with its sentence and offsets."),
    ],
    name="extract_statistics",
    group_name="extract",
    pool=DUCKDB_POOL,
)
def extract_statistics_asset(context: AssetExecutionContext, warehouse: Warehouse):
    """Find every quantity (value, unit, qualifier, subject) in article bodies and captions."""
    issue_ids, stale, articles = articles_to_extract(warehouse, "statistics", "parsed.statistics")
    rows = []
    for a in articles:
        for n, s in enumerate(extract_statistics(a.body), start=1):
            rows.append((f"{a.article_id}-s{n:03d}", a.issue_id, a.article_id, s.subject, s.value, s.unit,
                         s.qualifier, s.raw_text, s.sentence, s.start, s.end))
    store_extracted(warehouse, "statistics", issue_ids, stale, {"parsed.statistics": (STATISTIC_COLUMNS, rows)})
    yield MaterializeResult(
        asset_key=["parsed", "statistics"],
        metadata={"issues_read": len(issue_ids), "statistics": len(rows), "articles_with_figures": len({r[1] for r in rows})},
    )
