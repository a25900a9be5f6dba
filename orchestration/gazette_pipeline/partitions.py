"""Partitions are batches of files: what one sensor tick or one build found new or changed.

A partition per file stops working near 100,000 files (Dagster's advice for the most keys of one
asset, and the UI and every run's bookkeeping slow down with them); a batch holds up to
GAZETTE_BATCH_FILES files, and a lone new file is still a batch of its own, parsed alone.
Each batch's file list is kept in the instance's key-value store, so any process that runs a step
(another executor, another machine) finds it with the run.

A changed file goes into a new batch. Re-running any batch re-reads its files as they are now, so a
re-run never duplicates a row and an old batch never brings old text back.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from dagster import BackfillPolicy, DagsterInstance, DynamicPartitionsDefinition

from .settings import batch_files

file_batches = DynamicPartitionsDefinition(name="file_batches")

# Run tags that make one run cover a range of partition keys (a backfill in one run).
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

# Keyword arguments every per-batch asset takes: partitioned by batch, a backfill is one run.
PER_BATCH = {
    "partitions_def": file_batches,
    "backfill_policy": BackfillPolicy.single_run(),
}

_FILES_KEY = "gazette/batch_files/"  # + partition key -> JSON list of file names


def register_batches(instance: DagsterInstance, files: list[str], size: int | None = None) -> list[str]:
    """New partitions holding ``files`` (sorted, at most ``size`` each); returns their keys, in order.

    Keys sort in the order they were made (time of registration, then a counter), so a build's new
    batches form one range of keys: one run.
    """
    files = sorted(set(files))
    if not files:
        return []
    size = size or batch_files()
    known = set(instance.get_dynamic_partitions(file_batches.name))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    keys, counter = [], 0
    for start in range(0, len(files), size):
        counter += 1
        while f"{stamp}-{counter:04d}" in known:  # two registrations within one second
            counter += 1
        key = f"{stamp}-{counter:04d}"
        instance.run_storage.set_cursor_values({_FILES_KEY + key: json.dumps(files[start:start + size],
                                                                           ensure_ascii=False)})
        keys.append(key)
    instance.add_dynamic_partitions(file_batches.name, keys)
    return keys


def batch_files_of(instance: DagsterInstance, keys: list[str]) -> list[str]:
    """Every file the batches ``keys`` hold, sorted, once."""
    stored = instance.run_storage.get_cursor_values({_FILES_KEY + key for key in keys})
    missing = [key for key in keys if _FILES_KEY + key not in stored]
    if missing:
        raise KeyError(f"no file list stored for batch partition(s) {missing[:5]}: register files with "
                       "register_batches, not by adding partition keys by hand")
    return sorted({name for value in stored.values() for name in json.loads(value)})


def forget_files(instance: DagsterInstance, files: list[str]) -> None:
    """Take retracted files out of every batch; a batch left with none goes."""
    gone = set(files)
    keys = instance.get_dynamic_partitions(file_batches.name)
    stored = instance.run_storage.get_cursor_values({_FILES_KEY + key for key in keys})
    for key in keys:
        held = json.loads(stored.get(_FILES_KEY + key, "[]"))
        kept = [name for name in held if name not in gone]
        if len(kept) == len(held):
            continue
        if kept:
            instance.run_storage.set_cursor_values({_FILES_KEY + key: json.dumps(kept, ensure_ascii=False)})
        else:
            instance.delete_dynamic_partition(file_batches.name, key)


def range_tags(keys: list[str]) -> dict[str, str]:
    """Tags of one run over ``keys`` (consecutive partitions)."""
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}


def files_of_run(context) -> list[str]:
    """The files this run covers: those of its batch, or of a backfill's whole range of batches."""
    return batch_files_of(context.instance, list(context.partition_keys))
