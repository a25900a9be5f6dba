"""Article kind from its headline and lead paragraph: what the article is about.

meeting: a meeting is held; visit: a delegation from elsewhere visits; inspection: local leaders inspect
sites (调研, 检查, 督查…); project: an investment or construction project is signed, starts, progresses or
is finished; event: everything else (campaigns, festivals, fairs, training classes, releases).
Photo items are classified by the splitter, not here.

Cues are ranked, headline first (it is the editor's summary), then the lead's news sentence:
1. a meeting noun (…会议, …大会, 分析会, 座谈会…) names what happened, unless it only qualifies
   something else (会议精神, 会议中心) or the gathering is a fair or a show (博览会, 招聘会);
2. a visit, then an inspection verb: a leader inspecting is what the article reports even when the
   topic is a project (某某调研重点项目建设);
3. a project noun (项目, 工程, 基地, 产业园…) with a stage (签约, 开工, 竣工, 完工, 投产, 加快建设…).
"""
from __future__ import annotations

import re

from .datelines import find_dateline
from .vocabulary import (
    CHAIR_VERBS,
    CONVENE_VERBS,
    MEETING_NOUNS,
    MEETING_TYPES,
    NON_MEETING_GATHERINGS,
    SENTENCE_END_MARKS,
    alternation,
)

_NOT_MEETINGS = re.compile(alternation(NON_MEETING_GATHERINGS))
# The meeting-noun family. 常委会 alone is also the standing committee (常委会主任): a meeting only when
# no title follows. A noun that qualifies another (会议精神, 会议中心, 人民大会堂, 大会战) names none;
# 学习会 in 学习会议精神 is no noun of its own.
_MEETING_NOUN = (
    rf"(?:{alternation(MEETING_NOUNS)}|{alternation(MEETING_TYPES)}会|常委会(?!主任|副主任|领导|委员))"
    r"(?!议|精神|中心|室|厅|堂|常务|制度|战)"
)
_MEETING = re.compile(_MEETING_NOUN)
# Holding a meeting: 召开/举行/主持/召集 … meeting noun, or meeting noun … 召开/举行/开幕/闭幕.
# 举办 alone does not: festivals and fairs are 举办 as well.
_HOLD_VERBS = alternation(CONVENE_VERBS + ("召集",) + CHAIR_VERBS)
_MEETING_HELD = re.compile(
    rf"{_HOLD_VERBS}[^。；]{{0,40}}?{_MEETING_NOUN}|{_MEETING_NOUN}[^。；，]{{0,20}}?(?:{_HOLD_VERBS}|开幕|闭幕)"
)

# What a project is called, and the stages a project report announces.
_PROJECT_NOUN = r"(?:项目|工程|基地|产业园|园区|码头|厂房|电站|综合体)"
_HEADLINE_STAGE = r"(?:签约|落地|开工|竣工|完工|投产|封顶|进展|建设|落户|启用|投用|通车|建成|交付)"
_PROJECT_HEADLINE = re.compile(
    rf"{_PROJECT_NOUN}[^，。！？ ]{{0,12}}?{_HEADLINE_STAGE}|(?:签约|落地|开工|竣工|投产|落户)[^，。！？ ]{{0,12}}?项目"
)
_LEAD_STAGE = (
    r"(?:签约落地|正式签约|签约仪式|开工|竣工|完工|投产|封顶|取得新进展|加快建设|加紧建设|"
    r"(?:施工|建设)?现场)"
)
_PROJECT_LEAD = re.compile(rf"{_PROJECT_NOUN}[^。]{{0,30}}?{_LEAD_STAGE}")
_VISIT = re.compile(r"考察|参观|来[我本]?[区市县镇乡].{0,6}(?:调研|交流|访问)")
_INSPECTION = re.compile(r"检查|调研|督查|暗访|视察|走访|巡查")
_SENTENCE = re.compile(rf"[^{SENTENCE_END_MARKS}]+[{SENTENCE_END_MARKS}]?")


def classify(headline: str | None, lead: str) -> str:
    head = headline or ""
    if _MEETING.search(head) and not _names_non_meeting(head):
        return "meeting"
    if _VISIT.search(head):
        return "visit"
    if _INSPECTION.search(head):
        return "inspection"
    if _PROJECT_HEADLINE.search(head):
        return "project"
    news = _news_sentence(lead)
    if _MEETING_HELD.search(news) and not _names_non_meeting(news):
        return "meeting"
    if _VISIT.search(news) and "来" in news:
        return "visit"
    if _INSPECTION.search(news):
        return "inspection"
    if _PROJECT_LEAD.search(lead):
        return "project"
    return "event"


def _names_non_meeting(text: str) -> bool:
    return bool(_NOT_MEETINGS.search(text)) and "会议" not in text


def _news_sentence(lead: str) -> str:
    """The lead's first sentence: what happened, who did it (a scene-setting opening is skipped when
    the next sentence opens on the date, as in `春日的河畔，一派繁忙。3月10日，…`)."""
    sentences = _SENTENCE.findall(lead) or [lead]
    first = sentences[0]
    if len(sentences) > 1 and find_dateline(first) is None and find_dateline(sentences[1]):
        return sentences[1]
    return first
