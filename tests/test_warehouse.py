"""The warehouse resource: replacing a partition's rows, waiting for another writer, schema changes."""
from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from typing import ClassVar

import pytest

from gazette_pipeline.issue_rows import delete_orphaned_rows, replace_issue_rows
from gazette_pipeline.resources import Warehouse, WarehouseBusy, fetch
from gazette_pipeline.rows import IssueFileRow, PersonMentionRow, column


@dataclass(frozen=True)
class Row:
    table: ClassVar[str] = "parsed.t"

    issue_id: str = column("varchar")
    n: int = column("integer")


@dataclass(frozen=True)
class WiderRow:
    """Row as a newer version of the code writes it: one more column."""

    table: ClassVar[str] = "parsed.t"

    extra: str = column("varchar")
    issue_id: str = column("varchar")
    n: int = column("integer")

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
        replace_issue_rows(wh, conn, Row, ["a"], [Row("a", 1), Row("a", 2)])
        replace_issue_rows(wh, conn, Row, ["b"], [Row("b", 3)])
        replace_issue_rows(wh, conn, Row, ["a"], [Row("a", 9)])
        assert fetch(conn, Row, "select * from parsed.t order by all") == [Row("a", 9), Row("b", 3)]


def test_a_failed_insert_keeps_the_old_rows(tmp_path):
    wh = Warehouse(path=str(tmp_path / "w.duckdb"))
    with wh.connect() as conn:
        replace_issue_rows(wh, conn, Row, ["a"], [Row("a", 1)])
        with pytest.raises(Exception):
            replace_issue_rows(wh, conn, Row, ["a"], [Row("a", "not a number")])
        assert conn.execute("select * from parsed.t").fetchall() == [("a", 1)]


def test_a_new_column_keeps_the_rows_already_there(tmp_path):
    wh = Warehouse(path=str(tmp_path / "w.duckdb"))
    with wh.connect() as conn:
        replace_issue_rows(wh, conn, Row, ["a", "b"], [Row("a", 1), Row("b", 2)])
        replace_issue_rows(wh, conn, WiderRow, ["a"], [WiderRow("x", "a", 1)])
        rows = conn.execute("select issue_id, n, extra from parsed.t order by issue_id").fetchall()
        assert rows == [("a", 1, "x"), ("b", 2, None)]


def test_rows_of_issues_no_file_holds_leave_every_per_issue_table(tmp_path):
    wh = Warehouse(path=str(tmp_path / "w.duckdb"))
    with wh.connect() as conn:
        assert delete_orphaned_rows(conn) == []  # nothing ingested yet: nothing to do
        unread = dict(content_sha256=None, byte_size=None, encoding=None, raw_text=None, manifest_published_on=None,
                      paper=None, page=None, record_count=None, seen_at=None)
        held = IssueFileRow("a.txt", "page", "a", **unread, reason=None)
        bad = IssueFileRow("bad.txt", "page", None, **unread, reason="empty file")
        wh.replace_rows(conn, IssueFileRow, [held, bad], "true")
        mentions = [PersonMentionRow(issue, f"{issue}-001", "张三", "区长", 0, None, "区", 3) for issue in ("a", "b", "c")]
        replace_issue_rows(wh, conn, PersonMentionRow, ["a", "b", "c"], mentions)
        assert delete_orphaned_rows(conn) == ["b", "c"]
        assert fetch(conn, PersonMentionRow, "select * from parsed.people_mentions") == mentions[:1]


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


def test_a_step_that_only_reads_lets_other_processes_read_meanwhile(tmp_path):
    """The report step reads with read_only: an analyst's query of the new marts need not wait for it,
    as it waits for a writer."""
    warehouse = Warehouse(path=str(tmp_path / "wh.duckdb"))
    with warehouse.connect() as conn:
        conn.execute("create table t as select 42 as x")
    reader = "import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True).execute('select x from t').fetchone()[0])"

    def read_from_another_process():
        return subprocess.run([sys.executable, "-c", reader, warehouse.path], capture_output=True, text=True)

    with warehouse.connect(read_only=True) as conn:
        assert conn.execute("select x from t").fetchone() == (42,)
        assert read_from_another_process().stdout.strip() == "42"
    with warehouse.connect():
        assert "lock" in read_from_another_process().stderr.lower()
