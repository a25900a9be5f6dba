"""The warehouse resource: short-lived DuckDB connections, opened only inside a step."""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource

from .rows import COLUMN_TYPES, arrow_table, column_types


def in_list(column: str) -> str:
    """A ``where`` for replace_rows: the rows whose ``column`` is in the list passed as its parameter."""
    return f"{column} in (select unnest(?::varchar[]))"


def table_exists(conn, table: str) -> bool:
    schema, name = table.split(".")
    return conn.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, name]
    ).fetchone()[0] > 0


def table_columns(conn, table: str) -> list[str]:
    """The columns of ``table`` in their order; none when it does not exist."""
    schema, name = table.split(".")
    return [row[0] for row in conn.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "order by ordinal_position", [schema, name]).fetchall()]


def fetch(conn, row_type, sql: str, params=()) -> list:
    """The rows ``sql`` selects as ``row_type``, matched by column name."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [row_type(**dict(zip(names, values))) for values in cursor.fetchall()]


@contextmanager
def transaction(conn):
    """What the block writes, all of it or none: a run killed inside leaves the rows as they were."""
    conn.begin()
    try:
        yield
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def duckdb_memory(default: str) -> str:
    return os.environ.get("GAZETTE_DUCKDB_MEMORY") or default


class WarehouseBusy(RuntimeError):
    """Another process kept the DuckDB file locked for longer than we wait."""


class Warehouse(ConfigurableResource):
    """The DuckDB file that the Python assets and dbt write (one writer at a time)."""

    path: str

    lock_wait_seconds: float = 120.0

    # DuckDB's own default is 80% of the machine: a first search index of a large archive would take
    # gigabytes it can spill to disk instead (GAZETTE_DUCKDB_MEMORY overrides). Indexing 10,000 issues
    # took the writer 690 MB over its start at 512MB, 470 MB at 256MB, and no longer; dbt as fast.
    memory_limit: str = "256MB"

    @contextmanager
    def connect(self, read_only: bool = False):
        """``read_only`` for a step that only reads: other processes may read the file meanwhile (a
        writer's connection keeps every other process out)."""
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = self._open(read_only)
        try:
            yield conn
        finally:
            conn.close()

    def _open(self, read_only: bool):
        """Wait while another process writes the file (a second `make run`, an analyst's write)."""
        deadline = time.monotonic() + self.lock_wait_seconds
        while True:
            try:
                return duckdb.connect(self.path, read_only=read_only,
                                      config={"memory_limit": duckdb_memory(self.memory_limit)})
            except duckdb.IOException as err:
                if "lock" not in str(err).lower():
                    raise
                if time.monotonic() > deadline:
                    raise WarehouseBusy(
                        f"the warehouse {self.path} is held by another process for over "
                        f"{self.lock_wait_seconds:.0f} s; try again when it finishes ({err})"
                    ) from None
                time.sleep(0.5)

    def replace_rows(self, conn, row_type, rows: list, where: str, params=()) -> None:
        """Delete the rows of ``row_type.table`` that ``where`` selects, then insert ``rows``.

        Re-running a partition replaces its rows: never a duplicate. Creates the table (and schema)
        when missing, and adds the columns a newer version of the code writes.
        """
        self.ensure_table(conn, row_type)
        with transaction(conn):  # never half of the new rows
            self.delete_and_insert(conn, row_type, rows, where, params)

    def replace_from_parquet(self, conn, row_type, paths: list[str], where: str, params=()) -> None:
        """replace_rows with the new rows in Parquet files (a worker's output): they never pass
        through this process's Python."""
        self.ensure_table(conn, row_type)
        with transaction(conn):
            conn.execute(f"delete from {row_type.table} where {where}", params)
            if paths:
                conn.execute(f"insert into {row_type.table} by name select * from read_parquet(?)", [paths])

    def delete_and_insert(self, conn, row_type, rows: list, where: str, params=()) -> None:
        """replace_rows inside a transaction of the caller's, which writes other tables with it; the
        table must exist (ensure_table)."""
        conn.execute(f"delete from {row_type.table} where {where}", params)
        if rows:
            conn.register("_new_rows", arrow_table(row_type, rows))
            conn.execute(f"insert into {row_type.table} by name select * from _new_rows")
            conn.unregister("_new_rows")

    def ensure_table(self, conn, row_type) -> None:
        """Create the table, or add the columns a newer version of the code writes (rows are kept)."""
        schema, name = row_type.table.split(".")
        conn.execute(f"create schema if not exists {schema}")
        existing = set(table_columns(conn, row_type.table))
        columns = {col: COLUMN_TYPES[kind][0] for col, kind in column_types(row_type).items()}
        if not existing:
            conn.execute(f"create table {row_type.table} ({', '.join(f'{c} {t}' for c, t in columns.items())})")
            return
        for col, sql_type in columns.items():
            if col not in existing:
                conn.execute(f"alter table {row_type.table} add column {col} {sql_type}")
