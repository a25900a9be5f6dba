"""Assembles the code location: assets, resources, executor."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from dagster import Definitions, in_process_executor
from dagster_dbt import DbtCliResource

from .assets.ingest import ingest_issue_files
from .assets.parse import parse_articles
from .assets.extract import extract_articles
from .assets.projects import merge_projects
from .assets.report import overview_report
from .assets.search_index import article_search_index
from .dbt import dbt_project, gazette_dbt_models
from .resources import Warehouse
from .sensors import daily_marts_schedule, issue_files_sensor, marts_job, per_issue_job
from .settings import warehouse_path


def build_definitions(warehouse: str | None = None) -> Definitions:
    return Definitions(
        assets=[ingest_issue_files, parse_articles, extract_articles, merge_projects, gazette_dbt_models,
                overview_report, article_search_index],
        resources={
            "warehouse": Warehouse(path=warehouse or str(warehouse_path())),
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=_dbt_executable()),
        },
        jobs=[per_issue_job, marts_job],
        sensors=[issue_files_sensor],
        schedules=[daily_marts_schedule],
        # One DuckDB writer at a time: steps of a run go one after another.
        executor=in_process_executor,
    )


def _dbt_executable() -> str:
    """The dbt installed beside this Python (venv not activated), else the one on PATH."""
    for candidate in (Path(sys.executable).parent / "dbt", Path(sys.prefix) / "bin" / "dbt"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("dbt") or "dbt"


defs = build_definitions()
