"""What each parse and extraction run found, as figures the Dagster UI plots over time.

Dagster draws every numeric metadata value of an asset's materializations on the asset page, one
plot per key: each function here gives a step's figures (counts, shares, means) under keys that
never change, for the step to report as the metadata of its materialization.

Workers count their chunk's rows (a *tally*); the step adds the tallies up and turns the sum into
figures, so a run's figures are those of all its rows whichever worker read them.

A share or mean of nothing is None (a gap in the plot), not 0: a run that read no new issue would
otherwise plot as a collapse of the parser.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from copy import copy

from .rows import (
    ArticleRow,
    IssueRow,
    MeetingRow,
    ParticipantRow,
    PersonMentionRow,
    ProjectReportRow,
    StatisticRow,
    StoredArticle,
)

Figures = dict[str, int | float | None]

_PHOTO = "photo"  # the kind of a photo item (gazette_text.articles)
_CHAIR = "chair"  # the role of who chaired a meeting (gazette_text.meetings)


# --- ratios ------------------------------------------------------------------------------------

def per(amount: float, count: int) -> float | None:
    """``amount / count``: a share when amount is a part of count, a mean when it is a total."""
    return amount / count if count else None


def count(items: Iterable, holds: Callable[[object], bool]) -> int:
    return sum(1 for item in items if holds(item))


# --- tallies -----------------------------------------------------------------------------------
# Counts add up across chunks; a key starting with `least_` keeps the smallest value, one starting
# with `names_` the union of its names.

Tally = dict[str, object]


def merge_tallies(tallies: Iterable[Tally]) -> Tally:
    total: Tally = {}
    for tally in tallies:
        for key, value in tally.items():
            if key not in total:
                total[key] = set(value) if key.startswith("names_") else copy(value)
            elif key.startswith("least_"):
                total[key] = min((v for v in (total[key], value) if v is not None), default=None)
            elif key.startswith("names_"):
                total[key] |= set(value)
            else:
                total[key] += value
    return total


# --- parse -------------------------------------------------------------------------------------

def issue_tally(issues: Sequence[IssueRow]) -> Tally:
    coverages = [i.coverage for i in issues if i.coverage is not None]  # None: the parser failed, or records
    return {"issues": len(issues), "dated": count(issues, lambda i: i.published_on is not None),
            "measured": len(coverages), "coverage": sum(coverages), "least_coverage": min(coverages, default=None)}


def issue_figures(t: Tally) -> Figures:
    """The parse step's figures for parsed/issues."""
    return {
        "issues_parsed": t["issues"],
        "published_on_share": per(t["dated"], t["issues"]),
        "coverage_mean": per(t["coverage"], t["measured"]),
        # one issue losing text hides in a mean over many
        "coverage_min": t["least_coverage"],
    }


def article_tally(articles: Sequence[ArticleRow]) -> Tally:
    photos = [a for a in articles if a.kind == _PHOTO]
    texts = [a for a in articles if a.kind != _PHOTO]  # a photo item's byline is its photographer
    return {
        "articles": len(articles),
        "photos": len(photos),
        "dated": count(articles, lambda a: a.dateline),
        "resolved": count(articles, lambda a: a.dateline and a.event_date is not None),
        "texts": len(texts),
        "bylined": count(texts, lambda a: a.reporters or a.contributors),
        "credited": count(photos, lambda a: a.photographers),
    }


def article_figures(t: Tally) -> Figures:
    """The parse step's figures for parsed/articles."""
    return {
        "articles": t["articles"],
        "photo_items": t["photos"],
        "dateline_share": per(t["dated"], t["articles"]),
        "dateline_resolved_share": per(t["resolved"], t["dated"]),
        "byline_share": per(t["bylined"], t["texts"]),
        "photographer_share": per(t["credited"], t["photos"]),
    }


# --- extraction --------------------------------------------------------------------------------
# ``articles`` are those the run read (the issues parsed since the step last ran).

def statistics_tally(articles: Sequence[StoredArticle], figures: Sequence[StatisticRow]) -> Tally:
    return {"articles": len(articles), "statistics": len(figures),
            "with_figures": len({f.article_id for f in figures})}


def statistics_figures(t: Tally) -> Figures:
    return {
        "articles_read": t["articles"],
        "statistics": t["statistics"],
        "articles_with_figures": t["with_figures"],
        "articles_with_figures_share": per(t["with_figures"], t["articles"]),
        "figures_per_article": per(t["statistics"], t["articles"]),
    }


