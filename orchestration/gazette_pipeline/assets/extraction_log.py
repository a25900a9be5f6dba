"""Which issues an extraction step still has to read.

Extraction steps are not partitioned: each run reads the issues parsed since the step last saw them
(by `parsed.issues.parsed_at`), so a backfill costs one asset event per step, not one per issue,
and a new issue is still read alone.
"""
from ..resources import Warehouse, table_exists
from .parse import stale_issue_ids

LOG_TABLE = "parsed.extraction_log"
LOG_COLUMNS = {"step": "varchar", "issue_id": "varchar", "parsed_at": "timestamp"}


def issues_to_extract(conn, warehouse: Warehouse, step: str, table: str) -> tuple[list[str], list[str]]:
    """(issues parsed since ``step`` last read them, stale issues whose rows must leave ``table``)."""
    warehouse.ensure_table(conn, LOG_TABLE, LOG_COLUMNS)
    if not table_exists(conn, "parsed.issues"):
        return [], []
    todo = conn.execute(
        f"""
        select p.issue_id
        from parsed.issues p
        left join {LOG_TABLE} e
            on e.step = ? and e.issue_id = p.issue_id and e.parsed_at = p.parsed_at
        where e.issue_id is null
        order by p.issue_id
        """,
        [step],
    ).fetchall()
    return [r[0] for r in todo], stale_issue_ids(conn, table)


def record_extracted(conn, step: str, issue_ids: list[str]) -> None:
    """Remember what ``step`` has read; forget issues that are gone."""
    conn.execute(
        f"delete from {LOG_TABLE} where step = ? and (issue_id in (select unnest(?::varchar[]))"
        " or issue_id not in (select issue_id from parsed.issues))",
        [step, issue_ids],
    )
    conn.execute(
        f"insert into {LOG_TABLE} select ?, issue_id, parsed_at from parsed.issues"
        " where issue_id in (select unnest(?::varchar[]))",
        [step, issue_ids],
    )
