"""A sensor on the raw folder: every document whose bytes the warehouse does not hold yet
gets a partition, and the run of a range of partitions that ingests it with the others. What is landed is read from the warehouse (its published
snapshot), never from a cursor, so a deleted warehouse is rebuilt from the files.

On by default: wherever the Dagster daemon runs (`make ui`), a file dropped into raw/ is
ingested within a minute without anyone switching the sensor on in the UI. Over an unchanged
raw folder a tick hashes the files and requests nothing."""

import hashlib

import dagster as dg

from assets.ingestion.partitions import documents, range_tags, ranges
from assets.ingestion.resources import RawFolder, WarehouseResource
from pipelines import PARSER_VERSION, settings, warehouse
from pipelines.raw import file_sha256


def scan(
    raw_folder: RawFolder, duckdb: WarehouseResource
) -> tuple[str | None, list[tuple[str, str, bool]]]:
    """(warehouse id, [(partition key, sha256, already landed)]) for every file, in key order."""
    warehouse_id, landed = warehouse.landed(duckdb.database)
    files = [(key, file_sha256(path)) for key, path in sorted(raw_folder.documents().items())]
    return warehouse_id, [(key, digest, (digest, PARSER_VERSION) in landed) for key, digest in files]


def pending_runs(raw_folder: RawFolder, duckdb: WarehouseResource,
                 known: list[str]) -> tuple[list[dg.RunRequest], list[str]]:
    """(the runs that ingest every file the warehouse lacks, the partition keys to add first).
    Each run is a range of the document partitions (`known`, in Dagster's order, then the new
    keys), at most JUESUAN_RUN_SIZE of them. Its run key names the files, their bytes, the
    parser and the warehouse: a changed file, a new parser or a rebuilt warehouse runs again;
    the same bytes into the same warehouse never do."""
    warehouse_id, files = scan(raw_folder, duckdb)
    digests = {key: digest for key, digest, landed in files if not landed}
    have = set(known)
    new = sorted(key for key in digests if key not in have)
    requests = []
    for first, last, members in ranges(list(digests), [*known, *new], settings.run_size()):
        contents = hashlib.sha256("\n".join(f"{k}@{digests[k]}" for k in members).encode()).hexdigest()[:16]
        requests.append(dg.RunRequest(
            run_key=f"{first}..{last}@{contents}@{PARSER_VERSION}@{warehouse_id or 'new'}",
            tags=range_tags(first, last)))
    return requests, new


@dg.sensor(job_name="ingest_documents", minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.RUNNING)
def raw_folder_sensor(
    context: dg.SensorEvaluationContext, raw_folder: RawFolder, duckdb: WarehouseResource
) -> dg.SensorResult:
    requests, new = pending_runs(raw_folder, duckdb, context.instance.get_dynamic_partitions(documents.name))
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents.build_add_request(new)] if new else [],
    )

