"""Places and administrative levels: the place a paper serves, and the place and level a person's
printed title names, so that two people of one name are told apart by where they serve.

- A paper's name is its place plus a media word (柳汀区融媒体中心, 枫渚日报, 今日枫渚): the place is
  what is left, its level the word that ends it (区, 县, 市 …; none in 枫渚).
- A title is a chain of posts (市委常委、区委书记); the person's own post is the last one, so its
  level is the title's level: 区委书记 -> 区, 副县长 -> 县, 局长 -> none, 国务院副总理 -> 全国. A post
  naming no level (区委常委、宣传部部长) is one of the body named before it, and takes its level.
- A level character inside a word is no level: 市场监管局 (市场), 区域, 县域, 市民, 城市, 乡村.
- 州, 盟 and 旗 also sit inside place names (某州湾新区): they are a level only before a body
  (州委, 州长, 州政府) or after 自治 (某某自治州).

Levels and their ranks live in vocabulary.LEVEL_RANKS; the examples here are invented places.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import (
    CJK,
    LEVEL_RANKS,
    MEDIA_PREFIXES,
    MEDIA_SUFFIXES,
    NATIONAL_BODIES,
    NATIONAL_LEVEL,
    alternation,
)

# Words a level character is part of without naming a level (区市场监管局, 区域, 乡村振兴局).
_NOT_LEVELS = (
    "市场", "市民", "市容", "市值", "超市", "上市", "门市", "夜市", "集市",
    "市政工程", "市政设施", "市政公用", "市政园林", "市政管理",
    "区域", "小区", "园区", "景区", "片区", "辖区", "街区", "校区", "厂区", "库区", "大湾区",
    "县域", "重镇", "坐镇",
    "乡村", "家乡", "老乡", "故乡", "乡贤", "乡愁", "乡土",
    "农村", "村庄",
    "节省", "反省", "省份",
    "旗帜", "旗舰", "红旗", "国旗", "党旗", "彩旗", "锦旗",
    "联盟", "同盟", "民盟", "盟员", "结盟",
)
# Words that are also the end of a place's name and its level (某城市, 某湾区, 某山区, 某城镇): a word
# only where a word starts (a title's start, after a level or a body: 区城市管理局), else a place.
_WORDS_OR_PLACES = ("城市", "都市", "湾区", "山区", "林区", "矿区", "牧区", "郊区", "地区", "城镇", "城乡")
_WORD_STARTS_AFTER = "委局办府部厅院会"
# Levels that also sit inside names: a level only before a body or post, or after 自治.
_WEAK_LEVELS = ("州", "盟", "旗")
_BODY_AFTER_LEVEL = ("委", "长", "政府", "人民政府", "人大", "政协", "党委", "纪委", "监委", "级", "直属")
# Words before a place that are no part of its name (原柳汀区委书记, 中共柳汀区委).
_NOT_NAME_START = (
    "中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社",
    "原", "前", "时任", "现任", "新任", "代理", "常务", "副", "代",
)

_LEVEL_WORDS = tuple(level for level in LEVEL_RANKS if level != NATIONAL_LEVEL)
_MARKER = re.compile(f"(?P<national>{alternation(NATIONAL_BODIES)})|(?P<level>{alternation(_LEVEL_WORDS)})")
_NOT_LEVEL = re.compile(alternation(_NOT_LEVELS))
_WORD_OR_PLACE = re.compile(alternation(_WORDS_OR_PLACES))
_WEAK_LEVEL_AFTER = re.compile(alternation(_BODY_AFTER_LEVEL))
_AUTONOMOUS = "自治"
_NAMES_END_IN = "州"  # many cities are named 某州 without their level (市)
# The posts of a chain are separated by 、 or a comma (市委常委、区委书记，区长).
_CHAIN_SEPARATORS = re.compile(r"[、，,；;\s]+")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_PLACE_NAME = re.compile(f"[{CJK}·]+")
_MEDIA_SUFFIX = re.compile(f"{alternation(MEDIA_SUFFIXES)}$")
_MEDIA_PREFIX = re.compile(f"^{alternation(MEDIA_PREFIXES)}")
_NOT_NAME_AT_START = re.compile(f"^{alternation(_NOT_NAME_START)}+")
# A body named between two levels (区政协柳汀镇联络组): the place starts after it.
_BODIES_BEFORE = re.compile(f"^.*{alternation(('委', '政府', '人大', '政协', '党组', '局', '办'))}")
_PLACE_NAME_MAX = 10
_CITY = "市"
_COUNTY_CITY = "县级市"


def paper_place(paper: str | None) -> tuple[str | None, str | None]:
    """(the place a paper serves, its level) from the paper's name: 柳汀区融媒体中心 -> (柳汀区, 区),
    枫渚日报 -> (枫渚, None), 今日枫渚 -> (枫渚, None); (None, None) when the name says no place (no
    media word and no level)."""
    name = _BRACKETED.sub("", paper or "")
    name = "".join(name.split())
    stripped = False
    while True:
        shorter = _MEDIA_PREFIX.sub("", _MEDIA_SUFFIX.sub("", name))
        if shorter == name or not shorter:
            break
        name, stripped = shorter, True
    if not name or _MEDIA_SUFFIX.fullmatch(name) or not _PLACE_NAME.fullmatch(name) or name in _WORDS_OR_PLACES:
        return None, None
    level = _level_of_name(name)
    if not stripped and level is None:
        return None, None
    return name, level


@lru_cache(maxsize=4096)  # the same titles recur in article after article, and reading one takes many regex passes
def title_place(title: str | None) -> tuple[str | None, str | None]:
    """(the place a title names, the level of the person's post) for a printed title, the post being
    the last of the chain: 柳汀区区长 -> (柳汀区, 区), 市委常委、区委书记 -> (None, 区), 市委副书记、市长
    -> (None, 市), 副县长 -> (None, 县), 局长 -> (None, None), 国务院副总理 -> (None, 全国).

    A chain whose last post is a named city under a city post (市委常委、枫渚市委书记) is a county-level
    city's: 县级市. A post that names no place takes one an earlier post of its level names
    (柳汀市委常委、副市长 -> 柳汀市)."""
    text = _BRACKETED.sub("", title or "")
    posts = [_read_post(part) for part in _CHAIN_SEPARATORS.split(text) if part]
    leveled = [post for post in posts if post.level is not None]
    if not leveled:
        return None, None
    own = leveled[-1]
    earlier = leveled[:-1]
    place, level = own.place, own.level
    if level == _CITY and place and any(p.level == _CITY and p.place != place for p in earlier):
        level = _COUNTY_CITY  # a city's standing committee member heading a city within it
    if place is None:
        place = next((p.place for p in reversed(earlier) if p.level == level and p.place), None)
    return place, level


def level_rank(level: str | None) -> int | None:
    """0 for 全国, 1 for a province, 2 a city or prefecture, 3 a district or county, 4 a town or
    street, 5 a village or community; None for no level."""
    return LEVEL_RANKS.get(level) if level else None


# --- one post ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Post:
    place: str | None
    level: str | None


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    level: str  # a level word, or 全国 for a national body


def _read_post(post: str) -> _Post:
    """The place and level one post names: the last level in it is the post's own (柳汀区桐屿街道
    党工委书记 -> 桐屿街道), its place the name that level word ends."""
    markers = _markers(post)
    if not markers:
        return _Post(None, None)
    last = markers[-1]
    if last.level == NATIONAL_LEVEL:
        return _Post(None, NATIONAL_LEVEL)
    # 柳汀区区长, 柳汀区政府副区长: the post (区长) of the place named first at its level.
    named = next(m for m in markers if m.level == last.level)
    return _Post(_place_ending_at(post, markers, named), last.level)


def _markers(post: str) -> list[_Marker]:
    """The level words and national bodies of a post, those inside another word left out."""
    not_levels = [match.span() for match in _NOT_LEVEL.finditer(post)]
    markers: list[_Marker] = []
    for match in _MARKER.finditer(post):
        start, end = match.span()
        if any(a <= start < b for a, b in not_levels) or _in_word(post, start, markers):
            continue
        if match.group("national"):
            markers.append(_Marker(start, end, NATIONAL_LEVEL))
            continue
        word = match.group("level")
        if word in _WEAK_LEVELS and not (post.endswith(_AUTONOMOUS, 0, start) or _WEAK_LEVEL_AFTER.match(post, end)):
            continue
        markers.append(_Marker(start, end, word))
    return markers


def _in_word(post: str, at: int, markers_before: list[_Marker]) -> bool:
    """Is the level character at ``at`` inside a word of ``_WORDS_OR_PLACES`` that starts a word?"""
    for match in _WORD_OR_PLACE.finditer(post, max(0, at - 3), at + 1):
        if not match.start() <= at < match.end():
            continue
        start = match.start()
        if start == 0 or post[start - 1] in _WORD_STARTS_AFTER or any(m.end == start for m in markers_before):
            return True
    return False


def _place_ending_at(post: str, markers: list[_Marker], marker: _Marker) -> str | None:
    """The place name ending with ``marker``'s level word, from the end of the level before it (or the
    start of the post); None when no name precedes the level word (区委, 副县长)."""
    before = [m for m in markers if m.end <= marker.start]
    start = before[-1].end if before else 0
    name = _NOT_NAME_AT_START.sub("", _BODIES_BEFORE.sub("", post[start:marker.start]))
    if not name or len(name) > _PLACE_NAME_MAX or not _PLACE_NAME.fullmatch(name):
        return None
    return name + post[marker.start:marker.end]


def _level_of_name(name: str) -> str | None:
    """The level word ending a place's name (柳汀区 -> 区, 某某旗 -> 旗), if it is one: a city named
    without its level (某州) and a word (都市) have none."""
    markers = _markers(name)
    last = markers[-1] if markers else None
    if last is None or last.end != len(name):
        weak = name[-1:]
        if weak in _WEAK_LEVELS and weak != _NAMES_END_IN and len(name) > 1 and not name.endswith(_NOT_LEVELS):
            return weak  # 某某旗, 某某盟: nothing else ends in these
        return None
    if last.start == 0 or last.level == NATIONAL_LEVEL:
        return None
    return last.level
