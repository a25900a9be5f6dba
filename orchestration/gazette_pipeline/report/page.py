"""The report as one HTML page that opens offline: styles, chart specs and the Vega libraries inline.

Tables are plain HTML, so the figures read even where scripts are blocked; the charts need the
inlined script and nothing else. The page's Content-Security-Policy forbids the browser any load
from the network, so a chart that asked for one would fail visibly instead of leaking a request.
"""
from __future__ import annotations

import functools
import json
import os
from datetime import date, datetime
from html import escape
from pathlib import Path

import altair as alt
import vl_convert

from .charts import FONT_FAMILY
from .queries import UNDATED, ReportData

# 'unsafe-eval': Vega compiles its expressions with Function(); nothing may come from outside the file.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:"
)

STYLE = """
body { font-family: %(font)s; margin: 0; color: #1f2328; background: #fff; line-height: 1.5; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; margin-top: 2.2em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; }
.zh { color: #57606a; font-weight: normal; }
.meta, .note { color: #57606a; font-size: 0.9em; }
nav a { margin-right: 1em; }
ul.figures { display: flex; flex-wrap: wrap; gap: 12px; padding: 0; list-style: none; }
ul.figures li { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
ul.figures b { display: block; font-size: 1.5em; }
.chart { margin: 16px 0; overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.88em; margin: 12px 0; }
th, td { border-bottom: 1px solid #eaeef2; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.d { white-space: nowrap; }
"""

# Draws each chart from the spec beside it; a chart that fails says so in its place.
EMBED_CHARTS = """
for (const spec of document.querySelectorAll("script.vega-lite")) {
  const target = document.getElementById(spec.dataset.chart);
  vegaEmbed(target, JSON.parse(spec.textContent), {mode: "vega-lite", renderer: "svg", actions: false})
    .catch((error) => { target.textContent = "This chart could not be drawn: " + error; });
}
"""


def report_page(data: ReportData, charts: dict[str, dict], warehouse: str, generated_at: datetime) -> str:
    f = data.figures
    sections = [
        _section("time", "Issues and articles over time", "各期与文章",
                 _undated_note(data),
                 _chart(charts, "issues-by-paper"), _chart(charts, "articles-by-kind"),
                 _chart(charts, "articles-by-paper"),
                 _table(["paper", "issues", "articles", "first issue", "last issue", "undated issues"],
                        [[p["paper"], p["issues"], p["articles"], p["first_issue_on"], p["last_issue_on"],
                          p["undated_issues"]] for p in data.papers],
                        numeric={"issues", "articles", "undated issues"})),
        _section("officials", "Officials who appear most", "出现最多的官员",
                 _note("Titles as printed, most used first." if data.has_title_history
                       else "Each official's latest printed title."),
                 _chart(charts, "officials"),
                 _table(["official", "titles", "articles", "meetings", "first seen", "last seen"],
                        [[o.label, "；".join(o.titles), o.article_count, o.meeting_count, o.first_seen_on,
                          o.last_seen_on] for o in data.officials],
                        numeric={"articles", "meetings"})),
        _section("meetings", "Meetings per chair", "会议主持人",
                 _note(f"{f.meetings_without_chair} of {f.meetings} meetings print no chair (主持) and are not counted here."),
                 _chart(charts, "chairs")),
        _section("projects", "Projects: investment, area and stage", "项目：投资、面积与进度",
                 _projects_note(data),
                 _chart(charts, "investments"),
                 _table(["project", "company", "location", "investment", "floor area", "land",
                         "stage", "expected completion", "last reported", "reports"],
                        [[p["project_name"], p["company"], p["location"], _money(p["investment_cny"]),
                          _area(p["floor_area_m2"], "m²"), _area(p["land_area_mu"], "亩"), p["status"],
                          p["expected_completion"], p["last_reported_on"], p["reports"]] for p in data.projects],
                        numeric={"investment", "floor area", "land", "reports"})),
        _section("statistics", "Statistics reported most often", "最常报道的统计数字",
                 _chart(charts, "statistic-subjects"), _chart(charts, "statistic-units"),
                 _table(["subject", "unit", "times reported", "articles", "latest, as printed"],
                        [[s["subject"], s["unit"], s["reported"], s["articles"], s["latest_printed"]]
                         for s in data.statistic_subjects],
                        numeric={"times reported", "articles"})),
    ]
    return "\n".join([
        "<!doctype html>",
        '<html lang="zh-Hans">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>gazette report · 报告</title>",
        f"<style>{STYLE % {'font': FONT_FAMILY}}</style>",
        "</head>",
        "<body><main>",
        _header(data, warehouse, generated_at),
        *sections,
        "</main>",
        f"<script>{_script(vega_bundle())}</script>",
        f"<script>{EMBED_CHARTS}</script>",
        "</body>",
        "</html>",
    ])


