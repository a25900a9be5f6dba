"""The report (`make report`, asset reports/overview): one HTML file that opens offline and shows what
the warehouse holds.

Reads the seeds' `make run` warehouse (``built``, shared with test_e2e.py): that build writes the
report itself, after the marts, so these tests also check that it is part of every build.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import altair as alt
import duckdb
import jsonschema
import pytest
from dagster import AssetKey, DagsterInstance

from conftest import warehouse_rows as _rows
from gazette_pipeline.assets.report import MARTS
from gazette_pipeline.report import report_path
from gazette_pipeline.report.__main__ import main as make_report
from gazette_pipeline.report.charts import report_charts
from gazette_pipeline.report.page import vega_bundle
from gazette_pipeline.report.queries import NO_UNIT, TOP_CHAIRS, UNKNOWN_PAPER, read_report_data

pytestmark = pytest.mark.e2e

EXTERNAL = re.compile(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", re.I)


class Page(HTMLParser):
    """The parts of a page a browser could load something for: tags with their attributes, styles, scripts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.markup_text: list[str] = []
        self._open: tuple[str, dict] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag in ("script", "style"):
            self._open = (tag, attributes)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None

    def handle_data(self, data):
        if self._open is None:
            self.markup_text.append(data)
        elif self._open[0] == "script":
            self.scripts.append((self._open[1], data))
        else:
            self.styles.append(data)

    def specs(self) -> dict[str, dict]:
        """Chart element id -> the Vega-Lite spec embedded for it."""
        return {attrs["data-chart"]: json.loads(text) for attrs, text in self.scripts
                if attrs.get("type") == "application/json"}


@pytest.fixture(scope="module")
def page(built) -> Page:
    return Page(report_path(built).read_text(encoding="utf-8"))


def _values(spec: dict) -> list[dict]:
    return spec["data"]["values"]


