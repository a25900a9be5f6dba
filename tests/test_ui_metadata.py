"""What the Dagster UI shows about the tables: each dbt model's columns with their types and
descriptions, and the figures each parse and extraction run reports (plotted over time)."""
from __future__ import annotations

from dataclasses import fields
from datetime import date

import duckdb
import pytest
import yaml
from dagster import DagsterInstance, materialize

from conftest import DBT_DIR, SEEDS
from gazette_pipeline.assets.extract import extract_articles
from gazette_pipeline.assets.ingest import ingest_issue_files
from gazette_pipeline.assets.parse import parse_articles
from gazette_pipeline.assets.projects import merge_projects
from gazette_pipeline.dbt import gazette_dbt_models
from gazette_pipeline.partitions import range_tags, register_batches
from gazette_pipeline.quality import (
    article_quality,
    issue_quality,
    meeting_quality,
    participant_quality,
    people_quality,
    project_quality,
    report_quality,
    statistics_quality,
)
from gazette_pipeline.resources import Warehouse
from gazette_pipeline.rows import (
    ArticleRow,
    IssueRow,
    MeetingRow,
    ParticipantRow,
    PersonMentionRow,
    ProjectReportRow,
    ProjectRow,
    StatisticRow,
    StoredArticle,
    arrow_table,
)


# --- columns -----------------------------------------------------------------------------------

def _yaml_columns() -> dict[str, dict[str, dict]]:
    """model name -> column name -> its entry in the model's YAML, for every model of the project."""
    models = {}
    for path in (DBT_DIR / "models").rglob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            models[model["name"]] = {c["name"]: c for c in model["columns"]}
    return models


def _column_schemas() -> dict[str, list]:
    """model name -> the columns the UI lists for its asset (the code location's own definitions)."""
    return {
        key.path[-1]: spec.metadata["dagster/column_schema"].columns
        for key, spec in gazette_dbt_models.specs_by_key.items()
    }


def test_every_dbt_model_lists_each_column_with_its_yaml_type_and_a_description():
    yaml_columns, schemas = _yaml_columns(), _column_schemas()
    # A difference here with YAML just edited: the code location loads dbt_project/target/manifest.json,
    # which `make setup` (and `make ui`) parse again; run `dbt parse` before pytest on its own.
    assert set(schemas) == set(yaml_columns)  # the marts and the staging views
    for model, columns in schemas.items():
        assert [c.name for c in columns] == list(yaml_columns[model]), model
        for column in columns:
            # the UI shows "?" (dagster-dbt's stand-in for an unknown type) as an empty cell
            assert column.type.strip("? "), f"{model}.{column.name} has no type"
            assert column.type == yaml_columns[model][column.name]["data_type"], f"{model}.{column.name}"
            assert column.description and "{{" not in column.description, f"{model}.{column.name}"


# --- figures from hand-built rows --------------------------------------------------------------

def _row(row_type, **given):
    """A row with only the fields a figure reads; the rest None, so a new column costs no test edit."""
    return row_type(**{f.name: None for f in fields(row_type)} | given)


def _article(kind="event", dateline=None, event_date=None, reporters=(), contributors=(), photographers=()):
    return _row(ArticleRow, kind=kind, dateline=dateline, event_date=event_date, reporters=list(reporters),
                contributors=list(contributors), photographers=list(photographers))


def test_article_figures():
    day = date(2024, 10, 15)
    articles = [
        _article(dateline="10月15日", event_date=day, reporters=["甲"]),
        _article(dateline="昨天", event_date=day, contributors=["乙"]),
        _article(dateline="近日"),  # a dateline that resolves to no date
        _article(kind="photo", dateline="10月15日", event_date=day, photographers=["丙"]),
        _article(kind="photo", reporters=["丁"]),  # a photo item's reporters are no byline share
    ]
    assert article_quality(articles) == {
        "articles": 5,
        "photo_items": 2,
        "dateline_share": 4 / 5,
        "dateline_resolved_share": 3 / 4,  # of the articles with a dateline, not of all 5
        "byline_share": 2 / 3,  # of the 3 articles that are not photo items
        "photographer_share": 1 / 2,
    }


