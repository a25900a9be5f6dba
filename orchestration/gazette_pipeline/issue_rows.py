"""Rows keyed by issue: an issue's rows are replaced whole, and leave once no file holds the issue.

Only two things take an issue away: ingest (a file's bytes changed, or it can no longer be read)
and a retraction. Both end with delete_orphaned_rows, so no other step looks for stale rows; the one
exception is a records issue whose records all moved to another issue (a newer version of each was
dated otherwise): parsing finds it empty and deletes its rows.
"""
from __future__ import annotations

from .resources import Warehouse, in_list, table_exists, transaction
from .rows import PER_ISSUE_ROWS, IssueFileRow, RecordRow


def replace_issue_rows(warehouse: Warehouse, conn, row_type, issue_ids, rows: list) -> None:
    """Replace every row of ``issue_ids`` in ``row_type``'s table with ``rows``."""
    warehouse.replace_rows(conn, row_type, rows, in_list("issue_id"), [sorted(set(issue_ids))])


def delete_issue_rows(warehouse: Warehouse, conn, issue_ids: list[str]) -> None:
    """Every row of these issues, everywhere (an issue whose records all went elsewhere)."""
    for row_type in PER_ISSUE_ROWS:
        replace_issue_rows(warehouse, conn, row_type, issue_ids, [])


def delete_orphaned_rows(conn) -> list[str]:
    """Delete the rows of every per-issue table whose issue no page file and no record holds;
    returns those issues."""
    if not table_exists(conn, IssueFileRow.table):
        return []
    held = f"select issue_id from {IssueFileRow.table} where issue_id is not null"
    if table_exists(conn, RecordRow.table):
        held += f" union select issue_id from {RecordRow.table} where issue_id is not null"
    gone: set[str] = set()
    with transaction(conn):
        for row_type in PER_ISSUE_ROWS:
            if table_exists(conn, row_type.table):
                deleted = conn.execute(
                    f"delete from {row_type.table} where issue_id not in ({held}) returning issue_id"
                ).fetchall()
                gone |= {issue_id for (issue_id,) in deleted}
    return sorted(gone)
