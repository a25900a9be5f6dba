"""What the report shows, read from the marts: one query per section.

Columns that newer marts add (`issues.paper`, `people.locality`, the `person_titles` mart) are used
when the warehouse has them; an older warehouse still gets its report, with every issue under
UNKNOWN_PAPER and each official with the latest title only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

UNKNOWN_PAPER = "(unknown paper)"
UNDATED = "(undated)"
NO_UNIT = "(no unit)"

TOP_OFFICIALS = 25
TOP_CHAIRS = 25
TOP_STATISTICS = 25
TOP_UNITS = 20
PROJECT_ROWS = 200  # rows of the projects table; the chart shows the largest investments only

MART_COLUMNS = """
select table_name, column_name
from information_schema.columns
where table_schema = 'marts'
"""

DATE_RANGE = """
select min(published_on), max(published_on)
from marts.issues
"""

# {paper} is an SQL expression chosen in code (see Marts.paper), never text from the warehouse.
ISSUES_BY_PERIOD = """
select coalesce(strftime(published_on, $period_format), $undated) as period,
       {paper} as paper,
       count(*) as issues
from marts.issues
group by all
order by all
"""

ARTICLES_BY_PERIOD = """
select coalesce(strftime(i.published_on, $period_format), $undated) as period,
       {paper} as paper,
       a.kind,
       count(*) as articles
from marts.articles a
join marts.issues i using (issue_id)
group by all
order by all
"""

PAPERS = """
select {paper} as paper,
       count(*) as issues,
       sum(article_count) as articles,
       min(published_on) as first_issue_on,
       max(published_on) as last_issue_on,
       count(*) filter (where published_on is null) as undated_issues
from marts.issues
group by all
order by articles desc, paper
"""

OFFICIALS = """
select person,
       {locality} as locality,
       latest_title,
       article_count,
       meeting_count,
       first_seen_on,
       last_seen_on
from marts.people
order by article_count desc, meeting_count desc, person
limit $limit
"""

# Every title an official was printed with, most used first (the person_titles mart, when built).
TITLE_HISTORY = """
select person,
       locality,
       list(title order by article_count desc, last_seen_on desc nulls last, title) as titles
from marts.person_titles
where title is not null
group by all
"""

CHAIRS = """
with chaired as (
    select meeting_id, unnest(chair) as person
    from marts.meetings
),

chair_titles as (
    select person, mode(title) as title
    from marts.meeting_participants
    where role = 'chair' and title is not null
    group by person
)

select chaired.person,
       chair_titles.title,
       count(distinct chaired.meeting_id) as meetings
from chaired
left join chair_titles using (person)
group by all
order by meetings desc, person
limit $limit
"""

MEETINGS_WITHOUT_CHAIR = """
select count(*) filter (where chair is null or len(chair) = 0),
       count(*)
from marts.meetings
"""

PROJECTS = """
select project_name,
       company,
       location,
       investment_cny,
       floor_area_m2,
       land_area_mu,
       status,
       expected_completion,
       last_reported_on,
       len(article_ids) as reports
from marts.projects
order by investment_cny desc nulls last, floor_area_m2 desc nulls last, land_area_mu desc nulls last, project_name
limit $limit
"""

PROJECT_TOTALS = """
select count(*),
       sum(investment_cny),
       count(investment_cny)
from marts.projects
"""

STATISTIC_SUBJECTS = """
select subject,
       coalesce(unit, $no_unit) as unit,
       count(*) as reported,
       count(distinct article_id) as articles,
       -- the latest printing, so a reader sees a real figure beside the count
       arg_max(raw_text, (coalesce(published_on, date '0001-01-01'), stat_id)) as latest_printed
from marts.statistics
where subject is not null
group by all
order by reported desc, articles desc, subject, unit
limit $limit
"""

STATISTIC_UNITS = """
select coalesce(unit, $no_unit) as unit,
       count(*) as reported,
       count(distinct subject) as subjects
from marts.statistics
group by all
order by reported desc, unit
limit $limit
"""

MART_ROWS = """
select (select count(*) from marts.issues),
       (select count(*) from marts.articles),
       (select count(*) from marts.people),
       (select count(*) from marts.meetings),
       (select count(*) from marts.projects),
       (select count(*) from marts.statistics)
