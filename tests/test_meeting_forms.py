"""Meeting and people forms other papers print: invented sentences, one per form (no seed or dev text)."""
from __future__ import annotations

import pytest

from gazette_text.meetings import extract_meeting
from gazette_text.people import find_titled_people


def meeting(body, headline=None):
    return extract_meeting(headline, body, "meeting")


def roles(found):
    return {p.person: p.role for p in found.participants}


def titles(text):
    return [(p.name, p.title) for p in find_titled_people(text)]


def test_passive_chair_and_a_list_closed_by_a_count():
    found = meeting(
        "昨日上午，县十六届人大常委会召开第八次会议。会议由县人大常委会主任庞思远主持，"
        "副主任魏振东、黎书涵、骆云峰和委员共23人出席会议。副县长汤明哲列席会议。"
    )
    assert found.chair == ("庞思远",)
    assert roles(found) == {"庞思远": "chair", "魏振东": "attendee", "黎书涵": "attendee",
                            "骆云峰": "attendee", "汤明哲": "observer"}


def test_opening_session_chair_named_after_the_main_speaker():
    found = meeting(
        "今天上午，市侨联第六次代表大会开幕。市委书记邵启明出席并讲话。"
        "大会应到代表300名，实到代表286名，符合规定人数。开幕会由市侨联主席裘慧敏主持。"
    )
    assert found.chair == ("裘慧敏",)
    assert roles(found) == {"邵启明": "speaker", "裘慧敏": "chair"}


def test_chair_after_a_comma_separated_title_chain():
    body = "昨天，全区统战工作会议召开。区委常委、统战部部长，区政协党组副书记褚文渊主持会议。"
    found = meeting(body)
    assert found.chair == ("褚文渊",)
    assert found.participants[0].title == "区委常委、统战部部长，区政协党组副书记"


def test_institutions_sitting_in_name_nobody():
    found = meeting("昨天，县政府召开常务会议。县长岑立波主持会议。县法院、县检察院领导列席会议。")
    assert roles(found) == {"岑立波": "chair"}


def test_presidium_list_across_a_layout_break():
    found = meeting(
        "昨天上午，市政协第九届委员会第三次会议开幕。\n"
        "大会主席团常务主席戴永年、萧雨桐、\n\n"
        "冼志坚、司马文博在主席台前排就座。开幕会由市政协副主席萧雨桐主持。"
    )
    assert found.chair == ("萧雨桐",)
    assert roles(found) == {"戴永年": "attendee", "萧雨桐": "chair", "冼志坚": "attendee",
                            "司马文博": "attendee"}


def test_leaders_on_the_platform_and_guidance_from_above():
    found = meeting(
        "昨天，全市组织工作会议召开。市委书记柯正阳出席会议并讲话。省委组织部副部长闻素琴到会指导。"
        "市领导严家骏、祁慕白在主席台就座。"
    )
    assert roles(found) == {"柯正阳": "speaker", "闻素琴": "attendee", "严家骏": "attendee",
                            "祁慕白": "attendee"}


def test_congratulations_from_a_list_closed_by_a_collective():
    found = meeting(
        "今天上午，市青联第五次代表大会开幕。市委书记柯正阳，市委副书记、市长邬天成，"
        "市人大常委会主任甘露华等市领导到会祝贺。开幕会由市青联主席龚思齐主持。"
    )
    assert roles(found) == {"柯正阳": "attendee", "邬天成": "attendee", "甘露华": "attendee",
                            "龚思齐": "chair"}


def test_review_and_escort_are_attendance():
    found = meeting(
        "昨天，市人大代表团召开会议。市人大常委会副主任管若愚参加审议。区人大常委会主任佘永康陪同。"
    )
    assert roles(found) == {"管若愚": "attendee", "佘永康": "attendee"}


def test_a_head_count_and_quorum_figures_are_no_names():
    found = meeting(
        "昨天，县政协召开全体会议。县政协主席凌秋实、副主席冉国栋等42人出席会议。"
        "会议应出席委员120名，实到委员103名。"
    )
    assert roles(found) == {"凌秋实": "attendee", "冉国栋": "attendee"}


