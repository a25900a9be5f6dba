"""The report's charts as Vega-Lite specs (built with altair), their data inlined in the spec."""
from __future__ import annotations

import altair as alt

from .queries import ReportData

# Chinese-capable faces first (Linux, macOS, Windows), then the browser's own sans-serif.
FONT_FAMILY = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif'
)
WIDTH = 760
BAR_HEIGHT = 22  # per row of a horizontal bar chart
MOST_PAPERS = 9  # papers with a colour of their own; the rest share OTHER_PAPERS
OTHER_PAPERS = "(other papers)"
CHART_INVESTMENTS = 25
MOST_TICKS = 8


def report_charts(data: ReportData) -> dict[str, dict]:
    """Chart id -> Vega-Lite spec, in page order; a chart with no rows is left out."""
    # altair checks every object against the Vega-Lite JSON schema as it is built, ~0.3 s of each
    # report at 100,000 issues; tests/test_report.py checks the finished specs once instead.
    with alt.utils.schemapi.debug_mode(False):
        return _charts(data)


def _charts(data: ReportData) -> dict[str, dict]:
    # every period on the axis, those without an issue too
    period_axis = alt.X("period:O", scale=alt.Scale(domain=data.periods), title=f"publication {data.period}",
                        axis=alt.Axis(labelAngle=-45, labelOverlap=True))
    charts = {
        "issues-by-paper": _stacked_bars(
            _fewer_papers(data.issues_by_period, "issues"), period_axis, "issues", "paper",
            f"Issues per {data.period}, by paper",
        ),
        "articles-by-kind": _stacked_bars(
            data.articles_by_period, period_axis, "articles", "kind", f"Articles per {data.period}, by kind",
        ),
        "articles-by-paper": _stacked_bars(
            _fewer_papers(data.articles_by_period, "articles"), period_axis, "articles", "paper",
            f"Articles per {data.period}, by paper",
        ),
        "officials": _ranked_bars(
            [{"official": o.label, "titles": " / ".join(o.titles), "articles": o.article_count,
              "meetings": o.meeting_count} for o in data.officials],
            "official", "articles", "Officials who appear most: articles naming them",
            tooltip=[_text("official"), _text("titles"), _number("articles"), _number("meetings")],
        ),
        "chairs": _ranked_bars(
            [{"chair": r["person"], "title": r["title"] or "", "meetings": r["meetings"]} for r in data.chairs],
            "chair", "meetings", "Meetings per chair",
            tooltip=[_text("chair"), _text("title"), _number("meetings")],
        ),
        "investments": _ranked_bars(
            _investments(data.projects), "project", "investment_yi",
            "Projects by investment (亿元 = 100 million yuan)",
            tooltip=[_text("project"), _text("company"), _text("location"),
                     _number("investment_yi", "investment (亿元)"), _number("floor_area_m2", "floor area (m²)"),
                     _number("land_area_mu", "land (亩)"), _text("stage")],
            measure_title="investment (亿元)", counts=False,
        ),
        "statistic-subjects": _ranked_bars(
            [{**r, "label": f'{r["subject"]} · {r["unit"]}'} for r in data.statistic_subjects],
            "label", "reported", "Statistics reported most often (subject · unit)",
            tooltip=[_text("subject"), _text("unit"), _number("reported"), _number("articles"),
                     _text("latest_printed", "latest, as printed")],
            measure_title="times reported",
        ),
        "statistic-units": _ranked_bars(
            data.statistic_units, "unit", "reported", "Units of the reported statistics",
            tooltip=[_text("unit"), _number("reported"), _number("subjects", "distinct subjects")],
            measure_title="times reported",
        ),
    }
    return {name: _standalone(chart) for name, chart in charts.items() if chart.data.values}


def _stacked_bars(rows: list[dict], x: alt.X, measure: str, colour: str, title: str) -> alt.Chart:
    return alt.Chart(alt.Data(values=rows), title=title, width=WIDTH, height=260).mark_bar().encode(
        x=x,
        y=alt.Y(f"sum({measure}):Q", title=measure, axis=_count_axis(_largest_stack(rows, measure))),
        color=alt.Color(f"{colour}:N", title=colour, legend=alt.Legend(labelLimit=240)),
        tooltip=["period:O", f"{colour}:N", alt.Tooltip(f"sum({measure}):Q", title=measure)],
    )


def _ranked_bars(rows: list[dict], label: str, measure: str, title: str, tooltip: list[alt.Tooltip],
                 measure_title: str | None = None, counts: bool = True) -> alt.Chart:
    """Horizontal bars, largest first (rows come sorted)."""
    order = [row[label] for row in rows]
    axis = _count_axis(max((row[measure] for row in rows), default=1)) if counts else alt.Axis()
    height = max(BAR_HEIGHT, BAR_HEIGHT * len(rows))
    return alt.Chart(alt.Data(values=rows), title=title, width=WIDTH - 260, height=height).mark_bar().encode(
        x=alt.X(measure, type="quantitative", title=measure_title or measure, axis=axis),
        y=alt.Y(label, type="nominal", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        tooltip=tooltip,
    )


def _count_axis(largest: int) -> alt.Axis:
    """Whole-number ticks: d3 would put a tick at every half when the largest count is 2 or 3."""
    return alt.Axis(format="d", tickCount=max(1, min(int(largest), MOST_TICKS)))


def _largest_stack(rows: list[dict], measure: str) -> int:
    stacks: dict[str, int] = {}
    for row in rows:
        stacks[row["period"]] = stacks.get(row["period"], 0) + row[measure]
    return max(stacks.values(), default=1)


def _text(field: str, title: str | None = None) -> alt.Tooltip:
    return alt.Tooltip(field, type="nominal", title=title or field)


def _number(field: str, title: str | None = None) -> alt.Tooltip:
    return alt.Tooltip(field, type="quantitative", title=title or field, format=",")


def _fewer_papers(rows: list[dict], measure: str) -> list[dict]:
    """Rows with papers beyond the MOST_PAPERS largest named OTHER_PAPERS: a legend stays readable."""
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["paper"]] = totals.get(row["paper"], 0) + row[measure]
    kept = set(sorted(totals, key=lambda paper: (-totals[paper], paper))[:MOST_PAPERS])
    return [{**row, "paper": row["paper"] if row["paper"] in kept else OTHER_PAPERS} for row in rows]


def _investments(projects: list[dict]) -> list[dict]:
    with_investment = [p for p in projects if p["investment_cny"]][:CHART_INVESTMENTS]
    return [
        {
            "project": p["project_name"] or p["company"] or "(unnamed project)",
            "company": p["company"] or "",
            "location": p["location"] or "",
            "investment_yi": round(p["investment_cny"] / 1e8, 4),
            "floor_area_m2": p["floor_area_m2"],
            "land_area_mu": p["land_area_mu"],
            "stage": p["status"] or "",
        }
        for p in with_investment
    ]


def standalone_chart(rows: list[dict], label: str, measure: str) -> dict:
    """One bar chart as the page embeds it."""
    with alt.utils.schemapi.debug_mode(False):
        return _standalone(alt.Chart(alt.Data(values=rows)).mark_bar().encode(x=f"{label}:O", y=f"{measure}:Q"))


def _standalone(chart: alt.Chart) -> dict:
    """The spec as the page embeds it: the CJK font list, and no $schema URL (the page loads nothing)."""
    spec = chart.configure(font=FONT_FAMILY).configure_view(stroke=None).to_dict(validate=False)
    spec.pop("$schema", None)
    return spec
