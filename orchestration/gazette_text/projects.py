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

Across issues (``same_project``): reports naming the same company are one project; without a
company on both sides, the same name after dropping ``项目``/``工程`` and a ``一期``/``首期`` suffix,
or a name that abbreviates the other report's company.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from .numbers import parse_number, to_halfwidth
from .people import find_titled_people
from .statistics import Statistic, extract_statistics


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

_CJK = "\u4e00-\u9fff\u3007"
# Matching runs on the half-width twin of the body (same offsets), so （ and ( are one character.
_NAME_RUN = re.compile(rf"[{_CJK}A-Za-z0-9·()“”、]+")
_COMPANY_RUN = re.compile(rf"[{_CJK}A-Za-z0-9·()]+")
_COMPANY_END = re.compile(r"有限责任公司|有限公司")
_PROJECT_WORD = "项目"

# Framing before a project's name: the name starts after the last of these.
_NAME_FRAME = re.compile(r"的|位于|图为|推进|推动|加快|抓好|引进|签约|落户|落地|开工|启动|集中")
_LEADING_TIME = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:近日|日前|目前|今年|昨天|当前)?")
_LEADING_PREPOSITION = re.compile(r"[在对把将由该本这此与和]")
# A name ending like this only says "a project" (区重点项目, 新项目, 一批优质项目, 12个项目).
_GENERIC_NAME_END = re.compile(
    r"(?:重点|重大|新|优质|该|此|本|这|各|一批|相关|其他|其它|招商|实事|好|大|多|个|些|批|类)$"
)
_PHASE_SUFFIX = re.compile(r"(?:一期|首期)$")

# Framing before a company's name; cut only when a real name (4+ characters) remains.
_COMPANY_FRAME = re.compile(
    r"的|位于|图为|重点项目|重大项目|项目|签约|落户|落地|来到|走进|前往|参观|考察|支持|携手|牵手"
)
_COMPANY_LINK = re.compile(r"[与和同跟向对]")
_CONTRACTOR = re.compile(r"\s*(?:承建|施工|代建|设计|监理|总包)")
_INVESTS = re.compile(r"\s*(?:投资|投建|出资|建设|打造)")
_MIN_COMPANY_STEM = 4

_PLACE_SUFFIX = (
    r"(?:产业园|科技园|工业园|创业园|软件园|物流园|产业基地|园区|高新区|开发区|经开区|经济区|新区|工业区|"
    r"集中区|保税区|示范区|片区|新城|街道|镇|乡)"
)
_PLACE_AFTER_VERB = re.compile(r"(?:位于|坐落于|坐落在|落户|落地|入驻|选址|建在|签约于)(?P<place>[^的，。,;；:：、\s()]{2,24})")
_PLACE_SUFFIX_RE = re.compile(_PLACE_SUFFIX)
_PLACE_FRAME = re.compile(r"(?:今年|近日|日前|目前|近年来|去年|当前|同时|此外|其中|位于|在)*")
_BARE_PLACE_MAX = 3  # 高新区, 开发区: a zone named without its city

_CLAUSE = re.compile(r"[^，。；,;！？!?\n]+")
_FUTURE = re.compile(r"预计|计划|将|力争|争取|有望|拟|预期|目标|建成后|达产后|投产后|明年|下半年|后年|年底前")
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
_STATUS_FRAME = re.compile(r"(?:目前|当前|现在|如今|眼下|截至目前|近日|日前|\s)*")
_STATUS_SUBJECT = re.compile(r"项目|公司")  # the project's name ends before its stage
_ASPECT = r"(?:已经|已|正在|正|基本|全面|顺利|均已|全部|正式)?"
_MAX_STATUS = 24
_COUNT = re.compile(r"\d+(?![\d.年月日号])")  # 4栋 counts; 2023年6月 dates

_YEAR_WORD = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年|今年|明年|后年|当年|年内"
_YEAR_PART = r"\d{1,2}月|[一二三四五六七八九十]{1,2}月|上半年|下半年|年底|年末|年中|年初"
_TIME = rf"(?:(?:{_YEAR_WORD})(?:{_YEAR_PART})?|(?:{_YEAR_PART}))"
_COMPLETION_VERB = r"(?:竣工|建成|投产|投用|完工|交付|投入使用|投入运营|运营|开业|达产|落成|启用|试生产)"
_COMPLETION = re.compile(  # not 已于2023年6月竣工 (done), nor the 6月 of a longer date
    rf"(?<![已\d年])(?<!已于)(?<!已在)(?:(?:预计|计划|力争|争取|有望|可望|确保)(?:将)?(?:在|于)?)?{_TIME}"
    rf"(?:前|底|初|中旬|上旬|下旬|份|左右)?[^，。；,;！？\s已]{{0,6}}?{_COMPLETION_VERB}+(?!以来)"
)
_EXPLICIT_YEAR = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})年")
_RELATIVE_YEAR = {"明年": 1, "后年": 2, "今年": 0, "当年": 0, "年内": 0}  # 明年内 is 明年: it goes first
_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,2})月")

