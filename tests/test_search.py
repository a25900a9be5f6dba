"""Full-text search: every article printing a word is found (and no other), the article about the
topic comes first, the index refreshed article by article equals one built at once, and the SQL shell
and `make search` answer or say in one line why not.

Real articles: the seeds as `make run` builds them (conftest's ``built``, whose build ran the search
index asset), and the dev pages as the parser reads them, written to a scratch marts.articles (a second
pipeline build would cost the suite half a minute). Query words come from the data where they can.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import jieba
import pytest
from dagster import AssetKey, materialize

from conftest import REPO
from gazette_pipeline import search as search_cli
from gazette_pipeline import text_index
from gazette_pipeline.assets.search_index import article_search_index
from gazette_pipeline.definitions import build_definitions
from gazette_pipeline.resources import Warehouse
from gazette_pipeline.search import search
from gazette_pipeline.text_index import refresh_index
from gazette_text.decoding import decode_issue
from gazette_text.issue import read_issue
from gazette_text.people import find_titled_people
from gazette_text.search_terms import query_words

DEV_PAGES = REPO / "tests" / "fixtures" / "dev-pages"
PYTHON = sys.executable
# Words of any local paper, and single characters (looked up in the text, not the index).
COMMON_WORDS = ("消防", "隐患", "安全生产", "招商", "会议", "项目", "高质量发展", "常委会", "经济运行", "习近平总书记",
                "党", "水", "村")


# --- warehouses ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(built, tmp_path_factory) -> Path:
    """The seeds' warehouse as `make run` left it, copied: read here in this process, never written."""
    return Path(shutil.copy(built, tmp_path_factory.mktemp("search_seeds") / "warehouse.duckdb"))


@pytest.fixture(scope="module")
def dev_pages(tmp_path_factory) -> Path:
    """The dev pages' articles in marts.articles of a scratch warehouse, indexed."""
    warehouse = tmp_path_factory.mktemp("search_dev") / "warehouse.duckdb"
    rows = []
    for page in sorted(DEV_PAGES.glob("*.txt")):
        issue = read_issue(page.name, decode_issue(page.read_bytes()).text)
        rows += [(f"{page.stem}-{a.seq:03d}", a.headline, a.body, issue.publication.published_on, None, None)
                 for a in issue.articles]
    with duckdb.connect(str(warehouse)) as conn:
        conn.execute("create schema marts")
        conn.execute("create table marts.articles (article_id varchar, headline varchar, body varchar,"
                     " published_on date, paper varchar, parsed_at timestamp)")
        conn.executemany("insert into marts.articles values (?, ?, ?, ?, ?, ?)", rows)
        refresh_index(conn)
    return warehouse


@pytest.fixture(params=["seeds", "dev_pages"])
def warehouse(request) -> Path:
    return request.getfixturevalue(request.param)


_readers: dict[Path, duckdb.DuckDBPyConnection] = {}


@pytest.fixture(scope="module", autouse=True)
def _close_readers():
    yield
    while _readers:
        _readers.popitem()[1].close()


def _rows(warehouse: Path, sql: str, params=()) -> list[tuple]:
    """Read-only, over one connection per file (only ever opened once nothing writes it any more)."""
    if warehouse not in _readers:
        _readers[warehouse] = duckdb.connect(str(warehouse), read_only=True)
    return _readers[warehouse].execute(sql, params).fetchall()


def _found(warehouse: Path, query: str) -> set[str]:
    return {article_id for (article_id,) in _rows(warehouse, "select article_id from search.matches(?)", [query])}


def _printing(warehouse: Path, word: str) -> set[str]:
    """What a search for ``word`` must find: the articles whose headline or body prints it (a Latin
    word as a whole word, any case)."""
    if re.fullmatch("[0-9A-Za-z]+", word):
        pattern = f"(^|[^0-9a-z]){word.lower()}([^0-9a-z]|$)"
        sql = ("select article_id from marts.articles where regexp_matches(lower(coalesce(headline, '')), ?)"
               " or regexp_matches(lower(coalesce(body, '')), ?)")
        return {a for (a,) in _rows(warehouse, sql, [pattern, pattern])}
    sql = "select article_id from marts.articles where headline like ? or body like ?"
    return {a for (a,) in _rows(warehouse, sql, [f"%{word}%", f"%{word}%"])}


