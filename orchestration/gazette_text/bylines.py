"""Bylines: who wrote an article, wherever and however the paper prints it.

Forms:
- a lead opening the first paragraph, names in brackets or none: `本报讯（甄泉生 记者 柴小禾）`,
  `本报讯 (记者 X)`, `本报消息（记者 X）`, `本网讯`, `本报10月9日讯`, `本报北京10月12日电`, web leads
  carrying the publication date (`某某网10月9日讯（记者 X）`, `某某新闻网2月13日讯`) -> `parse_byline`;
- a line of its own between headline and text: `□融媒记者 X`, `■本报记者 X Y`,
  `记者 A B C/文 D/摄`, `文/X 图/Y`, `记者 X 通讯员 Y` -> `parse_byline_line`;
- names at the end of the article, after a bare lead: alone on the last line (`X`, `X Y`), in brackets
  (`（X）`, `（记者_X）`), or glued to the last sentence (`…成效。（X、见习记者 Y）`) ->
  `split_trailing_byline`;
- an article record's author field, given apart from its text (`记者 X`, `X Y`, `作者：X`) -> `parse_author`.

Roles: a name after a label containing 记者 is a reporter; after 通讯员/实习生, or with no label, a
contributor; a name credited with a photograph (`X/摄`, `图/X`, `X 摄`) is a photographer only, even after
本报记者. Names printed together are split by surname.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import COMPOUND_SURNAMES, SURNAME_RANK
from .vocabulary import CJK as _CJK
from .vocabulary import CLOSING_QUOTES, ELLIPSIS, LINE_SPACES, SEMICOLONS, SENTENCE_END_MARKS
_DIGIT = r"[0-9０-９]"

# --- Role labels: the one home of the byline vocabulary -----------------------------------------
# Any label containing 记者 makes a reporter: who employs them (本报, 晚报), which desk (融媒), which
# grade (见习, 首席) only qualify the word.
_EMPLOYER = r"本报|本网|本台|本刊|本社|晚报|日报|县报|区报"
_DESK = r"融媒体中心|融媒体|融媒|全媒体|新媒体|摄影"
_GRADE = r"首席|主任|高级|资深|特约|特派|驻站|见习|实习"
_REPORTER_LABEL = rf"(?:{_EMPLOYER})?(?:{_DESK})?(?:{_GRADE})?记者"
# Writers who are not staff reporters: correspondents in the offices reported on, and interns.
_CONTRIBUTOR_LABEL = rf"(?:{_EMPLOYER})?(?:特约)?通讯员|实习生|见习生"
_LABEL = rf"(?P<reporter_label>{_REPORTER_LABEL})|(?P<contributor_label>{_CONTRIBUTOR_LABEL})"

# --- Credit markers: what each name did, printed before (文/X, 图/X) or after (X/文, X/摄, X 摄) ---
_SLASH = r"\s*[/／:：]\s*"
_WRITING_BEFORE = rf"(?:文字|文){_SLASH}"
_PHOTO_BEFORE = rf"(?:摄影|摄|图片|图){_SLASH}"
_WRITING_AFTER = rf"[/／]\s*文(?![{_CJK}])"
_PHOTO_AFTER = rf"(?:[/／]\s*)?(?:摄影|摄)(?![{_CJK}])"
# `报道` closes some bylines (记者 X 报道) and says nothing about the role.
_FILLER = rf"报道(?![{_CJK}])"
# Ornaments some papers put before a byline line (□融媒记者 X).
_ORNAMENTS = "□■◆◇●○▲△▼▽★☆◎"
_ORNAMENT = f"[{_ORNAMENTS}]"
# Marks between names, labels and credits (甲、乙, 记者：X, 文/X).
_SEPARATOR_MARKS = "、，,_|｜/／:："

_TOKEN = re.compile(
    rf"""
      {_LABEL}
    | (?P<writing_before>{_WRITING_BEFORE})
    | (?P<photo_before>{_PHOTO_BEFORE})
    | (?P<writing_after>{_WRITING_AFTER})
    | (?P<photo_after>{_PHOTO_AFTER})
    | (?P<filler>{_FILLER})
    | (?P<ornament>{_ORNAMENT})
    | (?P<separator>[^\S\n]+|[{_SEPARATOR_MARKS}])     # a line break is no separator: a byline is one line
      # a run of name characters, stopping where a label or marker starts (通讯员汤一鸣见习记者…)
    | (?P<names>(?:(?!{_REPORTER_LABEL}|{_CONTRIBUTOR_LABEL}|{_PHOTO_AFTER}|{_FILLER})[{_CJK}·])+)
    | (?P<other>[\s\S])
    """,
    re.VERBOSE,
)
# A character no token but `other` can hold (a digit, a full stop, a quote): one makes a strict
# tokenization fail, and a plain character-class search finds it far faster than tokenizing up to it.
_OTHER_ONLY = re.compile(f"[^{_CJK}·\\s{_ORNAMENTS}{re.escape(_SEPARATOR_MARKS)}]")

# --- Leads: the words that open a staff story ----------------------------------------------------
_DATE = rf"(?:{_DIGIT}{{4}}\s*年\s*)?{_DIGIT}{{1,2}}\s*月\s*{_DIGIT}{{1,2}}\s*日"
# A paper, site or station by name (某某日报, 某某新闻网, 某某融媒) — not a source quoted (据…).
_OUTLET = rf"本报|本网|本台|本刊|(?!据)[{_CJK}]{{1,10}}?(?:网|报|台|刊|客户端|融媒)"
_LEAD = re.compile(
    rf"""
    ^(?P<lead>
        (?:{_OUTLET})\s*(?P<date>{_DATE})?\s*讯          # 本报讯, 本报10月9日讯, 某某网10月9日讯
      | (?:本报|本网|本台)消息                             # 本报消息
      | (?:本报|新华社|中新社)                             # 本报北京10月12日电, 新华社…电
        [^\s，,。（(]{{0,12}}?(?P<wire_date>{_DATE})?电
    )
    (?:\s*[（(](?P<inside>[^（）()\n]{{1,60}})[）)])?      # （记者 X）, ASCII (记者 X) with spaces
    """,
    re.VERBOSE,
)

# --- Trailing bylines -----------------------------------------------------------------------------
_SENTENCE_END = f"[{SENTENCE_END_MARKS}{ELLIPSIS}{SEMICOLONS}{re.escape(CLOSING_QUOTES)}]"
# Names in brackets closing the last paragraph, glued to its last sentence or on a line of their own.
_TRAILING_BRACKETS = re.compile(
    rf"(?:(?<={_SENTENCE_END})|(?:^|(?<=\n)))[{LINE_SPACES}]*(?P<byline>[（(](?P<inside>[^（）()\n]{{1,40}})[）)])\s*$"
)
_ENDS_A_SENTENCE = re.compile(rf"{_SENTENCE_END}\s*$")
# Names glued to the last sentence without brackets are too easily a phrase; only a line of its own.
_LAST_LINE_MAX = 40
_LAST_LINE = re.compile(rf"(?:^|\n)[{LINE_SPACES}]*(?P<byline>[^\n]{{2,{_LAST_LINE_MAX}}}?)\s*$")
# The last character of a text that closes with names in brackets (a quicker test than the search).
_CLOSING_BRACKETS = ("）", ")")

# --- Author fields: a record's names given apart from its text ----------------------------------------
# A label an export may put before the names (作者：X), and brackets around them (（记者 X）).
_AUTHOR_LABEL = re.compile(r"^(?:作者|撰稿|撰文)\s*[：:]\s*")
_IN_BRACKETS = re.compile(r"^[（(](?P<inside>[^（）()]*)[）)]$")

_NAME_MAX = 4
_COMPOUND_NAME_MAX = 5
_FOREIGN_NAME_MAX = 15  # 买买提·艾力 and the like


@dataclass(frozen=True)
class Byline:
    text: str  # as printed, e.g. 本报讯（甄泉生 记者 柴小禾）, □融媒记者 X, （记者_X）
    reporters: tuple[str, ...]
    contributors: tuple[str, ...]
    photographers: tuple[str, ...] = ()
    lead_date: str | None = None  # the date a lead prints (某某网10月9日讯 -> 10月9日), as printed

    @property
    def people(self) -> tuple[str, ...]:
        return self.reporters + self.contributors + self.photographers


def parse_byline(paragraph: str) -> Byline | None:
    """The byline opening a body: a lead (本报讯…, 某某网10月9日讯…) with or without names, or a first
    line that is a byline of its own (□融媒记者 X). ``text`` is the printed prefix to cut off, from
    the byline's first character: a paragraph indent (`\u3000\u3000本报讯…`) is not part of it."""
    paragraph = paragraph.lstrip()
    match = _LEAD.match(paragraph)
    if match:
        people = _read_people(match.group("inside") or "", strict=False)
        if people is None:  # a bracket after the lead that is not names: the lead alone is the byline
            match = _LEAD.match(match.group("lead"))
            people = ((), (), ())
        return Byline(
            match.group(0),
            *people,
            lead_date=_squeeze(match.group("date") or match.group("wire_date")),
        )
    byline = parse_byline_line(paragraph.split("\n", 1)[0])
    return byline if byline is not None and (byline.reporters or byline.contributors) else None


def parse_byline_line(line: str) -> Byline | None:
    """A byline printed as a line of its own: labels, names and credit markers and nothing else
    (`□融媒记者 X`, `记者 A B C/文 D/摄`, `文/X 图/Y`). Every name must look like a Chinese name, and
    a label, marker or ornament must say it is a byline: bare names could be a headline."""
    text = line.strip()
    tokens = _tokenize(text)
    if tokens is None or not any(kind != "names" for kind, _ in tokens):
        return None
    people = _assign_roles(tokens, strict=True)
    if people is None or not any(people):
        return None
    return Byline(text, *people)


def starts_with_byline(paragraph: str) -> bool:
    """A paragraph that opens an article with its byline: a lead, or a byline line naming a writer.
    A photo credit alone (`X 摄`) is not a byline, nor a sentence that begins with 记者 (记者从…获悉)."""
    if _LEAD.match(paragraph.lstrip()):
        return True
    byline = parse_byline_line(paragraph)
    return byline is not None and bool(byline.reporters or byline.contributors)


def split_trailing_byline(body: str) -> tuple[str, Byline | None]:
    """(the body without its closing byline, the byline), or (body, None).

    A closing byline is names — labelled or not — in brackets after the last sentence or on the last
    line (`…成效。（X、见习记者 Y）`, `（记者_X）`), or names alone on the last line (`X Y`). A bracket
    that is not names (`（完）`, `（下转第2版）`, `（摘要）`) is a note that is part of the body: the body
    is returned unchanged. Photo credits (`X 摄`) are left to the credit parser."""
    stripped = body.rstrip()
    match = _TRAILING_BRACKETS.search(stripped) if stripped.endswith(_CLOSING_BRACKETS) else None
    if match and _after_sentence(stripped, match.start("byline")):
        people = _read_people(match.group("inside"), strict=True)
        if people and not people[2]:
            return stripped[: match.start("byline")].rstrip(), Byline(match.group("byline"), *people)
        return body, None
    match = _last_line(stripped)
    if match and match.start("byline") > 0 and _after_sentence(stripped, match.start("byline")):
        people = _read_people(match.group("byline"), strict=True)
        if people and not people[2]:
            return stripped[: match.start("byline")].rstrip(), Byline(match.group("byline"), *people)
    return body, None


def parse_author(field: str) -> Byline | None:
    """An author field as an export gives it, read like a closing byline: `记者 X` (a reporter), `X Y`
    (contributors), `X、见习记者 Y`, `（记者 X）`, `作者：X`, `文/X 图/Y` (a writer and a photographer).
    None when it is not names (an organisation, a pen name with digits, a sentence)."""
    text = _AUTHOR_LABEL.sub("", field.strip())
    bracketed = _IN_BRACKETS.match(text)
    if bracketed:
        text = bracketed.group("inside").strip()
    people = _read_people(text, strict=True) if text else None
    if not people or not any(people):
        return None
    return Byline(field.strip(), *people)


def split_bylines(body: str) -> tuple[str, Byline | None, Byline | None]:
    """(the body without its closing byline, the opening byline, the closing byline)."""
    rest, trailing = split_trailing_byline(body)
    return rest, parse_byline(rest), trailing


def merge_bylines(*bylines: Byline | None) -> Byline | None:
    """One byline from a lead and a closing byline (`本报讯 … （记者_X）`): the people of both, the texts
    joined by a space, the lead's date."""
    present = [b for b in bylines if b is not None]
    if not present:
        return None
    return Byline(
        text=" ".join(b.text for b in present),
        reporters=_unique(n for b in present for n in b.reporters),
        contributors=_unique(n for b in present for n in b.contributors),
        photographers=_unique(n for b in present for n in b.photographers),
        lead_date=next((b.lead_date for b in present if b.lead_date), None),
    )


def strip_byline(body: str) -> str:
    """The body without its byline (the reporters are not part of the story)."""
    body = body.lstrip()
    byline = parse_byline(body)
    return body[len(byline.text):].lstrip() if byline else body


def split_run_together_names(run: str) -> list[str]:
    """`蒋琳黄川` -> [蒋琳, 黄川]; a single 2-3 character name is returned as is."""
    if "·" in run:  # a transliterated name (阿依古丽·吐尔逊) has no surname to split at
        return [run]
    if len(run) <= 3 or (len(run) == 4 and run[:2] in COMPOUND_SURNAMES):
        return [run]
    splits = [n for n in (2, 3) if len(run) - n >= 2 and _starts_with_surname(run[n:])]
    if not splits:
        return [run]
    # Where both cuts are possible (王小明李华), the commoner surname marks the second name.
    first_len = min(splits, key=lambda n: SURNAME_RANK.get(run[n], -1))
    return [run[:first_len], *split_run_together_names(run[first_len:])]


def _last_line(text: str) -> re.Match | None:
    """``_LAST_LINE.search(text)`` for a text with no trailing space, quicker: only the last line can
    match, and only when it is short enough."""
    line_start = text.rfind("\n") + 1
    if len(text[line_start:].lstrip(LINE_SPACES)) > _LAST_LINE_MAX:
        return None
    return _LAST_LINE.search(text, max(line_start - 1, 0))


def _after_sentence(text: str, start: int) -> bool:
    # Names close an article only after its last sentence; after an unfinished line (a label such as
    # `秋粮` over `管护忙`) they would be a phrase.
    return bool(_ENDS_A_SENTENCE.search(text, 0, start))


def _starts_with_surname(name: str) -> bool:
    return name[:1] in SURNAME_RANK or name[:2] in COMPOUND_SURNAMES


def _read_people(text: str, strict: bool) -> tuple[tuple[str, ...], ...] | None:
    tokens = _tokenize(text, strict=strict)
    return None if tokens is None else _assign_roles(tokens, strict=strict)


def _tokenize(text: str, strict: bool = True) -> list[tuple[str, str]] | None:
    """(kind, text) tokens, separators dropped; None when ``strict`` and something is not a byline's
    (digits, sentence punctuation, a sentence's words are caught later by the name check)."""
    if strict and _OTHER_ONLY.search(text):
        return None
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "other" and strict:
            return None
        if kind not in ("other", "separator"):
            tokens.append((kind, match.group(0)))
    return _join_padded(tokens)


def _join_padded(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`殷 朗` -> `殷朗`: two-character names are padded with a space to line up with longer ones, so a
    lone character is part of a neighbouring name (a surname of the next one, else the end of the last)."""
    joined: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if kind == "names" and len(text) == 1:
            if following and following[0] == "names" and text in SURNAME_RANK and len(following[1]) <= 2:
                joined.append(("names", text + following[1]))
                i += 2
                continue
            if joined and joined[-1][0] == "names":
                joined[-1] = ("names", joined[-1][1] + text)
                i += 1
                continue
        joined.append((kind, text))
        i += 1
    return joined


def _assign_roles(tokens, strict: bool) -> tuple[tuple[str, ...], ...] | None:
    """(reporters, contributors, photographers), or None when a name does not look like one.

    Names are read in credits: a credit ends at a marker after the names (`/文`, `/摄`, `摄`) or where
    a marker before names (`文/`, `图/`) opens the next. A photo credit makes all its names
    photographers whatever their label; otherwise each name takes the last label before it."""
    reporters: list[str] = []
    contributors: list[str] = []
    photographers: list[str] = []
    credit: list[tuple[str, str | None]] = []  # (name, label) of the credit being read
    label: str | None = None
    photo_credit = False

    def close(photo: bool) -> None:
        for name, name_label in credit:
            if photo:
                photographers.append(name)
            elif name_label == "reporter_label":
                reporters.append(name)
            else:
                contributors.append(name)
        credit.clear()

    for kind, text in tokens:
        if kind in ("reporter_label", "contributor_label"):
            label = kind
        elif kind == "names":
            names = _split_names(text, strict)
            if names is None:
                return None
            credit.extend((name, label) for name in names)
        elif kind in ("writing_before", "photo_before"):
            close(photo_credit)
            photo_credit, label = kind == "photo_before", None
        elif kind in ("writing_after", "photo_after"):
            close(photo_credit or kind == "photo_after")
            photo_credit = False
    close(photo_credit)
    if strict and not (reporters or contributors or photographers):
        return None
    return tuple(reporters), tuple(contributors), tuple(photographers)


def _split_names(run: str, strict: bool) -> list[str] | None:
    names = split_run_together_names(run)
    if strict and not all(_looks_like_name(name) for name in names):
        return None
    return names


def _looks_like_name(name: str) -> bool:
    if "·" in name:
        return 3 <= len(name) <= _FOREIGN_NAME_MAX
    if name[:2] in COMPOUND_SURNAMES:
        return 3 <= len(name) <= _COMPOUND_NAME_MAX
    return name[:1] in SURNAME_RANK and 2 <= len(name) <= _NAME_MAX


_WHITESPACE = re.compile(r"\s+")


def _squeeze(text: str | None) -> str | None:
    return _WHITESPACE.sub("", text) if text else None


def _unique(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
