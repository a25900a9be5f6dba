"""The full-text index of every article's headline and body, behind `make search` and search.articles()."""
from dagster import AssetExecutionContext, MaterializeResult, asset

from ..dbt import gazette_dbt_models
from ..resources import Warehouse
from ..settings import DUCKDB_POOL
from ..text_index import refresh_index

ARTICLES_MART = next(key for key in gazette_dbt_models.keys if key.path[-2:] == ["marts", "articles"])


@asset(
    key=["search", "article_index"],
    deps=[ARTICLES_MART],
    group_name="search",
    kinds={"duckdb"},
    pool=DUCKDB_POOL,
    description="The search terms of every article (pairs of adjacent Han characters, Latin words) with "
    "their counts, and the macros search.articles(query) and search.matches(query) that rank articles by BM25.",
)
def article_search_index(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
    """Index the articles new or changed since the last run and drop those gone (all of them only the
    first time, or when the rules of the terms changed)."""
    with warehouse.connect() as conn:
        changes = refresh_index(conn)
    if changes.rebuilt:
        context.log.info("the search terms changed since the index was built: indexed every article again")
    return MaterializeResult(
        metadata={
            "articles_indexed": changes.indexed,
            "articles_checked": changes.checked,
            "articles_removed": changes.removed,
            "dagster/row_count": changes.documents,
            "postings": changes.postings,
        }
    )
