"""The warehouse report: one self-contained HTML page of charts and tables over the marts.

Issues and articles over time (by kind, by paper), the officials who appear most with their titles,
meetings per chair, projects with investment, area and stage, and the statistics reported most.
`make report` writes it from the warehouse as it is; the Dagster asset reports/overview after each build.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .queries import ReportData, read_report_data


def report_path(warehouse: str | Path) -> Path:
    """Beside the warehouse, named after it (as its dbt target folder is): one report per warehouse."""
    path = Path(warehouse)
    return path.parent / f"{path.stem}.report.html"


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    bytes: int
    data: ReportData

    def markdown(self) -> str:
        """A few lines for the Dagster UI beside the link to the page."""
        f = self.data.figures
        lines = [
            f"**{f.issues:,} issues, {f.articles:,} articles** from {len(self.data.papers)} paper(s)"
            + (f", published {f.first_issue_on} – {f.last_issue_on}" if f.first_issue_on else ""),
            f"- {f.meetings:,} meetings, {f.projects:,} projects, {f.statistics:,} statistics, {f.people:,} officials",
        ]
        if self.data.officials:
            top = self.data.officials[0]
            title = f" ({top.titles[0]})" if top.titles else ""
            lines.append(f"- most named official: {top.label}{title}, in {top.article_count} articles")
        if self.data.chairs:
            chair = self.data.chairs[0]
            lines.append(f"- chairs most meetings: {chair['person']}, {chair['meetings']}")
        lines.append(f"- open `{self.path}` in a browser (works offline)")
        return "\n".join(lines)


def preload() -> None:
    """What the first report in a process imports, for a process that has time before its run
    (run_worker.py): altair, narwhals as altair builds its first chart, and pandas, which DuckDB
    imports as it binds the queries' parameters (0.4 s together)."""
    import pandas  # noqa: F401

    from .charts import standalone_chart
    from .page import report_page  # noqa: F401

    standalone_chart([{"period": "2000", "issues": 1}], "period", "issues")


def write_report(conn, path: Path, warehouse: str) -> WrittenReport:
    """Read the marts through ``conn`` and write the page to ``path`` (replaced whole, never half-written)."""
    # altair takes half a second to import, and every run's process loads this package
    from .charts import report_charts
    from .page import report_page

    data = read_report_data(conn)
    html = report_page(data, report_charts(data), warehouse, datetime.now())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, path)
    return WrittenReport(path, path.stat().st_size, data)
