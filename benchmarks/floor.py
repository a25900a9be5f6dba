"""The framework floor of a refresh: what a Dagster run and a dbt build of the project cost with no work
of ours in them, on a built archive. A refresh's time over this floor says how much of it is ours.

    ISSUES_DIR=… WAREHOUSE_PATH=… DAGSTER_HOME=… PYTHONPATH=orchestration:. .venv/bin/python -m benchmarks.floor
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

# Not from benchmarks.synthetic: the no-op run's process would import the parsing package with it.
REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def framework_floor(env: dict, warehouse: Path) -> dict:
    """(a) a no-op Dagster run on the archive's instance plus (b) `dbt build` of dbt_project/ on its warehouse."""
    dagster_s, dbt_s = noop_dagster_seconds(env), dbt_build_seconds(env, warehouse)
    return {"dagster_noop_seconds": dagster_s, "dbt_build_seconds": dbt_s, "seconds": round(dagster_s + dbt_s, 1)}


def noop_dagster_seconds(env: dict) -> float:
    # A fresh interpreter: starting Python and importing dagster is paid by every build and every run.
    return _timed([sys.executable, "-m", "benchmarks.floor", "--noop"], env, REPO)


def dbt_build_seconds(env: dict, warehouse: Path) -> float:
    # The pipeline's own target folder (gazette_pipeline/dbt.py): its partial parse is reused as in a
    # refresh, so one build counts no parsing, and the pipeline's next build finds it as it left it.
    target = warehouse.parent / f"{warehouse.stem}.dbt_target"
    if not (target / "partial_parse.msgpack").exists():
        raise SystemExit(f"no dbt partial parse in {target}: has the pipeline moved its dbt target folder?")
    command = [str(BIN / "dbt"), "build", "--profiles-dir", ".",
               "--target-path", str(target), "--log-path", str(target)]
    return _timed(command, {**env, "WAREHOUSE_PATH": str(warehouse)}, REPO / "dbt_project")


def _timed(command: list[str], env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}")
    return round(seconds, 1)


def _noop_run() -> None:
    from dagster import DagsterInstance, asset, materialize

    @asset
    def bench_noop() -> None:
        """Nothing: only the run's own bookkeeping in the instance's storage."""

    materialize([bench_noop], instance=DagsterInstance.get())


if __name__ == "__main__":
    if sys.argv[1:] == ["--noop"]:
        _noop_run()
    else:
        from gazette_pipeline.settings import warehouse_path

        print(json.dumps(framework_floor(dict(os.environ), warehouse_path())))
