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
    requests, new = pending_runs(raw_folder, duckdb, context.instance.get_dynamic_partitions(documents.name))
    if not requests:
        return dg.SkipReason(f"every document in {raw_folder.root} is already in the warehouse")
    if new:  # schedules cannot return dynamic partition requests (sensors can), so register directly
        context.instance.add_dynamic_partitions(documents.name, new)
    return requests
