"""People named with an official title, and the names they teach the segmenter.

Rules:
- A person is a name printed right after an official title word (书记, 区长, 主任, 局长, 常委,
  领导, 秘书长, 院长, 检察长, 部长, 党组成员, 召集人 …); names are learned only this way,
  never from a hand list.
- The title is kept as printed: it runs back from the title word to the previous clause mark,
  across ``、`` (``市委常委、区委书记``, ``市、区领导``), but never into an earlier person.
- A name is 2–3 Chinese characters (4 with a two-character surname, or a ``·`` name); the length
  is the one after which the text goes on with a boundary: punctuation, ``等``, a role verb
  (``主持`` ``出席`` ``参加`` ``列席`` ``强调`` …) or a linking word (``在`` ``与`` ``以`` …).
  Punctuation and two-character words are stronger evidence than one-character words.
- A title word must end a word in the segmenter's view (no ``区长`` inside ``社区长效``); the
  collective title ``领导`` must follow an organisation (``区领导`` yes, ``坚持领导`` no).
- A candidate that is an ordinary dictionary word (``干部``, ``参加``, ``会议``) is no name, so a
  position without a name (``市法院院长、市检察院检察长参加会议``) yields nobody.
- ``、`` after a name may chain further bare names (``区领导孙益锋、盛世麟``); they share a
  collective title (``领导``), and get none otherwise.
- Names, once learned, can be found again without a title (``乔俊杰强调``) by
  ``find_mentions``; ``learn_names`` adds them to jieba's user dictionary.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from .names import COMPOUND_SURNAMES

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class TitledPerson:
    name: str
    title: str | None  # as printed before the name, e.g. 市委常委、区委书记
    start: int  # offset of the name in the text


# Base title words; a prefix (副, 常务, 党组, an organisation) is picked up by the backward walk.
TITLE_WORDS = (
    "书记", "区长", "市长", "县长", "省长", "州长", "镇长", "乡长", "村长", "主任", "主席",
    "局长", "厅长", "处长", "科长", "所长", "队长", "站长", "馆长", "园长", "校长", "院长",
    "部长", "组长", "行长", "会长", "社长", "署长", "常委", "委员", "成员", "领导", "秘书长",
    "检察长", "审计长", "指挥长", "总指挥", "召集人", "负责人", "政委", "专员", "巡视员",
    "调研员", "董事长", "理事长", "监事长", "总经理", "经理", "总裁", "总监", "创始人",
    "总工程师", "总经济师", "总会计师", "主编", "总编辑", "教授", "人大代表",
)
_TITLE_RE = re.compile("|".join(sorted(TITLE_WORDS, key=len, reverse=True)))

# Titles naming a group; they are shared along a 、 list and must follow an organisation.
COLLECTIVE_TITLES = ("领导", "负责人", "成员", "委员")
_ORG_END_CHARS = "市区县省州镇乡村街委会府局办部厅院校司团协组室处科所站队园业子"
_ORG_END = set(_ORG_END_CHARS)

_CJK = r"\u4e00-\u9fff"
_CJK_RE = re.compile(f"[{_CJK}]+")
_DOT_NAME_RE = re.compile(f"[{_CJK}]{{1,6}}·[{_CJK}]{{1,8}}")

# What may follow a name. Two-character words and punctuation are strong evidence.
_STRONG_AFTER = (
    "等人", "同志", "一行", "主持", "出席", "参加", "列席", "陪同", "讲话", "强调", "指出",
    "要求", "表示", "介绍", "说道", "带领", "率领", "率队", "代表", "围绕", "见证", "致辞",
    "宣读", "宣布", "先后", "分别", "来到", "深入", "走进", "调研", "检查", "察看", "查看",
    "听取", "会见", "会同", "主讲", "授课", "收听", "通报", "部署", "总结", "汇报", "提出",
    "认为", "希望", "参观", "考察", "督查", "叮嘱", "一同", "共同", "亲自", "沿街", "随机",
    "首先", "随后", "此外", "还要", "作了", "作为", "出任", "当选", "在会上", "座谈", "会谈",
    "交流", "致以", "慰问", "看望", "视察", "宣讲", "发言",
)
_WEAK_AFTER = tuple("等在以对与和及向为作则还也说率同的了并就")
_PUNCT = set("、，,。；;：:！？!?（）()“”\"'‘’《》—…·\n\r\t \u3000")

# Characters that start a clause word, not a name, right after a title.
_NOT_NAME_START = set("等在和与及对为就的了是也还并把被由各全本该其此这那每要会市区县省镇乡")
# Characters that end a list or a clause, not a name (王斐等参加: the name is 王斐).
_NOT_NAME_END = set("等的了在与及并")
_VERB_TAGS = set("vpd")

# A title walk stops at these (the title starts after them).
_TITLE_STOP = set("，,。；;：:！？!?（）()“”\"《》\n\r\t \u3000")
_LEADING_TIME = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|[昨今前明]天|近日|日前|当天|[上下中]午|晚上|早上|上旬|中旬|下旬)+"
)
_LEADING_VERB = re.compile(r"^.*(?:由|会见了?|陪同|带领|邀请|听取了?|看望|慰问|传达了?|学习了?)")
# A 、-part of a title that ends like this is a level or body (市、区领导; 市人大、政协领导).
_PART_ENDS = tuple(_ORG_END_CHARS) + ("人大", "政协", "政府", "机关")
_COMMON_WORD_FREQ = 50  # a dictionary word this frequent (and not tagged as a name) is no name


def find_titled_people(text: str) -> list[TitledPerson]:
    """Every person printed after an official title, in text order, with the title as printed."""
    people: list[TitledPerson] = []
    floor = 0  # a title never reaches back into an earlier person
    for match in _TITLE_RE.finditer(text):
        if match.start() < floor:
            continue
        name_at = _skip_one_space(text, match.end())
        name = read_name(text, name_at)
        if not name or not _title_word_ok(text, match):
            continue
        title = _title_before(text, match, floor, [p.name for p in people])
        people.append(TitledPerson(name, title, name_at))
        floor = name_at + len(name)
        for extra, at in _chained_names(text, floor):
            people.append(TitledPerson(extra, title if _is_collective(title) else None, at))
            floor = at + len(extra)
    return people


def find_mentions(text: str, names) -> list[tuple[str, int]]:
    """Every occurrence of an already learned name, longest names first, without overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            found.append((name, match.start()))
    return sorted(found, key=lambda item: item[1])