def people_tally(articles: Sequence[StoredArticle], mentions: Sequence[PersonMentionRow]) -> Tally:
    return {"articles": len(articles), "mentions": len(mentions), "names_people": {m.person for m in mentions},
            "with_people": len({m.article_id for m in mentions})}


def people_figures(t: Tally) -> Figures:
    return {
        "articles_read": t["articles"],
        "mentions": t["mentions"],
        "distinct_people": len(t["names_people"]),
        "articles_with_people_share": per(t["with_people"], t["articles"]),
        "mentions_per_article": per(t["mentions"], t["articles"]),
    }


def meeting_tally(meetings: Sequence[MeetingRow], participants: Sequence[ParticipantRow]) -> Tally:
    chaired = {p.meeting_id for p in participants if p.role == _CHAIR}
    attended = {p.meeting_id for p in participants}
    return {
        "meetings": len(meetings),
        "named": count(meetings, lambda m: m.meeting_name is not None),
        "chaired": count(meetings, lambda m: m.meeting_id in chaired),
        "attended": count(meetings, lambda m: m.meeting_id in attended),
        "participants": len(participants),
        "titled": count(participants, lambda p: p.title is not None),
    }


def meeting_figures(t: Tally) -> Figures:
    return {
        "meetings": t["meetings"],
        "meetings_named_share": per(t["named"], t["meetings"]),
        "meetings_with_chair_share": per(t["chaired"], t["meetings"]),
        "meetings_with_participants_share": per(t["attended"], t["meetings"]),
    }


def participant_figures(t: Tally) -> Figures:
    return {
        "participants": t["participants"],
        "participants_per_meeting": per(t["participants"], t["meetings"]),
        "participants_with_title_share": per(t["titled"], t["participants"]),
    }


def report_tally(articles: Sequence[StoredArticle], reports: Sequence[ProjectReportRow]) -> Tally:
    return {
        "articles": len(articles),
        "reports": len(reports),
        "with_company": count(reports, lambda r: r.company is not None),
        "with_investment": count(reports, lambda r: r.investment_cny is not None),
        "with_location": count(reports, lambda r: r.location is not None),
        "with_completion": count(reports, lambda r: r.expected_completion is not None),
    }


def report_figures(t: Tally) -> Figures:
    return {
        "articles_read": t["articles"],
        "project_reports": t["reports"],
        "reports_with_company_share": per(t["with_company"], t["reports"]),
        "reports_with_investment_share": per(t["with_investment"], t["reports"]),
        "reports_with_location_share": per(t["with_location"], t["reports"]),
        "reports_with_completion_share": per(t["with_completion"], t["reports"]),
    }


# --- the figures of rows at hand -----------------------------------------------------------------

def issue_quality(issues: Sequence[IssueRow]) -> Figures:
    return issue_figures(issue_tally(issues))


def article_quality(articles: Sequence[ArticleRow]) -> Figures:
    return article_figures(article_tally(articles))


def statistics_quality(articles: Sequence[StoredArticle], figures: Sequence[StatisticRow]) -> Figures:
    return statistics_figures(statistics_tally(articles, figures))


def people_quality(articles: Sequence[StoredArticle], mentions: Sequence[PersonMentionRow]) -> Figures:
    return people_figures(people_tally(articles, mentions))


def meeting_quality(meetings: Sequence[MeetingRow], participants: Sequence[ParticipantRow]) -> Figures:
    return meeting_figures(meeting_tally(meetings, participants))


def participant_quality(meetings: Sequence[MeetingRow], participants: Sequence[ParticipantRow]) -> Figures:
    return participant_figures(meeting_tally(meetings, participants))


def report_quality(articles: Sequence[StoredArticle], reports: Sequence[ProjectReportRow]) -> Figures:
    return report_figures(report_tally(articles, reports))


def project_quality(conn) -> Figures:
    """Of every project in the warehouse, counted there: a refresh reads only the projects it changes."""
    projects, with_investment, with_several = conn.execute(
        "select count(*), count(investment_cny), count(*) filter (len(report_ids) > 1) from parsed.projects").fetchone()
    reports = conn.execute("select count(*) from parsed.project_reports").fetchone()[0]
    return {
        "projects": projects,
        "reports": reports,
        "reports_per_project": per(reports, projects),
        "projects_with_investment_share": per(with_investment, projects),
        # merging at work: a project reported by more than one article or caption
        "projects_with_several_reports_share": per(with_several, projects),
    }
