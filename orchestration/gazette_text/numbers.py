"""The one number normaliser of the project: a number as printed -> its value.

``parse_number`` reads the number part of a quantity (no measure word) and returns a float,
or ``None`` when the text is not one number:

- Arabic digits and full-width digits (``１２`` -> 12), decimals, ASCII thousands separators
  (``1,542`` -> 1542);
- the magnitudes 万 and 亿, alone or stacked, after Arabic or Chinese digits
  (``10.8万`` -> 108000, ``3亿`` -> 3e8, ``3千万`` -> 3e7, ``1.2万亿`` -> 1.2e12, ``3亿5000万`` -> 3.5e8);
- Chinese numerals (``二十`` -> 20, ``一百零五`` -> 105, ``两万三千`` -> 23000, ``三点五`` -> 3.5) and
  digit-by-digit ones (``二〇二四`` -> 2024);
- 余 and 多 inside or after the number (``570余万``, ``6.92万余``, ``二十余``) mark an approximate
  count, not digits: they are dropped, so ``570余万`` -> 5700000 (the caller reports 余 as the
  qualifier).

Arithmetic is done in ``Decimal`` so ``6.92万`` is exactly 69200, not 69200.00000000001.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

# Full-width ASCII (U+FF01..FF5E) maps one-to-one onto ASCII, so offsets survive the translation;
# the full-width comma stays: it is Chinese punctuation, and as "," it would join 12，345 into one number.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF0C}
# The same characters as runs, so that only they go through the (per-character, slow) translation.
_FULLWIDTH_RUN = re.compile("[" + "".join(map(chr, sorted(_HALFWIDTH))) + "]+")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE_UNITS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九]|[十百千]|[万亿]")
_APPROXIMATE = re.compile(r"(?<=.)[余多]")  # a leading 多 is "many", not a number


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and signs as ASCII; same length, so offsets still point into ``text``."""
    return _FULLWIDTH_RUN.sub(_to_halfwidth_run, text)


def _to_halfwidth_run(run: re.Match) -> str:
    return run.group().translate(_HALFWIDTH)


def parse_number(text: str) -> float | None:
    """The value of one printed number (``10.8万`` -> 108000.0), or None if ``text`` is not one."""
    value = parse_decimal(text)
    return None if value is None else float(value)


@lru_cache(maxsize=4096)  # the same figures recur (一, 2024, 10万), and reading one takes several regex passes
def parse_decimal(text: str) -> Decimal | None:
    """Like ``parse_number`` but exact, for callers that scale or compare values."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    if "点" in cleaned:
        return _chinese_decimal(cleaned)
    tokens = _TOKEN.findall(cleaned)
    if "".join(tokens) != cleaned:
        return None
    if len(tokens) > 1 and all(t in _CN_DIGITS for t in tokens):
        return _digit_by_digit(tokens)
    return _combine(tokens)


def _clean(text: str) -> str:
    text = to_halfwidth(text).strip()
    text = _THOUSANDS.sub(lambda m: m.group().replace(",", ""), text)
    return _APPROXIMATE.sub("", text)


def _digit_by_digit(tokens: list[str]) -> Decimal:
    # 二〇二四 spells a year or code digit by digit, without 十/百/千
    return Decimal("".join(str(_CN_DIGITS[t]) for t in tokens))


def _chinese_decimal(text: str) -> Decimal | None:
    # 三点五: the integer part is an ordinary numeral, the fraction is read digit by digit
    whole, _, fraction = text.partition("点")
    integer = parse_decimal(whole)
    if integer is None or not fraction or any(c not in _CN_DIGITS for c in fraction):
        return None
    return integer + Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in fraction))


def _combine(tokens: list[str]) -> Decimal | None:
    """Sum digits times their units, the way 三亿五千万 or 10.8万 is read aloud."""
    total = Decimal(0)  # everything already scaled by 万/亿
    section = Decimal(0)  # the part below the next 万/亿
    current: Decimal | None = None  # the digit waiting for its unit
    for token in tokens:
        if token in _CN_LARGE_UNITS:
            if current is None and section == 0 and total == 0:
                return None  # a bare 万 or 亿 is a word (万亿之城), not a number
            section += current or 0
            current = None
            if token == "亿":
                total = (total + section) * _CN_LARGE_UNITS[token]
            else:
                total += section * _CN_LARGE_UNITS[token]
            section = Decimal(0)
        elif token in _CN_SMALL_UNITS:
            section += (current if current is not None else 1) * _CN_SMALL_UNITS[token]
            current = None
        elif token in ("零", "〇"):
            continue  # 一百零五: 零 only marks a skipped place
        else:
            if current is not None:
                return None  # two numbers side by side (3五) are not one number
            current = Decimal(token) if token[0].isdigit() else Decimal(_CN_DIGITS[token])
    return total + section + (current or 0)


__all__ = ["parse_number", "parse_decimal", "to_halfwidth"]
