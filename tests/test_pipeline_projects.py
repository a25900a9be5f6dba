"""Projects merged across issues (assets/projects.py): the newest report's facts win, in any input order."""
from __future__ import annotations

from datetime import date
from itertools import permutations

from gazette_pipeline.assets.projects import projects_of
from gazette_pipeline.rows import ProjectReportRow

_COMPANY = "常州示例新材料科技有限公司"  # invented


def _report(report_id: str, published_on: date | None, **facts) -> ProjectReportRow:
    blank = dict(project_name=None, company=_COMPANY, location=None, investment_cny=None, floor_area_m2=None, land_area_mu=None,
                 annual_output=None, status=None, expected_completion=None, expected_completion_text=None)
    return ProjectReportRow(report_id=report_id, issue_id=report_id[:4], article_id=report_id[:8],
                            **{**blank, **facts}, published_on=published_on)


UNDATED = _report("aaaa-001-p1", None, status="洽谈中", location="西太湖科技产业园")
SIGNED = _report("bbbb-001-p1", date(2024, 3, 1), status="签约落地", investment_cny=5e8)
TOPPED_OUT = _report("cccc-002-p1", date(2024, 9, 1), status="已封顶", floor_area_m2=3e4)


def test_newest_report_facts_win_in_any_input_order():
    """Protects the merge order in projects_of: reports merge oldest first (undated counted oldest),
    so the newest report's facts win and older ones only fill its gaps. Reversing the order (the
    sort, or merge_reports' arguments) lets the oldest facts win and fails here."""
    for reports in permutations([TOPPED_OUT, UNDATED, SIGNED]):
        (project,) = projects_of(list(reports))
        assert project.status == "已封顶", reports  # the newest report's stage
        assert project.investment_cny == 5e8  # an older report fills what the newest leaves out
        assert project.floor_area_m2 == 3e4
        assert project.location == "西太湖科技产业园"
        assert (project.first_reported_on, project.last_reported_on) == (date(2024, 3, 1), date(2024, 9, 1))
        assert project.report_ids == ["aaaa-001-p1", "bbbb-001-p1", "cccc-002-p1"]


def test_the_same_reports_give_the_same_projects_in_any_order():
    other = _report("dddd-003-p1", date(2024, 5, 1), company="另一家示例科技有限公司", status="开工")
    reports = [TOPPED_OUT, UNDATED, SIGNED, other]
    expected = sorted(projects_of(reports), key=lambda p: p.project_id)
    for order in permutations(reports):
        assert sorted(projects_of(list(order)), key=lambda p: p.project_id) == expected
    assert len(expected) == 2
