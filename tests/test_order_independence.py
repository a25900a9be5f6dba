"""Same answer in any order: what an article yields never depends on what else is in the run.

The property test feeds every article of the seeds, the dev pages and a small invented issue
through the pipeline's per-article step (``gazette_pipeline.extracting``: what the extraction asset's
workers run): each article alone, and in shuffled batches of random sizes (fixed
seeds). Each configuration runs in a fresh interpreter, so nothing one leaves behind (jieba's
process-wide dictionary, a module cache) can help another. The rows must be identical.

Names in the hand-written sentences are invented.
"""
from __future__ import annotations

import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import jieba
import pytest

from gazette_text.decoding import decode_issue
from gazette_pipeline.rows import StoredArticle
from gazette_text.issue import read_issue
from gazette_text.meetings import extract_meeting
from gazette_text.people import find_titled_people

REPO = Path(__file__).resolve().parents[1]
ISSUE_FILES = sorted(REPO.glob("seeds/*.txt")) + sorted(REPO.glob("tests/fixtures/dev-pages/*.txt"))
SHUFFLE_SEEDS = (11, 2024, 777)


_Article = StoredArticle  # what the extraction steps read back from parsed.articles


# An invented issue: the second article titles the name the first one prints glued to its title,
# so any name learned from one article and used for another shows up as a difference.
INVENTED = [
    _Article("invented-001", "invented", "meeting", "区政府召开常务会议", "区长江明远主持会议并讲话。",
             date(2024, 5, 6), 2024),
    _Article("invented-002", "invented", "meeting", "区委召开理论学习会",
             "区委书记江明远出席会议。江明远强调，要抓好落实。", date(2024, 5, 6), 2024),
]


def _all_articles() -> list[_Article]:
    articles = list(INVENTED)
    for path in ISSUE_FILES:
        issue = read_issue(path.name, decode_issue(path.read_bytes()).text)
        pub = issue.publication
        articles += [
            _Article(f"{path.stem}-{a.seq:03d}", path.stem, a.kind, a.headline, a.body, pub.published_on, pub.year)
            for a in issue.articles
        ]
    return articles


def _run_in_batches(batches: list[list[_Article]]) -> dict[str, list[str]]:
    """Every row the per-article steps write, for these batches run one after another."""
    from gazette_pipeline.extracting import extracted_rows

    rows: dict[str, list[str]] = {}
    for batch in batches:
        for row_type, typed_rows in extracted_rows(batch).items():
            rows.setdefault(row_type.__name__, []).extend(repr(row) for row in typed_rows)
    return {row_type: sorted(typed_rows) for row_type, typed_rows in rows.items()}


def _shuffled_batches(articles: list[_Article], seed: int) -> list[list[_Article]]:
    rng = random.Random(seed)
    order = articles[:]
    rng.shuffle(order)
    batches = []
    while order:
        size = rng.randint(1, 40)
        batches.append(order[:size])
        order = order[size:]
    return batches


@pytest.fixture(scope="module")
def articles() -> list[_Article]:
    found = _all_articles()
    assert len(found) > 50  # the seeds and dev pages were read
    return found


def test_every_article_yields_the_same_rows_alone_and_in_any_batch(articles):
    configurations = [[[a] for a in articles]]  # alone, in reading order
    configurations += [_shuffled_batches(articles, seed) for seed in SHUFFLE_SEEDS]
    configurations.append([articles[::-1]])  # one batch, backwards
    with ProcessPoolExecutor(max_workers=min(len(configurations), os.cpu_count() or 1),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        alone, *others = pool.map(_run_in_batches, configurations)
    assert alone["PersonMentionRow"] and alone["ParticipantRow"] and alone["ProjectReportRow"]
    for n, other in enumerate(others):
        for table in alone.keys() | other.keys():
            missing = sorted(set(alone.get(table, [])) - set(other.get(table, [])))
            extra = sorted(set(other.get(table, [])) - set(alone.get(table, [])))
            assert alone.get(table) == other.get(table), (
                f"configuration {n + 1}, {table}: alone only {missing[:3]}, batched only {extra[:3]}"
            )


# --- the reproduction ---------------------------------------------------------------------------

# jieba cuts 区长江明远 as 区/长江/明远 and 主任何晓岚 as 主/任何/晓岚: the title's last character is
# glued to the surname. Such a name used to be found only once another article had taught it.
GLUED = [
    ("区长江明远主持会议并讲话。", "江明远", "区长"),
    ("副市长江明远主持会议。", "江明远", "副市长"),
    ("办公室主任何晓岚主持会议。", "何晓岚", "办公室主任"),
]


@pytest.mark.parametrize("sentence,name,title", GLUED)
def test_a_name_glued_to_its_title_is_found_without_help(sentence, name, title):
    meeting = extract_meeting(None, sentence, "meeting")
    assert [(p.person, p.title) for p in meeting.participants] == [(name, title)]
    assert meeting.chair == (name,)


def test_an_article_that_names_someone_changes_no_other_article():
    sentence = "区长江明远主持会议并讲话。"
    teacher = "区委书记江明远出席活动。江明远强调，要抓好落实。"
    alone = extract_meeting(None, sentence, "meeting")
    segmented = jieba.lcut(sentence, HMM=False)
    find_titled_people(teacher)
    extract_meeting(None, teacher, "meeting")
    assert extract_meeting(None, sentence, "meeting") == alone
    assert jieba.lcut(sentence, HMM=False) == segmented


@pytest.mark.parametrize("text", [
    "要完善社区长效机制，推动落实。",  # 区长 inside 社区长效
    "南京市长江大桥通车。",  # 市长 inside 南京市 / 长江大桥
    "这是本次会议的主任务要求，",  # 主任 glued to 务, and 务 is no surname
])
def test_a_title_inside_another_word_is_still_no_title(text):
    assert find_titled_people(text) == []


def test_no_parsing_module_writes_to_jiebas_dictionary():
    # jieba's dictionary is shared by the whole process: one write changes every later article.
    writers = ("add_word", "del_word", "load_userdict", "suggest_freq")
    package = REPO / "orchestration" / "gazette_text"
    offenders = [
        f"{path.name}: {word}" for path in sorted(package.glob("*.py"))
        for word in writers if word in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
