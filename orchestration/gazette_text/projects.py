"""The investment projects an article or a photo caption reports, for ``marts.projects``.

Which items report which projects (``extract_projects``; ``extract_project`` is the first of them)
- A mention names a project when it ends in ``项目``; in ``工程`` only for a works (a water, road,
  port or rebuilding word in it: ``清淤整治工程``, ``集装箱码头工程``; not ``系统性工程``); in ``基地``
  only for a production base (``智能制造基地``), never a goal (``建成…的生产基地``) nor a list item.
  Generic mentions (``区重点项目``, ``新项目``, ``一期工程``, ``一批…项目``, ``抓项目``, slogans in
  quotes) name none; counted ones (``重点项目118个``, ``5个重大项目``) name a class of projects; a
  post after a company or an organisation (``X有限公司项目经理 某某：``, ``区发改委项目科科长``) names a
  job there, not a project (``某某大桥项目负责人`` still names the bridge).
  The items of ``A、B、C等3个项目`` are projects each.
- Each project owns the stretches of the body from the clause of its mention to the clause of the
  next mention of another project or class (the totals of a class belong to no one project), so a
  figure is the project's whose name its clause carries; a later mention of the same project
  (``除险加固工程`` after ``某某水库除险加固工程``) continues it. When a project article or a
  caption names one project only, its lead is the project's too.
- A ``project`` article reports its first project and any listed ones (or, naming none, the project
  of the company it names); a caption its first named project when it states a fact about it (an
  investment, an area, an output, a stage or an expected completion): ``图为项目航拍`` alone is not.
  Any other project, in an item of any kind (an inspection, a feature, a meeting), is reported only
  with a figure or a completion of its own: a named project reported as progressing is a project
  whatever the article's kind.

Name and company
- The name is the mention as printed, cut at framing (``位于…的``, ``——``, an earlier ``…项目``,
  ``图为``, a verb that takes it: ``调研``, ``走进``), never inside a company's name printed before it
  (the ``服务`` of ``X服务有限公司Y项目``). The headline is read the same way when the
  body names the first project only by its company (``X有限公司项目``) and the headline abbreviates
  that company (``X项目``).
- A company printed inside the name (``X有限公司Y项目``) is the project's company; else the one
  that invests (``由X有限公司投资``) in the project's own stretches; else, unless the project is a
  public works, the first company there (a speaker's caption ``X有限公司副总经理 某某：`` too).
  A company is a run ending in ``有限公司``/``有限责任公司`` as printed (parentheses kept), cut at
  framing, at a titled person before it (``副市长A与X有限公司``), and never a contractor
  (``X有限公司承建``). When one candidate also appears printed on its own (a suffix of the other),
  the bare one wins.
- The location is the park, zone or town after ``位于`` / ``落地`` / ``落户`` / ``入驻`` / ``选址``; a
  bare ``高新区`` is widened to the fuller name printed elsewhere (``东塘国家高新区``); else a
  park named inside the project name.

Figures come from ``statistics.extract_statistics`` (no second number parser):
- investment: 元 whose subject holds 投资 (``总投资`` first), not money already spent
  (``累计完成投资``) and never ``年销售收入`` or ``年产值``;
- land: 亩 (公顷 × 15), ``占地``/``用地`` first; of a works only those (``1.6万亩农田`` it serves is none);
- floor area: 平方米 whose subject or clause speaks of buildings (建筑 面积 厂房 用房 建设 车间 楼),
  never of land (占地 用地).
- annual output: the printed ``年产…`` phrase holding a quantity, up to ``的`` or the clause end.

Stage and completion
- The status is the most advanced stage reported as current (签约 < 开工 < 施工 < 封顶 < 完工 <
  装修/设备安装 < 试生产 < 投产), as printed: the clause without ``目前`` or the project's name; a
  clause that counts (``4栋厂房已封顶``) keeps only its verb phrase (``已封顶``). Clauses about the
  future (``预计`` ``将`` ``建成后`` ``明年`` …) are not a stage.
- The expected completion is the first ``time + 竣工/建成/投产/投用/通车/全部完成…`` phrase of the
  project's stretches, as printed (``预计明年四月份建成投产``, ``三月底之前…投入试生产``); of a range
  (``10月底到11月份``) the later end; a completion already past (``已于去年8月投用``) is none, and
  a first phase's (``一期工程预计…``) stands when no other is given. It is resolved against the
  publication date (or year): ``明年5月`` → next year's May, ``下半年`` → ``YYYY-H2``, ``上半年`` →
  ``YYYY-H1``, ``明年`` → ``YYYY``, ``年底``/``明年年底``/``年底前`` → ``YYYY-12``, a quarter → the
  half year holding it (``四季度`` → ``YYYY-H2``) or, with 末/底, its last month (``三季度末`` →
  ``YYYY-09``); ``年初``, ``年中`` fit no finer value than ``YYYY``. A month, quarter or first half
  printed without a year and already over at publication points to the next year (``预计3月竣工``
  or ``预计上半年建成`` printed in October). An explicit year needs no date; a relative one without
  a known publication date or year stays unresolved (never guess a year).

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
    CJK, COMMAS, FORECAST_WORDS, HAN_ZERO, LIST_MARK, MONTH_PARTS, NOW_WORDS,
    OFFICIAL_TITLES, ORGANISATION_END_CHARS, OWN_AREA, RECENT_DAYS, SEMICOLONS, SENTENCE_END_MARKS,
    SQUARE_METRE_UNITS, alternation,
)


@dataclass(frozen=True)
class ProjectReport:
    project_name: str | None  # e.g. 某某高端医疗器械项目
    company: str | None  # full legal name as printed: 某某生物技术（上海）有限公司
    location: str | None  # park, zone or town: 某市东湖科技产业园
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
_NAME_FRAME = re.compile(
    r"""
    的|位于|图为|推进|推动|加快|抓好|引进|签约|落户|落地|开工|启动|集中
    | 宣布|解决|协调|调研|察看|了解|实施|督查|视察|考察|走进|来到|前往|参观|听取|服务|保障|确保  # verbs taking a project
    | 聚焦|推行|倒逼|检验|总结|招引|坚持|开展|树立|紧盯|抓
    | 着|了                                                           # 涌动着项目建设的热潮
    | “|”                                                            # “项目攻坚年”: a slogan
    """,
    re.VERBOSE,
)
_OWN_AREA_BEFORE_A_NAME = re.compile(alternation(OWN_AREA))  # 我市引江补水二期工程
# A date or a "now" word right before a name (2024年10月近日 X项目). 今天/今日 are left out: they
# begin names (今日头条).
_DATE_BEFORE_A_NAME = re.compile(
    rf"""
    (?:\d{{4}}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?
    {alternation(RECENT_DAYS + NOW_WORDS + ("今年", "去年", "明年", "全年", "昨天"))}?
    """,
    re.VERBOSE,
)
_LEADING_PREPOSITION = re.compile(r"[在对把将由该本这此与和]")
# A name ending like this only says "a project" (区重点项目, 新项目, 一批优质项目, 12个项目).
_GENERIC_NAME_END = re.compile(
    r"(?:重点|重大|新|优质|该|此|本|这|各|一批|相关|其他|其它|招商|实事|好|大|多|个|些|批|类|民生|以上|以下|单体)$"
)
# ... or starting like this (其中产业项目, 各类水利工程, 整个冬修工程), or only a phase (一期工程).
_GENERIC_NAME_START = re.compile(r"其中|各类|各项|所有|一批|一些|多个|整个|其他|其它")
_PHASE_ONLY = re.compile(r"[一二三四五六七八九首]期")
# A class of projects, not one: in a clause that counts or sorts them (一批总投资3—5亿元的…项目).
_CLASS_IN_CLAUSE = re.compile(r"一批|一些|多个|各类")

# The words that end a project's name. 工程 names a works project only with a works word in it
# (清淤整治工程, 集装箱码头工程, 供水二期工程; not 系统性工程, 民心工程); 基地 a production base only
# (智能制造基地; not 研学基地, 义务植树基地).
_NAME_END = re.compile(r"项目|工程|基地")
_WORKS_WORD = "工程"
_BASE_WORD = "基地"
_WORKS_HEAD = re.compile(
    r"""
    河|湖|江|渠|堤|闸|坝|水库|水利|水系|供水|引水|调水|排水|排涝|污水|清淤|疏浚|整治|治理|加固|防洪|泵站|管网  # water
    | 公路|道路|大道|快速路|桥|隧道|铁路|轨道|地铁|高速|立交                                             # roads
    | 码头|港区|泊位|航道|机场|枢纽                                                                        # ports
    | 改造|改扩建|扩建|提标|修复|安置|棚户|电网|变电|燃气|供热|热力                                       # rebuilding
    """,
    re.VERBOSE,
)
_BASE_HEAD = re.compile(r"制造|智造|产业|生产|加工|物流|研发|中试")
_ENUMERATION = re.compile(r"[及和与]")  # 泄洪设施及除险加固工程: several things, not one works
# 工程/基地 continuing into an organisation or a trade (建设工程有限公司, 总工程师, 工程学院).
_NOT_A_NAME_AFTER = re.compile(r"有限|公司|集团|局|处|院|师|建设有限|项目")
# 建成全国一流的…基地: a goal, not a project.
_GOAL_IN_CLAUSE = re.compile(r"建成|建设成|打造|成为|建为")
# 项目 followed by a post (X有限公司项目经理 某某：, 区发改委项目科科长) after a company or an organisation:
# a job there, not a project; an office (科, 部, 办) may stand between.
_PROJECT_POST = re.compile(rf"[科处部办组室]?{alternation(OFFICIAL_TITLES)}")
_ORGANISATION_END = re.compile(f"[{ORGANISATION_END_CHARS}]$")
# Counts that make a mention a class of projects (5个重大项目, 重点项目118个, 项目一共有18个).
_CN_COUNT_DIGITS = "0-9一二两三四五六七八九十百千余多"
_COUNT_BEFORE = re.compile(rf"[{_CN_COUNT_DIGITS}]+个")
_COUNT_AFTER = re.compile(rf"(?:共|一共|共计|总计|合计)?有?[{_CN_COUNT_DIGITS}]+[个项]")
# A list of named projects closed by a count: A、B、C等3个项目 (each item is a project).
_LIST_COUNT = rf"等[{_CN_COUNT_DIGITS}]+个(?:重点|重大)?(?:项目|工程)"  # 等3个项目
_PROJECT_LIST = re.compile(
    rf"""
    (?P<items>[^{_CLAUSE_BREAKS}]+{LIST_MARK}[^{_CLAUSE_BREAKS}]+?)   # A、B、C
    {_LIST_COUNT}
    """,
    re.VERBOSE,
)
# The list's count alone: most texts have none, and finding that is far quicker than trying a list
# (which backtracks over every clause).
_LIST_COUNT_ONLY = re.compile(_LIST_COUNT)
_SENTENCE_END = re.compile(f"[{SENTENCE_END_MARKS}\n]")
_CLAUSE_END = re.compile(f"[{_CLAUSE_BREAKS}]")
_LIST_ITEM_FRAME = re.compile(r"(?:此外|另外|同时|还有|以及|其中)")
_MIN_LISTED_NAME = 4
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
# Any stage at all: most clauses name none, and one search rules out all eight.
_ANY_STAGE = re.compile("|".join(stage.pattern for _, stage in _STAGES))
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
_QUARTER_WORD = r"第?[一二三四1-4]季度"  # 四季度, 第三季度: resolved to a half year, or to a month with 末
_PART_OF_YEAR = rf"\d{{1,2}}月|[一二三四五六七八九十]{{1,2}}月|上半年|下半年|{_QUARTER_WORD}|年底|年末|年中|年初"
_TIME = rf"(?:(?:{_YEAR})(?:{_PART_OF_YEAR})?|(?:{_PART_OF_YEAR}))"  # 明年5月, 2025年底, 下半年
_TIME_RE = re.compile(_TIME)
_COMPLETION_VERB = (
    r"(?:竣工|建成|投产|投用|完工|交付|投入使用|投入运营|运营|开业|达产|落成|启用|试生产|通车"
    r"|(?:全部|全面|整体)完成)"  # 全部完成; a bare 完成 (月底完成主体清淤) is one task, not the project
)
_TIME_SUFFIX = rf"(?:底|初|末|{alternation(MONTH_PARTS)}|份)?(?:之前|以前|前|左右)?"  # 3月底之前, 5月份, 6月上旬
_COMPLETION = re.compile(
    rf"""
    (?<![已\d年])(?<!已于)(?<!已在)          # not 已于2023年6月竣工 (done), nor the 6月 of a longer date
    (?:{alternation(FORECAST_WORDS)}将?[在于]?)?  # 预计将于
    {_TIME}{_TIME_SUFFIX}
    (?:[到至~\-—]{_TIME}{_TIME_SUFFIX})?      # 10月底到11月份: a range, its later end counts
    [^{_CLAUSE_BREAKS}\s已]{{0,10}}?          # a few words of the same clause, nothing already done
    {_COMPLETION_VERB}+(?!以来)               # 竣工投用; not 投产以来
    """,
    re.VERBOSE,
)
# The verb every completion phrase ends with: a text without one is spared the search above, which is
# tried at every character.
_COMPLETION_VERB_RE = re.compile(_COMPLETION_VERB)
_EXPLICIT_YEAR = re.compile(rf"(\d{{4}}|{_CN_YEAR_DIGIT}{{4}})年")
_RELATIVE_YEAR = {"明年": 1, "后年": 2, "今年": 0, "当年": 0, "年内": 0}  # 明年内 is 明年: it goes first
_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,2})月")
_QUARTER = re.compile(r"第?(?P<n>[一二三四1-4])季度(?P<end>末|底)?")
_MONTHS_PER_QUARTER = 3
_FIRST_HALF, _SECOND_HALF = "上半年", "下半年"
_LAST_MONTH_OF_FIRST_HALF = 6

# --- figures ------------------------------------------------------------------------------------

_INVESTMENT_SPENT = re.compile(r"完成|累计|已|年")  # 累计完成投资, 年度投资: money spent, not the project's
_LAND_FIRST = re.compile(r"占地|用地|土地")
_BUILDING = re.compile(r"建筑|面积|厂房|用房|建设|车间|楼|新建")
_NOT_BUILDING = re.compile(r"占地|用地|土地|绿化|道路")
_MU_PER_HECTARE = 15
_ANNUAL_OUTPUT = re.compile(rf"年产[^的{_CLAUSE_BREAKS}]*")
_FIGURE_CLAUSE_START = "，。；,;：:\n"


def extract_projects(
    headline: str | None,
    body: str,
    kind: str,
    published_on: date | None,
    year: int | None = None,
    stats: list[Statistic] | None = None,
    titled: Sequence[TitledPerson] | None = None,
) -> list[ProjectReport]:
    """Every project one article or photo caption reports, in reading order, each with its own facts.

    ``stats`` is ``extract_statistics(body)`` and ``titled`` is ``find_titled_people(body)`` when the
    caller has them already; otherwise they are found here, once.
    """
    text = to_halfwidth(body)
    people = find_titled_people(text) if titled is None else titled
    projects = _named_projects(body, text, people)
    if not projects:
        if kind not in PROJECT_KINDS:
            return []
        projects = [_Project(name=None, company=None, works=False, spans=[(0, len(text))])]
    elif kind in PROJECT_KINDS and len(projects) == 1:
        projects[0].spans.insert(0, (0, projects[0].spans[0][0]))  # the lead is about the one project
    if stats is None:
        stats = extract_statistics(body)
    reports = []
    for number, project in enumerate(projects):
        report = _report(project, headline if number == 0 else None, body, text, people, stats, published_on, year)
        if report is not None and _reported(report, kind, first=number == 0, listed=project.listed):
            reports.append(report)
    return reports


def extract_project(
    headline: str | None,
    body: str,
    kind: str,
    published_on: date | None,
    year: int | None = None,
    stats: list[Statistic] | None = None,
    titled: Sequence[TitledPerson] | None = None,
) -> ProjectReport | None:
    """The first project one article or caption reports (``extract_projects`` gives them all)."""
    reports = extract_projects(headline, body, kind, published_on, year, stats, titled)
    return reports[0] if reports else None


def _reported(report: ProjectReport, kind: str, first: bool, listed: bool) -> bool:
    """Whether an item reports a project it names.

    A project article reports the first project it names, and any item of a list of projects; a
    caption a named project with a fact about it. Any other project named, in any item, is reported
    only with a figure or a completion of its own (抓项目, 紧盯在建项目 are not projects).
    """
    if kind == "project" and (first or listed):
        return report.project_name is not None or report.company is not None
    if kind == "photo" and first:
        return report.project_name is not None and _states_a_fact(report)
    return report.project_name is not None and any(value is not None for value in (
        report.investment_cny, report.floor_area_m2, report.land_area_mu, report.expected_completion_text,
    ))


@dataclass
class _Project:
    name: str | None  # as printed; None when named only by its company
    company: str | None  # printed inside the name
    works: bool  # a public works (X工程): its company is never guessed from the text around it
    spans: list[tuple[int, int]]  # the stretches of the body that speak of it
    listed: bool = False  # an item of a list of projects (A、B等3个项目)


def _report(
    project: _Project, headline: str | None, body: str, text: str, people: Sequence[TitledPerson],
    stats: list[Statistic], published_on: date | None, year: int | None,
) -> ProjectReport | None:
    """The project's facts, read only from its own stretches of the body."""
    own_body, own_text = _masked(body, project.spans), _masked(text, project.spans)
    own_stats = [s for s in stats if any(a <= s.start < b for a, b in project.spans)]
    name, company = project.name, project.company
    if headline is not None:
        name = _better_headline_name(name, company, headline)
    if company is None:
        company = _investing_company(own_body, own_text, people)
    if company is None and not project.works:
        company = _first_company(own_body, own_text, people)
    if company is None and (name is None or project.name is None and project.company is None):
        return None  # a headline's name alone, with nothing in the body naming it, is no report
    completion_text = _completion_phrase(own_body, own_text)
    return ProjectReport(
        project_name=name,
        company=company,
        location=_location(own_body, own_text, name),
        investment_cny=_investment(own_stats),
        floor_area_m2=_floor_area(own_body, own_stats),
        land_area_mu=_land_area(own_body, own_stats, named_only=project.works),
        annual_output=_annual_output(own_body, own_text, own_stats),
        status=_status(own_body, own_text),
        expected_completion=resolve_completion(completion_text, published_on, year) if completion_text else None,
        expected_completion_text=completion_text,
    )


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with everything outside ``spans`` blanked to line breaks (offsets unchanged)."""
    kept = ["\n"] * len(text)
    for a, b in spans:
        kept[a:b] = text[a:b]
    return "".join(kept)


def resolve_completion(phrase: str, published_on: date | None, year: int | None) -> str | None:
    """``预计明年5月竣工投用`` → ``YYYY-05`` against the publication year; None when it cannot be known."""
    text = to_halfwidth(phrase)
    if not _TIME_RE.search(text):
        return None
    target_year = _completion_year(text, published_on, year)
    if target_year is None:
        return None
    month = _last_month(text)
    if month and (value := parse_number(month.group(1))) and 1 <= value <= 12:
        return f"{target_year}-{int(value):02d}"
    if quarter := _QUARTER.search(text):
        number = int(parse_number(quarter.group("n")))
        if quarter.group("end"):
            return f"{target_year}-{number * _MONTHS_PER_QUARTER:02d}"  # 三季度末: the quarter's last month
        return f"{target_year}-{'H1' if number <= 2 else 'H2'}"  # 四季度: within the second half
    if _SECOND_HALF in text:
        return f"{target_year}-H2"
    if _FIRST_HALF in text:
        return f"{target_year}-H1"
    if "年底" in text or "年末" in text:
        return f"{target_year}-12"
    return str(target_year)


# --- name and company ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Mention:
    start: int  # where the name starts, or the company printed before it
    end: int  # after 项目 / 工程 / 基地
    name: str | None  # as printed; None for a class of projects, or one named only by its company
    company: str | None = None  # printed at the head of the name
    works: bool = False  # a public works (X工程, or an item of a list of projects)
    listed: bool = False  # an item of A、B等3个项目
    tail: tuple[int, int] | None = None  # for a listed item: the rest of the list's clause


def _project_name(body: str, text: str, people: Sequence[TitledPerson]) -> tuple[str | None, str | None]:
    """(name, company printed inside it) of the first specific project the text names."""
    for mention in _mentions(body, text, people):
        if mention.name or mention.company:
            return mention.name, mention.company
    return None, None


def _named_projects(body: str, text: str, people: Sequence[TitledPerson]) -> list[_Project]:
    """The projects the body names, each with the stretches that speak of it: from the clause of one
    mention to the clause of the next mention of another project, or of a class of projects (whose
    totals belong to no one of them)."""
    mentions = _mentions(body, text, people)
    projects: list[_Project] = []
    owners: list[_Project | None] = []
    for mention in mentions:
        owner = None
        if mention.name or mention.company:
            owner = next((p for p in projects if _same_mention(p, mention)), None)
            if owner is None:
                owner = _Project(mention.name, mention.company, mention.works, [], mention.listed)
                projects.append(owner)
        owners.append(owner)
    starts = []
    for i, mention in enumerate(mentions):
        clause_start = max(text.rfind(ch, 0, mention.start) for ch in _CLAUSE_BREAKS) + 1
        starts.append(max(clause_start, mentions[i - 1].end) if i else clause_start)
    for i, owner in enumerate(owners):
        if owner is not None:
            owner.spans.append((starts[i], starts[i + 1] if i + 1 < len(starts) else len(text)))
        if mentions[i].tail is not None:
            owner.spans.append(mentions[i].tail)  # A、B等3个项目也同步开工: the clause's end is each item's
    return projects


def _same_mention(project: _Project, mention: _Mention) -> bool:
    if project.company and mention.company:
        return project.company == mention.company
    if not project.name or not mention.name:
        return False
    a, b = sorted((_SPACES.sub("", project.name), _SPACES.sub("", mention.name)), key=len)
    return b.endswith(a) and len(a) >= _MIN_LISTED_NAME  # 除险加固工程 is 某某水库除险加固工程


def _mentions(body: str, text: str, people: Sequence[TitledPerson]) -> list[_Mention]:
    """Every mention of a project in reading order: specific ones, and classes (name None)."""
    lists = list(_PROJECT_LIST.finditer(text)) if _LIST_COUNT_ONLY.search(text) else []
    found = [item for match in lists for item in _listed(body, text, match)]
    for match in lists:  # what follows the list's sentence is about them all, or about none
        after = _SENTENCE_END.search(text, match.end())
        if after is not None:
            found.append(_Mention(after.end(), after.end(), None))
    for floor, end_words in _end_words_by_run(text):
        for end_word in end_words:
            end, word = end_word.end(), end_word.group()
            if word != _PROJECT_WORD and _NOT_A_NAME_AFTER.match(text, end):
                continue  # 基地项目 is one name; 建设工程有限公司, 总工程师 are none
            mention = _mention(body, text, floor, end, word, people)
            floor = end
            if mention is not None and not any(m.start("items") <= mention.start < m.end() for m in lists):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _end_words_by_run(text: str):
    """(start, its 项目/工程/基地) for each run of name characters that holds one. The words are found in
    one pass over the text, not one per run (most runs hold none); being name characters themselves,
    none straddles two runs."""
    end_words = list(_NAME_END.finditer(text))
    taken = 0
    for run in _NAME_RUN.finditer(text):
        if taken == len(end_words):
            return
        in_run = []
        while taken < len(end_words) and end_words[taken].start() < run.end():
            in_run.append(end_words[taken])
            taken += 1
        if in_run:
            yield run.start(), in_run


def _mention(
    body: str, text: str, floor: int, end: int, word: str, people: Sequence[TitledPerson]
) -> _Mention | None:
    """What one 项目/工程/基地 names: a project, a class of projects (name None), or nothing (None)."""
    stem_end = end - len(word)
    if word != _PROJECT_WORD:
        floor = max(floor, text.rfind(LIST_MARK, floor, stem_end) + 1)  # a works or a base holds no list
    if _COUNT_AFTER.match(text, end) or _COUNT_BEFORE.search(text, floor, stem_end):
        return _Mention(floor, end, None)  # 重点项目118个, 5个重大项目: a class, with its totals
    last_company = None
    for last_company in _COMPANY_END.finditer(text, floor, stem_end):
        pass
    start = _cut_name_framing(text, floor, stem_end, last_company)
    company, name_start = _company_inside(body, text, start, stem_end, people)
    stem = text[name_start:stem_end]
    if word == _PROJECT_WORD and _PROJECT_POST.match(text, end) and (
        not stem or _ORGANISATION_END.search(stem)
    ):
        return None  # X有限公司项目经理, 区发改委项目科科长: a post, not a project
    clause_start = max(text.rfind(ch, 0, start) for ch in _CLAUSE_BREAKS) + 1
    before = text[clause_start:start]
    if company and not stem:
        return _Mention(start, end, None, company) if word == _PROJECT_WORD else None  # X有限公司项目
    if _is_generic(stem) or _CLASS_IN_CLAUSE.search(before):
        return None
    if word == _WORKS_WORD and (not _WORKS_HEAD.search(stem) or _ENUMERATION.search(stem)):
        return None
    if word == _BASE_WORD and (
        not _BASE_HEAD.search(stem) or _GOAL_IN_CLAUSE.search(before)
        or text[end:end + 1] in (LIST_MARK, "等") or text[floor - 1:floor] == LIST_MARK
    ):
        return None
    return _Mention(start, end, body[name_start:end], company, word == _WORKS_WORD)


def _listed(body: str, text: str, match: re.Match) -> list[_Mention]:
    """The items of ``A、B、C等3个项目``, each a project of its own."""
    items, offset = [], match.start("items")
    clause_end = _CLAUSE_END.search(text, match.end())
    tail = (match.end(), clause_end.start() if clause_end else len(text))
    for item in match.group("items").split(LIST_MARK):
        start, stop = offset, offset + len(item)
        offset = stop + len(LIST_MARK)
        frame = None
        for frame in _LIST_ITEM_FRAME.finditer(text, start, stop):
            pass
        if frame is not None:
            start = frame.end()
        start = _cut_name_framing(text, start, stop)
        if stop - start >= _MIN_LISTED_NAME:
            items.append(_Mention(start, stop, body[start:stop], works=True, listed=True, tail=tail))
    return items


def _cut_name_framing(text: str, start: int, end: int, company: re.Match | None = None) -> int:
    """Where a name starts after its framing; never inside the company ``company`` (its 有限公司)
    ends: 运维服务有限公司 keeps its 服务."""
    for frame in _NAME_FRAME.finditer(text, start, end):
        if company is not None and company.start() - _MIN_COMPANY_STEM < frame.end() <= company.end():
            continue
        start = frame.end()
    start = _DATE_BEFORE_A_NAME.match(text, start, end).end()
    if (area := _OWN_AREA_BEFORE_A_NAME.match(text, start, end)) and end - area.end() >= 2:
        start = area.end()
    if (prep := _LEADING_PREPOSITION.match(text, start, end)) and end - prep.end() >= 2:
        start = prep.end()
    return start


def _is_generic(stem: str) -> bool:
    return (len(stem) < 2 or "等" in stem or bool(_GENERIC_NAME_END.search(stem))
            or bool(_GENERIC_NAME_START.match(stem)) or bool(_PHASE_ONLY.fullmatch(stem)))


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
    """``高新区`` → ``东塘国家高新区`` when the fuller name is printed elsewhere in the body."""
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


def _land_area(body: str, stats: list[Statistic], named_only: bool = False) -> float | None:
    """亩 (公顷 × 15), 占地/用地 first; a works' 亩 are land it serves (1.6万亩农田) unless named so."""
    land = [(s, s.value) for s in stats if s.unit == "亩"]
    land += [(s, s.value * _MU_PER_HECTARE) for s in stats
             if s.unit == "公顷" and _LAND_FIRST.search(_context(body, s))]
    named = [value for s, value in land if _LAND_FIRST.search(_context(body, s))]
    return (named or ([] if named_only else [value for _, value in land]) or [None])[0]


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
        if _FUTURE.search(clause.group()) or not _ANY_STAGE.search(clause.group()):
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
    if not _COMPLETION_VERB_RE.search(text):
        return None
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
    end_month = _period_end_month(text)
    if end_month and published_on and end_month < published_on.month:
        return base + 1  # 预计3月竣工 or 预计上半年建成 printed in October: a forecast points ahead
    return base


def _period_end_month(text: str) -> float | None:
    """The last month of the period a phrase names without a year: its month, quarter or half."""
    if month := _last_month(text):
        return parse_number(month.group(1))
    if quarter := _QUARTER.search(text):
        return parse_number(quarter.group("n")) * _MONTHS_PER_QUARTER
    if _FIRST_HALF in text:
        return _LAST_MONTH_OF_FIRST_HALF
    return None


def _last_month(text: str) -> re.Match | None:
    """The month of a phrase; of a range (10月底到11月份), the later end."""
    last = None
    for last in _MONTH.finditer(text):
        pass
    return last


def _states_a_fact(report: ProjectReport) -> bool:
    return any(value is not None for value in (
        report.investment_cny, report.floor_area_m2, report.land_area_mu, report.annual_output,
        report.status, report.expected_completion_text,
    ))


__all__ = ["PROJECT_KINDS", "ProjectReport", "extract_project", "extract_projects", "resolve_completion"]
