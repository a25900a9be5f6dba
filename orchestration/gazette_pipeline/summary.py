"""Print what the warehouse holds: issues, articles per kind, rows of each mart (read-only)."""
from __future__ import annotations

import duckdb

from .settings import warehouse_path


def summary_lines(path: str) -> list[str]:
    conn = duckdb.connect(path, read_only=True)
    try:
        lines = [f"warehouse: {path}"]
        issues, articles = conn.execute(
            "select (select count(*) from marts.issues), (select count(*) from marts.articles)"
        ).fetchone()
        lines.append(f"issues: {issues}   articles: {articles}")
        kinds = conn.execute("select kind, count(*) from marts.articles group by kind order by 2 desc").fetchall()
        lines.append("articles per kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds))
        marts = conn.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
        ).fetchall()
        for (table,) in marts:
            (count,) = conn.execute(f'select count(*) from marts."{table}"').fetchone()
            lines.append(f"  marts.{table:<22} {count:>7} rows")
        return lines
    finally:
        conn.close()


if __name__ == "__main__":
    print("\n".join(summary_lines(str(warehouse_path()))))
