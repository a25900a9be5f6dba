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

    def replace_table(self, conn, table: str, columns: dict[str, str], rows: list[tuple]) -> int:
        """Create ``table`` anew with ``columns`` (name -> SQL type) and ``rows``; returns the row count."""
        schema = table.split(".")[0]
        conn.execute(f"create schema if not exists {schema}")
        column_sql = ", ".join(f"{name} {sql_type}" for name, sql_type in columns.items())
        conn.execute(f"create or replace table {table} ({column_sql})")
        if rows:
            placeholders = ", ".join("?" for _ in columns)
            conn.executemany(f"insert into {table} values ({placeholders})", rows)
        return len(rows)
