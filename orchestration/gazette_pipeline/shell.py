"""`make sql`: the DuckDB shell on the warehouse, read-only.

The shell comes from the pinned duckdb-cli package, so it reads the file format the pipeline writes.
When the shell cannot open the warehouse (none built yet, a build writing it) this says so in one line
and exits with 1, instead of DuckDB's lock error and an empty in-memory database.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import duckdb

from .settings import warehouse_path

# DuckDB's lock error names the writer: "Conflicting lock is held in /…/python3.11 (PID 1234)".
_WRITER = re.compile(r"\(PID (\d+)\)")


def why_not_openable(path: Path) -> str | None:
    """One line saying why the shell could not open ``path`` read-only, or None when it can."""
    if not path.exists():
        return f"no warehouse at {path} yet: run `make run` first"
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.IOException as err:
        if "lock" not in str(err).lower():
            raise
        writer = _WRITER.search(str(err))
        by = f" (process {writer.group(1)})" if writer else ""
        return f"the warehouse {path} is being written by a build{by}: try again when it finishes"
    return None


def duckdb_shell() -> str:
    """The shell installed beside this Python (venv not activated)."""
    return str(Path(sys.executable).parent / "duckdb")


def main(argv: list[str]) -> int:
    path = warehouse_path()
    problem = why_not_openable(path)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # A build starting in the instant between the check and here still gets DuckDB's own error.
    os.execv(duckdb_shell(), [duckdb_shell(), "-readonly", str(path), *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