@functools.cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (vl-convert bundles them, no network needed);
    Vega-Lite at the version altair writes specs for.

    Bundling takes about 2 s, in every build: the bundle is kept in the user's cache folder, one
    file per version of vl-convert and Vega-Lite.
    """
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    vl_version = f"{major}.{minor}"
    cached = _cache_dir() / f"vega-bundle-{vl_convert.__version__}-vl{vl_version}.js"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = vl_convert.javascript_bundle(vl_version=vl_version)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
        partial.write_text(bundle, encoding="utf-8")
        os.replace(partial, cached)  # two builds at once each write whole files
    except OSError:
        pass  # no writable cache: the next report bundles again
    return bundle


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gazette"


def _header(data: ReportData, warehouse: str, generated_at: datetime) -> str:
    f = data.figures
    dates = f"issues published {f.first_issue_on} – {f.last_issue_on}" if f.first_issue_on else "no dated issue"
    figures = [("issues", f.issues), ("articles", f.articles), ("papers", len(data.papers)),
               ("officials", f.people), ("meetings", f.meetings), ("projects", f.projects),
               ("statistics", f.statistics)]
    return "\n".join([
        "<header>",
        '<h1>gazette report <span class="zh">· 地方政府新闻报告</span></h1>',
        f'<p class="meta">{escape(warehouse)} · {escape(dates)} · '
        f"generated {generated_at:%Y-%m-%d %H:%M}</p>",
        '<ul class="figures">' + "".join(f"<li><b>{n:,}</b>{escape(name)}</li>" for name, n in figures) + "</ul>",
        "<nav>" + "".join(f'<a href="#{anchor}">{escape(name)}</a>' for anchor, name in [
            ("time", "over time"), ("officials", "officials"), ("meetings", "meetings"),
            ("projects", "projects"), ("statistics", "statistics")]) + "</nav>",
        "<noscript><p class=\"note\">The charts need JavaScript; the tables below do not.</p></noscript>",
        "</header>",
    ])


def _section(anchor: str, title: str, title_zh: str, *parts: str) -> str:
    return "\n".join([f'<section id="{anchor}">',
                      f'<h2>{escape(title)} <span class="zh">· {escape(title_zh)}</span></h2>',
                      *parts, "</section>"])


def _chart(charts: dict[str, dict], name: str) -> str:
    if name not in charts:
        return _note("Nothing to chart yet.")
    # "</" closes a script element wherever it appears, even inside a JSON string
    spec = json.dumps(charts[name], ensure_ascii=False, default=str).replace("</", "<\\/")
    return (f'<div class="chart" id="chart-{name}"></div>\n'
            f'<script type="application/json" class="vega-lite" data-chart="chart-{name}">{spec}</script>')


def _table(header: list[str], rows: list[list], numeric: set[str]) -> str:
    """An HTML table; the ``numeric`` columns right-aligned."""
    if not rows:
        return _note("Nothing in the warehouse yet.")
    head = "".join(f"<th>{escape(name)}</th>" for name in header)
    body = "".join(
        "<tr>" + "".join(_cell(value, name in numeric) for name, value in zip(header, row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value, numeric: bool) -> str:
    if isinstance(value, date):
        return f'<td class="d">{value.isoformat()}</td>'
    text = "" if value is None else str(value)
    return f'<td class="n">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>"


def _note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def _undated_note(data: ReportData) -> str:
    undated = sum(row["issues"] for row in data.issues_by_period if row["period"] == UNDATED)
    if not undated:
        return ""
    return _note(f"{undated} of {data.figures.issues} issues have no publication date; "
                 f"they are counted under {UNDATED}.")


def _projects_note(data: ReportData) -> str:
    f = data.figures
    invested = (f"together {_money(f.investment_cny)}" if f.projects_with_investment else "none")
    shown = (f" The table shows the {len(data.projects)} largest." if f.projects > len(data.projects) else "")
    return _note(f"{f.projects_with_investment} of {f.projects} projects print an investment ({invested}).{shown}")


def _money(yuan: float | None) -> str:
    if yuan is None:
        return ""
    if yuan >= 1e8:
        return f"{yuan / 1e8:,.2f} 亿元"
    if yuan >= 1e4:
        return f"{yuan / 1e4:,.0f} 万元"
    return f"{yuan:,.0f} 元"


def _area(value: float | None, unit: str) -> str:
    return "" if value is None else f"{value:,.0f} {unit}"


def _script(source: str) -> str:
    return source.replace("</script", "<\\/script")
