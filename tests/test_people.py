"""People named with a title: real sentences from the seeds, then cases written to break the rules."""
from __future__ import annotations

import jieba
import pytest

from gazette_text.people import find_mentions, find_titled_people


def pairs(text):
    return [(p.name, p.title) for p in find_titled_people(text)]


# Sentences as printed in the seed issues (full-width and half-width punctuation both occur).
SEED_DEVELOPMENT = [
    ("市委常委、区委书记乔俊杰主持会议。", [("乔俊杰", "市委常委、区委书记")]),
    ("区委副书记、区长恽淇丞等区委常委参加会议,", [("恽淇丞", "区委副书记、区长")]),
    ("副区长、武进公安分局局长盛世麟参加会议。", [("盛世麟", "副区长、武进公安分局局长")]),
    ("区领导孙益锋、盛世麟参加会议。", [("孙益锋", "区领导"), ("盛世麟", "区领导")]),
    (
        "市、区领导蒋鹏举、恽淇丞、徐俊、王斐参加活动。",
        [("蒋鹏举", "市、区领导"), ("恽淇丞", "市、区领导"), ("徐俊", "市、区领导"), ("王斐", "市、区领导")],
    ),
    ("区人大常委会领导石伟东、孙金才参加会议。", [("石伟东", "区人大常委会领导"), ("孙金才", "区人大常委会领导")]),
    (
        "区人大常委会主任石伟东、区政协主席郑政平列席会议。",
        [("石伟东", "区人大常委会主任"), ("郑政平", "区政协主席")],
    ),
    ("市长盛蕾主持第一阶段会议。", [("盛蕾", "市长")]),
    (
        "市委常委、秘书长杭勇，副市长、市公安局局长于贵平，市法院院长、市检察院检察长参加会议。",
        [("杭勇", "市委常委、秘书长"), ("于贵平", "副市长、市公安局局长")],
    ),
    # The seeds print both 恽洪丞 and 恽淇丞: each is kept as printed.
    ("区委副书记、区长恽洪丞在武进分会场收听收看会议。", [("恽洪丞", "区委副书记、区长")]),
    (
        "新疆伊犁州政协党组书记、主席赛尔建·乌合拜带领考察团来我区考察",
        [("赛尔建·乌合拜", "新疆伊犁州政协党组书记、主席")],
    ),
    (
        "副区长、武进公安分局局长、区打击治理电信网络新型违法犯罪工作联席会议总召集人盛世麟参加会议。",
        [("盛世麟", "副区长、武进公安分局局长、区打击治理电信网络新型违法犯罪工作联席会议总召集人")],
    ),
    ("区政府党组成员赵少华参加活动。", [("赵少华", "区政府党组成员")]),
    ("昨天,市委常委、区委书记乔俊杰以“四不两直”的方式,深入我区", [("乔俊杰", "市委常委、区委书记")]),
    (
        "市委常委、区委书记乔俊杰主持会议并讲话, 区委副书记、区长恽淇丞, 区人大常委会主任石伟东, "
        "区政协主席郑政平, 区委副书记吴震宇等区四套班子领导参加学习。",
        [
            ("乔俊杰", "市委常委、区委书记"),
            ("恽淇丞", "区委副书记、区长"),
            ("石伟东", "区人大常委会主任"),
            ("郑政平", "区政协主席"),
            ("吴震宇", "区委副书记"),
        ],
    ),
    # A bare name already learned in the sentence is no part of the next title.
    (
        "副市长蒋鹏举与公司董事长付彦座谈。蒋鹏举还与公司董事长兼总经理黄政杰围绕发展进行交流。",
        [("蒋鹏举", "副市长"), ("付彦", "公司董事长"), ("黄政杰", "公司董事长兼总经理")],
    ),
]

