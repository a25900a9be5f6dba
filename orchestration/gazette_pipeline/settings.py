"""Where things live: the contract's settings, read from the environment with repository defaults."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DUCKDB_POOL = "duckdb_writer"  # every writer of the warehouse file; size 1 in dagster.yaml


def issues_dir() -> Path:
    return _path_setting("ISSUES_DIR", "seeds")


def warehouse_path() -> Path:
    return _path_setting("WAREHOUSE_PATH", "warehouse/warehouse.duckdb")


def _path_setting(name: str, default: str) -> Path:
    path = Path(os.environ.get(name) or default)
    return path if path.is_absolute() else (REPO_ROOT / path)
