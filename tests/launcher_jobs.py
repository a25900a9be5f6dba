"""A code location of two small jobs for tests/test_run_launcher.py: the worker process loads it by module."""
import os
import time
from pathlib import Path

from dagster import Definitions, in_process_executor, job, op


@op
def note_process() -> None:
    """Where the run ran: the test compares it with the worker the launcher had ready."""
    Path(os.environ["LAUNCHER_TEST_NOTES"], "pid").write_text(str(os.getpid()))


@op
def wait_long() -> None:
    Path(os.environ["LAUNCHER_TEST_NOTES"], "started").write_text("yes")
    for _ in range(600):
        time.sleep(0.1)


@job(executor_def=in_process_executor)  # the op runs in the run's own process
def note_job():
    note_process()


@job(executor_def=in_process_executor)  # the op runs in the run's own process
def long_job():
    wait_long()


defs = Definitions(jobs=[note_job, long_job])
