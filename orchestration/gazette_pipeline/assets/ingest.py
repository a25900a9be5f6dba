"""Ingest: every page file (`*.txt`) of ISSUES_DIR becomes a raw row (text kept verbatim), every records
file (`*.jsonl`, `*.csv`, `*.parquet`) a raw row per record; what cannot be read becomes an ingest error."""

import hashlib
import os
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.decoding import UndecodableIssue, decode_issue
from gazette_text.records import RECORD_SUFFIXES
from gazette_text.sources import MANIFEST_NAME, ManifestError, ManifestRow, manifest_row, paper_from_folder, read_manifest

from ..issue_rows import delete_orphaned_rows
from ..partitions import PER_BATCH, files_of_run
from ..record_files import keep_first_seen_records, read_records_file
from ..resources import Warehouse, in_list, table_exists
from ..rows import IssueFileRow, RecordRow
from ..settings import DUCKDB_POOL, batch_files, issues_dir


@multi_asset(
    specs=[
        AssetSpec(["raw", "issue_files"], kinds={"python", "duckdb"},
                  description="Every file of ISSUES_DIR: a page's text decoded and kept verbatim, a records "
                              "file's record count, or why it could not be read."),
        AssetSpec(["raw", "article_records"], kinds={"python", "duckdb"},
                  description="Every record of the records files, as read, or why it could not be read (with its line)."),
    ],
    name="ingest_issue_files",
    group_name="ingest",
    pool=DUCKDB_POOL,
    **PER_BATCH,
)
def ingest_issue_files(context: AssetExecutionContext, warehouse: Warehouse):
    """Read this run's files into raw.issue_files and raw.article_records; a bad file or record gets a
    row with the reason."""
    folder = issues_dir()
    seen_at = datetime.now(timezone.utc).replace(tzinfo=None)
    manifest, manifest_error = _manifest(folder)
    files = files_of_run(context)
    rows, records, missing = [], [], []
    # a batch's worth of text at a time: memory stays flat however many files the run covers
    for start in range(0, len(files), batch_files()):
        stored = _ingest(warehouse, folder, files[start:start + batch_files()], manifest, seen_at)
        rows += [replace(row, raw_text=None) for row in stored.rows]
        records += [replace(row, body=None, raw_record=None) for row in stored.records]
        missing += stored.missing
    manifest_rows = [_error_row(MANIFEST_NAME, None, None, manifest_error, seen_at)] if manifest_error else []
    rows += manifest_rows
    with warehouse.connect() as conn:
        # a fixed manifest clears its old error
        warehouse.replace_rows(conn, IssueFileRow, manifest_rows, "source_file = ?", [MANIFEST_NAME])
        # an edited file's old issue is held by no file now: its rows go everywhere
        orphaned = delete_orphaned_rows(conn)
    good = [row for row in rows if row.reason is None]
    bad = [row for row in rows if row.reason is not None]
    bad_records = [row for row in records if row.reason is not None]
    if missing:
        context.log.info(f"{len(missing)} file(s) no longer in {folder}; their rows are kept: {missing[:10]}")
    if bad:
        context.log.warning(f"{len(bad)} file(s) could not be ingested: "
                            + "; ".join(f"{row.source_file}: {row.reason}" for row in bad))
    if bad_records:
        context.log.warning(f"{len(bad_records)} record(s) could not be read: "
                            + "; ".join(f"{row.source_file}: {row.reason}" for row in bad_records[:20]))
    if orphaned:
        context.log.info(f"removed the rows of {len(orphaned)} issue(s) whose files changed: {orphaned[:10]}")
    yield MaterializeResult(
        asset_key=["raw", "issue_files"],
        metadata={
            "issues_dir": str(folder),
            "files_read": len(good),
            "files_missing": len(missing),
            "files_refused": len(bad),
            "distinct_issues": len({row.issue_id for row in good if row.issue_id}),
            "issues_removed": len(orphaned),
        },
    )
    yield MaterializeResult(
        asset_key=["raw", "article_records"],
        metadata={
            "records_read": len(records) - len(bad_records),
            "records_refused": len(bad_records),
            "record_issues": len({row.issue_id for row in records if row.issue_id}),
        },
    )


@dataclass(frozen=True)
class _Stored:
    rows: list[IssueFileRow]
    records: list[RecordRow]
    missing: list[str]


