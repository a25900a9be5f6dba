"""Bylines: `本报讯（舒泉清 记者 朱梦琪）`, `本报讯 (记者 蒋雯黄鑫)`, `本报讯(周健 记者 张可馨)`.

Names after a staff role word (记者) are reporters; every other name in the byline (before the role
word, or after 通讯员) is a contributor. Names printed together are split by surname.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import COMPOUND_SURNAMES, SURNAME_RANK

# The lead of a staff story: 本报讯, 本报北京10月12日电, 新华社…电.
_LEAD = r"本报讯|本报[^\s，,。（(]{1,12}电|新华社[^\s，,。（(]{1,12}电"
_STARTS_WITH_LEAD = re.compile(rf"^(?:{_LEAD})")
_BYLINE = re.compile(rf"^(?P<lead>{_LEAD})\s*[（(](?P<inside>[^）)]{{1,60}})[）)]")
_REPORTER_ROLES = ("见习记者", "特约记者", "实习记者", "首席记者", "记者")
_CONTRIBUTOR_ROLES = ("通讯员", "实习生", "见习生")
_ROLE = re.compile("|".join(_REPORTER_ROLES + _CONTRIBUTOR_ROLES))
_SEPARATORS = re.compile(r"[\s、，,/]+")



@dataclass(frozen=True)
class Byline:
    text: str  # as printed, e.g. 本报讯（舒泉清 记者 朱梦琪）
    reporters: tuple[str, ...]
    contributors: tuple[str, ...]


def parse_byline(paragraph: str) -> Byline | None:
    match = _BYLINE.match(paragraph)
    if not match:
        return None
    reporters: list[str] = []
    contributors: list[str] = []
    role = None
    for token in _tokens(match.group("inside")):
        if _ROLE.fullmatch(token):
            role = token
            continue
        target = reporters if role in _REPORTER_ROLES else contributors
        target.extend(split_run_together_names(token))
    return Byline(text=match.group(0), reporters=tuple(reporters), contributors=tuple(contributors))


def starts_with_byline(paragraph: str) -> bool:
    return bool(_STARTS_WITH_LEAD.match(paragraph))


def strip_byline(body: str) -> str:
    """The body without its byline (the reporters are not part of the story)."""
    match = _BYLINE.match(body.lstrip())
    return body.lstrip()[match.end():].lstrip() if match else body


def split_run_together_names(run: str) -> list[str]:
    """`蒋雯黄鑫` -> [蒋雯, 黄鑫]; a single 2-3 character name is returned as is."""
    if len(run) <= 3 or (len(run) == 4 and run[:2] in COMPOUND_SURNAMES):
        return [run]
    splits = [n for n in (2, 3) if len(run) - n >= 2 and _starts_with_surname(run[n:])]
    if not splits:
        return [run]
    # Where both cuts are possible (王小明李华), the commoner surname marks the second name.
    first_len = min(splits, key=lambda n: SURNAME_RANK.get(run[n], -1))
    return [run[:first_len], *split_run_together_names(run[first_len:])]


def _starts_with_surname(name: str) -> bool:
    return name[:1] in SURNAME_RANK or name[:2] in COMPOUND_SURNAMES


def _tokens(inside: str) -> list[str]:
    # Role words may touch the names (`记者朱梦琪`): put spaces around them first.
    spaced = _ROLE.sub(lambda m: f" {m.group(0)} ", inside)
    return [t for t in _SEPARATORS.split(spaced) if t]
