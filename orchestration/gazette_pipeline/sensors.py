"""Refresh by itself: a sensor on ISSUES_DIR, and a daily schedule for those who prefer a fixed time."""
from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    RunsFilter,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    define_asset_job,
    schedule,
    sensor,
)

from dagster._core.storage.dagster_run import NOT_FINISHED_STATUSES

from .files import last_scan, save_scan, scan_issue_files
from .folder_watch import watch
from .partitions import range_tags, register_batches
from .settings import issues_dir, sensor_watch_seconds

per_issue_job = define_asset_job(
    "refresh_issue_files",
    selection=AssetSelection.all(),
    description="Ingest, parse and extract the selected issue files, then bring the marts up to date.",
)
marts_job = define_asset_job(
    "build_marts",
    selection=AssetSelection.groups("dbt", "search", "reports"),
    description="Bring the dbt staging models and marts up to date (incremental), then the search index "
    "and the report.",
)


@sensor(
    job=per_issue_job,
    minimum_interval_seconds=3,
    default_status=DefaultSensorStatus.RUNNING,
    description="Registers new or changed files of ISSUES_DIR as a batch partition and parses them.",
)
def issue_files_sensor(context: SensorEvaluationContext):
    # The cursor is a digest of the folder's listing, so an idle tick compares one string: the whole
    # scan (name, size, mtime, sha-256 of every file: 13 MB at 100,000 files) would travel to the code
    # server and back and be parsed on every tick. The scan lives in the instance, shared with
    # `make run`/`make refresh`, so a fresh UI re-parses nothing they built.
    # The tick watches the folder's directories for a few seconds (folder_watch.py): Dagster's daemon
    # looks every 5 s, so a file dropped between two looks waited 0-5 s for the next; now it is seen
    # within a quarter of a second, or in the second between two ticks.
    listing = watch(issues_dir()).next_listing(sensor_watch_seconds(), busy=lambda: _run_in_progress(context))
    if context.cursor == listing.digest:
        return SkipReason(f"no new or changed files in {issues_dir()}")
    scan = scan_issue_files(issues_dir(), last_scan(context.instance), listing)
    save_scan(context.instance, scan)
    if not scan.new_or_changed:
        return SensorResult(skip_reason=f"no new or changed files in {issues_dir()}", cursor=listing.digest)
    # a changed file goes into a new batch too: the run re-reads it and replaces its issue's rows
    batches = register_batches(context.instance, scan.new_or_changed)
    return SensorResult(run_requests=[_run_for(scan, batches)], cursor=listing.digest)


def _run_in_progress(context: SensorEvaluationContext) -> bool:
    """A run queued or under way (Dagster's own list of the statuses that are not finished)."""
    return bool(context.instance.get_run_records(RunsFilter(statuses=NOT_FINISHED_STATUSES), limit=1))


def _run_for(scan, batches: list[str]) -> RunRequest:
    """One run for every batch the tick made; the run key names the files and their contents."""
    files = sorted(scan.new_or_changed)
    run_key = ":".join(f"{k}:{scan.sha256(k)[:16]}" for k in files[:20]) + (f":+{len(files)}" if len(files) > 20 else "")
    if len(batches) == 1:
        return RunRequest(run_key=run_key, partition_key=batches[0])
    return RunRequest(run_key=run_key, tags=range_tags(batches))


@schedule(
    job=marts_job,
    cron_schedule="0 6 * * *",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Daily 06:00 rebuild of the marts; off by default because the sensor already "
    "refreshes them within a minute of a new file.",
)
def daily_marts_schedule(_context):
    return RunRequest()
