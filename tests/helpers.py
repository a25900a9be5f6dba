"""Test helpers, defined once: the gold scorer's comparison form, its F1 and its article match.

``norm``, ``f1`` and ``trailer_ok`` are the scorer's own functions, loaded from the copy of the scorer in
tests/fixtures/score_gold.py (left as copied), so the tests and eval scripts compare exactly as the
warehouse is scored and cannot drift from it. Imported by the test modules and by the eval scripts
(``from helpers import norm``: pytest and ``python tests/eval_*.py`` both put tests/ on the path).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "tests" / "fixtures" / "score_gold.py"


def _load_scorer():
    if "score_gold" in sys.modules:
        return sys.modules["score_gold"]
    spec = importlib.util.spec_from_file_location("score_gold", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules["score_gold"] = module
    return module


_scorer = _load_scorer()

norm = _scorer.norm  # the scorer's comparison form: NFKC, no whitespace, full-width brackets and commas
f1 = _scorer.f1  # (precision, recall, f1); an empty side counts as 1.0
trailer_ok = _scorer.trailer_ok  # what may follow the gold end of a body: only the article's own credit


def matches_gold(body: str | None, gold_article: dict, *, whole: bool = False) -> bool:
    """The scorer's article match: the body starts with the gold ``body_start`` and ends at its
    ``body_end``, or (unless ``whole``) continues after it only with the article's own byline/credit."""
    b, end = norm(body), norm(gold_article["body_end"])
    if not b.startswith(norm(gold_article["body_start"])) or end not in b:
        return False
    tail = b[b.rfind(end) + len(end):]
    return tail == "" if whole else trailer_ok(tail, gold_article)


def find_gold_article(articles, gold_article: dict, used: set | None = None, *, whole: bool = False):
    """The first article (anything with ``.body``) the scorer would match to ``gold_article``; with
    ``used`` (a set of indexes), an article is matched once and its index is added to ``used``."""
    for i, article in enumerate(articles):
        if used is not None and i in used:
            continue
        if matches_gold(article.body, gold_article, whole=whole):
            if used is not None:
                used.add(i)
            return article
    return None
