"""The Python assets on their own (no dbt): what they write, and what their metadata reports."""
from __future__ import annotations

import shutil

import pytest
from dagster import DagsterInstance, materialize

from conftest import SEEDS
from gazette_pipeline.assets.extract import extract_articles
from gazette_pipeline.assets.ingest import ingest_issue_files
from gazette_pipeline.assets.parse import parse_articles
from gazette_pipeline.partitions import range_tags, register_batches
from gazette_pipeline.resources import Warehouse
from gazette_pipeline.rows import PER_ISSUE_ROWS

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
PER_ISSUE_STEPS = [ingest_issue_files, parse_articles]
EXTRACTION_STEPS = [extract_articles]


class Folder:
    """An issues folder and its warehouse, built by the Python assets only (no dbt)."""

    def __init__(self, tmp_path, monkeypatch):
        self.path, self.warehouse = tmp_path / "issues", Warehouse(path=str(tmp_path / "wh.duckdb"))
        self.path.mkdir()
        self.instance = DagsterInstance.ephemeral()
        monkeypatch.setenv("ISSUES_DIR", str(self.path))

    def build(self, files: list[str]):
        """Ingest and parse ``files`` in one run, then run the extraction steps; their result."""
        tags = range_tags(register_batches(self.instance, files))
        resources = {"warehouse": self.warehouse}
        assert materialize(PER_ISSUE_STEPS, instance=self.instance, resources=resources, tags=tags).success
        return materialize(EXTRACTION_STEPS, instance=self.instance, resources=resources)

    def rows(self, sql: str) -> list[tuple]:
        with self.warehouse.connect() as conn:
            return conn.execute(sql).fetchall()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    return Folder(tmp_path, monkeypatch)


def test_articles_with_figures_counts_articles(folder):
    """Protects the `articles_with_figures` figure the UI shows for parsed/statistics: the number
    of distinct articles with a figure (it once counted distinct issues)."""
    for name in SEED_FILES:
        shutil.copy(SEEDS / name, folder.path / name)
    result = folder.build(SEED_FILES)
    (materialization,) = [m for m in result.asset_materializations_for_node("extract_articles")
                          if m.asset_key.path == ["parsed", "statistics"]]
    reported = materialization.metadata["articles_with_figures"].value
    ((articles, issues),) = folder.rows("select count(distinct article_id), count(distinct issue_id) from parsed.statistics")
    assert reported == articles
    assert articles > issues  # so a count of issues cannot pass for it


def test_the_first_seen_file_stays_the_issues_file(folder):
    """Protects the first-seen-file rule of ingest (keep_first_seen in assets/ingest.py): when the
    same content arrives under two names, the name seen first is the issue's file, also after
    every file is read again (`make run`). Skipping the rule makes the later name win here."""
    shutil.copy(SEEDS / SEED_FILES[0], folder.path / "b first.txt")
    folder.build(["b first.txt"])
    shutil.copy(SEEDS / SEED_FILES[0], folder.path / "a later copy.txt")
    folder.build(["a later copy.txt"])
    assert folder.rows("select source_file from parsed.issues") == [("b first.txt",)]

    folder.build(["a later copy.txt", "b first.txt"])  # everything read again, in one run
    assert folder.rows("select source_file from parsed.issues") == [("b first.txt",)]


def test_an_edited_files_old_issue_leaves_every_table(folder):
    edited = folder.path / SEED_FILES[0]
    shutil.copy(SEEDS / SEED_FILES[0], edited)
    shutil.copy(SEEDS / SEED_FILES[1], folder.path / SEED_FILES[1])
    folder.build(SEED_FILES[:2])
    before = dict(folder.rows("select source_file, issue_id from parsed.issues"))

    edited.write_text(edited.read_text(encoding="utf-8").replace("钱全 摄", "钱全 李四 摄"), encoding="utf-8")
    folder.build([SEED_FILES[0]])
    after = dict(folder.rows("select source_file, issue_id from parsed.issues"))
    assert after[SEED_FILES[1]] == before[SEED_FILES[1]] and after[SEED_FILES[0]] != before[SEED_FILES[0]]
    for row_type in PER_ISSUE_ROWS:
        held = folder.rows(f"select distinct issue_id from {row_type.table} order by 1")
        assert held == sorted((i,) for i in after.values()), row_type.table



def test_an_issue_whose_file_was_edited_is_known_by_its_next_copy(folder):
    shutil.copy(SEEDS / SEED_FILES[0], folder.path / "b first.txt")
    shutil.copy(SEEDS / SEED_FILES[0], folder.path / "c copy.txt")
    folder.build(["b first.txt", "c copy.txt"])
    (folder.path / "b first.txt").write_text("改过的一期。\n" + (SEEDS / SEED_FILES[1]).read_text(encoding="utf-8"),
                                             encoding="utf-8")
    folder.build(["b first.txt"])
    assert sorted(folder.rows("select source_file from parsed.issues")) == [("b first.txt",), ("c copy.txt",)]