def _names(warehouse: Path) -> list[str]:
    """People printed in the articles: marts.people where the pipeline built it, else the parser's."""
    if _rows(warehouse, "select count(*) from information_schema.tables where table_name = 'people'")[0][0]:
        return [name for (name,) in _rows(warehouse, "select person from marts.people order by 1")]
    bodies = [body for (body,) in _rows(warehouse, "select body from marts.articles")]
    return sorted({p.name for body in bodies for p in find_titled_people(body)})


def _latin_words(warehouse: Path) -> list[str]:
    bodies = " ".join(body for (body,) in _rows(warehouse, "select body from marts.articles"))
    return sorted(set(re.findall("[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*", bodies)))[:10]


# --- found wherever printed ---------------------------------------------------------------------

def test_every_article_printing_a_word_is_found_and_no_other(warehouse):
    words = _names(warehouse) + list(COMMON_WORDS) + _latin_words(warehouse) + ["GDP", "5G"]
    printed = 0
    for word in words:
        expected = _printing(warehouse, word)
        assert _found(warehouse, word) == expected, word
        printed += bool(expected)
    assert printed >= 25  # most words are printed somewhere: not a comparison of empty sets


def test_a_query_finds_the_articles_printing_any_of_its_words(warehouse):
    names = _names(warehouse)
    query = f"{names[0]} 消防 {names[-1]}"
    assert _found(warehouse, query) == set().union(*(_printing(warehouse, w) for w in query.split()))


def test_a_name_the_segmenter_cuts_in_two_is_found(seeds, dev_pages):
    # jieba's own cut of the name, read-only: nothing is added to its dictionary
    cut = [(w, name) for w in (seeds, dev_pages) for name in _names(w) if jieba.lcut(name) != [name]]
    assert len(cut) >= 3
    for warehouse, name in cut:
        assert _found(warehouse, name) == _printing(warehouse, name) != set(), name


def test_a_word_whose_pairs_are_printed_apart_is_not_found(seeds):
    # 3 characters abc whose pairs ab and bc an article prints, but never abc
    (article_id, body) = _rows(seeds, "select article_id, body from marts.articles order by length(body) desc")[0]
    pairs = {body[i:i + 2] for i in range(len(body) - 1) if re.fullmatch("[一-鿿]{2}", body[i:i + 2])}
    word = next(ab + bc[1] for ab in sorted(pairs) for bc in sorted(pairs) if ab[1] == bc[0] and ab + bc[1] not in body)
    assert article_id not in _found(seeds, word)
    assert _found(seeds, word) == _printing(seeds, word)


# --- ranking -------------------------------------------------------------------------------------

TOPICS = [
    ("seeds", "消防", "消防安全"),
    ("seeds", "消防 隐患", "消防安全"),
    ("seeds", "反诈", "反诈"),
    ("seeds", "停车", "停车管理"),
    ("seeds", "信访", "信访"),
    ("seeds", "租赁住房", "租赁住房"),
    ("seeds", "招商 研修", "招商实务"),
    ("seeds", "生物陶瓷", "生物陶瓷"),
    ("dev_pages", "植树", "植树"),
    ("dev_pages", "水库 除险加固", "水库"),
    ("dev_pages", "高温", "高温"),
    ("dev_pages", "茶文化", "茶文化"),
    ("dev_pages", "冬修水利", "冬修水利"),
    ("dev_pages", "春风行动", "春风行动"),
    ("dev_pages", "分离膜", "分离膜"),
    ("dev_pages", "人大常委会 会议", "人大常委会"),
]


@pytest.mark.parametrize("source,query,headline", TOPICS)
def test_the_article_about_the_topic_comes_first(request, source, query, headline):
    warehouse = request.getfixturevalue(source)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        hits = search(conn, query, limit=3)
    assert headline in (hits[0].headline or ""), [h.headline for h in hits]


