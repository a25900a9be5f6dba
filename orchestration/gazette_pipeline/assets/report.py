"""The report people look at: one HTML page over the marts, written beside the warehouse after each build."""
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from ..dbt import gazette_dbt_models
from ..report import report_path, write_report
from ..resources import Warehouse
from ..settings import DUCKDB_POOL

# After every mart dbt builds (also the ones added later): the report reads the marts only.
MARTS = sorted((key for key in gazette_dbt_models.keys if key.path[0] == "marts"), key=lambda key: key.path)


@asset(
    key=["reports", "overview"],
    deps=MARTS,
    group_name="reports",
    kinds={"html", "duckdb"},
    # It only reads, and lets analysts read the new marts meanwhile; in the writers' pool all the same:
    # while it reads, no other process can write the file.
    pool=DUCKDB_POOL,
)
def overview_report(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
    """Charts and tables of the marts in one HTML file that opens offline: issues and articles over
    time, officials, meetings per chair, projects, statistics."""
    path = report_path(warehouse.path)
    with warehouse.connect(read_only=True) as conn:
        written = write_report(conn, path, warehouse.path)
    context.log.info(f"report written to {written.path}")
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(written.path)),
            "summary": MetadataValue.md(written.markdown()),
            "bytes": written.bytes,
        }
    )
