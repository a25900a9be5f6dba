"""One vocabulary, used the same way everywhere: every shared list is pinned by what each parser does
with each of its words, and the source is checked for lists defined twice and patterns compiled
per call. Names in the sentences are invented.
"""
from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from gazette_text import vocabulary as V
from gazette_text.meetings import extract_meeting, meeting_name
from gazette_text.people import find_titled_people
from gazette_text.places import level_rank, paper_place, title_place
from gazette_text.projects import extract_project
from gazette_text.pubdate import year_from_text
from gazette_text.statistics import extract_statistics

PACKAGE = Path(__file__).resolve().parents[1] / "orchestration" / "gazette_text"
# The modules built on vocabulary.py; the others (splitter, bylines) are checked once they move to it.
VOCABULARY_USERS = (
    "people.py", "meetings.py", "projects.py", "project_merge.py", "statistics.py", "numbers.py",
    "kinds.py", "names.py", "datelines.py", "pubdate.py", "places.py", "vocabulary.py",
)
NAME = "李明远"


def test_alternation_tries_the_longest_word_first():
    pattern = re.compile(V.alternation(("截至", "截至目前", "人", "人次")))
    assert pattern.match("截至目前").group() == "截至目前"
    assert pattern.match("人次").group() == "人次"
    assert pattern.fullmatch("a.b") is None and re.compile(V.alternation(("a.b",))).fullmatch("axb") is None


# --- titles ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", V.OFFICIAL_TITLES)
def test_every_official_title_introduces_a_person(title):
    (person,) = find_titled_people(f"区{title}{NAME}出席会议。")
    assert (person.name, person.title) == (NAME, f"区{title}")


@pytest.mark.parametrize("title", V.COLLECTIVE_TITLES)
def test_a_collective_title_is_shared_along_a_list(title):
    people = find_titled_people(f"区委{title}{NAME}、王晓东出席会议。")
    assert [(p.name, p.title) for p in people] == [(NAME, f"区委{title}"), ("王晓东", f"区委{title}")]


@pytest.mark.parametrize("title", V.COLLECTIVE_TITLES)
def test_a_meeting_prefers_a_specific_title_to_a_collective_one(title):
    body = f"区委{title}{NAME}出席会议。区委副书记{NAME}讲话。"
    (person,) = extract_meeting(None, body, "meeting").participants
    assert person.title == "区委副书记"


# --- meeting verbs ---------------------------------------------------------------------------------

ROLES = [(verb, "chair") for verb in V.CHAIR_VERBS] + [(verb, "observer") for verb in V.OBSERVER_VERBS] + [
    (verb, "attendee") for verb in V.ATTENDANCE_VERBS
] + [(verb, "speaker") for verb in V.SPEECH_WORDS + V.REMARK_VERBS + V.TEACHING_VERBS]


@pytest.mark.parametrize("verb,role", ROLES)
def test_every_role_verb_gives_its_role(verb, role):
    meeting = extract_meeting(None, f"区长{NAME}{verb}。", "meeting")
    assert [(p.person, p.role) for p in meeting.participants] == [(NAME, role)]


@pytest.mark.parametrize("verb", V.CONVENE_VERBS)
def test_every_convening_verb_names_the_meeting(verb):
    assert meeting_name(None, f"区委常委会{verb}会议，研究有关工作。") == "区委常委会会议"


# --- time words ------------------------------------------------------------------------------------

OPENING_TIMES = V.PAST_DAYS + V.RECENT_DAYS + V.COMING_DAYS + V.DAY_PARTS + V.MONTH_PARTS + ("10月12日",)


@pytest.mark.parametrize("when", OPENING_TIMES)
def test_time_words_opening_a_clause_are_no_part_of_a_title(when):
    (person,) = find_titled_people(f"{when}区委书记{NAME}出席会议。")
    assert person.title == "区委书记"


@pytest.mark.parametrize("when", OPENING_TIMES)
def test_time_words_opening_a_clause_are_no_part_of_a_meeting_name(when):
    assert meeting_name(None, f"{when}区委常委会召开会议。") == "区委常委会会议"


@pytest.mark.parametrize("word", V.FORECAST_WORDS)
def test_a_forecast_year_does_not_date_the_paper(word):
    assert year_from_text(f"2024年10月，项目{word}2030年建成。") == 2024


