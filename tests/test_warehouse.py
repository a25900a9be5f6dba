"""The warehouse resource: replacing a partition's rows, waiting for another writer, schema changes."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from gazette_pipeline.resources import Warehouse, WarehouseBusy

COLUMNS = {"issue_id": "varchar", "n": "integer"}

_HOLD_LOCK = """
import duckdb, sys, time
conn = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _holder(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_replace_rows_never_duplicates(tmp_path):
    wh = Warehouse(path=str(tmp_path / "w.duckdb"))
    with wh.connect() as conn:
        wh.replace_rows(conn, "parsed.t", COLUMNS, "issue_id", ["a"], [("a", 1), ("a", 2)])
        wh.replace_rows(conn, "parsed.t", COLUMNS, "issue_id", ["b"], [("b", 3)])
        wh.replace_rows(conn, "parsed.t", COLUMNS, "issue_id", ["a"], [("a", 9)])
        assert conn.execute("select * from parsed.t order by all").fetchall() == [("a", 9), ("b", 3)]


def test_a_failed_insert_keeps_the_old_rows(tmp_path):
    wh = Warehouse(path=str(tmp_path / "w.duckdb"))
    with wh.connect() as conn:
        wh.replace_rows(conn, "parsed.t", COLUMNS, "issue_id", ["a"], [("a", 1)])
        with pytest.raises(Exception):
            wh.replace_rows(conn, "parsed.t", COLUMNS, "issue_id", ["a"], [("a", "not a number")])
        assert conn.execute("select * from parsed.t").fetchall() == [("a", 1)]


def test_a_new_column_keeps_the_rows_already_there(tmp_path):
    wh = Warehouse(path=str(tmp_path / "w.duckdb"))
    with wh.connect() as conn:
        wh.replace_rows(conn, "parsed.t", COLUMNS, "issue_id", ["a", "b"], [("a", 1), ("b", 2)])
        wh.replace_rows(conn, "parsed.t", {"extra": "varchar", **COLUMNS}, "issue_id", ["a"], [("x", "a", 1)])
        rows = conn.execute("select issue_id, n, extra from parsed.t order by issue_id").fetchall()
        assert rows == [("a", 1, "x"), ("b", 2, None)]


def test_a_second_writer_waits_for_the_first(tmp_path):
    path = tmp_path / "w.duckdb"
    holder = _holder(path, 1.5)
    start = time.monotonic()
    with Warehouse(path=str(path), lock_wait_seconds=30).connect() as conn:
        assert conn.execute("select 1").fetchone() == (1,)
    assert time.monotonic() - start > 0.5
    holder.wait()


def test_a_writer_that_waits_too_long_says_why(tmp_path):
    path = tmp_path / "w.duckdb"
    holder = _holder(path, 5)
    try:
        with pytest.raises(WarehouseBusy, match="held by another process"):
            with Warehouse(path=str(path), lock_wait_seconds=0.5).connect():
                pass
    finally:
        holder.kill()