_INVESTMENT_SPENT = re.compile(r"完成|累计|已|年")  # 累计完成投资, 年度投资: money spent, not the project's
_LAND_FIRST = re.compile(r"占地|用地|土地")
_BUILDING = re.compile(r"建筑|面积|厂房|用房|建设|车间|楼|新建")
_NOT_BUILDING = re.compile(r"占地|用地|土地|绿化|道路")
_SQUARE_METRES = ("平方米", "㎡", "m2", "m²")
_MU_PER_HECTARE = 15
_ANNUAL_OUTPUT = re.compile(r"年产[^的，。；,;！？\n]*")


def extract_project(
    headline: str | None, body: str, kind: str, published_on: date | None, year: int | None = None
) -> ProjectReport | None:
    """The project one article or photo caption reports, or None when it reports none."""
    if kind not in PROJECT_KINDS:
        return None
    text = to_halfwidth(body)
    name, company = _project_name(body, text)
    name = _better_headline_name(name, company, headline)
    company = company or _investing_company(body, text) or _first_company(body, text)
    if name is None and company is None:
        return None
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
    if not re.search(_TIME, text):
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


def same_project(a: ProjectReport, b: ProjectReport) -> bool:
    """Two reports (from any issues) of one project: same company, else same normalised name."""
    if a.company and b.company:
        return _norm(a.company) == _norm(b.company)
    if a.project_name and b.project_name and _name_key(a.project_name) == _name_key(b.project_name):
        return True
    return _abbreviates(a.project_name, b.company) or _abbreviates(b.project_name, a.company)


def merge_reports(earlier: ProjectReport, later: ProjectReport) -> ProjectReport:
    """One row for a project reported twice: the later report's facts win where it prints them."""
    merged = {f.name: getattr(later, f.name) for f in fields(ProjectReport)}
    for name, value in merged.items():
        if value is None:
            merged[name] = getattr(earlier, name)
    if earlier.company and later.company and len(earlier.company) > len(later.company):
        merged["company"] = earlier.company  # keep the full legal name over a shortened one
    return ProjectReport(**merged)


# --- name and company ---------------------------------------------------------------------------

def _project_name(body: str, text: str) -> tuple[str | None, str | None]:
    """(name, company printed inside it) of the first specific ``X项目`` of the body."""
    for stem_start, stem_end in _project_stems(text):
        company, name_start = _company_inside(body, text, stem_start, stem_end)
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
        for word in re.finditer(_PROJECT_WORD, run.group()):
            end = run.start() + word.start()
            yield _cut_name_framing(text, floor, end), end
            floor = end + len(_PROJECT_WORD)


def _cut_name_framing(text: str, start: int, end: int) -> int:
    for frame in _NAME_FRAME.finditer(text, start, end):
        start = frame.end()
    start = _LEADING_TIME.match(text, start, end).end()
    if (prep := _LEADING_PREPOSITION.match(text, start, end)) and end - prep.end() >= 2:
        start = prep.end()
    return start


def _is_generic(stem: str) -> bool:
    return len(stem) < 2 or "等" in stem or bool(_GENERIC_NAME_END.search(stem))


def _company_inside(body: str, text: str, start: int, end: int) -> tuple[str | None, int]:
    """A company printed at the head of a project's name, and where the name proper starts."""
    last = None
    for last in _COMPANY_END.finditer(text, start, end):
        pass
    if last is None:
        return None, start
    company_start = _cut_company_framing(text, start, last.end())
    return body[company_start:last.end()], last.end()


def _better_headline_name(name: str | None, company: str | None, headline: str | None) -> str | None:
    """The headline's ``X项目`` when the body has no name, or names the project only by its company."""
    if name is not None or not headline:
        return name
    printed = re.sub(r"\s+", "", headline)
    headline_name, _ = _project_name(printed, to_halfwidth(printed))
    if headline_name is None:
        return f"{company}{_PROJECT_WORD}" if company else None
    if company and not company.startswith(headline_name[:2]):
        return f"{company}{_PROJECT_WORD}"  # the headline names something else
    return headline_name


def _company_candidates(body: str, text: str):
    """(start, end) of every company name, framing cut, in reading order."""
    for run in _COMPANY_RUN.finditer(text):
        floor = run.start()
        for end_word in _COMPANY_END.finditer(run.group()):
            end = run.start() + end_word.end()
            start = _cut_company_framing(text, floor, end)
            if end - start - len(end_word.group()) >= 2:
                yield start, end
            floor = end


