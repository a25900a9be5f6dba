"""A worker's part of extraction (workers.py): articles in, the rows of every extraction table out, written
to the spool with their counts. No Dagster and no warehouse here.

Each article's titled people and quantities are found once: the people and meetings, the statistics
and the project reports are all read off them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from gazette_text.meetings import extract_meeting
from gazette_text.people import TitledPerson, find_titled_people
from gazette_text.places import level_rank, title_place
from gazette_text.projects import extract_projects
from gazette_text.statistics import Statistic, extract_statistics

from .quality import meeting_tally, people_tally, report_tally, statistics_tally
from .rows import (
    MeetingRow,
    ParticipantRow,
    PersonMentionRow,
    ProjectReportRow,
    StatisticRow,
    StoredArticle,
)
from .spool import SpooledChunk, write_chunk

# Every table extraction writes, in the order it writes them.
EXTRACTED_ROWS = (StatisticRow, PersonMentionRow, MeetingRow, ParticipantRow, ProjectReportRow)


@dataclass(frozen=True)
class _Read:
    """An article with what every extraction starts from."""

    article: StoredArticle
    titled: list[TitledPerson]
    stats: list[Statistic]


def extraction_chunk(articles: list[StoredArticle], folder: str) -> SpooledChunk:
    """A worker's part: the chunk's rows in the spool, and their counts by table (quality.py)."""
    rows = extracted_rows(articles)
    return write_chunk(folder, rows, tallies={
        StatisticRow.table: statistics_tally(articles, rows[StatisticRow]),
        PersonMentionRow.table: people_tally(articles, rows[PersonMentionRow]),
        MeetingRow.table: meeting_tally(rows[MeetingRow], rows[ParticipantRow]),
        ProjectReportRow.table: report_tally(articles, rows[ProjectReportRow]),
    })


def extracted_rows(articles: list[StoredArticle]) -> dict[type, list]:
    """The rows extraction writes for ``articles``, by row type."""
    read = [_Read(a, find_titled_people(a.body), extract_statistics(a.body)) for a in articles]
    return {**_statistic_rows(read), **_people_and_meeting_rows(read), **_project_report_rows(read)}


# --- statistics ----------------------------------------------------------------------------------

def _statistic_rows(read: list[_Read]) -> dict[type, list]:
    return {
        StatisticRow: [
            StatisticRow(
                stat_id=f"{r.article.article_id}-s{n:03d}",
                issue_id=r.article.issue_id,
                article_id=r.article.article_id,
                subject=s.subject,
                value=s.value,
                unit=s.unit,
                qualifier=s.qualifier,
                raw_text=s.raw_text,
                sentence=s.sentence,
                start_offset=s.start,
                end_offset=s.end,
            )
            for r in read
            for n, s in enumerate(r.stats, start=1)
        ]
    }


# --- people and meetings -------------------------------------------------------------------------

def title_fields(title: str | None) -> dict:
    """Where a title places its holder: the place it names, and the level of the post (see places.py)."""
    place, level = title_place(title)
    return {"title_place": place, "title_level": level, "title_level_rank": level_rank(level)}


def _people_and_meeting_rows(read: list[_Read]) -> dict[type, list]:
    mentions = [
        PersonMentionRow(issue_id=r.article.issue_id, article_id=r.article.article_id, person=p.name, title=p.title,
                         position=p.start, **title_fields(p.title))
        for r in read
        for p in r.titled
    ]
    meetings, participants = [], []
    for r in read:
        a = r.article
        meeting = extract_meeting(a.headline, a.body, a.kind, r.titled)
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


# --- project reports -----------------------------------------------------------------------------

def _project_report_rows(read: list[_Read]) -> dict[type, list]:
    reports = []
    for r in read:
        a = r.article
        # An article may report several projects (集中开工 of five); each is its own report.
        found = extract_projects(a.headline, a.body, a.kind, a.published_on, a.published_year, r.stats, r.titled)
        for n, report in enumerate(found, start=1):
            reports.append(ProjectReportRow(
                report_id=f"{a.article_id}-p{n}", issue_id=a.issue_id, article_id=a.article_id,
                **asdict(report), published_on=a.published_on,
            ))
    return {ProjectReportRow: reports}
