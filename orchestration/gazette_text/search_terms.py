"""Search terms of Chinese text, for the full-text index: every pair of adjacent Han characters, and
whole words of Latin letters and digits (GDP, 5g, 2024).

Pairs, not a word segmenter: a word of any length is found wherever it is printed, also a name the
segmenter cuts in two (an invented 江海云 -> 江 / 海云), and the rules fit in SQL, so that the DuckDB shell splits a
query exactly as the index split the articles. Measured on the seeds and the dev pages (73 articles,
the same BM25 for both), searching every name in marts.people and 13 common words or characters (123
searches): jieba's search mode missed 52 of the articles that print them, pairs none; both put the
topic article first for 28 of 28 queries; pairs make 280 postings per article, jieba 170.

The rules are SQL macros (``terms_macros``), used by the index and by every query; ``query_words`` is
the same split of a query in Python, for the messages of `make search`.
"""
from __future__ import annotations

import re

from .decoding import fold_fullwidth_alnum
from .vocabulary import CJK, HAN_ZERO

HAN_RUN = f"[{CJK}{HAN_ZERO}]+"
LATIN_WORD = "[0-9a-z]+"  # in lower-cased text
# A query word: what an article must print whole. One pattern for Python's re and DuckDB's RE2.
QUERY_WORD = f"{HAN_RUN}|{LATIN_WORD}"
_QUERY_WORD = re.compile(QUERY_WORD)

# Full-width letters and digits as decoding folds them (ＧＤＰ -> GDP), for SQL's translate().
_FULL_WIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
_FOLDS = [(wide, narrow) for wide, narrow in zip(_FULL_WIDTH, fold_fullwidth_alnum(_FULL_WIDTH)) if wide != narrow]
_WIDE, _NARROW = "".join(w for w, _ in _FOLDS), "".join(n for _, n in _FOLDS)

_TERMS_MACROS = """
create or replace macro {schema}.folded(text) as lower(translate(text, '{wide}', '{narrow}'));
create or replace macro {schema}.latin_words(text) as regexp_extract_all({schema}.folded(text), '{latin}');
create or replace macro {schema}.han_runs(text) as regexp_extract_all(text, '{han}');
create or replace macro {schema}.run_pairs(run) as [substring(run, i, 2) for i in range(1, length(run))];
create or replace macro {schema}.terms(text) as list_concat(
    {schema}.latin_words(text), flatten(list_transform({schema}.han_runs(text), run -> {schema}.run_pairs(run))));
create or replace macro {schema}.query_words(query) as
    list_distinct(regexp_extract_all({schema}.folded(query), '{word}'));
create or replace macro {schema}.is_latin(word) as regexp_full_match(word, '{latin}');
create or replace macro {schema}.is_single_han(word) as length(word) = 1 and not {schema}.is_latin(word);
create or replace macro {schema}.word_terms(word) as
    case when length(word) = 1 or {schema}.is_latin(word) then [word]
         else list_distinct({schema}.run_pairs(word)) end;
"""


def terms_macros(schema: str) -> str:
    """The rules as DuckDB macros in ``schema``. ``terms(text)``: every term of a text, once per
    occurrence (the Latin words, and the pairs of each run of Han characters). ``query_words(query)``.
    ``word_terms(word)``: the terms an article printing the word holds (a single Han character is no
    term: the index has pairs only, and it is looked up in the text)."""
    return _TERMS_MACROS.format(schema=schema, wide=_WIDE, narrow=_NARROW, latin=LATIN_WORD, han=HAN_RUN,
                                word=QUERY_WORD)


def query_words(query: str) -> list[str]:
    """The words of a query, lower-cased, each once: 消防 隐患 -> [消防, 隐患]; ＧＤＰ -> [gdp]."""
    return list(dict.fromkeys(_QUERY_WORD.findall(fold_fullwidth_alnum(query).lower())))
