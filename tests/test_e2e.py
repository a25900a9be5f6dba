"""End to end: build warehouses from the seeds with Dagster and dbt, as `make run` and `make refresh`
do, and check the marts, the gold, and that every way of getting there gives the same marts.

Builds are the slow part: one `make run` (``built``) and one file-by-file `make refresh`
(``refreshed``, with a copy of its warehouse after each file) serve most tests here; they run in
processes of their own, as a user runs them, and side by side.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from dagster import DagsterEventType, DagsterInstance, EventRecordsFilter, materialize

from conftest import GOLD_DIR, REPO, RUN_TIMES, SEEDS, all_marts as _marts, start_build as _start, warehouse_rows as _rows
from gazette_pipeline.build import build, retract
from gazette_pipeline.definitions import build_definitions
from gazette_pipeline.files import issue_files
from gazette_pipeline.partitions import batch_files_of, register_batches

pytestmark = pytest.mark.e2e

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))

def _build(warehouse, monkeypatch, issues_dir=SEEDS):
    """Every file of ``issues_dir`` in one build in this process, as `make run` does."""
    monkeypatch.setenv("ISSUES_DIR", str(issues_dir))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    files = [name for name, _ in issue_files(issues_dir)]
    instance = DagsterInstance.ephemeral()
    assert build(instance, build_definitions(str(warehouse)), files, full_refresh=True)
    return instance


@dataclass(frozen=True)
class Refreshed:
    warehouse: Path
    after: list[Path]  # a copy of the warehouse after each file's refresh
    parsed_at: list[dict]  # parsed.issues' issue_id -> parsed_at after each file's refresh


# The refresh of this seed starts with a run stopped before the marts (per-issue steps only, as a
# killed `make refresh` leaves it): the refresh after it must end like any other.
INTERRUPTED = SEED_FILES[2]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory, full_build) -> Refreshed:
    """The seeds arriving one file at a time, each followed by `make refresh` (the full build,
    started first, runs meanwhile)."""
    root = tmp_path_factory.mktemp("refresh")
    folder, warehouse = root / "issues", root / "warehouse.duckdb"
    folder.mkdir()
    shutil.copy(SEEDS / "manifest.csv", folder)  # the seeds' paper, as in the full build
    after, parsed_at = [], []
    for n, name in enumerate(SEED_FILES, start=1):
        shutil.copy(SEEDS / name, folder / name)
        if name == INTERRUPTED:
            _stopped_before_the_marts(folder, warehouse, name)
        assert _start("new", folder, warehouse).finish() == f"built 1 issue file(s) from {folder}"
        after.append(Path(shutil.copy(warehouse, root / f"after_{n}.duckdb")))
        parsed_at.append(dict(_rows(warehouse, "select issue_id, parsed_at from parsed.issues")))
    return Refreshed(warehouse, after, parsed_at)


def _stopped_before_the_marts(folder, warehouse, name):
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ISSUES_DIR", str(folder))
        instance, defs = DagsterInstance.ephemeral(), build_definitions(str(warehouse))
        [batch] = register_batches(instance, [name])
        per_batch = [a for a in defs.assets if a.partitions_def is not None]
        assert materialize(per_batch, instance=instance, resources=defs.resources, partition_key=batch).success


def _copy_of(refreshed: Refreshed, files: int, tmp_path, monkeypatch):
    """The warehouse as `make refresh` left it after the first ``files`` seeds, copied with its
    folder, to build on in this process: (folder, warehouse, instance, defs)."""
    folder, warehouse = tmp_path / "issues", tmp_path / "wh.duckdb"
    folder.mkdir()
    for name in SEED_FILES[:files]:
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(refreshed.after[files - 1], warehouse)
    monkeypatch.setenv("ISSUES_DIR", str(folder))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    return folder, warehouse, DagsterInstance.ephemeral(), build_definitions(str(warehouse))


@pytest.fixture(scope="module")
def built_marts(built):
    return _marts(built)


def _assert_same_marts(got: dict, expected: dict):
    assert sorted(got) == sorted(expected)
    for table in expected:
        missing = sorted(set(expected[table]) - set(got[table]))
        extra = sorted(set(got[table]) - set(expected[table]))
        assert got[table] == expected[table], f"marts.{table}: missing {missing[:2]}, unexpected {extra[:2]}"


def _orphans(warehouse) -> dict[str, int]:
    """Rows of each per-issue mart whose issue marts.issues does not hold."""
    marts = ("articles", "statistics", "meetings", "meeting_participants", "people_mentions", "leftovers")
    return {
        mart: _rows(warehouse, f"select count(*) from marts.{mart} where issue_id not in"
                               " (select issue_id from marts.issues)")[0][0]
        for mart in marts
    }


# --- every way to the marts gives the same marts ------------------------------------------------

# ``refreshed`` before ``built_marts``: it starts the full build, which then runs beside the refreshes.
def test_refreshing_file_by_file_ends_like_building_all_at_once(refreshed, built_marts):
    """Every mart, row for row in any order: the same seeds give the same answer whether they
    arrive together (`make run`) or one at a time (`make refresh` after each, one of them after a
    run stopped before the marts)."""
    assert sum(len(rows) for rows in built_marts.values()) > 200  # not a comparison of empty marts
    _assert_same_marts(_marts(refreshed.warehouse), built_marts)


DEV_PAGES = REPO / "tests" / "fixtures" / "dev-pages"


# The dev pages arrive in reverse order, a few files per refresh: one refresh per file (as for the
# seeds above) would cost a dbt build each and take `make test` past its five minutes.
DEV_BATCH = 7


@pytest.fixture(scope="module")
def dev_pages_both_ways(tmp_path_factory) -> tuple[Path, Path]:
    """The dev pages (other papers' conventions) built at once, and arriving in small batches with
    `make refresh` after each; both run side by side, in processes of their own."""
    root = tmp_path_factory.mktemp("dev")
    (root / "full").mkdir()
    (root / "refresh").mkdir()
    built_at_once, refreshed = root / "full" / "warehouse.duckdb", root / "refresh" / "warehouse.duckdb"
    full = _start("all", DEV_PAGES, built_at_once)
    folder = root / "issues"
    folder.mkdir()
    pages = sorted((path for _, path in issue_files(DEV_PAGES)), reverse=True)  # its records too
    for start in range(0, len(pages), DEV_BATCH):
        batch = pages[start:start + DEV_BATCH]
        for page in batch:
            shutil.copy(page, folder / page.name)
        assert _start("new", folder, refreshed).finish() == f"built {len(batch)} issue file(s) from {folder}"
    full.finish()
    return built_at_once, refreshed


def test_dev_pages_refreshed_in_batches_end_like_building_all_at_once(dev_pages_both_ways):
    """The same comparison on pages of other papers, whose articles lean on more rules (names in
    meeting lists, several projects per article, dates from web leads)."""
    built_at_once, refreshed_in_batches = dev_pages_both_ways
    expected = _marts(built_at_once)
    assert sum(len(rows) for rows in expected.values()) > 300
    _assert_same_marts(_marts(refreshed_in_batches), expected)


def test_what_the_comparisons_leave_out_is_only_run_times(built):
    types = _rows(built, "select distinct column_name, data_type from information_schema.columns"
                         " where table_schema = 'marts'")
    assert {(name, kind) for name, kind in types if name in RUN_TIMES} == {(n, "TIMESTAMP") for n in RUN_TIMES}


def test_a_new_file_is_parsed_alone(refreshed):
    for before, after in zip(refreshed.parsed_at, refreshed.parsed_at[1:]):  # also after INTERRUPTED
        assert len(after) == len(before) + 1
        assert {k: after[k] for k in before} == before  # no issue parsed again


# --- refresh: copies, edits, removed files --------------------------------------------------------

def test_a_copy_adds_nothing_and_an_edit_replaces_its_issues_rows(refreshed, tmp_path, monkeypatch):
    folder, warehouse, instance, defs = _copy_of(refreshed, len(SEED_FILES), tmp_path, monkeypatch)
    shutil.copy(SEEDS / SEED_FILES[4], folder / "same issue again.txt")
    edited = folder / SEED_FILES[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("钱全 摄", "钱全 李四 摄"), encoding="utf-8")

    assert build(instance, defs, ["same issue again.txt", SEED_FILES[0]])
    assert _rows(warehouse, "select count(*) from marts.issues") == [(5,)]
    assert _rows(warehouse, "select count(*) from marts.articles") == [(24,)]
    copies = f"select source_files from marts.issues where source_file = '{SEED_FILES[4]}'"
    assert _rows(warehouse, copies) == [([SEED_FILES[4], "same issue again.txt"],)]
    assert set(_orphans(warehouse).values()) == {0}
    assert _rows(warehouse, "select list_sort(photographers) from marts.articles where body like '礼嘉振兴%'") == [
        (["李四", "钱全"],)
    ]


def test_removed_file_keeps_its_rows_until_retracted(refreshed, tmp_path, monkeypatch):
    folder, warehouse, instance, defs = _copy_of(refreshed, 2, tmp_path, monkeypatch)

    (folder / SEED_FILES[0]).unlink()
    assert build(instance, defs, SEED_FILES[:2], full_refresh=True)
    assert _rows(warehouse, "select count(*) from marts.issues") == [(2,)]  # nothing lost

    assert retract(instance, defs, [SEED_FILES[0]], defs.resources["warehouse"])
    assert _rows(warehouse, "select source_file from marts.issues") == [(SEED_FILES[1],)]
    assert set(_orphans(warehouse).values()) == {0}
    held = batch_files_of(instance, instance.get_dynamic_partitions("file_batches"))
    assert SEED_FILES[0] not in held and SEED_FILES[1] in held


# --- one full build ---------------------------------------------------------------------------------

def test_a_second_make_run_with_nothing_changed_reads_nothing(built, built_marts, tmp_path):
    """`make run` again with the same files and the same code only scans the folder: the warehouse
    already holds what it would build. A new file is still read, alone."""
    warehouse = tmp_path / "wh.duckdb"
    shutil.copy(built, warehouse)
    shutil.copytree(built.parent / "dagster_home", tmp_path / "dagster_home")
    assert _start("all", SEEDS, warehouse).finish() == (
        f"nothing new in {SEEDS}: the warehouse holds every file, built with this code")
    _assert_same_marts(_marts(warehouse), built_marts)

    folder = tmp_path / "issues"
    shutil.copytree(SEEDS, folder)
    (folder / "新的一期.txt").write_text((SEEDS / SEED_FILES[0]).read_text(encoding="utf-8") + "\n再加一句。",
                                     encoding="utf-8")
    assert _start("all", folder, warehouse).finish() == f"built 1 issue file(s) from {folder}"


def test_marts_hold_every_seed_issue_and_article(built):
    assert _rows(built, "select count(*) from marts.issues") == [(5,)]
    assert _rows(built, "select count(*) from marts.articles") == [(24,)]
    assert _rows(built, "select count(*) from marts.ingest_errors") == [(0,)]
    assert _rows(built, "select count(*) from marts.meetings") == [(11,)]
    kinds = dict(_rows(built, "select kind, count(*) from marts.articles group by kind"))
    assert kinds["photo"] == 4 and kinds["meeting"] == 11


def test_publication_date_inferred_only_where_the_text_supports_it(built):
    rows = dict(_rows(built, "select source_file, published_on_source from marts.issues"))
    assert rows["001_04e94acb881a18bc.txt"] == "inferred"
    assert rows["000_dbf7ed12aa541d15.txt"] == "unknown"
    undated = "select dateline, event_date, event_month_day from marts.articles where dateline = '12月23日'"
    assert _rows(built, undated) == [("12月23日", None, "12-23")] * 2  # no year guessed, the day kept


def test_gold_figures(built):
    out = subprocess.run(
        [sys.executable, str(REPO / "tests/fixtures/score_gold.py"), str(built), str(GOLD_DIR)],
        capture_output=True, text=True, check=True,
    ).stdout
    figures = {k: float(v) for k, v in re.findall(r"^(\w+)=([\d.]+)$", out, re.M)}
    assert figures["articles_f1"] == 1.0
    assert figures["headline_exact"] >= 0.95
    assert figures["bylines_exact"] == 1.0
    assert figures["photographers_exact"] == 1.0
    assert figures["kind_accuracy"] >= 0.90
    assert figures["published_on_ok"] == 1.0
    assert figures["statistics_precision"] >= 0.95 and figures["statistics_recall"] >= 0.95
    assert figures["meetings_f1"] >= 0.95
    assert figures["meeting_chair_exact"] >= 0.95
    assert figures["participants_f1"] >= 0.95
    assert figures["projects_f1"] >= 0.95
    assert figures["project_fields_accuracy"] >= 0.95


def test_mixed_folder_keeps_every_good_issue_and_says_why_for_each_bad_file(built, tmp_path, monkeypatch):
    folder = tmp_path / "issues"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    seed0 = (SEEDS / "000_dbf7ed12aa541d15.txt").read_text(encoding="utf-8")
    (folder / "同一期 copy.txt").write_bytes((SEEDS / "001_04e94acb881a18bc.txt").read_bytes())  # duplicate
    (folder / "gbk export.txt").write_bytes(seed0.replace("钱全", "王五").encode("gbk"))  # GBK, new content
    (folder / "bom crlf.txt").write_bytes(b"\xef\xbb\xbf" + seed0.replace("钱全", "赵六").replace("\n", "\r\n").encode())
    (folder / "truncated.txt").write_bytes(seed0.replace("钱全", "孙七").encode("utf-8")[:-5] + "会".encode()[:2])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    (folder / "notes.txt").write_text("只是一行字", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\xfd\x81\x30 abc")
    (folder / "huge.txt").write_bytes(b"x" * (1024 * 1024 + 1))
    monkeypatch.setenv("MAX_ISSUE_MB", "1")
    warehouse = tmp_path / "mixed.duckdb"
    instance = _build(warehouse, monkeypatch, folder)

    errors = dict(_rows(warehouse, "select source_file, reason from marts.ingest_errors"))
    assert errors == {
        "empty.txt": "empty file",
        "scan.txt": "not text: binary content (NUL bytes)",
        "notes.txt": "no articles found",
        "broken.txt": "undecodable as UTF-8 or GB18030 at byte 0",
        "huge.txt": "file too large: 1048577 bytes, over the 1048576 byte limit (MAX_ISSUE_MB)",
    }
    # the seeds load exactly as from a clean folder, plus the three re-encoded variants
    clean = "select count(*) from marts.articles a join marts.issues i using (issue_id) where i.source_file like '00%'"
    assert _rows(warehouse, clean) == _rows(built, "select count(*) from marts.articles")
    assert _rows(warehouse, "select count(*) from marts.issues") == [(8,)]
    assert _rows(warehouse, "select min(coverage) from marts.issues") == [(1.0,)]
    encodings = dict(_rows(warehouse, "select source_file, encoding from raw.issue_files"))
    assert encodings["gbk export.txt"] == "gb18030" and encodings["truncated.txt"] == "utf-8-truncated"
    (files,) = _rows(warehouse, "select source_files from marts.issues where source_file = '001_04e94acb881a18bc.txt'")
    assert files == (["001_04e94acb881a18bc.txt", "同一期 copy.txt"],)
    failed_checks = {
        (e.asset_key.to_user_string(), e.check_name.split("_")[0], e.severity.value)
        for e in _check_evaluations(instance)
        if not e.passed
    }
    assert failed_checks == {("marts/ingest_errors", "no", "WARN")}  # the run passes, the check says why


def _check_evaluations(instance):
    return [
        r.event_log_entry.dagster_event.event_specific_data
        for r in instance.get_event_records(
            EventRecordsFilter(event_type=DagsterEventType.ASSET_CHECK_EVALUATION), limit=10_000
        )
    ]


def test_every_figure_traces_back_to_the_printed_text(built):
    mismatches = _rows(built, """
        select s.stat_id from marts.statistics s join marts.articles a using (article_id)
        where substring(a.body, s.start_offset + 1, s.end_offset - s.start_offset) != s.raw_text
    """)
    assert mismatches == []
    assert _rows(built, "select count(*) > 40 from marts.statistics") == [(True,)]
