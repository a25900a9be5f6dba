"""Parse: each distinct issue -> publication date, articles and photo items, leftovers.

A page file's issue is its text (identical text under several names is one issue); a records issue is
the article records of one paper and date, whichever files hold them.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from ..issue_rows import delete_issue_rows
from ..partitions import PER_BATCH, files_of_run
from ..parsing import HeldRecord, IssueText, RecordIssue, parse_chunk
from ..quality import Tally, article_figures, issue_figures, merge_tallies
from ..resources import Warehouse, fetch, in_list
from ..rows import ArticleRow, IssueRow, RecordRow
from ..settings import DUCKDB_POOL, batch_files, spool_dir
from ..spool import SpooledChunk, discard, load_spooled, step_folder
from ..workers import overlapped, worker_pool

_RAW = [["raw", "issue_files"], ["raw", "article_records"]]
_ISSUES_PER_CHUNK = 50  # a worker's share of one batch: ~0.5 MB of text, small enough to balance


@dataclass(frozen=True)
class ParseSummary:
    """What a parse read, added up over its workers' chunks."""

    issues: Tally
    articles: Tally
    errors: list[str]


@multi_asset(
    specs=[
        AssetSpec(["parsed", "issues"], kinds={"python", "duckdb"}, deps=_RAW,
                  description="One row per distinct issue: paper, publication date, coverage, leftovers, parse error."),
        AssetSpec(["parsed", "articles"], kinds={"python", "duckdb"}, deps=_RAW,
                  description="Articles and photo items with bylines, datelines and kinds."),
    ],
    name="parse_articles",
    group_name="parse",
    pool=DUCKDB_POOL,
    **PER_BATCH,
)
def parse_articles(context: AssetExecutionContext, warehouse: Warehouse):
    """Split this run's issues into articles and photo items (parsed.issues, parsed.articles)."""
    summary = parse_files(warehouse, files_of_run(context))
    if summary.errors:
        context.log.warning(f"{len(summary.errors)} issue(s) gave no articles: {summary.errors[:20]}")
    lossy = sorted(summary.issues.get("names_lossy", ()))
    if lossy:
        context.log.warning(f"{len(lossy)} issue(s) with printed text not placed: {lossy[:20]}")
    kinds = summary.articles.get("kinds", Counter())
    yield MaterializeResult(
        asset_key=["parsed", "issues"],
        metadata={**issue_figures(summary.issues), "parse_errors": len(summary.errors)},
    )
    yield MaterializeResult(
        asset_key=["parsed", "articles"],
        metadata={**article_figures(summary.articles), **{f"kind_{k}": v for k, v in sorted(kinds.items())}},
    )


def parse_files(warehouse: Warehouse, files: list[str]) -> ParseSummary:
    """Parse every issue these files hold or held, replacing those issues' rows; a batch of files at a
    time, its issues shared out among the workers."""
    parsed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as conn:
        for row_type in (IssueRow, ArticleRow, RecordRow):
            warehouse.ensure_table(conn, row_type)
        manifest = dict(conn.execute(_MANIFEST_SQL).fetchall())
    with step_folder(spool_dir(warehouse.path), "parse") as folder, worker_pool() as map_chunks:
        batches = [files[start:start + batch_files()] for start in range(0, len(files), batch_files())]
        done = overlapped(
            batches,
            read=lambda batch: _issues_to_parse(warehouse, batch),
            work=lambda issues: _Parsed(
                issues.issue_ids, issues.emptied,
                list(map_chunks(parse_chunk, _parts(issues.sources), manifest, parsed_at, str(folder)))),
            load=lambda parsed: _load_parsed(warehouse, parsed),
        )
        # a run that read nothing reports zero counts, not missing ones
        chunks = [c for parsed in done for c in parsed.chunks] or [parse_chunk([], manifest, parsed_at, str(folder))]
    return ParseSummary(
        issues=merge_tallies(c.tallies[IssueRow.table] for c in chunks),
        articles=merge_tallies(c.tallies[ArticleRow.table] for c in chunks),
        errors=[e for c in chunks for e in c.errors],
    )


@dataclass(frozen=True)
class _ToParse:
    """A batch's issues: those to parse, and those whose rows go (their records all went elsewhere)."""

    sources: list  # IssueText and RecordIssue
    issue_ids: list[str]  # every issue whose rows the batch replaces
    emptied: list[str]


