"""People with titles in every article, and the meetings that meeting articles report."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from gazette_text.meetings import extract_meeting
from gazette_text.people import find_titled_people
from gazette_text.places import level_rank, title_place

from ..quality import meeting_quality, participant_quality, people_quality
from ..resources import Warehouse
from ..rows import MeetingRow, ParticipantRow, PersonMentionRow, StoredArticle
from ..settings import DUCKDB_POOL
from .extraction_log import articles_to_extract, store_extracted

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
    batch = articles_to_extract(warehouse, "people_and_meetings")
    rows = extracted_rows(batch.articles)
    store_extracted(warehouse, batch, rows)
    meetings, participants = rows[MeetingRow], rows[ParticipantRow]
    yield MaterializeResult(
        asset_key=["parsed", "people_mentions"],
        metadata={"issues_read": len(batch.read), **people_quality(batch.articles, rows[PersonMentionRow])},
    )
    yield MaterializeResult(asset_key=["parsed", "meetings"], metadata=meeting_quality(meetings, participants))
    yield MaterializeResult(
        asset_key=["parsed", "meeting_participants"], metadata=participant_quality(meetings, participants)
    )


def title_fields(title: str | None) -> dict:
    """Where a title places its holder: the place it names, and the level of the post (see places.py)."""
    place, level = title_place(title)
    return {"title_place": place, "title_level": level, "title_level_rank": level_rank(level)}


def extracted_rows(articles: list[StoredArticle]) -> dict[type, list]:
    """The rows this step writes for ``articles``, by row type."""
    titled = {a.article_id: find_titled_people(a.body) for a in articles}  # found once, used twice
    mentions = [
        PersonMentionRow(issue_id=a.issue_id, article_id=a.article_id, person=p.name, title=p.title, position=p.start,
                         **title_fields(p.title))
        for a in articles
        for p in titled[a.article_id]
    ]
    meetings, participants = [], []
    for a in articles:
        meeting = extract_meeting(a.headline, a.body, a.kind, titled[a.article_id])
        if meeting is None:
            continue
        meeting_id = f"{a.article_id}-m1"
        meetings.append(MeetingRow(meeting_id=meeting_id, issue_id=a.issue_id, article_id=a.article_id,
                                   meeting_name=meeting.name))
        participants += [
            ParticipantRow(meeting_id=meeting_id, issue_id=a.issue_id, person=p.person, title=p.title,
                           role=p.role, ordinal=n, **title_fields(p.title))
            for n, p in enumerate(meeting.participants, start=1)
        ]
    return {PersonMentionRow: mentions, MeetingRow: meetings, ParticipantRow: participants}