def _cut_company_framing(text: str, start: int, end: int) -> int:
    def stem_length(at: int) -> int:
        return len(_COMPANY_END.sub("", text[at:end]))

    for frame in _COMPANY_FRAME.finditer(text, start, end):
        if stem_length(frame.end()) >= _MIN_COMPANY_STEM:
            start = frame.end()
    start = _LEADING_TIME.match(text, start, end).end()
    start = _after_titled_person(text, start, end, stem_length)
    if text[start] in "由与和同向对在是为据经将把被" and stem_length(start + 1) >= _MIN_COMPANY_STEM:
        start += 1
    close, open_ = text.find(")", start, end), text.find("(", start, end)
    if close != -1 and (open_ == -1 or close < open_):
        start = close + 1  # an unopened bracket belongs to the text before
    return start


def _after_titled_person(text: str, start: int, end: int, stem_length) -> int:
    # 副市长A与X有限公司: a person named with a title is never part of a company's name
    if not _COMPANY_LINK.search(text, start, end):
        return start
    for person in find_titled_people(text[start:end]):
        after = start + person.start + len(person.name)
        link = _COMPANY_LINK.match(text, after)
        if link and stem_length(link.end()) >= _MIN_COMPANY_STEM:
            return link.end()
    return start


def _investing_company(body: str, text: str) -> str | None:
    for start, end in _company_candidates(body, text):
        if _INVESTS.match(text, end):
            return _barest(body, text, start, end)
    return None


def _first_company(body: str, text: str) -> str | None:
    for start, end in _company_candidates(body, text):
        if not _CONTRACTOR.match(text, end) and not _in_a_list(text, start, end):
            return _barest(body, text, start, end)
    return None


def _in_a_list(text: str, start: int, end: int) -> bool:
    # A、B、C等企业: firms named in a list are mentioned in passing
    return text[start - 1:start] == "、" or text[end:end + 1] in ("、", "等")


def _barest(body: str, text: str, start: int, end: int) -> str:
    """The shortest printing of this company elsewhere in the body, if it also stands alone."""
    name = text[start:end]
    for other_start, other_end in _company_candidates(body, text):
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
    if name and (suffix := _PLACE_SUFFIX_RE.search(name)):
        return name[:suffix.end()]  # 某某产业园一期项目: the project sits in the park it names
    return None


def _last_place_end(text: str, start: int, end: int) -> int | None:
    last = None
    for last in _PLACE_SUFFIX_RE.finditer(text, start, end):
        pass
    return last.end() if last else None


def _fuller_place(body: str, text: str, place: str) -> str:
    """``高新区`` → ``武进国家高新区`` when the fuller name is printed elsewhere in the body."""
    best = place
    for occurrence in re.finditer(re.escape(to_halfwidth(place)), text):
        clause_start = max(text.rfind(ch, 0, occurrence.start()) for ch in "，。；,;:：\n ") + 1
        head = text[clause_start:occurrence.start()]
        head = head[_PLACE_FRAME.match(head).end():]
        if head and not re.search(r"[的在是为了和与及将]", head) and len(head) + len(place) <= 12:
            candidate = body[occurrence.start() - len(head):occurrence.end()]
            best = max(best, candidate, key=len)
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
    buildings = [s for s in stats if s.unit in _SQUARE_METRES
                 and _BUILDING.search(_context(body, s)) and not _NOT_BUILDING.search(_context(body, s))]
    total = [s for s in buildings if "总" in _context(body, s)]
    return (total or buildings)[0].value if buildings else None


def _context(body: str, stat: Statistic) -> str:
    """The subject and the clause before the number (规划建设生产车间、科研楼、办公楼等 for 6.3万平方米)."""
    clause_start = max(body.rfind(ch, 0, stat.start) for ch in "，。；,;：:\n") + 1
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
        verb = re.compile(_ASPECT + re.escape(found.group())).search(phrase, start)
        start = verb.start() if verb else found.start()  # 4栋厂房已封顶: a partial count, keep the verb
    return body[clause.start() + start:clause.end()].strip()


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


# --- merging across issues ----------------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(text)).replace("（", "(").replace("）", ")")


def _name_key(name: str) -> str:
    key = _norm(name)
    key = re.sub(r"(?:项目|工程)$", "", key)
    return _PHASE_SUFFIX.sub("", key)


def _abbreviates(name: str | None, company: str | None) -> bool:
    # a project named for its firm: 江南新材项目 is the project of 江南新材科技有限公司
    if not name or not company:
        return False
    stem = _name_key(name)
    return len(stem) >= 3 and _norm(company).startswith(stem)


__all__ = ["ProjectReport", "extract_project", "resolve_completion", "same_project", "merge_reports"]
