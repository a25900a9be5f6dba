"""extract_statistics on real and hostile sentences.

Tables, price-parser style:
- SEEDS_DEVELOPMENT: sentences from the five seed issues (000-002 have gold, 003-004 judged by eye);
  the rules were developed on them.
- NOT_STATISTICS: seed sentences whose numbers are dates, ordinals, names or set phrases.
- WRITTEN_TO_BREAK: sentences written to break a rule (full-width digits, a date or an ordinal beside a
  number, ranges, hedges that end another word, model names).
A row is (raw_text, value, unit, qualifier, subject); ANY as subject leaves the subject unchecked.
The last test scores the gold issues the way the warehouse scorer does.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from gazette_text.statistics import Statistic, extract_statistics

ANY = object()


@dataclass(frozen=True)
class Example:
    text: str
    rows: tuple[tuple, ...]  # (raw_text, value, unit, qualifier, subject)


SEEDS_DEVELOPMENT = [
    Example(  # 000-2: a list of names before the counted noun
        "当前，武进已集聚艾斯康、创健生物、智态生创、天地人和等合成生物相关企业20余家，覆盖多个领域。",
        (("20余家", 20, "家", "余", "合成生物相关企业"),),
    ),
    Example(  # 000-3: one verb shared by a list; a date before the first number
        "截至10月15日，我区今年共接处警情2853起，其中火警1093起、抢险救援666起、社会救助服务类警情1094起；"
        "出动车辆5266辆次，出动人员27054人次，疏散被困人员46人，抢救财产570余万元。",
        (
            ("2853起", 2853, "起", None, "接处警情"),
            ("1093起", 1093, "起", None, "火警"),
            ("666起", 666, "起", None, "抢险救援"),
            ("1094起", 1094, "起", None, "社会救助服务类警情"),
            ("5266辆次", 5266, "辆次", None, "出动车辆"),
            ("27054人次", 27054, "人次", None, "出动人员"),
            ("46人", 46, "人", None, "疏散被困人员"),
            ("570余万元", 5_700_000, "元", "余", "抢救财产"),
        ),
    ),
    Example(  # 000-4 caption: counted noun after the counting word
        "礼嘉振兴产业园一期项目建筑总面积10.8万平方米，建设20栋厂房，目前4栋厂房已封顶，预计明年5月竣工投用。",
        (
            ("10.8万平方米", 108_000, "平方米", None, "建筑总面积"),
            ("20栋", 20, "栋", None, "厂房"),
            ("4栋", 4, "栋", None, "厂房"),
        ),
    ),
    Example(  # 001-2
        "点焊、自冲铆接、喷涂等多项工艺自动化率达到100%。",
        (("100%", 100, "%", "达到", "多项工艺自动化率"),),
    ),
    Example(  # 001-3: bracketed alternative unit
        "一期量产预计实现年产300万支(片)丝心蛋白系列医疗器械产品, 加速武进“颜值经济”发展。",
        (("300万支(片)", 3_000_000, "支", None, "年产丝心蛋白系列医疗器械产品"),),
    ),
    Example(  # 001-6
        "今年以来, 中心城区新增停车位1542个, 完成全年目标任务的102.8%, 新增车位共享机关企事业单位5家; "
        "“帮吾停”在淹城商业街、武进中医医院等15个高流量停车场加装ETC缴费设备, 无感支付比例达到40%;",
        (
            ("1542个", 1542, "个", None, "新增停车位"),
            ("102.8%", 102.8, "%", None, "完成全年目标任务"),
            ("5家", 5, "家", None, "新增车位共享机关企事业单位"),
            ("15个", 15, "个", None, "高流量停车场"),
            ("40%", 40, "%", "达到", "无感支付比例"),
        ),
    ),
    Example(  # 001-4: an anniversary, with the layout's spaces
        "习近平总书记在庆祝中华人民共和国成立 75 周年招待会上的讲话",
        (("75 周年", 75, "周年", None, "中华人民共和国成立"),),
    ),
    Example(  # 002-4
        "新项目总投资3亿元,拟建设生产车间、研发车间、办公楼等建筑约3.1万平方米,"
        "达产后将形成年产25万套生物陶瓷人工关节的产能,预计实现年销售收入5亿元。",
        (
            ("3亿元", 300_000_000, "元", None, "总投资"),
            ("3.1万平方米", 31_000, "平方米", "约", "建筑"),
            ("25万套", 250_000, "套", None, "年产生物陶瓷人工关节"),
            ("5亿元", 500_000_000, "元", None, "年销售收入"),
        ),
    ),
    Example(  # 002-4: ranges give a row per end, the range kept in raw_text
        "传统的植入人体的膝关节使用周期为8~10年,我们的产品使用寿命达20~30年。",
        (
            ("8~10年", 8, "年", None, ANY),
            ("8~10年", 10, "年", None, ANY),
            ("20~30年", 20, "年", "达", "我们的产品使用寿命"),
            ("20~30年", 30, "年", "达", "我们的产品使用寿命"),
        ),
    ),
    Example(  # 002-5 caption
        "占地面积约24亩,目前主体建筑基本完工。达产后,可形成年产中大型无人机70架、无人机零部件70套的生产规模,"
        "实现年销售收入2.5亿元。",
        (
            ("24亩", 24, "亩", "约", "占地面积"),
            ("70架", 70, "架", None, "年产中大型无人机"),
            ("70套", 70, "套", None, "无人机零部件"),
            ("2.5亿元", 250_000_000, "元", None, "年销售收入"),
        ),
    ),
    Example(  # 003: a duration of the noun after 的
        "2023年以来，我区启动了为期3年的租赁住房安全专项整治行动。",
        (("3年", 3, "年", None, "租赁住房安全专项整治行动"),),
    ),
    Example(  # 003: a share of the noun after 的; 万 followed by 余
        "一年来，已完成所有群租房和30%的出租房的排查整治工作，共排查租赁住房6.92万余户，"
        "排查各类安全隐患2.77万余处，隐患整改率达83.4%，各项数据均排在全市前列。",
        (
            ("30%", 30, "%", None, "出租房"),
            ("6.92万余户", 69_200, "户", "余", "排查租赁住房"),
            ("2.77万余处", 27_700, "处", "余", "排查各类安全隐患"),
            ("83.4%", 83.4, "%", "达", "隐患整改率"),
        ),
    ),
    Example(  # 003 caption: the company is the actor, not the subject
        "由江苏铂睿节能环保设备有限公司投资5亿元建设，用地63亩，规划建设生产车间、科研楼、办公楼等6.3万平方米。"
        "目前主体建筑正在施工，预计下半年建成，达产后年产值将达4.2亿元。",
        (
            ("5亿元", 500_000_000, "元", None, "投资"),
            ("63亩", 63, "亩", None, "用地"),
            ("6.3万平方米", 63_000, "平方米", None, "规划建设生产车间、科研楼、办公楼"),  # a list closed by 等
            ("4.2亿元", 420_000_000, "元", "达", "年产值"),
        ),
    ),
    Example(  # 004: magnitudes without a unit; a year before the verb
        "2023年发布883条贴文，曝光量3800万，互动量280万，矩阵综合传播力处于全省第一方阵。",
        (
            ("883条", 883, "条", None, "贴文"),
            ("3800万", 38_000_000, None, None, "曝光量"),
            ("280万", 2_800_000, None, None, "互动量"),
        ),
    ),
    Example(  # 004
        "通过一部主片，常州产业、常州人文、常州旅游3部配套片来立体呈现常州。共收到各类美图6000多幅。",
        (
            ("3部", 3, "部", None, "配套片"),
            ("6000多幅", 6000, "幅", "多", "收到各类美图"),
        ),
    ),
    Example(  # 004: counts sorted into the class named after them, not the list's last item
        "其中，创新探索“三套功夫”擦亮中欧绿色低碳合作新名片、全球CEO常州行等10项入选全市对外宣传创新项目；"
        "《忆江南》系列刻纸参展纽约艺术博览会、“以文促商·与武共进”文化交流系列活动等10项为全市对外宣传工作提名项目。",
        (
            ("10项", 10, "项", None, "全市对外宣传创新项目"),
            ("10项", 10, "项", None, "全市对外宣传工作提名项目"),
        ),
    ),
    Example(  # 004 caption: a completion date beside areas
        "占地约73亩，拟新建厂房和配套用房约4.2万平方米，建成后主要生产汽车饰件产品。预计2026年6月竣工投产。",
        (
            ("73亩", 73, "亩", "约", "占地"),
            ("4.2万平方米", 42_000, "平方米", "约", "新建厂房和配套用房"),
        ),
    ),
]

NOT_STATISTICS = [
    "要充分认识到新中国成立 75 年来经济社会发展取得的历史性成就",  # N年来 is a time
    "1—2月，我区电信网络诈骗警情压降率、损失压降率暂列全市第一",
    "即日起至5月31日，我区将重点开展反诈先锋、护企安商、护学防骗等“七大行动”",
    "10月11日是今年第五个“学习日”。10月11日—12日，我区组织开展学习活动。",
    "我区开展2024年第五个“学习日”活动",
    "深入学习贯彻省委十四届七次全会和市委十三届九次全会精神",
    "要深入学习贯彻党的二十届三中全会精神",
    "锚定“四个铁一般”标准，锻造一支绝对忠诚于党、党和人民满意的高素质公安铁军。",
    "要深刻把握新时代做好经济工作“五个必须”的规律性认识",
    "履行好第一责任人职责和“一岗双责”",
    "会议听取了常州市武进区第十七届人民代表大会第三次会议和政协常州市武进区第十五届委员会第三次会议筹备情况的汇报。",
    "讨论研究并原则同意2023年度常州市“5A”级村（社区）党组织书记推荐名单。",
    "常州紧扣“五年成势、十年成形、十五年成城”目标",
    "基于充电网、智能微网、移动能源网三张网纵深布局的做法",
    "形成产业集聚“一个园”、创新协同“一张网”的武进生态",
    "深刻领悟“两个确立”的决定性意义，自觉做到“两个维护”",
    "合成生物学是21世纪生命科学领域的颠覆性技术",
    "习近平总书记对甘肃临夏州积石山县6.2级地震作出的重要指示",
    "在中共中央政治局第十一次集体学习时的重要讲话精神",
    "深入推进“生命至上，隐患必除”专项行动、治本攻坚三年行动。",
    "位于武进国家高新区北区的十里农贸市场临近小区",
    "千方百计拓宽项目渠道，一级抓一级、层层抓落实，严格落实“三管三必须”要求",
    "预计明年4月完成ISO标准认定。",
    "会议还讨论了《2024年武进区民生实事项目责任分解落实方案》",
    "在“万亿之城再出发”的新征程上",
    "通过城市形象片、城市读本、城市歌曲、海媒矩阵、城市画卷、外宣创新项目六大体系",
    "全力以赴抓好四季度经济工作，健全对“一府一委两院”监督制度",
]

WRITTEN_TO_BREAK = [
    Example("全市共有规上企业１２家，完成投资1,542万元。", (
        ("１２家", 12, "家", None, "规上企业"),  # full-width digits, printed as they were
        ("1,542万元", 15_420_000, "元", None, "完成投资"),
    )),
    Example("曝光量３８００万。", (("３８００万", 38_000_000, None, None, "曝光量"),)),
    Example("截至10月15日共接处警情2853起", (("2853起", 2853, "起", None, "接处警情"),)),  # date glued on
    Example("2024年10月共新增企业35家", (("35家", 35, "家", None, "新增企业"),)),
    Example("第5个学习日有120名干部参加", (("120名", 120, "名", None, "干部"),)),  # ordinal beside a count
    Example("5A级景区3家，5G基站新建1200个，C919交付3架", (
        ("3家", 3, "家", None, ANY),
        ("1200个", 1200, "个", None, ANY),
        ("3架", 3, "架", None, ANY),
    )),
    Example("项目总投资3~5亿元，建设周期12～18个月", (
        ("3~5亿元", 300_000_000, "元", None, "总投资"),  # the magnitude on the high end covers both
        ("3~5亿元", 500_000_000, "元", None, "总投资"),
        ("12～18个月", 12, "个月", None, "建设周期"),
        ("12～18个月", 18, "个月", None, "建设周期"),
    )),
    Example("员工约200人左右", (("200人左右", 200, "人", "左右", "员工"),)),  # the hedge after wins
    Example("同比增长12.5%，高于全省1.2个百分点，增长百分之三十", (
        ("12.5%", 12.5, "%", None, "同比增长"),
        ("1.2个百分点", 1.2, "个百分点", None, "高于全省"),
        ("百分之三十", 30, "%", None, "增长"),
    )),
    Example("全年地区生产总值3000多亿元，年接待游客超过500万人次", (
        ("3000多亿元", 300_000_000_000, "元", "多", "地区生产总值"),
        ("500万人次", 5_000_000, "人次", "超过", "年接待游客"),
    )),
    Example("全区共有二十余家企业参加，百余名志愿者到场", (
        ("二十余家", 20, "家", "余", "企业"),
        ("百余名", 100, "名", "余", "志愿者"),
    )),
    Example("新中国成立七十五周年", (("七十五周年", 75, "周年", None, "新中国成立"),)),
    Example("签约3个项目，节约3吨标煤，附近3家商户", (  # 约/近 end another word here
        ("3个", 3, "个", None, "项目"),
        ("3吨", 3, "吨", None, ANY),
        ("3家", 3, "家", None, "商户"),
    )),
    Example("均价1.2万元/平方米", (("1.2万元/平方米", 12_000, "元/平方米", None, "均价"),)),
    Example("近5年新增就业岗位8000个", (
        ("5年", 5, "年", "近", ANY),
        ("8000个", 8000, "个", None, "新增就业岗位"),
    )),
    Example("新建厂房、仓库等2.4万平方米，甲镇、乙镇等3个镇获评省级卫生镇，丙村、丁村等5个被列入试点", (
        ("2.4万平方米", 24_000, "平方米", None, "新建厂房、仓库"),
        ("3个", 3, "个", None, "镇"),  # a noun after the count still wins
        ("5个", 5, "个", None, "试点"),
    )),
    Example("志愿者上门服务100次为群众解决问题", (("100次", 100, "次", None, "志愿者上门服务"),)),  # 为 = "for"
    Example("全区38个村（社区）、5个街道共有党员1.2万名", (
        ("38个", 38, "个", None, "村"),
        ("5个", 5, "个", None, "街道"),
        ("1.2万名", 12_000, "名", None, "党员"),
    )),
    Example("我区今年共接处警情2853\n\n起，其中火警1093起。", (  # a layout break the splitter missed
        ("2853\n\n起", 2853, "起", None, "接处警情"),
        ("1093起", 1093, "起", None, "火警"),
    )),
    # Chinese-numeral counts a sentence makes with small numbers (CONVENTIONS "Numbers")
    Example("东山灯会展出花灯1200余盏，当晚游客同比增长两成左右。", (  # 盏; tenths with a hedge after
        ("1200余盏", 1200, "盏", "余", ANY),
        ("两成左右", 2, "成", "左右", "当晚游客同比增长"),
    )),
    Example("规上企业复工率超九成，民营经济占比近七成，贡献了八成以上的新增就业。", (
        ("九成", 9, "成", "超", "规上企业复工率"),
        ("七成", 7, "成", "近", "民营经济占比"),
        ("八成以上", 8, "成", "以上", ANY),
    )),
    Example("西岭水厂项目分三期建设，工程共分四个标段实施，划分为七个施工片区。", (  # a division
        ("三期", 3, "期", None, ANY),
        ("四个", 4, "个", None, ANY),
        ("七个", 7, "个", None, ANY),
    )),
    Example("今年累计开展燃气安全检查三轮。", (("三轮", 3, "轮", None, ANY),)),  # a count closing its clause
    Example("举办技能培训班3期，发放鱼苗5万尾，安装路灯300盏，捐赠帐篷20顶、大米100袋。", (
        ("3期", 3, "期", None, "举办技能培训班"),
        ("5万尾", 50_000, "尾", None, "发放鱼苗"),
        ("300盏", 300, "盏", None, "安装路灯"),
        ("20顶", 20, "顶", None, "捐赠帐篷"),
        ("100袋", 100, "袋", None, "大米"),
    )),
    # rates, postfix 多 after a percentage, 可达, compound units
    Example("泵站设计流量每秒40立方米，溢洪道最大泄洪流量可达900m³/s。", (
        ("40立方米", 40, "立方米/秒", None, "泵站设计流量"),
        ("900m³/s", 900, "m³/s", "可达", "溢洪道最大泄洪流量"),
    )),
    Example("目前主体工程已经完成了60%多，订单增长了200%多的企业有3家。", (
        ("60%多", 60, "%", "多", ANY),
        ("200%多", 200, "%", "多", ANY),
        ("3家", 3, "家", None, ANY),
    )),
    Example("全县植保飞防作业面积可达12万亩次，审批时限压缩至2.5个工作日。", (
        ("12万亩次", 120_000, "亩次", "可达", "植保飞防作业面积"),  # 全县 is framing
        ("2.5个工作日", 2.5, "个工作日", None, ANY),
    )),
]

WRITTEN_TO_BREAK_NOT_STATISTICS = [
    "拨打12345热线或0519-86661234咨询",  # codes and phone numbers have no unit
    "20世纪80年代以来，10余年来，3年前",  # points in time
    "该企业排名前10位",  # a rank
    "2024-2025学年，2024.10.15",  # years and dates in figures
    "全面贯彻“十四五”规划，推进“1+N”政策体系",
    "三个街道、两个确立、四套班子、千家万户",  # Chinese numerals below ten name set phrases
    "《常州市2024年3个专项行动方案》",  # inside a title
    "9时30分开始，持续到10点",
    # small Chinese numerals the sentence does not count with, and 成 that starts a word
    "坚持两手抓、做到三个到位，一分为二地看问题。",
    "这两次检查之后，每三天巡查一回。",  # 这/每 point at a time
    "他八成是记错了，企业一成不变地坚持品质，3成员单位参加。",
]


def _rows(stats: list[Statistic]) -> list[tuple]:
    return [(s.raw_text, s.value, s.unit, s.qualifier, s.subject) for s in stats]


def _matches(expected: tuple, got: tuple) -> bool:
    return all(e is ANY or e == g for e, g in zip(expected, got))


@pytest.mark.parametrize("example", SEEDS_DEVELOPMENT + WRITTEN_TO_BREAK, ids=lambda e: e.text[:24])
def test_extracts_rows(example: Example) -> None:
    got = _rows(extract_statistics(example.text))
    assert len(got) == len(example.rows), got
    for expected, row in zip(example.rows, got):
        assert _matches(expected, row), (expected, row)


@pytest.mark.parametrize("text", NOT_STATISTICS + WRITTEN_TO_BREAK_NOT_STATISTICS, ids=lambda t: t[:24])
def test_not_statistics(text: str) -> None:
    assert _rows(extract_statistics(text)) == []


@pytest.mark.parametrize("example", SEEDS_DEVELOPMENT + WRITTEN_TO_BREAK, ids=lambda e: e.text[:24])
def test_offsets_and_sentence_point_into_the_body(example: Example) -> None:
    for stat in extract_statistics(example.text):
        assert example.text[stat.start:stat.end] == stat.raw_text
        assert stat.raw_text in stat.sentence
        assert stat.sentence in example.text


def test_sentence_is_the_one_holding_the_number() -> None:
    body = "会议强调，要抓好落实。\n\n截至目前，共排查隐患120处。下一步将继续推进。"
    (stat,) = extract_statistics(body)
    assert stat.sentence == "截至目前，共排查隐患120处。"


def test_more_after_a_percentage_is_a_hedge_only_where_the_word_ends() -> None:
    (stat,) = extract_statistics("出口增长30%多数来自新兴市场")  # 多数 "most" starts the next clause
    assert (stat.raw_text, stat.qualifier) == ("30%", None)


def test_range_rows_share_raw_text_and_offsets() -> None:
    low, high = extract_statistics("使用寿命达20~30年")
    assert (low.value, high.value) == (20, 30)
    assert (low.raw_text, low.start, low.end) == (high.raw_text, high.start, high.end)


# --- the gold, scored like /work/shared/tools/score_gold.py -------------------------------------

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"


@pytest.mark.parametrize("gold_path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem[:3])
def test_gold_precision_and_recall(gold_path: Path) -> None:
    import eval_statistics  # the dev evaluation script beside this file

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (eval_statistics.SEEDS_DIR / f"{gold['issue']}.txt").read_text(encoding="utf-8")
    tp, fp, fn = eval_statistics.score_issue(gold, eval_statistics.gold_bodies(text, gold), verbose=False)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)
