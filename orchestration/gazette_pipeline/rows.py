"""The rows the Python assets write to the warehouse and read back: one dataclass per row type.

Each row type names its table (``table``) and the DuckDB type of every column (``column(type)``);
tables are created from these definitions and rows travel between the steps and DuckDB by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import ClassVar

import pyarrow as pa

# The column types rows use: name -> (DuckDB type, Arrow type). Rows go in as one Arrow table,
# because DuckDB's executemany inserts about a thousand rows a second.
COLUMN_TYPES = {
    "varchar": ("varchar", pa.string()),
    "varchar[]": ("varchar[]", pa.list_(pa.string())),
    "integer": ("integer", pa.int32()),
    "bigint": ("bigint", pa.int64()),
    "double": ("double", pa.float64()),
    "date": ("date", pa.date32()),
    "timestamp": ("timestamp", pa.timestamp("us")),
    # printed text outside any article: [{kind, text, position}]
    "leftovers": (
        "struct(kind varchar, text varchar, position integer)[]",
        pa.list_(pa.struct([("kind", pa.string()), ("text", pa.string()), ("position", pa.int32())])),
    ),
}


def column(column_type: str):
    """A field stored as ``column_type`` (a key of COLUMN_TYPES)."""
    if column_type not in COLUMN_TYPES:
        raise ValueError(f"unknown column type {column_type!r}")
    return field(metadata={"type": column_type})


def column_types(row_type) -> dict[str, str]:
    """Column name -> COLUMN_TYPES key, in the order the row type declares them."""
    return {f.name: f.metadata["type"] for f in fields(row_type)}


def arrow_table(row_type, rows: list) -> pa.Table:
    return pa.table({
        name: pa.array([getattr(row, name) for row in rows], type=COLUMN_TYPES[kind][1])
        for name, kind in column_types(row_type).items()
    })


# --- ingest ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IssueFileRow:
    """A file of ISSUES_DIR: a page file's text kept verbatim, a records file's record count, or why
    the file could not be read."""

    table: ClassVar[str] = "raw.issue_files"

    source_file: str = column("varchar")  # path under ISSUES_DIR (`东山日报/2024-10-16.txt`)
    file_kind: str = column("varchar")  # page | records
    issue_id: str | None = column("varchar")  # a page file's issue; NULL for records and unread files
    content_sha256: str | None = column("varchar")
    byte_size: int | None = column("bigint")
    encoding: str | None = column("varchar")
    raw_text: str | None = column("varchar")
    manifest_published_on: date | None = column("date")
    paper: str | None = column("varchar")  # from the manifest, else the first folder (records: their default)
    page: str | None = column("varchar")  # from the manifest
    record_count: int | None = column("integer")  # records read from a records file
    seen_at: datetime = column("timestamp")  # when these bytes were first read under this name
    reason: str | None = column("varchar")  # why the file did not become an issue; NULL when it did


@dataclass(frozen=True)
class RecordRow:
    """One article record of a records file (`*.jsonl`, `*.csv`, `*.parquet`), as read, or why it
    could not be read. Records of one paper and date form one issue."""

    table: ClassVar[str] = "raw.article_records"

    source_file: str = column("varchar")
    line: int | None = column("integer")  # JSONL/CSV line, Parquet row (1-based); NULL for the whole file
    record_key: str | None = column("varchar")  # identity: the url, else the record's content
    content_sha256: str | None = column("varchar")
    issue_id: str | None = column("varchar")  # NULL when the record could not be read
    paper: str | None = column("varchar")
    published_on: date | None = column("date")
    published_text: str | None = column("varchar")  # the date field as given
    page: str | None = column("varchar")
    url: str | None = column("varchar")
    headline: str | None = column("varchar")
    body: str | None = column("varchar")
    byline: str | None = column("varchar")
    raw_record: str | None = column("varchar")  # the record as read (JSON): nothing given is lost
    seen_at: datetime = column("timestamp")  # when this content was first read under this key
    reason: str | None = column("varchar")  # why the record did not become an article


# --- parse -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IssueRow:
    """One distinct issue: publication date, coverage, leftovers, parse error."""

    table: ClassVar[str] = "parsed.issues"

    issue_id: str = column("varchar")
    source_file: str = column("varchar")
    source_kind: str = column("varchar")  # page | records
    paper: str | None = column("varchar")
    page: str | None = column("varchar")
    paper_place: str | None = column("varchar")  # the place the paper serves, from its name
    paper_level: str | None = column("varchar")  # that place's level (市, 区, 县...) when the name says
    paper_level_rank: int | None = column("integer")  # as title_level_rank
    published_on: date | None = column("date")
    published_on_source: str = column("varchar")
    published_year: int | None = column("integer")
    article_count: int = column("integer")
    printed_chars: int | None = column("integer")
    coverage: float | None = column("double")
    lost_text: str | None = column("varchar")
    leftovers: list[dict] = column("leftovers")
    parse_error: str | None = column("varchar")  # no articles found, or why the parser failed
    parsed_at: datetime = column("timestamp")


@dataclass(frozen=True)
class ArticleRow:
    """An article or photo item with its bylines, dateline and kind."""

    table: ClassVar[str] = "parsed.articles"

    article_id: str = column("varchar")
    issue_id: str = column("varchar")
    seq: int = column("integer")
    headline: str | None = column("varchar")
    kind: str = column("varchar")
    reporters: list[str] = column("varchar[]")
    contributors: list[str] = column("varchar[]")
    photographers: list[str] = column("varchar[]")
    byline: str | None = column("varchar")
    dateline: str | None = column("varchar")
    event_date: date | None = column("date")
    event_month_day: str | None = column("varchar")
    body: str = column("varchar")
    credit: str | None = column("varchar")
    page: str | None = column("varchar")  # a record's page; a page file's comes with its issue
    url: str | None = column("varchar")
    source_file: str | None = column("varchar")  # the file that holds it (a record's, or the issue's)
    source_line: int | None = column("integer")  # a record's line or row in that file
    record_key: str | None = column("varchar")  # a record's identity (see RecordRow)


@dataclass(frozen=True)
class StoredArticle:
    """An article as the extraction steps read it back: parsed.articles with its issue's date."""

    article_id: str
    issue_id: str
    kind: str
    headline: str | None
    body: str
    published_on: date | None
    published_year: int | None


