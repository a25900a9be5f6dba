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
    """A file of ISSUES_DIR: its text kept verbatim, or why it did not become an issue."""

    table: ClassVar[str] = "raw.issue_files"

    source_file: str = column("varchar")
    issue_id: str | None = column("varchar")  # NULL when the file could not be read as an issue
    content_sha256: str | None = column("varchar")
    byte_size: int | None = column("bigint")
    encoding: str | None = column("varchar")
    raw_text: str | None = column("varchar")
    manifest_published_on: date | None = column("date")
    seen_at: datetime = column("timestamp")  # when these bytes were first read under this name
    reason: str | None = column("varchar")  # why the file did not become an issue; NULL when it did


# --- parse -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IssueRow:
    """One distinct issue: publication date, coverage, leftovers, parse error."""

    table: ClassVar[str] = "parsed.issues"

    issue_id: str = column("varchar")
    source_file: str = column("varchar")
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
