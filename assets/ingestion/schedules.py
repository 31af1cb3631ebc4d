"""A daily rescan, so nothing depends on the sensor having been on: every document is requested,
and loading the same bytes again is a no-op (`load_disclosure`)."""

import dagster as dg

from assets.ingestion.partitions import documents
from assets.ingestion.resources import RawFolder


@dg.schedule(
    job_name="ingest_documents", cron_schedule="0 6 * * *", execution_timezone="Asia/Shanghai"
)
def daily_rescan(context: dg.ScheduleEvaluationContext, raw_folder: RawFolder):
    keys = sorted(raw_folder.documents())
    if not keys:
        return dg.SkipReason(f"no documents in {raw_folder.root}")
    # Schedules cannot return dynamic partition requests (sensors can), so register directly.
    missing = [k for k in keys if not context.instance.has_dynamic_partition(documents.name, k)]
    if missing:
        context.instance.add_dynamic_partitions(documents.name, missing)
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return [dg.RunRequest(partition_key=k, run_key=f"{day}:{k}") for k in keys]
