"""A sensor on the raw folder: a new or changed file gets a partition and a run; nothing else."""

import hashlib
import json
from pathlib import Path

import dagster as dg

from assets.ingestion.partitions import documents
from assets.ingestion.resources import RawFolder


@dg.sensor(job_name="ingest_documents", minimum_interval_seconds=30)
def raw_folder_sensor(
    context: dg.SensorEvaluationContext, raw_folder: RawFolder
) -> dg.SensorResult:
    """Cursor: {partition key: sha256} as of the last tick. Every candidate file gets a partition,
    supported or not: the core decides, and the run quarantines what it rejects."""
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    current = {key: _sha256(path) for key, path in raw_folder.documents().items()}
    changed = [key for key, digest in current.items() if seen.get(key) != digest]
    new = [k for k in changed if not context.instance.has_dynamic_partition(documents.name, k)]
    return dg.SensorResult(
        # The run key names the bytes: a changed file runs again, the same bytes never do.
        run_requests=[dg.RunRequest(partition_key=k, run_key=f"{k}@{current[k]}") for k in changed],
        dynamic_partitions_requests=[documents.build_add_request(new)] if new else [],
        cursor=json.dumps(current, sort_keys=True),
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
