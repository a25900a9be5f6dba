"""One issue file, end to end: decoded text -> publication date -> articles with resolved dates."""
from __future__ import annotations

from dataclasses import dataclass, replace

from .articles import parse_issue
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
    publication = publication_date(source_file, text, [a.dateline for a in parsed.articles], manifest)
    articles = [
        replace(a, event_date=resolve_dateline(a.dateline, publication.published_on, publication.year))
        for a in parsed.articles
    ]
    return ReadIssue(publication=publication, articles=articles, leftovers=parsed.leftovers)
