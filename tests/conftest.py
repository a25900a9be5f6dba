"""Shared fixtures: the seeds, the visible gold, and a dbt manifest for loading the definitions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD_DIR = REPO / "tests" / "fixtures" / "gold"
DBT_DIR = REPO / "dbt_project"


def gold_issues() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


def seed_text(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


def pytest_sessionstart(session):
    """dagster-dbt needs dbt's manifest; `dagster dev` builds it, pytest must do it itself."""
    if not (DBT_DIR / "target" / "manifest.json").exists():
        dbt = Path(sys.executable).parent / "dbt"
        subprocess.run(
            [str(dbt), "parse", "--profiles-dir", ".", "--quiet"], cwd=DBT_DIR, check=True
        )


_QUERY = """
import duckdb, json, sys
conn = duckdb.connect(sys.argv[1], read_only=True)
print(json.dumps(conn.execute(sys.argv[2]).fetchall(), default=str))
"""


def warehouse_rows(warehouse, sql) -> list[tuple]:
    """Query as an analyst would: another process, read-only (dbt's adapter may hold this one's handle)."""
    out = subprocess.run([sys.executable, "-c", _QUERY, str(warehouse), sql], capture_output=True, text=True, check=True)
    return [tuple(row) for row in json.loads(out.stdout)]


@pytest.fixture(scope="session")
def gold():
    return gold_issues()
