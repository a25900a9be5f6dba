"""One partition per issue file: a new issue is parsed alone, thousands backfill in one run."""
from dagster import BackfillPolicy, DynamicPartitionsDefinition

issue_files_partitions = DynamicPartitionsDefinition(name="issue_files")

# Run tags that make one run cover a range of partition keys (a backfill in one run).
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

# Keyword arguments every per-issue asset takes: partitioned by file, a backfill is one run.
PER_ISSUE = {
    "partitions_def": issue_files_partitions,
    "backfill_policy": BackfillPolicy.single_run(),
}


def files_of_run(context) -> list[str]:
    """The issue files (partition keys) this run covers: one, or a backfill's whole range."""
    return sorted(context.partition_keys)


# Every table the per-issue assets write, keyed by issue_id (what a retraction cleans).
PER_ISSUE_TABLES = (
    "parsed.issues",
    "parsed.articles",
    "parsed.statistics",
    "parsed.people_mentions",
    "parsed.meetings",
    "parsed.meeting_participants",
    "parsed.project_reports",
    "parsed.extraction_log",
)
