"""Which project reports, from any issues, are one project, and the one row they merge into.

Identity (``same_project``): reports naming the same company are one project (whitespace and
bracket widths ignored, and ``…股份有限公司`` is ``…有限公司``: papers print a firm both ways); without a company on both sides, the same name after dropping
``项目``/``工程`` and a ``一期``/``首期`` suffix, or a name that abbreviates the other report's
company (``江南新材项目`` is the project of ``江南新材科技有限公司``).

Merging (``merge_reports``): the later report's facts win where it prints them; the earlier one
fills the gaps, and the fuller of two printings of the company is kept.

Per-article extraction lives in ``projects``; nothing here reads article text.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace

from .numbers import to_halfwidth
from .projects import ProjectReport

_SPACES = re.compile(r"\s+")
_KIND_SUFFIX = re.compile(r"(?:项目|工程)$")
_PHASE_SUFFIX = re.compile(r"(?:一期|首期)$")
_MIN_ABBREVIATION = 3  # 江南新材: shorter stems (江南) would match unrelated firms
_JOINT_STOCK = re.compile(r"股份(?=有限(?:责任)?公司$)")  # X股份有限公司 is X有限公司 printed in full


def same_project(a: ProjectReport, b: ProjectReport) -> bool:
    """Two reports (from any issues) of one project: same company, else same normalised name."""
    if a.company and b.company:
        return _company_key(a.company) == _company_key(b.company)
    if a.project_name and b.project_name and _name_key(a.project_name) == _name_key(b.project_name):
        return True
    return _abbreviates(a.project_name, b.company) or _abbreviates(b.project_name, a.company)


def merge_reports(earlier: ProjectReport, later: ProjectReport) -> ProjectReport:
    """One row for a project reported twice: the later report's facts win where it prints them."""
    merged = {
        f.name: getattr(later, f.name) if getattr(later, f.name) is not None else getattr(earlier, f.name)
        for f in fields(ProjectReport)
    }
    if earlier.company and later.company and len(earlier.company) > len(later.company):
        merged["company"] = earlier.company  # keep the full legal name over a shortened one
    return replace(later, **merged)


def _norm(text: str) -> str:
    return _SPACES.sub("", to_halfwidth(text)).replace("（", "(").replace("）", ")")


def _company_key(company: str) -> str:
    return _JOINT_STOCK.sub("", _norm(company))


def _name_key(name: str) -> str:
    return _PHASE_SUFFIX.sub("", _KIND_SUFFIX.sub("", _norm(name)))


def _abbreviates(name: str | None, company: str | None) -> bool:
    if not name or not company:
        return False
    stem = _name_key(name)
    return len(stem) >= _MIN_ABBREVIATION and _company_key(company).startswith(stem)


__all__ = ["same_project", "merge_reports"]
