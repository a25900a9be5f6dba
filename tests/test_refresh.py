"""Refresh as issues arrive: the sensor's run requests, and which files a refresh reads.

Refreshes that build a warehouse are in test_e2e.py, where they share its builds.
"""
from __future__ import annotations

import json
import shutil

from dagster import DagsterInstance, SkipReason, build_sensor_context

from conftest import SEEDS
from gazette_pipeline.partitions import register_issue_files
from gazette_pipeline.sensors import issue_files_sensor

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _tick(instance, cursor):
    return issue_files_sensor(build_sensor_context(instance=instance, cursor=cursor))


def test_sensor_new_same_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])

    first = _tick(instance, None)
    assert [r.partition_key for r in first.run_requests] == [SEED_FILES[0]]
    assert instance.get_dynamic_partitions("issue_files") == [SEED_FILES[0]]

    same = _tick(instance, first.cursor)
    assert isinstance(same, SkipReason)

    (tmp_path / SEED_FILES[0]).write_text("改过的一期。\n" + (SEEDS / SEED_FILES[0]).read_text(), encoding="utf-8")
    shutil.copy(SEEDS / SEED_FILES[1], tmp_path / "新的 一期.txt")
    changed = _tick(instance, first.cursor)
    assert sorted(r.partition_key for r in changed.run_requests) == sorted([SEED_FILES[0], "新的 一期.txt"])
    # the changed file keeps its partition; only the new name is registered
    assert instance.get_dynamic_partitions("issue_files") == [SEED_FILES[0], "新的 一期.txt"]
    assert len({r.run_key for r in changed.run_requests} | {r.run_key for r in first.run_requests}) == 3


def test_many_new_files_are_one_run(tmp_path, monkeypatch):
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    for name in SEED_FILES:
        shutil.copy(SEEDS / name, tmp_path / name)
    (request,) = _tick(instance, None).run_requests
    assert request.partition_key is None
    assert request.tags["dagster/asset_partition_range_start"] == SEED_FILES[0]
    assert request.tags["dagster/asset_partition_range_end"] == SEED_FILES[-1]
    assert instance.get_dynamic_partitions("issue_files") == SEED_FILES


def test_sensor_keeps_files_that_disappear(tmp_path, monkeypatch):
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    shutil.copy(SEEDS / SEED_FILES[0], tmp_path / SEED_FILES[0])
    first = _tick(instance, None)
    (tmp_path / SEED_FILES[0]).unlink()
    gone = _tick(instance, first.cursor)
    assert isinstance(gone, SkipReason)
    assert SEED_FILES[0] in json.loads(first.cursor)


def test_the_sensor_and_the_builds_register_files_one_way(tmp_path, monkeypatch):
    """A file build() registered is no new partition to the sensor, and the reverse."""
    monkeypatch.setenv("ISSUES_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    assert register_issue_files(instance, SEED_FILES[1:2]) == SEED_FILES[1:2]  # as build() does
    for name in SEED_FILES[:2]:
        shutil.copy(SEEDS / name, tmp_path / name)
    tick = _tick(instance, None)
    assert sorted(r.partition_key for r in tick.run_requests) == SEED_FILES[:2]  # one run each
    assert instance.get_dynamic_partitions("issue_files") == [SEED_FILES[1], SEED_FILES[0]]
    assert register_issue_files(instance, SEED_FILES[:2]) == []


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
    assert not_in_warehouse(scan_issue_files(tmp_path, scan.cursor), warehouse) == [SEED_FILES[1]]
