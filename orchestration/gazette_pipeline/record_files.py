"""A records file (`*.jsonl`, `*.csv`, `*.parquet`) -> one raw row per record, or per record that could
not be read (with its line), and one raw.issue_files row for the file itself.

Identity: a record is its url when it has one (an edited record replaces its article), else its
content (a re-exported file adds nothing already held). Records of one paper and date form one issue;
an undated record is an issue of its own, dated later from its text like a page.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import datetime

from gazette_text.records import Record, RecordError, read_records
from gazette_text.sources import ManifestRow

from .resources import in_list, table_exists
from .rows import IssueFileRow, RecordRow


def read_records_file(
    source_file: str, raw: bytes, defaults: ManifestRow, folder_paper: str | None, seen_at: datetime
) -> tuple[IssueFileRow, list[RecordRow]]:
    """``defaults``: the manifest row of the file (paper, date, page for records that lack them)."""
    sha = hashlib.sha256(raw).hexdigest()
    read = read_records(source_file, raw)
    whole_file_error = next((r.reason for r in read if isinstance(r, RecordError) and r.line is None), None)
    paper = defaults.paper or folder_paper
    rows = [
        _record_row(source_file, item, paper, defaults, seen_at) if isinstance(item, Record)
        else _error_row(source_file, item, seen_at)
        for item in read
        if not (isinstance(item, RecordError) and item.line is None)
    ]
    file_row = IssueFileRow(
        source_file=source_file, file_kind="records", issue_id=None, content_sha256=sha, byte_size=len(raw),
        encoding=None, raw_text=None, manifest_published_on=defaults.published_on, paper=paper, page=defaults.page,
        record_count=sum(1 for row in rows if row.reason is None), seen_at=seen_at, reason=whole_file_error,
    )
    return file_row, rows


def keep_first_seen_records(conn, rows: list[RecordRow]) -> list[RecordRow]:
    """A record read again (in this file or any other) keeps the time its content was first seen:
    of two versions of one record, the one seen later wins (see parse.record_issue_stories)."""
    if not rows or not table_exists(conn, RecordRow.table):
        return rows
    first_seen = dict(
        ((key, sha), seen)
        for key, sha, seen in conn.execute(
            f"select record_key, content_sha256, min(seen_at) from {RecordRow.table}"
            f" where reason is null and {in_list('record_key')} group by all",
            [[row.record_key for row in rows if row.record_key]],
        ).fetchall()
    )
    return [replace(row, seen_at=first_seen.get((row.record_key, row.content_sha256), row.seen_at)) for row in rows]


def _record_row(source_file: str, record: Record, paper: str | None, defaults: ManifestRow, seen_at) -> RecordRow:
    paper = record.paper or paper
    published_on = record.published_on or defaults.published_on
    content = {
        "paper": paper, "published_on": str(published_on) if published_on else record.published_text,
        "page": record.page or defaults.page, "url": record.url, "headline": record.headline, "body": record.body,
        "byline": record.byline,
    }
    content_sha = _sha(json.dumps(content, ensure_ascii=False, sort_keys=True))
    record_key = _sha(f"url\n{record.url}") if record.url else content_sha
    return RecordRow(
        source_file=source_file,
        line=record.line,
        record_key=record_key,
        content_sha256=content_sha,
        issue_id=_issue_id(paper, published_on, record_key),
        paper=paper,
        published_on=published_on,
        published_text=record.published_text,
        page=content["page"],
        url=record.url,
        headline=record.headline,
        body=record.body,
        byline=record.byline,
        raw_record=record.raw,
        seen_at=seen_at,
        reason=None,
    )


def _error_row(source_file: str, error: RecordError, seen_at) -> RecordRow:
    return RecordRow(
        source_file=source_file, line=error.line, record_key=None, content_sha256=None, issue_id=None, paper=None,
        published_on=None, published_text=None, page=None, url=None, headline=None, body=None, byline=None,
        raw_record=error.raw, seen_at=seen_at, reason=error.reason,
    )


def _issue_id(paper: str | None, published_on, record_key: str) -> str:
    """One issue per paper and date; an undated record is an issue of its own."""
    day = str(published_on) if published_on else f"undated\n{record_key}"
    return _sha(f"records\n{paper or ''}\n{day}")[:16]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