def test_discussion_with_speakers_and_no_chair():
    found = meeting(
        "昨天下午，市领导参加市政协分组讨论。在科技界别讨论组，委员甄晓航、牛德胜、卞雅琪先后发言。"
        "市长邬天成认真听取委员滕若水、佟志远关于加快科技成果转化的发言。"
    )
    assert found.chair == ()
    assert roles(found) == {"甄晓航": "speaker", "牛德胜": "speaker", "卞雅琪": "speaker",
                            "邬天成": "attendee", "滕若水": "speaker", "佟志远": "speaker"}


def test_meeting_with_no_named_participant():
    found = meeting("昨天，全县防汛工作视频调度会召开。会议通报了近期雨情水情，部署下一阶段工作。")
    assert found.chair == () and found.participants == ()


def test_a_pronoun_opening_a_sentence_is_the_previous_subject():
    found = meeting(
        "12月3日，市人大常委会副主任晏秋澄带领检查组来我县召开座谈会。县人大常委会主任阮成林陪同。"
        "晏秋澄对我县工作给予肯定。她指出，要持续加大宣传力度。"
    )
    assert roles(found) == {"晏秋澄": "speaker", "阮成林": "attendee"}


def test_a_pronoun_does_not_reach_over_a_paragraph():
    found = meeting("昨天，县委召开座谈会。县委书记桂永安看望了老同志。\n他指出，要凝聚共识。")
    assert roles(found) == {}


def test_a_deployment_is_speech():
    found = meeting("8月2日，县委常委会召开会议。县委书记伍振华主持会议。县委副书记、县长栾海川就下步工作作具体部署。")
    assert roles(found) == {"伍振华": "chair", "栾海川": "speaker"}


def test_headline_subtitle_names_add_nobody_the_body_lacks():
    found = meeting(
        "今天上午，市侨联第六次代表大会开幕。市委书记邵启明等到会祝贺。",
        headline="市侨联第六次代表大会开幕 邵启明 邬天成 甘露华等到会祝贺",
    )
    assert roles(found) == {"邵启明": "attendee"}


@pytest.mark.parametrize(
    "text,expected",
    [
        # a democratic party's chair; 代表 as a title before a clean name
        ("区民盟主委詹若曦，企业家代表戚鸣远先后发言。", [("詹若曦", "区民盟主委"), ("戚鸣远", "企业家代表")]),
        # 代表 as a verb names nobody
        ("市委常委邵启明代表市委致辞。代表们纷纷表示赞同。", [("邵启明", "市委常委")]),
        # a list ends in 和 + a surname-led name
        ("区领导柏少华、奚文清和屠立新出席。", [("柏少华", "区领导"), ("奚文清", "区领导"), ("屠立新", "区领导")]),
        # 委员 opening a clause or after 听取 is a title; elsewhere not
        ("委员郜晨阳、鄢小楠发言。", [("郜晨阳", "委员"), ("鄢小楠", "委员")]),
        ("会议应出席委员300名。", []),
        # TV-news speaker labels, with and without a colon
        ("梧桐市交通运输局副局长 霍思远：今年我们计划新建公路80公里。", [("霍思远", "梧桐市交通运输局副局长")]),
        ("柳河镇农业站站长 于海平 我们镇今年新增高标准农田1.2万亩。", [("于海平", "柳河镇农业站站长")]),
    ],
)
def test_people_forms(text, expected):
    assert titles(text) == expected


def test_extraction_is_a_pure_function_of_the_text():
    body = "昨天，县政协召开全体会议。委员郜晨阳、鄢小楠先后发言。她指出，要抓落实。"
    first = meeting(body)
    meeting("市领导柏少华、奚文清和屠立新出席。")
    assert meeting(body) == first


def test_delegation_session_with_a_head_and_deputies_speaking():
    found = meeting(
        "昨天下午，参加市人代会的柳河代表团举行全体会议，审议计划报告。副市长蒋立新参加审议。"
        "代表团团长彭志诚主持会议。审议中，代表钱文博、范雨婷先后发言。"
    )
    assert found.name == "柳河代表团全体会议"
    assert found.chair == ("彭志诚",)
    assert roles(found) == {"蒋立新": "attendee", "彭志诚": "chair", "钱文博": "speaker", "范雨婷": "speaker"}
