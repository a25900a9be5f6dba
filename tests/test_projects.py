"""extract_project, resolve_completion and same_project on real and hostile text.

Tables, price-parser style:
- SEEDS_DEVELOPMENT: articles and captions from the five seed issues (000-002 have gold, 003-004
  judged by eye); the rules were developed on them.
- NOT_PROJECTS: items that name firms, parks or projects without reporting one.
- WRITTEN_TO_BREAK: text written to break a rule (a titled person before a company, a contractor,
  money that is not an investment, land printed in 平方米 or 公顷, future and past stages,
  a headline naming something else). Names in it are invented.
A row lists only the fields it checks; every other field is not checked.
The last test reads the gold issues the way the warehouse scorer does.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from gazette_text.issue import read_issue
from gazette_text.project_merge import merge_reports, same_project
from gazette_text.projects import ProjectReport, extract_project, resolve_completion
from helpers import find_gold_article, norm as _norm

AUTUMN_2024 = date(2024, 10, 16)


@dataclass(frozen=True)
class Example:
    body: str
    expected: dict  # field -> value; the fields not named are not checked
    kind: str = "photo"
    headline: str | None = None
    published_on: date | None = None
    year: int | None = None
    note: str = field(default="", compare=False)


SEEDS_DEVELOPMENT = [
    Example(  # 000-2: a signing; the company is named beside a titled person, then on its own
        "本报讯（记者 张可馨）昨天上午，重组蛋白组织再生科技项目签约落地常州西太湖科技产业园，将在西太湖从事"
        "医美类医疗器械的注册、生产和销售。\n\n签约仪式前，副市长蒋鹏举与艾铂美生物技术（上海）有限公司创始人兼"
        "董事长付彦围绕产业前景、科技创新、人才培养等方面进行了座谈交流。\n\n艾铂美生物技术（上海）有限公司以合成"
        "生物科技为驱动。当前，武进已集聚艾斯康、创健生物、智态生创、天地人和等合成生物相关企业20余家。",
        dict(project_name="重组蛋白组织再生科技项目", company="艾铂美生物技术（上海）有限公司",
             location="常州西太湖科技产业园", status="签约落地", investment_cny=None,
             land_area_mu=None, floor_area_m2=None, expected_completion=None),
        kind="project", headline="重组蛋白组织 再生科技项目 落地西太湖", published_on=AUTUMN_2024,
    ),
    Example(  # 000-4: publication date unknown, so 明年 stays unresolved
        "礼嘉振兴产业园一期项目建筑总面积10.8万平方米，建设20栋厂房，目前4栋厂房已封顶，预计明年5月竣工投用。"
        "项目建成后，将重点引进“专精特新”、高新技术企业，促进礼嘉工业经济高质量发展。图为项目航拍。",
        dict(project_name="礼嘉振兴产业园一期项目", company=None, floor_area_m2=108_000, land_area_mu=None,
             status="已封顶", expected_completion=None, expected_completion_text="预计明年5月竣工投用"),
    ),
    Example(  # 000-4 again, had the issue's date been known
        "礼嘉振兴产业园一期项目建筑总面积10.8万平方米，建设20栋厂房，目前4栋厂房已封顶，预计明年5月竣工投用。",
        dict(expected_completion="2025-05"),
        published_on=AUTUMN_2024,
    ),
    Example(  # 001-3: the body names the project by its company, the headline abbreviates it
        "本报讯 (记者 朱梦琪) 创新领先一步, 产业领先一路。10月12日, 苏州丝波敦生物科技有限公司项目正式签约落地"
        "常州西太湖科技产业园, 后期将在西太湖实现科技产业化, 一期量产预计实现年产300万支(片)丝心蛋白系列医疗器械"
        "产品, 加速武进“颜值经济”发展。\n\n副市长蒋鹏举, 区委副书记、区长恽淇丞, 区领导徐俊、王斐见证签约仪式。"
        "\n\n作为常州合成生物三大板块之一, 武进落地了一批技术含量高、带动能力强的优质项目。",
        dict(project_name="苏州丝波敦项目", company="苏州丝波敦生物科技有限公司",
             location="常州西太湖科技产业园", status="签约落地",
             annual_output="年产300万支(片)丝心蛋白系列医疗器械产品", expected_completion=None),
        kind="project", headline="苏州丝波敦项目签约落地西太湖", published_on=date(2024, 10, 13),
    ),
    Example(  # 002-4: generic mentions first (重大项目, 市重大项目), 高新区 widened, sales are no investment
        "本报讯(记者 史莲寅)在新一轮产业竞争中,武进国家高新区抢抓机遇,加快合成生物重大项目招商引资建设。近日,"
        "位于高新区的市重大项目——昱坤高端生物医用植入项目取得新进展,正式介入内部装修和设备安装阶段。\n\n"
        "常州昱坤材料生物有限公司是一家从事生物材料研发生产的初创新型科技企业。新项目总投资3亿元,拟建设生产车间、"
        "研发车间、办公楼等建筑约3.1万平方米,达产后将形成年产25万套生物陶瓷人工关节的产能,预计实现年销售收入5亿元。"
        "\n\n“预计明年4月完成ISO标准认定。”宋庆荣信心满满。",
        dict(project_name="昱坤高端生物医用植入项目", company="常州昱坤材料生物有限公司",
             location="武进国家高新区", investment_cny=300_000_000, floor_area_m2=31_000, land_area_mu=None,
             annual_output="年产25万套生物陶瓷人工关节", status="正式介入内部装修和设备安装阶段",
             expected_completion=None, expected_completion_text=None),
        kind="project", headline="力争实现生物陶瓷关节国产替代 昱坤生物新项目取得重要进展",
    ),
    Example(  # 002-5: company printed inside the name; 年销售收入 is no investment
        "区重点项目常州中联航空科技有限公司无人机及其零部件生产项目,占地面积约24亩,目前主体建筑基本完工,"
        "预计明年正式投产。达产后,可形成年产中大型无人机70架、无人机零部件70套的生产规模,实现年销售收入2.5亿元。"
        "图为项目航拍。",
        dict(project_name="无人机及其零部件生产项目", company="常州中联航空科技有限公司", location=None,
             land_area_mu=24, investment_cny=None, status="主体建筑基本完工",
             annual_output="年产中大型无人机70架、无人机零部件70套",
             expected_completion=None, expected_completion_text="预计明年正式投产"),
    ),
    Example(  # 002-5 with the issue's date: 明年 -> the next year
        "区重点项目常州中联航空科技有限公司无人机及其零部件生产项目,占地面积约24亩,目前主体建筑基本完工,"
        "预计明年正式投产。",
        dict(expected_completion="2024"),
        published_on=date(2023, 12, 25),
    ),
    Example(  # 003-5: 由X投资; the floor area's subject is the last item of a list; only a year known
        "位于常州西太湖科技产业园的区重点项目——智能化余热回收利用系统、特种化工设备、环保设备制造项目,"
        "由江苏铂睿节能环保设备有限公司投资5亿元建设,用地63亩,规划建设生产车间、科研楼、办公楼等6.3万平方米。"
        "目前主体建筑正在施工,预计下半年建成,达产后年产值将达4.2亿元。",
        dict(project_name="智能化余热回收利用系统、特种化工设备、环保设备制造项目",
             company="江苏铂睿节能环保设备有限公司", location="常州西太湖科技产业园",
             investment_cny=500_000_000, land_area_mu=63, floor_area_m2=63_000,
             annual_output="年产值将达4.2亿元", status="主体建筑正在施工",
             expected_completion="2024-H2", expected_completion_text="预计下半年建成"),
        year=2024,
    ),
    Example(  # 004-4: an explicit year needs no publication date
        "常州新泉志和汽车外饰系统有限公司饰件系统智能制造基地项目是市重大项目，位于武进国家高新区，占地约73亩，"
        "拟新建厂房和配套用房约4.2万平方米，建成后主要生产汽车饰件产品。目前，项目正在进行厂房主体施工，"
        "预计2026年6月竣工投产。",
        dict(project_name="饰件系统智能制造基地项目", company="常州新泉志和汽车外饰系统有限公司",
             location="武进国家高新区", land_area_mu=73, floor_area_m2=42_000, investment_cny=None,
             status="正在进行厂房主体施工", expected_completion="2026-06",
             expected_completion_text="预计2026年6月竣工投产"),
    ),
]

NOT_PROJECTS = [
    Example(  # 001-2: a visit to firms is no project, whatever the text says
        "本报讯 (记者 吴梦婷) 10月12日, 考察团先后前往理想汽车常州智能制造基地、万帮数字能源股份有限公司参观交流。",
        {}, kind="visit",
    ),
    Example(  # 000-3: a meeting where a firm speaks
        "会上，武进国家高新区、湖塘镇、莱蒙城物业、江苏小牛电动科技有限公司分别针对当前开展的重点工作进行了交流发言。",
        {}, kind="meeting",
    ),
    Example(  # 003-1: an inspection of a factory
        "乔俊杰一行首先来到位于湖塘镇的常州市大明纸管机械有限公司，深入厂区内进行全面检查。",
        {}, kind="inspection",
    ),
    Example("图为某某精密机械有限公司生产车间内，工人正在赶制订单。", {}),  # a factory, no project
    Example("图为区重点项目建设现场。", {}),  # only a generic project
    Example(  # a batch of projects signed together: firms listed in passing, no one project
        "本报讯（记者 张三）昨天，我区12个重大项目集中签约，甲乙科技有限公司、丙丁材料有限公司等企业代表参加活动。",
        {}, kind="project",
    ),
    Example("图为东方新材项目。", {}),  # a named project without any fact about it
]

WRITTEN_TO_BREAK = [
    Example(  # a single mention after a titled person and 与; 和 inside the company's own name
        "本报讯（记者 张三）昨天，新能源电池材料项目签约落户某某经济开发区。副市长王明与江苏和丰新材料有限公司"
        "董事长李强签约。",
        dict(project_name="新能源电池材料项目", company="江苏和丰新材料有限公司", location="某某经济开发区",
             status="签约落户"),
        kind="project",
    ),
    Example(  # the contractor is not the project's company; money spent so far is no investment
        "东方新材项目由东方新材料科技有限公司投资建设，某某建设工程有限公司承建，累计完成投资2亿元，"
        "占地8公顷，目前已封顶。",
        dict(company="东方新材料科技有限公司", investment_cny=None, land_area_mu=120, status="已封顶"),
    ),
    Example(  # the contractor named first
        "图为某某建设工程有限公司承建的东方新材项目施工现场，项目总投资1.5亿元。",
        dict(company=None, investment_cny=150_000_000, project_name="东方新材项目"),
    ),
    Example(  # dollars are not yuan; land printed in 平方米 is no floor area
        "蓝海智能装备项目总投资1.5亿美元，占地面积2万平方米，建筑面积3.5万平方米，计划年底开工。",
        dict(investment_cny=None, floor_area_m2=35_000, land_area_mu=None, status=None,
             expected_completion_text=None),
    ),
    Example(  # full-width digits; 年底 is December
        "蓝海智能装备项目总投资３亿元，力争2025年底建成投产。",
        dict(investment_cny=300_000_000, expected_completion="2025-12",
             expected_completion_text="力争2025年底建成投产"),
    ),
    Example(  # a past completion is a stage, not an expectation; the date is not a count
        "蓝海智能装备项目已于2023年6月竣工，目前正在进行设备安装调试。",
        dict(status="正在进行设备安装调试", expected_completion=None, expected_completion_text=None),
    ),
    Example(  # a headline about something else does not rename a project known by its company
        "本报讯（记者 张三）昨天，甲乙新材料有限公司项目正式签约。",
        dict(project_name="甲乙新材料有限公司项目", company="甲乙新材料有限公司", status="签约"),
        kind="project", headline="我区再添发展新动能",
    ),
    Example(  # a month without a year, printed later in the year, points to the next year
        "蓝海智能装备项目主体已封顶，预计3月竣工投用。",
        dict(expected_completion="2025-03", status="主体已封顶"),
        published_on=AUTUMN_2024,
    ),
    Example(  # a framing verb (服务) inside the company's name printed before the project's
        "3月5日，南坪智慧服务有限公司数据中心项目开工，总投资6亿元。",
        dict(project_name="数据中心项目", company="南坪智慧服务有限公司", investment_cny=600_000_000),
        kind="project",
    ),
    Example(  # 项目经理 after a company is a post there, not a project named by the company
        "东岭新材料项目总投资4亿元。东岭新材料科技有限公司项目经理 某某：整个项目计划在明年年底投入运营。",
        dict(project_name="东岭新材料项目", company="东岭新材料科技有限公司", expected_completion="2025-12"),
        kind="project", published_on=AUTUMN_2024,
    ),
]


def _check(example: Example) -> None:
    report = extract_project(example.headline, example.body, example.kind, example.published_on, example.year)
    assert report is not None
    for name, want in example.expected.items():
        assert getattr(report, name) == want, name


@pytest.mark.parametrize("example", SEEDS_DEVELOPMENT + WRITTEN_TO_BREAK, ids=lambda e: e.body[:14])
def test_extracts_project(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", NOT_PROJECTS, ids=lambda e: e.body[:14])
def test_not_a_project(example: Example) -> None:
    assert extract_project(example.headline, example.body, example.kind, example.published_on) is None


# --- resolve_completion -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, published_on, year, expected",
    [
        ("预计明年5月竣工投用", date(2024, 10, 16), None, "2025-05"),
        ("预计明年5月竣工投用", None, 2024, "2025-05"),
        ("预计2026年6月竣工投产", None, None, "2026-06"),
        ("预计2026年6月竣工投产", date(2024, 1, 30), None, "2026-06"),
        ("预计二〇二六年六月竣工", None, None, "2026-06"),
        ("预计下半年建成", date(2024, 3, 1), None, "2024-H2"),
        ("预计今年下半年建成", None, 2023, "2023-H2"),
        ("预计明年正式投产", date(2023, 12, 25), None, "2024"),
        ("力争明年年底竣工", date(2023, 12, 25), None, "2024-12"),
        ("预计后年投产", None, 2024, "2026"),
        ("预计明年上半年投产", date(2024, 10, 16), None, "2025-H1"),
        ("预计3月竣工", date(2024, 10, 16), None, "2025-03"),  # a forecast points ahead
        ("预计11月竣工", date(2024, 10, 16), None, "2024-11"),
        ("确保今年5月竣工", date(2024, 10, 16), None, "2024-05"),  # 今年 printed: no shift
        ("力争明年内建成", None, 2024, "2025"),
        ("预计明年年底投入运营", date(2024, 12, 5), None, "2025-12"),
        ("预计年底前建成", None, 2024, "2024-12"),
        ("预计上半年投产", date(2024, 10, 16), None, "2025-H1"),  # the half has passed: a forecast points ahead
        ("预计上半年投产", date(2024, 6, 16), None, "2024-H1"),
        ("预计今年上半年投产", date(2024, 10, 16), None, "2024-H1"),  # 今年 printed: no shift
        ("预计第四季度建成", date(2024, 3, 1), None, "2024-H2"),
        ("预计二季度末竣工", date(2024, 3, 1), None, "2024-06"),
        ("预计一季度末竣工", date(2024, 10, 16), None, "2025-03"),
        # relative, and neither a date nor a year: never guess
        ("预计明年5月竣工投用", None, None, None),
        ("预计下半年建成", None, None, None),
        ("预计明年正式投产", None, None, None),
        ("预计竣工", date(2024, 10, 16), None, None),
    ],
)
def test_resolve_completion(phrase, published_on, year, expected) -> None:
    assert resolve_completion(phrase, published_on, year) == expected


# --- one project across issues ------------------------------------------------------------------

def _report(**values) -> ProjectReport:
    blank = dict.fromkeys(ProjectReport.__dataclass_fields__)
    return ProjectReport(**{**blank, **values})


SIGNED = _report(project_name="丝路新材项目", company="丝路新材科技（常州）有限公司",
                 location="某某科技产业园", status="签约落地")
BUILDING = _report(project_name="高性能纤维材料生产项目", company="丝路新材科技(常州)有限公司",
                   floor_area_m2=42_000, status="主体建筑正在施工", expected_completion="2026-06")


def test_same_company_is_one_project_whatever_the_name() -> None:
    assert same_project(SIGNED, BUILDING)


def test_a_merged_project_keeps_the_latest_stage_and_every_fact() -> None:
    merged = merge_reports(SIGNED, BUILDING)
    assert merged.status == "主体建筑正在施工"
    assert merged.floor_area_m2 == 42_000
    assert merged.location == "某某科技产业园"  # printed only at the signing
    assert merged.project_name == "高性能纤维材料生产项目"


def test_merging_keeps_the_full_legal_name() -> None:
    shortened = _report(company="丝路新材有限公司", status="已封顶")
    full = _report(company="丝路新材科技（常州）有限公司")
    assert merge_reports(full, shortened).company == "丝路新材科技（常州）有限公司"


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (_report(project_name="礼嘉某某产业园一期项目"), _report(project_name="礼嘉某某产业园项目"), True),
        (_report(project_name="礼嘉某某产业园一期项目"), _report(project_name="礼嘉 某某产业园一期"), True),
        (_report(project_name="礼嘉某某产业园一期项目"), _report(project_name="礼嘉某某产业园二期项目"), False),
        (_report(project_name="丝路新材项目"), _report(company="丝路新材科技有限公司"), True),
        (_report(project_name="无人机生产项目", company="甲航空科技有限公司"),
         _report(project_name="无人机生产项目", company="乙航空科技有限公司"), False),
        (_report(project_name="无人机生产项目"), _report(project_name="无人机零部件项目"), False),
        (_report(company="甲航空科技有限公司"), _report(project_name="无人机生产项目"), False),
    ],
)
def test_same_project(a: ProjectReport, b: ProjectReport, expected: bool) -> None:
    assert same_project(a, b) is expected
    assert same_project(b, a) is expected


# --- the gold, read like /work/shared/tools/score_gold.py ---------------------------------------

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"


def _gold_article(articles, gold_article):
    article = find_gold_article(articles, gold_article)
    assert article is not None, f"no article matches gold {gold_article['key']}"
    return article


@pytest.mark.parametrize("gold_path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem[:3])
def test_gold_projects(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = ROOT / "seeds" / f"{gold['issue']}.txt"
    issue = read_issue(source.name, source.read_text(encoding="utf-8"))
    pub = issue.publication
    found = {a.seq: extract_project(a.headline, a.body, a.kind, pub.published_on, pub.year) for a in issue.articles}
    by_key = {ga["key"]: _gold_article(issue.articles, ga).seq for ga in gold["articles"]}
    wanted = {by_key[gp["article"]]: gp for gp in gold["projects"]}
    assert {seq for seq, report in found.items() if report} == set(wanted)
    for seq, gp in wanted.items():
        report = found[seq]
        if gp["company"]:
            assert _norm(report.company) == _norm(gp["company"])
        for name in ("investment_cny", "floor_area_m2", "land_area_mu"):
            if gp[name] is not None:
                assert getattr(report, name) == pytest.approx(gp[name], rel=1e-6), name
        if gp["expected_completion"] and (pub.published_on is not None or gp["expected_completion"] == "2026-06"):
            assert (report.expected_completion or "").startswith(gp["expected_completion"])