"""

# Period of the time charts by the span of publication dates: about a hundred bars at most.
PERIODS = (  # (longest span in days, strftime format, name)
    (92, "%Y-%m-%d", "day"),
    (8 * 366, "%Y-%m", "month"),
    (None, "%Y", "year"),
)


@dataclass(frozen=True)
class Marts:
    """Which marts and columns this warehouse has."""

    columns: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, conn) -> Marts:
        return cls(frozenset(conn.execute(MART_COLUMNS).fetchall()))

    def has(self, table: str, column: str | None = None) -> bool:
        if column is None:
            return any(t == table for t, _ in self.columns)
        return (table, column) in self.columns

    def paper(self, alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        if self.has("issues", "paper"):
            return f"coalesce({prefix}paper, '{UNKNOWN_PAPER}')"
        return f"'{UNKNOWN_PAPER}'"

    def locality(self) -> str:
        return "locality" if self.has("people", "locality") else "null::varchar"


@dataclass(frozen=True)
class Official:
    person: str
    locality: str | None
    titles: list[str]
    article_count: int
    meeting_count: int
    first_seen_on: date | None
    last_seen_on: date | None

    @property
    def label(self) -> str:
        return f"{self.person}（{self.locality}）" if self.locality else self.person


@dataclass(frozen=True)
class Figures:
    issues: int
    articles: int
    people: int
    meetings: int
    projects: int
    statistics: int
    first_issue_on: date | None
    last_issue_on: date | None
    investment_cny: float | None  # the sum over projects that print one
    projects_with_investment: int
    meetings_without_chair: int


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows, as plain rows (dicts) and a few figures."""

    figures: Figures
    period: str  # day, month or year
    periods: list[str]  # in time order, UNDATED last
    issues_by_period: list[dict]
    articles_by_period: list[dict]
    papers: list[dict]
    officials: list[Official]
    chairs: list[dict]
    projects: list[dict]
    statistic_subjects: list[dict]
    statistic_units: list[dict]
    has_title_history: bool  # the person_titles mart gave every title, not only the latest


def read_report_data(conn) -> ReportData:
    marts = Marts.of(conn)
    first, last = conn.execute(DATE_RANGE).fetchone()
    period, period_format = _period(first, last)
    dated = {"period_format": period_format, "undated": UNDATED}
    issues_by_period = _dicts(conn, ISSUES_BY_PERIOD.format(paper=marts.paper()), dated)
    undated = [UNDATED] if any(row["period"] == UNDATED for row in issues_by_period) else []
    return ReportData(
        figures=_figures(conn, first, last),
        period=period,
        periods=_calendar(first, last, period_format) + undated,
        issues_by_period=issues_by_period,
        articles_by_period=_dicts(conn, ARTICLES_BY_PERIOD.format(paper=marts.paper("i")), dated),
        papers=_dicts(conn, PAPERS.format(paper=marts.paper())),
        officials=_officials(conn, marts),
        chairs=_dicts(conn, CHAIRS, {"limit": TOP_CHAIRS}),
        projects=_dicts(conn, PROJECTS, {"limit": PROJECT_ROWS}),
        statistic_subjects=_dicts(conn, STATISTIC_SUBJECTS, {"no_unit": NO_UNIT, "limit": TOP_STATISTICS}),
        statistic_units=_dicts(conn, STATISTIC_UNITS, {"no_unit": NO_UNIT, "limit": TOP_UNITS}),
        has_title_history=marts.has("person_titles"),
    )


def _figures(conn, first: date | None, last: date | None) -> Figures:
    issues, articles, people, meetings, projects, statistics = conn.execute(MART_ROWS).fetchone()
    _, investment, with_investment = conn.execute(PROJECT_TOTALS).fetchone()
    without_chair, _ = conn.execute(MEETINGS_WITHOUT_CHAIR).fetchone()
    return Figures(issues, articles, people, meetings, projects, statistics, first, last,
                   investment, with_investment, without_chair)


def _period(first: date | None, last: date | None) -> tuple[str, str]:
    span = (last - first).days if first and last else 0
    for longest, period_format, name in PERIODS:
        if longest is None or span <= longest:
            return name, period_format
    raise AssertionError("PERIODS ends with an unbounded period")


def _calendar(first: date | None, last: date | None, period_format: str) -> list[str]:
    """Every period from the first issue to the last, those without an issue too: a gap shows."""
    if first is None:
        return []
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return list(dict.fromkeys(day.strftime(period_format) for day in days))


def _officials(conn, marts: Marts) -> list[Official]:
    rows = _dicts(conn, OFFICIALS.format(locality=marts.locality()), {"limit": TOP_OFFICIALS})
    history = {}
    if marts.has("person_titles"):
        history = {(r["person"], r["locality"]): r["titles"] for r in _dicts(conn, TITLE_HISTORY)}
    return [
        Official(
            person=row["person"],
            locality=row["locality"],
            titles=history.get((row["person"], row["locality"])) or [t for t in [row["latest_title"]] if t],
            article_count=row["article_count"],
            meeting_count=row["meeting_count"],
            first_seen_on=row["first_seen_on"],
            last_seen_on=row["last_seen_on"],
        )
        for row in rows
    ]


def _dicts(conn, sql: str, params: dict | None = None) -> list[dict]:
    cursor = conn.execute(sql, params or {})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]
