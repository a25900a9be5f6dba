"""Investment projects: the reports of every project article and caption (extract.py), merged across issues.

Merging folds the reports in oldest-first order, so a refresh whose new reports are all newer than
every report merged so far (a new day's issue) continues the fold where it stopped: it loads only the
projects the new reports could join (by the keys ProjectIndex files them under, kept in
parsed.project_keys) and writes only the projects they change. Anything else (a report removed or
re-extracted, or one older than the merged ones) merges every report anew. Either way the projects are
those of merging all reports at once (tests/test_projects_incremental.py).
"""
import hashlib
from dataclasses import dataclass, fields
from datetime import date

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.project_merge import ProjectIndex, filing_keys, lookup_keys, merge_reports
from gazette_text.projects import ProjectReport

from ..quality import project_quality
from ..resources import Warehouse, fetch, in_list, table_columns, transaction
from ..rows import ProjectKeyRow, ProjectReportRow, ProjectRow, column_types
from ..settings import DUCKDB_POOL

_REPORTS = ["parsed", "project_reports"]
# The reports parsed.projects was merged from, each as its id, its date (merging order) and a hash of
# its columns (a column added to the reports changes every hash: all merged anew): what a refresh
# compares the reports with.
MERGED_FROM = "parsed.projects_merged_from"
_REPORT_COLUMNS = ", ".join(column_types(ProjectReportRow))
_ROW_HASH = f"hash({_REPORT_COLUMNS})"
_MERGED_FROM_COLUMNS = ["report_id", "published_on", "row_hash"]
MERGED_ANEW = "all reports merged anew"


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
    """Merge reports naming the same project into one project, latest facts winning."""
    with warehouse.connect() as conn:
        how = update_projects(conn, warehouse)
        figures = project_quality(conn)
    yield MaterializeResult(asset_key=["parsed", "projects"], metadata={**figures, "merge": how})


def update_projects(conn, warehouse: Warehouse) -> str:
    """Bring parsed.projects up to date with parsed.project_reports; says how it went about it."""
    for row_type in (ProjectRow, ProjectKeyRow):
        warehouse.ensure_table(conn, row_type)
    added, removed = _changes(conn)
    if added is None or removed or not _all_newer(conn, added):
        _merge_all(conn, warehouse)
        return MERGED_ANEW
    if added:
        _merge_new(conn, warehouse, added)
        return f"{len(added)} new report(s) merged into the projects"
    return "no report changed"


def _changes(conn) -> tuple[list[ProjectReportRow] | None, int]:
    """The reports added since the last merge, and how many it used are gone or changed
    (None: no record of a last merge, or one this code does not read)."""
    if table_columns(conn, MERGED_FROM) != _MERGED_FROM_COLUMNS:  # none, or from another version
        return None, 0
    current = f"select *, {_ROW_HASH} as row_hash from {ProjectReportRow.table}"
    added = fetch(conn, ProjectReportRow, f"select {_REPORT_COLUMNS} from ({current}) anti join {MERGED_FROM} "
                                          "using (report_id, row_hash)")
    removed = conn.execute(f"select count(*) from {MERGED_FROM} anti join ({current}) "
                           "using (report_id, row_hash)").fetchone()[0]
    return added, removed


def _all_newer(conn, added: list[ProjectReportRow]) -> bool:
    """Whether every added report comes after every merged one in merging order (_oldest_first)."""
    if not added:
        return True
    latest = conn.execute(f"select published_on, report_id from {MERGED_FROM} order by published_on is not null desc, "
                          "published_on desc, report_id desc limit 1").fetchone()
    return latest is None or min(map(_oldest_first, added)) > _sort_key(*latest)


def _merge_all(conn, warehouse: Warehouse) -> None:
    reports = fetch(conn, ProjectReportRow, f"select {_REPORT_COLUMNS} from {ProjectReportRow.table}")
    merge = _Merge()
    merge.fold(reports)
    with transaction(conn):
        warehouse.delete_and_insert(conn, ProjectRow, [c.row() for c in merge.clusters], "true")
        warehouse.delete_and_insert(conn, ProjectKeyRow, [k for c in merge.clusters for k in c.key_rows()], "true")
        conn.execute(f"create or replace table {MERGED_FROM} as "
                     f"select report_id, published_on, {_ROW_HASH} as row_hash from {ProjectReportRow.table}")


