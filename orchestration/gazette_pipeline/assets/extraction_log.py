"""Which issues an extraction step still has to read, and what it read.

Extraction steps are not partitioned: each run reads the issues parsed since the step last saw them
(by `parsed.issues.parsed_at`), so a backfill costs one asset event per step, not one per issue,
and a new issue is still read alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..issue_rows import replace_issue_rows
from ..resources import Warehouse, fetch, in_list, table_exists
from ..rows import ExtractionLogRow, IssueRow, StoredArticle


@dataclass(frozen=True)
class Batch:
    """What ``step`` reads in one run: the issues parsed since it last read them, and their articles."""

    step: str
    read: list[ExtractionLogRow]  # the issues, logged once the step's rows are stored
    articles: list[StoredArticle]

    @property
    def issue_ids(self) -> list[str]:
        return [entry.issue_id for entry in self.read]


def articles_to_extract(warehouse: Warehouse, step: str) -> Batch:
    """The issues parsed since ``step`` last read them (all of them the first time), with their articles."""
    with warehouse.connect() as conn:
        warehouse.ensure_table(conn, ExtractionLogRow)
        if not table_exists(conn, IssueRow.table):
            return Batch(step, [], [])
        read = fetch(conn, ExtractionLogRow, _NOT_YET_READ, [step])
        return Batch(step, read, read_articles(conn, [entry.issue_id for entry in read]))


def store_extracted(warehouse: Warehouse, batch: Batch, rows_by_type: dict[type, list]) -> None:
    """Replace the batch's issues' rows of every row type (those it no longer yields go), then log them."""
    with warehouse.connect() as conn:
        for row_type, rows in rows_by_type.items():
            replace_issue_rows(warehouse, conn, row_type, batch.issue_ids, rows)
        warehouse.replace_rows(
            conn, ExtractionLogRow, batch.read, f"step = ? and {in_list('issue_id')}", [batch.step, batch.issue_ids]
        )


def read_articles(conn, issue_ids: list[str]) -> list[StoredArticle]:
    return fetch(
        conn,
        StoredArticle,
        """
        select a.article_id, a.issue_id, a.kind, a.headline, a.body, i.published_on, i.published_year
        from parsed.articles a join parsed.issues i using (issue_id)
        where a.issue_id in (select unnest(?::varchar[]))
        order by a.article_id
        """,
        [issue_ids],
    )


_NOT_YET_READ = f"""
select $1::varchar as step, p.issue_id, p.parsed_at
from {IssueRow.table} p
left join {ExtractionLogRow.table} e
    on e.step = $1 and e.issue_id = p.issue_id and e.parsed_at = p.parsed_at
where e.issue_id is null
order by p.issue_id
"""
