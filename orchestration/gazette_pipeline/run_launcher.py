"""Runs that start warm: Dagster's DefaultRunLauncher minus the wait for a new process to load the code.

The DefaultRunLauncher has the code server spawn a new Python process for every run, which imports
the code location (dagster-dbt's import of dbt-core alone is ~2 s) before the first step: 3.5 s of a
new file's trip to the marts under `make ui`, and the run then loads jieba's dictionary (1 s). This
launcher keeps one such process ready (run_worker.py), hands it the next run, and starts the next one
when that run ends, while nothing waits. Each run still has a process of its own, started by the same
`execute_run` command as Dagster's; only when it loaded its code changes.

A ready worker whose code has changed since it started (code_version.py) is retired and the run goes
to a new one, which loads the code afresh as Dagster's own would. A run of another code location in
this Python goes to the ready worker too, which then loads that location; one of another Python goes
to `dagster api execute_run` in that Python, as with Dagster's container launchers.

The first run after the daemon starts finds no worker ready (Dagster creates the launcher at that
run's launch) and waits for one as it would for Dagster's own.

Configured in dagster.yaml (`run_launcher:`); with the queued run coordinator it lives in the daemon.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dagster import _check as check
from dagster._core.launcher import LaunchRunContext, RunLauncher
from dagster._grpc.types import ExecuteRunArgs
from dagster._serdes import ConfigurableClass, ConfigurableClassData, serialize_value

from .code_version import code_version

WORKER_MODULE = "gazette_pipeline.run_worker"
PID_TAG = "gazette/run_worker_pid"  # how the webserver's Terminate finds the daemon's worker


@dataclass
class _Worker:
    process: subprocess.Popen
    code: str  # code_version() just before it started: it loaded this code or newer


class WarmRunLauncher(RunLauncher, ConfigurableClass):
    """Launches each run in a worker process that has already loaded the code location."""

    def __init__(self, inst_data: ConfigurableClassData | None = None):
        self._inst_data = inst_data
        self._lock = threading.Lock()
        self._ready: _Worker | None = None
        super().__init__()

    @property
    def inst_data(self) -> ConfigurableClassData | None:
        return self._inst_data

    @classmethod
    def config_type(cls) -> dict:
        return {}

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData, config_value: Mapping[str, Any]):
        return cls(inst_data=inst_data)

    def launch_run(self, context: LaunchRunContext) -> None:
        run = context.dagster_run
        origin = check.not_none(run.job_code_origin, f"run {run.run_id} has no code origin to load")
        args = serialize_value(ExecuteRunArgs(job_origin=origin, run_id=run.run_id,
                                              instance_ref=self._instance.get_ref(), set_exit_code_on_failure=True))
        if not _same_python(origin):
            python = origin.executable_path or sys.executable
            process = subprocess.Popen([python, "-m", "dagster", "api", "execute_run", args])
        else:
            worker = self._take_ready() or _start_worker()
            process = worker.process
            process.stdin.write(args + "\n")
            process.stdin.close()
        self._instance.add_run_tags(run.run_id, {PID_TAG: str(process.pid)})
        threading.Thread(target=self._after, args=(process,), daemon=True, name=f"run {run.run_id}").start()

    def prepare(self) -> None:
        """Start the worker for the next run now, unless one is ready."""
        with self._lock:
            if self._ready is None or self._ready.process.poll() is not None:
                self._ready = _start_worker()

    def terminate(self, run_id: str) -> bool:
        run = self._instance.get_run_by_id(run_id)
        if not run or run.is_finished or PID_TAG not in run.tags:
            return False
        pid = int(run.tags[PID_TAG])
        if not _is_worker(pid):
            return False
        self._instance.report_run_canceling(run)
        # as Ctrl-C: Dagster's interrupt handling stops the step and marks the run canceled
        os.kill(pid, signal.SIGINT)
        return True

    def dispose(self) -> None:
        with self._lock:
            worker, self._ready = self._ready, None
        if worker is not None:
            _retire(worker)

    def _take_ready(self) -> _Worker | None:
        with self._lock:
            worker, self._ready = self._ready, None
        if worker is None:
            return None
        if worker.process.poll() is not None or worker.code != code_version():
            _retire(worker)
            return None
        return worker

    def _after(self, process: subprocess.Popen) -> None:
        # the next worker loads once this run is over: on two cores, loading beside a run slows it
        process.wait()
        self.prepare()


def _start_worker() -> _Worker:
    code = code_version()
    process = subprocess.Popen([sys.executable, "-m", WORKER_MODULE], stdin=subprocess.PIPE, text=True)
    return _Worker(process, code)


def _retire(worker: _Worker) -> None:
    """A worker given no run: it holds nothing but loaded code, so it is stopped where it is."""
    worker.process.kill()
    worker.process.wait()


def _same_python(origin) -> bool:
    """The worker runs this Python: a code location with a Python of its own gets a process of that Python."""
    return Path(origin.executable_path or sys.executable).resolve() == Path(sys.executable).resolve()


def _is_worker(pid: int) -> bool:
    """A live run process of ours (a worker, or `dagster api execute_run` for another Python): the pid in
    a run's tag may be another program's by now. Without /proc (macOS) the tag is taken at its word."""
    if not Path("/proc").is_dir():
        return True
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return WORKER_MODULE.encode() in command or b"execute_run" in command
