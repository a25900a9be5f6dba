"""What each parse and extraction run found, as figures the Dagster UI plots over time.

Dagster draws every numeric metadata value of an asset's materializations on the asset page, one
plot per key: each function here gives a step's figures (counts, shares, means) under keys that
never change, for the step to report as the metadata of its materialization.

A share or mean of nothing is None (a gap in the plot), not 0: a run that read no new issue would
otherwise plot as a collapse of the parser.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .rows import (
    ArticleRow,
    IssueRow,
    MeetingRow,
    ParticipantRow,
    PersonMentionRow,
    ProjectReportRow,
    ProjectRow,
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


def share(items: Sequence, holds: Callable[[object], bool]) -> float | None:
    """The share of ``items`` for which ``holds`` is true."""
    return per(sum(1 for item in items if holds(item)), len(items))


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return per(sum(values), len(values))


# --- parse -------------------------------------------------------------------------------------

def issue_quality(issues: Sequence[IssueRow]) -> Figures:
    """The parse step's figures for parsed/issues."""
    coverages = [i.coverage for i in issues if i.coverage is not None]  # None: the parser failed
    return {
        "issues_parsed": len(issues),
        "published_on_share": share(issues, lambda i: i.published_on is not None),
        "coverage_mean": mean(coverages),
        # one issue losing text hides in a mean over many
        "coverage_min": min(coverages, default=None),
    }


def article_quality(articles: Sequence[ArticleRow]) -> Figures:
    """The parse step's figures for parsed/articles."""
    dated = [a for a in articles if a.dateline]
    photos = [a for a in articles if a.kind == _PHOTO]
    texts = [a for a in articles if a.kind != _PHOTO]  # a photo item's byline is its photographer
    return {
        "articles": len(articles),
        "photo_items": len(photos),
        "dateline_share": per(len(dated), len(articles)),
        "dateline_resolved_share": share(dated, lambda a: a.event_date is not None),
        "byline_share": share(texts, lambda a: bool(a.reporters or a.contributors)),
        "photographer_share": share(photos, lambda a: bool(a.photographers)),
    }


# --- extraction --------------------------------------------------------------------------------
# ``articles`` are those the run read (the issues parsed since the step last ran).

def statistics_quality(articles: Sequence[StoredArticle], figures: Sequence[StatisticRow]) -> Figures:
    with_figures = len({f.article_id for f in figures})
    return {
        "articles_read": len(articles),
        "statistics": len(figures),
        "articles_with_figures": with_figures,
        "articles_with_figures_share": per(with_figures, len(articles)),
        "figures_per_article": per(len(figures), len(articles)),
    }


def people_quality(articles: Sequence[StoredArticle], mentions: Sequence[PersonMentionRow]) -> Figures:
    return {
        "articles_read": len(articles),
        "mentions": len(mentions),
        "distinct_people": len({m.person for m in mentions}),
        "articles_with_people_share": per(len({m.article_id for m in mentions}), len(articles)),
        "mentions_per_article": per(len(mentions), len(articles)),
    }


def meeting_quality(meetings: Sequence[MeetingRow], participants: Sequence[ParticipantRow]) -> Figures:
    chaired = {p.meeting_id for p in participants if p.role == _CHAIR}
    attended = {p.meeting_id for p in participants}
    return {
        "meetings": len(meetings),
        "meetings_named_share": share(meetings, lambda m: m.meeting_name is not None),
        "meetings_with_chair_share": share(meetings, lambda m: m.meeting_id in chaired),
        "meetings_with_participants_share": share(meetings, lambda m: m.meeting_id in attended),
    }


def participant_quality(meetings: Sequence[MeetingRow], participants: Sequence[ParticipantRow]) -> Figures:
    return {
        "participants": len(participants),
        "participants_per_meeting": per(len(participants), len(meetings)),
        "participants_with_title_share": share(participants, lambda p: p.title is not None),
    }


def report_quality(articles: Sequence[StoredArticle], reports: Sequence[ProjectReportRow]) -> Figures:
    return {
        "articles_read": len(articles),
        "project_reports": len(reports),
        "reports_with_company_share": share(reports, lambda r: r.company is not None),
        "reports_with_investment_share": share(reports, lambda r: r.investment_cny is not None),
        "reports_with_location_share": share(reports, lambda r: r.location is not None),
        "reports_with_completion_share": share(reports, lambda r: r.expected_completion is not None),
    }


def project_quality(projects: Sequence[ProjectRow], reports: Sequence[ProjectReportRow]) -> Figures:
    """Of every project in the warehouse (they are merged anew from all reports each run)."""
    return {
        "projects": len(projects),
        "reports": len(reports),
        "reports_per_project": per(len(reports), len(projects)),
        "projects_with_investment_share": share(projects, lambda p: p.investment_cny is not None),
        # merging at work: a project reported by more than one article or caption
        "projects_with_several_reports_share": share(projects, lambda p: len(p.report_ids) > 1),
    }
