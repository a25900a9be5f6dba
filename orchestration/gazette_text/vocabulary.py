"""The shared vocabulary of the parsers: every word list or character class two modules use, once.

A list that only one module needs stays in that module. Lists are tuples of words (for
``str.startswith`` and sets); ``alternation`` turns one into a regex fragment, longest word first so
that ``截至目前`` is tried before ``截至`` and ``人次`` before ``人``. Fragments are uncompiled strings
meant to be composed into a module's patterns (compiled once, at import).
"""
from __future__ import annotations

import re


def alternation(words) -> str:
    """``(?:a|b|c)`` of the words, escaped, longest first (a regex tries alternatives in order)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# --- characters and marks ------------------------------------------------------------------------

# CJK Unified Ideographs, for use inside a character class: f"[{CJK}]".
CJK = "\u4e00-\u9fff"
# 〇 is the zero of 二〇二四; it sits outside the ideograph block but is written like one.
HAN_ZERO = "\u3007"

# Marks that end a sentence (full- and half-width), and marks that end a clause inside one.
SENTENCE_END_MARKS = "。！？!?"
COMMAS = "，,"
SEMICOLONS = "；;"
COLONS = "：:"
CLAUSE_MARKS = COMMAS + SEMICOLONS + COLONS
LIST_MARK = "、"  # the enumeration comma: 甲、乙、丙
ELLIPSIS = "…"  # a quoted sentence may trail off, and still ends
CLOSING_QUOTES = "”’\"'」』"  # may follow the mark that ends a sentence
# Spaces inside a line (half-width, tab, ideographic): indents, and the padding of a justified page.
LINE_SPACES = " \t\u3000"

# --- time words ------------------------------------------------------------------------------------

MONTH_DAY = r"\d{1,2}月\d{1,2}日"
# Days a news report dates its event by: past or today, then vague recency.
PAST_DAYS = ("昨天", "昨日", "昨晚", "前天", "今天", "今日", "今晨", "当天", "当日")
RECENT_DAYS = ("近日", "日前", "近期", "连日来")
COMING_DAYS = ("明天", "明日")  # announcements; never a dateline of what happened
DAY_PARTS = ("上午", "下午", "中午", "晚上", "晚间", "早上", "清晨", "凌晨", "傍晚", "夜间")
MONTH_PARTS = ("上旬", "中旬", "下旬")
# "Now": a report's present, which frames a clause without naming anything.
NOW_WORDS = ("目前", "当前", "现在", "如今", "眼下", "截至目前")

# The time words that open a lede clause before its subject (昨天上午，/ 10月12日 市委书记…):
# stripped from the front of a title or a meeting's name.
CLAUSE_OPENING_TIME = (
    f"(?:{MONTH_DAY}|{alternation(PAST_DAYS + RECENT_DAYS + COMING_DAYS + DAY_PARTS + MONTH_PARTS)})+"
)

# Words that make what follows a plan, not a fact (预计2026年6月竣工, 力争年底投产).
FORECAST_WORDS = ("预计", "计划", "力争", "争取", "有望", "可望", "确保", "拟", "预期", "目标")

# --- places and bodies -----------------------------------------------------------------------------

# How a local paper names its own area or everyone in it (我区召开…, 全市共…).
OWN_AREA = ("我区", "我市", "我县", "我镇", "全区", "全市", "全县", "全镇")

# Administrative levels, by the word that ends a place's name (鹤湾区, 白沙街道), and their rank from
# the country down. A 县级市 ends in 市 like a city: only a title chain tells them apart.
NATIONAL_LEVEL = "全国"
LEVEL_RANKS = {
    NATIONAL_LEVEL: 0,
    "省": 1, "自治区": 1, "特别行政区": 1,
    "市": 2, "州": 2, "盟": 2,
    "区": 3, "县": 3, "旗": 3, "县级市": 3,
    "镇": 4, "乡": 4, "街道": 4,
    "村": 5, "社区": 5,
}
# Bodies whose posts are national (国务院副总理, 中央委员, 全国人大代表, 国家发改委主任).
NATIONAL_BODIES = ("中央", "国务院", "全国", "国家")
# What a paper, station or site adds to the name of the place it serves (鹤湾区融媒体中心, 青溪日报,
# 今日青溪): stripped, longest first, to read the place.
MEDIA_SUFFIXES = (
    "融媒体中心", "融媒体", "融媒", "新闻中心", "新闻网", "新闻", "广播电视总台", "广播电视台", "电视台",
    "广播电台", "电台", "日报", "晚报", "早报", "晨报", "时报", "商报", "都市报", "快报", "周报", "导报",
    "手机报", "数字报", "电子版", "报社", "报", "网", "发布", "客户端", "在线", "头条", "传媒",
    "人民政府", "政府",
)
MEDIA_PREFIXES = ("今日",)

# The last character of an organisation's or a place's name (区发改委, 县住建局, 某某公司, 白沙街道): a
# title after one is a post there (区发改委项目科科长), and a collective title is shared from it.
ORGANISATION_END_CHARS = "市区县省州镇乡村街委会府局办部厅院校司团协组室处科所站队园业子"

# --- people ------------------------------------------------------------------------------------------

# Base title words; a prefix (副, 常务, 党组, an organisation) is read from the text before them.
OFFICIAL_TITLES = (
    "书记", "区长", "市长", "县长", "省长", "州长", "镇长", "乡长", "村长", "主任", "主席",
    "局长", "厅长", "处长", "科长", "所长", "队长", "站长", "馆长", "园长", "校长", "院长",
    "部长", "组长", "行长", "会长", "社长", "署长", "常委", "委员", "成员", "领导", "秘书长",
    "检察长", "审计长", "指挥长", "总指挥", "召集人", "负责人", "政委", "专员", "巡视员",
    "调研员", "董事长", "理事长", "监事长", "总经理", "经理", "总裁", "总监", "创始人",
    "总工程师", "总经济师", "总会计师", "主编", "总编辑", "教授", "人大代表",
    "主委",  # a democratic party's chair (民建主委)
    "团长",  # 代表团团长
)
# Words that name a role only sometimes (代表 is also a verb: 代表区委致辞): a title only before a
# name that starts with a surname and ends at a strong boundary (老干部代表莫振华，).
LOOSE_TITLES = ("代表",)
# Titles naming a group (区领导, 党组成员): shared along a 、 list, and weaker than a specific title.
COLLECTIVE_TITLES = ("领导", "负责人", "成员", "委员")

# --- meetings ----------------------------------------------------------------------------------------

CONVENE_VERBS = ("召开", "举行")  # a meeting is held
# Words that end the name of a meeting (全区安全生产工作会议, 动员大会, 经济运行分析会). A bare 会 is
# also an organisation (商会, 协会, 委员会), so it makes a meeting only after one of MEETING_TYPES.
MEETING_NOUNS = ("会议", "大会", "全会", "例会", "党代会", "人代会", "职代会")
MEETING_TYPES = (
    "推进", "学习", "督办", "座谈", "部署", "调度", "协调", "联席", "总结", "动员", "视频", "工作",
    "现场", "汇报", "务虚", "恳谈", "交流", "对接", "分析", "研讨", "论证", "评审", "通报", "讲评",
    "观摩", "听证", "评议", "述职", "办公", "碰头", "协商", "誓师", "表彰", "专题",
)
# Gatherings named …会 that are no meeting: fairs, shows, sports, parties, launches.
NON_MEETING_GATHERINGS = (
    "发布会", "博览会", "运动会", "展览会", "交易会", "招聘会", "演唱会", "音乐会", "晚会", "庙会",
    "展销会", "推介会", "洽谈会", "文化节", "艺术节", "旅游节", "美食节",
)
CHAIR_VERBS = ("主持",)
OBSERVER_VERBS = ("列席",)
ATTENDANCE_VERBS = (
    "出席", "参加", "陪同", "收听收看", "参会", "与会", "视频连线",
    "到会",  # 到会指导, 到会祝贺
    "就座",  # 在主席台（前排）就座
)
# Verbs of speaking; 讲话/致辞/发言 are also nouns (重要讲话), the others report what was said.
SPEECH_WORDS = ("讲话", "致辞", "发言")
REMARK_VERBS = ("强调", "指出", "要求", "表示", "提出")
TEACHING_VERBS = ("授课", "宣讲")

# --- measure words ---------------------------------------------------------------------------------

# Counting words: what they count is usually the noun right after them (20栋厂房, 883条贴文).
COUNT_UNITS = frozenset(
    "个 家 户 处 项 条 部 幅 篇 件 套 支 片 台 架 辆 艘 栋 幢 座 间 所 批 只 头 株 棵 本 册 份 "
    "张 块 名 位 人 类 种 款 门 场 组 宗 例 笔 单 根 层 起 次 轮 部门 家庭 "
    "盏 枚 颗 尾 箱 袋 瓶 桶 顶 "  # lamps, medals, seedlings, donated goods (路灯300盏, 鱼苗5万尾)
    "期".split()  # phases and sessions (分两期建设, 举办培训班3期)
)
SQUARE_METRE_UNITS = ("平方米", "㎡", "m2", "m²")
# Measures: what they measure is usually named before the number (建筑总面积10.8万平方米).
MEASURE_UNITS = frozenset(
    "人次 辆次 架次 户次 场次 车次 批次 家次 元 美元 欧元 平方公里 平方千米 公顷 亩 "
    "立方米 米 公里 千米 厘米 毫米 吨 公斤 千克 克 毫克 微克 斤 升 毫升 千瓦时 千瓦 兆瓦 瓦 度 摄氏度 ℃ 周年 年 "
    "个月 周 天 小时 分钟 秒 岁 倍 % ‰ 个百分点 标箱 m³ km kg kW kWh MW GW "
    "亩次 个工作日 工作日 "  # 飞防作业56万亩次, 压缩至3.2个工作日
    "成".split()  # tenths: 九成 is 9 成 (read only before a break: 七成左右, 超九成。)
) | frozenset(SQUARE_METRE_UNITS)

# --- numerals ----------------------------------------------------------------------------------------

CN_ZEROS = "零〇"
CN_NONZERO_DIGITS = "一二两三四五六七八九"
CN_DIGITS = CN_ZEROS + CN_NONZERO_DIGITS
CN_SMALL_UNITS = "十百千"  # a digit times ten, hundred, thousand
CN_MAGNITUDES = "万亿"