def test_a_word_in_the_headline_outweighs_a_passing_mention_in_the_body(warehouse):
    # every pair of Han characters printed in a headline, and once in the body of an article that
    # does not have it in its headline
    articles = _rows(warehouse, "select article_id, coalesce(headline, ''), body from marts.articles")
    pairs = {h[i:i + 2] for _, h, _ in articles for i in range(len(h) - 1) if re.fullmatch("[一-鿿]{2}", h[i:i + 2])}
    compared = 0
    for pair in sorted(pairs):
        in_headline = {a for a, h, _ in articles if pair in h}
        passing = {a for a, h, body in articles if pair not in h and body.count(pair) == 1}
        if not passing:
            continue
        ranked = [a for (a,) in _rows(warehouse, "select article_id from search.matches(?) order by score desc", [pair])]
        assert max(map(ranked.index, in_headline)) < min(map(ranked.index, passing)), pair
        compared += 1
        if compared == 40:  # enough, and the suite stays fast
            break
    assert compared >= 20


def test_the_passage_prints_the_words(seeds):
    for query in ("消防", "消防 隐患", "安全生产", "党"):
        hits = _rows(seeds, "select passage, headline from search.articles(?)", [query])
        assert hits
        for passage, headline in hits:
            words = query_words(query)
            assert len(passage) <= 82
            assert any(w in passage for w in words) or any(w in (headline or "") for w in words), passage


def test_top_says_how_many(seeds):
    every = len(_printing(seeds, "会议"))
    assert every > 10
    assert len(_rows(seeds, "select * from search.articles('会议', top := 3)")) == 3
    assert len(_rows(seeds, "select * from search.articles('会议')")) == 10
    assert _rows(seeds, "select count(*) from search.matches('会议')")[0][0] == every
    with duckdb.connect(str(seeds), read_only=True) as conn:
        assert len(search(conn, "会议", limit=every + 5)) == every


# --- odd queries ---------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["", "   ", "！？。，", "——", None, "'); drop table marts.articles; --",
                                   "消防" * 500, "ＧＤＰ", "5G基站", "a"])
def test_any_query_answers_without_error(seeds, query):
    rows = _rows(seeds, "select * from search.articles(?)", [query])
    if not query_words(query or ""):
        assert rows == []
    assert _rows(seeds, "select count(*) from marts.articles")[0][0] > 0


def test_full_width_letters_search_as_their_ascii_forms(seeds):
    assert _found(seeds, "ＧＤＰ　５Ｇ") == _found(seeds, "gdp 5g")


@pytest.mark.parametrize("query,message", [("", "nothing to search for"), ("！？", "nothing searchable")])
def test_make_search_says_why_a_query_searches_nothing(query, message, capsys):
    assert search_cli.main([query]) == 2
    assert message in capsys.readouterr().err


