"""projects_of finds a report's project through ProjectIndex: the same projects as comparing each
report with every project so far (the reference below), in near-linear time. Every name is invented."""
from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import fields
from datetime import date, timedelta

from gazette_pipeline.assets.projects import _Cluster, _facts, _oldest_first, projects_of
from gazette_pipeline.rows import ProjectReportRow
from gazette_text.project_merge import ProjectIndex, _abbreviates, merge_reports, same_project
from gazette_text.projects import ProjectReport

CASES = 600
SEED = 20261123


def reference_projects_of(reports, reasons: Counter | None = None):
    """The linear scan projects_of replaced: each report against every cluster so far, first match."""
    clusters: list[_Cluster] = []
    for report in sorted(reports, key=_oldest_first):
        facts = _facts(report)
        matches = [c for c in clusters if same_project(c.facts, facts)]
        if reasons is not None:
            _tally(reasons, matches, facts)
        if not matches:
            clusters.append(_Cluster.of_report(report, facts, len(clusters)))
        else:
            cluster = matches[0]
            cluster.add(report, merge_reports(cluster.facts, facts))
    return [c.row() for c in clusters]


def _tally(reasons: Counter, matches: list[_Cluster], facts: ProjectReport) -> None:
    # what the generated cases exercise, so a generator change cannot quietly stop covering a branch
    if len(matches) > 1:
        reasons["several projects match: the earliest wins"] += 1
    for cluster in matches[:1]:
        a = cluster.facts
        if a.company and facts.company:
            reasons["company" if a.company == facts.company else "company printed differently"] += 1
        elif _abbreviates(a.project_name, facts.company) or _abbreviates(facts.project_name, a.company):
            reasons["abbreviation"] += 1
        else:
            reasons["name"] += 1
        if bool(a.company) != bool(facts.company):
            reasons["with and without a company"] += 1


# --- generated archives ---------------------------------------------------------------------------

# Few stems, so reports collide; 青石新材 abbreviates 青石新材料…, 石岭湾 is just long enough to, 云杉 too short.
_STEMS = ["青石新材", "青石新材料", "石岭湾", "石岭湾陶瓷", "云杉", "云杉生物", "江岸智能", "江岸智能装备", "ＡＢ光电", "AB光电", "北坡"]
_COMPANY_FORMS = ["{}有限公司", "{}股份有限公司", "{}科技有限公司", "{}科技股份有限公司", "{}（南塘）有限公司",
                  "{}(南塘)有限公司", "{} 科技有限公司", "{}有限责任公司", "{}股份有限责任公司"]
_NAME_FORMS = ["{}项目", "{}一期项目", "{}首期工程", "{}二期项目", "{}", "{} 项目", "{}产业园项目", "{}工程"]
_GENERIC_NAMES = ["智能制造产业园项目", "智能制造产业园一期", "项目", "工程", "新材料基地项目"]
_STATUSES = ["洽谈中", "签约落地", "开工", "已封顶", "竣工投产", None]


def _maybe(rng: random.Random, value, p_missing: float):
    return rng.choice([None, ""]) if rng.random() < p_missing else value


def _company(rng: random.Random) -> str | None:
    return _maybe(rng, rng.choice(_COMPANY_FORMS).format(rng.choice(_STEMS)), 0.4)


def _name(rng: random.Random) -> str | None:
    name = (rng.choice(_GENERIC_NAMES) if rng.random() < 0.2
            else rng.choice(_NAME_FORMS).format(rng.choice(_STEMS)))
    return _maybe(rng, name, 0.3)


def _generated_report(rng: random.Random, number: int) -> ProjectReportRow:
    published_on = None if rng.random() < 0.15 else date(2024, 1, 1) + timedelta(days=rng.randrange(60))
    return ProjectReportRow(
        report_id=f"{rng.randrange(10_000):04d}-{number:03d}-p1", issue_id="issue", article_id=f"a{number % 7}",
        project_name=_name(rng), company=_company(rng), location=_maybe(rng, "南塘产业园", 0.5),
        investment_cny=_maybe(rng, float(rng.randrange(1, 9)) * 1e8, 0.5), floor_area_m2=None,
        land_area_mu=_maybe(rng, float(rng.randrange(10, 90)), 0.7), annual_output=None,
        status=rng.choice(_STATUSES), expected_completion=None, expected_completion_text=None,
        published_on=published_on,
    )


