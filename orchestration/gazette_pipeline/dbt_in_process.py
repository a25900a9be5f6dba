"""dbt run inside the step's process (dbtRunner), behind the process handle dagster-dbt reads.

dagster-dbt runs every dbt command as a new Python: 2.4 s to import dbt-core again, in a process that
has already imported it (dagster-dbt does) and, under `make ui`, has loaded dbt's adapter and tasks
before the run came (run_worker.py). dbt's documented programmatic entry, dbtRunner, runs the same
command here; its events go through a callback, serialised as the JSON lines `--log-format json`
prints, so dagster-dbt turns them into asset events and checks exactly as it does for its subprocess.
"""
from __future__ import annotations

import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import orjson

# What dbt prints on stdout at its default log level; the debug events go to dbt.log only, as with the CLI.
_PRINTED_LEVELS = frozenset({"info", "warn", "error"})
_END = None


class InProcessDbt:
    """A running dbt command with the part of `subprocess.Popen`'s interface DbtCliInvocation uses."""

    # cwd unused: dbt finds the project by DBT_PROJECT_DIR, which dagster-dbt sets in env
    def __init__(self, args: Sequence[str], env: Mapping[str, str], cwd=None, **_popen_kwargs):
        self.args = list(args)
        self.returncode: int | None = None
        self.stdout = _Lines()
        # daemon: a run terminated mid-build ends its process without waiting for dbt's last model
        self._thread = threading.Thread(target=self._invoke, args=(dict(env),), name="dbt", daemon=True)
        self._thread.start()

    def _invoke(self, env: dict) -> None:
        from dbt.cli.main import dbtRunner

        try:
            with _environment(env):
                result = dbtRunner(callbacks=[self._print]).invoke(self.args[1:])
            self.returncode = 0 if result.success else (2 if result.exception else 1)
            if result.exception:
                self._print_error(f"dbt raised {type(result.exception).__name__}: {result.exception}")
        except BaseException as err:  # noqa: BLE001 - whatever dbt raised, the step must see a failed command
            self.returncode = 2
            self._print_error(f"dbt raised {type(err).__name__}: {err}")
        finally:
            _release_dbt_connection()
            self.stdout.put(_END)

    def _print(self, msg) -> None:
        if msg.info.level in _PRINTED_LEVELS:
            from dbt_common.events.functions import msg_to_dict

            self.stdout.put(orjson.dumps(msg_to_dict(msg), default=str))

    def _print_error(self, text: str) -> None:
        self.stdout.put(orjson.dumps({"info": {"level": "error", "msg": text, "name": "InProcessDbtError"},
                                      "data": {}}))

    def wait(self, timeout: float | None = None) -> int | None:
        self._thread.join(timeout)
        return self.returncode

    def poll(self) -> int | None:
        return self.returncode

    def send_signal(self, _signal) -> None:
        """Cancelling is left to the run: its process ends, and this daemon thread with it."""


class _Lines:
    """The command's stdout: JSON lines as they come, iterable once, closable as a pipe is."""

    def __init__(self):
        self._queue: queue.Queue = queue.Queue()
        self.closed = False

    def put(self, line: bytes | None) -> None:
        self._queue.put(line)

    def __iter__(self) -> Iterator[bytes]:
        while (line := self._queue.get()) is not _END:
            yield line

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.closed = True


_ENVIRONMENT_LOCK = threading.Lock()


@contextmanager
def _environment(env: Mapping[str, str]):
    """dbt reads its flags and profiles.yml's env_var() from os.environ. dagster-dbt builds the command's
    environment as this one plus its settings: those are set for the command's time (never cleared,
    other threads read os.environ meanwhile). dbt's own printing is off: dagster-dbt prints each event.
    Its log file (dbt.log) takes each node's start, result and errors, not every SQL statement: at
    debug level it grew 5 MB a refresh of 100,000 issues, and dbt took 0.3 s longer (DBT_LOG_LEVEL_FILE=debug
    in the environment brings the statements back)."""
    env = {"DBT_LOG_LEVEL_FILE": "info", **env, "DBT_LOG_LEVEL": "none"}
    with _ENVIRONMENT_LOCK:
        before = {name: os.environ.get(name) for name, value in env.items() if os.environ.get(name) != value}
        os.environ.update({name: env[name] for name in before})
        try:
            yield
        finally:
            for name, value in before.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _release_dbt_connection() -> None:
    """dbt-duckdb keeps its database open for the process's life; the warehouse has one writer process,
    and the next step (or another process) must be able to open the file."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment, DuckDBConnectionManager._ENV = DuckDBConnectionManager._ENV, None
    if environment is not None:
        environment.close()


@contextmanager
def dbt_in_this_process():
    """While dagster-dbt's `cli()` starts its command, its Popen is ours."""
    from dagster_dbt.core import dbt_cli_invocation

    real = dbt_cli_invocation.subprocess
    dbt_cli_invocation.subprocess = SimpleNamespace(Popen=InProcessDbt, PIPE=real.PIPE, STDOUT=real.STDOUT)
    try:
        yield
    finally:
        dbt_cli_invocation.subprocess = real


def preload(project_dir: Path, target: Path) -> bool:
    """What the first dbt command of a process pays for, for a process that has time before its run:
    dbt's modules, and a parse of the project (adapter, macros), which later commands reuse (the first
    build of a one-issue refresh of 100,000 issues: 6.5 s cold, 5.6 s after it). The parse runs in a
    scratch folder from the target's partial parse (0.8 s): nothing of the warehouse or its target
    is written. Whether the parse succeeded (a failed one only leaves the costs to the first command)."""
    import dbt.adapters.duckdb  # noqa: F401
    import dbt.task.build  # noqa: F401
    from dbt.cli.main import dbtRunner

    try:
        with tempfile.TemporaryDirectory(prefix="dbt-preload-") as scratch:
            if (target / _PARTIAL_PARSE).exists():
                shutil.copy(target / _PARTIAL_PARSE, scratch)
            with _environment({}):
                parsed = dbtRunner().invoke(["parse", "--project-dir", str(project_dir), "--profiles-dir",
                                             str(project_dir), "--target-path", scratch, "--log-path", scratch])
        return parsed.success
    except Exception:  # noqa: BLE001 - a warm-up that fails must not take the waiting run worker down
        return False
    finally:
        _release_dbt_connection()


_PARTIAL_PARSE = "partial_parse.msgpack"
