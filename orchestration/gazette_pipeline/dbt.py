"""The dbt project as Dagster assets: staging and marts, with dbt tests as asset checks."""

import os

from dagster import AssetExecutionContext, AutomationCondition
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from .resources import Warehouse
from .settings import DBT_PROJECT_DIR, DUCKDB_POOL

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
# Acts only under `dagster dev`; the Makefile, tests and CI run `dbt parse` before loading.
dbt_project.prepare_if_dev()


class _Translator(DagsterDbtTranslator):
    """dbt models form the `dbt` group and rebuild by themselves once new issues are parsed."""

    def get_group_name(self, dbt_resource_props):
        return "dbt"

    def get_automation_condition(self, dbt_resource_props):
        return AutomationCondition.eager()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    pool=DUCKDB_POOL,
    dagster_dbt_translator=_Translator(),
)
def gazette_dbt_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    """Staging views and the marts analysts query (issues, articles, statistics, meetings, projects…)."""
    # dbt reads the warehouse location from the environment (profiles.yml).
    os.environ["WAREHOUSE_PATH"] = warehouse.path
    yield from dbt.cli(["build"], context=context).stream().fetch_row_counts()