def test_issue_figures():
    issues = [
        _row(IssueRow, published_on=date(2024, 10, 16), coverage=1.0),
        _row(IssueRow, published_on=None, coverage=0.9),
        _row(IssueRow, published_on=date(2024, 10, 17), coverage=None),  # the parser failed on it
    ]
    assert issue_quality(issues) == {
        "issues_parsed": 3,
        "published_on_share": 2 / 3,
        "coverage_mean": pytest.approx(0.95),
        "coverage_min": 0.9,
    }


def test_a_run_that_read_nothing_reports_gaps_not_zeros():
    """A share of nothing is None (a gap in the UI's plot), and the keys stay the same."""
    empty = article_quality([])
    assert empty == {"articles": 0, "photo_items": 0, "dateline_share": None, "dateline_resolved_share": None,
                     "byline_share": None, "photographer_share": None}
    assert statistics_quality([], []) == {"articles_read": 0, "statistics": 0, "articles_with_figures": 0,
                                          "articles_with_figures_share": None, "figures_per_article": None}


def _stored(article_id: str) -> StoredArticle:
    return _row(StoredArticle, article_id=article_id, issue_id="i1", kind="event", body="")


def test_statistics_and_people_figures():
    articles = [_stored(f"i1-{n}") for n in range(1, 5)]
    figures = [_row(StatisticRow, article_id=a) for a in ("i1-1", "i1-1", "i1-3")]
    assert statistics_quality(articles, figures) == {
        "articles_read": 4,
        "statistics": 3,
        "articles_with_figures": 2,
        "articles_with_figures_share": 2 / 4,
        "figures_per_article": 3 / 4,
    }
    mentions = [_row(PersonMentionRow, article_id=a, person=p)
                for a, p in (("i1-1", "张三"), ("i1-1", "李四"), ("i1-2", "张三"))]
    assert people_quality(articles, mentions) == {
        "articles_read": 4,
        "mentions": 3,
        "distinct_people": 2,
        "articles_with_people_share": 2 / 4,
        "mentions_per_article": 3 / 4,
    }


def test_meeting_figures():
    meetings = [_row(MeetingRow, meeting_id=m, meeting_name=name)
                for m, name in (("m1", "常委会会议"), ("m2", None), ("m3", "座谈会"))]
    participants = [
        _row(ParticipantRow, meeting_id="m1", role="chair", title="区委书记"),
        _row(ParticipantRow, meeting_id="m1", role="attendee", title=None),
        _row(ParticipantRow, meeting_id="m2", role="speaker", title="区长"),
        _row(ParticipantRow, meeting_id="m2", role="attendee", title="副区长"),
    ]
    assert meeting_quality(meetings, participants) == {
        "meetings": 3,
        "meetings_named_share": 2 / 3,
        "meetings_with_chair_share": 1 / 3,  # m2 has people but no chair, m3 none at all
        "meetings_with_participants_share": 2 / 3,
    }
    assert participant_quality(meetings, participants) == {
        "participants": 4,
        "participants_per_meeting": 4 / 3,
        "participants_with_title_share": 3 / 4,
    }


def test_project_figures():
    articles = [_stored("i1-1"), _stored("i1-2")]
    reports = [
        _row(ProjectReportRow, company="甲公司", investment_cny=1e8, location="园区", expected_completion="2025-06"),
        _row(ProjectReportRow, company="甲公司", investment_cny=None, location=None, expected_completion=None),
        _row(ProjectReportRow, company=None, investment_cny=5e7, location=None, expected_completion=None),
    ]
    assert report_quality(articles, reports) == {
        "articles_read": 2,
        "project_reports": 3,
        "reports_with_company_share": 2 / 3,
        "reports_with_investment_share": 2 / 3,
        "reports_with_location_share": 1 / 3,
        "reports_with_completion_share": 1 / 3,
    }
    projects = [
        _row(ProjectRow, investment_cny=1e8, report_ids=["i1-1-p1", "i2-4-p1"]),
        _row(ProjectRow, investment_cny=5e7, report_ids=["i1-2-p1"]),
        _row(ProjectRow, investment_cny=None, report_ids=["i2-1-p1"]),
        _row(ProjectRow, investment_cny=None, report_ids=["i2-2-p1"]),
    ]
    assert project_quality(_warehouse_of(projects, reports)) == {
        "projects": 4,
        "reports": 3,
        "reports_per_project": 3 / 4,
        "projects_with_investment_share": 2 / 4,
        "projects_with_several_reports_share": 1 / 4,
    }


