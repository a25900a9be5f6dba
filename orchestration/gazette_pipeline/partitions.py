"""One partition per issue file: a new issue is parsed alone, thousands backfill in one run."""
from dagster import BackfillPolicy, DagsterInstance, DynamicPartitionsDefinition

issue_files_partitions = DynamicPartitionsDefinition(name="issue_files")

# Run tags that make one run cover a range of partition keys (a backfill in one run).
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

# Keyword arguments every per-issue asset takes: partitioned by file, a backfill is one run.
PER_ISSUE = {
    "partitions_def": issue_files_partitions,
    "backfill_policy": BackfillPolicy.single_run(),
}


def register_issue_files(instance: DagsterInstance, files: list[str]) -> list[str]:
    """Add the files not yet known as partitions (the sensor's and the builds' one way in);
    returns them, sorted. New keys are appended, so new files form one range of keys."""
    known = set(instance.get_dynamic_partitions(issue_files_partitions.name))
    new = sorted({f for f in files if f not in known})
    if new:
        instance.add_dynamic_partitions(issue_files_partitions.name, new)
    return new


def files_of_run(context) -> list[str]:
    """The issue files (partition keys) this run covers: one, or a backfill's whole range."""
    return sorted(context.partition_keys)
