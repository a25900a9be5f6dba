"""Full-text search on a built warehouse: the time to index every article from scratch, to refresh
with nothing new, and to answer each query (the worst is the figure; it should stay under 1 s).

    PYTHONPATH=orchestration:. .venv/bin/python -m benchmarks.bench_search WAREHOUSE
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import duckdb

from gazette_pipeline.text_index import SCHEMA, refresh_index

# A rare and a common word, a long word checked in the text, several words at once, one character
# (read in the text, not in the index), a Latin word.
QUERIES = ("消防", "工作", "习近平总书记", "安全生产 隐患 整改", "招商 项目 签约", "党", "GDP")


def search_timing(warehouse: Path, queries=QUERIES, repeat: int = 3) -> dict:
    """Index ``warehouse`` from scratch (it is rewritten), then time every query ``repeat`` times."""
    with duckdb.connect(str(warehouse)) as conn:
        conn.execute(f"drop schema if exists {SCHEMA} cascade")
        start = time.perf_counter()
        built = refresh_index(conn)
        index_s = time.perf_counter() - start
        conn.execute("checkpoint")
        index_mb = _stored_mb(conn, f"{SCHEMA}.postings") + _stored_mb(conn, f"{SCHEMA}.documents")
        start = time.perf_counter()
        refresh_index(conn)
        refresh_s = time.perf_counter() - start
    timings = {}
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        for query in queries:
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                conn.execute(f"select * from {SCHEMA}.articles(?)", [query]).fetchall()
                runs.append(time.perf_counter() - start)
            (matches,) = conn.execute(f"select count(*) from {SCHEMA}.matches(?)", [query]).fetchone()
            timings[query] = {"matches": matches, "ms": round(statistics.median(runs) * 1000)}
    worst = max(timings, key=lambda q: timings[q]["ms"])
    return {
        "articles": built.documents,
        "postings": built.postings,
        "index_seconds": round(index_s, 1),
        "index_mb": round(index_mb),
        "refresh_nothing_new_seconds": round(refresh_s, 2),
        "queries": timings,
        "worst_query": worst,
        "worst_query_ms": timings[worst]["ms"],
    }


def _stored_mb(conn, table: str) -> float:
    """The blocks a table takes in the file (256 KiB each)."""
    (blocks,) = conn.execute(
        f"select count(distinct block_id) from pragma_storage_info('{table}') where block_id >= 0").fetchone()
    return blocks * 262144 / 1e6


if __name__ == "__main__":
    print(json.dumps(search_timing(Path(sys.argv[1])), ensure_ascii=False, indent=2))
