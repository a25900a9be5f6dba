"""Article kind from its headline and lead sentence.

meeting: a meeting is held; project: an investment project is signed or progresses; visit: a delegation
from elsewhere visits; inspection: local leaders inspect sites; event: everything else (campaigns,
festivals, training classes, releases). The headline is the editor's summary, so its cues win over
the lead sentence's.
"""
from __future__ import annotations

import re

from .vocabulary import CHAIR_VERBS, CONVENE_VERBS, alternation

_NOT_MEETINGS = re.compile(r"发布会|博览会|运动会|展览会|交易会|招聘会|演唱会|音乐会|晚会|庙会|展销会|推介会|文化节|艺术节")
_MEETING_WORDS = (
    r"会议|常委会(?!主任|副主任|领导|委员)|全会|推进会|学习会|督办会|座谈会|部署会|调度会|协调会|"
    r"联席会|例会|总结会|动员会|视频会|工作会|现场会|汇报会|务虚会|恳谈会|交流会|对接会"
)
_MEETING = re.compile(_MEETING_WORDS)
# 召集 and 主持 put a meeting in the lead too (主持召开…); 举办 does not: festivals are 举办 as well.
_LEAD_MEETING_VERBS = alternation(CONVENE_VERBS + ("召集",) + CHAIR_VERBS)
_MEETING_HELD = re.compile(rf"{_LEAD_MEETING_VERBS}[^。；]{{0,40}}?(?:{_MEETING_WORDS})|会议[^。；]{{0,4}}召开")
_PROJECT_HEADLINE = re.compile(r"项目.{0,12}(签约|落地|开工|竣工|投产|封顶|进展|建设|落户|启用)|(签约|落地|开工|竣工|投产|落户).{0,12}项目")
_PROJECT_LEAD = re.compile(r"项目[^。]{0,30}(签约落地|正式签约|签约仪式|开工|竣工|投产|封顶|取得新进展)")
_VISIT = re.compile(r"考察|参观|来[我本]?[区市县镇].{0,6}(调研|交流|访问)")
_INSPECTION = re.compile(r"检查|调研|督查|暗访|视察|走访|巡查")


def classify(headline: str | None, lead: str) -> str:
    head = headline or ""
    if _MEETING.search(head) and not _headline_names_non_meeting(head):
        return "meeting"
    if _PROJECT_HEADLINE.search(head):
        return "project"
    if _VISIT.search(head):
        return "visit"
    if _INSPECTION.search(head):
        return "inspection"
    first_sentence = lead.split("。", 1)[0]
    if _MEETING_HELD.search(first_sentence):
        return "meeting"
    if _PROJECT_LEAD.search(lead):
        return "project"
    if _VISIT.search(first_sentence) and "来" in first_sentence:
        return "visit"
    if _INSPECTION.search(first_sentence):
        return "inspection"
    return "event"


def _headline_names_non_meeting(headline: str) -> bool:
    return bool(_NOT_MEETINGS.search(headline)) and "会议" not in headline