@pytest.mark.parametrize("word", V.FORECAST_WORDS)
def test_a_forecast_is_no_stage_but_a_completion(word):
    report = extract_project(None, f"江岸新材料项目{word}明年5月竣工。", "project", date(2024, 10, 16))
    assert report.status is None
    assert report.expected_completion == "2025-05"


# --- measure words ---------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", sorted(V.COUNT_UNITS | V.MEASURE_UNITS))
def test_every_measure_word_is_read_as_a_unit(unit):
    assert [(s.value, s.unit) for s in extract_statistics(f"今年共有12{unit}。")] == [(12.0, unit)]


@pytest.mark.parametrize("unit", V.SQUARE_METRE_UNITS)
def test_every_square_metre_spelling_is_a_floor_area(unit):
    report = extract_project(None, f"江岸新材料项目建筑面积3000{unit}。", "project", None)
    assert report.floor_area_m2 == 3000


# --- places ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", V.MEDIA_SUFFIXES)
def test_every_media_suffix_is_stripped_from_a_paper_name(suffix):
    assert paper_place(f"柳汀区{suffix}") == ("柳汀区", "区")
    assert paper_place(f"今日柳汀{suffix}") == ("柳汀", None)


PLACE_LEVELS = [level for level in V.LEVEL_RANKS if level != V.NATIONAL_LEVEL]


@pytest.mark.parametrize("level", PLACE_LEVELS)
def test_every_level_ends_a_place_in_a_title(level):
    assert title_place(f"柳汀{level}委书记") == (f"柳汀{level}", level)
    assert level_rank(level) == V.LEVEL_RANKS[level]


@pytest.mark.parametrize("level", [level for level in PLACE_LEVELS if level != "州"])
def test_every_level_ends_a_paper_place(level):
    assert paper_place(f"柳汀{level}融媒") == (f"柳汀{level}", level)


@pytest.mark.parametrize("body", V.NATIONAL_BODIES)
def test_every_national_body_makes_a_national_post(body):
    assert title_place(f"{body}某某委员会副主任") == (None, V.NATIONAL_LEVEL)
    assert level_rank(title_place(f"{body}某某委员会副主任")[1]) == 0


# --- marks -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", V.SENTENCE_END_MARKS)
def test_every_sentence_end_mark_ends_a_statistic_sentence(mark):
    (stat,) = extract_statistics(f"活动圆满结束{mark}共接待游客300人次{mark}大家很满意{mark}")
    assert stat.sentence == f"共接待游客300人次{mark}"


def test_the_cjk_range_is_the_ideograph_block():
    block = re.compile(f"[{V.CJK}]")
    assert block.fullmatch("一") and block.fullmatch("龥") and not block.fullmatch("，") and not block.fullmatch("a")


# --- the source ------------------------------------------------------------------------------------

def _modules():
    for name in VOCABULARY_USERS:
        yield name, ast.parse((PACKAGE / name).read_text(encoding="utf-8"))


def _string_constants(tree):
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield re.sub(r"#[^\n]*", "", node.value)  # comments of a re.VERBOSE pattern


# One word from each shared list: printed in code only in vocabulary.py.
SHARED_WORDS = (
    "秘书长", "负责人", "收听收看", "列席", "近日", "上旬", "截至目前", "可望", "个百分点", "平方米", "我区",
    "广播电视台", "自治区", "国务院",
)


@pytest.mark.parametrize("word", SHARED_WORDS)
def test_a_shared_list_is_defined_only_in_vocabulary(word):
    holders = [name for name, tree in _modules() if any(word in s for s in _string_constants(tree))]
    assert holders == ["vocabulary.py"]


_RE_CALLS = {"search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split", "compile"}


def test_no_pattern_is_compiled_per_call():
    # re.search("…", text) inside a function compiles (or looks up) its pattern on every article.
    offenders = []
    every_module = ((p.name, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.glob("*.py")))
    for name, tree in every_module:
        for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda))):
            for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
                target = call.func
                if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                        and target.value.id == "re" and target.attr in _RE_CALLS):
                    offenders.append(f"{name}:{call.lineno} re.{target.attr}")
    assert offenders == []
