"""The warehouse resource: short-lived DuckDB connections, opened only inside a step."""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
from dagster import ConfigurableResource


# Rows go in as one Arrow table: DuckDB's executemany inserts about a thousand rows a second.
_ARROW_TYPES = {
    "varchar": pa.string(),
    "varchar[]": pa.list_(pa.string()),
    "integer": pa.int32(),
    "bigint": pa.int64(),
    "double": pa.float64(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "leftovers": pa.list_(pa.struct([("kind", pa.string()), ("text", pa.string()), ("position", pa.int32())])),
}
# Named column types beyond DuckDB's own names.
_SQL_TYPES = {"leftovers": "struct(kind varchar, text varchar, position integer)[]"}


def _arrow_table(columns: dict[str, str], rows: list[tuple]) -> pa.Table:
    values = list(zip(*rows))
    return pa.table(
        {name: pa.array(values[i], type=_ARROW_TYPES[sql_type]) for i, (name, sql_type) in enumerate(columns.items())}
    )


def table_exists(conn, table: str) -> bool:
    schema, name = table.split(".")
    return conn.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, name]
    ).fetchone()[0] > 0


class WarehouseBusy(RuntimeError):
    """Another process kept the DuckDB file locked for longer than we wait."""


class Warehouse(ConfigurableResource):
    """The DuckDB file that the Python assets and dbt write (one writer at a time)."""

    path: str

    lock_wait_seconds: float = 120.0

    @contextmanager
    def connect(self):
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = self._open()
        try:
            yield conn
        finally:
            conn.close()

    def _open(self):
        """Wait while another process writes the file (a second `make run`, an analyst's write)."""
        deadline = time.monotonic() + self.lock_wait_seconds
        while True:
            try:
                return duckdb.connect(self.path)
            except duckdb.IOException as err:
                if "lock" not in str(err).lower():
                    raise
                if time.monotonic() > deadline:
                    raise WarehouseBusy(
                        f"the warehouse {self.path} is held by another process for over "
                        f"{self.lock_wait_seconds:.0f} s; try again when it finishes ({err})"
                    ) from None
                time.sleep(0.5)

    def replace_rows(
        self, conn, table: str, columns: dict[str, str], key: str | None, keys, rows: list[tuple]
    ) -> int:
        """Delete the rows of ``table`` whose ``key`` is in ``keys`` (every row when ``key`` is None),
        then insert ``rows``.

        Re-running a partition replaces its rows: never a duplicate. Creates the table (and schema)
        when missing, and adds the columns a newer version of the code writes.
        """
        self.ensure_table(conn, table, columns)
        keys = sorted(set(keys))
        conn.begin()  # a run killed here leaves the old rows, never half of the new ones
        try:
            if key is None:
                conn.execute(f"delete from {table}")
            elif keys:
                conn.execute(f"delete from {table} where {key} in (select unnest(?::varchar[]))", [keys])
            if rows:
                conn.register("_new_rows", _arrow_table(columns, rows))
                conn.execute(f"insert into {table} by name select * from _new_rows")
                conn.unregister("_new_rows")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return len(rows)

    def ensure_table(self, conn, table: str, columns: dict[str, str]) -> None:
        """Create the table, or add the columns a newer version of the code writes (rows are kept)."""
        schema, name = table.split(".")
        conn.execute(f"create schema if not exists {schema}")
        existing = {
            row[0]
            for row in conn.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
                [schema, name],
            ).fetchall()
        }
        if not existing:
            column_sql = ", ".join(f"{col} {_SQL_TYPES.get(t, t)}" for col, t in columns.items())
            conn.execute(f"create table {table} ({column_sql})")
            return
        for col, sql_type in columns.items():
            if col not in existing:
                conn.execute(f"alter table {table} add column {col} {_SQL_TYPES.get(sql_type, sql_type)}")
