"""Which issues an extraction step still has to read, and reading them on the workers.

Extraction steps are not partitioned: each run reads the issues parsed since the step last saw them
(by `parsed.issues.parsed_at`), so a backfill costs one asset event per step, not one per issue,
and a new issue is still read alone. The issues are read a batch at a time (memory stays flat), their
articles shared out among the workers (workers.py), whose rows the step loads from the spool.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..quality import Tally, merge_tallies
from ..resources import Warehouse, fetch, in_list, table_exists
from ..rows import ExtractionLogRow, IssueRow, StoredArticle
from ..settings import batch_files, spool_dir
from ..spool import SpooledChunk, discard, load_spooled, step_folder
from ..workers import overlapped, worker_pool

_ARTICLES_PER_CHUNK = 200  # a worker's share: about a second of extraction


@dataclass(frozen=True)
class Extracted:
    """What one run of a step read and found, added up over its workers' chunks."""

    issues_read: int
    tallies: dict[str, Tally]  # table -> counts (quality.py)


def run_extraction(warehouse: Warehouse, step: str, task: Callable, row_types: tuple) -> Extracted:
    """Run ``task(articles, folder) -> SpooledChunk`` over the articles of every issue ``step`` has not
    read since it was parsed; replace those issues' rows of ``row_types``, then log them as read."""
    with warehouse.connect() as conn:
        warehouse.ensure_table(conn, ExtractionLogRow)
        pending = fetch(conn, ExtractionLogRow, _NOT_YET_READ, [step]) if table_exists(conn, IssueRow.table) else []
    with step_folder(spool_dir(warehouse.path), step) as folder, worker_pool() as map_chunks:
        done = overlapped(
            [pending[start:start + batch_files()] for start in range(0, len(pending), batch_files())],
            read=lambda batch: _ToExtract(batch, _articles_of(warehouse, batch)),
            work=lambda todo: (todo.issues, list(map_chunks(task, _parts(todo.articles), str(folder)))),
            load=lambda extracted: _load_extracted(warehouse, step, row_types, *extracted),
        )
        # a run that read nothing reports zero counts, not missing ones
        chunks = [c for _, batch in done for c in batch] or [task([], str(folder))]
    tables = chunks[0].tallies
    return Extracted(len(pending), {table: merge_tallies(c.tallies[table] for c in chunks) for table in tables})


@dataclass(frozen=True)
class _ToExtract:
    issues: list[ExtractionLogRow]  # the batch's issues, as they will be logged once loaded
    articles: list[StoredArticle]


def _articles_of(warehouse: Warehouse, issues: list[ExtractionLogRow]) -> list[StoredArticle]:
    with warehouse.connect() as conn:
        return read_articles(conn, [entry.issue_id for entry in issues])


def _parts(articles: list[StoredArticle]) -> list[list[StoredArticle]]:
    return [articles[i:i + _ARTICLES_PER_CHUNK] for i in range(0, len(articles), _ARTICLES_PER_CHUNK)]


def _load_extracted(warehouse: Warehouse, step: str, row_types: tuple, read: list[ExtractionLogRow],
                    chunks: list[SpooledChunk]) -> None:
    issue_ids = [entry.issue_id for entry in read]
    with warehouse.connect() as conn:
        for row_type in row_types:
            load_spooled(warehouse, conn, row_type, chunks, in_list("issue_id"), [issue_ids])
        warehouse.replace_rows(conn, ExtractionLogRow, read, f"step = ? and {in_list('issue_id')}", [step, issue_ids])
    discard(chunks)


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
