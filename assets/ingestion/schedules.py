"""A daily rescan, so nothing depends on the sensor having been on. It requests exactly what the
sensor would (the same run keys, so the two never run a document twice): over an unchanged
raw folder it requests nothing, and no document is parsed."""

import dagster as dg

from assets.ingestion.partitions import documents
from assets.ingestion.resources import RawFolder, WarehouseResource
from assets.ingestion.sensors import pending_runs


@dg.schedule(
    job_name="ingest_documents", cron_schedule="0 6 * * *", execution_timezone="Asia/Shanghai"
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
