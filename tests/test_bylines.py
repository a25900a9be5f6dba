"""Bylines as printed in the seeds (development set) and variants written to break the rules."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from gazette_text.bylines import parse_byline


@dataclass(frozen=True)
class Example:
    raw: str
    reporters: tuple[str, ...]
    contributors: tuple[str, ...] = ()


SEEDS = [
    Example("本报讯（舒泉清 记者 朱梦琪）昨天上午，", ("朱梦琪",), ("舒泉清",)),
    Example("本报讯 (记者 蒋雯黄鑫) 10月11日是", ("蒋雯", "黄鑫")),
    Example("本报讯(周健 记者 张可馨)近日,", ("张可馨",), ("周健",)),
    Example("本报讯（记者 张可馨 何天蕾）昨天上午，", ("张可馨", "何天蕾")),
    Example("本报讯 (记者 朱梦琪) 昨天上午,", ("朱梦琪",)),
]
WRITTEN_TO_BREAK = [
    Example("本报讯（记者朱梦琪 通讯员 王小明）昨天", ("朱梦琪",), ("王小明",)),
    Example("本报讯（记者 欧阳明月）昨天", ("欧阳明月",)),  # compound surname: one person
    Example("本报讯（记者 王小明李华）昨天", ("王小明", "李华")),  # 3 + 2 run together
    Example("本报讯（实习生 刘一 记者 陈二）昨天", ("陈二",), ("刘一",)),
]


@pytest.mark.parametrize("example", SEEDS + WRITTEN_TO_BREAK, ids=lambda e: e.raw[:16])
def test_byline_people(example):
    byline = parse_byline(example.raw)
    assert byline is not None
    assert byline.reporters == example.reporters
    assert byline.contributors == example.contributors


def test_paragraph_without_byline():
    assert parse_byline("会议还研究了其他事项。") is None
