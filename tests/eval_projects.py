"""Score project extraction against the gold files (a script; pytest does not collect it).

usage: PYTHONPATH=orchestration .venv/bin/python tests/eval_projects.py [--misses] [--all]
Issues are read with ``issue.read_issue`` (so publication dates are the pipeline's own) and every
article goes through ``projects.extract_project``; one report is one project (no merging: the gold
issues report each project once). A gold article is matched as the shared scorer does
(``helpers.find_gold_article``). Prints projects_precision/recall/f1 and
project_fields_accuracy computed the scorer's way: company normalised exact, figures within 1e-6,
expected_completion by prefix and only when the issue's date is known (or the gold is 2026-06).
``--all`` also prints what every seed yields, gold or not.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from gazette_text.issue import read_issue
from gazette_text.projects import extract_project
from helpers import f1, find_gold_article, norm

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ("investment_cny", "floor_area_m2", "land_area_mu")


def issue_projects(seed: Path):
    issue = read_issue(seed.name, seed.read_text(encoding="utf-8"))
    pub = issue.publication
    found = [(a, extract_project(a.headline, a.body, a.kind, pub.published_on, pub.year)) for a in issue.articles]
    return pub, found


def gold_seq(found, gold_article) -> int | None:
    article = find_gold_article([a for a, _ in found], gold_article)
    return article.seq if article else None


def field_checks(report, gp, pub) -> list[tuple[str, bool]]:
    checks = []
    if gp["company"]:
        checks.append(("company", norm(report.company) == norm(gp["company"])))
    for name in FIGURES:
        if gp[name] is not None:
            got = getattr(report, name)
            checks.append((name, got is not None and abs(got - gp[name]) <= 1e-6 * gp[name]))
    if gp["expected_completion"] and (gp["expected_completion"] == "2026-06" or pub.published_on is not None):
        checks.append(("expected_completion", (report.expected_completion or "").startswith(gp["expected_completion"])))
    return checks


def main() -> None:
    c = dict(tp=0, fp=0, fn=0, ok=0, n=0)
    misses = []
    for gold_file in sorted((ROOT / "tests/fixtures/gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pub, found = issue_projects(ROOT / "seeds" / f"{gold['issue']}.txt")
        by_seq = {a.seq: report for a, report in found}
        wanted = {gold_seq(found, ga): ga["key"] for ga in gold["articles"]}
        gold_projects = {gp["article"]: gp for gp in gold["projects"]}
        for seq, report in by_seq.items():
            if report and wanted.get(seq) not in gold_projects:
                c["fp"] += 1
                misses.append(f"{gold['issue'][:3]} seq {seq} extra project {report.project_name!r} ({report.company})")
        for key, gp in gold_projects.items():
            seq = next((s for s, k in wanted.items() if k == key), None)
            report = by_seq.get(seq)
            if report is None:
                c["fn"] += 1
                misses.append(f"{key} project missing ({gp['name']})")
                continue
            c["tp"] += 1
            for name, ok in field_checks(report, gp, pub):
                c["n"] += 1
                c["ok"] += ok
                if not ok:
                    misses.append(f"{key} {name}: got {getattr(report, name)!r}, gold {gp[name]!r}")
    if "--misses" in sys.argv:
        for miss in misses:
            print("  miss:", miss)
    precision, recall, f = f1(c["tp"], c["fp"], c["fn"])
    print(f"projects_precision={precision:.3f}")
    print(f"projects_recall={recall:.3f}")
    print(f"projects_f1={f:.3f}")
    print(f"project_fields_accuracy={c['ok'] / c['n'] if c['n'] else 1.0:.3f} ({c['ok']}/{c['n']} fields)")
    if "--all" in sys.argv:
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            pub, found = issue_projects(seed)
            print(f"\n{seed.stem} published_on={pub.published_on} year={pub.year}")
            for article, report in found:
                if report:
                    print(f"  seq {article.seq} {article.kind}:")
                    for name, value in vars(report).items():
                        print(f"    {name}: {value}")


if __name__ == "__main__":
    main()
