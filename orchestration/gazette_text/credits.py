"""Photo credits: who took a picture, printed after a caption or on a line of its own.

Forms papers print: `钱安 摄`, `陆衡 邵雨晴 摄`, `（申若川 摄）`, `本网记者 史云帆 摄`, `晚报记者 X 摄`,
`申若川/摄`, `文/祁雨舟 图/古月白`. Every name in a credit is a photographer (or, after `文/`, the
writer of the caption): a role word such as 本报记者 says where the photographer works, not that they
reported the story. Two-character names are often padded with a space to line up with three-character
ones (`殷 朗`), so a lone character is part of its neighbour's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .bylines import split_run_together_names
from .names import COMPOUND_SURNAMES, SURNAME_RANK
from .vocabulary import CJK as _CJK

# A role word before the names, stray spaces and all (`本 网记 者`).
_ROLE_PATTERN = rf"(?:[{_CJK}]\s*){{0,3}}(?:记\s*者|通\s*讯\s*员)"
_CREDIT_PATTERN = rf"""
    (?P<open>[（(]\s*)?                                  # (X 摄) is printed in brackets
    (?:
        文\s*[/／]\s*(?P<writers>[{_CJK}·\s、]{{2,12}}?)\s+   # 文/X 图/Y: the caption's writer, then ...
        (?:图|摄影?)\s*[/／]\s*(?P<shooters>[{_CJK}·\s、]{{2,20}}?)
      |
        (?P<names>
            (?:{_ROLE_PATTERN}\s*)?                             # 本报记者 / 本网记者 / 晚报记者 / 通讯员
            [{_CJK}·][{_CJK}·\s、]{{0,24}}?                     # one or more names
        )
        \s*(?:[/／]\s*)?摄(?:影)?
    )
    \s*(?(open)[）)])
"""
# A credit closes the text: at its very start, or after a space or the caption's last sentence.
_CREDIT_TAIL = re.compile(rf"(?:^|(?<=[\s。！？!?）)”]))(?P<credit>{_CREDIT_PATTERN})\s*$", re.VERBOSE)
# Every credit holds 摄 or a slash (文/X 图/Y): text with neither is no credit, and skips the slow tail search.
_CREDIT_MARKS = ("摄", "/", "／")
_ROLE = re.compile(_ROLE_PATTERN)
_TOKEN_SEPARATORS = re.compile(r"[\s、]+")


@dataclass(frozen=True)
class Credit:
    text: str  # as printed, e.g. 陆衡 邵雨晴 摄
    photographers: tuple[str, ...]
    writers: tuple[str, ...] = ()  # 文/X: who wrote the caption


def split_credit(text: str) -> tuple[str, Credit | None]:
    """(the text without its closing photo credit, the credit), or (text, None)."""
    if not any(mark in text for mark in _CREDIT_MARKS):
        return text, None
    match = _CREDIT_TAIL.search(text)
    while match:
        credit = _parse(match)
        if credit is not None:
            return text[: match.start("credit")].rstrip(), credit
        # The longest tail read as names failed (a phrase before the credit); try shorter ones.
        match = _CREDIT_TAIL.search(text, match.start("credit") + 1)
    return text, None


def is_credit_only(text: str) -> bool:
    caption, credit = split_credit(text.strip())
    return credit is not None and not caption


def parse_credit(text: str) -> Credit | None:
    _, credit = split_credit(text.strip())
    return credit


def _parse(match: re.Match) -> Credit | None:
    if match.group("shooters") is not None:
        photographers = _names(match.group("shooters"))
        writers = _names(match.group("writers"))
    else:
        photographers, writers = _names(_ROLE.sub(" ", match.group("names"))), ()
    if not photographers or not all(_is_name(n) for n in photographers + writers):
        return None  # `现场拍摄` and the like: a sentence that happens to end in 摄
    return Credit(text=match.group("credit").strip(), photographers=photographers, writers=writers)


def _names(run: str) -> tuple[str, ...]:
    tokens = [t for t in _TOKEN_SEPARATORS.split(run) if t]
    names: list[str] = []
    for token in _join_padded(tokens):
        names.extend(split_run_together_names(token))
    return tuple(names)


def _join_padded(tokens: list[str]) -> list[str]:
    """`殷 朗` -> `殷朗`: a lone character belongs to the name beside it (a surname to the next one)."""
    joined: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if len(token) == 1 and following and token in SURNAME_RANK and len(following) <= 2:
            joined.append(token + following)
            i += 2
            continue
        if len(token) == 1 and joined:
            joined[-1] += token
        else:
            joined.append(token)
        i += 1
    return joined


def _is_name(name: str) -> bool:
    starts_with_surname = name[:1] in SURNAME_RANK or name[:2] in COMPOUND_SURNAMES
    return 2 <= len(name) <= 5 and starts_with_surname
