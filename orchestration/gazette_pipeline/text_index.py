"""The full-text index of the articles, kept in the warehouse: its tables, its SQL macros, its refresh.

Our own BM25 over a postings table, not DuckDB's fts extension: on 10,000 synthetic issues (44,843
articles) fts took 55 s to index and redoes it all on every change (PRAGMA create_fts_index), these
postings take 11 s once and 0.2 s per refresh; and macros of core SQL answer in any DuckDB client (the
shell, Python, dbt) with no extension to load. Queries there: 16-90 ms, one character 250 ms.

* ``search.articles(query)``: the ``top`` (10) best articles with the passage that matched.
* ``search.matches(query)``: every article printing at least one word of the query: its score, the words.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from gazette_text.search_terms import terms_macros

from .resources import transaction

SCHEMA = "search"
# BM25's usual constants for bodies. A headline is scored with no length normalisation (b = 0) and
# doubled: one mention in it (2 idf) outweighs one in any body (at most idf (K1 + 1) / (1 + K1 (1 - B))
# = 1.69 idf, in the shortest body).
K1, B = 1.2, 0.75
HEADLINE_BOOST = 2.0
PASSAGE_CHARS = 80
BATCH_ARTICLES = 5000  # articles tokenized at once: bounds the memory of a first build

_TABLES = f"""
create schema if not exists {SCHEMA};
-- One row per indexed article; an article whose text changes gets a new doc_id.
create table if not exists {SCHEMA}.documents (
    doc_id integer, article_id varchar, fingerprint varchar, body_terms integer
);
-- How often each term occurs in each article's headline and body.
create table if not exists {SCHEMA}.postings (term varchar, doc_id integer, headline_tf integer, body_tf integer);
create table if not exists {SCHEMA}.index_version (version varchar);
-- The newest parsed_at of marts.articles at the last refresh: only articles parsed since are fingerprinted.
create table if not exists {SCHEMA}.indexed_through (parsed_at timestamp);
"""

_MATCHES = f"""
create or replace macro {SCHEMA}.matches(query) as table
with words as (
    select unnest({SCHEMA}.query_words(query)) as word
), word_terms as (
    select word, unnest({SCHEMA}.word_terms(word)) as term from words
), wanted as (
    select word, count(*) as terms from word_terms group by word
), indexed_hits as (
    select w.word, p.doc_id, p.headline_tf, p.body_tf, count(*) over (partition by w.word, w.term) as df
    from word_terms w join {SCHEMA}.postings p using (term)
    where not {SCHEMA}.is_single_han(w.word)
), single_han_hits as (
    -- not in the index (single characters would add two thirds to it): counted in the text
    select w.word, d.doc_id,
           length(coalesce(a.headline, '')) - length(replace(coalesce(a.headline, ''), w.word, '')) as headline_tf,
           length(coalesce(a.body, '')) - length(replace(coalesce(a.body, ''), w.word, '')) as body_tf,
           count(*) over (partition by w.word) as df
    from words w
    join marts.articles a on contains(a.body, w.word) or contains(a.headline, w.word)
    join {SCHEMA}.documents d using (article_id)
    where {SCHEMA}.is_single_han(w.word)
), collection as (
    select count(*) as n, greatest(avg(body_terms), 1) as avg_b from {SCHEMA}.documents
), word_scores as (
    -- BM25 of the body plus the headline's; a word is found where all its terms are
    select h.word, h.doc_id, d.article_id, count(*) as terms, sum(
        ln(1 + (c.n - h.df + 0.5) / (h.df + 0.5)) * (
            h.body_tf * {K1 + 1} / (h.body_tf + {K1} * (1 - {B} + {B} * d.body_terms / c.avg_b))
            + {HEADLINE_BOOST} * h.headline_tf * {K1 + 1} / (h.headline_tf + {K1})
        )) as score
    from (from indexed_hits union all by name from single_han_hits) h
    join {SCHEMA}.documents d using (doc_id) cross join collection c
    group by h.word, h.doc_id, d.article_id
), found as (
    select s.word, s.article_id, s.score from word_scores s join wanted using (word)
    where s.terms = wanted.terms and (length(s.word) <= 2 or {SCHEMA}.is_latin(s.word))
    union all
    -- the pairs of a longer word may all be printed, but apart: keep articles printing it whole
    select s.word, s.article_id, s.score from word_scores s join wanted using (word)
    join marts.articles a using (article_id)
    where s.terms = wanted.terms and length(s.word) > 2 and not {SCHEMA}.is_latin(s.word)
      and (contains(coalesce(a.headline, ''), s.word) or contains(coalesce(a.body, ''), s.word))
)
select article_id, sum(score) as score, list_sort(list(word)) as words
from found
group by article_id;
"""

# The best ``top`` matches, with the body's sentence printing most of the words (the first such); a
# long one is cut to PASSAGE_CHARS from the start of the clause that holds its first match.
_ARTICLES = f"""
create or replace macro {SCHEMA}.articles(query, top := 10) as table
with best as (
    select m.article_id, m.score, a.published_on, a.paper, a.headline, a.body
    from {SCHEMA}.matches(query) m join marts.articles a using (article_id)
    order by m.score desc, a.published_on desc nulls last, m.article_id
    limit top
), sentences as (
    select *, {SCHEMA}.query_words(query) as words,
           regexp_extract_all(coalesce(body, ''), '[^。！？；\\n]+[。！？；]?') as sentences
    from best
), counted as (
    select *, list_transform(sentences, s -> len(list_filter(words, w -> contains(lower(s), w)))) as counts
    from sentences
), chosen as (
    select *, coalesce(sentences[list_position(counts, list_max(counts))], '') as sentence from counted
), located as (
    select *, coalesce(list_min(list_filter(list_transform(words, w -> instr(lower(sentence), w)), p -> p > 0)), 1)
              as first_match
    from chosen
), cut as (
    select *, first_match - length(regexp_extract(
                  substring(sentence, 1, first_match - 1), '[^，,、：:；;\\s]{{0,{PASSAGE_CHARS // 3}}}$')) as start
    from located
)
select published_on, paper, headline,
       case when length(sentence) <= {PASSAGE_CHARS} then sentence
            else (case when start > 1 then '…' else '' end) || substring(sentence, start, {PASSAGE_CHARS})
                 || (case when start + {PASSAGE_CHARS} <= length(sentence) then '…' else '' end)
       end as passage,
       round(score, 3) as score, article_id
