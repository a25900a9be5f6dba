"""merge_projects on a refresh (assets/projects.py): new reports newer than every merged one continue the
merge with only the projects they could join; the warehouse then holds what merging every report at
once gives, down to each project's place in the order of creation. Anything else merges anew."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from gazette_pipeline.assets.projects import MERGED_ANEW, MERGED_FROM, _Merge, _oldest_first, update_projects
from gazette_pipeline.resources import Warehouse, fetch
from gazette_pipeline.rows import ProjectKeyRow, ProjectReportRow, ProjectRow

from test_project_merge_index import _generated_archive

CASES = 30
SEED = 20261207


def _archive(rng: random.Random) -> list[ProjectReportRow]:
    """A generated archive as the warehouse holds it: an empty figure is no figure (the generator's
    empty strings test the merge's text fields)."""
    figures = ("investment_cny", "floor_area_m2", "land_area_mu")
    reports = [replace(r, **{f: None for f in figures if getattr(r, f) == ""}) for r in _generated_archive(rng)]
    return sorted(reports, key=_oldest_first)


@pytest.fixture
def warehouse(tmp_path) -> Warehouse:
    return Warehouse(path=str(tmp_path / "projects.duckdb"))


def _store_reports(conn, warehouse: Warehouse, reports: list[ProjectReportRow]) -> None:
    warehouse.replace_rows(conn, ProjectReportRow, reports, "true")


def _stored(conn) -> tuple[list[ProjectRow], list[ProjectKeyRow]]:
    projects = fetch(conn, ProjectRow, f"select * from {ProjectRow.table} order by project_id")
    keys = fetch(conn, ProjectKeyRow, f"select * from {ProjectKeyRow.table} order by all")
    return projects, keys


def _merged_at_once(reports: list[ProjectReportRow]) -> tuple[list[ProjectRow], list[ProjectKeyRow]]:
    merge = _Merge()
    merge.fold(reports)
    projects = sorted((c.row() for c in merge.clusters), key=lambda p: p.project_id)
    keys = sorted((k for c in merge.clusters for k in c.key_rows()),
                  key=lambda k: (k.project_id, k.position, k.shelf, k.key))
    return projects, keys


def test_newer_reports_merged_into_the_stored_projects_equal_merging_all_at_once(warehouse):
    """Protects the refresh's shortcuts: a candidate project missed by the key lookup, a project
    numbered out of its order of creation, a changed project left with its old row or keys, or a
    project renamed by a report whose id sorts first gives other projects than merging all at once."""
    rng = random.Random(SEED)
    increments = 0
    with warehouse.connect() as conn:
        for case in range(CASES):
            reports = _archive(rng)
            cuts = sorted(rng.sample(range(len(reports) + 1), k=min(3, len(reports) + 1)))
            for cut in [*cuts, len(reports)]:
                _store_reports(conn, warehouse, reports[:cut])
                how = update_projects(conn, warehouse)
                increments += how not in (MERGED_ANEW, "no report changed")
                assert _stored(conn) == _merged_at_once(reports[:cut]), f"case {case}, {cut} reports: {how}"
            _store_reports(conn, warehouse, [])
            update_projects(conn, warehouse)
    assert increments >= CASES  # the shortcut did the work, not the full merge


def test_a_report_older_than_the_merged_ones_or_a_changed_one_merges_anew(warehouse):
    rng = random.Random(SEED)
    reports = _archive(rng)
    while len(reports) < 10:
        reports = _archive(rng)
    with warehouse.connect() as conn:
        _store_reports(conn, warehouse, reports[5:])
        assert update_projects(conn, warehouse) == MERGED_ANEW  # nothing merged before
        assert update_projects(conn, warehouse) == "no report changed"
        _store_reports(conn, warehouse, reports)  # five older than every merged one
        assert update_projects(conn, warehouse) == MERGED_ANEW
        assert _stored(conn) == _merged_at_once(reports)
        edited = [replace(reports[-1], status="竣工投产", published_on=date(2099, 1, 1)), *reports[:-1]]
        _store_reports(conn, warehouse, edited)  # an issue parsed again: its report changed
        assert update_projects(conn, warehouse) == MERGED_ANEW
        assert _stored(conn) == _merged_at_once(edited)
        _store_reports(conn, warehouse, edited[1:])  # a file retracted
        assert update_projects(conn, warehouse) == MERGED_ANEW
        assert _stored(conn) == _merged_at_once(edited[1:])


def test_a_record_of_the_last_merge_in_another_layout_merges_anew(warehouse):
    """A warehouse from another version of the code: its record is not read, it is made again."""
    reports = _archive(random.Random(SEED + 1))
    with warehouse.connect() as conn:
        _store_reports(conn, warehouse, reports)
        conn.execute("create schema if not exists parsed")
        conn.execute(f"create table {MERGED_FROM} as select report_id from {ProjectReportRow.table}")
        assert update_projects(conn, warehouse) == MERGED_ANEW
        assert _stored(conn) == _merged_at_once(reports)
        assert update_projects(conn, warehouse) == "no report changed"
