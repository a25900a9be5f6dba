"""Refresh by itself: a sensor on ISSUES_DIR, and a daily schedule for those who prefer a fixed time."""
from dagster import (
    AddDynamicPartitionsRequest,
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    define_asset_job,
    schedule,
    sensor,
)

from .files import last_scan, save_scan, scan_issue_files
from .partitions import issue_files_partitions
from .settings import issues_dir

per_issue_job = define_asset_job(
    "refresh_issue_files",
    selection=AssetSelection.all(),
    partitions_def=issue_files_partitions,
    description="Ingest, parse and extract the selected issue files, then bring the marts up to date.",
)
marts_job = define_asset_job(
    "build_marts",
    selection=AssetSelection.groups("dbt"),
    description="Bring the dbt staging models and marts up to date (incremental).",
)


@sensor(
    job=per_issue_job,
    minimum_interval_seconds=10,
    default_status=DefaultSensorStatus.RUNNING,
    description="Registers new or changed files of ISSUES_DIR as partitions and parses each alone.",
)
def issue_files_sensor(context: SensorEvaluationContext):
    # Starts from what `make run`/`make refresh` last built, so a fresh UI re-parses nothing.
    scan = scan_issue_files(issues_dir(), context.cursor or last_scan(context.instance))
    if not scan.new_or_changed:
        return SkipReason(f"no new or changed files in {issues_dir()}")
    save_scan(context.instance, scan)
    known = set(context.instance.get_dynamic_partitions(issue_files_partitions.name))
    new_keys = [f for f in scan.new_or_changed if f not in known]
    return SensorResult(
        # A changed file reuses its partition: the run replaces that issue's rows.
        run_requests=[RunRequest(run_key=f"{f}:{_sha(scan, f)}", partition_key=f) for f in scan.new_or_changed],
        dynamic_partitions_requests=[AddDynamicPartitionsRequest(issue_files_partitions.name, new_keys)]
        if new_keys
        else [],
        cursor=scan.cursor,
    )


@schedule(
    job=marts_job,
    cron_schedule="0 6 * * *",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Daily 06:00 rebuild of the marts; off by default because the sensor already "
    "refreshes them within a minute of a new file.",
)
def daily_marts_schedule(_context):
    return RunRequest()


def _sha(scan, name: str) -> str:
    import json

    return json.loads(scan.cursor)[name][2][:16]
