"""Investment projects: the reports of every project article and caption (extract.py), merged across issues."""
import hashlib
from dataclasses import asdict, dataclass, fields
from datetime import date

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.project_merge import ProjectIndex, merge_reports
from gazette_text.projects import ProjectReport

from ..quality import project_quality
from ..resources import Warehouse, fetch
from ..rows import ProjectReportRow, ProjectRow, column_types
from ..settings import DUCKDB_POOL

_REPORTS = ["parsed", "project_reports"]


@multi_asset(
    specs=[
        AssetSpec(["parsed", "projects"], deps=[_REPORTS], kinds={"python", "duckdb"},
                  description="One row per distinct project, its reports merged across issues."),
    ],
    name="merge_projects",
    group_name="extract",
    pool=DUCKDB_POOL,
)
def merge_projects(context: AssetExecutionContext, warehouse: Warehouse):
    """Merge reports naming the same company or project into one project, latest facts winning."""
    with warehouse.connect() as conn:
        reports = fetch(conn, ProjectReportRow,
                        f"select {', '.join(column_types(ProjectReportRow))} from {ProjectReportRow.table}")
    rows = projects_of(reports)
    with warehouse.connect() as conn:
        # merged anew from every report each time: project rows are not per issue
        warehouse.replace_rows(conn, ProjectRow, rows, "true")
    yield MaterializeResult(asset_key=["parsed", "projects"], metadata=project_quality(rows, reports))


@dataclass
class _Cluster:
    facts: ProjectReport  # the reports' facts merged so far
    reports: list[ProjectReportRow]


def projects_of(reports: list[ProjectReportRow]) -> list[ProjectRow]:
    """One project per group of reports naming the same project, a newer report's facts winning.

    Reports are merged oldest first whatever order they come in, so the same reports always give
    the same projects. A report joins the earliest project it is ``same_project`` as: the index
    finds that project without comparing the report with every project so far.
    """
    clusters: list[_Cluster] = []  # numbered as in the index
    index = ProjectIndex()
    for report in sorted(reports, key=_oldest_first):
        facts = _facts(report)
        number = index.find(facts)
        if number is None:
            index.add(facts)
            clusters.append(_Cluster(facts, [report]))
        else:
            cluster = clusters[number]
            cluster.facts = merge_reports(cluster.facts, facts)
            cluster.reports.append(report)
            index.update(number, cluster.facts)
    return [_project_row(c) for c in clusters]


def _oldest_first(report: ProjectReportRow) -> tuple:
    # undated reports count as the oldest: a dated report's facts win over theirs
    return (report.published_on is not None, report.published_on or date.min, report.report_id)


def _facts(report: ProjectReportRow) -> ProjectReport:
    return ProjectReport(**{f.name: getattr(report, f.name) for f in fields(ProjectReport)})


def _project_row(cluster: _Cluster) -> ProjectRow:
    report_ids = sorted(r.report_id for r in cluster.reports)
    dates = [r.published_on for r in cluster.reports if r.published_on is not None]
    return ProjectRow(
        # named after its first report: the same reports give the same id on every run
        project_id=hashlib.sha256(report_ids[0].encode()).hexdigest()[:16],
        **asdict(cluster.facts),
        first_reported_on=min(dates, default=None),
        last_reported_on=max(dates, default=None),
        article_ids=sorted({r.article_id for r in cluster.reports}),
        report_ids=report_ids,
    )