_learned: set[str] = set()


def learn_names(names) -> None:
    """Add names to jieba's user dictionary so later segmentation keeps them whole."""
    for name in names:
        if name and name not in _learned:
            jieba.add_word(name, tag="nr")
            _learned.add(name)


def read_name(text: str, at: int) -> str | None:
    """The name starting at ``at``: the length after which the text continues with a boundary."""
    dotted = _read_dotted_name(text, at)
    if dotted:
        return dotted
    best, best_strength = None, 0
    for length in _name_lengths(text, at):
        candidate = text[at:at + length]
        if not _plausible_name(candidate):
            continue
        strength = boundary_strength(text, at + length)
        if strength > best_strength or (strength == best_strength and strength and length > len(best)):
            best, best_strength = candidate, strength
    return best


def boundary_strength(text: str, at: int) -> int:
    """2: punctuation, end or a word that follows names; 1: a link word or any verb; 0: none."""
    if at >= len(text) or text[at] in _PUNCT:
        return 2
    if text.startswith(_STRONG_AFTER, at):
        return 2
    return 1 if text[at] in _WEAK_AFTER or _verb_starts(text, at) else 0


def _verb_starts(text: str, at: int) -> bool:
    # A name met by a verb the lists above lack (看望, 视察) still ends before it.
    for length in (4, 3, 2):
        word = text[at:at + length]
        if len(word) == length and (_dictionary().FREQ.get(word) or 0) >= _COMMON_WORD_FREQ:
            if _tags().get(word, "")[:1] in _VERB_TAGS:
                return True
    return False


