"""A worker's part of extraction (workers.py): articles in, the rows each extraction step writes out,
by row type, written to the spool with their counts. No Dagster and no warehouse here.
"""
from __future__ import annotations

from dataclasses import asdict

from gazette_text.meetings import extract_meeting
from gazette_text.people import find_titled_people
from gazette_text.places import level_rank, title_place
from gazette_text.projects import extract_projects
from gazette_text.statistics import extract_statistics

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


# --- statistics ----------------------------------------------------------------------------------

def statistics_chunk(articles: list[StoredArticle], folder: str) -> SpooledChunk:
    """A worker's part (workers.py): the chunk's rows in the spool, and their counts."""
    rows = statistics_rows(articles)
    return write_chunk(folder, rows, tallies={StatisticRow.table: statistics_tally(articles, rows[StatisticRow])})


def statistics_rows(articles: list[StoredArticle]) -> dict[type, list]:
    """The rows this step writes for ``articles``, by row type."""
    return {
        StatisticRow: [
            StatisticRow(
                stat_id=f"{a.article_id}-s{n:03d}",
                issue_id=a.issue_id,
                article_id=a.article_id,
                subject=s.subject,
                value=s.value,
                unit=s.unit,
                qualifier=s.qualifier,
                raw_text=s.raw_text,
                sentence=s.sentence,
                start_offset=s.start,
                end_offset=s.end,
            )
            for a in articles
            for n, s in enumerate(extract_statistics(a.body), start=1)
        ]
    }


# --- people and meetings -------------------------------------------------------------------------

def people_and_meetings_chunk(articles: list[StoredArticle], folder: str) -> SpooledChunk:
    """A worker's part (workers.py): the chunk's rows in the spool, and their counts."""
    rows = people_and_meetings_rows(articles)
    return write_chunk(folder, rows, tallies={
        PersonMentionRow.table: people_tally(articles, rows[PersonMentionRow]),
        MeetingRow.table: meeting_tally(rows[MeetingRow], rows[ParticipantRow]),
    })


def title_fields(title: str | None) -> dict:
    """Where a title places its holder: the place it names, and the level of the post (see places.py)."""
    place, level = title_place(title)
    return {"title_place": place, "title_level": level, "title_level_rank": level_rank(level)}


def people_and_meetings_rows(articles: list[StoredArticle]) -> dict[type, list]:
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


# --- project reports -----------------------------------------------------------------------------

def project_reports_chunk(articles: list[StoredArticle], folder: str) -> SpooledChunk:
    """A worker's part (workers.py): the chunk's rows in the spool, and their counts."""
    rows = project_report_rows(articles)
    return write_chunk(folder, rows, tallies={ProjectReportRow.table: report_tally(articles, rows[ProjectReportRow])})


def project_report_rows(articles: list[StoredArticle]) -> dict[type, list]:
    """The rows this step writes for ``articles``, by row type."""
    reports = []
    for a in articles:
        # An article may report several projects (集中开工 of five); each is its own report.
        found = extract_projects(a.headline, a.body, a.kind, a.published_on, a.published_year)
        for n, report in enumerate(found, start=1):
            reports.append(ProjectReportRow(
                report_id=f"{a.article_id}-p{n}", issue_id=a.issue_id, article_id=a.article_id,
                **asdict(report), published_on=a.published_on,
            ))
    return {ProjectReportRow: reports}
