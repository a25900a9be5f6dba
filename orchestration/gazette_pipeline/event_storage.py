"""Dagster's event log in one SQLite file, with one connection engine per process.

A backfill of thousands of issue partitions logs two events per partition and asset; the stock
SQLite storages build a new engine (and connection) for every event and fsync every commit, which
made bookkeeping ~90% of a full build. Same tables, same file format: only how we connect changes.
"""
from __future__ import annotations

import os
from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.consolidated_sqlite_event_log import (
    ConsolidatedSqliteEventLogStorage,
)
from sqlalchemy import create_engine, event

_BUSY_TIMEOUT_SECONDS = 30


class FastSqliteEventLogStorage(ConsolidatedSqliteEventLogStorage):
    """ConsolidatedSqliteEventLogStorage with a pooled engine per process and WAL + synchronous=NORMAL."""

    _engines: dict = {}

    def _engine(self):
        key = (os.getpid(), self._conn_string)
        if key not in self._engines:
            engine = create_engine(self._conn_string, connect_args={"timeout": _BUSY_TIMEOUT_SECONDS})
            event.listen(engine, "connect", _tune_sqlite)
            self._engines[key] = engine
        return self._engines[key]

    @contextmanager
    def _connect(self):
        with self._engine().connect() as conn:
            with conn.begin():
                yield conn


def _tune_sqlite(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (the UI) and the writer apart; NORMAL is durable across crashes of the
    # process under WAL and skips an fsync per commit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
