"""Headline shapes: what tells a title from a paragraph, a column label or a line cut by the layout.

A headline is printed as short lines without sentence-final punctuation: an optional kicker (引题,
`某某在某会上强调`, a series name in 《》, a slogan ending in ——, a figure ending in ！), the main
title, an optional subtitle. Papers set every tier apart, so a page of articles without bylines
still shows where each one starts. The same shape is also made by a sentence the layout cut at the
foot of a column (`会议听取了东塘区第`) and by a column label (`重点项目 / 进行时`); this module
holds the evidence for each reading, and the article splitter weighs it in context.
"""
from __future__ import annotations

import re

from .vocabulary import CJK as _CJK
from .vocabulary import COMMAS, LIST_MARK, SEMICOLONS

# --- a column label: a page's standing rubric (重点项目 / 进行时, 图片新闻, 乡村振兴 / 看芦湾) ---
_LABEL_LINE = re.compile(rf"[{_CJK}]{{2,6}}")

# --- a page's topic banner over a full headline: `聚焦2026某市两会` (a series kicker is set in 《》) ---
_TOPIC_BANNER = re.compile(rf"(?:聚焦|关注|直击|喜迎|礼赞|决战|奋进)[{_CJK}0-9·]{{2,12}}")
_TIERS_UNDER_BANNER = 2  # a banner sits over a title and a subtitle, not over a lone title

# --- a kicker that is a figure or a cry: `48.5亿元！`, `好消息！` ---
_EXCLAIMED_KICKER = re.compile(r"[^，,。；;、]{2,20}[！!？?]")

# --- a place and a colon before the title: `东山镇：稻浪连片…`, `西岭区:冬修水利…` ---
_PLACE_COLON_TITLE = re.compile(
    rf"""^[{_CJK}]{{1,8}}
        (?:省|市|区|县|州|旗|镇|乡|村|街道|社区|园区|新区|开发区|高新区)
        \s*[：:]\s*\S""",
    re.VERBOSE,
)

# --- two phrases set side by side with a space: `锚定目标争先进位 全力以赴` ---
_PHRASES_SIDE_BY_SIDE = re.compile(rf"[{_CJK}”’》]\s+[“‘《{_CJK}]")

# --- marks that only running text uses: a clause goes on, so the line is part of a sentence ---
_CLAUSE_MARKS = re.compile(f"[{COMMAS}{LIST_MARK}{SEMICOLONS}]")
_RUNNING_TEXT_MARKS = re.compile(f"[{COMMAS}{SEMICOLONS}]")
# A title never ends on a word that needs a continuation (`…来到位于`, `…东塘区第`, `…的`).
_DANGLING_END = re.compile(r"(?:的|地|得|了|着|和|与|及|或|在|对|向|从|把|被|将|于|为|是|第|等|并|且|以|而|其|位于|关于|截至|根据)$")
_OPENING_MARKS = "“‘《（(【「"
_CLOSING_MARKS = "”’》）)】」"

# --- how a story's first paragraph opens when nothing (no byline) marks it ---
_LEAD_OPENING = re.compile(
    r"""^(?:
        \d{1,4}\s*年\s*\d{1,2}\s*月 | \d{1,2}\s*月\s*\d{1,2}\s*日 | \d{1,2}\s*日\s*(?:上午|下午|晚)?[，,]   # a date
      | (?:近日|日前|昨天|昨日|前天|今天|今日|连日来|近期|眼下|当前|今年以来|入夏以来|入冬以来)        # a time word
      | (?:[正腊]月|春节|国庆|元旦|五一|端午|中秋)[^，,。]{0,6}[，,]                                  # a season or feast
    )""",
    re.VERBOSE,
)
_REPEAT_MIN = 4  # characters of the title a lead must repeat to count as restating it


def is_column_label(lines: tuple[str, ...] | list[str]) -> bool:
    """A standing rubric: one or two very short lines of words (重点项目 / 进行时)."""
    return 1 <= len(lines) <= 2 and all(_LABEL_LINE.fullmatch(line.replace(" ", "")) for line in lines)


def is_topic_banner(tiers: list[tuple[str, ...]]) -> bool:
    """Is the first of these headline tiers the page's topic banner rather than the story's kicker?"""
    if len(tiers) <= _TIERS_UNDER_BANNER:
        return False
    first = tiers[0]
    return len(first) == 1 and bool(_TOPIC_BANNER.fullmatch(first[0].replace(" ", "")))


def is_exclaimed_kicker(lines: tuple[str, ...] | list[str]) -> bool:
    """`48.5亿元！` over a title: one short line ending in ！ or ？."""
    return len(lines) == 1 and bool(_EXCLAIMED_KICKER.fullmatch(lines[0].strip()))


def is_cut_sentence(text: str) -> bool:
    """A short paragraph that reads as the first part of a sentence the layout cut."""
    return bool(_CLAUSE_MARKS.search(text)) or bool(_DANGLING_END.search(text)) or not _balanced(text)


def is_surely_cut(title: str, following: str) -> bool:
    """Headline-shaped, yet surely the first piece of a cut sentence: a clause goes on (，；), a word
    or a bracket is left open, and the paragraph after it does not restate it as a lead would.
    (`、` joins a title's parallel phrases too, and a kicker may end on ——, so those prove nothing.)"""
    if title.endswith(("——", "—")):
        return False
    cut = _RUNNING_TEXT_MARKS.search(title) or _DANGLING_END.search(title) or not _balanced(title)
    return bool(cut) and not _repeats_title(title, following)


def continues_text(text: str) -> bool:
    """A paragraph that starts inside a sentence (`，其中…`, `。`): the rest of a cut line."""
    return bool(text) and text[0] in "，,。、；;：:！？!?）)”’》" 


def opens_new_article(title: str, lead: str) -> bool:
    """Does a lone headline-shaped paragraph inside a story start a story of its own?

    Without a byline the evidence is the title's shape (`某区：…`) and the lead restating the title or
    opening on a dateline; a sub-heading or a cut line has neither.
    """
    if is_cut_sentence(title) or continues_text(lead):
        return False
    if _PLACE_COLON_TITLE.search(title) or _repeats_title(title, lead):
        return True
    weak = [_PHRASES_SIDE_BY_SIDE.search(title), _LEAD_OPENING.match(lead), len(_compact(title)) >= 8]
    return sum(bool(w) for w in weak) >= 2


def _repeats_title(title: str, lead: str) -> bool:
    head = _compact(title)
    common = _longest_common_run(head, _compact(lead)[:120])
    return common >= max(_REPEAT_MIN, (len(head) + 1) // 2)


_NOT_A_WORD_CHARACTER = re.compile(rf"[^{_CJK}0-9A-Za-z]")


def _compact(text: str) -> str:
    return _NOT_A_WORD_CHARACTER.sub("", text)


def _longest_common_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPENING_MARKS:
            depth += 1
        elif ch in _CLOSING_MARKS:
            depth -= 1
    return depth == 0
