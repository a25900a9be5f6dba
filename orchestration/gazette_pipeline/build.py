"""One-shot builds without the UI: `make run` (every file) and `make refresh` (only new or changed files)."""
from __future__ import annotations

import argparse
import sys

from dagster import DagsterInstance, Definitions

from .code_version import built_with, code_version, save_built_with
from .definitions import build_definitions, materialize  # on the executor GAZETTE_EXECUTOR names
from .files import FileScan, last_scan, save_scan, scan_issue_files
from .issue_rows import delete_orphaned_rows
from .partitions import forget_files, range_tags, register_batches
from .resources import Warehouse, in_list, table_exists
from .assets.parse import parse_files
from .rows import IssueFileRow, RecordRow
from .settings import issues_dir


def build(instance: DagsterInstance, defs: Definitions, files: list[str], full_refresh: bool = False) -> bool:
    """Ingest and parse ``files`` as new batches, then the incremental extraction steps and the marts:
    one run, as the sensor's."""
    dbt_config = {"ops": {"gazette_dbt_models": {"config": {"full_refresh": full_refresh}}}}
    return materialize(
        defs.assets, instance=instance, resources=defs.resources, run_config=dbt_config,
        tags=range_tags(register_batches(instance, files)), raise_on_error=False,
    ).success


def retract(instance: DagsterInstance, defs: Definitions, files: list[str], warehouse: Warehouse) -> bool:
    """Remove files' rows from the warehouse (the only way rows ever leave it), then update the marts."""
    with warehouse.connect() as conn:
        warehouse.replace_rows(conn, IssueFileRow, [], in_list("source_file"), [files])
        warehouse.replace_rows(conn, RecordRow, [], in_list("source_file"), [files])
        delete_orphaned_rows(conn)
    # a records issue other files still hold loses these files' records, or takes another file's version
    parse_files(warehouse, files)
    forget_files(instance, files)
    return _extract_and_build_marts(instance, defs)


def _extract_and_build_marts(instance: DagsterInstance, defs: Definitions, run_config=None) -> bool:
    """The steps that are not per issue: extraction, project merge and the dbt models."""
    marts = [a for a in defs.assets if a.partitions_def is None]
    return materialize(
        marts, instance=instance, resources=defs.resources, run_config=run_config, raise_on_error=False
    ).success


def not_in_warehouse(scan: FileScan, warehouse: Warehouse) -> list[str]:
    """Files of the folder whose current bytes raw.issue_files does not hold."""
    with warehouse.connect() as conn:
        if not table_exists(conn, IssueFileRow.table):
            return scan.all_files
        stored = set(conn.execute(f"select source_file, content_sha256 from {IssueFileRow.table}").fetchall())
    return [name for name in scan.all_files if (name, scan.sha256(name)) not in stored]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["all", "new", "retract"],
                        help="all files of ISSUES_DIR, only new/changed ones, or retract the named files")
    parser.add_argument("files", nargs="*", help="with retract: the file names whose rows to remove")
    parser.add_argument("--force", action="store_true",
                        help="with all: read every file again even when the code has not changed")
    args = parser.parse_args(argv)
    instance, defs = DagsterInstance.get(), build_definitions()
    warehouse = defs.resources["warehouse"]
    if args.mode == "retract":
        ok = retract(instance, defs, args.files, warehouse)
        print(f"{'retracted' if ok else 'FAILED to retract'} {len(args.files)} file(s)")
        return 0 if ok else 1
    scan = scan_issue_files(issues_dir(), previous=None if args.mode == "all" else last_scan(instance))
    version = code_version()
    rebuild = args.mode == "all" and (args.force or built_with(warehouse) != version)
    if rebuild:
        files = scan.all_files
    else:
        # also what an earlier run was asked to read but never stored (it failed or was stopped)
        files = sorted(set(scan.new_or_changed if args.mode == "new" else []) | set(not_in_warehouse(scan, warehouse)))
    if not files:
        print(f"nothing new in {issues_dir()}: the warehouse holds every file, built with this code")
        save_scan(instance, scan)
        return 0
    ok = build(instance, defs, files, full_refresh=rebuild)
    save_scan(instance, scan)
    if ok and rebuild:
        save_built_with(warehouse, version)
    print(f"{'built' if ok else 'FAILED to build'} {len(files)} issue file(s) from {issues_dir()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
