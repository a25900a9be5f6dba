"""The sensor's watch of ISSUES_DIR: its listing after files come and go equals a full listing, yet an
idle look stats no file and a new file costs one stat."""
from __future__ import annotations

import os
import shutil
import threading
import time

import pytest

from gazette_pipeline import files, folder_watch
from gazette_pipeline.files import list_issue_files
from gazette_pipeline.folder_watch import FolderWatch


def _write(folder, name: str, text: str = "一期报纸") -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _next_clock_tick() -> None:
    """A change made now gets a directory mtime of its own: Linux's file clock moves every 1-10 ms.
    (A change within the same tick is the watch's re-read after settling: tested below.)"""
    time.sleep(0.02)


def _names(listing) -> list[str]:
    return [name for name, *_ in listing.entries]


@pytest.fixture
def folder(tmp_path):
    """An archive that has been there for an hour: nothing in it is still settling."""
    for name in ["a.txt", "b.jsonl", "东山日报/2024/c.txt", "东山日报/d.csv", "notes.md"]:
        _write(tmp_path, name)
    an_hour_ago = time.time() - 3600
    for path in [*tmp_path.rglob("*"), tmp_path]:
        os.utime(path, (an_hour_ago, an_hour_ago))
    return tmp_path


def test_the_watch_follows_files_and_folders_as_a_full_listing_sees_them(folder):
    watch = FolderWatch(folder)
    assert watch.next_listing().entries == list_issue_files(folder).entries
    steps = [
        lambda: _write(folder, "e.txt"),  # a new page in the folder
        lambda: _write(folder, "东山日报/2024/f.txt"),  # … and two levels down
        lambda: (folder / "b.jsonl").unlink(),
        lambda: (folder / "a.txt").rename(folder / "a2.txt"),
        lambda: _write(folder, "西河晚报/2025/03/g.parquet"),  # a new paper's folders, three deep
        lambda: shutil.rmtree(folder / "东山日报" / "2024"),
        lambda: (folder / "西河晚报").rename(folder / "西河晚报_旧"),
        lambda: _write(folder, ".hidden/h.txt"),  # not an issue: hidden
        # a folder replaced by a link to another: a full listing does not follow links to folders
        lambda: shutil.rmtree(folder / "东山日报") or (folder / "东山日报").symlink_to(folder / "西河晚报_旧"),
    ]
    for step in steps:
        _next_clock_tick()
        step()
        assert watch.next_listing().entries == list_issue_files(folder).entries
    assert _names(watch.next_listing()) == ["a2.txt", "e.txt", "西河晚报_旧/2025/03/g.parquet"]


def test_an_idle_look_reads_no_directory_and_stats_no_file(folder, monkeypatch):
    watch = FolderWatch(folder)
    listing = watch.next_listing()
    monkeypatch.setattr(folder_watch, "read_directory", lambda *_: pytest.fail("read an unchanged directory"))
    monkeypatch.setattr(folder_watch, "walk_issue_files", lambda *_: pytest.fail("listed every file"))
    assert watch.next_listing() is listing  # the same object: its digest is not computed again


def test_a_new_file_is_the_only_one_statted(folder, monkeypatch):
    watch = FolderWatch(folder)
    watch.next_listing()
    statted = []
    stat_entry = files._stat_entry
    monkeypatch.setattr(files, "_stat_entry", lambda name, entry: statted.append(name) or stat_entry(name, entry))
    _next_clock_tick()
    _write(folder, "东山日报/new.txt")
    assert "东山日报/new.txt" in _names(watch.next_listing())
    assert statted == ["东山日报/new.txt"]