def _generated_archive(rng: random.Random) -> list[ProjectReportRow]:
    return [_generated_report(rng, n) for n in range(rng.randrange(1, 60))]


def test_index_gives_the_projects_of_the_linear_scan():
    """Protects ProjectIndex's lookups: a lookup missing a branch of same_project (company key, name
    key, either abbreviation direction), a merge not refiled, or a match other than the earliest
    gives different projects than the scan on some of these archives."""
    rng = random.Random(SEED)
    reasons: Counter = Counter()
    for case in range(CASES):
        reports = _generated_archive(rng)
        assert projects_of(reports) == reference_projects_of(reports, reasons), f"case {case}"
    for reason in ["several projects match: the earliest wins", "company", "company printed differently",
                   "abbreviation", "name", "with and without a company"]:
        assert reasons[reason] >= 50, (reason, reasons)


def test_a_project_is_refiled_when_a_merge_changes_its_company():
    index = ProjectIndex()
    by_name = _bare(project_name="青石新材项目")
    number = index.add(by_name)
    # a report of the name alone, then one with a company: the project is now found by company
    index.update(number, merge_reports(by_name, _bare(project_name="青石新材项目", company="江岸智能有限公司")))
    assert index.find(_bare(company="江岸智能股份有限公司")) == number
    assert index.find(_bare(company="青石新材料有限公司")) is None  # its name no longer counts
    assert index.find(_bare(project_name="青石新材项目")) == number  # a report without company still matches


def _bare(**facts) -> ProjectReport:
    blank = {f.name: None for f in fields(ProjectReport)}
    return ProjectReport(**{**blank, **facts})


# --- scale ----------------------------------------------------------------------------------------

_PLACES = [a + b for a in "青云江北南东西石松竹梅兰菊桃李杏" for b in "山河湖岭湾源溪塘林田泉峰谷洲岸"]  # 225
_TRADES = ["新材料", "智能装备", "生物医药", "光电", "精密机械", "新能源", "电子", "食品", "纺织", "环保",
           "化工", "物流", "汽车部件", "医疗器械", "软件", "包装", "建材", "家居", "储能", "半导体",
           "陶瓷", "航空", "信息", "农业", "海洋", "仪器", "涂料", "照明", "纸业", "钢构",
           "模具", "玻璃", "橡胶", "电缆", "轴承", "阀门", "泵业", "电机", "塑业", "铝业",
           "铜业", "锂电", "光伏", "风电", "氢能"]  # 45


def _scale_archive(reports: int, companies: int) -> list[ProjectReportRow]:
    rng = random.Random(SEED)
    firms = [place + trade for place in _PLACES for trade in _TRADES][:companies]
    rows = []
    for n in range(reports):
        firm = rng.choice(firms)
        has_company = rng.random() < 0.8
        rows.append(ProjectReportRow(
            report_id=f"{n:06d}-p1", issue_id=f"{n // 3:05d}", article_id=f"{n:06d}",
            # a report without company names its project, else it could not be merged at all
            project_name=rng.choice([f"{firm}项目", f"{firm[:3]}项目", f"{firm}一期工程"]
                                    + ([None] if has_company else [])),
            company=rng.choice([f"{firm}有限公司", f"{firm}股份有限公司"]) if has_company else None,
            location=None, investment_cny=float(n), floor_area_m2=None, land_area_mu=None, annual_output=None,
            status=rng.choice(_STATUSES), expected_completion=None, expected_completion_text=None,
            published_on=date(2020, 1, 1) + timedelta(days=n // 10),
        ))
    return rows


def test_an_archive_of_30000_reports_merges_in_near_linear_time():
    """Protects against a return to comparing each report with every project: that takes minutes
    here (about 10,000 projects); the index about a second. The bound is generous for slow machines."""
    reports = _scale_archive(30_000, 10_000)
    started = time.perf_counter()
    projects = projects_of(reports)
    elapsed = time.perf_counter() - started
    assert 5_000 < len(projects) <= 10_000
    assert elapsed < 20, f"{elapsed:.1f} s"
