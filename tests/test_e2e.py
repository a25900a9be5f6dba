"""End to end: materialize every asset into a temporary warehouse and check the marts and the gold."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from dagster import DagsterEventType, DagsterInstance, EventRecordsFilter

from conftest import GOLD_DIR, REPO, SEEDS, warehouse_rows as _rows
from gazette_pipeline.build import build
from gazette_pipeline.definitions import build_definitions

pytestmark = pytest.mark.e2e


def _build(warehouse, monkeypatch, issues_dir=SEEDS):
    monkeypatch.setenv("ISSUES_DIR", str(issues_dir))
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    files = sorted(p.name for p in issues_dir.glob("*.txt"))
    instance = DagsterInstance.ephemeral()
    assert build(instance, build_definitions(str(warehouse)), files)
    return instance


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    _build(warehouse, monkeypatch)
    yield warehouse
    monkeypatch.undo()




def test_marts_hold_every_seed_issue_and_article(built):
    assert _rows(built, "select count(*) from marts.issues") == [(5,)]
    assert _rows(built, "select count(*) from marts.articles") == [(24,)]
    assert _rows(built, "select count(*) from marts.ingest_errors") == [(0,)]
    assert _rows(built, "select count(*) from marts.meetings") == [(11,)]
    kinds = dict(_rows(built, "select kind, count(*) from marts.articles group by kind"))
    assert kinds["photo"] == 4 and kinds["meeting"] == 11


def test_publication_date_inferred_only_where_the_text_supports_it(built):
    rows = dict(_rows(built, "select source_file, published_on_source from marts.issues"))
    assert rows["001_04e94acb881a18bc.txt"] == "inferred"
    assert rows["000_dbf7ed12aa541d15.txt"] == "unknown"
    undated = "select dateline, event_date, event_month_day from marts.articles where dateline = '12月23日'"
    assert _rows(built, undated) == [("12月23日", None, "12-23")] * 2  # no year guessed, the day kept


def test_gold_figures(built):
    out = subprocess.run(
        [sys.executable, str(REPO / "tests/fixtures/score_gold.py"), str(built), str(GOLD_DIR)],
        capture_output=True, text=True, check=True,
    ).stdout
    figures = {k: float(v) for k, v in re.findall(r"^(\w+)=([\d.]+)$", out, re.M)}
    assert figures["articles_f1"] == 1.0
    assert figures["headline_exact"] >= 0.95
    assert figures["bylines_exact"] == 1.0
    assert figures["photographers_exact"] == 1.0
    assert figures["kind_accuracy"] >= 0.90
    assert figures["published_on_ok"] == 1.0
    assert figures["statistics_precision"] >= 0.95 and figures["statistics_recall"] >= 0.95
    assert figures["meetings_f1"] >= 0.95
    assert figures["meeting_chair_exact"] >= 0.95
    assert figures["participants_f1"] >= 0.95
    assert figures["projects_f1"] >= 0.95
    assert figures["project_fields_accuracy"] >= 0.95


def test_rebuild_gives_the_same_ids(built, tmp_path, monkeypatch):
    again = tmp_path / "again.duckdb"
    _build(again, monkeypatch)
    sql = "select article_id, kind, headline from marts.articles order by article_id"
    assert _rows(again, sql) == _rows(built, sql)


def test_mixed_folder_keeps_every_good_issue_and_says_why_for_each_bad_file(built, tmp_path, monkeypatch):
    folder = tmp_path / "issues"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    seed0 = (SEEDS / "000_dbf7ed12aa541d15.txt").read_text(encoding="utf-8")
    (folder / "同一期 copy.txt").write_bytes((SEEDS / "001_04e94acb881a18bc.txt").read_bytes())  # duplicate
    (folder / "gbk export.txt").write_bytes(seed0.replace("钱全", "王五").encode("gbk"))  # GBK, new content
    (folder / "bom crlf.txt").write_bytes(b"\xef\xbb\xbf" + seed0.replace("钱全", "赵六").replace("\n", "\r\n").encode())
    (folder / "truncated.txt").write_bytes(seed0.replace("钱全", "孙七").encode("utf-8")[:-5] + "会".encode()[:2])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    (folder / "notes.txt").write_text("只是一行字", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\xfd\x81\x30 abc")
    (folder / "huge.txt").write_bytes(b"x" * (1024 * 1024 + 1))
    monkeypatch.setenv("MAX_ISSUE_MB", "1")
    warehouse = tmp_path / "mixed.duckdb"
    instance = _build(warehouse, monkeypatch, folder)

    errors = dict(_rows(warehouse, "select source_file, reason from marts.ingest_errors"))
    assert errors == {
        "empty.txt": "empty file",
        "scan.txt": "not text: binary content (NUL bytes)",
        "notes.txt": "no articles found",
        "broken.txt": "undecodable as UTF-8 or GB18030 at byte 0",
        "huge.txt": "file too large: 1048577 bytes, over the 1048576 byte limit (MAX_ISSUE_MB)",
    }
    # the seeds load exactly as from a clean folder, plus the three re-encoded variants
    clean = "select count(*) from marts.articles a join marts.issues i using (issue_id) where i.source_file like '00%'"
    assert _rows(warehouse, clean) == _rows(built, "select count(*) from marts.articles")
    assert _rows(warehouse, "select count(*) from marts.issues") == [(8,)]
    assert _rows(warehouse, "select min(coverage) from marts.issues") == [(1.0,)]
    encodings = dict(_rows(warehouse, "select source_file, encoding from raw.issue_files"))
    assert encodings["gbk export.txt"] == "gb18030" and encodings["truncated.txt"] == "utf-8-truncated"
    (files,) = _rows(warehouse, "select source_files from marts.issues where source_file = '001_04e94acb881a18bc.txt'")
    assert files == (["001_04e94acb881a18bc.txt", "同一期 copy.txt"],)
    failed_checks = {
        (e.asset_key.to_user_string(), e.check_name.split("_")[0], e.severity.value)
        for e in _check_evaluations(instance)
        if not e.passed
    }
    assert failed_checks == {("marts/ingest_errors", "no", "WARN")}  # the run passes, the check says why


def _check_evaluations(instance):
    return [
        r.event_log_entry.dagster_event.event_specific_data
        for r in instance.get_event_records(
            EventRecordsFilter(event_type=DagsterEventType.ASSET_CHECK_EVALUATION), limit=10_000
        )
    ]


def test_readme_queries_answer_on_the_seeds(built):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.S)
    assert len(queries) >= 3
    for sql in queries:
        assert _rows(built, sql), sql


def test_every_figure_traces_back_to_the_printed_text(built):
    mismatches = _rows(built, """
        select s.stat_id from marts.statistics s join marts.articles a using (article_id)
        where substring(a.body, s.start_offset + 1, s.end_offset - s.start_offset) != s.raw_text
    """)
    assert mismatches == []
    assert _rows(built, "select count(*) > 40 from marts.statistics") == [(True,)]