def _merge_new(conn, warehouse: Warehouse, added: list[ProjectReportRow]) -> None:
    lookups = sorted({"\t".join(key) for report in added for key in lookup_keys(_facts(report))})
    known = conn.execute(f"select distinct project_id, position from {ProjectKeyRow.table} "
                         f"where shelf || chr(9) || key in (select unnest(?::varchar[])) order by position",
                         [lookups]).fetchall()
    rows = {r.project_id: r for r in fetch(conn, ProjectRow, f"select * from {ProjectRow.table} where {in_list('project_id')}",
                                           [[project_id for project_id, _ in known]])}
    # positions run 0, 1, 2…: a merge only ever adds projects (a project without keys has no key row)
    next_position = conn.execute(f"select count(*) from {ProjectRow.table}").fetchone()[0]
    merge = _Merge([(position, rows[project_id]) for project_id, position in known], next_position)
    merge.fold(added)
    changed = [c for c in merge.clusters if c.changed]
    replaced = [c.stored_id for c in changed if c.stored_id is not None]
    with transaction(conn):
        warehouse.delete_and_insert(conn, ProjectRow, [c.row() for c in changed], in_list("project_id"), [replaced])
        warehouse.delete_and_insert(conn, ProjectKeyRow, [k for c in changed for k in c.key_rows()],
                                    in_list("project_id"), [replaced])
        conn.execute(f"insert into {MERGED_FROM} select report_id, published_on, {_ROW_HASH} from {ProjectReportRow.table} "
                     f"where {in_list('report_id')}", [[r.report_id for r in added]])


# --- the merge itself ------------------------------------------------------------------------------

@dataclass
class _Cluster:
    """A project being merged: its reports' facts merged so far, and what its row lists of them."""

    facts: ProjectReport
    position: int  # in order of creation: the earliest of several matching projects wins a report
    report_ids: list[str]
    article_ids: set[str]
    dates: list[date]
    stored_id: str | None = None  # its project_id in the warehouse, when merged by an earlier run
    changed: bool = True

    @classmethod
    def of_report(cls, report: ProjectReportRow, facts: ProjectReport, position: int) -> "_Cluster":
        return cls(facts, position, [], set(), []).add(report, facts)

    @classmethod
    def of_row(cls, row: ProjectRow, position: int) -> "_Cluster":
        facts = ProjectReport(**{f.name: getattr(row, f.name) for f in fields(ProjectReport)})
        dates = [d for d in (row.first_reported_on, row.last_reported_on) if d is not None]
        return cls(facts, position, list(row.report_ids), set(row.article_ids), dates, row.project_id, changed=False)

    def add(self, report: ProjectReportRow, merged: ProjectReport) -> "_Cluster":
        self.facts, self.changed = merged, True
        self.report_ids.append(report.report_id)
        self.article_ids.add(report.article_id)
        if report.published_on is not None:
            self.dates.append(report.published_on)
        return self

    @property
    def project_id(self) -> str:
        # named after its first report: the same reports give the same id on every run
        return hashlib.sha256(min(self.report_ids).encode()).hexdigest()[:16]

    def row(self) -> ProjectRow:
        return ProjectRow(
            project_id=self.project_id,
            **{f.name: getattr(self.facts, f.name) for f in fields(ProjectReport)},
            first_reported_on=min(self.dates, default=None),
            last_reported_on=max(self.dates, default=None),
            article_ids=sorted(self.article_ids),
            report_ids=sorted(self.report_ids),
        )

    def key_rows(self) -> list[ProjectKeyRow]:
        return [ProjectKeyRow(self.project_id, self.position, shelf, key)
                for shelf, key in sorted(filing_keys(self.facts))]


class _Merge:
    """Projects numbered in order of creation, and the ProjectIndex that finds a report's project."""

    def __init__(self, known: list[tuple[int, ProjectRow]] = (), next_position: int = 0):
        """``known``: (position, row) of projects merged before, in order of position."""
        self.index, self.clusters, self.next_position = ProjectIndex(), [], next_position
        for position, row in known:
            self._add(_Cluster.of_row(row, position))

    def fold(self, reports: list[ProjectReportRow]) -> None:
        """Reports merge oldest first whatever order they come in, so the same reports always give the
        same projects. A report joins the earliest project it is ``same_project`` as."""
        for report in sorted(reports, key=_oldest_first):
            facts = _facts(report)
            number = self.index.find(facts)
            if number is None:
                self._add(_Cluster.of_report(report, facts, self.next_position))
                self.next_position += 1
            else:
                cluster = self.clusters[number]
                cluster.add(report, merge_reports(cluster.facts, facts))
                self.index.update(number, cluster.facts)

    def _add(self, cluster: _Cluster) -> None:
        self.index.add(cluster.facts)
        self.clusters.append(cluster)


def projects_of(reports: list[ProjectReportRow]) -> list[ProjectRow]:
    """One project per group of reports naming the same project, a newer report's facts winning."""
    merge = _Merge()
    merge.fold(reports)
    return [c.row() for c in merge.clusters]


def _oldest_first(report: ProjectReportRow) -> tuple:
    return _sort_key(report.published_on, report.report_id)


def _sort_key(published_on: date | None, report_id: str) -> tuple:
    # undated reports count as the oldest: a dated report's facts win over theirs
    return (published_on is not None, published_on or date.min, report_id)


def _facts(report: ProjectReportRow) -> ProjectReport:
    return ProjectReport(**{f.name: getattr(report, f.name) for f in fields(ProjectReport)})
