"""One issue, end to end: decoded text (or article records) -> articles -> publication date -> event dates.

The one place event dates are resolved: the publication date is decided by the whole issue (its file
name, the manifest, or its text: a web lead's date, the datelines of all its articles), so articles
are parsed first with their datelines as printed, then dated.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .articles import parse_issue, read_story
from .bylines import parse_byline
from .datelines import resolve_dateline
from .models import Article, Leftover
from .pubdate import PublicationDate, publication_date


@dataclass(frozen=True)
class ReadIssue:
    publication: PublicationDate
    articles: list[Article]
    leftovers: list[Leftover]


def read_issue(source_file: str, text: str, manifest=None) -> ReadIssue:
    parsed = parse_issue(text)
    publication = publication_date(
        source_file, text, [a.dateline for a in parsed.articles], manifest, lead_dates=_lead_dates(parsed.articles)
    )
    articles = date_articles(parsed.articles, publication.published_on, publication.year)
    return ReadIssue(publication=publication, articles=articles, leftovers=parsed.leftovers)


@dataclass(frozen=True)
class Story:
    """An article record's parts: no page to split."""

    headline: str | None
    body: str
    byline: str | None = None  # an author field, used when the body prints no byline


def read_stories(stories: list[Story], published_on: date | None) -> ReadIssue:
    """Article records of one paper and date (or one undated record) as an issue: each record is one
    article; an undated issue is dated from its text like a page (a web lead's date, its datelines)."""
    articles = [replace(read_story(s.headline, s.body, s.byline), seq=seq) for seq, s in enumerate(stories, start=1)]
    if published_on is not None:
        publication = PublicationDate(published_on, "record", published_on.year)
    else:
        text = "\n\n".join(s.body for s in stories)
        publication = publication_date("", text, [a.dateline for a in articles], lead_dates=_lead_dates(articles))
    return ReadIssue(publication=publication,
                     articles=date_articles(articles, publication.published_on, publication.year), leftovers=[])


def date_articles(articles: list[Article], published_on: date | None, year: int | None = None) -> list[Article]:
    """The articles with ``event_date`` resolved from their datelines against the publication date
    (or, when only the year is known, against the year)."""
    return [replace(a, event_date=resolve_dateline(a.dateline, published_on, year)) for a in articles]


def _lead_dates(articles: list[Article]) -> list[str]:
    """Publication dates printed in web leads (某某网3月5日讯 → 3月5日)."""
    dates = []
    for article in articles:
        if article.kind == "photo":
            continue
        byline = parse_byline(article.body)
        if byline is not None and byline.lead_date:
            dates.append(byline.lead_date)
    return dates