def test_make_search_lists_the_article_with_the_word_in_its_headline_first(seeds, monkeypatch, capsys):
    monkeypatch.setenv("WAREHOUSE_PATH", str(seeds))
    (headline,) = _rows(seeds, "select headline from marts.articles where headline like '%消防%'")[0]
    assert search_cli.main(["消防"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(" 1. ") and lines[0].endswith(headline)
    assert "消防" in lines[1]
    assert search_cli.main(["GDP"]) == 0
    assert capsys.readouterr().out.strip() == "no article prints GDP"


# --- the terms, the same in SQL and in Python --------------------------------------------------

def _expected_terms(text: str) -> list[str]:
    """The index's rules, written out: pairs of adjacent Han characters, Latin words whole."""
    pairs = [run[i:i + 2] for run in re.findall("[一-鿿〇]+", text) for i in range(len(run) - 1)]
    return sorted(pairs + re.findall("[0-9a-z]+", text.lower()))


def test_the_terms_of_every_article(warehouse):
    for body, terms in _rows(warehouse, "select body, search.terms(body) from marts.articles"):
        assert sorted(terms) == _expected_terms(body)


def test_the_index_holds_the_terms_of_every_article_as_often_as_printed(warehouse):
    """The index makes its pairs by a join of its own (text_index.py), not with terms(): the same terms."""
    got = {(a, t): (h, b) for a, t, h, b in _rows(warehouse, """
        select d.article_id, p.term, p.headline_tf, p.body_tf
        from search.postings p join search.documents d using (doc_id)""")}
    expected = Counter()
    for article_id, headline, body in _rows(warehouse, "select article_id, headline, body from marts.articles"):
        for term in _expected_terms(headline or ""):
            expected[(article_id, term, "headline")] += 1
        for term in _expected_terms(body or ""):
            expected[(article_id, term, "body")] += 1
    pairs = {(a, t) for a, t, _ in expected}
    assert got and set(got) == pairs
    assert all(got[(a, t)] == (expected[(a, t, "headline")], expected[(a, t, "body")]) for a, t in pairs)


def test_python_and_sql_split_a_query_alike(warehouse):
    queries = [h for (h,) in _rows(warehouse, "select headline from marts.articles where headline is not null")]
    queries += ["消防 隐患", "ＧＤＰ增长５Ｇ", "5.6%", "二〇二四年", "", "！"]
    for query in queries:
        (words,) = _rows(warehouse, "select search.query_words(?)", [query])[0]
        assert sorted(words) == sorted(query_words(query)), query


# --- refresh -------------------------------------------------------------------------------------

def _index(warehouse: Path) -> tuple[list, list]:
    """The index without its doc_ids (they depend on the order articles came in)."""
    documents = _rows(warehouse, """select article_id, fingerprint, body_terms
                                    from search.documents order by all""")
    postings = _rows(warehouse, """select p.term, d.article_id, p.headline_tf, p.body_tf
                                   from search.postings p join search.documents d using (doc_id) order by all""")
    return documents, postings


def test_a_refreshed_index_equals_one_built_at_once(seeds, tmp_path):
    at_once, refreshed = tmp_path / "at_once.duckdb", tmp_path / "refreshed.duckdb"
    shutil.copy(seeds, refreshed)
    (last_issue,) = _rows(seeds, "select max(issue_id) from marts.articles")[0]
    with duckdb.connect(str(refreshed)) as conn:
        conn.execute("drop schema search cascade")
        # the archive before its last issue, with one article printed otherwise then
        conn.execute("create table main.held as from marts.articles where issue_id = ?", [last_issue])
        conn.execute("delete from marts.articles where issue_id = ?", [last_issue])
        conn.execute("create table main.edited as from marts.articles order by article_id limit 1")
        conn.execute("update marts.articles set body = body || '补记一句。' where article_id = (from main.edited select article_id)")
        first = refresh_index(conn)
        # then: the last issue arrives, the article is printed as it is now, another one is gone
        conn.execute("insert into marts.articles from main.held")
        # (as the pipeline does it: its issue parsed again, later)
        conn.execute("update marts.articles set body = (from main.edited select body), parsed_at = parsed_at + interval 1 hour"
                     " where article_id = (from main.edited select article_id)")
        conn.execute("delete from marts.articles where article_id = (select max(article_id) from marts.articles"
                     " where issue_id != ?)", [last_issue])
        (new_articles,) = conn.execute("select count(*) from main.held").fetchone()
        conn.execute("drop table main.held; drop table main.edited")
        second = refresh_index(conn)
    shutil.copy(refreshed, at_once)
    with duckdb.connect(str(at_once)) as conn:
        conn.execute("drop schema search cascade")
        whole = refresh_index(conn)

    assert first.indexed == first.documents and not first.rebuilt
    # the new issue's articles and the edited one; the edited and the gone one leave; no other text read
    assert (second.indexed, second.removed) == (new_articles + 1, 2)
    assert second.checked == new_articles + 1 and first.checked == first.documents
    assert whole.indexed == whole.documents == second.documents
    assert _index(refreshed) == _index(at_once)
    for query in ("消防 隐患", "党", "安全生产"):
        assert _rows(refreshed, "select * from search.articles(?)", [query]) == \
            _rows(at_once, "select * from search.articles(?)", [query])


def test_nothing_new_indexes_nothing_and_other_rules_index_everything(seeds, tmp_path):
    warehouse = Path(shutil.copy(seeds, tmp_path / "warehouse.duckdb"))
    with duckdb.connect(str(warehouse)) as conn:
        again = refresh_index(conn)
        conn.execute("update search.index_version set version = 'older rules'")
        rebuilt = refresh_index(conn)
    assert (again.indexed, again.removed, again.checked) == (0, 0, 0)
    assert rebuilt.rebuilt and rebuilt.indexed == rebuilt.documents == again.documents


class _CutOff:
    """A connection whose ``after``+1-th insert of postings is interrupted, as a killed run's would be."""

    def __init__(self, conn, after: int):
        self.conn, self.left = conn, after

    def execute(self, sql, *args):
        if sql.startswith(f"insert into {text_index.SCHEMA}.postings"):
            if self.left == 0:
                raise KeyboardInterrupt
            self.left -= 1
        return self.conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.conn, name)


def test_an_index_cut_off_midway_is_completed_by_the_next_refresh(seeds, tmp_path, monkeypatch):
    warehouse = Path(shutil.copy(seeds, tmp_path / "warehouse.duckdb"))
    monkeypatch.setattr(text_index, "BATCH_ARTICLES", 5)
    with duckdb.connect(str(warehouse)) as conn:
        conn.execute("drop schema search cascade")
        with pytest.raises(KeyboardInterrupt):
            refresh_index(_CutOff(conn, after=2))
        (kept,) = conn.execute("select count(*) from search.documents").fetchone()
        (orphans,) = conn.execute("select count(*) from search.postings anti join search.documents using (doc_id)").fetchone()
        again = refresh_index(conn)
    # two batches whole, the third not at all; the next refresh indexes the rest
    assert (kept, orphans) == (10, 0)
    assert again.indexed == again.documents - kept > 0
    assert _index(warehouse) == _index(seeds)


# --- the pipeline ----------------------------------------------------------------------------------

def test_the_index_is_built_by_the_pipeline_after_the_articles_mart(seeds):
    graph = build_definitions(str(seeds)).resolve_asset_graph()
    node = graph.get(AssetKey(["search", "article_index"]))
    assert node.parent_keys == {AssetKey(["marts", "articles"])}
    assert node.partitions_def is None  # so every build and refresh runs it, after dbt
    assert _rows(seeds, "select count(*) from search.documents") == _rows(seeds, "select count(*) from marts.articles")


def test_the_asset_indexes_only_what_changed(seeds, tmp_path):
    warehouse = Path(shutil.copy(seeds, tmp_path / "warehouse.duckdb"))
    result = materialize([article_search_index], resources={"warehouse": Warehouse(path=str(warehouse))})
    assert result.success
    (event,) = result.get_asset_materialization_events()
    metadata = {k: v.value for k, v in event.step_materialization_data.materialization.metadata.items()}
    assert metadata["articles_indexed"] == 0
    assert metadata["dagster/row_count"] == _rows(seeds, "select count(*) from marts.articles")[0][0]


# --- make sql ------------------------------------------------------------------------------------

def _shell(warehouse: Path, stdin: str) -> subprocess.CompletedProcess:
    """`make sql` as a pipe runs it."""
    return subprocess.run([PYTHON, "-m", "gazette_pipeline.shell"], input=stdin, capture_output=True, text=True,
                          cwd=REPO, env={"PATH": str(Path(PYTHON).parent), "WAREHOUSE_PATH": str(warehouse)})


def test_the_sql_shell_reads_a_pipe_and_knows_the_search_macro(seeds):
    (count,) = _rows(seeds, "select count(*) from marts.articles")[0]
    out = _shell(seeds, "select count(*) from marts.articles;")
    assert out.returncode == 0 and re.search(rf"│\s+{count}\s+│", out.stdout), out.stdout + out.stderr
    (headline,) = _rows(seeds, "select headline from search.articles('消防') limit 1")[0]
    out = _shell(seeds, ".mode list\nselect headline from search.articles('消防') limit 1;")
    assert out.returncode == 0 and out.stdout.strip().splitlines()[-1] == headline, out.stderr


def test_the_sql_shell_says_in_one_line_that_there_is_no_warehouse_yet(tmp_path):
    out = _shell(tmp_path / "none.duckdb", "select 1;")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "run `make run` first" in out.stderr


def test_the_sql_shell_says_in_one_line_that_a_build_is_writing(seeds, tmp_path):
    warehouse = Path(shutil.copy(seeds, tmp_path / "warehouse.duckdb"))
    writer = subprocess.Popen([PYTHON, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True);"
                               " sys.stdin.read()", str(warehouse)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        out = _shell(warehouse, "select 1;")
    finally:
        writer.stdin.close()
        writer.wait()
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and f"being written by a build (process {writer.pid})" in out.stderr