def _issues_to_parse(warehouse: Warehouse, files: list[str]) -> _ToParse:
    with warehouse.connect() as conn:
        pages = issues_of_files(conn, files)
        records = _by_issue(records_of_files(conn, files))
    held = [RecordIssue(issue_id, [r for r in rs if r.record_key is not None]) for issue_id, rs in records.items()]
    # an issue whose records all went elsewhere (edited to another date, or retracted) is parsed no more
    emptied = sorted(issue.issue_id for issue in held if not issue.records)
    sources = pages + [issue for issue in held if issue.records]
    return _ToParse(sources, [issue.issue_id for issue in pages] + list(records), emptied)


def _parts(sources: list) -> list[list]:
    return [sources[i:i + _ISSUES_PER_CHUNK] for i in range(0, len(sources), _ISSUES_PER_CHUNK)]


@dataclass(frozen=True)
class _Parsed:
    """A batch parsed: which issues' rows to replace, and the workers' chunks to replace them with."""

    issue_ids: list[str]
    emptied: list[str]
    chunks: list[SpooledChunk]


def _load_parsed(warehouse: Warehouse, parsed: _Parsed) -> None:
    with warehouse.connect() as conn:
        load_spooled(warehouse, conn, IssueRow, parsed.chunks, in_list("issue_id"), [parsed.issue_ids])
        load_spooled(warehouse, conn, ArticleRow, parsed.chunks, in_list("issue_id"), [parsed.issue_ids])
        delete_issue_rows(warehouse, conn, parsed.emptied)
    discard(parsed.chunks)


def issues_of_files(conn, files: list[str]) -> list[IssueText]:
    """Every page issue these files hold, and every issue known by one of them that another file
    still holds (its file was edited: the issue is now known by the next copy), once.

    Identical content under several names is one issue, known by the first file that brought it
    (ingest keeps each file's first-seen time for that).
    """
    return fetch(
        conn,
        IssueText,
        """
        with wanted as (
            select issue_id from raw.issue_files where source_file in (select unnest($1::varchar[]))
            union
            select issue_id from parsed.issues where source_file in (select unnest($1::varchar[]))
        ), first_files as (
            -- the file first, its text after: aggregating the texts took a third more memory
            select issue_id, arg_min(source_file, (seen_at, source_file)) as source_file
            from raw.issue_files join wanted using (issue_id)
            group by issue_id
        )
        select f.issue_id, f.source_file, r.raw_text as text, r.paper, r.page
        from first_files f join raw.issue_files r using (source_file)
        order by f.issue_id
        """,
        [files],
    )


def records_of_files(conn, files: list[str]) -> list[HeldRecord]:
    """The records issues these files touch (now, or at their last parse), with every record each
    issue holds now: the latest version of each record (by the time its content was first seen),
    whichever file holds it. An issue left with no record comes back once, with no record."""
    return fetch(conn, HeldRecord, _RECORDS_OF_FILES_SQL, [files])


_RECORDS_OF_FILES_SQL = """
with keys as (
    select record_key from raw.article_records
    where source_file in (select unnest($1::varchar[])) and record_key is not null
    union
    select record_key from parsed.articles
    where source_file in (select unnest($1::varchar[])) and record_key is not null
),
touched as (
    select issue_id from raw.article_records where record_key in (select record_key from keys) and reason is null
    union
    select issue_id from parsed.articles where record_key in (select record_key from keys)
),
latest as (
    select * from raw.article_records
    where reason is null
      and record_key in (select record_key from raw.article_records where issue_id in (select issue_id from touched))
    qualify row_number() over (partition by record_key order by seen_at desc, source_file, line) = 1
)
select t.issue_id, l.record_key, l.source_file, l.line, l.paper, l.published_on, l.page, l.url, l.headline,
       l.body, l.byline
from touched t left join latest l on l.issue_id = t.issue_id
order by t.issue_id, l.source_file, l.line
"""


def _by_issue(records: list[HeldRecord]) -> dict[str, list[HeldRecord]]:
    grouped: dict[str, list[HeldRecord]] = {}
    for record in records:
        grouped.setdefault(record.issue_id, []).append(record)
    return grouped


_MANIFEST_SQL = """
select source_file, manifest_published_on from raw.issue_files where manifest_published_on is not null
"""
