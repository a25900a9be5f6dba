"""The warm run launcher (gazette_pipeline/run_launcher.py) on a real instance and real worker processes:
a run goes to the worker that was ready, a worker with outdated code is not used, and Terminate from
another process (the webserver) cancels the run."""
import time
from pathlib import Path

import pytest
from dagster import DagsterInstance, DagsterRunStatus, instance_for_test
from dagster._core.definitions.reconstruct import ReconstructableRepository
from dagster._core.launcher import LaunchRunContext

import gazette_pipeline.run_launcher as run_launcher
from gazette_pipeline.run_launcher import PID_TAG, WarmRunLauncher

from launcher_jobs import defs

pytestmark = pytest.mark.e2e  # each worker process loads the code location: seconds, not milliseconds

LAUNCHER = {"module": "gazette_pipeline.run_launcher", "class": "WarmRunLauncher"}
TIMEOUT_S = 120


@pytest.fixture
def notes(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("LAUNCHER_TEST_NOTES", str(tmp_path))
    return tmp_path


@pytest.fixture
def instance(notes):
    with instance_for_test(overrides={"run_launcher": LAUNCHER}) as instance:
        yield instance
        instance.run_launcher.dispose()


def _launch(instance: DagsterInstance, job_name: str) -> str:
    repository = ReconstructableRepository.for_module("launcher_jobs", "defs", working_directory=str(Path(__file__).parent))
    run = instance.create_run_for_job(defs.get_job_def(job_name),
                                      job_code_origin=repository.get_reconstructable_job(job_name).get_python_origin())
    instance.run_launcher.launch_run(LaunchRunContext(dagster_run=run, workspace=None))
    return run.run_id


def _wait(instance: DagsterInstance, run_id: str, until=lambda run: run.is_finished):
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        run = instance.get_run_by_id(run_id)
        if until(run):
            return run
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} still {instance.get_run_by_id(run_id).status} after {TIMEOUT_S} s")


def _ready_pid(launcher: WarmRunLauncher) -> int:
    deadline = time.monotonic() + TIMEOUT_S
    while launcher._ready is None and time.monotonic() < deadline:  # the last run's end starts the next worker
        time.sleep(0.1)
    return launcher._ready.process.pid


def test_each_run_goes_to_the_worker_that_was_ready(instance, notes):
    launcher = instance.run_launcher
    assert isinstance(launcher, WarmRunLauncher)
    launcher.prepare()
    for _ in range(2):  # the second run's worker is the one started when the first ended
        ready = _ready_pid(launcher)
        run = _wait(instance, _launch(instance, "note_job"))
        assert run.status == DagsterRunStatus.SUCCESS
        assert int((notes / "pid").read_text()) == ready == int(run.tags[PID_TAG])


def test_a_worker_started_before_the_code_changed_is_not_used(instance, notes, monkeypatch):
    launcher = instance.run_launcher
    launcher.prepare()
    stale = _ready_pid(launcher)
    monkeypatch.setattr(run_launcher, "code_version", lambda: "the code as edited since")
    run = _wait(instance, _launch(instance, "note_job"))
    assert run.status == DagsterRunStatus.SUCCESS
    assert int((notes / "pid").read_text()) != stale
    assert not Path(f"/proc/{stale}").exists()  # retired, not left waiting


def test_terminate_from_another_process_cancels_the_run(instance, notes):
    run_id = _launch(instance, "long_job")
    _wait(instance, run_id, until=lambda run: (notes / "started").exists() or run.is_finished)
    webserver = WarmRunLauncher()  # the UI's Terminate runs in the webserver, not beside the worker
    webserver.register_instance(instance)
    assert webserver.terminate(run_id)
    assert _wait(instance, run_id).status == DagsterRunStatus.CANCELED
    assert not webserver.terminate(run_id)  # a finished run has nothing to stop