# --- extract -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatisticRow:
    """A quantity printed in an article, normalised, with its sentence and offsets."""

    table: ClassVar[str] = "parsed.statistics"

    stat_id: str = column("varchar")
    issue_id: str = column("varchar")
    article_id: str = column("varchar")
    subject: str | None = column("varchar")
    value: float = column("double")
    unit: str | None = column("varchar")
    qualifier: str | None = column("varchar")
    raw_text: str = column("varchar")
    sentence: str = column("varchar")
    start_offset: int = column("integer")
    end_offset: int = column("integer")


@dataclass(frozen=True)
class PersonMentionRow:
    """A person named after an official title, with the title as printed."""

    table: ClassVar[str] = "parsed.people_mentions"

    issue_id: str = column("varchar")
    article_id: str = column("varchar")
    person: str = column("varchar")
    title: str | None = column("varchar")
    position: int = column("integer")
    title_place: str | None = column("varchar")  # the place the title names (`东山市委书记`)
    title_level: str | None = column("varchar")  # the level of the post (市, 区, 县...)
    title_level_rank: int | None = column("integer")  # 0 national ... 5 village: lower is higher


@dataclass(frozen=True)
class MeetingRow:
    table: ClassVar[str] = "parsed.meetings"

    meeting_id: str = column("varchar")
    issue_id: str = column("varchar")
    article_id: str = column("varchar")
    meeting_name: str | None = column("varchar")


@dataclass(frozen=True)
class ParticipantRow:
    """Who chaired, spoke at, attended or sat in on a meeting."""

    table: ClassVar[str] = "parsed.meeting_participants"

    meeting_id: str = column("varchar")
    issue_id: str = column("varchar")
    person: str = column("varchar")
    title: str | None = column("varchar")
    role: str = column("varchar")
    ordinal: int = column("integer")
    title_place: str | None = column("varchar")  # the place the title names (`东山市委书记`)
    title_level: str | None = column("varchar")  # the level of the post (市, 区, 县...)
    title_level_rank: int | None = column("integer")  # 0 national ... 5 village: lower is higher


@dataclass(frozen=True)
class ProjectReportRow:
    """An article or photo caption reporting an investment project: gazette_text's ProjectReport
    fields (built with ``**asdict(report)``, so a field added there fails here, not silently)."""

    table: ClassVar[str] = "parsed.project_reports"

    report_id: str = column("varchar")
    issue_id: str = column("varchar")
    article_id: str = column("varchar")
    project_name: str | None = column("varchar")
    company: str | None = column("varchar")
    location: str | None = column("varchar")
    investment_cny: float | None = column("double")
    floor_area_m2: float | None = column("double")
    land_area_mu: float | None = column("double")
    annual_output: str | None = column("varchar")
    status: str | None = column("varchar")
    expected_completion: str | None = column("varchar")
    expected_completion_text: str | None = column("varchar")
    published_on: date | None = column("date")


@dataclass(frozen=True)
class ProjectRow:
    """A distinct project: its reports' facts merged across issues (ProjectReport fields again)."""

    table: ClassVar[str] = "parsed.projects"

    project_id: str = column("varchar")
    project_name: str | None = column("varchar")
    company: str | None = column("varchar")
    location: str | None = column("varchar")
    investment_cny: float | None = column("double")
    floor_area_m2: float | None = column("double")
    land_area_mu: float | None = column("double")
    annual_output: str | None = column("varchar")
    status: str | None = column("varchar")
    expected_completion: str | None = column("varchar")
    expected_completion_text: str | None = column("varchar")
    first_reported_on: date | None = column("date")
    last_reported_on: date | None = column("date")
    article_ids: list[str] = column("varchar[]")
    report_ids: list[str] = column("varchar[]")


@dataclass(frozen=True)
class ProjectKeyRow:
    """A key ProjectIndex files a project under (gazette_text.project_merge.filing_keys): how a refresh
    finds the projects its new reports could join without reading every project."""

    table: ClassVar[str] = "parsed.project_keys"

    project_id: str = column("varchar")
    position: int = column("bigint")  # the project's place in order of creation: the earliest match wins
    shelf: str = column("varchar")
    key: str = column("varchar")


@dataclass(frozen=True)
class ExtractionLogRow:
    """An issue an extraction step has read, as parsed at ``parsed_at``."""

    table: ClassVar[str] = "parsed.extraction_log"

    step: str = column("varchar")
    issue_id: str = column("varchar")
    parsed_at: datetime = column("timestamp")


# Every row type keyed by issue_id: what leaves the warehouse when no file holds the issue any more.
PER_ISSUE_ROWS = (
    IssueRow,
    ArticleRow,
    StatisticRow,
    PersonMentionRow,
    MeetingRow,
    ParticipantRow,
    ProjectReportRow,
    ExtractionLogRow,
)
