"""Nothing lost: each printed character of every seed lands in exactly one place of the parse."""
from __future__ import annotations

import pytest

from conftest import SEEDS
from gazette_text.articles import parse_issue
from gazette_text.coverage import coverage


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_seed_is_fully_covered(path):
    text = path.read_text(encoding="utf-8")
    result = coverage(text, parse_issue(text))
    assert result.lost == "" and result.doubled == ""
    assert result.ratio == 1.0
    assert result.printed > 2000


def test_a_character_dropped_by_the_parse_is_reported():
    text = "标题\n\n本报讯（记者 王明）昨天上午，会议召开。\n\n张三 摄\n"
    parsed = parse_issue(text)
    parsed.articles[0] = parsed.articles[0].__class__(**{**parsed.articles[0].__dict__, "credit": None})
    result = coverage(text, parsed)
    assert result.lost == "张三摄"
    assert result.ratio < 1.0


def test_separate_credit_line_is_kept_as_printed():
    text = (SEEDS / "003_bea86a44bee5fdb8.txt").read_text(encoding="utf-8")
    photo = parse_issue(text).articles[-1]
    assert photo.credit == "陆新 徐芊卉 摄"
