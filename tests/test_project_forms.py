"""Project forms of other papers (issue "Any page, any paper", item 5), on invented text.

Every place, firm and figure below is made up; the forms are those CONVENTIONS.md lists under
Projects: several projects in one article, works projects with volumes and no company, completion
phrases, a company named only in a speaker's caption or under two legal forms.
"""
from __future__ import annotations

from datetime import date

import pytest

from gazette_text.project_merge import merge_reports, same_project
from gazette_text.projects import ProjectReport, extract_project, extract_projects

SPRING_2025 = date(2025, 3, 20)


def _by_name(reports: list[ProjectReport]) -> dict[str, ProjectReport]:
    return {r.project_name: r for r in reports}


# --- several projects in one article --------------------------------------------------------------

SIGNING_OF_FOUR = (
    "本报讯（记者 甲乙）3月18日上午，北泽县一季度重大项目集中开工仪式举行。此次集中开工的重大项目共4个，"
    "总投资30.5亿元。\n\n其中，位于北泽高新区的蓝岩光电科技有限公司年产200万片光学镜片项目总投资12亿元，"
    "用地约90亩，新建厂房8万平方米；北泽物流港二期项目由北泽远通供应链有限公司投资建设，总投资5亿元，"
    "建设仓储及配套用房约3.5万平方米，预计明年6月建成投运。此外，县妇幼保健院迁建工程、东环路快速化改造工程"
    "等2个项目也同步开工建设。\n\n县委书记丙丁宣布项目开工。今年全县计划实施重点项目86个，总投资420亿元。"
)


def test_each_project_of_a_batch_keeps_only_its_own_figures() -> None:
    found = _by_name(extract_projects("北泽县4个重大项目集中开工", SIGNING_OF_FOUR, "project", SPRING_2025))
    lens = found["年产200万片光学镜片项目"]
    assert lens.company == "蓝岩光电科技有限公司"
    assert (lens.investment_cny, lens.land_area_mu, lens.floor_area_m2) == (1.2e9, 90, 80_000)
    assert lens.expected_completion is None  # the completion printed next is the other project's
    port = found["北泽物流港二期项目"]
    assert port.company == "北泽远通供应链有限公司"
    assert (port.investment_cny, port.floor_area_m2, port.land_area_mu) == (5e8, 35_000, None)
    assert port.expected_completion == "2026-06"
    for listed in ("县妇幼保健院迁建工程", "东环路快速化改造工程"):  # named in a list, no figures
        assert found[listed].investment_cny is None and found[listed].company is None
    assert len(found) == 4  # the totals (共4个, 重点项目86个) are no project's


def test_a_later_project_without_a_company_takes_neither_money_nor_company() -> None:
    body = ("云峰茶旅综合体项目由云峰文旅发展有限公司投资建设，总投资3亿元，预计2026年6月建成运营。"
            "与之配套的云峰乡茶叶加工厂项目总投资4800万元，已于去年8月投用。")
    first, second = extract_projects(None, body, "project", SPRING_2025)
    assert (first.investment_cny, first.expected_completion) == (3e8, "2026-06")
    assert second.project_name == "云峰乡茶叶加工厂项目"
    assert (second.investment_cny, second.company, second.expected_completion) == (4.8e7, None, None)


# --- works projects -----------------------------------------------------------------------------

def test_an_inspected_works_has_its_volumes_and_no_company() -> None:
    body = ("本报讯 3月10日，副县长某某调研白沙河综合治理工程。在南岭机械有限公司，某某了解企业生产情况。"
            "\n\n白沙河综合治理工程全长8.2公里，总投资2.6亿元，已完成清淤土方约15万立方米，"
            "确保本月底完成主体清淤、6月底前全面完工。沿线3.2万亩农田将因此受益。")
    (works,) = extract_projects("某某调研白沙河综合治理工程", body, "inspection", SPRING_2025)
    assert works.project_name == "白沙河综合治理工程"
    assert (works.company, works.investment_cny, works.land_area_mu) == (None, 2.6e8, None)
    assert works.expected_completion == "2025-06"


def test_a_class_of_works_lends_its_totals_to_no_works() -> None:
    body = ("在石桥镇石桥河清淤疏浚工程现场，挖掘机来回作业。今冬明春，全区计划实施各类水利工程项目31个，"
            "总投资5.1亿元。石桥河清淤疏浚工程是其中的重点项目之一，清淤土方约9万立方米，计划明年1月底前完工。")
    (works,) = extract_projects(None, body, "event", date(2024, 12, 5))
    assert works.investment_cny is None
    assert works.expected_completion == "2025-01"


