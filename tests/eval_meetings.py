"""Score meeting extraction against the gold files (a script; pytest does not collect it).

usage: PYTHONPATH=orchestration .venv/bin/python tests/eval_meetings.py [--misses] [--all]
Articles come from ``articles.parse_issue``; a gold article is matched as the shared scorer does
(``helpers.find_gold_article``: the scorer's own rule). Prints meetings_f1, meeting_chair_exact and
participants_f1 computed the scorer's way; ``--all`` also prints what every seed yields.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from gazette_text.articles import parse_issue
from gazette_text.meetings import extract_meeting
from helpers import f1, find_gold_article

ROOT = Path(__file__).resolve().parents[1]


def issue_meetings(seed: Path):
    parsed = parse_issue(seed.read_text(encoding="utf-8"))
    for article in parsed.articles:
        yield article, extract_meeting(article.headline, article.body, article.kind)


def main() -> None:
    c = dict(mt_tp=0, mt_fp=0, mt_fn=0, chair_ok=0, chair_n=0, p_tp=0, p_fp=0, p_fn=0)
    misses = []
    for gold_file in sorted((ROOT / "tests/fixtures/gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        by_key = {m["article"]: m for m in gold["meetings"]}
        found = list(issue_meetings(ROOT / "seeds" / f"{gold['issue']}.txt"))
        meeting_of = {a.seq: m for a, m in found}
        used: set[int] = set()
        for ga in gold["articles"]:
            article = find_gold_article([a for a, _ in found], ga, used)
            hit = "missing" if article is None else meeting_of[article.seq]
            g = by_key.get(ga["key"])
            if hit == "missing":
                misses.append(f"{ga['key']} article not found")
                c["mt_fn"] += g is not None
                continue
            if hit is None and g is None:
                continue
            if hit is None:
                c["mt_fn"] += 1
                misses.append(f"{ga['key']} meeting missing")
                continue
            if g is None:
                c["mt_fp"] += 1
                misses.append(f"{ga['key']} extra meeting {hit.name}")
                continue
            c["mt_tp"] += 1
            c["chair_n"] += 1
            if sorted(hit.chair) == sorted(g["chair"]):
                c["chair_ok"] += 1
            else:
                misses.append(f"{ga['key']} chair {hit.chair} != {g['chair']}")
            got = {p.person for p in hit.participants}
            want = set(g["participants"])
            c["p_tp"] += len(got & want)
            c["p_fp"] += len(got - want)
            c["p_fn"] += len(want - got)
            if got != want:
                misses.append(f"{ga['key']} participants +{sorted(got - want)} -{sorted(want - got)}")
            if hit.name != g["name"]:
                misses.append(f"{ga['key']} name (not scored) {hit.name!r} != {g['name']!r}")
    if "--misses" in sys.argv:
        for m in misses:
            print("  miss:", m)
    if "--all" in sys.argv:
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            for article, meeting in issue_meetings(seed):
                if meeting:
                    print(seed.name[:3], article.seq, meeting.name, meeting.chair,
                          [(p.person, p.role, p.title) for p in meeting.participants])
    print(f"meetings_f1={f1(c['mt_tp'], c['mt_fp'], c['mt_fn'])[2]:.3f}")
    print(f"meeting_chair_exact={(c['chair_ok'] / c['chair_n'] if c['chair_n'] else 1.0):.3f}")
    print(f"participants_f1={f1(c['p_tp'], c['p_fp'], c['p_fn'])[2]:.3f}")


if __name__ == "__main__":
    main()
