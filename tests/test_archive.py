"""An archive of many papers and sources, end to end: the seeds under one paper's folder, the dev pages
under another's, the dev records as JSONL and again as CSV and Parquet exports with other field
names, a file of broken records among good ones, and two papers whose officials share a name.

One `make run` builds it (in a process of its own, as a user runs it); the tests read the marts.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from benchmarks.score_records import score_records
from conftest import GOLD_DIR, REPO, SEEDS, warehouse_rows as _rows
from test_e2e import DEV_PAGES, _start

pytestmark = pytest.mark.e2e

RECORDS = DEV_PAGES / "records.jsonl"
RECORDS_GOLD = DEV_PAGES / "records_gold.json"
SEED_PAPER, DEV_PAPER = "武进日报", "云港新闻"
# Invented: one name, a district head in one paper and a county head in another.
SHARED_NAME = "韦东岳"
TWO_PAPERS = {
    "东山区日报/2024-05-06.txt": f"东山区召开安全生产会议\n\n本报讯（记者 周一）5日，区委副书记、区长{SHARED_NAME}主持召开全区安全生产工作会议。\n",
    "西岭县融媒体中心/2024-05-07.txt": f"西岭县部署防汛工作\n\n本报讯（记者 吴二）6日，县委副书记、县长{SHARED_NAME}主持召开全县防汛工作会议。\n",
}
# A broken export: lines 2, 3, 5 and 6 are no articles; lines 1 and 4 are.
BROKEN_LINES = [
    {"title": "北岸区开展消防演练", "content": "本报讯（记者 郑三）3日上午，北岸区在城东中学开展消防演练，600余名师生参加。",
     "date": "2024-03-04", "source": "北岸日报", "url": "https://example.org/a1"},
    '{"title": "断行", "content": "本报讯',
    '["a", "JSON", "array"]',
    {"标题": "北岸区举办招聘会", "正文": "本报讯 3日，北岸区春季招聘会举行，120家企业提供岗位2000余个。",
     "日期": "2024-03-04", "来源": "北岸日报"},
    {"title": "没有正文", "date": "2024-03-04", "source": "北岸日报"},
    {"title": "空正文", "content": "   ", "date": "2024-03-04", "source": "北岸日报"},
]
BAD_LINES = [2, 3, 5, 6]


def _records() -> list[dict]:
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_exports(folder: Path) -> None:
    """The dev records again: a CSV with Chinese field names, a Parquet file with other English ones."""
    records = _records()
    chinese = {"paper": "来源", "published_on": "发布时间", "page": "版面", "headline": "标题", "body": "正文", "url": "链接"}
    with (folder / "导出.csv").open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(chinese.values()))
        writer.writeheader()
        writer.writerows({chinese[k]: v for k, v in r.items()} for r in records)
    english = {"paper": "source", "published_on": "date", "page": "page", "headline": "title", "body": "content",
               "url": "link"}
    table = pa.Table.from_pylist([{english[k]: v for k, v in r.items()} for r in records])
    pq.write_table(table, folder / "export.parquet")


def _write_broken(path: Path) -> None:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in BROKEN_LINES) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    folder = root / "issues"
    for paper, pages in ((SEED_PAPER, sorted(SEEDS.glob("*.txt"))), (DEV_PAPER, sorted(DEV_PAGES.glob("*.txt")))):
        (folder / paper).mkdir(parents=True)
        for page in pages:
            shutil.copy(page, folder / paper / page.name)
    for name, text in TWO_PAPERS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(RECORDS, folder / RECORDS.name)
    _write_exports(folder)
    _write_broken(folder / "broken.jsonl")
    (root / "build").mkdir()
    warehouse = root / "build" / "warehouse.duckdb"
    _start("all", folder, warehouse).finish()
    return warehouse


def test_readme_queries_answer_on_the_archive(archive):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.S)
    assert len(queries) >= 6
    for sql in queries:
        assert _rows(archive, sql), sql


def test_every_record_is_an_article_or_an_error_with_its_line(archive):
    unplaced = _rows(archive, """
        select r.source_file, r.line from raw.article_records r
        left join parsed.articles a on a.record_key = r.record_key
        where r.reason is null and a.article_id is null""")
    assert unplaced == []
    read = _rows(archive, "select source_file, count(*) from raw.article_records where reason is null group by all")
    assert dict(read) == {"records.jsonl": 6, "导出.csv": 6, "export.parquet": 6, "broken.jsonl": 2}
    errors = _rows(archive, "select line, reason from marts.ingest_errors where source_file = 'broken.jsonl' order by line")
    assert [line for line, _ in errors] == BAD_LINES
    assert all(reason.startswith(f"line {line}") for line, reason in errors)


def test_an_export_of_the_same_records_adds_no_article(archive):
    from_records = _rows(archive, "select count(*), count(distinct url) from marts.articles where source_line is not null")
    assert from_records == [(6 + 2, 6 + 1)]  # one good broken-file record has no url


def test_papers_list_each_paper_with_its_counts(archive):
    papers = {row[0]: row[1:] for row in _rows(archive, "select paper, issues, articles from marts.papers")}
    assert papers[SEED_PAPER] == (5, 24)
    dev_issues = _rows(archive, f"select count(*), sum(article_count) from marts.issues where paper = '{DEV_PAPER}'")
    assert papers[DEV_PAPER] == dev_issues[0] and dev_issues[0][0] == 12
    record_papers = {r["paper"] for r in _records()}
    assert record_papers | {"北岸日报", "东山区日报", "西岭县融媒体中心"} <= set(papers)
    # the two dev records of one paper on two dates are two issues
    same_paper = [p for p in record_papers if sum(r["paper"] == p for r in _records()) == 2]
    assert [papers[p][0] for p in same_paper] == [2] * len(same_paper)
    assert _rows(archive, "select count(*) from marts.issues where paper is null") == [(0,)]


def test_every_mart_keyed_by_article_can_be_filtered_by_paper(archive):
    for mart in ("articles", "statistics", "meetings", "meeting_participants", "people_mentions", "project_reports"):
        assert _rows(archive, f"select count(*) from marts.{mart} where paper is null") == [(0,)], mart
        assert _rows(archive, f"select count(distinct paper) from marts.{mart}")[0][0] >= 2, mart


def test_the_records_reach_the_dev_page_figures(archive):
    out = score_records(archive, RECORDS_GOLD)
    figures = {k: float(v) for k, v in re.findall(r"^(\w+)=([\d.]+)", out, re.M)}
    for key in ("articles_f1", "headline_exact", "bylines_exact", "kind_accuracy", "event_date_accuracy",
                "published_on_ok", "meetings_f1", "meeting_chair_exact", "participants_f1", "projects_f1"):
        assert figures[key] == 1.0, (key, out)
    assert figures["statistics_f1"] >= 0.9 and figures["project_fields_accuracy"] >= 0.9, out


def test_one_name_in_two_papers_is_two_people(archive):
    people = _rows(archive, f"select locality, latest_title, papers from marts.people where person = '{SHARED_NAME}' order by 1")
    assert people == [("东山区", "区委副书记、区长", ["东山区日报"]), ("西岭县", "县委副书记、县长", ["西岭县融媒体中心"])]


def test_person_titles_give_the_seed_leaders_their_titles_and_dates(archive):
    chairs = {name for issue in json.loads("[" + ",".join(p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.json"))) + "]")
              for meeting in issue["meetings"] for name in meeting["chair"]}
    rows = _rows(archive, f"""
        select person, locality, title, first_seen_on, last_seen_on, article_count from marts.person_titles
        where papers = ['{SEED_PAPER}'] order by person, first_seen_on""")
    titled = {row[0] for row in rows}
    assert chairs & titled == chairs, chairs - titled
    for person, locality, title, first, last, count in rows:
        assert locality, person  # the paper is known: so is every titled person's place
        assert count >= 1 and (first is None or first <= last)
    chair_places = {locality for person, locality, *_ in rows if person in chairs}
    # the paper's own district (its level learned from its officials), or the city above it
    assert "武进区" in chair_places and chair_places <= {"武进区", "武进区所属市"}, chair_places
    assert any(first is not None for _, _, _, first, _, _ in rows)