WRITTEN_TO_BREAK = [
    # positions without a name yield nobody
    ("市法院院长、市检察院检察长参加会议。", []),
    ("区四套班子领导参加学习。", []),
    ("全区党员干部特别是领导干部、民族工作条线干部，要强化使命责任感。", []),
    ("讨论研究并原则同意村（社区）党组织书记推荐名单。", []),
    ("习近平总书记关于新时代公安工作的重要论述。", []),
    ("各联席会议成员单位认真贯彻落实。", []),
    ("区委常委会研究决定。", []),
    # a title word that is not a title here
    ("坚持领导包案，对包案责任未落实的部门要问责。", []),
    ("要加快完善社区长效机制，推动落实。", []),
    # a name followed by 等 or by a run-on verb
    ("区领导王斐等参加活动。", [("王斐", "区领导")]),
    ("区长李有为参加会议。", [("李有为", "区长")]),
    ("副市长王强在会上讲话。", [("王强", "副市长")]),
    ("区委书记张建国看望了一线职工。", [("张建国", "区委书记")]),
    ("区委书记欧阳明华主持会议。", [("欧阳明华", "区委书记")]),
    # the title is only the title: no clause words, no earlier bare name
    ("会议由区委书记张建国主持。", [("张建国", "区委书记")]),
    ("会议传达了省委书记李建华在全省经济工作会议上的讲话精神。", [("李建华", "省委书记")]),
    ("乔俊杰、区委副书记吴震宇出席。", [("吴震宇", "区委副书记")]),
    ("昨天上午市委书记张建国出席。", [("张建国", "市委书记")]),
    # a chained name after a specific title gets no title of its own
    ("区委书记张建国、李明出席。", [("张建国", "区委书记"), ("李明", None)]),
    ("区长 恽淇丞参加会议。", [("恽淇丞", "区长")]),
    ("市人大、政协领导张三丰、李四海出席。", [("张三丰", "市人大、政协领导"), ("李四海", "市人大、政协领导")]),
]


@pytest.mark.parametrize("text,expected", SEED_DEVELOPMENT)
def test_seed_sentences(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text,expected", WRITTEN_TO_BREAK)
def test_written_to_break(text, expected):
    assert pairs(text) == expected


def test_start_is_the_name_offset():
    text = "昨天上午，全市公安工作会议召开。市委书记陈金虎出席会议并讲话。市长盛蕾主持第一阶段会议。"
    for person in find_titled_people(text):
        assert text[person.start:person.start + len(person.name)] == person.name


def test_mentions_find_learned_names_without_title():
    text = "市委常委、区委书记乔俊杰主持会议。乔俊杰强调，要抓好落实。乔俊杰一行来到企业。"
    names = {p.name for p in find_titled_people(text)}
    assert find_mentions(text, names) == [("乔俊杰", 9), ("乔俊杰", 17), ("乔俊杰", 29)]


def test_mentions_prefer_the_longer_name():
    assert find_mentions("欧阳明华主持", {"欧阳明华", "阳明"}) == [("欧阳明华", 0)]


def test_finding_people_teaches_jieba_nothing():
    name = "郗望舒"  # made up: the point is that jieba does not know it yet
    before = jieba.lcut(f"{name}强调要抓好落实")
    assert [p.name for p in find_titled_people(f"区长{name}主持会议。")] == [name]
    assert jieba.lcut(f"{name}强调要抓好落实") == before


def test_the_name_rules_ask_jiebas_dictionary_and_tags_what_posseg_would_answer():
    """The rules read the frequent words and their tags from jieba's dictionary file, not from posseg's
    table of every word (60 MB a worker): the two must agree on every word either knows."""
    import jieba.posseg as pseg

    from gazette_text import people

    jieba.initialize()
    freq, tags = jieba.dt.FREQ, pseg.dt.word_tag_tab
    frequent = {w for w in set(freq) | set(tags) if (freq.get(w) or 0) >= people._COMMON_WORD_FREQ}
    assert people._common_words() == {w: tags.get(w, "") for w in frequent}
    assert len(frequent) > 50_000  # the whole dictionary was read, not a part of it
    assert not people._is_common_word("王伟") and people._is_common_word("工作")
