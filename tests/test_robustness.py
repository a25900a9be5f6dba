"""The same page printed differently must parse the same.

Each seed and dev page is perturbed deterministically the ways real files differ from one another —
re-encoded in GB18030, cut by the layout at other places, set with full-width digits, sprinkled with
stray spaces — and its articles, headlines and bylines are compared with those of the clean page:
agreement with the clean parse, and the gold figures (articles F1, headline and byline exactness)
within 0.02 of the clean page's.
"""
from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from gazette_text.bylines import strip_byline
from gazette_text.decoding import decode_issue
from gazette_text.issue import read_issue

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "fixtures" / "dev-pages"
SETS = {  # name: (pages, gold folder)
    "seeds": (REPO / "seeds", REPO / "tests" / "fixtures" / "gold"),
    "dev pages": (DEV, DEV),
}
sys.path.insert(0, str(REPO / "tests" / "fixtures"))
from score_gold import f1, nlist, norm, trailer_ok  # noqa: E402  (the scorer's own matching rules)

_TERMINATED = re.compile(r"[。！？!?；;：:…][”’）)]*$")
# A layout break comes at the foot of a printed column, never before its first line is full.
_COLUMN_LINE = 12
_CJK_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


# --- perturbations (each seeded by the page's name, so a failure can be reproduced) ---


def gb18030(raw: bytes, rng: random.Random) -> bytes:
    return raw.decode("utf-8").encode("gb18030")


def rebroken(raw: bytes, rng: random.Random) -> bytes:
    """Every third long paragraph cut once more by the layout, at another point."""
    out = []
    for line in raw.decode("utf-8").split("\n"):
        if len(line.strip()) > 3 * _COLUMN_LINE and rng.random() < 0.35:
            cut = rng.randrange(_COLUMN_LINE, len(line) - 1)
            line = f"{line[:cut]}\n\n{line[cut:]}"
        out.append(line)
    return "\n".join(out).encode("utf-8")


