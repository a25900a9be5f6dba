"""People named with an official title, and the names they teach the segmenter.

Rules:
- A person is a name printed right after an official title word (书记, 区长, 主任, 局长, 常委,
  领导, 秘书长, 院长, 检察长, 部长, 党组成员, 召集人 …); names are learned only this way,
  never from a hand list.
- The title is kept as printed: it runs back from the title word to the previous clause mark,
  across ``、`` (``市委常委、区委书记``, ``市、区领导``), and across a comma that follows a title word
  (``区委常委、宣传部部长，区政协党组副书记``), but never into an earlier person.
- A name is 2–3 Chinese characters (4 with a two-character surname, or a ``·`` name); the length
  is the one after which the text goes on with a boundary: punctuation, ``等``, a role verb
  (``主持`` ``出席`` ``参加`` ``列席`` ``强调`` …) or a linking word (``在`` ``与`` ``以`` …).
  Punctuation and two-character words are stronger evidence than one-character words.
- A title word must end a word in the segmenter's view (no ``区长`` inside ``社区长效``), or, when
  the segmenter glues its last character to the name (``市长江涛`` read as 市/长江/涛), start one,
  with a name that starts with a surname and ends at a strong boundary; a collective title
  (``领导`` ``委员`` …) must follow an organisation (``区领导`` yes, ``坚持领导`` no), or open a clause
  or follow a verb taking people (``，委员A、B发言``, ``听取委员A的发言``) before a surname and a
  strong boundary; a loose title (``代表``, also a verb) needs that surname and boundary too.
- A candidate that is an ordinary dictionary word (``干部``, ``参加``, ``会议``) is no name, so a
  position without a name (``市法院院长、市检察院检察长参加会议``) yields nobody.
- ``、`` after a name may chain further bare names (``区领导葛长明、卢世安``), also across a layout
  break after ``、`` and with a last one after ``和``/``及``; a chained name ends at a strong boundary,
  or at a weaker one if it starts with a surname (``、吴某和委员共26人``, ``、司徒某在主席台``); they
  share a collective title (``领导``), and get none otherwise.
- TV-news speaker labels (``单位职务 姓名：`` and ``职务 姓名 quote``) are titled people: one space
  may separate a title from its name, and a space ends a name.
- Names found with a title can be found again without one (``方立群强调``) by ``find_mentions``.
- Results depend on the text alone: jieba's dictionary is read, never added to (it is
  process-wide, so a name added for one article would change how every later article is cut).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from .names import COMPOUND_SURNAMES, SURNAME_RANK
from .vocabulary import (
    ATTENDANCE_VERBS, CHAIR_VERBS, CJK, CLAUSE_MARKS, CLAUSE_OPENING_TIME, COLLECTIVE_TITLES, COMMAS,
    LIST_MARK, LOOSE_TITLES, OBSERVER_VERBS, OFFICIAL_TITLES, ORGANISATION_END_CHARS, REMARK_VERBS,
    SENTENCE_END_MARKS, SPEECH_WORDS, TEACHING_VERBS, alternation,
)

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class TitledPerson:
    name: str
    title: str | None  # as printed before the name, e.g. 市委常委、区委书记
    start: int  # offset of the name in the text


_TITLE_RE = re.compile(alternation(OFFICIAL_TITLES + LOOSE_TITLES))
_TITLE_AT_END = re.compile(f"{alternation(OFFICIAL_TITLES)}$")

_ORG_END_CHARS = ORGANISATION_END_CHARS
_ORG_END = set(_ORG_END_CHARS)

_CJK_RE = re.compile(f"[{CJK}]+")
_DOT_NAME_RE = re.compile(f"[{CJK}]{{1,6}}·[{CJK}]{{1,8}}")

# What may follow a name. Two-character words and punctuation are strong evidence.
_MEETING_ROLE_VERBS = CHAIR_VERBS + OBSERVER_VERBS + ATTENDANCE_VERBS + SPEECH_WORDS + REMARK_VERBS + TEACHING_VERBS
_STRONG_AFTER = _MEETING_ROLE_VERBS + (
    "等人", "同志", "一行", "介绍", "说道", "带领", "率领", "率队", "代表", "围绕", "见证",
    "宣读", "宣布", "先后", "分别", "来到", "深入", "走进", "调研", "检查", "察看", "查看",
    "听取", "会见", "会同", "主讲", "收听", "通报", "部署", "总结", "汇报",
    "认为", "希望", "参观", "考察", "督查", "叮嘱", "一同", "共同", "亲自", "沿街", "随机",
    "首先", "随后", "此外", "还要", "作了", "作为", "出任", "当选", "在会上", "座谈", "会谈",
    "交流", "致以", "慰问", "看望", "视察",
    "认真", "仔细", "详细",  # adverbs a subject takes before its verb (某某认真听取)
)
_WEAK_AFTER = tuple("等在以对与和及向为作则还也说率同的了并就")
_PUNCT = set(LIST_MARK + CLAUSE_MARKS + SENTENCE_END_MARKS + "（）()“”\"'‘’《》—…·\n\r\t \u3000")

# Characters that start a clause word, not a name, right after a title.
_NOT_NAME_START = set("等在和与及对为就的了是也还并把被由各全本该其此这那每要会市区县省镇乡")
# Characters that end a list or a clause, not a name (王斐等参加: the name is 王斐).
_NOT_NAME_END = set("等的了在与及并")
_VERB_TAGS = set("vpd")

# A title walk stops at these (the title starts after them).
_TITLE_STOP = set(CLAUSE_MARKS + SENTENCE_END_MARKS + "（）()“”\"《》\n\r\t \u3000")
_TIME_BEFORE_TITLE = re.compile(f"^{CLAUSE_OPENING_TIME}")
_VERBS_BEFORE_PEOPLE = r"(?:由|会见了?|陪同|带领|邀请|听取了?|看望|慰问|传达了?|学习了?)"
_LEADING_VERB = re.compile(rf"^.*{_VERBS_BEFORE_PEOPLE}")
_VERB_BEFORE = re.compile(rf"{_VERBS_BEFORE_PEOPLE}$")
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
        if not name or not _title_word_ok(text, match, name, name_at):
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
        at = text.find(name)
        while at != -1:
            span = (at, at + len(name))
            if not any(a < span[1] and span[0] < b for a, b in taken):
                taken.append(span)
                found.append((name, at))
            at = text.find(name, span[1])
    return sorted(found, key=lambda item: item[1])


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
        if len(word) == length and _common_words().get(word, "")[:1] in _VERB_TAGS:
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
    tag = _common_words().get(word)
    return tag is not None and not tag.startswith("nr")


def _title_word_ok(text: str, match: re.Match, name: str, name_at: int) -> bool:
    word = match.group()
    surely_named = _starts_with_surname(name) and boundary_strength(text, name_at + len(name)) == 2
    if word in LOOSE_TITLES and not surely_named:
        return False  # 代表区委致辞: a verb, not a title
    if word in COLLECTIVE_TITLES and (match.start() == 0 or text[match.start() - 1] not in _ORG_END):
        # 坚持领导包案, 成员单位: the word is not a title here; opening a clause or after a verb that
        # takes people (，委员赵某、钱某先后发言; 听取委员赵某的发言), before a clean name, it is one.
        at_clause_start = match.start() == 0 or text[match.start() - 1] in _PUNCT
        after_verb = _VERB_BEFORE.search(text, max(0, match.start() - 4), match.start())
        if not ((at_clause_start or after_verb) and surely_named):
            return False
    cuts = _cuts_around(text, match.start(), match.end())
    if match.end() in cuts:
        return True
    # 市长江涛 is cut 市/长江/涛: the name's first character was glued to the title. A cut before
    # the title (none in 社区长效), a surname and a strong boundary after the name say it is one.
    return (
        match.start() in cuts
        and _starts_with_surname(name)
        and boundary_strength(text, name_at + len(name)) == 2
    )


def _cuts_around(text: str, start: int, end: int) -> set[int]:
    """Offsets where the segmenter cuts in a small window around ``text[start:end]``."""
    window_start = max(0, end - 8)  # title words are at most 4 characters
    return {window_start + cut for cut in _cuts(text[window_start:end + 4])}


@lru_cache(maxsize=8192)  # titles and names recur, and segmenting is slow (the dictionary is never written to)
def _cuts(window: str) -> tuple[int, ...]:
    """Offsets where the segmenter cuts ``window``, its start included."""
    cuts, pos = [0], 0
    for token in _dictionary().lcut(window, HMM=False):
        pos += len(token)
        cuts.append(pos)
    return tuple(cuts)


def _starts_with_surname(name: str) -> bool:
    return name[:1] in SURNAME_RANK or name.startswith(COMPOUND_SURNAMES)


def _title_before(text: str, match: re.Match, floor: int, known: list[str]) -> str:
    start = _walk_back(text, match.start(), floor)
    # A chain of posts may take a comma (区委常委、宣传部部长，区政协党组副书记X): a comma with a
    # title word right before it, and no person in between, joins the posts.
    while start - 1 > floor and text[start - 1] in COMMAS and _TITLE_AT_END.search(text, floor, start - 1):
        start = _walk_back(text, start - 1, floor)
    title = text[start:match.end()]
    for name in known:  # a person named earlier without a title (张三还与…董事长) is no part of it
        if name in title:
            title = title[title.rindex(name) + len(name):]
    title = _LEADING_VERB.sub("", title)
    title = _TIME_BEFORE_TITLE.sub("", title.lstrip("、和与及并还也又同"))
    return _drop_untitled_parts(title) or match.group()


def _walk_back(text: str, start: int, floor: int) -> int:
    while start > floor and text[start - 1] not in _TITLE_STOP:
        start -= 1
    return start


def _drop_untitled_parts(title: str) -> str:
    # 方立群、区委副书记 (a bare name listed before): keep only parts that are titles or bodies.
    parts = title.split("、")
    while len(parts) > 1 and not (_TITLE_RE.search(parts[0]) or parts[0].endswith(_PART_ENDS)):
        parts.pop(0)
    return "、".join(parts)


def _chained_names(text: str, at: int):
    """Bare names that continue a list (区领导葛长明、卢世安): after 、 (a layout break may follow
    it), or a last one after 和/及 (、钱某和孙某出席). A name must end at a clean boundary, or start
    with a surname and end before a link word or a verb (孙某和委员共9人出席, 孙某在主席台就座,
    孙某关于…的发言); after 和/及 it needs a surname."""
    while True:
        link = _LIST_LINK.match(text, at)
        if not link:
            return
        name_at = link.end()
        name = read_name(text, name_at)
        if not name:
            return
        after = name_at + len(name)
        surname = _starts_with_surname(name)
        strength = boundary_strength(text, after)
        if not (strength == 2 or (surname and strength == 1)):
            return
        if link.group()[0] != "、" and not surname:
            return
        yield name, name_at
        at = after


_LIST_LINK = re.compile(r"、\s*|[和及](?=\S)")


def _is_collective(title: str | None) -> bool:
    return bool(title) and title.endswith(COLLECTIVE_TITLES)


def _skip_one_space(text: str, at: int) -> int:
    return at + 1 if at < len(text) and text[at] in " \u3000" else at


def load_dictionary() -> None:
    """Read jieba's dictionary now instead of at the first article: a process that waits for its work
    (a run worker) loads it while it waits. Loading adds nothing to it, so results do not change."""
    _dictionary()
    _common_words()


@lru_cache(maxsize=1)
def _dictionary():
    jieba.initialize()
    return jieba.dt


@lru_cache(maxsize=1)
def _common_words() -> dict[str, str]:
    """The words of jieba's dictionary with a frequency of at least _COMMON_WORD_FREQ, and their
    part-of-speech tags: all the name rules ask of it besides segmenting.

    Read from the dictionary file as jieba and jieba.posseg read it (a word listed twice: its last
    line), not from posseg's table: that holds all 349,046 words, and posseg its HMM model, ~60 MB
    in every worker, for the 52,178 asked about.
    """
    common: dict[str, str] = {}
    with _dictionary().get_dict_file() as lines:
        for line in lines:
            line = line.strip().decode("utf-8")
            if not line:
                continue  # as jieba skips it
            word, freq, *tag = line.split(" ")  # a dictionary of one's own may print no tag
            freq, tag = int(freq), tag[0] if tag else ""
            if freq >= _COMMON_WORD_FREQ:
                common[word] = tag
            else:
                common.pop(word, None)
    return common
