"""Rows keyed by issue: an issue's rows are replaced whole, and leave once no file holds the issue.

Only two things take an issue away: ingest (a file's bytes changed, or it can no longer be read)
and a retraction. Both end with delete_orphaned_rows, so no other step looks for stale rows.
"""
from __future__ import annotations

from .resources import Warehouse, in_list, table_exists
from .rows import PER_ISSUE_ROWS, IssueFileRow


def replace_issue_rows(warehouse: Warehouse, conn, row_type, issue_ids, rows: list) -> None:
    """Replace every row of ``issue_ids`` in ``row_type``'s table with ``rows``."""
    warehouse.replace_rows(conn, row_type, rows, in_list("issue_id"), [sorted(set(issue_ids))])


def delete_orphaned_rows(conn) -> list[str]:
    """Delete the rows of every per-issue table whose issue no file of raw.issue_files holds;
    returns those issues."""
    if not table_exists(conn, IssueFileRow.table):
        return []
    held = f"select issue_id from {IssueFileRow.table} where issue_id is not null"
    gone: set[str] = set()
    conn.begin()
    try:
        for row_type in PER_ISSUE_ROWS:
            if table_exists(conn, row_type.table):
                deleted = conn.execute(
                    f"delete from {row_type.table} where issue_id not in ({held}) returning issue_id"
                ).fetchall()
                gone |= {issue_id for (issue_id,) in deleted}
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return sorted(gone)
