"""`make ui` refreshes by itself: a file dropped into the ISSUES_DIR of a running `dagster dev` reaches
the marts through the sensor (its watch of the folder), the daemon's run queue and the warm run worker.
How fast is `make bench`'s question; this one is whether it happens at all."""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from benchmarks.bench_sensor import SENSOR, wait_until_in_marts
from benchmarks.bench_ui import dagster_dev, wait_for_completed_tick
from conftest import REPO, SEED_FILES, SEEDS, start_build

pytestmark = pytest.mark.e2e


def test_a_file_dropped_into_a_running_ui_reaches_the_marts(tmp_path):
    folder, warehouse, home = tmp_path / "issues", tmp_path / "warehouse.duckdb", tmp_path / "dagster_home"
    folder.mkdir()
    shutil.copy(SEEDS / "manifest.csv", folder)
    for name in SEED_FILES[:-1]:
        shutil.copy(SEEDS / name, folder / name)
    start_build("all", folder, warehouse).finish()  # `make run`, then `make ui` on the same home
    env = {**os.environ, "ISSUES_DIR": str(folder), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": str(home),
           "PYTHONPATH": str(REPO / "orchestration"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # as the Makefile does
    with dagster_dev(env, tmp_path / "dagster_dev.log") as ui:
        wait_for_completed_tick(ui, SENSOR)
        dropped = Path(shutil.copy(SEEDS / SEED_FILES[-1], folder / SEED_FILES[-1]))
        wait_until_in_marts(ui, home, warehouse, dropped.name, since=time.time())
        requesting = [t for t in ui.ticks(SENSOR, limit=50) if t["runIds"] and t["timestamp"] >= ui.started_at]
    # one run, for the dropped file alone: the UI read nothing again of what `make run` had built
    assert len(requesting) == 1
