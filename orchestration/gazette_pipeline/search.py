"""`make search Q="消防 隐患"`: the articles that best match, with the passage that matched.

The ranking is the warehouse's own macro ``search.articles(query)``, the same as in SQL.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date

import duckdb

from gazette_text.search_terms import query_words

from .resources import fetch, table_exists
from .settings import warehouse_path
from .shell import why_not_openable
from .text_index import SCHEMA


@dataclass(frozen=True)
class Hit:
    published_on: date | None
    paper: str | None
    headline: str | None
    passage: str
    score: float
    article_id: str


class NoIndex(RuntimeError):
    """The warehouse was built before it had a search index."""


def search(conn, query: str, limit: int = 10) -> list[Hit]:
    """The ``limit`` best articles for ``query``, best first."""
    if not table_exists(conn, f"{SCHEMA}.documents"):
        raise NoIndex("the warehouse has no search index yet: run `make refresh` (or `make run`)")
    return fetch(conn, Hit, f"select * from {SCHEMA}.articles(?, top := ?)", [query, limit])


def hit_lines(n: int, hit: Hit) -> list[str]:
    when = hit.published_on.isoformat() if hit.published_on else "date unknown"
    head = " ".join(part for part in (when, hit.paper, hit.headline or "(photo, no headline)") if part)
    return [f"{n:>2}. {head}", f"    {hit.passage}"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("query", nargs="*", help="words; an article matches when it prints one of them")
    parser.add_argument("--limit", type=int, default=10)
    args = parser.parse_args(argv)
    query = " ".join(args.query).strip()
    if not query:
        print('nothing to search for: give words, e.g. make search Q="消防 隐患"', file=sys.stderr)
        return 2
    words = query_words(query)
    if not words:
        print(f"nothing searchable in {query!r}: words are Chinese characters, Latin letters or digits",
              file=sys.stderr)
        return 2
    problem = why_not_openable(warehouse_path())
    if problem:
        print(problem, file=sys.stderr)
        return 1
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        try:
            hits = search(conn, query, args.limit)
        except NoIndex as err:
            print(err, file=sys.stderr)
            return 1
    if not hits:
        print(f"no article prints {' or '.join(query.split())}")
        return 0
    for n, hit in enumerate(hits, start=1):
        print("\n".join(hit_lines(n, hit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
