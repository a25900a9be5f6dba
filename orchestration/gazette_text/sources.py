"""Where an issue file comes from: its paper and page, by the first rule that applies.

A record's own field (see records.py) comes first; then a row of the issues folder's
`manifest.csv` (`file,paper,published_on,page`; all but `file` optional); then the first folder under
the issues folder (`东山日报/2024-10-16.txt`: a paper's name), unless that folder is a date
(`2024/10/16/`, `2024-10-16/`: such a folder dates the file like a date in its name does); else
unknown.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

MANIFEST_NAME = "manifest.csv"
_MANIFEST_COLUMNS = ("file", "paper", "published_on", "page")
# A folder named by digits and separators only (`2024`, `2024-10-16`, `10`) is part of a date.
_DATE_FOLDER = re.compile(r"^[\d\-_.年月日]+$")


class ManifestError(ValueError):
    """manifest.csv is unreadable; ``str(err)`` says which line and why."""


@dataclass(frozen=True)
class ManifestRow:
    paper: str | None = None
    published_on: date | None = None
    page: str | None = None


def read_manifest(content: str) -> dict[str, ManifestRow]:
    """File (as a path under the issues folder) -> its manifest row."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = {(name or "").strip() for name in reader.fieldnames or []}
    if "file" not in header or not header & set(_MANIFEST_COLUMNS[1:]):
        raise ManifestError("manifest.csv needs a header line `file,paper,published_on,page` (all but file optional)")
    rows: dict[str, ManifestRow] = {}
    for line_no, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        rows[row["file"]] = ManifestRow(
            paper=row.get("paper") or None,
            published_on=_manifest_date(row.get("published_on"), line_no),
            page=row.get("page") or None,
        )
    return rows


def manifest_row(manifest: dict[str, ManifestRow], source_file: str) -> ManifestRow:
    """The row naming this file by its path, else by its bare name when only one row could mean it."""
    if source_file in manifest:
        return manifest[source_file]
    return manifest.get(PurePosixPath(source_file).name, ManifestRow())


def paper_from_folder(source_file: str) -> str | None:
    """The first folder of the file's path under the issues folder, unless it is part of a date."""
    parts = PurePosixPath(source_file).parts
    if len(parts) < 2 or _DATE_FOLDER.match(parts[0]):
        return None
    return parts[0]


def _manifest_date(text: str | None, line_no: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ManifestError(f"manifest.csv line {line_no}: published_on {text!r} is not a YYYY-MM-DD date") from None
