"""Refresh by itself: a sensor on ISSUES_DIR, and a daily schedule for those who prefer a fixed time."""
from dagster import (
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
from .partitions import RANGE_END_TAG, RANGE_START_TAG, register_issue_files
from .settings import issues_dir

per_issue_job = define_asset_job(
    "refresh_issue_files",
    selection=AssetSelection.all(),
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
    new_keys = register_issue_files(context.instance, scan.new_or_changed)
    # A changed file reuses its partition: its run replaces that issue's rows.
    runs = [_run_for(scan, [f]) for f in scan.new_or_changed if f not in new_keys]
    if new_keys:
        runs.append(_run_for(scan, new_keys))
    return SensorResult(run_requests=runs, cursor=scan.cursor)


def _run_for(scan, keys: list[str]) -> RunRequest:
    """One run per changed file; all new files in one run (they are appended as one range of keys)."""
    run_key = ":".join(f"{k}:{scan.sha256(k)[:16]}" for k in keys[:20]) + (f":+{len(keys)}" if len(keys) > 20 else "")
    if len(keys) == 1:
        return RunRequest(run_key=run_key, partition_key=keys[0])
    return RunRequest(run_key=run_key, tags={RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]})


@schedule(
    job=marts_job,
    cron_schedule="0 6 * * *",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Daily 06:00 rebuild of the marts; off by default because the sensor already "
    "refreshes them within a minute of a new file.",
)
def daily_marts_schedule(_context):
    return RunRequest()
