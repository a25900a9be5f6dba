"""A synthetic archive: seed articles recombined into N issues, deterministic, dated in the file names.

Every issue file (a page) takes 3-6 articles of the seeds (photo items with their credit and column
label) in a shuffled order, so texts differ from page to page while staying real newspaper language.
Dates run five pages a day from 2000-01-01, so 10,000 files span 5.5 years and 100,000 files 55.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from gazette_text.articles import parse_issue

REPO = Path(__file__).resolve().parents[1]
FIRST_DAY = date(2000, 1, 1)
# A daily's pages, one file each: 100,000 files span 55 years, every one dated by its file name
# (gazette_text.pubdate reads 19xx and 20xx), so each new day is newer than the archive, as in use.
PAGES_PER_DAY = 5


def seed_articles(seeds: Path = REPO / "seeds") -> list[str]:
    """Each seed article printed back as issue text: headline, body paragraphs, credit."""
    pieces = []
    for path in sorted(seeds.glob("*.txt")):
        for article in parse_issue(path.read_text(encoding="utf-8")).articles:
            if article.kind == "photo":
                pieces.append(f"\n{article.body} {article.credit or ''}\n\n重点项目\n进行时")
            else:
                pieces.append(f"{article.headline or ''}\n\n{article.body}")
    return pieces


def issue_text(pieces: list[str], rng: random.Random) -> str:
    chosen = rng.sample(pieces, rng.randint(3, 6))
    return "\n\n\n" + "\n\n".join(chosen) + "\n"


def file_name(index: int) -> str:
    day, page = divmod(index, PAGES_PER_DAY)
    return f"wjrb_{(FIRST_DAY + timedelta(days=day)).isoformat()}_{page + 1:02d}.txt"


def next_day(index: int) -> int:
    """The index of the first page of the next day from ``index`` on: a refresh adds a new day's pages."""
    return -(-index // PAGES_PER_DAY) * PAGES_PER_DAY


def write_archive(folder: Path, count: int, start: int = 0, seed: int = 20241016) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pieces = seed_articles()
    paths = []
    for index in range(start, start + count):
        rng = random.Random(seed * 100_003 + index)  # issue i is the same whatever the archive size
        path = folder / file_name(index)
        path.write_text(issue_text(pieces, rng), encoding="utf-8")
        paths.append(path)
    return paths
