"""Page layouts of papers other than the seeds' one: where articles start and end, their headlines,
photo items and credits, leftovers. Every text here is invented (江州市, 柳河区, made-up people)."""
from __future__ import annotations

import pytest

from gazette_text import credits
from gazette_text.articles import parse_issue
from gazette_text.coverage import coverage
from gazette_text.decoding import decode_issue

STORY_A = "本报讯（记者 王立新）昨天上午，全区重点工作推进会召开。会议部署了下阶段任务。"
STORY_B = "本报讯（记者 李春燕）昨天下午，区政府召开常务会议，研究部署安全生产工作。"


def _parse(text: str):
    parsed = parse_issue(text)
    assert coverage(text, parsed).ratio == 1.0  # nothing printed is lost or doubled
    return parsed


def _headlines(text: str) -> list[str | None]:
    return [a.headline for a in _parse(text).articles]


# --- headlines ---


def test_kicker_main_title_and_subtitle_make_one_headline():
    text = f"\n\n赵海明在全区工作会议上强调\n\n抓落实 促发展\n\n全力冲刺全年目标\n\n{STORY_A}\n"
    assert _headlines(text) == ["赵海明在全区工作会议上强调 抓落实 促发展 全力冲刺全年目标"]


def test_title_split_over_several_lines_is_one_headline():
    text = f"\n\n柳河区新材料产业园\n年产十万吨项目\n签约落地\n\n{STORY_A}\n"
    assert _headlines(text) == ["柳河区新材料产业园 年产十万吨项目 签约落地"]


@pytest.mark.parametrize(
    "kicker",
    ["《奋进新征程·柳河在行动》", "稳字当头 进字为先——", "86.5亿元！"],
    ids=["series-in-brackets", "kicker-ending-in-dash", "figure-with-exclamation"],
)
def test_kickers_of_every_form_belong_to_the_headline(kicker):
    text = f"{STORY_B}\n\n{kicker}\n\n柳河区重大项目集中开工\n\n{STORY_A}\n"
    assert _headlines(text)[-1] == f"{kicker} 柳河区重大项目集中开工"


def test_today_in_a_two_line_title_with_a_subtitle():
    text = f"\n\n江州市第五次代表大会\n今日开幕\n\n钱晓峰 孙丽华等到会祝贺\n\n{STORY_A}\n"
    assert _headlines(text) == ["江州市第五次代表大会 今日开幕 钱晓峰 孙丽华等到会祝贺"]


def test_topic_banner_over_a_full_headline_is_a_label():
    text = f"聚焦2030江州两会\n\n江州市政协第六次会议\n隆重开幕\n\n钱晓峰作工作报告\n\n{STORY_A}\n"
    parsed = _parse(text)
    assert [a.headline for a in parsed.articles] == ["江州市政协第六次会议 隆重开幕 钱晓峰作工作报告"]
    assert [l.text for l in parsed.leftovers] == ["聚焦2030江州两会"]


# --- stories without a byline ---


def test_place_colon_title_starts_a_story_without_byline():
    text = (
        f"\n\n推进会召开\n\n{STORY_A}\n\n"
        "柳河区：小龙虾养出大产业\n\n眼下正是小龙虾上市旺季，柳河区各养殖基地一派繁忙。\n\n"
        "今年全区养殖面积进一步扩大。\n"
    )
    articles = _parse(text).articles
    assert [a.headline for a in articles] == ["推进会召开", "柳河区：小龙虾养出大产业"]
    assert articles[1].body.startswith("眼下正是") and articles[1].body.endswith("进一步扩大。")


def test_page_of_web_reposts_without_bylines_splits_on_each_title():
    text = (
        "江州市召开防汛工作会议\n\n"
        "6月3日，江州市召开防汛工作会议，部署今年防汛备汛工作。\n\n会议要求压实各级责任。\n\n"
        "市领导参加义务植树活动\n\n"
        "3月12日上午，市领导与机关干部一道参加义务植树活动。\n\n当天共栽植苗木八千余株。\n\n"
        "柳河区召开乡村振兴推进会\n\n"
        "昨天，柳河区召开乡村振兴推进会，总结交流经验做法。\n"
    )
    articles = _parse(text).articles
    assert [a.headline for a in articles] == ["江州市召开防汛工作会议", "市领导参加义务植树活动", "柳河区召开乡村振兴推进会"]
    assert articles[0].body.endswith("压实各级责任。")


def test_sentence_cut_by_the_layout_is_not_a_headline():
    text = (
        "\n\n全区工作会议召开\n\n"
        f"{STORY_A}\n\n会议听取了柳河区第\n\n十届人民代表大会第二次会议筹备情况的汇报。\n\n"
        "随后，赵海明一行来到位于\n\n白沙街道的社区服务中心，察看便民服务情况。\n"
    )
    (article,) = _parse(text).articles
    assert "会议听取了柳河区第十届人民代表大会" in article.body
    assert "来到位于白沙街道" in article.body


def test_single_article_web_repost_with_crlf_is_one_article():
    raw = (
        "“一网通办” 跑出加速度\r\n江州市政务服务改革见实效\r\n\r\n"
        "5月6日，江州市政务服务中心新增二十个综合窗口。\r\n"
        "去年以来，全市推行“一件事一次办”改革，办事时限平均压缩一半。\r\n"
        "市政务服务办相关负责人表示，下一步将持续优化营商环境。\r\n"
    ).encode("gb18030")
    (article,) = _parse(decode_issue(raw).text).articles
    assert article.headline == "“一网通办” 跑出加速度 江州市政务服务改革见实效"
    assert article.body.startswith("5月6日") and article.body.endswith("持续优化营商环境。")


