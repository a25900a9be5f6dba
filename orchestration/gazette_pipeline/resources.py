"""The warehouse resource: short-lived DuckDB connections, opened only inside a step."""
from __future__ import annotations

from contextlib import contextmanager

import duckdb
from dagster import ConfigurableResource


class Warehouse(ConfigurableResource):
    """The DuckDB file that the Python assets and dbt write (one writer at a time)."""

    path: str

    @contextmanager
    def connect(self):
        from pathlib import Path

        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = duckdb.connect(self.path)
        try:
            yield conn
        finally:
            conn.close()

    def replace_rows(self, conn, table: str, columns: dict[str, str], key: str, keys, rows: list[tuple]) -> int:
        """Delete the rows of ``table`` whose ``key`` is in ``keys``, then insert ``rows``.

        Re-running a partition replaces its rows: never a duplicate. Creates the table (and schema)
        when missing, and anew when its columns changed with the code.
        """
        self.ensure_table(conn, table, columns)
        keys = sorted(set(keys))
        if keys:
            conn.execute(f"delete from {table} where {key} in (select unnest(?::varchar[]))", [keys])
        if rows:
            placeholders = ", ".join("?" for _ in columns)
            conn.executemany(f"insert into {table} values ({placeholders})", rows)
        return len(rows)

    def ensure_table(self, conn, table: str, columns: dict[str, str]) -> None:
        schema, name = table.split(".")
        conn.execute(f"create schema if not exists {schema}")
        existing = [
            row[0]
            for row in conn.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?"
                " order by ordinal_position",
                [schema, name],
            ).fetchall()
        ]
        if existing != list(columns):
            column_sql = ", ".join(f"{col} {sql_type}" for col, sql_type in columns.items())
            conn.execute(f"create or replace table {table} ({column_sql})")
