"""Bylines: `本报讯（舒泉清 记者 朱梦琪）`, `本报讯 (记者 蒋雯黄鑫)`, `本报讯(周健 记者 张可馨)`.

Names after a staff role word (记者) are reporters; every other name in the byline (before the role
word, or after 通讯员) is a contributor. Names printed together are split by surname.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_BYLINE = re.compile(r"^(?P<lead>本报讯|本报[^\s，,。（(]{1,12}电|新华社[^\s，,。（(]{1,12}电)\s*[（(](?P<inside>[^）)]{1,60})[）)]")
_REPORTER_ROLES = ("见习记者", "特约记者", "实习记者", "首席记者", "记者")
_CONTRIBUTOR_ROLES = ("通讯员", "实习生", "见习生")
_ROLE = re.compile("|".join(_REPORTER_ROLES + _CONTRIBUTOR_ROLES))
_SEPARATORS = re.compile(r"[\s、，,/]+")

# Compound surnames keep a 4-character name whole (欧阳明月 is one person, not 欧阳 + 明月).
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 南宫 西门 独孤 端木".split()
)
# The commonest single-character surnames, commonest first: enough to find where a second name starts.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝恽"
)
_SURNAME_RANK = {ch: rank for rank, ch in enumerate(_SURNAMES)}


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


def split_run_together_names(run: str) -> list[str]:
    """`蒋雯黄鑫` -> [蒋雯, 黄鑫]; a single 2-3 character name is returned as is."""
    if len(run) <= 3 or (len(run) == 4 and run[:2] in _COMPOUND_SURNAMES):
        return [run]
    splits = [n for n in (2, 3) if len(run) - n >= 2 and _starts_with_surname(run[n:])]
    if not splits:
        return [run]
    # Where both cuts are possible (王小明李华), the commoner surname marks the second name.
    first_len = min(splits, key=lambda n: _SURNAME_RANK.get(run[n], -1))
    return [run[:first_len], *split_run_together_names(run[first_len:])]


def _starts_with_surname(name: str) -> bool:
    return name[:1] in _SURNAME_RANK or name[:2] in _COMPOUND_SURNAMES


def _tokens(inside: str) -> list[str]:
    # Role words may touch the names (`记者朱梦琪`): put spaces around them first.
    spaced = _ROLE.sub(lambda m: f" {m.group(0)} ", inside)
    return [t for t in _SEPARATORS.split(spaced) if t]
