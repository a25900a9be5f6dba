"""What changed in the issues folder since the last look (shared by the sensor and `make refresh`)."""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gazette_text.records import RECORD_SUFFIXES
from gazette_text.sources import MANIFEST_NAME

# Page files, and files of article records; anything else in the folder is not ours.
ISSUE_FILE_SUFFIXES = (".txt", *RECORD_SUFFIXES)


Fingerprints = dict[str, list]  # file name -> [size, mtime_ns, sha256]
Entry = tuple[str, str, int, int]  # a listed file: name, path, size, mtime_ns


@dataclass(frozen=True)
class FileScan:
    all_files: list[str]
    new_or_changed: list[str]
    fingerprints: Fingerprints  # gone files included

    def sha256(self, name: str) -> str:
        return self.fingerprints[name][2]


@dataclass(frozen=True)
class Listing:
    """The issue files of a folder as the file system describes them: name, path, size and mtime."""

    # sorted by name; the path a str: a Path for each of 100,000 files doubled the time of a listing
    entries: list[Entry]

    @cached_property  # the sensor compares it with its cursor, then stores it (0.07 s at 100,000 files)
    def digest(self) -> str:
        """Changes when a file comes, goes, or is written to: what the sensor's cursor keeps."""
        listed = "\n".join(f"{name}\t{size}\t{mtime}" for name, _, size, mtime in self.entries)
        return hashlib.sha256(listed.encode("utf-8")).hexdigest()


def scan_issue_files(folder: Path, previous: Fingerprints | None, listing: Listing | None = None) -> FileScan:
    """Compare the folder with the previous scan; content is hashed only when size or mtime moved."""
    seen = previous or {}
    current, changed = {}, []
    for name, path, size, mtime in (listing or list_issue_files(folder)).entries:
        old = seen.get(name)
        if old and old[0] == size and old[1] == mtime:
            current[name] = old
            continue
        sha = _sha256(path)
        current[name] = [size, mtime, sha]
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
    return [(name, Path(path)) for name, path, _, _ in list_issue_files(folder).entries]


def list_issue_files(folder: Path) -> Listing:
    """issue_files with their sizes and mtimes."""
    return Listing(sorted(entry for directory in walk_issue_files(str(folder)).values() for entry in directory.files))


# A directory or file whose mtime is this close to the moment it was read may change again without its
# directory's mtime moving: a file still being written, or a coarse file-system clock (2 s on FAT).
# folder_watch.py reads such a directory again after this long, and stats such a file again.
SETTLING_NS = 2_000_000_000


@dataclass(frozen=True)
class Directory:
    """One directory's issue files (not its subdirectories') and its mtime, taken before it was read:
    a file added while it was read leaves the directory newer than this mtime."""

    mtime_ns: int
    read_at_ns: int
    recheck_at_ns: int | None  # when it or a file in it was still settling as it was read: read it then
    files: list[Entry]

    def settled_files(self) -> dict[str, Entry]:
        """Its files by name whose entries hold until its mtime moves."""
        return {entry[0]: entry for entry in self.files if self.read_at_ns - entry[3] >= SETTLING_NS}


def read_directory(path: str, prefix: str, known: dict[str, Entry]) -> tuple[Directory, list[tuple[str, str]]]:
    """The directory at ``path`` (its files named ``prefix`` + name), and its subdirectories' prefixes and
    paths. Files in ``known`` keep their entry without a stat: only the others are statted."""
    mtime = os.stat(path).st_mtime_ns
    read_at = time.time_ns()
    files, subdirectories = [], []
    # os.scandir, not Path.rglob: on 10,000 files rglob took 0.27 s, this 0.10 s
    with os.scandir(path) as entries:
        for entry in entries:
            name = prefix + entry.name
            if name in known:  # first: at 100,000 files the checks below took 0.3 s of a tick
                files.append(known[name])
            elif entry.name.startswith("."):
                continue
            elif entry.is_dir(follow_symlinks=False):
                subdirectories.append((name + "/", entry.path))
            elif _is_issue_file(name) and entry.is_file():
                files.append(_stat_entry(name, entry))
    newest = max([mtime, *(entry[3] for entry in files)])
    recheck_at = read_at + SETTLING_NS if read_at - newest < SETTLING_NS else None
    return Directory(mtime, read_at, recheck_at, files), subdirectories


def walk_issue_files(folder: str, prefix: str = "") -> dict[str, Directory]:
    """Every directory under ``folder`` (itself included) by its prefix: "" for the folder, "sub/"…"""
    found, todo = {}, [(folder, prefix)]
    while todo:
        path, prefix = todo.pop()
        found[prefix], subdirectories = read_directory(path, prefix, {})
        todo += [(sub_path, sub) for sub, sub_path in subdirectories]
    return found


def _stat_entry(name: str, entry: os.DirEntry) -> Entry:
    stat = entry.stat()
    return name, entry.path, stat.st_size, stat.st_mtime_ns


def _is_issue_file(name: str) -> bool:
    # endswith, not splitext: a full listing asks it of every file (0.24 s at 100,000, now 0.03)
    return name.lower().endswith(ISSUE_FILE_SUFFIXES) and name != MANIFEST_NAME


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Shared by the sensor and `make run`/`make refresh`: the folder as last seen by any of them. Kept as
# every file's fingerprint (the base) and the fingerprints changed since: at 100,000 files the base is
# 12 MB of JSON, 0.5 s to write and 0.3 s to parse, which a new file's tick then paid twice.
_BASE_KEY, _CHANGES_KEY = "gazette/last_scan", "gazette/last_scan_changes"
_BASE_REWRITTEN_AT = 2_000  # changed files: the changes are parsed on every tick that saw a change


def last_scan(instance) -> Fingerprints:
    base, changes = _stored(instance)
    return {**base, **changes}


def save_scan(instance, scan: FileScan) -> None:
    base, _ = _stored(instance)
    changes = {name: value for name, value in scan.fingerprints.items() if base.get(name) != value}
    # one key a call: Dagster's set_cursor_values drops the new keys of a call that also updates old ones
    if base and len(changes) < _BASE_REWRITTEN_AT and base.keys() <= scan.fingerprints.keys():
        instance.run_storage.set_cursor_values({_CHANGES_KEY: json.dumps(changes, ensure_ascii=False)})
        return
    # Either half alone (a crash between) only makes the next scan hash some files again.
    instance.run_storage.set_cursor_values({_CHANGES_KEY: "{}"})
    # no sort_keys: the fingerprints come in the listing's order (a third of the time at 100,000 files)
    text = json.dumps(scan.fingerprints, ensure_ascii=False)
    instance.run_storage.set_cursor_values({_BASE_KEY: text})
    _remember(text, scan.fingerprints)  # the next tick reads this base back: no need to parse it


def _stored(instance) -> tuple[Fingerprints, Fingerprints]:
    values = instance.run_storage.get_cursor_values({_BASE_KEY, _CHANGES_KEY})
    return _parsed_base(values.get(_BASE_KEY) or "{}"), json.loads(values.get(_CHANGES_KEY) or "{}")


_parsed: tuple[str, Fingerprints] = ("{}", {})


def _parsed_base(text: str) -> Fingerprints:
    """The base as last parsed or written in this process (the sensor's code server keeps it between
    ticks): the stored text is compared, not parsed again. Callers read it, never change it."""
    if _parsed[0] != text:
        _remember(text, json.loads(text))
    return _parsed[1]


def _remember(text: str, base: Fingerprints) -> None:
    global _parsed
    _parsed = (text, base)
