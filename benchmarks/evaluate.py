"""`make eval`: build a scratch warehouse from each evaluation set and print their figures side by side.

Sets: the seeds scored against tests/fixtures/gold, the dev pages (other papers' conventions)
scored against their own gold in tests/fixtures/dev-pages, and the article records beside them
(records.jsonl, scored by benchmarks/score_records.py from the dev pages' warehouse). Each build is a
real `make run` into a temporary folder, so the figures are those of the whole pipeline, not of the
parser alone.
Usage: python -m benchmarks.evaluate [--misses]
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.score_records import score_records

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SCORER = FIXTURES / "score_gold.py"
SETS = {  # name: (page files, gold folder)
    "seeds": (REPO / "seeds", FIXTURES / "gold"),
    "dev pages": (FIXTURES / "dev-pages", FIXTURES / "dev-pages"),
}
RECORDS_GOLD = FIXTURES / "dev-pages" / "records_gold.json"  # scored on the dev pages' warehouse


def build(pages: Path, scratch: Path) -> Path:
    """A warehouse of ``pages`` (their page and records files) built by `make run` inside ``scratch``."""
    issues = scratch / "issues"
    issues.mkdir(parents=True)
    for page in sorted(pages.glob("*.txt")) + sorted(pages.glob("*.jsonl")):
        shutil.copy(page, issues / page.name)
    warehouse = scratch / "warehouse.duckdb"
    env = dict(os.environ, ISSUES_DIR=str(issues), WAREHOUSE_PATH=str(warehouse), DAGSTER_HOME=str(scratch / "dh"))
    run = subprocess.run(["make", "-s", "run"], cwd=REPO, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"make run failed for {pages}:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
    return warehouse


def score(warehouse: Path, gold: Path, misses: bool) -> tuple[dict[str, str], str]:
    """The scorer's figures as name -> value, and its whole output (with misses when asked)."""
    args = [sys.executable, str(SCORER), str(warehouse), str(gold)] + (["--misses"] if misses else [])
    return figures_of(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def figures_of(out: str) -> tuple[dict[str, str], str]:
    figures = {}
    for line in out.splitlines():
        name, sep, value = line.partition("=")
        if sep and " " not in name:
            figures[name] = value
    return figures, out


def main(argv: list[str]) -> None:
    misses = "--misses" in argv
    results: dict[str, dict[str, str]] = {}
    warehouses: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="gazette-eval-") as tmp:
        for name, (pages, gold) in SETS.items():
            warehouses[name] = build(pages, Path(tmp) / name.replace(" ", "-"))
            figures, out = score(warehouses[name], gold, misses)
            results[name] = figures
            if misses:
                print(f"## {name}\n{out}")
        figures, out = figures_of(score_records(warehouses["dev pages"], RECORDS_GOLD, misses))
        results["records"] = figures
        if misses:
            print(f"## records\n{out}")
    names = list(dict.fromkeys(k for figures in results.values() for k in figures))
    width = max(map(len, names))
    print(f"{'figure':<{width}}  " + "  ".join(f"{s:>10}" for s in results))
    for figure in names:
        print(f"{figure:<{width}}  " + "  ".join(f"{results[s].get(figure, '-'):>10}" for s in results))


if __name__ == "__main__":
    main(sys.argv[1:])