def test_a_file_written_over_in_place_waits_for_the_full_listing(folder, monkeypatch):
    """It changes no directory's mtime: it is seen when every file is statted again, which a run in
    progress defers, but not for longer than LONGEST_DEFERRAL_SECONDS."""
    watch = FolderWatch(folder)
    before = dict((name, size) for name, _, size, _ in watch.next_listing().entries)
    _next_clock_tick()
    _write(folder, "a.txt", "一期报纸，改过了")
    sizes = lambda listing: dict((name, size) for name, _, size, _ in listing.entries)  # noqa: E731
    assert sizes(watch.next_listing())["a.txt"] == before["a.txt"]
    monkeypatch.setattr(folder_watch, "FULL_LISTING_SECONDS", 0.0)
    assert sizes(watch.next_listing(busy=lambda: True))["a.txt"] == before["a.txt"]
    monkeypatch.setattr(folder_watch, "LONGEST_DEFERRAL_SECONDS", 0.0)
    assert sizes(watch.next_listing(busy=lambda: True))["a.txt"] == (folder / "a.txt").stat().st_size
    _write(folder, "a.txt", "又改了一次，长一些的正文")
    monkeypatch.setattr(folder_watch, "LONGEST_DEFERRAL_SECONDS", 600.0)
    assert sizes(watch.next_listing(busy=lambda: False))["a.txt"] == (folder / "a.txt").stat().st_size


def test_a_directory_read_while_its_mtime_settles_is_read_once_more(folder, monkeypatch):
    """A file added within the same clock tick as the directory was read leaves its mtime as it was:
    a directory read within SETTLING_NS of its mtime is read again once that has passed."""
    monkeypatch.setattr(files, "SETTLING_NS", 1_000_000_000)
    _write(folder, "fresh.txt")  # the folder's mtime is now
    watch = FolderWatch(folder)
    watch.next_listing()
    mtime = (folder).stat().st_mtime_ns
    _write(folder, "same_tick.txt")
    os.utime(folder, ns=(mtime, mtime))  # as if it came in the same tick of the file clock
    assert "same_tick.txt" not in _names(watch.next_listing())
    time.sleep(1.05)
    assert "same_tick.txt" in _names(watch.next_listing())
    # read again after settling, it is settled: the next look reads nothing
    monkeypatch.setattr(folder_watch, "read_directory", lambda *_: pytest.fail("read a settled directory again"))
    watch.next_listing()


def test_a_look_returns_as_soon_as_a_file_comes_or_when_its_wait_is_over(folder):
    watch = FolderWatch(folder)
    listing = watch.next_listing()
    start = time.monotonic()
    assert watch.next_listing(wait=0.5) is listing
    assert time.monotonic() - start >= 0.5
    threading.Timer(0.3, lambda: _write(folder, "dropped.txt")).start()
    start = time.monotonic()
    assert "dropped.txt" in _names(watch.next_listing(wait=10))
    assert time.monotonic() - start < 2


def test_a_folder_that_is_gone_is_an_error(folder):
    watch = FolderWatch(folder)
    watch.next_listing()
    shutil.rmtree(folder)
    with pytest.raises(FileNotFoundError):
        watch.next_listing()


def test_a_file_still_being_written_is_statted_again_until_it_settles(folder, monkeypatch):
    """Its directory's mtime moved when it was created, not as it grows: the watch stats it again."""
    monkeypatch.setattr(files, "SETTLING_NS", 300_000_000)
    watch = FolderWatch(folder)
    watch.next_listing()
    time.sleep(0.35)  # everything listed so far has settled
    _write(folder, "growing.txt", "头版")
    assert ("growing.txt", 6) in [(name, size) for name, _, size, _ in watch.next_listing().entries]
    with open(folder / "growing.txt", "a", encoding="utf-8") as handle:
        handle.write("，正文还在写")
    time.sleep(0.35)
    assert ("growing.txt", 24) in [(name, size) for name, _, size, _ in watch.next_listing().entries]


def test_a_settling_directory_read_again_unchanged_keeps_its_listing(folder, monkeypatch):
    """The second read of a directory that was settling finds what the first found: the listing (and
    the digest the sensor compares) stays the same object."""
    monkeypatch.setattr(files, "SETTLING_NS", 300_000_000)
    _write(folder, "fresh.txt")
    watch = FolderWatch(folder)
    listing = watch.next_listing()
    time.sleep(0.35)
    reads = []
    read_directory = folder_watch.read_directory
    monkeypatch.setattr(folder_watch, "read_directory", lambda *args: reads.append(args[1]) or read_directory(*args))
    assert watch.next_listing() is listing
    assert reads == [""]  # it was read again, and nothing had changed
