"""Refresh as issues arrive: the sensor's run requests, and which files a refresh reads.

Refreshes that build a warehouse are in test_e2e.py, where they share its builds.
"""
from __future__ import annotations

import os
import shutil
import time

import pytest

from dagster import DagsterInstance, SkipReason, build_sensor_context

from conftest import SEEDS
from gazette_pipeline import code_version as versions
from gazette_pipeline import folder_watch
from gazette_pipeline.files import last_scan
from gazette_pipeline.partitions import batch_files_of, forget_files, register_batches
from gazette_pipeline.sensors import issue_files_sensor

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def _ticks_do_not_wait(monkeypatch):
    """A tick under `make ui` watches the folder for seconds (folder_watch.py); these look once."""
    monkeypatch.setenv("GAZETTE_SENSOR_WATCH_SECONDS", "0")


def _tick(instance, cursor):
    return issue_files_sensor(build_sensor_context(instance=instance, cursor=cursor))


def _an_hour_old(path) -> None:
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))


def _batches(instance) -> list[str]:
    return instance.get_dynamic_partitions("file_batches")


def test_sensor_new_same_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])
    _an_hour_old(tmp_path / SEED_FILES[0])  # not a file still being written (folder_watch.py)

    first = _tick(instance, None)
    (request,) = first.run_requests
    assert request.partition_key == _batches(instance)[0]
    assert batch_files_of(instance, [request.partition_key]) == [SEED_FILES[0]]

    same = _tick(instance, first.cursor)
    assert isinstance(same, SkipReason)

    shutil.copy(SEEDS / SEED_FILES[1], tmp_path / "新的 一期.txt")
    (tmp_path / SEED_FILES[0]).write_text("改过的一期。\n" + (SEEDS / SEED_FILES[0]).read_text(), encoding="utf-8")
    new = _tick(instance, first.cursor)
    (request,) = new.run_requests
    assert batch_files_of(instance, [request.partition_key]) == ["新的 一期.txt"]
    # a file written over in place changes no directory: it waits for the watch's next full listing
    monkeypatch.setattr(folder_watch, "FULL_LISTING_SECONDS", 0.0)
    changed = _tick(instance, new.cursor)
    (request,) = changed.run_requests
    # the changed file makes a new batch of its own
    assert len(_batches(instance)) == 3 and request.partition_key == _batches(instance)[2]
    assert batch_files_of(instance, [request.partition_key]) == [SEED_FILES[0]]
    assert request.run_key != first.run_requests[0].run_key


def test_many_new_files_are_one_run_of_batches(tmp_path, monkeypatch):
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    monkeypatch.setenv("GAZETTE_BATCH_FILES", "2")
    instance = DagsterInstance.ephemeral()
    for name in SEED_FILES:
        shutil.copy(SEEDS / name, tmp_path / name)
    (request,) = _tick(instance, None).run_requests
    batches = _batches(instance)
    assert len(batches) == 3  # five files, two a batch
    assert request.partition_key is None
    assert request.tags["dagster/asset_partition_range_start"] == batches[0]
    assert request.tags["dagster/asset_partition_range_end"] == batches[-1]
    assert [len(batch_files_of(instance, [b])) for b in batches] == [2, 2, 1]
    assert batch_files_of(instance, batches) == SEED_FILES


def test_sensor_keeps_files_that_disappear(tmp_path, monkeypatch):
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])
    first = _tick(instance, None)
    (tmp_path / SEED_FILES[0]).unlink()
    gone = _tick(instance, first.cursor)
    assert not gone.run_requests and gone.skip_reason
    assert SEED_FILES[0] in last_scan(instance)
    assert isinstance(_tick(instance, gone.cursor), SkipReason)


def test_an_idle_tick_compares_the_listing_only(tmp_path, monkeypatch):
    """The cursor is a digest of names, sizes and mtimes: an idle tick neither reads the stored scan
    nor hashes a file, nor stats one (folder_watch.py), whatever the archive's size."""
    from gazette_pipeline import files, sensors

    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    for name in SEED_FILES[:2]:
        shutil.copy(SEEDS / name, tmp_path / name)
    first = _tick(instance, None)
    assert len(first.cursor) == 64
    monkeypatch.setattr(sensors, "last_scan", lambda _instance: pytest.fail("an idle tick read the scan"))
    monkeypatch.setattr(files, "_sha256", lambda _path: pytest.fail("an idle tick hashed a file"))
    monkeypatch.setattr(files, "_stat_entry", lambda *_: pytest.fail("an idle tick statted a file"))
    assert isinstance(_tick(instance, first.cursor), SkipReason)


def test_a_tick_watches_the_folder_until_a_file_comes(tmp_path, monkeypatch):
    """Under `make ui` a tick watches for seconds: a file dropped meanwhile is that tick's run."""
    import threading

    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    monkeypatch.setenv("GAZETTE_SENSOR_WATCH_SECONDS", "10")
    instance = DagsterInstance.ephemeral()
    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])
    first = _tick(instance, None)
    threading.Timer(0.3, lambda: shutil.copy(SEEDS / SEED_FILES[1], tmp_path / SEED_FILES[1])).start()
    start = time.monotonic()
    (request,) = _tick(instance, first.cursor).run_requests
    assert time.monotonic() - start < 3
    assert batch_files_of(instance, [request.partition_key]) == [SEED_FILES[1]]