def _name_lengths(text: str, at: int) -> tuple[int, ...]:
    # Four characters only for a two-character surname (欧阳, 司马 …).
    return (2, 3, 4) if text.startswith(COMPOUND_SURNAMES, at) else (2, 3)


def _plausible_name(candidate: str) -> bool:
    if not _CJK_RE.fullmatch(candidate) or candidate[0] in _NOT_NAME_START:
        return False
    if candidate[-1] in _NOT_NAME_END:
        return False
    if _TITLE_RE.search(candidate):
        return False
    return not _is_common_word(candidate)


def _read_dotted_name(text: str, at: int) -> str | None:
    match = _DOT_NAME_RE.match(text, at)
    if not match:
        return None
    head = match.group().split("·")[0]
    # A run-on verb may follow the last part (赛尔建·乌合拜带领): the shortest cut before a boundary.
    for end in range(at + len(head) + 3, match.end() + 1):
        if boundary_strength(text, end) == 2:
            return text[at:end]
    return None


def _is_common_word(word: str) -> bool:
    freq = _dictionary().FREQ.get(word) or 0
    tag = _tags().get(word, "")
    return freq >= _COMMON_WORD_FREQ and not tag.startswith("nr")


def _title_word_ok(text: str, match: re.Match) -> bool:
    word = match.group()
    if word in COLLECTIVE_TITLES and (match.start() == 0 or text[match.start() - 1] not in _ORG_END):
        return False  # 坚持领导包案, 成员单位: the word is not a title here
    return _ends_a_word(text, match.end())


def _ends_a_word(text: str, at: int) -> bool:
    # The segmenter must cut right after the title word (社区长效 has no cut after 区长).
    window_start = max(0, at - 8)
    pos = window_start
    for token in _dictionary().lcut(text[window_start:at + 4], HMM=False):
        pos += len(token)
        if pos == at:
            return True
        if pos > at:
            return False
    return False


def _title_before(text: str, match: re.Match, floor: int, known: list[str]) -> str:
    start = match.start()
    while start > floor and text[start - 1] not in _TITLE_STOP:
        start -= 1
    title = text[start:match.end()]
    for name in known:  # a person named earlier without a title (蒋鹏举还与…董事长) is no part of it
        if name in title:
            title = title[title.rindex(name) + len(name):]
    title = _LEADING_VERB.sub("", title)
    title = _LEADING_TIME.sub("", title.lstrip("、和与及并还也又同"))
    return _drop_untitled_parts(title) or match.group()


def _drop_untitled_parts(title: str) -> str:
    # 乔俊杰、区委副书记 (a bare name listed before): keep only parts that are titles or bodies.
    parts = title.split("、")
    while len(parts) > 1 and not (_TITLE_RE.search(parts[0]) or parts[0].endswith(_PART_ENDS)):
        parts.pop(0)
    return "、".join(parts)


def _chained_names(text: str, at: int):
    """Bare names after 、 that continue a list (区领导孙益锋、盛世麟)."""
    while at < len(text) and text[at] == "、":
        name = read_name(text, at + 1)
        if not name or boundary_strength(text, at + 1 + len(name)) < 2:
            return
        yield name, at + 1
        at += 1 + len(name)


def _is_collective(title: str | None) -> bool:
    return bool(title) and title.endswith(COLLECTIVE_TITLES)


def _skip_one_space(text: str, at: int) -> int:
    return at + 1 if at < len(text) and text[at] in " \u3000" else at


@lru_cache(maxsize=1)
def _dictionary():
    jieba.initialize()
    return jieba.dt


@lru_cache(maxsize=1)
def _tags() -> dict:
    import jieba.posseg as pseg  # loads the tag table once

    _dictionary()
    return pseg.dt.word_tag_tab