# --- completion forms ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "clause, published_on, expected",
    [
        ("一期工程预计明年四月份建成投产", date(2025, 3, 12), "2026-04"),  # the first phase's
        ("计划三月底之前完成装修并投入试生产", date(2025, 2, 7), "2025-03"),
        ("预计上半年竣工投产", date(2025, 3, 12), "2025-H1"),
        ("全线有望在10月底到11月份具备通车条件", date(2023, 10, 9), "2023-11"),  # the later end
        ("预计10月底到11月份全部完成", date(2025, 8, 21), "2025-11"),
        ("预计2026年6月建成运营", None, "2026-06"),
        ("已于去年8月投用", date(2025, 8, 21), None),  # already past
        ("确保本月底完成主体工程", date(2025, 3, 12), None),  # one task, not the project
        ("整个项目计划在明年年底投入运营", date(2024, 12, 5), "2025-12"),
        ("预计年底前建成投用", date(2025, 3, 12), "2025-12"),
        ("力争今年年底前全面建成", date(2025, 3, 12), "2025-12"),
        ("预计上半年建成投用", date(2024, 11, 20), "2025-H1"),  # printed in the second half: ahead
        ("预计四季度建成投产", date(2025, 3, 12), "2025-H2"),  # a quarter lies within a half year
        ("预计明年三季度末竣工", date(2025, 3, 12), "2026-09"),  # its end is a month
        ("计划2026年第一季度投入使用", None, "2026-H1"),
        ("预计一季度建成", date(2024, 10, 9), "2025-H1"),  # a past quarter points ahead too
    ],
)
def test_completion_forms(clause: str, published_on: date | None, expected: str | None) -> None:
    report = extract_project(None, f"北湖智能装备项目总投资5亿元，{clause}。", "project", published_on)
    assert report.expected_completion == expected


# --- companies ----------------------------------------------------------------------------------

def test_a_company_named_only_in_a_speaker_caption() -> None:
    body = ("走进位于东湾临港产业园的远帆游艇智能制造基地，焊接机器人往来穿梭。这个项目总投资将近4亿元，"
            "去年6月开工建设，目前一期厂房已经投入使用。\n\n远帆游艇制造股份有限公司总经理 某某：我们的订单已经排到了明年。")
    (base,) = extract_projects("东湾区：向海图强", body, "event", date(2024, 5, 28))
    assert base.project_name == "远帆游艇智能制造基地"
    assert base.company == "远帆游艇制造股份有限公司"
    assert base.investment_cny == 4e8


TV_SCRIPT = (  # a district TV script: the company is named only in a speaker caption with a post at it
    "在西岭港物流园，冷链仓储基地项目建设现场，工人们正在进行主体施工。这个项目总投资将近3亿元，"
    "建成后将服务周边农产品流通。\n\n西岭冷链物流服务有限公司项目经理 某某：目前主体已经完成了60%多，"
    "整个项目计划在明年年底投入运营。\n\n区商务局项目科科长 某某 这个项目是我们今年引进的投资额最大的"
    "单体项目，下一步将全力做好要素保障，确保项目按期建成。"
)


def test_a_project_post_in_a_speaker_caption_names_the_company_not_a_project() -> None:
    (base,) = extract_projects("西岭冷链仓储基地项目加快建设", TV_SCRIPT, "project", date(2024, 12, 5))
    assert base.project_name == "冷链仓储基地项目"
    assert base.company == "西岭冷链物流服务有限公司"  # its 服务 is no framing verb inside the name
    assert base.investment_cny == 3e8
    assert (base.expected_completion, base.expected_completion_text) == ("2025-12", "计划在明年年底投入运营")


def test_a_post_after_a_project_name_keeps_the_project() -> None:
    body = "北湖大桥项目负责人介绍，项目总投资2亿元，预计明年6月建成通车。"
    (bridge,) = extract_projects(None, body, "project", date(2024, 12, 5))
    assert (bridge.project_name, bridge.expected_completion) == ("北湖大桥项目", "2025-06")


def test_one_company_under_two_legal_forms_is_one_project() -> None:
    blank = dict.fromkeys(ProjectReport.__dataclass_fields__)
    earlier = ProjectReport(**{**blank, "company": "远帆游艇制造股份有限公司", "investment_cny": 4e8})
    later = ProjectReport(**{**blank, "company": "远帆游艇制造有限公司", "status": "已投产"})
    assert same_project(earlier, later)
    assert merge_reports(earlier, later).company == "远帆游艇制造股份有限公司"
    other = ProjectReport(**{**blank, "company": "远帆游艇销售有限公司"})
    assert not same_project(earlier, other)


# --- mentions that are no project ---------------------------------------------------------------

@pytest.mark.parametrize(
    "body, kind",
    [
        ("全区“项目攻坚年”动员大会召开，动员全区上下以更大力度抓项目、扩投资。全年实施重点项目98个，总投资210亿元。",
         "meeting"),
        ("我们有信心把项目建成全国一流的新材料生产基地。", "event"),
        ("新建展示馆、精品民宿、研学基地等建筑约2万平方米。", "event"),
        ("生态环境保护是一项系统性工程，总投资不是唯一标准。", "meeting"),
        ("要紧盯在建项目抓进度、紧盯签约项目抓落地，全力为项目建设提供保障。", "meeting"),
        ("某某来到南山水库，察看泄洪设施及除险加固工程施工情况。", "inspection"),
    ],
)
def test_mentions_that_report_no_project(body: str, kind: str) -> None:
    assert extract_projects(None, body, kind, SPRING_2025) == []
