"""The dbt project as Dagster assets: staging and marts, with dbt tests as asset checks."""

import os
from functools import cached_property
from pathlib import Path

from dagster import AssetExecutionContext, Config, Output
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from dagster_dbt.compat import DBT_PYTHON_VERSION

from .dbt_in_process import dbt_in_this_process, preload
from .resources import Warehouse, duckdb_memory
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


class GazetteDbtCli(DbtCliResource):
    """DbtCliResource minus two costs it pays before every dbt command: 4 s of a 24 s one-issue refresh.

    It asks the executable its version (`dbt --version`, a 2.3 s interpreter of its own) and opens an
    adapter in this process for row counts and column metadata, which we count ourselves after dbt.
    """

    @cached_property
    def _cli_version(self):
        # the executable is the one installed beside this Python (definitions._dbt_executable): same version
        return DBT_PYTHON_VERSION

    def _initialize_dbt_core_adapter(self, args):
        return None  # the handle dagster-dbt keeps for Fusion, which has no adapter either

    def cli(self, args, **kwargs):
        # dbt in this process, not a new Python (dbt_in_process.py)
        with dbt_in_this_process():
            return super().cli(args, **kwargs)


# dbt's own advice: unit tests check logic against fixed inputs, so they run in CI (tests/test_dbt_project.py),
# not on every refresh, where they were a quarter of the models' time.
PRODUCTION_BUILD = ["build", "--exclude-resource-type", "unit_test"]
# A full build rebuilds whole tables, one at a time: several at once ran out of the 256 MB each DuckDB
# connection may use (`could not allocate block`); a refresh's models are small (profiles.yml: two threads).
FULL_REFRESH = ["--full-refresh", "--threads", "1"]


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
    # dbt reads the warehouse location and its memory cap from the environment (profiles.yml).
    os.environ["WAREHOUSE_PATH"] = warehouse.path
    os.environ["GAZETTE_DUCKDB_MEMORY"] = duckdb_memory(warehouse.memory_limit)
    args = [*PRODUCTION_BUILD, *FULL_REFRESH] if config.full_refresh else PRODUCTION_BUILD
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


def preload_dbt(warehouse: Warehouse) -> bool:
    """For a run's process that has time before its run (run_worker.py): dbt's first-command costs."""
    return preload(DBT_PROJECT_DIR, _target_path(warehouse))


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
