"""Which issues an extraction step still has to read.

Extraction steps are not partitioned: each run reads the issues parsed since the step last saw them
(by `parsed.issues.parsed_at`), so a backfill costs one asset event per step, not one per issue,
and a new issue is still read alone.
"""
from ..resources import Warehouse, table_exists
from .parse import read_articles, stale_issue_ids

LOG_TABLE = "parsed.extraction_log"
LOG_COLUMNS = {"step": "varchar", "issue_id": "varchar", "parsed_at": "timestamp"}


def articles_to_extract(warehouse: Warehouse, step: str, table: str):
    """(issues to read, stale issues, their articles) for ``step``, whose rows live in ``table``."""
    with warehouse.connect() as conn:
        issue_ids, stale = issues_to_extract(conn, warehouse, step, table)
        return issue_ids, stale, read_articles(conn, issue_ids)


def store_extracted(warehouse: Warehouse, step: str, issue_ids, stale, tables: dict) -> None:
    """Replace the rows of the read and stale issues in every ``table: (columns, rows)``, then log them."""
    with warehouse.connect() as conn:
        for table, (columns, rows) in tables.items():
            warehouse.replace_rows(conn, table, columns, "issue_id", issue_ids + stale, rows)
        record_extracted(conn, step, issue_ids)


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
