"""dbt inside the step's process (gazette_pipeline/dbt_in_process.py), seen through dagster-dbt as the
pipeline sees it: the command runs, its events arrive, a failure is a failure, and the warehouse file
is free for the next process when the command ends."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO


@pytest.fixture
def dbt_resource(tmp_path, monkeypatch):
    from gazette_pipeline.definitions import _dbt_executable
    from gazette_pipeline.dbt import GazetteDbtCli, dbt_project

    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "warehouse.duckdb"))
    return GazetteDbtCli(project_dir=dbt_project, dbt_executable=_dbt_executable())


def _show(dbt, tmp_path, sql: str):
    return dbt.cli(["show", "--inline", sql, "--output", "json"], target_path=tmp_path / "target", raise_on_error=False)


def test_a_dbt_command_runs_in_this_process_and_its_events_reach_dagster_dbt(dbt_resource, tmp_path):
    from gazette_pipeline.dbt_in_process import InProcessDbt

    invocation = _show(dbt_resource, tmp_path, "select 6 * 7 as answer")
    assert isinstance(invocation.process, InProcessDbt)
    events = [e.raw_event for e in invocation.stream_raw_events()]
    assert invocation.is_successful()
    shown = [e for e in events if e["info"]["name"] == "ShowNode"]
    assert len(shown) == 1 and '"answer": 42' in shown[0]["data"]["preview"], shown
    # dbt's debug events go to its log file only, as with `--log-format json` on the command line
    assert {e["info"]["level"] for e in events} <= {"info", "warn", "error"}
    assert (tmp_path / "target" / "dbt.log").stat().st_size > 0


def test_the_warehouse_file_is_free_when_the_command_ends(dbt_resource, tmp_path):
    """DuckDB lets one process write a file; dbt-duckdb would keep it open for this process's life."""
    assert _show(dbt_resource, tmp_path, "select 1 as one").wait().is_successful()
    writer = "import duckdb, sys; duckdb.connect(sys.argv[1]).execute('create table t as select 1 as x')"
    done = subprocess.run([sys.executable, "-c", writer, os.environ["WAREHOUSE_PATH"]], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_failing_command_fails_with_dbts_message_and_leaves_the_environment_as_it_was(dbt_resource, tmp_path):
    before = dict(os.environ)
    invocation = _show(dbt_resource, tmp_path, "select * from no_such_table")
    assert not invocation.is_successful()
    error = invocation.get_error()
    assert error is not None and "no_such_table" in str(error)
    assert dict(os.environ) == before


def test_the_run_worker_loads_dbt_before_its_run(tmp_path):
    """The warm worker (run_worker.py) imports what dbt's first in-process command would, and parses
    the project once, writing nothing of the warehouse's: not the file, not its dbt target folder."""
    probe = ("import sys, gazette_pipeline.run_worker as w; w.load(); "
             "from gazette_pipeline.dbt import preload_dbt; from gazette_pipeline.definitions import defs; "
             "print(all(m in sys.modules for m in ('dbt.cli.main', 'dbt.adapters.duckdb', 'dbt.task.build')), "
             "preload_dbt(defs.resources['warehouse']))")
    warehouse = tmp_path / "wh.duckdb"
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "orchestration"), "WAREHOUSE_PATH": str(warehouse)})
    assert done.stdout.strip().endswith("True True"), done.stderr[-2000:]
    assert list(tmp_path.iterdir()) == []


def test_the_run_worker_opens_the_instance_before_its_run(tmp_path):
    """The run's first act is to open the instance: the worker has imported its storage already."""
    storage = ("alembic", "sqlalchemy", "dagster._core.storage.runs.sqlite.sqlite_run_storage")
    probe = ("import sys; from gazette_pipeline.run_worker import _open_instance; "
             f"before = [m in sys.modules for m in {storage}]; _open_instance(); "
             f"print(before, [m in sys.modules for m in {storage}])")
    shutil.copy(REPO / "dagster.yaml", tmp_path / "dagster.yaml")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "orchestration"), "DAGSTER_HOME": str(tmp_path)})
    assert done.stdout.strip() == "[False, False, False] [True, True, True]", done.stderr[-2000:]


def test_an_instance_that_cannot_be_opened_leaves_the_worker_standing(tmp_path, monkeypatch):
    from gazette_pipeline.run_worker import _open_instance

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "gone"))
    _open_instance()  # the run will open it, and say what is wrong


def test_a_failed_warm_up_leaves_the_worker_standing(tmp_path):
    """The warm-up's parse of a project that is not there fails quietly: the run's own dbt command
    will say what is wrong, and the worker waiting for that run must not die first."""
    from gazette_pipeline.dbt_in_process import preload

    assert preload(tmp_path / "no_project", tmp_path / "target") is False
    assert not (tmp_path / "target").exists()