def test_the_page_loads_nothing_from_outside_the_file(page):
    for tag, attributes in page.tags:
        assert tag not in {"link", "img", "iframe", "object", "embed", "base", "source", "audio", "video"}, tag
        assert "src" not in attributes and "srcset" not in attributes, (tag, attributes)
        assert attributes.get("href", "#").startswith("#"), (tag, attributes)  # in-page anchors only
        assert not EXTERNAL.search(" ".join(attributes.values())), (tag, attributes)
    for style in page.styles:
        assert "@import" not in style and "url(" not in style
        assert not EXTERNAL.search(style)
    assert not EXTERNAL.search(" ".join(page.markup_text))
    # the one script that names web addresses is vl-convert's bundle of Vega, verbatim: its own
    # SVG namespaces and help links; it fetches only what a spec asks for, and the specs ask nothing
    library = [text for _, text in page.scripts if EXTERNAL.search(text)]
    assert library == [vega_bundle()]
    for spec in page.specs().values():
        assert '"url"' not in json.dumps(spec)  # every chart's data inline
    policy = [attrs["content"] for tag, attrs in page.tags if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policy and "default-src 'none'" in policy[0]


def test_every_chart_is_a_valid_vega_lite_spec(page):
    """The report builds its charts without altair's checks (charts.py): the finished specs are
    checked here, against the Vega-Lite schema the page's Vega bundle renders."""
    specs = page.specs()
    assert len(specs) >= 5
    for spec in specs.values():
        alt.Chart.from_dict(spec, validate=True)  # raises on the first breach
    broken = {**specs["chart-articles-by-kind"], "mark": {"type": "no-such-mark"}}
    with pytest.raises(jsonschema.ValidationError):
        alt.Chart.from_dict(broken, validate=True)


def test_the_page_names_a_chinese_font_for_text_and_charts(page):
    assert any("Noto Sans CJK SC" in style and "font-family" in style for style in page.styles)
    assert all("Noto Sans CJK SC" in spec["config"]["font"] for spec in page.specs().values())


def test_each_chart_holds_the_warehouses_figures(built, page):
    specs = page.specs()
    assert set(specs) == {f"chart-{name}" for name in (
        "issues-by-paper", "articles-by-kind", "articles-by-paper", "officials", "chairs", "investments",
        "statistic-subjects", "statistic-units")}

    kinds = dict(_rows(built, "select kind, count(*) from marts.articles group by kind"))
    charted = {}
    for row in _values(specs["chart-articles-by-kind"]):
        charted[row["kind"]] = charted.get(row["kind"], 0) + row["articles"]
    assert charted == kinds
    (issues,) = _rows(built, "select count(*) from marts.issues")[0]
    assert sum(row["issues"] for row in _values(specs["chart-issues-by-paper"])) == issues

    (top_official,) = _rows(built, "select person from marts.people"
                                   " order by article_count desc, meeting_count desc, person limit 1")[0]
    assert _values(specs["chart-officials"])[0]["official"].startswith(top_official)

    chairs = _rows(built, "select c, count(*) from (select unnest(chair) as c from marts.meetings)"
                          f" group by c order by 2 desc, c limit {TOP_CHAIRS}")
    assert [(r["chair"], r["meetings"]) for r in _values(specs["chart-chairs"])] == [tuple(c) for c in chairs]

    (largest,) = _rows(built, "select project_name from marts.projects order by investment_cny desc nulls last limit 1")[0]
    assert _values(specs["chart-investments"])[0]["project"] == largest

    (subject, unit, times) = _rows(built, f"select subject, coalesce(unit, '{NO_UNIT}'), count(*) from marts.statistics"
                                          " where subject is not null"
                                          " group by all order by 3 desc, count(distinct article_id) desc, 1, 2 limit 1")[0]
    first = _values(specs["chart-statistic-subjects"])[0]
    assert (first["subject"], first["unit"], first["reported"]) == (subject, unit, times)


def test_the_tables_name_each_official_with_a_title(built, page):
    text = " ".join(page.markup_text)
    for person, title in _rows(built, "select person, latest_title from marts.people"
                                      " where latest_title is not null order by article_count desc limit 5"):
        assert person in text and title in text


def test_the_build_records_the_report_for_the_ui(built, monkeypatch):
    """The asset's materialization links the page and summarises it (the UI shows both)."""
    home = built.parent / "dagster_home"  # the build's own Dagster instance
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with DagsterInstance.get() as instance:
        event = instance.get_latest_materialization_event(AssetKey(["reports", "overview"]))
        marts = [instance.get_latest_materialization_event(key) for key in MARTS]
    assert event.timestamp > max(mart.timestamp for mart in marts)  # written from the marts just built
    metadata = event.asset_materialization.metadata
    assert metadata["path"].value == str(report_path(built)) == str(built.parent / "warehouse.report.html")
    assert report_path(built).exists()
    summary = metadata["summary"].value
    (issues, articles) = _rows(built, "select (select count(*) from marts.issues), (select count(*) from marts.articles)")[0]
    (top_official,) = _rows(built, "select person from marts.people"
                                   " order by article_count desc, meeting_count desc, person limit 1")[0]
    assert f"**{issues:,} issues, {articles:,} articles**" in summary
    assert top_official in summary


def test_make_report_writes_it_from_the_warehouse_as_it_is(built, tmp_path, monkeypatch, capsys):
    warehouse = Path(shutil.copy(built, tmp_path / "copy.duckdb"))
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    assert make_report() == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "copy.report.html")
    assert Page((tmp_path / "copy.report.html").read_text(encoding="utf-8")).specs()
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before  # nothing rebuilt, nothing written


def test_papers_and_older_warehouses(built, tmp_path):
    """Issues without a paper count under UNKNOWN_PAPER; a warehouse without the paper and locality
    columns or the person_titles mart (built before they existed) still gets its report."""
    warehouse = Path(shutil.copy(built, tmp_path / "copy.duckdb"))
    conn = duckdb.connect(str(warehouse))
    try:
        conn.execute("alter table marts.issues add column if not exists paper varchar")
        conn.execute("update marts.issues set paper = case when source_file = (select min(source_file)"
                     " from marts.issues) then '甲日报' end")
        papers = {row["paper"]: row["issues"] for row in read_report_data(conn).papers}
        assert papers == {"甲日报": 1, UNKNOWN_PAPER: 4}

        conn.execute("alter table marts.issues drop column paper")
        conn.execute("drop table if exists marts.person_titles")
        if conn.execute("select count(*) from information_schema.columns where table_schema = 'marts'"
                        " and table_name = 'people' and column_name = 'locality'").fetchone()[0]:
            conn.execute("alter table marts.people drop column locality")
        data = read_report_data(conn)
        assert {row["paper"] for row in data.issues_by_period} == {UNKNOWN_PAPER}
        assert all(len(o.titles) == 1 for o in data.officials if o.titles)
        assert report_charts(data)["articles-by-paper"]
    finally:
        conn.close()