def test_the_listing_skips_hidden_files_other_suffixes_and_the_manifest(tmp_path):
    from gazette_pipeline.files import issue_files

    for name in ["a.txt", "B.TXT", "sub/c.jsonl", "sub/.hidden.txt", ".git/d.txt", "notes.md", "manifest.csv",
                 "sub/manifest.csv", "e.parquet"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [name for name, _ in issue_files(tmp_path)] == ["B.TXT", "a.txt", "e.parquet", "sub/c.jsonl", "sub/manifest.csv"]


def test_batches_made_within_one_second_get_their_own_keys(tmp_path):
    instance = DagsterInstance.ephemeral()
    first = register_batches(instance, SEED_FILES[:2])
    second = register_batches(instance, SEED_FILES[:2])  # the same files again: a re-read, a new batch
    assert len(set(first + second)) == 2 and _batches(instance) == first + second
    assert sorted(first + second) == first + second  # made later, sorted later: one range of keys
    assert register_batches(instance, []) == []


def test_a_retracted_file_leaves_its_batches(tmp_path):
    instance = DagsterInstance.ephemeral()
    alone, shared = register_batches(instance, SEED_FILES[:1]), register_batches(instance, SEED_FILES[:3])
    forget_files(instance, SEED_FILES[:1])
    assert _batches(instance) == shared  # its own batch went
    assert batch_files_of(instance, shared) == SEED_FILES[1:3]
    assert alone[0] not in _batches(instance)


def test_refresh_also_reads_files_an_earlier_run_never_stored(tmp_path, monkeypatch):
    from gazette_pipeline.build import not_in_warehouse
    from gazette_pipeline.files import scan_issue_files
    from gazette_pipeline.resources import Warehouse

    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])
    shutil.copy(SEEDS / SEED_FILES[1], tmp_path / SEED_FILES[1])
    scan = scan_issue_files(tmp_path, None)
    warehouse = Warehouse(path=str(tmp_path / "wh.duckdb"))
    assert not_in_warehouse(scan, warehouse) == SEED_FILES[:2]  # nothing stored yet
    with warehouse.connect() as conn:
        conn.execute("create schema raw")
        conn.execute("create table raw.issue_files (source_file varchar, content_sha256 varchar)")
        conn.execute("insert into raw.issue_files values (?, ?)", [SEED_FILES[0], scan.sha256(SEED_FILES[0])])
    # the scan saw both, but the run for the second one never wrote it
    assert not_in_warehouse(scan_issue_files(tmp_path, scan.fingerprints), warehouse) == [SEED_FILES[1]]


def test_the_code_version_changes_with_any_source_and_only_then(tmp_path, monkeypatch):
    """What makes `make run` read every file again: any change to the parser, the pipeline or a model."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("x = 1", encoding="utf-8")
    monkeypatch.setattr(versions, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(versions, "_SOURCES", [(tmp_path / "pkg", "*.py")])
    first = versions.code_version()
    assert versions.code_version() == first
    (tmp_path / "pkg" / "a.py").write_text("x = 2", encoding="utf-8")
    edited = versions.code_version()
    (tmp_path / "pkg" / "b.py").write_text("", encoding="utf-8")
    assert len({first, edited, versions.code_version()}) == 3


def test_the_real_code_version_covers_parser_pipeline_and_models():
    folders = {folder.name for folder, _ in versions._SOURCES}
    assert {"gazette_text", "gazette_pipeline", "models", "macros"} <= folders


def test_a_new_file_stores_only_the_changes_and_every_reader_sees_the_whole_scan(tmp_path, monkeypatch):
    """The scan is kept as a base and the changes since: a new file among 100,000 no longer rewrites
    (and re-parses) every file's fingerprint. A reader in another process sees base and changes as one."""
    from gazette_pipeline import files
    from gazette_pipeline.files import last_scan, save_scan, scan_issue_files

    monkeypatch.setattr(files, "_BASE_REWRITTEN_AT", 2)
    instance = DagsterInstance.ephemeral()
    stored = lambda key: instance.run_storage.get_cursor_values({key}).get(key)  # noqa: E731
    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])
    save_scan(instance, first := scan_issue_files(tmp_path, last_scan(instance)))
    base = stored(files._BASE_KEY)
    assert list(last_scan(instance)) == [SEED_FILES[0]]

    shutil.copy(SEEDS / SEED_FILES[1], tmp_path / SEED_FILES[1])
    save_scan(instance, second := scan_issue_files(tmp_path, last_scan(instance)))
    assert second.new_or_changed == [SEED_FILES[1]]
    assert stored(files._BASE_KEY) == base  # one change: the base stays as it was
    monkeypatch.setattr(files, "_parsed", ("{}", {}))  # as a fresh process finds it
    assert last_scan(instance) == second.fingerprints != first.fingerprints

    for name in SEED_FILES[2:4]:  # two more changes since the base: it is written again, whole
        shutil.copy(SEEDS / name, tmp_path / name)
    save_scan(instance, third := scan_issue_files(tmp_path, last_scan(instance)))
    assert stored(files._BASE_KEY) != base and stored(files._CHANGES_KEY) == "{}"
    assert files._parsed == (stored(files._BASE_KEY), third.fingerprints)  # the next tick parses nothing
    assert last_scan(instance) == third.fingerprints and len(third.fingerprints) == 4
    assert scan_issue_files(tmp_path, last_scan(instance)).new_or_changed == []
