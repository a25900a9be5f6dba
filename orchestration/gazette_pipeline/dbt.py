"""The dbt project as Dagster assets: staging and marts, with dbt tests as asset checks."""

import os
from pathlib import Path

from dagster import AssetExecutionContext, Config, Output
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from .resources import Warehouse
from .settings import DBT_PROJECT_DIR, DUCKDB_POOL

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _manifest_is_stale() -> bool:
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    sources = [p for folder in ("models", "macros") for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.is_file()]
    newest = max((p.stat().st_mtime for p in [*sources, DBT_PROJECT_DIR / "dbt_project.yml"]), default=0)
    return newest > manifest.stat().st_mtime


# Acts only under `dagster dev`, where every run's process loads this module: re-parsing a current
# manifest there cost each sensor run seconds. The Makefile, tests and CI run `dbt parse` before loading.
if _manifest_is_stale():
    dbt_project.prepare_if_dev()


class DbtBuildConfig(Config):
    full_refresh: bool = False  # rebuild incremental marts from scratch (`make run` does)


class _Translator(DagsterDbtTranslator):
    """dbt models form the `dbt` group (the sensor's runs end with them)."""

    def get_group_name(self, dbt_resource_props):
        return "dbt"


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    pool=DUCKDB_POOL,
    dagster_dbt_translator=_Translator(),
)
def gazette_dbt_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse, config: DbtBuildConfig
):
    """Staging views and the marts analysts query (issues, articles, statistics, meetings, projects…)."""
    # dbt reads the warehouse location from the environment (profiles.yml).
    os.environ["WAREHOUSE_PATH"] = warehouse.path
    args = ["build", "--full-refresh"] if config.full_refresh else ["build"]
    events = list(dbt.cli(args, context=context, target_path=_target_path(warehouse)).stream())
    # Counted here, after dbt exits: dagster-dbt's own row counts open the file in this process
    # under the catalog name the manifest was parsed with, which breaks for any other file name.
    keys = {e.output_name: context.asset_key_for_output(e.output_name) for e in events if isinstance(e, Output)}
    counts = _row_counts(warehouse, keys.values())
    for event in events:
        if isinstance(event, Output):
            yield event.with_metadata({**event.metadata, "dagster/row_count": counts[keys[event.output_name]]})
        else:
            yield event


def _target_path(warehouse: Warehouse) -> Path:
    """dbt's artifacts and logs, one folder per warehouse beside it (one writer at a time uses it).

    dagster-dbt's default is a new folder in dbt_project/target per run (~6 MB each, never removed),
    and a fresh folder means a full parse every time: dbt's partial parse is only valid for the
    warehouse file it was made with (profiles.yml names it).
    """
    path = Path(warehouse.path)
    return path.parent / f"{path.stem}.dbt_target"


def _row_counts(warehouse: Warehouse, keys) -> dict:
    counts = {}
    with warehouse.connect() as conn:
        for key in keys:
            schema, table = key.path[-2], key.path[-1]
            counts[key] = conn.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
    return counts