def _warehouse_of(projects: list[ProjectRow], reports: list[ProjectReportRow]):
    """An in-memory warehouse holding these rows: project figures are counted where the projects are."""
    conn = duckdb.connect()
    conn.execute("create schema parsed")
    for row_type, rows in ((ProjectRow, projects), (ProjectReportRow, reports)):
        conn.register("_rows", arrow_table(row_type, rows))
        conn.execute(f"create table {row_type.table} as select * from _rows")
        conn.unregister("_rows")
    return conn


# --- figures of a real run ---------------------------------------------------------------------

EXTRACTION = {
    # asset key -> the figures its materialization reports besides issues_read
    ("parsed", "statistics"): statistics_quality([], []),
    ("parsed", "people_mentions"): people_quality([], []),
    ("parsed", "meetings"): meeting_quality([], []),
    ("parsed", "meeting_participants"): participant_quality([], []),
    ("parsed", "project_reports"): report_quality([], []),
    ("parsed", "projects"): project_quality(_warehouse_of([], [])),
    ("parsed", "issues"): issue_quality([]),
    ("parsed", "articles"): article_quality([]),
}


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    """The seeds through the Python assets (no dbt) in an instance of its own: the extraction run's
    metadata by asset key, and the warehouse it describes."""
    warehouse = Warehouse(path=str(tmp_path_factory.mktemp("ui_metadata") / "wh.duckdb"))
    resources, instance = {"warehouse": warehouse}, DagsterInstance.ephemeral()
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    tags = range_tags(register_batches(instance, files))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ISSUES_DIR", str(SEEDS))
        per_issue = materialize([ingest_issue_files, parse_articles], instance=instance, resources=resources,
                                tags=tags)
        assert per_issue.success
        extraction = materialize([extract_articles,
                                  merge_projects], instance=instance, resources=resources)
    assert extraction.success
    events = [e.step_materialization_data.materialization
              for run in (per_issue, extraction) for e in run.get_asset_materialization_events()]
    return {tuple(m.asset_key.path): {k: v.value for k, v in m.metadata.items()} for m in events}, warehouse


def _one(warehouse: Warehouse, sql: str):
    with warehouse.connect() as conn:
        return conn.execute(sql).fetchone()[0]


def test_each_extraction_asset_reports_its_figures_as_numbers(seeds_run):
    metadata, _ = seeds_run
    for key, figures in EXTRACTION.items():
        assert set(figures) <= set(metadata[key]), key
        for name in figures:
            value = metadata[key][name]
            assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{key} {name}: {value!r}"


def test_the_figures_of_a_run_are_those_of_the_warehouse(seeds_run):
    metadata, warehouse = seeds_run
    statistics, meetings = metadata[("parsed", "statistics")], metadata[("parsed", "meetings")]
    assert statistics["articles_read"] == _one(warehouse, "select count(*) from parsed.articles")
    assert statistics["figures_per_article"] == pytest.approx(_one(warehouse, """
        select (select count(*) from parsed.statistics) / (select count(*) from parsed.articles)"""))
    assert meetings["meetings_with_chair_share"] == pytest.approx(_one(warehouse, """
        select avg((meeting_id in (select meeting_id from parsed.meeting_participants where role = 'chair'))::int)
        from parsed.meetings"""))
    assert metadata[("parsed", "projects")]["projects"] == _one(warehouse, "select count(*) from parsed.projects")
