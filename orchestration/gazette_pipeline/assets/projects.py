"""Investment projects: one report per project article or caption, merged across issues."""
from dataclasses import asdict, fields
import hashlib

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.projects import ProjectReport, extract_project, merge_reports, same_project

from ..resources import Warehouse
from ..settings import DUCKDB_POOL
from .extraction_log import articles_to_extract, store_extracted

_FIELDS = [f.name for f in fields(ProjectReport)]
_FIELD_TYPES = {
    "investment_cny": "double",
    "floor_area_m2": "double",
    "land_area_mu": "double",
}
REPORT_COLUMNS = {
    "report_id": "varchar",
    "issue_id": "varchar",
    "article_id": "varchar",
    **{name: _FIELD_TYPES.get(name, "varchar") for name in _FIELDS},
    "published_on": "date",
}
PROJECT_COLUMNS = {
    "project_id": "varchar",
    **{name: _FIELD_TYPES.get(name, "varchar") for name in _FIELDS},
    "first_reported_on": "date",
    "last_reported_on": "date",
    "article_ids": "varchar[]",
    "report_ids": "varchar[]",
}
_REPORTS = ["parsed", "project_reports"]


@multi_asset(
    specs=[
        AssetSpec(_REPORTS, deps=[["parsed", "articles"]], kinds={"python", "duckdb"},
                  description="One row per article or photo caption that reports an investment project."),
    ],
    name="extract_project_reports",
    group_name="extract",
    pool=DUCKDB_POOL,
)
def extract_project_reports(context: AssetExecutionContext, warehouse: Warehouse):
    """Read each project article and caption: company, place, money, land, floor area, stage, completion."""
    issue_ids, stale, articles = articles_to_extract(warehouse, "project_reports", "parsed.project_reports")
    rows = []
    for a in articles:
        report = extract_project(a.headline, a.body, a.kind, a.published_on, a.published_year)
        if report is not None:
            rows.append((f"{a.article_id}-p1", a.issue_id, a.article_id, *astuple_fields(report), a.published_on))
    store_extracted(warehouse, "project_reports", issue_ids, stale, {"parsed.project_reports": (REPORT_COLUMNS, rows)})
    yield MaterializeResult(asset_key=_REPORTS, metadata={"issues_read": len(issue_ids), "project_reports": len(rows)})


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
        reports = conn.execute(
            f"select report_id, article_id, published_on, {', '.join(_FIELDS)} from parsed.project_reports"
            " order by published_on nulls first, report_id"
        ).fetchall()
    clusters: list[dict] = []
    for report_id, article_id, published_on, *values in reports:
        report = ProjectReport(*values)
        cluster = next((c for c in clusters if same_project(c["project"], report)), None)
        if cluster is None:
            clusters.append({"project": report, "reports": [(report_id, article_id, published_on)]})
        else:
            cluster["project"] = merge_reports(cluster["project"], report)
            cluster["reports"].append((report_id, article_id, published_on))
    rows = [_project_row(c) for c in clusters]
    with warehouse.connect() as conn:
        # merged anew from every report each time: project rows are not per issue
        warehouse.replace_rows(conn, "parsed.projects", PROJECT_COLUMNS, None, [], rows)
    yield MaterializeResult(
        asset_key=["parsed", "projects"], metadata={"projects": len(rows), "reports": len(reports)}
    )


def astuple_fields(report: ProjectReport) -> tuple:
    return tuple(asdict(report)[name] for name in _FIELDS)


def _project_row(cluster: dict) -> tuple:
    report_ids = [r[0] for r in cluster["reports"]]
    dates = [r[2] for r in cluster["reports"] if r[2] is not None]
    # Named after its first report: the same reports give the same id on every run.
    project_id = hashlib.sha256(min(report_ids).encode()).hexdigest()[:16]
    return (
        project_id,
        *astuple_fields(cluster["project"]),
        min(dates) if dates else None,
        max(dates) if dates else None,
        sorted({r[1] for r in cluster["reports"]}),
        sorted(report_ids),
    )
