"""Every reported quantity of every article body and photo caption."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.statistics import extract_statistics

from ..quality import statistics_quality
from ..resources import Warehouse
from ..rows import StatisticRow, StoredArticle
from ..settings import DUCKDB_POOL
from .extraction_log import articles_to_extract, store_extracted


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
    batch = articles_to_extract(warehouse, "statistics")
    rows = extracted_rows(batch.articles)
    store_extracted(warehouse, batch, rows)
    yield MaterializeResult(
        asset_key=["parsed", "statistics"],
        metadata={"issues_read": len(batch.read), **statistics_quality(batch.articles, rows[StatisticRow])},
    )


def extracted_rows(articles: list[StoredArticle]) -> dict[type, list]:
    """The rows this step writes for ``articles``, by row type."""
    return {
        StatisticRow: [
            StatisticRow(
                stat_id=f"{a.article_id}-s{n:03d}",
                issue_id=a.issue_id,
                article_id=a.article_id,
                subject=s.subject,
                value=s.value,
                unit=s.unit,
                qualifier=s.qualifier,
                raw_text=s.raw_text,
                sentence=s.sentence,
                start_offset=s.start,
                end_offset=s.end,
            )
            for a in articles
            for n, s in enumerate(extract_statistics(a.body), start=1)
        ]
    }
