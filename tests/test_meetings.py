"""Meetings: real article bodies from the seeds, cases written to break the rules, and the gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazette_text.articles import parse_issue
from gazette_text.meetings import extract_meeting, meeting_name
from helpers import find_gold_article

ROOT = Path(__file__).resolve().parents[1]


def roles(meeting):
    return {p.person: p.role for p in meeting.participants}


# (headline, body, name, chair, {person: role}) — bodies cut from the seeds, byline included.
SEED_DEVELOPMENT = [
    (
        "陈金虎在全市公安工作会议上强调 奋力推进公安工作现代化 全力护航常州高质量发展",
        "本报讯（舒泉清 记者 朱梦琪）昨天上午，全市公安工作会议召开。市委书记陈金虎出席会议并讲话。"
        "他强调，要深入学习贯彻党的二十届三中全会精神。市长盛蕾主持第一阶段会议。"
        "市委副书记、政法委书记李培东出席会议。\n\n"
        "会议首先传达了习近平总书记对新征程公安工作的重要指示精神。\n\n"
        "陈金虎指出，在“万亿之城再出发”的新征程上，统筹好发展和安全。\n\n"
        "就贯彻落实会议精神，盛蕾要求，全市公安机关要以更高要求推进学习领悟。\n\n"
        "市委组织部、市财政局、公安局、武进区委政法委作交流发言。\n\n"
        "市委常委、秘书长杭勇，副市长、市公安局局长于贵平，市法院院长、市检察院检察长参加会议。"
        "会议以电视电话会议形式召开，各辖市（区）、常州经开区设分会场。\n\n"
        "区委副书记、区长恽洪丞在武进分会场收听收看会议。",
        "全市公安工作会议",
        ("盛蕾",),
        {"陈金虎": "speaker", "盛蕾": "chair", "李培东": "attendee", "杭勇": "attendee",
         "于贵平": "attendee", "恽洪丞": "attendee"},
    ),
    (
        "区委常委会召开会议",
        "本报讯 (记者 朱梦琪) 昨天上午, 区委常委会召开会议, 学习贯彻习近平总书记近期重要讲话重要指示精神, "
        "讨论研究相关重点工作。市委常委、区委书记乔俊杰主持会议。\n\n"
        "会议传达学习习近平总书记在中共中央政治局会议上的重要讲话精神。会议还研究了其他事项。",
        "区委常委会会议",
        ("乔俊杰",),
        {"乔俊杰": "chair"},
    ),
    (
        "区委理论学习中心组举行学习会",
        "本报讯 (记者 朱梦琪) 昨天上午, 区委理论学习中心组举行学习会, 学习贯彻党的二十届三中全会精神。\n\n"
        "市委常委、区委书记乔俊杰主持会议并讲话, 区委副书记、区长恽淇丞, 区人大常委会主任石伟东, "
        "区政协主席郑政平, 区委副书记吴震宇等区四套班子领导参加学习。\n\n"
        "乔俊杰强调, 全区上下要认真学习领会习近平总书记关于坚持和完善人民代表大会制度的重要思想。",
        "区委理论学习中心组学习会",
        ("乔俊杰",),
        {"乔俊杰": "chair", "恽淇丞": "attendee", "石伟东": "attendee", "郑政平": "attendee",
         "吴震宇": "attendee"},
    ),
    (
        "区人大常委会召开关于中心城区停车管理工作调研建议督办会",
        "本报讯 (记者 史莲寅) 10月12日, 区人大常委会召开关于中心城区停车管理工作调研建议督办会, "
        "了解相关工作的进展情况。区人大常委会领导石伟东、孙金才参加会议。\n\n"
        "针对下一阶段工作, 区人大常委会主任石伟东指出, 各相关部门要立足为民便民。",
        "中心城区停车管理工作调研建议督办会",
        (),
        {"石伟东": "speaker", "孙金才": "attendee"},
    ),
    (
        "区委常委会召开会议",
        "本报讯(记者 吴梦婷)12月23日,区委常委会召开会议,传达学习习近平总书记近期重要讲话重要指示精神。"
        "市委常委、区委书记乔俊杰主持会议,区委副书记、区长恽淇丞等区委常委参加会议,"
        "区人大常委会主任石伟东、区政协主席郑政平列席会议。",
        "区委常委会会议",
        ("乔俊杰",),
        {"乔俊杰": "chair", "恽淇丞": "attendee", "石伟东": "observer", "郑政平": "observer"},
    ),
    (
        "全区信访突出问题攻坚化解专题推进会议召开",
        "本报讯(记者 张可馨)12月23日,全区信访突出问题攻坚化解专题推进会议召开,深入学习贯彻习近平总书记"
        "关于加强和改进人民信访工作的重要思想。区领导乔俊杰、吴震宇、盛世麟参加会议。\n\n"
        "在听取全区信访工作情况汇报后,市委常委、区委书记乔俊杰对全区信访战线做出的积极贡献给予肯定。"
        "他强调,各地各部门要进一步振奋精神。\n\n"
        "会上,武进公安分局、区住建局、嘉泽镇交流了在攻坚化解信访突出问题方面的经验做法。",
        "全区信访突出问题攻坚化解专题推进会议",
        (),
        {"乔俊杰": "speaker", "吴震宇": "attendee", "盛世麟": "attendee"},  # 他强调: 乔俊杰
    ),
    (
        "消防安全重点工作推进会召开",
        "本报讯（记者 徐梦超）昨天上午，我区召开消防安全重点工作推进会，通报当前全区火灾形势。"
        "区领导孙益锋、盛世麟参加会议。\n\n会议强调，要抓好火灾防控。",
        "消防安全重点工作推进会",
        (),
        {"孙益锋": "attendee", "盛世麟": "attendee"},
    ),
    (
        "我区召开城建领域安全生产重点工作调度会议",
        "本报讯（记者 黄雅婷）昨天下午，我区召开城建领域安全生产重点工作调度会议，深刻吸取事故教训。"
        "区领导恽淇丞、孙益锋、张征宇参加会议。\n\n"
        "区委副书记、区长恽淇丞强调，各级各部门要警钟长鸣。",
        "城建领域安全生产重点工作调度会议",
        (),
        {"恽淇丞": "speaker", "孙益锋": "attendee", "张征宇": "attendee"},
    ),
    (
        "聚力推进打击治理 电信网络新型违法犯罪工作 “全民反诈再出发”集中宣传活动启动",
        "本报讯(记者 何晓丹)昨天下午,我区召开打击治理电信网络新型违法犯罪工作联席会议暨“全民反诈再出发”"
        "集中宣传活动部署会,贯彻落实上级相关部署要求。副区长、武进公安分局局长、"
        "区打击治理电信网络新型违法犯罪工作联席会议总召集人盛世麟参加会议。",
        "打击治理电信网络新型违法犯罪工作联席会议暨“全民反诈再出发”集中宣传活动部署会",
        (),
        {"盛世麟": "attendee"},
    ),
]

WRITTEN_TO_BREAK = [
    # 会议由…主持; a relayed speech is no presence; reporters and a bare unknown name take no part
    (
        None,
        "本报讯（通讯员 王小明 记者 李四）昨天，区委常委会召开会议。会议由区委书记张建国主持。"
        "区委副书记、区长李明等区委常委参加会议。会议传达了省委书记李建华的讲话精神。"
        "张建国强调，要抓好落实。赵六参加会议。",
        "区委常委会会议",
        ("张建国",),
        {"张建国": "chair", "李明": "attendee"},
    ),
    # a list split by commas shares the verb at its end; chair beats speaker; 列席 beats 参加
    (
        None,
        "本报讯（记者 李四）昨天，区政府召开常务会议。区长李明主持会议并讲话。"
        "副区长王强，副区长赵明华，区政府党组成员钱亮参加会议。区人大常委会主任孙伟列席会议。",
        "区政府常务会议",
        ("李明",),
        {"李明": "chair", "王强": "attendee", "赵明华": "attendee", "钱亮": "attendee", "孙伟": "observer"},
    ),
    # two people joined by 与 share the verb after the second
    (
        None,
        "本报讯（记者 李四）昨天，市、区联席会议召开。市委常委、区委书记张建国与副市长孙伟共同主持会议。",
        "市、区联席会议",
        ("张建国", "孙伟"),
        {"张建国": "chair", "孙伟": "chair"},
    ),
    # a nominal 讲话 is no speech; a position without a name is nobody
    (
        None,
        "本报讯（记者 李四）昨天，全区经济工作会议在区行政中心召开。会议学习了市委书记张建国的重要讲话。"
        "区法院院长、区检察院检察长参加会议。",
        "全区经济工作会议",
        (),
        {},
    ),
]


@pytest.mark.parametrize("headline,body,name,chair,expected", SEED_DEVELOPMENT + WRITTEN_TO_BREAK)
def test_meeting(headline, body, name, chair, expected):
    meeting = extract_meeting(headline, body, "meeting")
    assert meeting.name == name
    assert meeting.chair == chair
    assert roles(meeting) == expected


def test_chair_is_a_participant_once():
    body = "本报讯（记者 李四）昨天，区委常委会召开会议。区委书记张建国主持会议并讲话。张建国强调，要抓落实。"
    meeting = extract_meeting(None, body, "meeting")
    assert [p.person for p in meeting.participants] == ["张建国"]
    assert meeting.participants[0].title == "区委书记"


def test_specific_title_beats_collective_one():
    body = "本报讯（记者 李四）昨天，我区召开推进会。区领导张建国参加会议。区委书记张建国强调，要抓落实。"
    (person,) = extract_meeting(None, body, "meeting").participants
    assert (person.person, person.title, person.role) == ("张建国", "区委书记", "speaker")


@pytest.mark.parametrize("kind", ["inspection", "visit", "project", "event", "photo"])
def test_only_meeting_articles_yield_a_meeting(kind):
    body = "本报讯(记者 朱梦琪)昨天,市委常委、区委书记乔俊杰检查安全生产工作。区委常委、副区长孙益锋参加活动。"
    assert extract_meeting("乔俊杰检查安全生产工作", body, kind) is None


@pytest.mark.parametrize(
    "headline,lede,expected",
    [
        (None, "昨天上午，全市公安工作会议召开。", "全市公安工作会议"),
        (None, "昨天上午, 区委常委会召开会议, 学习贯彻", "区委常委会会议"),
        (None, "昨天上午，我区召开消防安全重点工作推进会，通报", "消防安全重点工作推进会"),
        (None, "昨天上午, 区委理论学习中心组举行学习会, 学习", "区委理论学习中心组学习会"),
        (None, "10月12日, 区人大常委会召开关于中心城区停车管理工作调研建议督办会, 了解", "中心城区停车管理工作调研建议督办会"),
        (None, "昨天，全区经济工作会议在区行政中心召开。", "全区经济工作会议"),
        (None, "昨天上午，区政府召开常务会议，研究工作。", "区政府常务会议"),
        # the lede names no meeting: the headline does
        ("陈金虎在全市公安工作会议上强调", "昨天上午，市委书记陈金虎出席并讲话。", "全市公安工作会议"),
        # a person is no organiser: 区委书记张建国 + 会议 is not a name
        ("区委召开全体会议", "昨天，区委书记张建国主持召开会议，研究工作。", "区委全体会议"),
    ],
)
def test_meeting_name(headline, lede, expected):
    assert meeting_name(headline, lede) == expected


# Gold meetings the pipeline is known to miss: gold article key -> why. Each is a strict xfail, so a
# fix shows up as XPASS (a failure) and the entry must then be removed. Empty: none is missed now.
KNOWN_GOLD_MEETING_MISSES: dict[str, str] = {}


def _gold_cases():
    for path in sorted((ROOT / "tests/fixtures/gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles = {ga["key"]: ga for ga in gold["articles"]}
        for meeting in gold["meetings"]:
            key = meeting["article"]
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_GOLD_MEETING_MISSES[key])] \
                if key in KNOWN_GOLD_MEETING_MISSES else []
            yield pytest.param(gold["issue"], articles[key], meeting, id=key, marks=marks)


@pytest.mark.parametrize("issue,gold_article,gold", list(_gold_cases()))
def test_gold_meetings(issue, gold_article, gold):
    """Every gold meeting is found: its article (matched by body, as the scorer does) is split out,
    yields a meeting, and has the gold chair and participants. A miss fails; it is never skipped."""
    parsed = parse_issue((ROOT / "seeds" / f"{issue}.txt").read_text(encoding="utf-8"))
    article = find_gold_article(parsed.articles, gold_article)
    assert article is not None, f"the splitter gave no article for gold {gold['article']}"
    meeting = extract_meeting(article.headline, article.body, article.kind)
    assert meeting is not None, f"gold {gold['article']} ({article.kind}) yields no meeting"
    assert sorted(meeting.chair) == sorted(gold["chair"])
    assert {p.person for p in meeting.participants} == set(gold["participants"])


def test_known_gold_meeting_misses_are_gold_meetings():
    """The xfail list names only real gold meetings (a stale key would silently xfail nothing)."""
    keys = {case.id for case in _gold_cases()}
    assert set(KNOWN_GOLD_MEETING_MISSES) <= keys
