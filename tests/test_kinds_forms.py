"""Article kinds from the headline and the lead, ranked. All names, places and text are invented."""
from __future__ import annotations

import pytest

from gazette_text.articles import parse_issue
from gazette_text.kinds import classify


@pytest.mark.parametrize(
    "headline,lead,kind",
    [
        # the meeting-noun family, in the headline
        ("钱立新在全县乡村振兴动员大会上强调 聚力攻坚", "昨天上午，全县乡村振兴动员大会召开。", "meeting"),
        ("县总工会第五次会员代表大会开幕", "今天上午，县总工会第五次会员代表大会开幕。", "meeting"),
        ("二季度全县经济形势分析会召开", "昨日下午，县政府召开二季度全县经济形势分析会。", "meeting"),
        ("县政府召开第十二次常务会议", "8日，县政府召开第十二次常务会议。", "meeting"),
        ("北湖镇召开防汛工作推进会", "近日，北湖镇召开防汛工作推进会。", "meeting"),
        # a meeting held, said only in the lead
        ("凝心聚力 谋划新篇", "昨天下午，县政府召开安全生产形势分析会，部署下阶段工作。", "meeting"),
        ("凝心聚力 共话发展", "昨天下午，全县民营经济座谈会在县行政中心举行。", "meeting"),
        # gatherings that are no meeting, and meeting words that qualify something else
        ("首届桂花文化节开幕", "昨天，首届桂花文化节在白沙镇开幕。", "event"),
        ("春季招聘会举行 提供岗位2000个", "昨天，春季招聘会在人力资源市场举行。", "event"),
        ("全镇掀起学习全会精神热潮", "连日来，白沙镇各村组织党员学习。", "event"),
        ("县商会举行揭牌仪式", "昨天，县商会举行揭牌仪式。", "event"),
        ("各村传达学习会议精神", "连日来，各村党支部传达学习全县农村工作会议精神。", "event"),
        # projects named without the word 项目
        ("白沙湖生态修复工程开工", "昨天，白沙湖生态修复工程开工。", "project"),
        ("临港冷链物流基地 主体完工", "20日上午，记者获悉，临港冷链物流基地主体完工。", "project"),
        ("滨江大道改造工程全线通车", "昨日，滨江大道改造工程全线通车。", "project"),
        ("江岸新区5个重大项目集中开工", "昨天上午，江岸新区二季度重大项目集中开工。", "project"),
        # a project reported in the lead of a feature headline
        ("鹿鸣镇：冬闲人不闲", "眼下，在鹿鸣镇排涝站改造工程现场，十余台挖掘机正在作业。", "project"),
        ("北塘区：向新而行", "今年以来，北塘区一批重点项目加快建设，为发展注入动能。", "project"),
        # a leader inspecting outranks the topic noun
        ("李志远调研重点项目建设时强调 抢抓工期", "前天，县长李志远调研重点项目建设情况。", "inspection"),
        ("县长督查重点工程进度", "日前，县长督查重点工程建设进度。", "inspection"),
        ("凝心聚力 抢抓工期", "日前，县长李志远到江岸新区检查重点项目建设。", "inspection"),
        # a delegation from elsewhere
        ("北山市党政代表团来我县考察", "6月2日至3日，北山市党政代表团来我县考察。", "visit"),
        # everything else
        ("“春风行动”送岗位上门", "3月9日，白沙镇开展“春风行动”。", "event"),
    ],
)
def test_classify(headline, lead, kind):
    assert classify(headline, lead) == kind


def test_a_scene_setting_opening_gives_way_to_the_sentence_with_the_date():
    lead = "秋日的白沙湖畔，一派繁忙景象。9月23日，县长李志远带队检查湖区治理进度。"
    assert classify("清淤保安澜 治水惠民生", lead) == "inspection"


def test_a_photo_item_stays_a_photo_whatever_it_shows():
    (photo,) = parse_issue("江岸新区标准厂房项目开工建设，图为施工现场。\n陈小明 摄\n").articles
    assert photo.kind == "photo"
