"""Every reported quantity in an article body, as rows for ``marts.statistics``.

A statistic is a number with what it measures: ``共接处警情2853起`` -> (接处警情, 2853, 起).

What is read
- Arabic and full-width digits, decimals, thousands separators (``1,542``), the magnitudes 万/亿
  (``10.8万平方米`` -> 108000 平方米, ``3800万`` -> 38000000 with no unit), percentages
  (``83.4%``, ``百分之三十``), and Chinese numerals that count something (``二十余家``, ``两万名``).
- The unit is the measure word after the number, without the magnitude (起 人次 元 平方米 亩 % 家 ...);
  a printed alternative in brackets stays in ``raw_text`` only (``300万支(片)`` -> unit 支). Tenths
  are a unit: ``九成`` -> 9 成, read only where the word ends (``七成左右``, ``超九成。``; never
  ``成立``, ``一成不变``). A rate keeps its time: ``25m³/s`` -> m³/s, ``每秒65立方米`` -> 立方米/秒.
- The qualifier is the hedge as printed: after the number (余 多 左右 以上, and 多 after a percentage:
  ``70%多``) or just before it (约 近 超 超过 逾 达 达到 可达 ...). When both are printed the one after
  the number wins, because it changes what the number means (``达20余家`` -> 余).
- ``raw_text`` is the quantity from its first digit to its unit, with an inner 余/多 (``570余万元``);
  a qualifier before the number is not part of it. ``body[start:end] == raw_text`` always.
- The subject is the noun phrase naming what is counted, as printed: the clause before the number
  with its framing stripped (``我区今年共接处警情`` -> 接处警情, ``其中火警`` -> 火警), or, for a
  counting word followed by a noun, that noun (``建设20栋厂房`` -> 厂房). None when neither is found.

What is not a statistic (each rule has a ``_is_*`` helper below)
- dates, years and times: ``10月15日``, ``2024年``, ``1—2月``, ``5月31日``; month/day/hour are not
  units, and N年 is a year when N >= 1000 or followed by 来/前/后/代/级/初/底/末 (``75 年来``);
- ordinals and names with numbers: ``第五个``, ``十七届``, ``5A级``, ``“5A”级``, ``二十届三中全会``;
- set phrases: papers print counts in Arabic figures and keep Chinese numerals for fixed phrases
  (the GB/T 15835 convention), so a one-character or below-ten Chinese numeral without 余/多 is not
  read (``五个必须``, ``一岗双责``, ``三张网``, ``一支队伍``, ``千家万户``; the cost: a rare
  ``三个街道`` is lost) unless the sentence counts with it: tenths (``两成左右``), a division or a
  total right before it (``分两期建设``, ``划分为七个施工标段``, ``共三个``), or a count that closes
  its clause (``开展专项检查三轮。``, not after 这/每/前: ``这两次，``); never any Chinese numeral
  with 年 (``五年成势``, ``三年行动``), nor anything inside a short quotation (``“七大行动”``) or
  a book title (``《2024年…方案》``);
- product and model names: a number touching Latin letters (``5G``, ``C919``, ``ISO9001``);
- a bare number without unit, magnitude or percent sign (phone numbers, codes, list markers).

Ranges (``8~10年``, ``3~5万元``): two rows, one for each end, both with the whole range as
``raw_text`` and the same offsets; a magnitude printed only on the high end applies to both
(``3~5万元`` -> 30000 and 50000 元). The gold treats each end as a row of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import parse_decimal, to_halfwidth
from .vocabulary import (
    CJK, CLAUSE_MARKS, CN_DIGITS, CN_MAGNITUDES, CN_NONZERO_DIGITS, CN_SMALL_UNITS, COUNT_UNITS, LIST_MARK,
    MEASURE_UNITS, NOW_WORDS, OWN_AREA, SENTENCE_END_MARKS, alternation,
)


@dataclass(frozen=True)
class Statistic:
    subject: str | None  # noun phrase naming what is counted, as printed
    value: float  # normalised: 10.8万 -> 108000, 83.4% -> 83.4
    unit: str | None  # measure word without magnitude; None when none is printed
    qualifier: str | None  # 约 余 多 近 超 达 达到 ... as printed
    raw_text: str  # the quantity as printed, e.g. 570余万元
    sentence: str  # the sentence it came from
    start: int  # offset of raw_text in the body
    end: int


_UNITS_LONGEST_FIRST = sorted(COUNT_UNITS | MEASURE_UNITS, key=len, reverse=True)
# The same, by first character: every figure looks up its unit, and most characters start none.
_UNITS_BY_FIRST_CHAR = {
    first: [u for u in _UNITS_LONGEST_FIRST if u[0] == first] for first in {u[0] for u in _UNITS_LONGEST_FIRST}
}
_LATIN_UNITS = frozenset(u for u in MEASURE_UNITS if u[0].isascii() and u[0].isalpha())  # km, m², kWh

_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_NUMERAL_CHARS = CN_DIGITS + CN_SMALL_UNITS + CN_MAGNITUDES
_CHINESE = f"[{_CN_NUMERAL_CHARS}]+"
_NUMBER = re.compile(rf"(?P<pct>百分之)?(?:(?P<arabic>(?<![\d.])(?:{_ARABIC}))|(?P<chinese>{_CHINESE}))")
# A character a number can start with (百 of 百分之 among them). _NUMBER opens with an optional group,
# so re cannot skip ahead to a start by itself; this class can, and _NUMBER is tried only there.
_NUMBER_START = re.compile(rf"[\d{_CN_NUMERAL_CHARS}]")
_CN_COUNTING = re.compile(f"[{CN_NONZERO_DIGITS}{CN_SMALL_UNITS}]")  # 万亿之城 has no digit, only magnitudes
_CN_DIGIT_STRING = re.compile(f"[{CN_DIGITS}]{{2,}}")
_SPACE = re.compile(r"\s*")
_MAGNITUDE = re.compile(r"\s*(千万|百万|万亿|万|亿)")
_APPROX_INSIDE = re.compile(r"\s*(余|多)")
_RANGE_SEPARATOR = re.compile(r"\s*(?:~|～|〜|—|–|-|至)\s*")
_ALT_UNIT = re.compile(r"[(（]([^()（）]{1,3})[)）]")
_SUFFIX_QUALIFIER = re.compile(r"\s*(左右|以上|上下)")
# 多 after a percentage is a hedge (完成了70%多, 增长300%多), not the start of a word (多数, 多家).
_PERCENT_UNITS = ("%", "‰")
_MORE_AFTER_PERCENT = re.compile(rf"\s*(多)(?=[^{CJK}]|的|$)")
_PREFIX_QUALIFIERS = ("达到", "高达", "多达", "超过", "将近", "接近", "约为", "大约", "不足", "不到",
                      "至少", "突破", "可达", "可超", "逾", "约", "近", "超", "达")
# Their last characters: most numbers follow none, and one look rules out every word.
_PREFIX_QUALIFIER_ENDS = frozenset(word[-1] for word in _PREFIX_QUALIFIERS)
# Tenths (九成, 两成左右): 成 is a unit only where the word ends, never in 成立, 成为, 一成不变.
_TENTHS = "成"
_AFTER_TENTHS = re.compile(rf"(?:[^{CJK}]|左右|以上|以下|上下|多|的|$)")
# A rate: 每秒65立方米 is 65 立方米/秒; 25m³/s is printed with a Latin time symbol.
_RATE_BEFORE = re.compile(r"每(?P<per>秒|小时)\s*$")
_LATIN_PER = re.compile(r"/(?P<per>s|h)(?![A-Za-z])")
# One-character hedges that end another word: 签约3个项目, 节约3吨, 附近3家, 到达5处.
_QUALIFIER_NOT_AFTER = {"约": "签节制公条合契预履违缔特", "近": "附最邻靠贴亲", "达": "到抵送发传表下直通"}
# Words right before a small Chinese numeral that make it a count: a division (分两期, 分为四个标段)
# or a total (共三个, 累计两批).
_COUNTING_FRAME = re.compile(r"(?:分为|分成|分|共有|共计|共|累计|合计|总计)$")
# A count at the end of its clause (开展检查三轮。); after a pointing word it is a time (这两天，).
_CLAUSE_CLOSE = re.compile(rf"\s*(?:[{CLAUSE_MARKS}{SENTENCE_END_MARKS}{LIST_MARK}\n]|$)")
_POINTING_WORD = re.compile(r"[这那每前后头该此其哪]$")
# N年 followed by these is a point in time (75年来, 3年前, 80年代), not a duration.
_YEAR_AS_TIME = re.compile(r"\s*(?:来|以来|前|后|代|级|初|底|末|\d{1,2}\s*月)")

_SENTENCE_END = SENTENCE_END_MARKS + "\n"
_CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}{SENTENCE_END_MARKS}{LIST_MARK}\n（）()“”\"《》]")
# Framing that ends before the counted thing: lists (火警、…等企业), totals, the actor (…有限公司投资).
_CUT_AFTER = re.compile(
    r"(?:其中|等|共计|共有|累计|合计|总计|有限公司|公司|集团|项目|庆祝|纪念|(?:达产|建成|投产|竣工|完工)后)"
)
# Framing that opens a clause: place, time, totals and tense words (我区今年共…, 预计实现…).
_LEADING_FRAME = re.compile(
    rf"""^(?:
        {alternation(OWN_AREA)} | (?:中心|主|老|新)?城区                     # place
      | {alternation(NOW_WORDS + ("今年以来", "今年", "去年", "全年", "截至"))}  # time
      | \d{{4}}年(?:度|以来|底|末)? | \d{{1,2}}月(?:\d{{1,2}}日)?(?:以来|底|末)?
      | 共有 | 共(?![享同建创商治识赢])                                    # totals
      | 预计 | 将 | 可 | 已 | 拟 | 实现 | 形成                              # tense
    )""",
    re.VERBOSE,
)
_TRAILING_FILLER = re.compile(r"(?:的|为|是|将|已|可|共|等|\s)+$")
# Where a noun after the counting word ends: a verb or function word starts the rest of the clause.
_FOLLOWING_STOP = re.compile(
    r"(?:已|将|正|在|的|并|为|是|被|于|和|及|与|均|都|也|还|等|共|来|到场|入驻|加装|安装|入选|获得|获|参加|参与|开展|"
    r"进行|实现|完成|建成|投用|投入|落户|签约|开工|竣工|通过|达到|达|\d)"
)
# A clause ending like this has not named its subject yet (…和30%的出租房, 为期3年的行动).
_DANGLING = re.compile(r"(?:[和与及或]|为期|历时|历经|耗时|用时)$")
# After a list closed by 等, a count followed by one of these is sorted into the class it names
# (甲、乙等10项入选创新项目); elsewhere 为 is mostly "for" (服务100次为群众解决问题).
_CLASSED_AS = re.compile(r"\s*(?:入选|获评|荣获|被?(?:列入|纳入|评为|认定为|命名为)|为)")
# A list closed by 等 right before the number (甲、乙、丙等6.3万平方米) is the counted thing, whole.
_LIST_CLOSED = re.compile(r"等\s*$")
_MAX_SUBJECT = 20


@dataclass(frozen=True)
class _Quantity:
    """One printed quantity while it is being judged (values are exact)."""

    start: int
    end: int
    values: tuple[Decimal, ...]  # one, or two for a range
    unit: str | None
    prefix_qualifier: str | None
    prefix_start: int  # where the prefix qualifier starts (== start when none)
    inner_qualifier: str | None  # 余/多 inside, or 左右/以上 after the unit
    chinese: bool
    magnitude: bool
    percent_words: bool  # 百分之…


def extract_statistics(body: str) -> list[Statistic]:
    """Every quantity reported in ``body`` (an article body or caption), in reading order."""
    text = to_halfwidth(body)
    stats: list[Statistic] = []
    subject_floor = 0
    for quantity in _quantities(text):
        if _is_excluded(text, quantity):
            continue
        sent_start, sent_end = _sentence_bounds(text, quantity.start, quantity.end)
        subject = _subject(body, text, quantity, max(sent_start, subject_floor))
        qualifier = quantity.inner_qualifier or quantity.prefix_qualifier
        for value in quantity.values:
            stats.append(Statistic(
                subject=subject,
                value=float(value),
                unit=quantity.unit,
                qualifier=qualifier,
                raw_text=body[quantity.start:quantity.end],
                sentence=body[sent_start:sent_end].strip(),
                start=quantity.start,
                end=quantity.end,
            ))
        subject_floor = quantity.end
    return stats


# --- reading quantities -------------------------------------------------------------------------

def _quantities(text: str):
    """Every number with its magnitude, range end, unit and qualifiers; each digit read once."""
    pos = 0
    while (match := _next_number(text, pos)) is not None:
        quantity = _read_quantity(text, match)
        pos = max(quantity.end if quantity else match.end(), match.end())
        if quantity is not None:
            yield quantity


def _next_number(text: str, pos: int) -> re.Match | None:
    """``_NUMBER.search(text, pos)``, quicker."""
    while (start := _NUMBER_START.search(text, pos)) is not None:
        match = _NUMBER.match(text, start.start())
        if match is not None:
            return match
        pos = start.start() + 1
    return None


def _read_quantity(text: str, match: re.Match) -> _Quantity | None:
    chinese = match.group("chinese") is not None
    number = match.group("chinese") or match.group("arabic")
    if chinese and not _CN_COUNTING.search(number):
        return None
    pos = match.end()
    low_inner, low_magnitude, pos = _read_magnitude(text, pos)
    numbers = [(number, low_magnitude)]
    inner = low_inner
    high = _read_range_end(text, pos, chinese)
    if high is not None:
        high_number, high_inner, high_magnitude, pos = high
        numbers.append((high_number, high_magnitude))
        inner = inner or high_inner
        if not low_magnitude:
            numbers[0] = (number, high_magnitude)  # 3~5万 means 3万~5万
    values = tuple(parse_decimal(n + m) for n, m in numbers)
    if any(v is None for v in values):
        return None
    if match.group("pct"):
        unit, end = "%", pos
    else:
        unit, end = _read_unit(text, pos)
    suffix = _SUFFIX_QUALIFIER.match(text, end) if unit else None
    if suffix is None and unit in _PERCENT_UNITS:
        suffix = _MORE_AFTER_PERCENT.match(text, end)
    if suffix:
        end = suffix.end()
    prefix, prefix_start = _prefix_qualifier(text, match.start())
    rate = _RATE_BEFORE.search(text, max(0, match.start() - 4), match.start())
    if rate and unit in MEASURE_UNITS:
        unit = f"{unit}/{rate.group('per')}"  # 每秒65立方米: a flow, and 每秒 is no part of the subject
        if prefix is None:
            prefix_start = rate.start()
    return _Quantity(
        start=match.start(), end=end, values=values, unit=unit,
        prefix_qualifier=prefix, prefix_start=prefix_start,
        inner_qualifier=inner or (suffix.group(1) if suffix else None),
        chinese=chinese, magnitude=bool(low_magnitude or (high and high[2])),
        percent_words=bool(match.group("pct")),
    )


def _read_magnitude(text: str, pos: int) -> tuple[str | None, str, int]:
    """余/多 and 万/亿 after a number, in either order (570余万, 6.92万余)."""
    inner = None
    approx = _APPROX_INSIDE.match(text, pos)
    if approx:
        inner, pos = approx.group(1), approx.end()
    magnitude = _MAGNITUDE.match(text, pos)
    if not magnitude:
        return inner, "", pos
    pos = magnitude.end()
    if inner is None and (approx := _APPROX_INSIDE.match(text, pos)):
        inner, pos = approx.group(1), approx.end()
    return inner, magnitude.group(1), pos


def _read_range_end(text: str, pos: int, chinese: bool):
    """The high end of 8~10年 or 3万~5万元, if one follows."""
    separator = _RANGE_SEPARATOR.match(text, pos)
    if not separator:
        return None
    match = _NUMBER.match(text, separator.end())
    if not match or match.group("pct") or (match.group("chinese") is not None) != chinese:
        return None
    inner, magnitude, end = _read_magnitude(text, match.end())
    return match.group(), inner, magnitude, end


def _read_unit(text: str, pos: int) -> tuple[str | None, int]:
    """The measure word at ``pos`` (longest first: 人次 before 人), with its bracketed alternative
    or its ``/per`` part."""
    pos = _SPACE.match(text, pos).end()
    unit = _unit_at(text, pos)
    if unit is None:
        return None, pos
    end = pos + len(unit)
    if unit == _TENTHS and not _AFTER_TENTHS.match(text, end):
        return None, pos  # 一成不变, 3成员: 成 starts a word here
    alternative = _ALT_UNIT.match(text, end)
    if alternative and _unit_at(alternative.group(1), 0) == alternative.group(1):
        return unit, alternative.end()  # 300万支(片): the bracketed 片 is the same count
    if text.startswith("/", end) and (per := _unit_at(text, end + 1)):
        return f"{unit}/{per}", end + 1 + len(per)  # 1.2万元/平方米 is a price, not an amount
    if unit in MEASURE_UNITS and (latin := _LATIN_PER.match(text, end)):
        return f"{unit}/{latin.group('per')}", latin.end()  # 25m³/s: a flow
    return unit, end


def _unit_at(text: str, pos: int) -> str | None:
    return next((u for u in _UNITS_BY_FIRST_CHAR.get(text[pos:pos + 1], ()) if text.startswith(u, pos)), None)


def _prefix_qualifier(text: str, start: int) -> tuple[str | None, int]:
    before = text[max(0, start - 6):start].rstrip()
    if before[-1:] not in _PREFIX_QUALIFIER_ENDS:
        return None, start
    for word in _PREFIX_QUALIFIERS:
        if before.endswith(word):
            ahead = before[-len(word) - 1:-len(word)]
            if ahead and ahead in _QUALIFIER_NOT_AFTER.get(word, ""):
                return None, start
            return word, text.rfind(word, 0, start)
    return None, start


# --- what is not a statistic --------------------------------------------------------------------

def _is_excluded(text: str, q: _Quantity) -> bool:
    return (
        _is_bare_number(q)
        or _is_ordinal(text, q)
        or _is_date_or_year(text, q)
        or _is_model_or_code(text, q)
        or _is_chinese_set_phrase(text, q)
        or _is_in_title_or_short_quote(text, q)
    )


def _is_bare_number(q: _Quantity) -> bool:
    # Without a unit only 万/亿 (曝光量3800万) says a count; bare digits are codes, dates, list markers.
    return q.unit is None and not (q.magnitude and not q.chinese)


def _is_ordinal(text: str, q: _Quantity) -> bool:
    # 第五个, 第11次; 前10名 is a rank, not a count of ten people.
    before = text[:q.start].rstrip()
    return before.endswith("第") or (before.endswith("前") and q.unit in ("名", "位"))


def _is_date_or_year(text: str, q: _Quantity) -> bool:
    # Month, day and hour are not units, so only 年 needs care: 2024年 and 75年来 are times.
    if q.unit != "年":
        return False
    if q.chinese or any(v >= 1000 for v in q.values):
        return True
    return bool(_YEAR_AS_TIME.match(text, q.end))


def _is_model_or_code(text: str, q: _Quantity) -> bool:
    # 5G, 5A级, C919, PM2.5: digits glued to Latin letters name a thing instead of counting it.
    before = text[q.start - 1] if q.start > 0 else ""
    if before == "-" and q.start > 1:
        before = text[q.start - 2]
    if before.isascii() and before.isalpha():
        return True
    if q.unit and q.unit.split("/")[0] in _LATIN_UNITS:
        return False  # 25m³/s, 3km
    after_number = _NUMBER.match(text, q.start).end()
    nxt = text[after_number:after_number + 1]
    return nxt.isascii() and nxt.isalpha()


def _is_chinese_set_phrase(text: str, q: _Quantity) -> bool:
    # 五个必须, 一岗双责, 三张网, 一支队伍, 千家万户: small Chinese numerals name slogans, not counts;
    # only 十 and above, or anything hedged with 余/多 (二十余家, 百余名), is read as a count, and a
    # small numeral only where the sentence counts with it (``_is_small_count``).
    if not q.chinese or q.percent_words:
        return False
    number = _NUMBER.match(text, q.start).group("chinese")
    if _CN_DIGIT_STRING.fullmatch(number):
        return True  # 二〇二四, 一一: digit strings spell years and codes
    hedged = q.inner_qualifier in ("余", "多")
    small = len(number) == 1 or min(q.values) < 10
    return not hedged and small and not _is_small_count(text, q)


def _is_small_count(text: str, q: _Quantity) -> bool:
    """A small Chinese numeral that counts: tenths (七成左右, 超九成), a division or a total
    (分两期建设, 划分为七个施工标段, 共三个), or a count that closes its clause (开展检查三轮。)."""
    if q.unit == _TENTHS:
        return True
    if _COUNTING_FRAME.search(text, max(0, q.prefix_start - 3), q.prefix_start):
        return True
    return (
        q.unit in COUNT_UNITS and min(q.values) >= 2
        and _CLAUSE_CLOSE.match(text, q.end) is not None
        and _POINTING_WORD.search(text, max(0, q.prefix_start - 1), q.prefix_start) is None
    )


def _is_in_title_or_short_quote(text: str, q: _Quantity) -> bool:
    # 《2024年…方案》 is a document's name; “七大行动” “5A” are names even when a unit follows.
    opened = text.rfind("《", max(0, q.start - 40), q.start)
    if opened != -1 and "》" not in text[opened:q.start]:
        return True
    opened = text.rfind("“", 0, q.start)
    if opened == -1 or "”" in text[opened:q.start] or q.start - opened > 10:
        return False
    closed = text.find("”", q.start)
    return closed != -1 and closed - opened <= 12


# --- sentence and subject -----------------------------------------------------------------------

def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    rights = [i for ch in _SENTENCE_END if (i := text.find(ch, end)) != -1]
    right = min(rights) + 1 if rights else len(text)
    return left, right


def _subject(body: str, text: str, q: _Quantity, floor: int) -> str | None:
    """What the quantity counts, as printed in ``body`` (``text`` is its half-width twin)."""
    closes_list = _LIST_CLOSED.search(text, floor, q.prefix_start) is not None
    before = _preceding_phrase(text, q.prefix_start, floor, closes_list)
    printed_before = body[before[0]:before[1]] if before else None
    after = None
    if q.unit in COUNT_UNITS:
        after = _following_noun(text, q.end)
        if not after and closes_list and (classed := _CLASSED_AS.match(text, q.end)):
            after = _following_noun(text, classed.end())
    elif text.startswith("的", q.end) and (not before or _DANGLING.search(printed_before)):
        # 所有群租房和30%的出租房, 为期3年的整治行动: the number describes the noun after 的
        after = _following_noun(text, q.end + 1)
    if after:
        printed_after = body[after[0]:after[1]]
        if printed_before and printed_before.endswith("年产"):
            return "年产" + printed_after  # 形成年产25万套人工关节: the yearly rate belongs to the thing
        return printed_after
    if printed_before:
        return printed_before
    after = _following_noun(text, q.end)
    return body[after[0]:after[1]] if after else None


def _preceding_phrase(text: str, start: int, floor: int, closes_list: bool) -> tuple[int, int] | None:
    """The clause before the number, without the framing around the counted thing."""
    left = floor
    for found in _CLAUSE_BREAK.finditer(text, floor, start):
        if not (closes_list and found.group() == "、"):
            left = found.end()
    right = left + len(_TRAILING_FILLER.sub("", text[left:start]))
    left = _skip_spaces(text, left, right)
    for found in _CUT_AFTER.finditer(text, left, right):
        if found.end() < right:
            left = found.end()
    while (frame := _LEADING_FRAME.match(text[left:right])) and left + frame.end() < right:
        left += frame.end()
    # a longer tail is a whole clause, not a noun phrase; a cut one would not be "as printed"
    return (left, right) if 0 < right - left <= _MAX_SUBJECT else None


def _following_noun(text: str, pos: int) -> tuple[int, int] | None:
    """The noun right after the quantity, up to the verb or function word that ends it."""
    end = min(len(text), pos + 40)
    if (stop := _CLAUSE_BREAK.search(text, pos, end)) is not None:
        end = stop.start()
    left = _skip_spaces(text, pos, end)
    if (verb := _FOLLOWING_STOP.search(text, left, end)) is not None:
        end = verb.start()
    end = left + len(text[left:end].rstrip())
    return (left, end) if 0 < end - left <= _MAX_SUBJECT else None


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


__all__ = ["Statistic", "extract_statistics", "COUNT_UNITS", "MEASURE_UNITS"]
