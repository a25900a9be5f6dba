"""One-shot builds without the UI: `make run` (every file) and `make refresh` (only new or changed files)."""
from __future__ import annotations

import argparse
import sys

from dagster import DagsterInstance, Definitions, materialize

from .definitions import build_definitions
from .files import FileScan, last_scan, save_scan, scan_issue_files
from .partitions import PER_ISSUE_TABLES, RANGE_END_TAG, RANGE_START_TAG, issue_files_partitions
from .resources import Warehouse, table_exists
from .settings import issues_dir


def register_files(instance: DagsterInstance, files: list[str]) -> None:
    known = set(instance.get_dynamic_partitions(issue_files_partitions.name))
    new = [f for f in files if f not in known]
    if new:
        instance.add_dynamic_partitions(issue_files_partitions.name, new)


def build(instance: DagsterInstance, defs: Definitions, files: list[str], full_refresh: bool = False) -> bool:
    """Ingest and parse ``files`` (partition keys), one run per contiguous range of keys, then run the
    incremental extraction steps and the dbt marts in one more run."""
    register_files(instance, files)
    per_issue = [a for a in defs.assets if a.partitions_def is not None]
    marts = [a for a in defs.assets if a.partitions_def is None]
    ok = True
    for start, end in _key_ranges(instance, files):
        result = materialize(
            per_issue,
            instance=instance,
            resources=defs.resources,
            tags={RANGE_START_TAG: start, RANGE_END_TAG: end},
            raise_on_error=False,
        )
        ok = ok and result.success
    dbt_config = {"ops": {"gazette_dbt_models": {"config": {"full_refresh": full_refresh}}}}
    result = materialize(marts, instance=instance, resources=defs.resources, run_config=dbt_config, raise_on_error=False)
    return ok and result.success


def retract(instance: DagsterInstance, defs: Definitions, files: list[str], warehouse: Warehouse) -> bool:
    """Remove files' rows from the warehouse (the only way rows ever leave it), then update the marts."""
    with warehouse.connect() as conn:
        conn.execute(
            "delete from raw.issue_files where source_file in (select unnest(?::varchar[]))", [files]
        )
        for table in PER_ISSUE_TABLES:
            if table_exists(conn, table):
                conn.execute(
                    f"delete from {table} where issue_id not in"
                    " (select issue_id from raw.issue_files where issue_id is not null)"
                )
    for name in files:
        if instance.has_dynamic_partition(issue_files_partitions.name, name):
            instance.delete_dynamic_partition(issue_files_partitions.name, name)
    marts = [a for a in defs.assets if a.partitions_def is None]
    return materialize(marts, instance=instance, resources=defs.resources, raise_on_error=False).success


def not_in_warehouse(scan: FileScan, warehouse: Warehouse) -> list[str]:
    """Files of the folder whose current bytes raw.issue_files does not hold."""
    with warehouse.connect() as conn:
        if not table_exists(conn, "raw.issue_files"):
            return scan.all_files
        stored = set(conn.execute("select source_file, content_sha256 from raw.issue_files").fetchall())
    return [name for name in scan.all_files if (name, scan.sha256(name)) not in stored]


def _key_ranges(instance: DagsterInstance, files: list[str]) -> list[tuple[str, str]]:
    """Contiguous runs of ``files`` in partition order: a backfill is one run, not one per issue."""
    order = instance.get_dynamic_partitions(issue_files_partitions.name)
    wanted = set(files)
    ranges, start, previous = [], None, None
    for key in order:
        if key in wanted:
            start = start or key
            previous = key
        elif start:
            ranges.append((start, previous))
            start = None
    if start:
        ranges.append((start, previous))
    return ranges


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["all", "new", "retract"],
                        help="all files of ISSUES_DIR, only new/changed ones, or retract the named files")
    parser.add_argument("files", nargs="*", help="with retract: the file names whose rows to remove")
    args = parser.parse_args(argv)
    instance = DagsterInstance.get()
    if args.mode == "retract":
        defs = build_definitions()
        ok = retract(instance, defs, args.files, defs.resources["warehouse"])
        print(f"{'retracted' if ok else 'FAILED to retract'} {len(args.files)} file(s)")
        return 0 if ok else 1
    defs = build_definitions()
    scan: FileScan = scan_issue_files(issues_dir(), previous=None if args.mode == "all" else last_scan(instance))
    if args.mode == "all":
        files = scan.all_files
    else:
        # also what an earlier run was asked to read but never stored (it failed or was stopped)
        files = sorted(set(scan.new_or_changed) | set(not_in_warehouse(scan, defs.resources["warehouse"])))
    if not files:
        print("nothing new in", issues_dir())
        return 0
    ok = build(instance, defs, files, full_refresh=args.mode == "all")
    save_scan(instance, scan)
    print(f"{'built' if ok else 'FAILED to build'} {len(files)} issue file(s) from {issues_dir()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
