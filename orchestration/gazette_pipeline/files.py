"""What changed in the issues folder since the last look (shared by the sensor and `make refresh`)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from gazette_text.records import RECORD_SUFFIXES
from gazette_text.sources import MANIFEST_NAME

# Page files, and files of article records; anything else in the folder is not ours.
ISSUE_FILE_SUFFIXES = (".txt", *RECORD_SUFFIXES)


@dataclass(frozen=True)
class FileScan:
    all_files: list[str]
    new_or_changed: list[str]
    fingerprints: dict[str, list]  # file name -> [size, mtime_ns, sha256], gone files included

    @property
    def cursor(self) -> str:
        return json.dumps(self.fingerprints, ensure_ascii=False, sort_keys=True)

    def sha256(self, name: str) -> str:
        return self.fingerprints[name][2]


def scan_issue_files(folder: Path, previous: str | None) -> FileScan:
    """Compare the folder with the previous cursor; content is hashed only when size or mtime moved."""
    seen = json.loads(previous) if previous else {}
    current, changed = {}, []
    for name, path in issue_files(folder):
        stat = path.stat()
        old = seen.get(name)
        if old and old[0] == stat.st_size and old[1] == stat.st_mtime_ns:
            current[name] = old
            continue
        sha = _sha256(path)
        current[name] = [stat.st_size, stat.st_mtime_ns, sha]
        if not old or old[2] != sha:
            changed.append(name)
    # Files gone from the folder stay in the cursor: their rows are kept, and a return is no news.
    kept = {name: v for name, v in seen.items() if name not in current}
    return FileScan(
        all_files=sorted(current),
        new_or_changed=changed,
        fingerprints={**kept, **current},
    )


def issue_files(folder: Path) -> list[tuple[str, Path]]:
    """Every page and records file under ``folder``, by its path relative to it (`东山日报/a.txt`), sorted;
    hidden files and folders and the folder's own manifest.csv are not issues."""
    found = []
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if (path.suffix.lower() in ISSUE_FILE_SUFFIXES and name != MANIFEST_NAME
                and not any(part.startswith(".") for part in path.relative_to(folder).parts) and path.is_file()):
            found.append((name, path))
    return sorted(found)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Shared by the sensor and `make run`/`make refresh`: the folder as last seen by any of them.
_SCAN_KEY = "gazette/last_scan"


def last_scan(instance) -> str | None:
    return instance.run_storage.get_cursor_values({_SCAN_KEY}).get(_SCAN_KEY)


def save_scan(instance, scan: FileScan) -> None:
    instance.run_storage.set_cursor_values({_SCAN_KEY: scan.cursor})
