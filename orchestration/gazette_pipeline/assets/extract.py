"""Extraction: every reported quantity, every titled person, each meeting and each project report, read
off the articles parsed since the last extraction (extraction_log.py) in one pass over them."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from ..extracting import EXTRACTED_ROWS, extraction_chunk
from ..quality import meeting_figures, participant_figures, people_figures, report_figures, statistics_figures
from ..resources import Warehouse
from ..rows import MeetingRow, PersonMentionRow, ProjectReportRow, StatisticRow
from ..settings import DUCKDB_POOL
from .extraction_log import run_extraction

_ARTICLES = ["parsed", "articles"]


def _spec(name: str, description: str) -> AssetSpec:
    return AssetSpec(["parsed", name], deps=[_ARTICLES], kinds={"python", "duckdb"}, description=description)


@multi_asset(
    specs=[
        _spec("statistics", "One row per quantity printed in an article, normalised, with its sentence and offsets."),
        _spec("people_mentions", "Every person named after an official title, with the title as printed."),
        _spec("meetings", "One row per meeting reported by a meeting article."),
        _spec("meeting_participants", "Who chaired, spoke at, attended or sat in on each meeting."),
        _spec("project_reports", "One row per article or photo caption that reports an investment project."),
    ],
    name="extract_articles",
    group_name="extract",
    pool=DUCKDB_POOL,
)
def extract_articles(context: AssetExecutionContext, warehouse: Warehouse):
    """Find the quantities, the titled people, each meeting's name, chair and participants, and each
    project's company, place, money, land, floor area, stage and completion."""
    run = run_extraction(warehouse, "extract", extraction_chunk, EXTRACTED_ROWS)
    read = {"issues_read": run.issues_read}
    meetings = run.tallies[MeetingRow.table]
    yield MaterializeResult(asset_key=["parsed", "statistics"],
                            metadata={**read, **statistics_figures(run.tallies[StatisticRow.table])})
    yield MaterializeResult(asset_key=["parsed", "people_mentions"],
                            metadata={**read, **people_figures(run.tallies[PersonMentionRow.table])})
    yield MaterializeResult(asset_key=["parsed", "meetings"], metadata=meeting_figures(meetings))
    yield MaterializeResult(asset_key=["parsed", "meeting_participants"], metadata=participant_figures(meetings))
    yield MaterializeResult(asset_key=["parsed", "project_reports"],
                            metadata={**read, **report_figures(run.tallies[ProjectReportRow.table])})
