"""Article splitting on the seeds, checked against the visible gold (tests/fixtures/gold).

Every gold article must be found with its headline, byline people, photographers, kind and dateline;
nothing else may be reported as an article. The two seed issues without gold are checked by
structure (article count, photo items, labels kept as leftovers).
"""
from __future__ import annotations

import pytest

from conftest import gold_issues, seed_text
from gazette_text.articles import parse_issue
from helpers import find_gold_article, norm as _norm


def _match(articles, gold_article):
    return find_gold_article(articles, gold_article, whole=True)  # whole: nothing after the gold end


GOLD_ARTICLES = [(g["issue"], ga) for g in gold_issues() for ga in g["articles"]]


@pytest.mark.parametrize("issue,gold_article", GOLD_ARTICLES, ids=[ga["key"] for _, ga in GOLD_ARTICLES])
def test_gold_article_is_found_whole(issue, gold_article):
    article = _match(parse_issue(seed_text(issue)).articles, gold_article)
    assert article is not None, f"no article spans {gold_article['body_start']!r}…{gold_article['body_end']!r}"
    assert _norm(article.headline) == _norm(gold_article["headline"])
    assert article.kind == gold_article["kind"]
    assert sorted(article.reporters) == sorted(gold_article["reporters"])
    assert sorted(article.contributors) == sorted(gold_article["contributors"])
    assert sorted(article.photographers) == sorted(gold_article["photographers"])
    assert _norm(article.dateline) == _norm(gold_article["dateline"])


@pytest.mark.parametrize("gold_issue", gold_issues(), ids=lambda g: g["issue"])
def test_no_extra_articles(gold_issue):
    assert len(parse_issue(seed_text(gold_issue["issue"])).articles) == len(gold_issue["articles"])


def test_layout_break_inside_a_number_is_repaired():
    fire = parse_issue(seed_text("000_dbf7ed12aa541d15")).articles[2]
    assert "共接处警情2853起，其中火警1093起" in fire.body
    assert "\n\n起" not in fire.body


def test_layout_break_inside_a_date_range_is_repaired():
    text = "标题一\n\n本报讯（记者 王明）10月11日—1\n\n2日，我区组织开展学习活动。\n"
    (article,) = parse_issue(text).articles
    assert "10月11日—12日，" in article.body


def test_headline_broken_over_short_lines_is_kept_whole():
    project = parse_issue(seed_text("000_dbf7ed12aa541d15")).articles[1]
    assert project.headline == "重组蛋白组织 再生科技项目 落地西太湖"
    assert not project.body.startswith("重组")  # the headline is not glued to the body


def test_column_labels_and_slogans_are_leftovers_not_articles():
    parsed = parse_issue(seed_text("002_24a69f92f399e6af"))
    assert [l.text for l in parsed.leftovers] == ["重点项目 进行时", "滨湖科创城 智造武高新"]
    assert all("重点项目" not in (a.headline or "") for a in parsed.articles)


@pytest.mark.parametrize(
    "stem,kinds,photographers",
    [
        ("003_bea86a44bee5fdb8", ["inspection", "meeting", "meeting", "event", "photo"], ("陆新", "徐芊卉")),
        ("004_398e301003055898", ["meeting", "meeting", "event", "photo"], ("徐芊卉",)),
    ],
)
def test_seeds_without_gold_follow_the_same_rules(stem, kinds, photographers):
    parsed = parse_issue(seed_text(stem))
    assert [a.kind for a in parsed.articles] == kinds
    photo = parsed.articles[-1]
    assert photo.photographers == photographers and photo.headline is None
    assert not photo.body.endswith("摄")  # a credit on its own line is not part of the caption
    assert [l.text for l in parsed.leftovers] == ["重点项目 进行时"]


def test_credit_on_its_own_line_after_a_caption_makes_a_photo_item():
    text = "\n\n\n区重点项目正在建设，预计明年投产。\n\n张三 李四 摄\n"
    (photo,) = parse_issue(text).articles
    assert photo.kind == "photo"
    assert photo.photographers == ("张三", "李四")
    assert photo.body == "区重点项目正在建设，预计明年投产。"