def _ingest(warehouse: Warehouse, folder: Path, names: list[str], manifest, seen_at) -> _Stored:
    """Read ``names`` and replace their raw rows."""
    rows, records, missing = [], [], []
    for name in names:
        path = folder / name
        if not path.is_file():  # removed from the folder: its rows stay until retracted
            missing.append(name)
        elif path.suffix.lower() in RECORD_SUFFIXES:
            file_row, file_records = _read_records(path, name, manifest, seen_at)
            rows.append(file_row)
            records += file_records
        else:
            rows.append(_read_file(path, name, manifest, seen_at))
    read = [row.source_file for row in rows]
    with warehouse.connect() as conn:
        rows = keep_first_seen(conn, rows)
        records = keep_first_seen_records(conn, records)
        warehouse.replace_rows(conn, IssueFileRow, rows, in_list("source_file"), [read])
        warehouse.replace_rows(conn, RecordRow, records, in_list("source_file"), [read])
    return _Stored(rows, records, missing)


def keep_first_seen(conn, rows: list[IssueFileRow]) -> list[IssueFileRow]:
    """A file read again with the same bytes keeps the time it was first seen.

    That time decides which of several names with the same content is the issue's file (the first
    seen, see parse.issues_of_files): re-reading every file (`make run`) must not change it.
    """
    if not table_exists(conn, IssueFileRow.table):
        return rows
    first_seen = {
        (name, sha): seen
        for name, sha, seen in conn.execute(
            f"select source_file, content_sha256, seen_at from {IssueFileRow.table}"
            f" where reason is null and {in_list('source_file')}",
            [[row.source_file for row in rows]],
        ).fetchall()
    }
    return [replace(row, seen_at=first_seen.get((row.source_file, row.content_sha256), row.seen_at)) for row in rows]


def issue_id_for(text: str) -> str:
    """Identical text under two names, or in two encodings, is one issue."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def max_file_bytes() -> int:
    """Files over this size (MAX_ISSUE_MB, default 5) are refused unread: an issue is ~10 KB."""
    return int(float(os.environ.get("MAX_ISSUE_MB", "5")) * 1024 * 1024)


def max_records_bytes() -> int:
    """Records files over this size (MAX_RECORDS_MB, default 512) are refused unread: they are read whole."""
    return int(float(os.environ.get("MAX_RECORDS_MB", "512")) * 1024 * 1024)


def _read_file(path: Path, name: str, manifest: dict[str, ManifestRow], seen_at: datetime) -> IssueFileRow:
    size, limit = path.stat().st_size, max_file_bytes()
    if size > limit:
        reason = f"file too large: {size} bytes, over the {limit} byte limit (MAX_ISSUE_MB)"
        return _error_row(name, size, None, reason, seen_at)
    raw = path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    try:
        decoded = decode_issue(raw)
    except UndecodableIssue as err:
        return _error_row(name, size, sha, str(err), seen_at)
    listed = manifest_row(manifest, name)
    return IssueFileRow(
        source_file=name,
        file_kind="page",
        issue_id=issue_id_for(decoded.text),
        content_sha256=sha,
        byte_size=size,
        encoding=decoded.encoding,
        raw_text=decoded.text,
        manifest_published_on=listed.published_on,
        paper=listed.paper or paper_from_folder(name),
        page=listed.page,
        record_count=None,
        seen_at=seen_at,
        reason=None,
    )


def _read_records(path: Path, name: str, manifest, seen_at: datetime) -> tuple[IssueFileRow, list[RecordRow]]:
    size, limit = path.stat().st_size, max_records_bytes()
    if size > limit:
        reason = f"file too large: {size} bytes, over the {limit} byte limit (MAX_RECORDS_MB)"
        return _error_row(name, size, None, reason, seen_at, "records"), []
    file_row, records = read_records_file(name, path.read_bytes(), manifest_row(manifest, name),
                                          paper_from_folder(name), seen_at)
    if file_row.reason is None and not records:
        file_row = replace(file_row, reason="no records in the file")
    return file_row, records


def _error_row(name, size, sha, reason, seen_at, file_kind="page") -> IssueFileRow:
    return IssueFileRow(
        source_file=name, file_kind=file_kind, issue_id=None, content_sha256=sha, byte_size=size, encoding=None,
        raw_text=None, manifest_published_on=None, paper=None, page=None, record_count=None, seen_at=seen_at,
        reason=reason,
    )


def _manifest(folder: Path):
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {}, None
    try:
        return read_manifest(path.read_text(encoding="utf-8-sig")), None
    except (ManifestError, UnicodeDecodeError) as err:
        return {}, f"manifest ignored: {err}"
