"""The investment project a project article or a photo caption reports, for ``marts.projects``.

Which items report a project
- Only items the splitter classed as ``project`` or ``photo``; meetings, visits, inspections and
  events never do, even when they name firms or parks in passing.
- A ``project`` article reports one when it names a project (``X项目``) or a company.
- A photo caption reports one only when it names a project and states a fact about it (an
  investment, an area, an output, a stage or an expected completion): ``图为项目航拍`` alone is not.

Name and company
- The name is the first specific ``X项目`` of the body, cut at framing (``位于…的``, ``——``,
  an earlier ``…项目``, ``图为``); generic mentions (``区重点项目``, ``市重大项目``, ``新项目``,
  ``一批…优质项目``, lists with ``等``) are skipped. The headline is read the same way when the
  body has no name, or when the body names the project only by its company
  (``X有限公司项目``) and the headline abbreviates that company (``X项目``).
- A company printed inside the name (``X有限公司Y项目``) is the project's company; else the one
  that invests (``由X有限公司投资``); else the first company of the body. A company is a run
  ending in ``有限公司``/``有限责任公司`` as printed (parentheses kept), cut at framing, at a titled
  person before it (``副市长A与X有限公司``), and never a contractor (``X有限公司承建``). When one
  candidate also appears printed on its own (a suffix of the other), the bare one wins.
- The location is the park, zone or town after ``位于`` / ``落地`` / ``落户`` / ``入驻`` / ``选址``; a
  bare ``高新区`` is widened to the fuller name printed elsewhere (``武进国家高新区``); else a
  park named inside the project name.

Figures come from ``statistics.extract_statistics`` (no second number parser):
- investment: 元 whose subject holds 投资 (``总投资`` first), not money already spent
  (``累计完成投资``) and never ``年销售收入`` or ``年产值``;
- land: 亩 (公顷 × 15), ``占地``/``用地`` first;
- floor area: 平方米 whose subject or clause speaks of buildings (建筑 面积 厂房 用房 建设 车间 楼),
  never of land (占地 用地).
- annual output: the printed ``年产…`` phrase holding a quantity, up to ``的`` or the clause end.

Stage and completion
- The status is the most advanced stage reported as current (签约 < 开工 < 施工 < 封顶 < 完工 <
  装修/设备安装 < 试生产 < 投产), as printed: the clause without ``目前`` or the project's name; a
  clause that counts (``4栋厂房已封顶``) keeps only its verb phrase (``已封顶``). Clauses about the
  future (``预计`` ``将`` ``建成后`` ``明年`` …) are not a stage.
- The expected completion is the first ``time + 竣工/建成/投产/投用…`` phrase, as printed; it is
  resolved against the publication date (or year): ``明年5月`` → next year's May, ``下半年`` →
  ``YYYY-H2``, ``明年`` → ``YYYY``, ``年底`` → ``YYYY-12``; ``上半年``, ``年初``, ``年中`` fit no finer
  contract value than ``YYYY``. An explicit year needs no date; a relative one without a known
  publication date or year stays unresolved (never guess a year).

Which reports, across issues, are one project, and how they merge: ``project_merge``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .numbers import parse_number, to_halfwidth
from .people import TitledPerson, find_titled_people
from .statistics import Statistic, extract_statistics
from .vocabulary import (
    CJK, COMMAS, FORECAST_WORDS, HAN_ZERO, LIST_MARK, MONTH_PARTS, NOW_WORDS, RECENT_DAYS, SEMICOLONS,
    SENTENCE_END_MARKS, SQUARE_METRE_UNITS, alternation,
)


@dataclass(frozen=True)
class ProjectReport:
    project_name: str | None  # e.g. 昱坤高端生物医用植入项目
    company: str | None  # full legal name as printed: 艾铂美生物技术（上海）有限公司
    location: str | None  # park, zone or town: 常州西太湖科技产业园
    investment_cny: float | None  # yuan
    floor_area_m2: float | None
    land_area_mu: float | None
    annual_output: str | None  # as printed: 年产25万套生物陶瓷人工关节
    status: str | None  # latest stage as printed: 签约落地, 已封顶, 主体建筑正在施工
    expected_completion: str | None  # YYYY-MM | YYYY-H2 | YYYY
    expected_completion_text: str | None  # as printed: 预计明年5月竣工投用


PROJECT_KINDS = ("project", "photo")

# Matching runs on the half-width twin of the body (same offsets), so （ and ( are one character.
_HAN = CJK + HAN_ZERO
_CLAUSE_BREAKS = COMMAS + SEMICOLONS + SENTENCE_END_MARKS + "\n"

# --- name and company ---------------------------------------------------------------------------

_NAME_RUN = re.compile(rf"[{_HAN}A-Za-z0-9·()“”{LIST_MARK}]+")  # a project's name may hold a list
_COMPANY_RUN = re.compile(rf"[{_HAN}A-Za-z0-9·()]+")
_COMPANY_END = re.compile(r"有限责任公司|有限公司")
_PROJECT_WORD = "项目"

# Framing before a project's name: the name starts after the last of these.
_NAME_FRAME = re.compile(r"的|位于|图为|推进|推动|加快|抓好|引进|签约|落户|落地|开工|启动|集中")
# A date or a "now" word right before a name (2024年10月近日 X项目). 今天/今日 are left out: they
# begin names (今日头条).
_DATE_BEFORE_A_NAME = re.compile(
    rf"""
    (?:\d{{4}}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?
    {alternation(RECENT_DAYS + NOW_WORDS + ("今年", "昨天"))}?
    """,
    re.VERBOSE,
)
_LEADING_PREPOSITION = re.compile(r"[在对把将由该本这此与和]")
# A name ending like this only says "a project" (区重点项目, 新项目, 一批优质项目, 12个项目).
_GENERIC_NAME_END = re.compile(
    r"(?:重点|重大|新|优质|该|此|本|这|各|一批|相关|其他|其它|招商|实事|好|大|多|个|些|批|类)$"
)
_SPACES = re.compile(r"\s+")

# Framing before a company's name; cut only when a real name (4+ characters) remains.
_COMPANY_FRAME = re.compile(
    r"的|位于|图为|重点项目|重大项目|项目|签约|落户|落地|来到|走进|前往|参观|考察|支持|携手|牵手"
)
_COMPANY_LINK = re.compile(r"[与和同跟向对]")
_COMPANY_LEAD_CHARS = "由与和同向对在是为据经将把被"  # one function word before a company's name
_CONTRACTOR = re.compile(r"\s*(?:承建|施工|代建|设计|监理|总包)")
_INVESTS = re.compile(r"\s*(?:投资|投建|出资|建设|打造)")
_MIN_COMPANY_STEM = 4

# --- location -----------------------------------------------------------------------------------

_PLACE_SUFFIX = re.compile(
    r"""
    产业园|科技园|工业园|创业园|软件园|物流园|产业基地|园区                 # parks
    | 高新区|开发区|经开区|经济区|新区|工业区|集中区|保税区|示范区|片区|新城  # zones
    | 街道|镇|乡                                                              # towns
    """,
    re.VERBOSE,
)
_PLACE_AFTER_VERB = re.compile(
    rf"(?:位于|坐落于|坐落在|落户|落地|入驻|选址|建在|签约于)(?P<place>[^的{_CLAUSE_BREAKS}{LIST_MARK}:：\s()]{{2,24}})"
)
_PLACE_FRAME = re.compile(
    rf"(?:{alternation(RECENT_DAYS + NOW_WORDS + ('今年', '去年', '近年来'))}|同时|此外|其中|位于|在)*"
)
_NOT_A_PLACE_HEAD = re.compile(r"[的在是为了和与及将]")  # a clause, not a longer place name
_BARE_PLACE_MAX = 3  # 高新区, 开发区: a zone named without its city
_FULLER_PLACE_MAX = 12
_PLACE_CLAUSE_START = "，。；,;:：\n "

# --- stage --------------------------------------------------------------------------------------

_CLAUSE = re.compile(f"[^{_CLAUSE_BREAKS}]+")
_FUTURE = re.compile(
    alternation(FORECAST_WORDS + ("将", "建成后", "达产后", "投产后", "明年", "下半年", "后年", "年底前"))
)
# Stages in the order a project goes through them; the highest one reported as current wins.
_STAGES = (
    (1, re.compile(r"签约(?:落地|落户|入驻)?")),
    (2, re.compile(r"开工|动工|奠基|开建")),
    (3, re.compile(r"施工|在建|建设中|桩基|土建")),
    (4, re.compile(r"封顶")),
    (5, re.compile(r"基本完工|完工|竣工|建成")),
    (6, re.compile(r"装修|设备安装|安装调试|设备进场")),
    (7, re.compile(r"试生产|试运行|试投产")),
    (8, re.compile(r"投产|投用|投入使用|投入运营|开业")),
)
_SIGNING_RANK = 1
_STATUS_FRAME = re.compile(rf"(?:{alternation(NOW_WORDS + RECENT_DAYS)}|\s)*")
_STATUS_SUBJECT = re.compile(r"项目|公司")  # the project's name ends before its stage
# An aspect word printed right before a stage verb (已封顶, 正在施工): part of the stage as printed.
_ASPECT_ENDING = re.compile(r"(?:已经|已|正在|正|基本|全面|顺利|均已|全部|正式)$")
_MAX_STATUS = 24
_COUNT = re.compile(r"\d+(?![\d.年月日号])")  # 4栋 counts; 2023年6月 dates

# --- expected completion ------------------------------------------------------------------------

_CN_YEAR_DIGIT = "[〇零一二三四五六七八九]"  # 二〇二五年: read digit by digit, never with 两
_YEAR = rf"(?:\d{{4}}|{_CN_YEAR_DIGIT}{{4}})年|今年|明年|后年|当年|年内"
_PART_OF_YEAR = r"\d{1,2}月|[一二三四五六七八九十]{1,2}月|上半年|下半年|年底|年末|年中|年初"
_TIME = rf"(?:(?:{_YEAR})(?:{_PART_OF_YEAR})?|(?:{_PART_OF_YEAR}))"  # 明年5月, 2025年底, 下半年
_TIME_RE = re.compile(_TIME)
_COMPLETION_VERB = r"(?:竣工|建成|投产|投用|完工|交付|投入使用|投入运营|运营|开业|达产|落成|启用|试生产)"
_COMPLETION = re.compile(
    rf"""
    (?<![已\d年])(?<!已于)(?<!已在)          # not 已于2023年6月竣工 (done), nor the 6月 of a longer date
    (?:{alternation(FORECAST_WORDS)}将?[在于]?)?  # 预计将于
    {_TIME}
    (?:前|底|初|{alternation(MONTH_PARTS)}|份|左右)?  # 年底前, 5月份, 6月上旬
    [^{_CLAUSE_BREAKS}\s已]{{0,6}}?           # a few words of the same clause, nothing already done
    {_COMPLETION_VERB}+(?!以来)               # 竣工投用; not 投产以来
    """,
    re.VERBOSE,
)
_EXPLICIT_YEAR = re.compile(rf"(\d{{4}}|{_CN_YEAR_DIGIT}{{4}})年")
_RELATIVE_YEAR = {"明年": 1, "后年": 2, "今年": 0, "当年": 0, "年内": 0}  # 明年内 is 明年: it goes first
_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,2})月")

# --- figures ------------------------------------------------------------------------------------

_INVESTMENT_SPENT = re.compile(r"完成|累计|已|年")  # 累计完成投资, 年度投资: money spent, not the project's
_LAND_FIRST = re.compile(r"占地|用地|土地")
_BUILDING = re.compile(r"建筑|面积|厂房|用房|建设|车间|楼|新建")
_NOT_BUILDING = re.compile(r"占地|用地|土地|绿化|道路")
_MU_PER_HECTARE = 15
_ANNUAL_OUTPUT = re.compile(rf"年产[^的{_CLAUSE_BREAKS}]*")
_FIGURE_CLAUSE_START = "，。；,;：:\n"


def extract_project(
    headline: str | None,
    body: str,
    kind: str,
    published_on: date | None,
    year: int | None = None,
    stats: list[Statistic] | None = None,
    titled: Sequence[TitledPerson] | None = None,
) -> ProjectReport | None:
    """The project one article or photo caption reports, or None when it reports none.

    ``stats`` is ``extract_statistics(body)`` and ``titled`` is ``find_titled_people(body)`` when the
    caller has them already; otherwise they are found here, once.
    """
    if kind not in PROJECT_KINDS:
        return None
    text = to_halfwidth(body)
    people = find_titled_people(text) if titled is None else titled
    name, company = _project_name(body, text, people)
    name = _better_headline_name(name, company, headline)
    company = company or _investing_company(body, text, people) or _first_company(body, text, people)
    if name is None and company is None:
        return None
    if stats is None:
        stats = extract_statistics(body)
    completion_text = _completion_phrase(body, text)
    report = ProjectReport(
        project_name=name,
        company=company,
        location=_location(body, text, name),
        investment_cny=_investment(stats),
        floor_area_m2=_floor_area(body, stats),
        land_area_mu=_land_area(body, stats),
        annual_output=_annual_output(body, text, stats),
        status=_status(body, text),
        expected_completion=resolve_completion(completion_text, published_on, year) if completion_text else None,
        expected_completion_text=completion_text,
    )
    if kind == "photo" and not (report.project_name and _states_a_fact(report)):
        return None
    return report


def resolve_completion(phrase: str, published_on: date | None, year: int | None) -> str | None:
    """``预计明年5月竣工投用`` → ``YYYY-05`` against the publication year; None when it cannot be known."""
    text = to_halfwidth(phrase)
    if not _TIME_RE.search(text):
        return None
    target_year = _completion_year(text, published_on, year)
    if target_year is None:
        return None
    month = _MONTH.search(text)
    if month and (value := parse_number(month.group(1))) and 1 <= value <= 12:
        return f"{target_year}-{int(value):02d}"
    if "下半年" in text:
        return f"{target_year}-H2"
    if "年底" in text or "年末" in text:
        return f"{target_year}-12"
    return str(target_year)


# --- name and company ---------------------------------------------------------------------------

def _project_name(body: str, text: str, people: Sequence[TitledPerson]) -> tuple[str | None, str | None]:
    """(name, company printed inside it) of the first specific ``X项目`` of the body."""
    for stem_start, stem_end in _project_stems(text):
        company, name_start = _company_inside(body, text, stem_start, stem_end, people)
        stem = text[name_start:stem_end]
        if company and not stem:
            return None, company  # X有限公司项目: named only by its company
        if not _is_generic(stem):
            return body[name_start:stem_end] + _PROJECT_WORD, company
    return None, None


def _project_stems(text: str):
    """Spans of what precedes each ``项目``, cut at framing; may be empty."""
    for run in _NAME_RUN.finditer(text):
        floor = run.start()
        end = text.find(_PROJECT_WORD, floor, run.end())
        while end != -1:
            yield _cut_name_framing(text, floor, end), end
            floor = end + len(_PROJECT_WORD)
            end = text.find(_PROJECT_WORD, floor, run.end())


def _cut_name_framing(text: str, start: int, end: int) -> int:
    for frame in _NAME_FRAME.finditer(text, start, end):
        start = frame.end()
    start = _DATE_BEFORE_A_NAME.match(text, start, end).end()
    if (prep := _LEADING_PREPOSITION.match(text, start, end)) and end - prep.end() >= 2:
        start = prep.end()
    return start


def _is_generic(stem: str) -> bool:
    return len(stem) < 2 or "等" in stem or bool(_GENERIC_NAME_END.search(stem))


def _company_inside(
    body: str, text: str, start: int, end: int, people: Sequence[TitledPerson]
) -> tuple[str | None, int]:
    """A company printed at the head of a project's name, and where the name proper starts."""
    last = None
    for last in _COMPANY_END.finditer(text, start, end):
        pass
    if last is None:
        return None, start
    company_start = _cut_company_framing(text, start, last.end(), people)
    return body[company_start:last.end()], last.end()


def _better_headline_name(name: str | None, company: str | None, headline: str | None) -> str | None:
    """The headline's ``X项目`` when the body has no name, or names the project only by its company."""
    if name is not None or not headline:
        return name
    printed = _SPACES.sub("", headline)
    text = to_halfwidth(printed)
    headline_name, _ = _project_name(printed, text, find_titled_people(text))
    if headline_name is None:
        return f"{company}{_PROJECT_WORD}" if company else None
    if company and not company.startswith(headline_name[:2]):
        return f"{company}{_PROJECT_WORD}"  # the headline names something else
    return headline_name


def _company_candidates(body: str, text: str, people: Sequence[TitledPerson]):
    """(start, end) of every company name, framing cut, in reading order."""
    for run in _COMPANY_RUN.finditer(text):
        floor = run.start()
        for end_word in _COMPANY_END.finditer(run.group()):
            end = run.start() + end_word.end()
            start = _cut_company_framing(text, floor, end, people)
            if end - start - len(end_word.group()) >= 2:
                yield start, end
            floor = end


def _cut_company_framing(text: str, start: int, end: int, people: Sequence[TitledPerson]) -> int:
    def stem_length(at: int) -> int:
        return len(_COMPANY_END.sub("", text[at:end]))

    for frame in _COMPANY_FRAME.finditer(text, start, end):
        if stem_length(frame.end()) >= _MIN_COMPANY_STEM:
            start = frame.end()
    start = _DATE_BEFORE_A_NAME.match(text, start, end).end()
    start = _after_titled_person(text, start, end, stem_length, people)
    if text[start] in _COMPANY_LEAD_CHARS and stem_length(start + 1) >= _MIN_COMPANY_STEM:
        start += 1
    close, open_ = text.find(")", start, end), text.find("(", start, end)
    if close != -1 and (open_ == -1 or close < open_):
        start = close + 1  # an unopened bracket belongs to the text before
    return start


def _after_titled_person(text: str, start: int, end: int, stem_length, people: Sequence[TitledPerson]) -> int:
    # 副市长A与X有限公司: a person named with a title is never part of a company's name
    if not _COMPANY_LINK.search(text, start, end):
        return start
    for person in people:
        title_start = person.start - len(person.title or "")
        after = person.start + len(person.name)
        if not (start <= title_start and after <= end):
            continue  # titled outside this run
        link = _COMPANY_LINK.match(text, after)
        if link and stem_length(link.end()) >= _MIN_COMPANY_STEM:
            return link.end()
    return start


def _investing_company(body: str, text: str, people: Sequence[TitledPerson]) -> str | None:
    for start, end in _company_candidates(body, text, people):
        if _INVESTS.match(text, end):
            return _barest(body, text, start, end, people)
    return None


def _first_company(body: str, text: str, people: Sequence[TitledPerson]) -> str | None:
    for start, end in _company_candidates(body, text, people):
        if not _CONTRACTOR.match(text, end) and not _in_a_list(text, start, end):
            return _barest(body, text, start, end, people)
    return None


def _in_a_list(text: str, start: int, end: int) -> bool:
    # A、B、C等企业: firms named in a list are mentioned in passing
    return text[start - 1:start] == "、" or text[end:end + 1] in ("、", "等")


def _barest(body: str, text: str, start: int, end: int, people: Sequence[TitledPerson]) -> str:
    """The shortest printing of this company elsewhere in the body, if it also stands alone."""
    name = text[start:end]
    for other_start, other_end in _company_candidates(body, text, people):
        other = text[other_start:other_end]
        if other != name and name.endswith(other):
            start, end, name = other_start, other_end, other
    return body[start:end]


# --- location -----------------------------------------------------------------------------------

def _location(body: str, text: str, name: str | None) -> str | None:
    for match in _PLACE_AFTER_VERB.finditer(text):
        place_end = _last_place_end(text, match.start("place"), match.end("place"))
        if place_end is not None:
            place = body[match.start("place"):place_end]
            return _fuller_place(body, text, place) if len(place) <= _BARE_PLACE_MAX else place
    if name and (suffix := _PLACE_SUFFIX.search(name)):
        return name[:suffix.end()]  # 某某产业园一期项目: the project sits in the park it names
    return None


def _last_place_end(text: str, start: int, end: int) -> int | None:
    last = None
    for last in _PLACE_SUFFIX.finditer(text, start, end):
        pass
    return last.end() if last else None


def _fuller_place(body: str, text: str, place: str) -> str:
    """``高新区`` → ``武进国家高新区`` when the fuller name is printed elsewhere in the body."""
    best, printed = place, to_halfwidth(place)
    at = text.find(printed)
    while at != -1:
        clause_start = max(text.rfind(ch, 0, at) for ch in _PLACE_CLAUSE_START) + 1
        head = text[clause_start:at]
        head = head[_PLACE_FRAME.match(head).end():]
        if head and not _NOT_A_PLACE_HEAD.search(head) and len(head) + len(place) <= _FULLER_PLACE_MAX:
            candidate = body[at - len(head):at + len(printed)]
            best = max(best, candidate, key=len)
        at = text.find(printed, at + len(printed))
    return best


# --- figures, from the statistics step ----------------------------------------------------------

def _investment(stats: list[Statistic]) -> float | None:
    own = [s for s in stats if s.unit == "元" and s.subject and "投资" in s.subject
           and not _INVESTMENT_SPENT.search(s.subject.replace("投资", ""))]
    total = [s for s in own if "总投资" in s.subject]
    return (total or own)[0].value if own else None


def _land_area(body: str, stats: list[Statistic]) -> float | None:
    land = [(s, s.value) for s in stats if s.unit == "亩"]
    land += [(s, s.value * _MU_PER_HECTARE) for s in stats
             if s.unit == "公顷" and _LAND_FIRST.search(_context(body, s))]
    named = [value for s, value in land if _LAND_FIRST.search(_context(body, s))]
    return (named or [value for _, value in land] or [None])[0]


def _floor_area(body: str, stats: list[Statistic]) -> float | None:
    buildings = [s for s in stats if s.unit in SQUARE_METRE_UNITS
                 and _BUILDING.search(_context(body, s)) and not _NOT_BUILDING.search(_context(body, s))]
    total = [s for s in buildings if "总" in _context(body, s)]
    return (total or buildings)[0].value if buildings else None


def _context(body: str, stat: Statistic) -> str:
    """The subject and the clause before the number (规划建设生产车间、科研楼、办公楼等 for 6.3万平方米)."""
    clause_start = max(body.rfind(ch, 0, stat.start) for ch in _FIGURE_CLAUSE_START) + 1
    return (stat.subject or "") + body[clause_start:stat.start]


def _annual_output(body: str, text: str, stats: list[Statistic]) -> str | None:
    for match in _ANNUAL_OUTPUT.finditer(text):
        if any(match.start() < s.start < match.end() for s in stats):
            return body[match.start():match.end()].strip()
    return None


# --- stage and completion -----------------------------------------------------------------------

def _status(body: str, text: str) -> str | None:
    best: tuple[int, str] | None = None
    for clause in _CLAUSE.finditer(text):
        if _FUTURE.search(clause.group()):
            continue
        for rank, stage in _STAGES:
            found = stage.search(clause.group())
            if found and (best is None or rank > best[0]):
                best = (rank, _stage_phrase(body, clause, found, rank))
    return best[1] if best else None


def _stage_phrase(body: str, clause: re.Match, found: re.Match, rank: int) -> str:
    """The stage as printed: the clause without its time words and the project's name."""
    if rank == _SIGNING_RANK:
        return found.group()  # the clause of a signing names the project and the park, not a stage
    phrase = clause.group()
    start = max((m.end() for m in _STATUS_SUBJECT.finditer(phrase, 0, found.start())), default=0)
    start = _STATUS_FRAME.match(phrase, start).end()
    if _COUNT.search(phrase, start, found.start()) or len(phrase) - start > _MAX_STATUS:
        start = _verb_with_aspect(phrase, start, found)  # 4栋厂房已封顶: a partial count, keep the verb
    return body[clause.start() + start:clause.end()].strip()


def _verb_with_aspect(phrase: str, start: int, found: re.Match) -> int:
    """Where the stage verb's first printing after ``start`` begins, with its aspect word (已封顶)."""
    at = phrase.find(found.group(), start)
    if at == -1:
        return found.start()
    aspect = _ASPECT_ENDING.search(phrase, start, at)
    return aspect.start() if aspect else at


def _completion_phrase(body: str, text: str) -> str | None:
    match = _COMPLETION.search(text)
    return body[match.start():match.end()] if match else None


def _completion_year(text: str, published_on: date | None, year: int | None) -> int | None:
    explicit = _EXPLICIT_YEAR.search(text)
    if explicit:
        return int(parse_number(explicit.group(1)))
    base = published_on.year if published_on else year
    if base is None:
        return None  # a relative phrase without a publication year: never guess
    word = next((w for w in _RELATIVE_YEAR if w in text), None)
    if word is not None:
        return base + _RELATIVE_YEAR[word]
    month = _MONTH.search(text)
    if month and published_on and parse_number(month.group(1)) < published_on.month:
        return base + 1  # 预计3月竣工 printed in October: a forecast points ahead
    return base


def _states_a_fact(report: ProjectReport) -> bool:
    return any(value is not None for value in (
        report.investment_cny, report.floor_area_m2, report.land_area_mu, report.annual_output,
        report.status, report.expected_completion_text,
    ))


__all__ = ["PROJECT_KINDS", "ProjectReport", "extract_project", "resolve_completion"]
