"""Places and levels: the place a paper serves and the place and level of a person's post, so that
two people of one name are told apart. Every place here is invented."""
from __future__ import annotations

import pytest

from gazette_text.places import level_rank, paper_place, title_place


@pytest.mark.parametrize(
    "paper,expected",
    [
        ("柳汀区融媒体中心", ("柳汀区", "区")),
        ("枫渚日报", ("枫渚", None)),  # a paper named by its place without the level
        ("枫渚县报", ("枫渚县", "县")),
        ("桐屿镇融媒", ("桐屿镇", "镇")),
        ("澄川市广播电视台", ("澄川市", "市")),
        ("澄川晚报", ("澄川", None)),
        ("苇塘新闻网", ("苇塘", None)),
        ("今日苇塘", ("苇塘", None)),
        ("苇塘发布", ("苇塘", None)),
        ("鹭洲县人民政府网", ("鹭洲县", "县")),
        ("柳汀区融媒体中心（电子版）", ("柳汀区", "区")),
        ("柳汀 日报", ("柳汀", None)),
        ("鹭洲自治州融媒", ("鹭洲自治州", "州")),
        ("鹭洲州日报", ("鹭洲州", None)),  # 某州 is as often a city's name as a prefecture
        ("苇塘旗融媒", ("苇塘旗", "旗")),
        ("澄川自治区日报", ("澄川自治区", "自治区")),
        ("柳汀区", ("柳汀区", "区")),  # a place named with its level, no media word
        ("柳汀", (None, None)),  # nothing says this is a paper of a place
        ("都市快报", (None, None)),  # 都市 is a word, not a place
        ("日报", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_paper_place(paper, expected):
    assert paper_place(paper) == expected


@pytest.mark.parametrize(
    "title,expected",
    [
        # the level of the person's own post: the last of the chain
        ("市委常委、区委书记", (None, "区")),
        ("市委副书记、市长", (None, "市")),
        ("县委常委、副县长", (None, "县")),
        ("镇党委书记", (None, "镇")),
        ("副县长", (None, "县")),
        ("省委书记", (None, "省")),
        ("村党支部书记", (None, "村")),
        ("社区居委会主任", (None, "社区")),
        ("街道党工委副书记、办事处主任", (None, "街道")),  # a post naming no level is its body's
        ("区委常委、宣传部部长", (None, "区")),
        ("局长", (None, None)),
        ("董事长", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
        # national posts
        ("国务院副总理", (None, "全国")),
        ("中央政治局委员、省委书记", (None, "省")),
        ("全国人大代表", (None, "全国")),
        ("国家发改委副主任", (None, "全国")),
        # places the title names
        ("澄川市委书记", ("澄川市", "市")),
        ("柳汀区区长", ("柳汀区", "区")),
        ("柳汀区政府副区长", ("柳汀区", "区")),
        ("中共柳汀区委书记", ("柳汀区", "区")),
        ("原枫渚县县长", ("枫渚县", "县")),
        ("澄川市柳汀区委书记", ("柳汀区", "区")),
        ("柳汀区桐屿街道党工委书记", ("桐屿街道", "街道")),
        ("区政协桐屿镇联络组组长", ("桐屿镇", "镇")),
        ("市委常委、柳汀区委书记", ("柳汀区", "区")),
        ("澄川市委常委、副市长", ("澄川市", "市")),  # the post's place named earlier in the chain
        ("市委常委、鹭洲市委书记", ("鹭洲市", "县级市")),  # a city within the city
        ("鹭洲自治州州长", ("鹭洲自治州", "州")),
        ("苇塘旗委书记", ("苇塘旗", "旗")),
        ("区委常委（挂职）", (None, "区")),
        # a level character inside a word is no level
        ("市场监管局局长", (None, None)),
        ("区市场监管局局长", (None, "区")),
        ("城市管理局局长", (None, None)),
        ("区城市管理局局长", (None, "区")),
        ("区域发展中心主任", (None, None)),
        ("县域经济办公室主任", (None, None)),
        ("乡村振兴局局长", (None, None)),
        ("区农业农村局局长", (None, "区")),
        ("市民代表", (None, None)),
        ("工业园区管委会主任", (None, None)),
        ("民盟市委主委", (None, "市")),
        # ... but the end of a place's name is one
        ("澄城市委书记", ("澄城市", "市")),
        ("苇湾区区长", ("苇湾区", "区")),
        ("澄城乡党委书记", ("澄城乡", "乡")),
        ("鹭洲湾新区管委会主任", ("鹭洲湾新区", "区")),  # 州 inside a name is no level
    ],
)
def test_title_place(title, expected):
    assert title_place(title) == expected


@pytest.mark.parametrize(
    "level,rank",
    [("全国", 0), ("省", 1), ("自治区", 1), ("市", 2), ("州", 2), ("盟", 2), ("区", 3), ("县", 3), ("旗", 3),
     ("县级市", 3), ("镇", 4), ("乡", 4), ("街道", 4), ("村", 5), ("社区", 5), (None, None), ("局", None)],
)
def test_level_rank(level, rank):
    assert level_rank(level) == rank


def test_people_of_one_name_are_told_apart_by_the_rank_of_their_posts():
    district = title_place("市委常委、区委书记")[1]
    city = title_place("市委副书记、市长")[1]
    assert level_rank(city) < level_rank(district) < level_rank(title_place("镇党委书记")[1])