def fullwidth_digits(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8")
    return text.translate({ord("0") + i: 0xFF10 + i for i in range(10)}).replace("%", "％").encode("utf-8")


def stray_spaces(raw: bytes, rng: random.Random) -> bytes:
    """Paragraph indents, trailing blanks, a space after the lead word, spaces inside long paragraphs."""
    out = []
    for line in raw.decode("utf-8").split("\n"):
        if line.strip():
            if len(line) > 3 * _COLUMN_LINE:
                gaps = [m.start() for m in _CJK_PAIR.finditer(line) if m.start() > 2 * _COLUMN_LINE]
                for at in sorted(rng.sample(gaps, min(2, len(gaps))), reverse=True):
                    line = f"{line[:at]}{rng.choice([' ', '　'])}{line[at:]}"
            line = line.replace("本报讯", "本报讯 ", 1) if rng.random() < 0.5 else line
            line = rng.choice(["", "　　", "  "]) + line + rng.choice(["", " ", "　"])
        out.append(line)
    return "\n".join(out).encode("utf-8")


PERTURBATIONS = [gb18030, rebroken, fullwidth_digits, stray_spaces]


# --- comparing parses ---


def _parse(name: str, raw: bytes):
    return read_issue(name, decode_issue(raw).text).articles


def _signature(article) -> tuple:
    return (
        norm(article.headline),
        norm(_nfkc(article.body)),
        tuple(nlist(article.reporters)),
        tuple(nlist(article.contributors)),
        tuple(nlist(article.photographers)),
    )


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _pages(set_name: str) -> list[Path]:
    return sorted(SETS[set_name][0].glob("*.txt"))


def _perturbed(page: Path, perturb) -> bytes:
    return perturb(page.read_bytes(), random.Random(f"{page.name}:{perturb.__name__}"))


@pytest.mark.parametrize("perturb", PERTURBATIONS, ids=lambda p: p.__name__)
@pytest.mark.parametrize("set_name", list(SETS))
def test_perturbed_pages_parse_like_the_clean_ones(set_name, perturb):
    agreed = total = 0
    for page in _pages(set_name):
        clean = [_signature(a) for a in _parse(page.name, page.read_bytes())]
        changed = [_signature(a) for a in _parse(page.name, _perturbed(page, perturb))]
        agreed += sum(1 for s in clean if s in changed)
        total += max(len(clean), len(changed))
    assert agreed / total >= 0.98


@pytest.mark.parametrize("perturb", PERTURBATIONS, ids=lambda p: p.__name__)
@pytest.mark.parametrize("set_name", list(SETS))
def test_perturbed_pages_score_like_the_clean_ones(set_name, perturb):
    clean = _figures(set_name, lambda page: page.read_bytes())
    changed = _figures(set_name, lambda page: _perturbed(page, perturb))
    for figure, value in clean.items():
        assert abs(changed[figure] - value) <= 0.02, (figure, value, changed[figure])


def _figures(set_name: str, raw_of) -> dict[str, float]:
    """articles F1, headline and byline exactness against the gold, with the scorer's matching."""
    pages, gold_dir = SETS[set_name]
    c = dict(tp=0, fp=0, fn=0, head=0, head_n=0, byline=0, byline_n=0)
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "issue" not in gold:
            continue
        page = pages / f"{gold['issue']}.txt"
        articles = list(_parse(page.name, raw_of(page)))
        for ga in gold["articles"]:
            hit = next((a for a in articles if _spans(a, ga)), None)
            if hit is None:
                c["fn"] += 1
                continue
            articles.remove(hit)
            c["tp"] += 1
            if ga["headline"] is not None:
                c["head_n"] += 1
                c["head"] += norm(hit.headline) == norm(ga["headline"])
            people = (nlist(hit.reporters), nlist(hit.contributors), nlist(hit.photographers))
            expected = (nlist(ga["reporters"]), nlist(ga["contributors"]), nlist(ga["photographers"]))
            c["byline_n"] += 1
            c["byline"] += people[2] == expected[2] if ga["kind"] == "photo" else people[:2] == expected[:2]
        c["fp"] += len(articles)
    return {
        "articles_f1": f1(c["tp"], c["fp"], c["fn"])[2],
        "headline_exact": c["head"] / max(c["head_n"], 1),
        "bylines_exact": c["byline"] / max(c["byline_n"], 1),
    }


def _spans(article, gold_article) -> bool:
    body, end = norm(article.body), norm(gold_article["body_end"])
    if not body.startswith(norm(gold_article["body_start"])) or end not in body:
        return False
    return trailer_ok(body[body.rfind(end) + len(end):], gold_article)


# --- stray spaces inside the text (justification, PDF exports) ---

def test_spaces_inside_running_sentences_are_closed():
    from gazette_text.blocks import close_stray_spaces

    text = "本报讯（记者 甘书语 宁晓川）昨天上午，芦湾区水利工作会 议召开。区长葛长明主 持会议。"
    assert close_stray_spaces(text) == "本报讯（记者 甘书语 宁晓川）昨天上午，芦湾区水利工作会议召开。区长葛长明主持会议。"


def test_spaces_between_short_fields_before_the_first_clause_are_kept():
    """A TV script labels its speaker `职务 姓名 quote`; those spaces separate fields."""
    from gazette_text.blocks import close_stray_spaces

    text = "区水务局局长 方立群 我们今年，要完成 三条河道的清淤。"
    assert close_stray_spaces(text) == "区水务局局长 方立群 我们今年，要完成三条河道的清淤。"


def test_a_space_after_a_long_run_before_the_first_clause_is_closed():
    from gazette_text.blocks import close_stray_spaces

    text = "区重点项目某某精密机械有限公司数控机床及其零部件生产项　目，占地约30亩。"
    assert close_stray_spaces(text) == "区重点项目某某精密机械有限公司数控机床及其零部件生产项目，占地约30亩。"


@pytest.mark.parametrize("set_name", list(SETS))
def test_stray_spaces_leave_the_bodies_unchanged(set_name):
    """What extraction reads (the bodies) is the clean page's, though the page has stray spaces."""
    pages, _ = SETS[set_name]
    same = total = 0
    for page in sorted(pages.glob("*.txt")):
        clean = [strip_byline(a.body) for a in _parse(page.name, page.read_bytes())]
        spaced = [strip_byline(a.body) for a in _parse(page.name, _perturbed(page, stray_spaces))]
        total += len(clean)
        same += sum(c == s for c, s in zip(clean, spaced))
    assert same / total >= 0.98, (same, total)
