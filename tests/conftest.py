"""Shared fixtures: the seeds, the visible gold, and a dbt manifest for loading the definitions."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
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


# Columns that say when a step ran, not what it found: a file-by-file refresh ingests and parses
# each issue in a run of its own, so these differ from a one-run build by design. Nothing else may.
RUN_TIMES = {
    "parsed_at",  # when the parse step ran (issues, articles and the marts built on them)
    "seen_at",  # when ingest first read the file (ingest_errors)
    "first_seen_at",  # the earliest seen_at of an issue's files (issues)
}


def all_marts(warehouse) -> dict[str, list[str]]:
    """Every row of every mart (RUN_TIMES left out) as sorted JSON: equal means equal in any order."""
    tables = [t for (t,) in warehouse_rows(warehouse, "select table_name from information_schema.tables"
                                                      " where table_schema = 'marts' order by 1")]
    dumped = warehouse_rows(warehouse, " union all ".join(f"select '{t}', to_json(m) from marts.\"{t}\" m" for t in tables))
    marts = {t: [] for t in tables}
    for table, row in dumped:
        values = {k: v for k, v in json.loads(row).items() if k not in RUN_TIMES}
        marts[table].append(json.dumps(values, ensure_ascii=False, sort_keys=True))
    return {t: sorted(rows) for t, rows in marts.items()}


@pytest.fixture(scope="session")
def gold():
    return gold_issues()


# --- the seeds built once, as `make run` builds them, for every test that reads a whole warehouse ---

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@dataclass(frozen=True)
class Started:
    """A build running in a process of its own, its output going to ``log``."""

    process: subprocess.Popen
    log: Path

    def finish(self) -> str:
        """Wait for it to end well; its summary (the last line it printed)."""
        self.process.wait()
        output = self.log.read_text(encoding="utf-8", errors="replace")
        assert self.process.returncode == 0, output[-3000:]
        return output.strip().splitlines()[-1]


def start_build(mode: str, folder: Path, warehouse: Path) -> Started:
    """`make run` (mode all) or `make refresh` (mode new), as a user runs it, with a Dagster home
    and a log beside the warehouse."""
    home, log = warehouse.parent / "dagster_home", warehouse.parent / f"{mode}.log"
    if not home.exists():
        home.mkdir()
        shutil.copy(REPO / "dagster.yaml", home)  # as the Makefile sets up DAGSTER_HOME
    env = {**os.environ, "ISSUES_DIR": str(folder), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": str(home)}
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "gazette_pipeline.build", mode],
                                   env=env, cwd=REPO, stdout=output, stderr=subprocess.STDOUT)
    return Started(process, log)


@pytest.fixture(scope="session")
def full_build(tmp_path_factory):
    """`make run` of the seeds, started as soon as a test needs it; it runs while test_e2e's
    ``refreshed`` (which starts it first) refreshes file by file, and ``built`` waits for it. One per
    session: test_e2e.py and test_report.py read the same warehouse."""
    warehouse = tmp_path_factory.mktemp("full") / "warehouse.duckdb"
    started = start_build("all", SEEDS, warehouse)
    yield started, warehouse
    started.process.wait()


@pytest.fixture(scope="session")
def built(full_build) -> Path:
    started, warehouse = full_build
    assert started.finish() == f"built {len(SEED_FILES)} issue file(s) from {SEEDS}"
    return warehouse
