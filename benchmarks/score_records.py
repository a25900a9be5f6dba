"""Score the article records of a built warehouse against a records gold (`records_gold.json`) with the
project's copy of the scorer, unchanged.

The scorer reads page issues by file name; a records gold keys its articles by line of one records
file. So each gold article becomes an issue of its own in a scratch warehouse (`r01.txt`, `r02.txt`…):
the article the warehouse made of that line, with its statistics, meetings and projects, copied as they
are; the gold becomes one scorer gold file per line. Every figure is then the scorer's own.
Usage: python -m benchmarks.score_records WAREHOUSE RECORDS_GOLD [--misses]
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

SCORER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "score_gold.py"


def score_records(warehouse: Path, gold_path: Path, misses: bool = False) -> str:
    """The scorer's output for the records of ``gold_path`` (its figures, then `overall=`)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="gazette-records-score-") as tmp:
        scratch, gold_dir = Path(tmp) / "records.duckdb", Path(tmp) / "gold"
        gold_dir.mkdir()
        _one_issue_per_record(warehouse, scratch, gold)
        for stem, issue_gold in _gold_per_record(gold).items():
            (gold_dir / f"{stem}.json").write_text(json.dumps(issue_gold, ensure_ascii=False), encoding="utf-8")
        args = [sys.executable, str(SCORER), str(scratch), str(gold_dir)] + (["--misses"] if misses else [])
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _stem(article: dict) -> str:
    return f"r{article['line']:02d}"


def _gold_per_record(gold: dict) -> dict[str, dict]:
    per_record = {}
    for article in gold["articles"]:
        key, day = article["key"], article["published_on"]
        mine = lambda items: [item for item in items if item["article"] == key]  # noqa: E731
        per_record[_stem(article)] = {
            "issue": _stem(article),
            "published_on": {"earliest": day, "latest": day, "year_in_text": True},
            "articles": [article],
            "metrics": mine(gold["metrics"]),
            "optional_metrics": mine(gold.get("optional_metrics", [])),
            "meetings": mine(gold["meetings"]),
            "projects": mine(gold["projects"]),
        }
    return per_record


def _one_issue_per_record(warehouse: Path, scratch: Path, gold: dict) -> None:
    """The articles made of the gold's lines, each as the only article of issue `rNN.txt`."""
    records_file = gold["source"]
    con = duckdb.connect(str(scratch))
    con.execute(f"attach '{warehouse}' as built (read_only)")
    con.execute("create schema marts")
    con.execute("create table wanted (stem varchar, line integer)")
    con.executemany("insert into wanted values (?, ?)", [(_stem(a), a["line"]) for a in gold["articles"]])
    # the article of each line: the record's key, whichever file's copy of it the warehouse kept
    con.execute(f"""
        create table picked as
        select w.stem, a.article_id
        from wanted w
        join built.raw.article_records r on r.line = w.line and r.reason is null
            and (r.source_file = ? or r.source_file like ?)
        join built.parsed.articles p on p.record_key = r.record_key
        join built.marts.articles a on a.article_id = p.article_id
    """, [records_file, f"%/{records_file}"])
    con.execute("""
        create table marts.issues as
        select 'rec-' || p.stem as issue_id, p.stem || '.txt' as source_file, a.published_on
        from picked p join built.marts.articles a using (article_id)
    """)
    con.execute("""
        create table marts.articles as
        select a.* replace ('rec-' || p.stem as issue_id, 1 as seq)
        from picked p join built.marts.articles a using (article_id)
    """)
    for table in ("statistics", "meetings"):
        con.execute(f"create table marts.{table} as select * from built.marts.{table}"
                    " where article_id in (select article_id from picked)")
    con.execute("""
        create table marts.projects as select * from built.marts.projects
        where len(list_intersect(article_ids, (select list(article_id) from picked))) > 0
    """)
    con.close()


def main(argv: list[str]) -> None:
    print(score_records(Path(argv[0]), Path(argv[1]), "--misses" in argv), end="")


if __name__ == "__main__":
    main(sys.argv[1:])
