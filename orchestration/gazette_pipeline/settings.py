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


def sensor_watch_seconds() -> float:
    """How long a sensor tick watches ISSUES_DIR for a change (GAZETTE_SENSOR_WATCH_SECONDS, default 4:
    Dagster's daemon starts a tick every 5 s)."""
    return max(0.0, float(os.environ.get("GAZETTE_SENSOR_WATCH_SECONDS") or 4.0))


def workers() -> int:
    """Worker processes for parsing and extraction (GAZETTE_WORKERS, default: one per core)."""
    return max(1, int(os.environ.get("GAZETTE_WORKERS") or os.cpu_count() or 1))


def dask_address() -> str | None:
    """A Dask scheduler (`tcp://host:8786`) to parse and extract on instead of local processes."""
    return os.environ.get("GAZETTE_DASK_ADDRESS") or None


def spool_dir(warehouse: str) -> Path:
    """Where workers write their rows as Parquet for the one writer to load (GAZETTE_SPOOL_DIR; shared
    storage when workers run on other machines), by default beside the warehouse file."""
    configured = os.environ.get("GAZETTE_SPOOL_DIR")
    if configured:
        return Path(configured)
    path = Path(warehouse)
    return path.parent / f"{path.stem}.spool"


def batch_files() -> int:
    """Files per partition (GAZETTE_BATCH_FILES): an archive of 100,000 files is 50 partitions, not 100,000."""
    return max(1, int(os.environ.get("GAZETTE_BATCH_FILES") or 2000))


EXECUTORS = ("in_process", "multiprocess", "dask")


def executor_kind() -> str:
    """How a run's steps are executed (GAZETTE_EXECUTOR): in_process (default), multiprocess or dask."""
    kind = (os.environ.get("GAZETTE_EXECUTOR") or "in_process").strip().lower().replace("-", "_")
    if kind not in EXECUTORS:
        raise ValueError(f"GAZETTE_EXECUTOR={kind!r}: expected one of {', '.join(EXECUTORS)}")
    return kind


def max_concurrent() -> int | None:
    """Steps at a time under the multiprocess executor (GAZETTE_MAX_CONCURRENT, default: one per core)."""
    value = os.environ.get("GAZETTE_MAX_CONCURRENT")
    return max(1, int(value)) if value else None
