"""People with titles in every article, and the meetings that meeting articles report."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from ..extracting import people_and_meetings_chunk
from ..quality import meeting_figures, participant_figures, people_figures
from ..resources import Warehouse
from ..rows import MeetingRow, ParticipantRow, PersonMentionRow
from ..settings import DUCKDB_POOL
from .extraction_log import run_extraction

_ARTICLES = ["parsed", "articles"]


@multi_asset(
    specs=[
        AssetSpec(["parsed", "people_mentions"], deps=[_ARTICLES], kinds={"python", "duckdb"},
                  description="Every person named after an official title, with the title as printed."),
        AssetSpec(["parsed", "meetings"], deps=[_ARTICLES], kinds={"python", "duckdb"},
                  description="One row per meeting reported by a meeting article."),
        AssetSpec(["parsed", "meeting_participants"], deps=[_ARTICLES], kinds={"python", "duckdb"},
                  description="Who chaired, spoke at, attended or sat in on each meeting."),
    ],
    name="extract_people_and_meetings",
    group_name="extract",
    pool=DUCKDB_POOL,
)
def extract_people_and_meetings(context: AssetExecutionContext, warehouse: Warehouse):
    """Find titled people in every article, then each meeting's name, chair and participants."""
    run = run_extraction(warehouse, "people_and_meetings", people_and_meetings_chunk,
                         (PersonMentionRow, MeetingRow, ParticipantRow))
    meetings = run.tallies[MeetingRow.table]
    yield MaterializeResult(
        asset_key=["parsed", "people_mentions"],
        metadata={"issues_read": run.issues_read, **people_figures(run.tallies[PersonMentionRow.table])},
    )
    yield MaterializeResult(asset_key=["parsed", "meetings"], metadata=meeting_figures(meetings))
    yield MaterializeResult(asset_key=["parsed", "meeting_participants"], metadata=participant_figures(meetings))
