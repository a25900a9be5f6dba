"""A run's process, started before its run (run_launcher.py): it loads the code location, jieba's
dictionary, dbt and the instance's storage while it waits, then reads its run from stdin and executes it
as `dagster api execute_run` does. Loading is most of the 3.5 s between a run's launch and its first
step, and 1 s of its extraction.

    python -m gazette_pipeline.run_worker      # then one line on stdin: the run's ExecuteRunArgs
"""
from __future__ import annotations

import os
import sys


def main() -> None:
    load()
    line = sys.stdin.readline().strip()
    if not line:
        return  # the launcher retired this worker (its code changed) or went away: no run to execute
    from dagster._cli.api import execute_run_command  # the command Dagster's own launchers run in a worker

    execute_run_command.callback(input_json=line, compressed_input_json=None)


def load() -> None:
    """What every run pays for before its work: the definitions with their jobs resolved, the
    dictionary the name rules read (loaded, never added to: results do not change), dbt's modules
    for its in-process command (dbt_in_process.py), the report's chart library and the instance's
    storage modules."""
    from gazette_text.people import load_dictionary

    from . import report
    from .dbt import preload_dbt
    from .definitions import defs

    defs.get_repository_def().get_all_jobs()
    load_dictionary()
    preload_dbt(defs.resources["warehouse"])
    report.preload()
    _open_instance()


def _open_instance() -> None:
    """The run opens the instance first: its storage's first opening in a process imports SQLAlchemy and
    Alembic (0.8-1.1 s, measured at 100,000 files), the most of a warm run's launch."""
    from dagster import DagsterInstance

    if not os.environ.get("DAGSTER_HOME"):  # no instance to open yet: the run will say where it is
        return
    try:
        with DagsterInstance.get() as instance:
            instance.get_run_records(limit=1)
    except Exception:  # noqa: BLE001 - a warm-up only: the run opens the instance and reports what is wrong
        pass


if __name__ == "__main__":
    main()
