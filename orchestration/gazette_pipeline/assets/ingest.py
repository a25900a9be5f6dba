"""Ingest: every `*.txt` of ISSUES_DIR becomes a raw row (text kept verbatim) or an ingest error."""

import hashlib
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.decoding import UndecodableIssue, decode_issue
from gazette_text.pubdate import ManifestError, read_manifest

from ..issue_rows import delete_orphaned_rows
from ..partitions import PER_ISSUE, files_of_run
from ..resources import Warehouse, in_list, table_exists
from ..rows import IssueFileRow
from ..settings import DUCKDB_POOL, issues_dir

_MANIFEST = "manifest.csv"


@multi_asset(
    specs=[
        AssetSpec(["raw", "issue_files"], kinds={"python", "duckdb"},
                  description="Every file of ISSUES_DIR: its text decoded and kept verbatim, or why it could not be read."),
    ],
    name="ingest_issue_files",
    group_name="ingest",
    pool=DUCKDB_POOL,
    **PER_ISSUE,
)
def ingest_issue_files(context: AssetExecutionContext, warehouse: Warehouse):
    """Read this run's issue files into raw.issue_files; a bad file gets a row with the reason."""
    folder = issues_dir()
    seen_at = datetime.now(timezone.utc).replace(tzinfo=None)
    manifest, manifest_error = _manifest(folder)
    rows, missing = [], []
    for name in files_of_run(context):
        path = folder / name
        if path.is_file():
            rows.append(_read_file(path, manifest, seen_at))
        else:  # removed from the folder: its rows stay until retracted
            missing.append(name)
    if manifest_error:
        rows.append(_error_row(_MANIFEST, None, None, manifest_error, seen_at))
    read = [row.source_file for row in rows] + [_MANIFEST]  # a fixed manifest clears its old error
    with warehouse.connect() as conn:
        rows = keep_first_seen(conn, rows)
        warehouse.replace_rows(conn, IssueFileRow, rows, in_list("source_file"), [read])
        # an edited file's old issue is held by no file now: its rows go everywhere
        orphaned = delete_orphaned_rows(conn)
    good = [row for row in rows if row.reason is None]
    bad = [row for row in rows if row.reason is not None]
    if missing:
        context.log.info(f"{len(missing)} file(s) no longer in {folder}; their rows are kept: {missing[:10]}")
    if bad:
        context.log.warning(f"{len(bad)} file(s) could not be ingested: "
                            + "; ".join(f"{row.source_file}: {row.reason}" for row in bad))
    if orphaned:
        context.log.info(f"removed the rows of {len(orphaned)} issue(s) whose files changed: {orphaned[:10]}")
    yield MaterializeResult(
        asset_key=["raw", "issue_files"],
        metadata={
            "issues_dir": str(folder),
            "files_read": len(good),
            "files_missing": len(missing),
            "files_refused": len(bad),
            "distinct_issues": len({row.issue_id for row in good}),
            "issues_removed": len(orphaned),
        },
    )


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
            f" where issue_id is not null and {in_list('source_file')}",
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


def _read_file(path: Path, manifest: dict, seen_at: datetime) -> IssueFileRow:
    size, limit = path.stat().st_size, max_file_bytes()
    if size > limit:
        reason = f"file too large: {size} bytes, over the {limit} byte limit (MAX_ISSUE_MB)"
        return _error_row(path.name, size, None, reason, seen_at)
    raw = path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    try:
        decoded = decode_issue(raw)
    except UndecodableIssue as err:
        return _error_row(path.name, size, sha, str(err), seen_at)
    return IssueFileRow(
        source_file=path.name,
        issue_id=issue_id_for(decoded.text),
        content_sha256=sha,
        byte_size=size,
        encoding=decoded.encoding,
        raw_text=decoded.text,
        manifest_published_on=manifest.get(path.name),
        seen_at=seen_at,
        reason=None,
    )


def _error_row(name, size, sha, reason, seen_at) -> IssueFileRow:
    return IssueFileRow(
        source_file=name, issue_id=None, content_sha256=sha, byte_size=size, encoding=None, raw_text=None,
        manifest_published_on=None, seen_at=seen_at, reason=reason,
    )


def _manifest(folder: Path):
    path = folder / _MANIFEST
    if not path.exists():
        return {}, None
    try:
        return read_manifest(path.read_text(encoding="utf-8-sig")), None
    except (ManifestError, UnicodeDecodeError) as err:
        return {}, f"manifest ignored: {err}"
