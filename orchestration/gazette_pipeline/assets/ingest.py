"""Ingest: every `*.txt` of ISSUES_DIR becomes a raw row (text kept verbatim) or an ingest error."""

import hashlib
import os
from datetime import datetime, timezone
from pathlib import Path

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.decoding import UndecodableIssue, decode_issue
from gazette_text.pubdate import ManifestError, read_manifest

from ..resources import Warehouse, table_exists
from ..partitions import PER_ISSUE, files_of_run
from ..settings import DUCKDB_POOL, issues_dir

def max_file_bytes() -> int:
    """Files over this size (MAX_ISSUE_MB, default 5) are refused unread: an issue is ~10 KB."""
    return int(float(os.environ.get("MAX_ISSUE_MB", "5")) * 1024 * 1024)

ISSUE_FILE_COLUMNS = {
    "source_file": "varchar",
    "issue_id": "varchar",
    "content_sha256": "varchar",
    "byte_size": "bigint",
    "encoding": "varchar",
    "raw_text": "varchar",
    "manifest_published_on": "date",
    "seen_at": "timestamp",
    "reason": "varchar",  # why the file did not become an issue; NULL when it did
}


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
    good, bad, missing = [], [], []
    for name in files_of_run(context):
        path = folder / name
        if not path.is_file():  # removed from the folder: its rows stay until retracted
            missing.append(name)
            continue
        row, error = _read_file(path, manifest, seen_at)
        (good if row else bad).append(row or error)
    if manifest_error:
        bad.append(_error_row("manifest.csv", None, None, manifest_error, seen_at))
    read = [r[0] for r in good + bad] + ["manifest.csv"]  # a fixed manifest clears its old error
    with warehouse.connect() as conn:
        good = _keep_first_seen(conn, good)
        warehouse.replace_rows(conn, "raw.issue_files", ISSUE_FILE_COLUMNS, "source_file", read, good + bad)
    if missing:
        context.log.info(f"{len(missing)} file(s) no longer in {folder}; their rows are kept: {missing[:10]}")
    if bad:
        context.log.warning(f"{len(bad)} file(s) could not be ingested: " + "; ".join(f"{b[0]}: {b[-1]}" for b in bad))
    yield MaterializeResult(
        asset_key=["raw", "issue_files"],
        metadata={
            "issues_dir": str(folder),
            "files_read": len(good),
            "files_missing": len(missing),
            "files_refused": len(bad),
            "distinct_issues": len({row[1] for row in good}),
        },
    )


def _keep_first_seen(conn, rows):
    """A file read again with the same bytes keeps the time it was first seen (which name came first)."""
    if not table_exists(conn, "raw.issue_files"):
        return rows
    known = dict(
        ((name, sha), seen)
        for name, sha, seen in conn.execute(
            "select source_file, content_sha256, seen_at from raw.issue_files"
            " where source_file in (select unnest(?::varchar[]))",
            [[row[0] for row in rows]],
        ).fetchall()
    )
    return [row[:7] + (known.get((row[0], row[2]), row[7]),) + row[8:] for row in rows]


def issue_id_for(text: str) -> str:
    """Identical text under two names, or in two encodings, is one issue."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _read_file(path: Path, manifest, seen_at):
    size, limit = path.stat().st_size, max_file_bytes()
    if size > limit:
        reason = f"file too large: {size} bytes, over the {limit} byte limit (MAX_ISSUE_MB)"
        return None, _error_row(path.name, size, None, reason, seen_at)
    raw = path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    try:
        decoded = decode_issue(raw)
    except UndecodableIssue as err:
        return None, _error_row(path.name, size, sha, str(err), seen_at)
    row = (
        path.name,
        issue_id_for(decoded.text),
        sha,
        size,
        decoded.encoding,
        decoded.text,
        manifest.get(path.name),
        seen_at,
        None,
    )
    return row, None


def _error_row(name, size, sha, reason, seen_at) -> tuple:
    return (name, None, sha, size, None, None, None, seen_at, reason)


def _manifest(folder: Path):
    path = folder / "manifest.csv"
    if not path.exists():
        return {}, None
    try:
        return read_manifest(path.read_text(encoding="utf-8-sig")), None
    except (ManifestError, UnicodeDecodeError) as err:
        return {}, f"manifest ignored: {err}"
