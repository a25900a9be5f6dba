"""The meeting a meeting article reports: its name, who chaired it and who took part.

Rules:
- Only an article the splitter classed as ``meeting`` yields a meeting (an inspection, a visit,
  a signing or a festival does not); it always yields one, named as well as the text allows.
- People are those named with an official title in the article (``people.find_titled_people``)
  and later bare mentions of those same names (``方立群强调``); the byline (reporters) is cut
  off first, so reporters never take part.
- A person's role comes from the verbs in their own clause (up to the next comma or the next
  person): ``主持`` chair; ``讲话`` ``强调`` ``指出`` ``要求`` ``作…报告/部署`` … speaker; ``出席``
  ``参加`` ``陪同`` ``到会(指导/祝贺)`` ``在主席台就座`` ``听取`` attendee; ``列席`` observer.
  A person whose clause is only list glue (``、`` ``，`` ``等`` ``与``, and a closing ``等市领导``)
  takes the first role verb later in the sentence, or else the role of the next person in it:
  ``A、B、C参加会议``, ``A，B，C等市领导到会祝贺`` give all three the role. A layout break right
  after ``、`` does not end the sentence.
- People heard (``听取委员A、B关于…的发言``) are speakers.
- ``他``/``她`` opening a sentence stands for the first person of the sentence just before, in the
  same paragraph (``A对…给予肯定。她指出`` makes A a speaker).
- Nominal uses are no speech: ``重要讲话``, ``的讲话``, ``讲话精神``; a clause that relays
  someone's words (``传达…``) gives that person no role.
- Participants are every person with a role, each once, in order of first mention; the strongest
  role wins: chair > speaker > observer > attendee. People named without any role verb (praised,
  quoted, mentioned) are not participants.
- The name is taken from the lede: ``X会议召开`` → X会议; ``我区召开Y会`` → Y会 (a leading
  ``关于`` dropped); ``区委常委会召开会议`` → 区委常委会会议 (an organiser followed by a generic
  meeting word is joined to it, a leading ``参加…的`` dropped: ``参加市人代会的A代表团举行全体会议`` →
  A代表团全体会议); else from the headline (``…在Z会议上强调`` → Z会议).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .bylines import strip_byline
from .people import TitledPerson, find_mentions, find_titled_people
from .vocabulary import (
    ATTENDANCE_VERBS, CHAIR_VERBS, CLAUSE_MARKS, CLAUSE_OPENING_TIME, COLLECTIVE_TITLES, COMMAS,
    CONVENE_VERBS, LIST_MARK, OBSERVER_VERBS, OWN_AREA, REMARK_VERBS, SEMICOLONS, SENTENCE_END_MARKS,
    SPEECH_WORDS, TEACHING_VERBS, alternation,
)


@dataclass(frozen=True)
class Participant:
    person: str
    title: str | None
    role: str  # chair | speaker | attendee | observer


@dataclass(frozen=True)
class Meeting:
    name: str
    chair: tuple[str, ...]
    participants: tuple[Participant, ...]  # chair included, each person once


ROLE_RANK = {"chair": 4, "speaker": 3, "observer": 2, "attendee": 1}

_SPEECH = re.compile(
    rf"""
      (?<!的)(?<!重要){alternation(SPEECH_WORDS)}(?!精神)   # 讲话, but not 重要讲话 / 讲话精神
    | (?<!的){alternation(REMARK_VERBS)}                   # 强调, but not 的强调
    | 作[^{COMMAS}。{SEMICOLONS[0]}]{{0,8}}?(?:报告|辅导|讲座|部署|点评)  # 作专题报告, 作具体部署
    | {alternation(TEACHING_VERBS)}
    """,
    re.VERBOSE,
)
_ROLE_VERBS = (
    ("chair", re.compile(alternation(CHAIR_VERBS))),
    ("observer", re.compile(alternation(OBSERVER_VERBS))),
    ("attendee", re.compile(alternation(ATTENDANCE_VERBS + ("听取",)))),  # 听取发言: one who listens is there
    ("speaker", _SPEECH),
)
_RELAYED = re.compile(r"传达|转达")
# 听取委员A、B关于…的发言: the people heard are the speakers.
_HEARING = re.compile(r"听取")
_HEARD_SPEECH = re.compile(rf"的{alternation(SPEECH_WORDS + ('汇报', '报告', '介绍'))}")
_LIST_GLUE = rf"[{LIST_MARK}{COMMAS}等和与及同\s\u3000]*"
# List glue, and a closing 等 + the group the list belongs to (…、C等市领导，分别…).
_GLUE = re.compile(
    rf"{_LIST_GLUE}(?:等[^{CLAUSE_MARKS}{SENTENCE_END_MARKS}]{{0,8}}?"
    rf"{alternation(COLLECTIVE_TITLES + ('同志', '人'))}{_LIST_GLUE})?"
)
# A sentence; a layout break right after 、 does not end one (A、B、‖C、D在主席台就座).
# (Runs of characters, not one character a repetition: the same matches, far fewer steps.)
_SENTENCE = re.compile(rf"(?:[^{SENTENCE_END_MARKS}{SEMICOLONS}\n]+|(?<={LIST_MARK})\s+)+")
# 他指出 / 她强调 opening a sentence: the person the previous sentence was about.
_PRONOUN = re.compile(r"\s*(?:[他她])(?!们)")
_CLAUSE_END = re.compile(f"[{CLAUSE_MARKS}]")

_MEETING_WORD = r"(?:会议|会)"
# Words that only say "a meeting" and need the organiser in front (区委常委会 + 会议).
_GENERIC_MEETING = re.compile(
    r"(?:专题|全体|扩大|常务|党组|主任|全委|工作)?(?:会议|学习会|例会|座谈会|办公会议?|全会|常委会)"
)
# 举办 and 开幕 also hold a named meeting (举办…座谈会, …大会开幕).
_HELD = alternation(CONVENE_VERBS + ("举办", "开幕"))
_CLAUSE_CHAR = rf"[^{CLAUSE_MARKS}{SENTENCE_END_MARKS}\s]"
_CLAUSE_ENDS = rf"(?=[{CLAUSE_MARKS}{SENTENCE_END_MARKS}\s]|$)"
_ORGANISER_HOLDS = re.compile(
    rf"""
    (?P<org>{_CLAUSE_CHAR}{{2,24}}?)           # 区委常委会, 我区, 区委书记X
    (?:{alternation(CHAIR_VERBS)})?{_HELD}了?   # (主持)召开了
    (?P<what>{_CLAUSE_CHAR}*?{_MEETING_WORD})   # 全区安全生产工作会议
    {_CLAUSE_ENDS}
    """,
    re.VERBOSE,
)
_MEETING_HELD = re.compile(
    rf"(?P<what>{_CLAUSE_CHAR}+?{_MEETING_WORD})(?:在{_CLAUSE_CHAR}*?)?{_HELD}"  # X会议(在Y)召开
)
# Both shapes above lie within one clause that holds a _HELD word: only such clauses are tried, for
# trying them at every character of a text is slow.
_CLAUSE = re.compile(f"{_CLAUSE_CHAR}+")
_HELD_WORD = re.compile(_HELD)
_HEADLINE_AT = re.compile(rf"在(?P<what>{_CLAUSE_CHAR}+?{_MEETING_WORD})上")  # …在X会议上强调
_ORGANISER_PRONOUN = re.compile(f"^{alternation(OWN_AREA)}$")
_ABOUT = re.compile(r"^关于")
# 参加X会议的Y代表团: the organiser is Y代表团.
_ATTENDING = re.compile(rf"^参加{_CLAUSE_CHAR}*?的")
_TIME_BEFORE_NAME = re.compile(f"^{CLAUSE_OPENING_TIME}")


def extract_meeting(
    headline: str | None, body: str, kind: str, titled: Sequence[TitledPerson] | None = None
) -> Meeting | None:
    """The meeting a ``meeting`` article reports, or None for any other kind.

    ``titled`` is ``find_titled_people(body)`` when the caller has it already.
    """
    if kind != "meeting":
        return None
    text = strip_byline(body)
    if titled is None:
        titled = find_titled_people(text)
    else:  # the byline is cut from the front: shift the offsets, drop what was in it
        cut = len(body) - len(text)
        titled = [replace(p, start=p.start - cut) for p in titled if p.start >= cut]
    roles = people_roles(text, titled)
    participants = tuple(Participant(name, title, role) for name, title, role in roles)
    chair = tuple(p.person for p in participants if p.role == "chair")
    return Meeting(meeting_name(headline, text, titled), chair, participants)


def people_roles(text: str, titled: Sequence[TitledPerson] | None = None) -> list[tuple[str, str | None, str]]:
    """(person, title, strongest role) for every person with a role, in order of first mention."""
    if titled is None:
        titled = find_titled_people(text)
    titles = _best_titles(titled)
    mentions = _mentions_with_segments(text, titled)
    order = [m[0] for m in mentions]
    best: dict[str, str] = {}
    subject, last_end = None, 0
    for sentence in _SENTENCE.finditer(text):
        start, end = sentence.span()
        if "\n" in text[last_end:start]:  # a new paragraph: a pronoun does not reach back over it
            subject = None
        own = [m for m in mentions if start <= m[2] and m[1] < end]
        pronoun = _PRONOUN.match(text, start)
        if pronoun and subject and not (own and own[0][2] < pronoun.end()):
            own.insert(0, (subject, pronoun.end() - 1, pronoun.end() - 1, pronoun.end()))
        for name, role in _sentence_roles(text, start, end, own):
            if ROLE_RANK[role] > ROLE_RANK.get(best.get(name, ""), 0):
                best[name] = role
        subject = own[0][0] if own else None
        last_end = end
    ordered = sorted(best, key=order.index)
    return [(name, titles.get(name), best[name]) for name in ordered]


def meeting_name(headline: str | None, text: str, titled: Sequence[TitledPerson] | None = None) -> str:
    """The meeting's name as printed in the lede (or headline), normalised as the rules say.

    ``titled`` is ``find_titled_people(text)`` when the caller has it already.
    """
    lede = text.split("\n", 1)[0]
    # The lede is the head of the text, so the text's people stand in it at the same offsets.
    for source, people in ((lede, titled), (headline or "", None), (text, titled)):
        name = _name_in(source, people)
        if name:
            return name
    return (headline or "会议").split(" ")[0]


def _name_in(source: str, titled: Sequence[TitledPerson] | None) -> str | None:
    """The earliest meeting name in ``source`` by any of the printed shapes."""
    # On a tie the organiser shape wins: 区委常委会召开会议 is 区委常委会会议, not 区委常委会.
    held = list(_held_clauses(source))
    candidates = [(m.start(), 0, _organiser_form(m, titled))
                  for start, end in held for m in _ORGANISER_HOLDS.finditer(source, start, end)]
    candidates += [(m.start(), 1, _strip_time(m.group("what")))
                   for start, end in held for m in _MEETING_HELD.finditer(source, start, end)]
    candidates += [(m.start(), 2, m.group("what")) for m in _HEADLINE_AT.finditer(source)]
    named = sorted(c for c in candidates if c[2])
    return named[0][2] if named else None


def _held_clauses(source: str):
    """(start, end) of each clause of ``source`` that says something is held (召开, 举行…)."""
    for clause in _CLAUSE.finditer(source):
        if _HELD_WORD.search(source, clause.start(), clause.end()):
            yield clause.span()


def _organiser_form(match: re.Match, titled: Sequence[TitledPerson] | None) -> str | None:
    what = _ABOUT.sub("", match.group("what"))
    if not _GENERIC_MEETING.fullmatch(what):
        return what
    org = _ATTENDING.sub("", _strip_time(match.group("org")))
    # 区委常委会 + 会议 names the meeting; 我区 + 会议 or 区委书记X + 会议 does not.
    if not org or _ORGANISER_PRONOUN.match(org) or _names_a_person(match, titled):
        return None
    return org + what


def _names_a_person(match: re.Match, titled: Sequence[TitledPerson] | None) -> bool:
    start, end = match.span("org")
    if titled is None:
        return bool(find_titled_people(match.string[start:end]))
    return any(start <= p.start and p.start + len(p.name) <= end for p in titled)


def _strip_time(phrase: str) -> str:
    return _TIME_BEFORE_NAME.sub("", phrase)


def _sentence_roles(text: str, start: int, end: int, mentions: list[tuple[str, int, int, int]]):
    """(name, role) pairs for the people mentioned in one sentence, resolving shared list verbs."""
    resolved: list[set[str]] = [set() for _ in mentions]
    for i in range(len(mentions) - 1, -1, -1):  # right to left: a list head inherits from its tail
        name, at, seg, name_end = mentions[i]
        stop = mentions[i + 1][2] if i + 1 < len(mentions) else end
        before = _clause_before(text, start, seg)
        if _RELAYED.search(before):
            continue
        own = _own_clause(text, name_end, stop)
        if _GLUE.fullmatch(own):
            later = _roles_in(text[name_end:stop], first_only=True)
            resolved[i] = later or (set(resolved[i + 1]) if i + 1 < len(mentions) else set())
        else:
            resolved[i] = _roles_in(own)
            if not resolved[i] and _HEARING.search(before) and _HEARD_SPEECH.search(own):
                resolved[i] = {"speaker"}  # 听取A关于…的发言
    return [(m[0], role) for m, roles in zip(mentions, resolved) for role in roles]


def _roles_in(clause: str, first_only: bool = False) -> set[str]:
    hits = []
    for role, pattern in _ROLE_VERBS:
        match = pattern.search(clause)
        if match:
            hits.append((match.start(), role))
    if first_only and hits:
        return {min(hits)[1]}
    return {role for _, role in hits}


def _own_clause(text: str, name_end: int, stop: int) -> str:
    match = _CLAUSE_END.search(text, name_end, stop)
    return text[name_end:match.start() if match else stop]


def _clause_before(text: str, sentence_start: int, seg: int) -> str:
    head = text[sentence_start:seg]
    return _CLAUSE_END.split(head)[-1]


def _mentions_with_segments(text: str, titled: list[TitledPerson]):
    """(name, name offset, offset where the printed title before it starts, end of the name)."""
    segments = {}
    for person in titled:
        seg = person.start
        if person.title and text[person.start - len(person.title):person.start] == person.title:
            seg = person.start - len(person.title)
        segments[person.start] = seg
    return [(name, at, segments.get(at, at), at + len(name)) for name, at in _all_mentions(text, titled)]


def _all_mentions(text: str, titled: list[TitledPerson]) -> list[tuple[str, int]]:
    # Titled occurrences first, then bare mentions of the same names elsewhere in the article.
    names = {p.name for p in titled}
    spans = {(p.start, p.start + len(p.name)) for p in titled}
    found = [(p.name, p.start) for p in titled]
    for name, at in find_mentions(text, names):
        if not any(a < at + len(name) and at < b for a, b in spans):
            found.append((name, at))
    return sorted(found, key=lambda item: item[1])


def _best_titles(titled: list[TitledPerson]) -> dict[str, str | None]:
    # The first specific title printed for a person; a collective one (区领导) only if nothing better.
    titles: dict[str, str | None] = {}
    for person in titled:
        current = titles.get(person.name)
        if current is None or (_collective(current) and person.title and not _collective(person.title)):
            titles[person.name] = person.title or current
    return titles


def _collective(title: str) -> bool:
    return title.endswith(COLLECTIVE_TITLES)
