"""Parsing and extraction on every core, or on a Dask cluster; the warehouse keeps one writer.

A step cuts its work into chunks and hands them to its ``worker_pool``: a worker runs the parsing package
on a chunk and writes the rows as Parquet files in the spool (spool.py); the step's own process, the
one writer, loads them. Workers never open the DuckDB file, so they can run anywhere that sees the
spool. What a chunk yields never depends on the process that read it or on what it read before
(tests/test_order_independence.py, tests/test_executors.py).
"""
from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from .settings import dask_address, workers

Batch, Inputs, Results = TypeVar("Batch"), TypeVar("Inputs"), TypeVar("Results")


@contextmanager
def worker_pool():
    """The workers of one step, as a function ``map_chunks(task, chunks, *args)``: ``task(chunk, *args)``
    for every chunk, results in chunk order. ``task`` and its arguments must be picklable (module-level).

    GAZETTE_WORKERS=1 runs in this process; a Dask scheduler at GAZETTE_DASK_ADDRESS takes the chunks
    instead of local processes. Local workers end with the step: idle, each would hold its ~250 MB
    (the parser and jieba's dictionary) through dbt's run.
    """
    address = dask_address()
    if address:
        from distributed import Client  # only with a cluster configured: dask is an optional engine

        with Client(address, set_as_default=False) as client:
            yield lambda task, chunks, *args: _on_dask(client, task, chunks, args)
        return
    local = _LocalWorkers(workers())
    try:
        yield local.map
    finally:
        local.close()


class _LocalWorkers:
    """Processes started at the first map with more than one chunk: one new issue is read in this
    process, without the second or two that starting workers and loading the parser there costs."""

    def __init__(self, count: int):
        self.count, self.pool = count, None

    def map(self, task: Callable, chunks: Iterable, *args) -> Iterator:
        chunks = list(chunks)
        if self.count == 1 or len(chunks) <= 1:
            return (task(chunk, *args) for chunk in chunks)
        if self.pool is None:
            self.pool = _local_pool(self.count)
        # at most two chunks a worker in flight: memory stays bounded whatever the archive's size
        return _bounded(lambda chunk: self.pool.submit(task, chunk, *args), chunks, 2 * self.count)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _local_pool(count: int) -> ProcessPoolExecutor:
    # spawn, not fork: the step's process has Dagster's threads, which a fork would copy mid-lock
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    with _plain_main():
        for started in [pool.submit(int) for _ in range(count)]:  # every worker starts now
            started.result()
    return pool


@contextmanager
def _plain_main():
    """Workers that import only what their tasks need: spawn re-imports the launching program's main
    module in every worker (Dagster's command line, the build: ~300 MB a worker), unless it has none."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _on_dask(client, task: Callable, chunks: Iterable, args: tuple) -> Iterator:
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    # pure=False: a chunk submitted twice (a re-run) is computed again, not taken from a cache
    return _bounded(lambda chunk: client.submit(task, chunk, *args, pure=False), chunks, limit)


def _bounded(submit: Callable, chunks: Iterable, limit: int) -> Iterator:
    """Submit chunks keeping at most ``limit`` unfinished, yielding results in submission order."""
    pending = []
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= limit:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def overlapped(batches: list[Batch], read: Callable[[Batch], Inputs], work: Callable[[Inputs], Results],
               load: Callable[[Results], None]) -> list[Results]:
    """``work`` on what ``read`` gives for every batch, in order, then ``load`` what it gave; the next
    batch is read and the last one loaded while the workers work on this one. Run one after the other,
    the writer's reads and loads left the workers idle an eighth of a 10,000-issue build. Loads keep
    their order. ``load`` gets only ``work``'s results, so at most two batches' inputs (the texts) are
    held: the one being read and the one being worked on.

    ``read`` and ``load`` run one at a time on a thread of this process, with connections of their own
    (DuckDB lets one process read and write through several): both at once took twice DuckDB's
    memory, and one after the other they still take less time than the workers' part of a batch.
    """
    done: list[Results] = []
    if not batches:
        return done
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer") as side:
        next_inputs, loading = side.submit(read, batches[0]), None
        for index in range(len(batches)):
            inputs = next_inputs.result()
            if index + 1 < len(batches):
                next_inputs = side.submit(read, batches[index + 1])
            results = work(inputs)
            if loading is not None:
                loading.result()
            inputs = None  # the texts go now, not when the next read is done
            loading = side.submit(load, results)
            done.append(results)
        loading.result()
    return done
