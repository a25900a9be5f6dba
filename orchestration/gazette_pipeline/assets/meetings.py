"""People with titles in every article, and the meetings that meeting articles report."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.meetings import extract_meeting
from gazette_text.people import find_titled_people, learn_names

from ..resources import Warehouse
from ..settings import DUCKDB_POOL
from .extraction_log import articles_to_extract, store_extracted

PEOPLE_COLUMNS = {"issue_id": "varchar", "article_id": "varchar", "person": "varchar", "title": "varchar", "position": "integer"}
MEETING_COLUMNS = {"meeting_id": "varchar", "issue_id": "varchar", "article_id": "varchar", "meeting_name": "varchar"}
PARTICIPANT_COLUMNS = {
    "meeting_id": "varchar",
    "issue_id": "varchar",
    "person": "varchar",
    "title": "varchar",
    "role": "varchar",
    "ordinal": "integer",
}
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
    issue_ids, stale, articles = articles_to_extract(warehouse, "people_and_meetings", "parsed.meetings")
    mentions = [
        (a.issue_id, a.article_id, p.name, p.title, p.start) for a in articles for p in find_titled_people(a.body)
    ]
    # Names learned from titles keep jieba from cutting them when meetings are read.
    learn_names({m[2] for m in mentions})
    meeting_rows, participant_rows = [], []
    for a in articles:
        meeting = extract_meeting(a.headline, a.body, a.kind)
        if meeting is None:
            continue
        meeting_id = f"{a.article_id}-m1"
        meeting_rows.append((meeting_id, a.issue_id, a.article_id, meeting.name))
        participant_rows += [
            (meeting_id, a.issue_id, p.person, p.title, p.role, n)
            for n, p in enumerate(meeting.participants, start=1)
        ]
    store_extracted(warehouse, "people_and_meetings", issue_ids, stale, {
        "parsed.people_mentions": (PEOPLE_COLUMNS, mentions),
        "parsed.meetings": (MEETING_COLUMNS, meeting_rows),
        "parsed.meeting_participants": (PARTICIPANT_COLUMNS, participant_rows),
    })
    yield MaterializeResult(asset_key=["parsed", "people_mentions"], metadata={
        "issues_read": len(issue_ids), "mentions": len(mentions), "distinct_people": len({m[2] for m in mentions})})
    yield MaterializeResult(asset_key=["parsed", "meetings"], metadata={"meetings": len(meeting_rows)})
    yield MaterializeResult(
        asset_key=["parsed", "meeting_participants"], metadata={"participants": len(participant_rows)}
    )
