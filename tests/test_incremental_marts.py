"""The per-issue marts rebuild only new issues, and the old rows a new issue changes elsewhere:
refreshed issue by issue, they end as a build of all at once.

People are placed by their paper. A paper named without a level (`南湖日报`) takes the usual level of the posts it prints without a
place: the first issue's district posts make it 南湖区; two later issues of city posts make it 南湖市,
and the first issue's 区长 then belongs to 南湖市 (a post at or below the paper's level is the paper's).

A project is named after its smallest report id: a later report with a smaller id renames the project
of every earlier report (project_reports.project_id).
"""
from __future__ import annotations

import pytest
from dagster import DagsterInstance

from conftest import all_marts, warehouse_rows
from gazette_pipeline.build import build
from gazette_pipeline.definitions import build_definitions

pytestmark = pytest.mark.e2e

PAPER = "南湖日报"

DISTRICT_MEETING = """南湖区召开安全生产工作会议

本报讯（记者 林晓）12月2日，南湖区召开安全生产工作会议。区长周建国出席会议并讲话，副区长吴丽萍主持会议。

会议要求，各镇街要压紧压实责任。区长周建国强调，要把隐患排查做细做实。
"""

CITY_MEETING = """南湖部署冬季防火工作

本报讯（记者 陈宇）12月{day}日，冬季防火工作会议召开。市长马志远出席会议并讲话，副市长郑秋云主持会议。

副市长郑秋云指出，要加强重点场所巡查。市长马志远要求，各部门要守土尽责。
"""

FILES = {
    "nh_2025-12-02_01.txt": DISTRICT_MEETING,
    "nh_2025-12-05_01.txt": CITY_MEETING.format(day=5),
    "nh_2025-12-06_01.txt": CITY_MEETING.format(day=6),
}


def _write(folder, names, texts=FILES):
    folder.mkdir(exist_ok=True)
    (folder / "manifest.csv").write_text("file,paper\n" + "".join(f"{n},{PAPER}\n" for n in texts), encoding="utf-8")
    for name in names:
        (folder / name).write_text(texts[name], encoding="utf-8")


def _refresh(folder, warehouse, monkeypatch, files, instance):
    monkeypatch.setenv("ISSUES_DIR", str(folder))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    assert build(instance, build_definitions(str(warehouse)), files, full_refresh=False)


def _placement(warehouse, person):
    return warehouse_rows(warehouse, "select distinct locality, person_id from marts.people_mentions"
                                     f" where person = '{person}'")


def test_a_paper_moved_by_new_issues_moves_its_old_issues_people(tmp_path, monkeypatch):
    names = list(FILES)
    refreshed, at_once = tmp_path / "refreshed.duckdb", tmp_path / "at_once.duckdb"
    instance = DagsterInstance.ephemeral()
    _write(tmp_path / "issues", names[:1])
    _refresh(tmp_path / "issues", refreshed, monkeypatch, names[:1], instance)
    assert _placement(refreshed, "周建国") == [("南湖区", "周建国@南湖区")]

    _write(tmp_path / "issues", names[1:])
    _refresh(tmp_path / "issues", refreshed, monkeypatch, names[1:], instance)
    # the old issue was not parsed again, yet its people moved with the paper
    assert _placement(refreshed, "周建国") == [("南湖市", "周建国@南湖市")]
    assert warehouse_rows(refreshed, "select locality, level_rank from marts.papers") == [("南湖市", 2)]

    _write(tmp_path / "all", names)
    _refresh(tmp_path / "all", at_once, monkeypatch, names, DagsterInstance.ephemeral())
    expected = all_marts(at_once)
    assert len(expected["people_mentions"]) == 3 + 4 + 4 and len(expected["meeting_participants"]) == 6
    assert all_marts(refreshed) == expected


def test_each_placing_mart_records_the_placements_it_used(tmp_path, monkeypatch):
    _write(tmp_path / "issues", list(FILES))
    warehouse = tmp_path / "wh.duckdb"
    _refresh(tmp_path / "issues", warehouse, monkeypatch, list(FILES), DagsterInstance.ephemeral())
    for mart in ("people_mentions", "meeting_participants"):
        assert warehouse_rows(warehouse, f"select * from marts_state.{mart}__paper_placements") == \
            [(PAPER, "南湖市", 2)]


PROJECT = """南湖智能装备产业园项目加快建设

本报讯（记者 陈宇）12月{day}日，记者在南湖智能装备产业园项目现场看到，{scene}。该项目由南湖精工机械有限公司投资建设，总投资12亿元，占地面积150亩，预计2026年6月建成投产。
"""
# the second report's id (its issue's content hash) sorts before the first's
PROJECT_FILES = {
    "nh_2025-12-02_02.txt": PROJECT.format(day=2, scene="塔吊林立、车辆往来"),
    "nh_2025-12-09_02.txt": PROJECT.format(day=9, scene="工人们正在进行主体结构施工"),
}


def test_a_report_that_renames_its_project_renames_it_in_the_old_reports(tmp_path, monkeypatch):
    names = list(PROJECT_FILES)
    refreshed, at_once = tmp_path / "refreshed.duckdb", tmp_path / "at_once.duckdb"
    instance = DagsterInstance.ephemeral()
    _write(tmp_path / "issues", names[:1], PROJECT_FILES)
    _refresh(tmp_path / "issues", refreshed, monkeypatch, names[:1], instance)
    [(first_report, named_before)] = warehouse_rows(refreshed, "select report_id, project_id from marts.project_reports")

    _write(tmp_path / "issues", names[1:], PROJECT_FILES)
    _refresh(tmp_path / "issues", refreshed, monkeypatch, names[1:], instance)
    projects = warehouse_rows(refreshed, "select distinct project_id from marts.project_reports")
    assert len(projects) == 1 and projects[0][0] != named_before  # one project, renamed
    assert warehouse_rows(refreshed, f"select project_id from marts.project_reports where report_id = '{first_report}'") \
        == projects

    _write(tmp_path / "all", names, PROJECT_FILES)
    _refresh(tmp_path / "all", at_once, monkeypatch, names, DagsterInstance.ephemeral())
    assert all_marts(refreshed) == all_marts(at_once)