from cut
order by score desc, published_on desc nulls last, article_id;
"""


def create_index(conn) -> None:
    """The tables (kept when they exist) and the macros (always replaced)."""
    conn.execute(_TABLES)
    conn.execute(terms_macros(SCHEMA))
    conn.execute(_MATCHES)
    conn.execute(_ARTICLES)


def index_version() -> str:
    """Changes with the rules of the terms or the tables: an index made by other rules is rebuilt."""
    return hashlib.md5((terms_macros(SCHEMA) + _TABLES).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class IndexChanges:
    indexed: int  # articles new or changed since the last refresh
    checked: int  # articles fingerprinted to find those: parsed since the last refresh, or never indexed
    removed: int  # entries of articles gone or changed
    documents: int  # articles in the index now
    postings: int
    rebuilt: bool  # made by other rules before: every article was indexed again


def refresh_index(conn) -> IndexChanges:
    """Index the articles of marts.articles that are new or changed and drop those gone; every article
    only the first time, or when the index was made by other rules.

    Each change is a transaction of its own: the stale entries dropped, then each batch of articles
    indexed (its postings and documents together). In one transaction a first index of 100,000
    issues ran out of memory (DuckDB holds a transaction's rows until it commits), and took a third
    longer at 10,000. A run killed midway leaves every article indexed whole or not at all: the next
    refresh indexes those missing (_CHANGED takes any article the index lacks).
    """
    create_index(conn)
    with transaction(conn):
        rebuilt = _clear_if_outdated(conn)
    conn.execute(_CHANGED)
    (checked,) = conn.execute("select count(*) from _changed").fetchone()
    with transaction(conn):
        removed = _remove_stale(conn)
    indexed = _index_fresh(conn)
    with transaction(conn):
        conn.execute(f"delete from {SCHEMA}.indexed_through")
        conn.execute(f"insert into {SCHEMA}.indexed_through select max(parsed_at) from marts.articles")
    documents, postings = conn.execute(
        f"select (select count(*) from {SCHEMA}.documents), (select count(*) from {SCHEMA}.postings)"
    ).fetchone()
    return IndexChanges(indexed, checked, removed, documents, postings, rebuilt)


def _clear_if_outdated(conn) -> bool:
    stored = conn.execute(f"select version from {SCHEMA}.index_version").fetchall()
    if stored == [(index_version(),)]:
        return False
    conn.execute(f"drop table {SCHEMA}.postings; drop table {SCHEMA}.documents; drop table {SCHEMA}.index_version;"
                 f"drop table {SCHEMA}.indexed_through")
    conn.execute(_TABLES)
    conn.execute(f"insert into {SCHEMA}.index_version values (?)", [index_version()])
    return bool(stored)


def _remove_stale(conn) -> int:
    """Drop the entries of articles gone from marts.articles or changed since they were indexed."""
    conn.execute(f"""
        create or replace temp table _stale as
        select doc_id from {SCHEMA}.documents anti join marts.articles using (article_id)
        union all
        select d.doc_id from {SCHEMA}.documents d join _changed c using (article_id) where d.fingerprint != c.fingerprint""")
    (stale,) = conn.execute("select count(*) from _stale").fetchone()
    if stale:
        conn.execute(f"delete from {SCHEMA}.postings where doc_id in (select doc_id from _stale)")
        conn.execute(f"delete from {SCHEMA}.documents where doc_id in (select doc_id from _stale)")
    return stale


def _index_fresh(conn) -> int:
    """Index the articles new or changed since the last refresh, BATCH_ARTICLES at a time."""
    conn.execute(_FRESH)
    fresh, first = conn.execute("select count(*), min(doc_id) from _fresh").fetchone()
    for start in range(first or 0, (first or 0) + fresh, BATCH_ARTICLES):
        # the bounds written into the SQL: as parameters, DuckDB took 0.17 s to plan the batch, not 0.003 s
        batch = {"first": int(start), "last": int(start + BATCH_ARTICLES - 1)}
        conn.execute(_BATCH_POSTINGS.format(**batch))
        with transaction(conn):
            conn.execute(f"insert into {SCHEMA}.postings from _batch")
            conn.execute(_BATCH_DOCUMENTS.format(**batch))
    return fresh


# An article's text changes only when its issue is parsed again, which gives it a newer parsed_at (the
# marts are rebuilt per issue parsed since): hashing those alone keeps a refresh of one new issue from
# reading every article's text (900 MB at 100,000 issues); and whatever the index lacks, whenever parsed.
# (A parse run stamps its issues with its start, to the microsecond, and one writer parses at a time.)
# The articles are found first, their text read after: fingerprinted in the scan that filters them,
# every article's body was read (0.3 s of a one-issue refresh of 100,000 issues, against 0.06 s).
_CHANGED = f"""
create or replace temp table _changed as
select article_id, md5(coalesce(headline, '') || chr(10) || coalesce(body, '')) as fingerprint
from marts.articles
where article_id in (
    select article_id
    from marts.articles a
    where a.parsed_at > (select coalesce(max(parsed_at), '-infinity'::timestamp) from {SCHEMA}.indexed_through)
       or a.parsed_at is null
       or a.article_id not in (select article_id from {SCHEMA}.documents)
)
"""

# Numbered after the doc_ids in the index. No text here: each batch reads its own from marts.articles,
# so a first index of 100,000 issues (900 MB of text) never holds it all at once.
_FRESH = f"""
create or replace temp table _fresh as
select (select coalesce(max(doc_id), 0) from {SCHEMA}.documents) + row_number() over (order by article_id) as doc_id,
       article_id, fingerprint
from _changed anti join {SCHEMA}.documents using (article_id, fingerprint)
"""

# Sorted by term, so that a query reads only the row groups that can hold its terms. Unnested run by
# run: twice as fast as the list of terms(text); and each run's pairs (run_pairs) joined from a range
# of offsets, not unnested from the list it makes: a quarter less time (tests/test_search.py holds the
# index to the same terms as terms()).
_BATCH_POSTINGS = f"""
create or replace temp table _batch as
with batch as (
    select f.doc_id, coalesce(a.headline, '') as headline, coalesce(a.body, '') as body
    from _fresh f join marts.articles a using (article_id)
    where f.doc_id between {{first}} and {{last}}
        -- as in _CHANGED: the batch's articles found before their text is read
        and a.article_id in (select article_id from _fresh where doc_id between {{first}} and {{last}})
), texts as (
    select doc_id, true as in_headline, headline as text from batch
    union all
    select doc_id, false, body from batch
), runs as (
    select doc_id, in_headline, unnest({SCHEMA}.han_runs(text)) as run from texts
), occurrences as (
    select doc_id, in_headline, substring(run, pairs.start_at::bigint, 2) as term
    from runs, range(1, length(run)) as pairs(start_at)
    union all
    select doc_id, in_headline, unnest({SCHEMA}.latin_words(text)) from texts
)
select term, doc_id, count(*) filter (where in_headline) as headline_tf, count(*) filter (where not in_headline) as body_tf
from occurrences
group by term, doc_id
order by term
"""

# Their length in terms, counted from their postings.
_BATCH_DOCUMENTS = f"""
insert into {SCHEMA}.documents
select f.doc_id, f.article_id, f.fingerprint, coalesce(t.body_terms, 0)
from _fresh f left join (select doc_id, sum(body_tf) as body_terms from _batch group by doc_id) t using (doc_id)
where f.doc_id between {{first}} and {{last}}
"""
