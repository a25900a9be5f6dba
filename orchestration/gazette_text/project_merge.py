"""Which project reports, from any issues, are one project, and the one row they merge into.

Identity (``same_project``): reports naming the same company are one project (whitespace and
bracket widths ignored, and ``…股份有限公司`` is ``…有限公司``: papers print a firm both ways); without a company on both sides, the same name after dropping
``项目``/``工程`` and a ``一期``/``首期`` suffix, or a name that abbreviates the other report's
company (``江南新材项目`` is the project of ``江南新材科技有限公司``).

Merging (``merge_reports``): the later report's facts win where it prints them; the earlier one
fills the gaps, and the fuller of two printings of the company is kept.

Finding (``ProjectIndex``): the earliest project so far that a report is ``same_project`` as,
looked up by key instead of compared with every project, so an archive merges in near-linear time.

Per-article extraction lives in ``projects``; nothing here reads article text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, replace
from functools import lru_cache

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


class ProjectIndex:
    """The projects merged so far, numbered in order of creation, each filed under the keys by which
    ``same_project`` can match it; a report is then checked against only the projects filed under
    its own lookups instead of all of them."""

    def __init__(self) -> None:
        self._facts: list[ProjectReport] = []
        self._filed_under: list[frozenset[tuple[str, str]]] = []
        self._shelves: dict[tuple[str, str], set[int]] = {}

    def find(self, report: ProjectReport) -> int | None:
        """The number of the earliest project ``report`` is ``same_project`` as, or None."""
        candidates = set().union(*(self._shelves.get(key, ()) for key in lookup_keys(report)))
        # same_project has the last word, so the keys can only narrow the search, never change it
        return next((n for n in sorted(candidates) if same_project(self._facts[n], report)), None)

    def add(self, facts: ProjectReport) -> int:
        """A new project; returns its number."""
        self._facts.append(facts)
        self._filed_under.append(frozenset())
        number = len(self._facts) - 1
        self._file(number, facts)
        return number

    def update(self, number: int, facts: ProjectReport) -> None:
        """Project ``number`` now has these (merged) facts: a merge can change its company or name."""
        previous, self._facts[number] = self._facts[number], facts
        if (previous.company, previous.project_name) == (facts.company, facts.project_name):
            return  # most merges: another report of the same company and name, filed as before
        self._file(number, facts)

    def _file(self, number: int, facts: ProjectReport) -> None:
        old, new = self._filed_under[number], filing_keys(facts)
        for key in old - new:
            # find would still reject it, but dropping it keeps each shelf to the projects that
            # match its key now, so find's first candidate is its answer
            shelf = self._shelves[key]
            shelf.discard(number)
            if not shelf:
                del self._shelves[key]
        for key in new - old:
            self._shelves.setdefault(key, set()).add(number)
        self._filed_under[number] = new


# Shelves of ProjectIndex. A project's name is filed apart by whether it has a company, since a
# name only matters when at least one of the two reports has none.
_COMPANY = "company"  # company key
_COMPANY_PREFIX = "company prefix"  # every prefix of the company key a name stem could be
_NAME_WITH_COMPANY = "name, with company"  # name key
_NAME_WITHOUT_COMPANY = "name, without company"  # name key, also a stem that may abbreviate


def filing_keys(project: ProjectReport) -> frozenset[tuple[str, str]]:
    keys = []
    if project.company:
        company = _company_key(project.company)
        keys.append((_COMPANY, company))
        keys += [(_COMPANY_PREFIX, prefix) for prefix in _abbreviation_prefixes(company)]
    if project.project_name:
        keys.append((_NAME_WITH_COMPANY if project.company else _NAME_WITHOUT_COMPANY,
                     _name_key(project.project_name)))
    return frozenset(keys)


def lookup_keys(report: ProjectReport) -> Iterator[tuple[str, str]]:
    """The shelves holding every project ``report`` can be ``same_project`` as (mirrors its branches)."""
    name = _name_key(report.project_name) if report.project_name else None
    if report.company:
        company = _company_key(report.company)
        yield _COMPANY, company  # both have a company: nothing else counts
        # a project without a company: by name, or by a name that abbreviates this company
        if name is not None:
            yield _NAME_WITHOUT_COMPANY, name
        yield from ((_NAME_WITHOUT_COMPANY, prefix) for prefix in _abbreviation_prefixes(company))
    elif name is not None:
        yield _NAME_WITHOUT_COMPANY, name
        yield _NAME_WITH_COMPANY, name
        if len(name) >= _MIN_ABBREVIATION:
            yield _COMPANY_PREFIX, name  # this name abbreviating a project's company


def _abbreviation_prefixes(company_key: str) -> list[str]:
    return [company_key[:n] for n in range(_MIN_ABBREVIATION, len(company_key) + 1)]


def _norm(text: str) -> str:
    return _SPACES.sub("", to_halfwidth(text)).replace("（", "(").replace("）", ")")


# an archive prints each company and name many times: normalise each printing once
@lru_cache(maxsize=1 << 16)
def _company_key(company: str) -> str:
    return _JOINT_STOCK.sub("", _norm(company))


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    return _PHASE_SUFFIX.sub("", _KIND_SUFFIX.sub("", _norm(name)))


def _abbreviates(name: str | None, company: str | None) -> bool:
    if not name or not company:
        return False
    stem = _name_key(name)
    return len(stem) >= _MIN_ABBREVIATION and _company_key(company).startswith(stem)


__all__ = ["ProjectIndex", "same_project", "merge_reports", "filing_keys", "lookup_keys"]
