"""Refresh as issues arrive: the sensor's run requests, and per-issue rebuilds of the warehouse."""
from __future__ import annotations

import json
import shutil

import pytest
from dagster import DagsterInstance, SensorResult, SkipReason, build_sensor_context

from conftest import SEEDS, warehouse_rows as _rows
from gazette_pipeline.build import build
from gazette_pipeline.definitions import build_definitions
from gazette_pipeline.sensors import issue_files_sensor

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _tick(instance, cursor):
    result = issue_files_sensor(build_sensor_context(instance=instance, cursor=cursor))
    if isinstance(result, SensorResult):
        for request in result.dynamic_partitions_requests:
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


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




def _built_folder(tmp_path, monkeypatch, files):
    """A folder holding ``files`` of the seeds, built into a fresh warehouse: (folder, warehouse, instance, defs)."""
    folder, warehouse = tmp_path / "issues", tmp_path / "wh.duckdb"
    folder.mkdir()
    monkeypatch.setenv("ISSUES_DIR", str(folder))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    for name in files:
        shutil.copy(SEEDS / name, folder / name)
    instance, defs = DagsterInstance.ephemeral(), build_definitions(str(warehouse))
    assert build(instance, defs, files)
    return folder, warehouse, instance, defs


@pytest.mark.e2e
def test_new_issue_is_parsed_alone_and_edits_replace_rows(tmp_path, monkeypatch):
    folder, warehouse, instance, defs = _built_folder(tmp_path, monkeypatch, SEED_FILES[:4])
    before = dict(_rows(warehouse, "select issue_id, parsed_at from parsed.issues"))

    shutil.copy(SEEDS / SEED_FILES[4], folder / SEED_FILES[4])
    assert build(instance, defs, [SEED_FILES[4]])
    after = dict(_rows(warehouse, "select issue_id, parsed_at from parsed.issues"))
    assert {k: after[k] for k in before} == before  # no other issue re-parsed
    assert _rows(warehouse, "select count(*) from marts.issues") == [(5,)]
    assert _rows(warehouse, "select count(*) from marts.articles") == [(24,)]

    shutil.copy(SEEDS / SEED_FILES[4], folder / "same issue again.txt")
    assert build(instance, defs, ["same issue again.txt"])
    assert _rows(warehouse, "select count(*) from marts.articles") == [(24,)]

    edited = folder / SEED_FILES[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("钱全 摄", "钱全 李四 摄"), encoding="utf-8")
    assert build(instance, defs, [SEED_FILES[0]])
    assert _rows(warehouse, "select count(*) from marts.issues") == [(5,)]
    assert _rows(warehouse, "select count(*) from marts.articles") == [(24,)]
    orphans = "select count(*) from marts.{} where issue_id not in (select issue_id from marts.issues)"
    for mart in ("articles", "statistics", "meetings", "meeting_participants", "people_mentions"):
        assert _rows(warehouse, orphans.format(mart)) == [(0,)], mart
    assert _rows(warehouse, "select list_sort(photographers) from marts.articles where body like '礼嘉振兴%'") == [
        (["李四", "钱全"],)
    ]


@pytest.mark.e2e
def test_a_run_stopped_before_the_marts_ends_like_an_uninterrupted_one(tmp_path, monkeypatch):
    from dagster import materialize

    monkeypatch.setenv("ISSUES_DIR", str(SEEDS))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "a.duckdb"))
    interrupted, clean = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    instance, defs = DagsterInstance.ephemeral(), build_definitions(str(interrupted))
    assert build(instance, defs, SEED_FILES[:2])
    # stopped midway: the next issues parsed, the marts not yet rebuilt
    per_issue = [a for a in defs.assets if a.partitions_def is not None]
    instance.add_dynamic_partitions("issue_files", SEED_FILES[2:])
    materialize(per_issue, instance=instance, resources=defs.resources, partition_key=SEED_FILES[2])
    assert build(instance, defs, SEED_FILES)

    monkeypatch.setenv("WAREHOUSE_PATH", str(clean))
    assert build(DagsterInstance.ephemeral(), build_definitions(str(clean)), SEED_FILES)
    for sql in (
        "select article_id, kind, headline, event_date from marts.articles order by 1",
        "select stat_id, value, unit from marts.statistics order by 1",
        "select meeting_id, chair, participants from marts.meetings order by 1",
        "select project_id, company, article_ids from marts.projects order by 1",
    ):
        assert _rows(interrupted, sql) == _rows(clean, sql), sql


@pytest.mark.e2e
def test_removed_file_keeps_its_rows_until_retracted(tmp_path, monkeypatch):
    from gazette_pipeline.build import retract

    folder, warehouse, instance, defs = _built_folder(tmp_path, monkeypatch, SEED_FILES[:2])

    (folder / SEED_FILES[0]).unlink()
    assert build(instance, defs, SEED_FILES[:2], full_refresh=True)
    assert _rows(warehouse, "select count(*) from marts.issues") == [(2,)]  # nothing lost

    assert retract(instance, defs, [SEED_FILES[0]], defs.resources["warehouse"])
    assert _rows(warehouse, "select source_file from marts.issues") == [(SEED_FILES[1],)]
    for mart in ("articles", "statistics", "meetings", "people_mentions", "leftovers"):
        left = f"select count(*) from marts.{mart} where issue_id not in (select issue_id from marts.issues)"
        assert _rows(warehouse, left) == [(0,)], mart
    assert SEED_FILES[0] not in instance.get_dynamic_partitions("issue_files")


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
