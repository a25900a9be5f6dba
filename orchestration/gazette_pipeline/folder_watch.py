"""The sensor's view of ISSUES_DIR between its ticks, kept in the code server's process.

A file added to, renamed in or removed from a directory changes the directory's mtime, so a tick stats
the folder's directories, not the 100,000 files in them (0.7-1.0 s, every 5 s, which slowed a run's dbt
step beside it by ~0.7 s), and reads again only a directory that changed, statting only its new names.
A file still being written when it was read is statted again until its mtime settles (files.py). A
file written over later, in place, changes no directory: every file is statted again every
FULL_LISTING_SECONDS, and not while a run is in progress unless that has lasted LONGEST_DEFERRAL_SECONDS.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .files import Directory, Entry, Listing, read_directory, walk_issue_files

FULL_LISTING_SECONDS = 30.0
LONGEST_DEFERRAL_SECONDS = 600.0
POLL_SECONDS = 0.25  # while a tick watches: a stat of each directory, four times a second


class FolderWatch:
    """A folder's listing, brought up to date from its directories' mtimes."""

    def __init__(self, folder: Path):
        self.folder = str(folder)
        self._directories: dict[str, Directory] = {}  # by prefix: "" for the folder, "东山日报/"…
        self._listing: Listing | None = None
        self._listed_every_file_at = 0.0  # time.monotonic()
        # the daemon's tick and the UI's "Test sensor" may look at once, in two threads of the code server
        self._lock = threading.Lock()

    def next_listing(self, wait: float = 0.0, busy: Callable[[], bool] = lambda: False) -> Listing:
        """The folder's listing as soon as a directory changes, or after ``wait`` seconds unchanged (the
        same Listing object, its digest already computed). Every file is statted on the first call and
        when a full listing is due; ``busy`` says a run is in progress, which defers a due listing."""
        with self._lock:
            return self._next_listing(wait, busy)

    def _next_listing(self, wait: float, busy: Callable[[], bool]) -> Listing:
        if self._listing is None or self._full_listing_due(busy):
            return self._list_every_file()
        deadline = time.monotonic() + wait
        while not (changed := self._changed_directories()) and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
        if changed:
            self._read_again(changed)
        return self._listing

    def _full_listing_due(self, busy: Callable[[], bool]) -> bool:
        age = time.monotonic() - self._listed_every_file_at
        return age >= FULL_LISTING_SECONDS and (age >= LONGEST_DEFERRAL_SECONDS or not busy())

    def _list_every_file(self) -> Listing:
        self._listed_every_file_at = time.monotonic()
        self._directories = walk_issue_files(self.folder)
        return self._relisted()

    def _changed_directories(self) -> list[str]:
        now, changed = time.time_ns(), []
        for prefix, directory in self._directories.items():
            try:
                mtime = os.stat(self._path(prefix)).st_mtime_ns
            except OSError:  # gone, or no longer a directory: its parent changed too
                mtime = None
            recheck_due = directory.recheck_at_ns is not None and now >= directory.recheck_at_ns
            if mtime != directory.mtime_ns or recheck_due:
                changed.append(prefix)
        return changed

    def _read_again(self, prefixes: list[str]) -> None:
        before = {prefix: directory.files for prefix, directory in self._directories.items()}
        for prefix in sorted(prefixes, key=len):  # parents first: a parent's read may forget its child
            if prefix in self._directories:
                self._read_one_again(prefix)
        # a settling directory read again unchanged keeps its Listing: no sort, no digest (0.2 s at 100,000)
        if before != {prefix: directory.files for prefix, directory in self._directories.items()}:
            self._relisted()

    def _read_one_again(self, prefix: str) -> None:
        known = self._directories[prefix].settled_files()
        try:
            directory, subdirectories = read_directory(self._path(prefix), prefix, known)
        except (FileNotFoundError, NotADirectoryError):
            if not prefix:  # the folder itself: as a full listing would, say so
                raise
            self._forget(prefix)
            return
        self._directories[prefix] = directory
        present = {sub for sub, _ in subdirectories}
        for child in [p for p in self._directories if _is_child(p, prefix) and p not in present]:
            self._forget(child)
        for sub, path in subdirectories:
            if sub not in self._directories:
                self._directories.update(walk_issue_files(path, sub))

    def _forget(self, prefix: str) -> None:
        for gone in [p for p in self._directories if p.startswith(prefix)]:
            del self._directories[gone]

    def _relisted(self) -> Listing:
        entries: list[Entry] = [entry for directory in self._directories.values() for entry in directory.files]
        self._listing = Listing(sorted(entries))
        return self._listing

    def _path(self, prefix: str) -> str:
        return os.path.join(self.folder, prefix)


def _is_child(prefix: str, parent: str) -> bool:
    return prefix != parent and prefix.startswith(parent) and "/" not in prefix[len(parent):-1]


_watches: dict[str, FolderWatch] = {}
_watches_lock = threading.Lock()


def watch(folder: Path) -> FolderWatch:
    """The watch of ``folder`` this process keeps (the code server's, between the sensor's ticks)."""
    with _watches_lock:
        return _watches.setdefault(str(folder), FolderWatch(folder))
