"""Every reported quantity of every article body and photo caption."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from ..extracting import statistics_chunk
from ..quality import statistics_figures
from ..resources import Warehouse
from ..rows import StatisticRow
from ..settings import DUCKDB_POOL
from .extraction_log import run_extraction


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
    run = run_extraction(warehouse, "statistics", statistics_chunk, (StatisticRow,))
    yield MaterializeResult(
        asset_key=["parsed", "statistics"],
        metadata={"issues_read": run.issues_read, **statistics_figures(run.tallies[StatisticRow.table])},
    )
