"""The spool: rows that workers made, as Parquet files, until the one writer loads them.

A worker's chunk becomes one file per row type (`<step>-<id>/<chunk>.<table>.parquet`); loading them is
one `insert … select from read_parquet` per table, so the rows never pass through the writer's
Python. Files are removed once the step has loaded them.
"""
from __future__ import annotations

import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from .rows import arrow_table


@dataclass(frozen=True)
class SpooledChunk:
    """What a worker hands back: its Parquet files by table, and the figures of its chunk."""

    files: dict[str, str]  # table -> Parquet file
    tallies: dict[str, dict] = field(default_factory=dict)  # table -> its rows' counts (quality.py)
    errors: list[str] = field(default_factory=list)


def write_chunk(folder: str, rows_by_type: dict[type, list], tallies=None, errors=None) -> SpooledChunk:
    """Write each row type's rows (an empty file when there are none: the table still gets replaced)."""
    name = uuid.uuid4().hex
    files = {}
    for row_type, rows in rows_by_type.items():
        path = Path(folder) / f"{name}.{row_type.table}.parquet"
        pq.write_table(arrow_table(row_type, rows), path)
        files[row_type.table] = str(path)
    return SpooledChunk(files, tallies or {}, errors or [])


@contextmanager
def step_folder(spool: Path, step: str):
    """A fresh folder for one step's chunks, removed when the step is done with it."""
    folder = spool / f"{step}-{uuid.uuid4().hex[:12]}"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def load_spooled(warehouse, conn, row_type, chunks: list[SpooledChunk], where: str, params=()) -> None:
    """Replace the rows ``where`` selects in ``row_type``'s table with the chunks' rows."""
    paths = [chunk.files[row_type.table] for chunk in chunks if row_type.table in chunk.files]
    warehouse.replace_from_parquet(conn, row_type, paths, where, params)


def discard(chunks: list[SpooledChunk]) -> None:
    """Remove loaded chunks' files (a long run would otherwise keep a copy of all it parsed)."""
    for chunk in chunks:
        for path in chunk.files.values():
            Path(path).unlink(missing_ok=True)
