"""Score ``extract_statistics`` against the hand-made gold (a script, not a pytest module).

usage: PYTHONPATH=orchestration .venv/bin/python tests/eval_statistics.py [--gold-bodies] [--show 003,004] [-v]

Counts as the warehouse scorer (/work/shared/tools/score_gold.py) does: a predicted statistic
matches a required gold one by article + value (1e-6 relative) + unit (or units_alt); one that
matches nothing required but an optional row is ignored; anything else in the issue's articles is
a false positive.

Article bodies come from ``gazette_text.articles.parse_issue`` and are matched to the gold
articles like the scorer does (body starts with ``body_start``, ends at ``body_end``); predicted
articles the gold does not know count their statistics as false positives. ``--gold-bodies``
cuts the bodies out of the seed text with the gold's own start/end strings instead, which scores
this step alone even while the splitter is wrong. ``--show`` prints every row of the given seeds
(for the issues without gold), ``-v`` every row of the gold issues too.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from gazette_text.statistics import extract_statistics
from helpers import matches_gold, norm

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
SEEDS_DIR = ROOT / "seeds"


def parsed_bodies(text: str) -> list[str]:
    from gazette_text.articles import parse_issue

    return [a.body for a in parse_issue(text).articles]


def gold_bodies(text: str, gold: dict) -> list[str]:
    """Bodies cut from the seed between the gold's start and end strings, layout breaks repaired."""
    flat, where = [], []
    for i, ch in enumerate(text):
        for n in norm(ch):  # NFKC may spell one character as several (㎡ -> m2)
            flat.append(n)
            where.append(i)
    flat_text = "".join(flat)
    bodies, e = [], 0
    for article in gold["articles"]:  # in reading order: search after the previous body
        s = flat_text.find(norm(article["body_start"]), e)
        e = flat_text.find(norm(article["body_end"]), s) + len(norm(article["body_end"]))
        bodies.append(_repair(text[where[s]:where[e - 1] + 1]))
    return bodies


def _repair(body: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    out: list[str] = []
    for p in paragraphs:
        if out and not re.search(r"[。！？!?；;：:”」』]$", out[-1]):
            out[-1] += p
        else:
            out.append(p)
    return "\n\n".join(out)


def match_articles(bodies: list[str], gold: dict) -> dict[int, str]:
    """Predicted body index -> gold article key, by the scorer's start/end rule."""
    matched: dict[int, str] = {}
    for article in gold["articles"]:
        i = next((i for i, body in enumerate(bodies) if i not in matched and matches_gold(body, article)), None)
        if i is not None:
            matched[i] = article["key"]
    return matched


def same(key: str | None, stat, metric: dict) -> bool:
    if key != metric["article"]:
        return False
    if abs(stat.value - metric["value"]) > 1e-6 * max(1, abs(metric["value"])):
        return False
    return norm(stat.unit) in {norm(metric["unit"])} | {norm(u) for u in metric["units_alt"]}


def score_issue(gold: dict, bodies: list[str], verbose: bool) -> tuple[int, int, int]:
    keys = match_articles(bodies, gold)
    for article in gold["articles"]:
        if article["key"] not in keys.values():
            print(f"  article not found: {article['key']} {article['body_start']!r}")
    predicted = [(keys.get(i), s) for i, body in enumerate(bodies) for s in extract_statistics(body)]
    used: set[int] = set()
    tp = fn = fp = 0
    for metric in gold["metrics"]:
        hit = next((i for i, (k, s) in enumerate(predicted) if i not in used and same(k, s, metric)), None)
        if hit is None:
            fn += 1
            print(f"  MISSING {metric['article']} {metric['value']} {metric['unit']} ({metric['subject']})")
        else:
            used.add(hit)
            tp += 1
    for i, (key, stat) in enumerate(predicted):
        optional = any(same(key, stat, m) for m in gold.get("optional_metrics", []))
        if i not in used and not optional:
            fp += 1
            print(f"  EXTRA   {key} {stat.raw_text!r} -> {stat.value} {stat.unit} ({stat.subject})  | {stat.sentence[:60]}")
        elif verbose:
            print(f"  ok      {key} {stat.raw_text!r} -> {stat.value} {stat.unit} q={stat.qualifier} ({stat.subject})")
    return tp, fp, fn


def show(text: str) -> None:
    for body in parsed_bodies(text):
        for s in extract_statistics(body):
            print(f"  {s.raw_text!r:22} {s.value:>14g} {str(s.unit):6} q={str(s.qualifier):4} subject={s.subject}")


def main(argv: list[str]) -> None:
    use_gold_bodies = "--gold-bodies" in argv
    verbose = "-v" in argv
    tp = fp = fn = 0
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS_DIR / f"{gold['issue']}.txt").read_text(encoding="utf-8")
        bodies = gold_bodies(text, gold) if use_gold_bodies else parsed_bodies(text)
        print(gold["issue"])
        t, f, n = score_issue(gold, bodies, verbose)
        tp, fp, fn = tp + t, fp + f, fn + n
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"statistics tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f}")
    if "--show" in argv:
        for prefix in argv[argv.index("--show") + 1].split(","):
            for seed in sorted(SEEDS_DIR.glob(f"{prefix}_*.txt")):
                print(seed.stem)
                show(seed.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main(sys.argv[1:])
