"""A daily rescan, so nothing depends on the sensor having been on. It requests exactly what the
sensor would (the same run keys, so the two never run a document twice): over an unchanged
raw folder it requests nothing, and no document is parsed.

Off by default: the raw-folder sensor, on by default, already requests every new document
within a minute. Turn this on (UI: Automation) where the sensor is turned off, e.g. when raw/
is too large to hash every 30 seconds and a daily ingest at 06:00 Asia/Shanghai is enough."""

import dagster as dg

from assets.ingestion.partitions import documents
from assets.ingestion.resources import RawFolder, WarehouseResource
from assets.ingestion.sensors import pending_runs


@dg.schedule(
    job_name="ingest_documents", cron_schedule="0 6 * * *", execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
def daily_rescan(
    context: dg.ScheduleEvaluationContext, raw_folder: RawFolder, duckdb: WarehouseResource
):
    requests = pending_runs(raw_folder, duckdb)
    if not requests:
        return dg.SkipReason(f"every document in {raw_folder.root} is already in the warehouse")
    # Schedules cannot return dynamic partition requests (sensors can), so register directly.
    missing = [r.partition_key for r in requests
               if not context.instance.has_dynamic_partition(documents.name, r.partition_key)]
    if missing:
        context.instance.add_dynamic_partitions(documents.name, missing)
    return requests