def test_web_repost_with_its_title_right_above_the_text():
    text = (
        "江州市召开科技创新大会\n"
        "4月9日，江州市召开科技创新大会，表彰一批创新企业和科技人才，部署全年科技创新重点任务。\n"
        "会议指出，要加快建设区域科技创新中心，推动创新链产业链深度融合。\n"
    )
    (article,) = _parse(text).articles
    assert article.headline == "江州市召开科技创新大会"
    assert article.body.startswith("4月9日")


# --- bylines around the text ---


@pytest.mark.parametrize(
    "closing,reporters,contributors",
    [("（周雪）", [], ["周雪"]), ("周雪 孙丽华", [], ["周雪", "孙丽华"]), ("（记者_周雪）", ["周雪"], [])],
    ids=["bracketed", "names-alone", "underscore"],
)
def test_names_after_the_text_close_the_story_and_are_its_byline(closing, reporters, contributors):
    text = (
        "\n\n全区安全生产会议召开\n\n本报讯 昨天上午，全区安全生产会议召开。会议部署了节前安全检查。\n\n"
        f"{closing}\n\n新春走基层\n\n{STORY_B}\n"
    )
    first, second = _parse(text).articles
    assert first.body.endswith("安全检查。") and closing not in first.body
    assert sorted(first.reporters) == sorted(reporters) and sorted(first.contributors) == sorted(contributors)
    assert second.headline == "新春走基层"


def test_byline_glued_to_the_last_sentence_ends_the_paragraph():
    text = (
        "\n\n全区安全生产会议召开\n\n本报讯 昨天上午，全区安全生产会议召开。会议部署了节前安全检查。(周雪、见习记者 孙丽华)\n\n"
        f"区政府召开常务会议\n\n{STORY_B}\n"
    )
    first, second = _parse(text).articles
    assert first.reporters == ("孙丽华",) and first.contributors == ("周雪",)
    assert second.headline == "区政府召开常务会议"


def test_byline_on_a_line_of_its_own_opens_the_body():
    text = "\n\n柳河区重大项目集中开工\n\n□融媒记者 周雪 通讯员 孙丽华\n\n初夏时节，柳河区各项目工地一派繁忙。\n"
    (article,) = _parse(text).articles
    assert article.headline == "柳河区重大项目集中开工"
    assert article.body.startswith("□融媒记者") and article.reporters == ("周雪",)
    assert article.dateline is None or "初夏" not in article.dateline


# --- photo items ---


def test_photo_item_with_its_own_title():
    text = (
        f"\n\n推进会召开\n\n{STORY_A}\n\n\n\n"
        "白沙镇：荷花盛开 游人如织\n\n近日，白沙镇千亩荷塘进入盛花期，吸引游客前来观赏。（赵海明 摄）\n"
    )
    photo = _parse(text).articles[-1]
    assert photo.kind == "photo" and photo.headline == "白沙镇：荷花盛开 游人如织"
    assert photo.photographers == ("赵海明",) and photo.body.endswith("前来观赏。")


def test_column_labels_around_a_caption_broken_inside_a_word_are_leftovers():
    text = (
        f"\n\n推进会召开\n\n{STORY_A}\n\n\n\n重点工程\n巡礼\n\n"
        "位于柳河区的江州新能源电池项目，总投资六亿元，目前正在进行设备安\n\n"
        "装，预计年底投产。图为施工现场。 钱晓峰 摄\n\n项目建设\n冲刺年\n"
    )
    parsed = _parse(text)
    photo = parsed.articles[-1]
    assert photo.kind == "photo" and photo.headline is None
    assert "设备安装，预计年底投产。" in photo.body
    assert [l.text for l in parsed.leftovers] == ["重点工程 巡礼", "项目建设 冲刺年"]


@pytest.mark.parametrize(
    "credit,photographers",
    [
        ("钱晓峰 摄", ("钱晓峰",)),
        ("钱晓峰 孙丽华 摄", ("钱晓峰", "孙丽华")),
        ("（钱晓峰 摄）", ("钱晓峰",)),
        ("本网记者 钱晓峰 摄", ("钱晓峰",)),
        ("晚报记者 周 雪 摄", ("周雪",)),
        ("文/孙丽华 图/钱晓峰", ("钱晓峰",)),
    ],
)
def test_photo_credit_forms(credit, photographers):
    caption = "昨日，市民在江州湿地公园参加健步走活动。"
    (photo,) = _parse(f"\n\n\n{caption} {credit}\n").articles
    assert photo.kind == "photo" and photo.photographers == photographers
    assert photo.body == caption and photo.reporters == ()


def test_a_sentence_ending_in_she_is_no_credit():
    assert credits.split_credit("工作人员正在现场拍摄")[1] is None


# --- layout repair ---


@pytest.mark.parametrize("left,right,joined", [("工期1", "2年", "工期12年"), ("全长6.1", "6公里", "全长6.16公里")])
def test_layout_break_inside_a_number_is_repaired(left, right, joined):
    text = f"\n\n标题新闻\n\n本报讯（记者 周雪）柳河综合整治工程{left}\n\n{right}，目前进展顺利。\n"
    (article,) = _parse(text).articles
    assert joined in article.body


def test_fullwidth_digits_are_read_as_digits():
    raw = "\n\n８６.５亿元！\n\n柳河区项目集中签约\n\n本报讯（记者 周雪）正月初八，签约项目总投资８６．５亿元。\n".encode()
    (article,) = parse_issue(decode_issue(raw).text).articles
    assert article.headline == "86.5亿元！ 柳河区项目集中签约" and "86.5亿元。" in article.body
