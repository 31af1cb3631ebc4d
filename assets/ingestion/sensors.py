"""A sensor on the raw folder: every document whose bytes the warehouse does not hold yet
gets a partition and a run. What is landed is read from the warehouse (its published
snapshot), never from a cursor, so a deleted warehouse is rebuilt from the files.

On by default: wherever the Dagster daemon runs (`make ui`), a file dropped into raw/ is
ingested within a minute without anyone switching the sensor on in the UI. Over an unchanged
raw folder a tick hashes the files and requests nothing."""

import dagster as dg

from assets.ingestion.partitions import documents
from assets.ingestion.resources import RawFolder, WarehouseResource
from pipelines import PARSER_VERSION, warehouse
from pipelines.raw import file_sha256


def scan(
    raw_folder: RawFolder, duckdb: WarehouseResource
) -> tuple[str | None, list[tuple[str, str, bool]]]:
    """(warehouse id, [(partition key, sha256, already landed)]) for every file, in key order."""
    warehouse_id, landed = warehouse.landed(duckdb.database)
    files = [(key, file_sha256(path)) for key, path in sorted(raw_folder.documents().items())]
    return warehouse_id, [(key, digest, (digest, PARSER_VERSION) in landed) for key, digest in files]


def pending_runs(raw_folder: RawFolder, duckdb: WarehouseResource) -> list[dg.RunRequest]:
    """A run for every file not yet in the warehouse. The run key names the file, its bytes,
    the parser and the warehouse: a changed file, a new parser or a rebuilt warehouse runs
    again; the same bytes into the same warehouse never do."""
    warehouse_id, files = scan(raw_folder, duckdb)
    return [dg.RunRequest(partition_key=key,
                          run_key=f"{key}@{digest}@{PARSER_VERSION}@{warehouse_id or 'new'}")
            for key, digest, landed in files if not landed]


@dg.sensor(job_name="ingest_documents", minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.RUNNING)
def raw_folder_sensor(
    context: dg.SensorEvaluationContext, raw_folder: RawFolder, duckdb: WarehouseResource
) -> dg.SensorResult:
    requests = pending_runs(raw_folder, duckdb)
    new = sorted({r.partition_key for r in requests
                  if not context.instance.has_dynamic_partition(documents.name, r.partition_key)})
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents.build_add_request(new)] if new else [],
    )

