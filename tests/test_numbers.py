"""parse_number: the project's one number normaliser.

SEEDS: numbers as printed in the seed issues. WRITTEN_TO_BREAK: forms the seeds do not show yet,
and text that must not read as a number.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from gazette_text.numbers import parse_number, to_halfwidth


@dataclass(frozen=True)
class Example:
    raw: str
    expected: float | None


SEEDS = [
    Example("2853", 2853),
    Example("27054", 27054),
    Example("10.8万", 108_000),
    Example("3亿", 300_000_000),
    Example("2.5亿", 250_000_000),
    Example("6.92万", 69_200),
    Example("6.92万余", 69_200),
    Example("570余万", 5_700_000),  # 余 is the qualifier, not a digit
    Example("102.8", 102.8),
    Example("83.4", 83.4),
    Example("二十", 20),
    Example("二十余", 20),
    Example("3800万", 38_000_000),
]

WRITTEN_TO_BREAK = [
    Example("１２", 12),  # full-width digits
    Example("１０.８万", 108_000),
    Example("1,542", 1542),  # thousands separator
    Example("12,345,678", 12_345_678),
    Example("1,5423", None),  # not a thousands group
    Example("3千万", 30_000_000),
    Example("1.2万亿", 1_200_000_000_000),
    Example("3亿5000万", 350_000_000),
    Example("三亿五千万", 350_000_000),
    Example("一百零五", 105),
    Example("两万三千", 23_000),
    Example("两", 2),  # 两成, 分两期: the counting two
    Example("九", 9),  # 九成
    Example("十余", 10),
    Example("十五", 15),
    Example("三十五万", 350_000),
    Example("百", 100),
    Example("三点五", 3.5),
    Example("二〇二四", 2024),  # digit by digit
    Example("6000多", 6000),
    Example("万亿", None),  # 万亿之城: magnitudes without a digit are a word
    Example("万", None),
    Example("多", None),
    Example("3五", None),  # two numbers
    Example("5A", None),
    Example("", None),
    Example("   ", None),
]


@pytest.mark.parametrize("example", SEEDS + WRITTEN_TO_BREAK, ids=lambda e: e.raw or "<empty>")
def test_parse_number(example: Example) -> None:
    got = parse_number(example.raw)
    if example.expected is None:
        assert got is None
    else:
        assert got == example.expected  # exact: 6.92万 is 69200, not 69200.00000000001


def test_halfwidth_keeps_offsets() -> None:
    text = "共１２家，增长５％，１０．８万"
    assert to_halfwidth(text) == "共12家，增长5%，10.8万"
    assert len(to_halfwidth(text)) == len(text)
