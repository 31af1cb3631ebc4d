"""The code location: assembles the Definitions that `workspace.yaml` and `assets.run` load."""

import dagster as dg

from assets.ingestion import assets, resources, schedules, sensors
from assets.ingestion.partitions import documents
from assets.sources import assets as source_assets
from assets.sources import schedules as source_schedules

ingest_documents = dg.define_asset_job(
    "ingest_documents",
    # every asset of a document. Its checks are reported by the load once the suites ran, not
    # planned: a planned check of a run that failed earlier (a document the parser refused)
    # would show as failed though it never ran (see warehouse_tables).
    selection=dg.AssetSelection.groups("ingestion", "warehouse").without_checks(),
    partitions_def=documents,
    description="Ingest one raw document: read, parse, validate, load into the warehouse.",
)

defs = dg.Definitions(
    assets=[
        assets.raw_document,
        assets.parsed_disclosure,
        assets.validated_disclosure,
        assets.warehouse_tables,
        assets.published_disclosure,
        source_assets.downloaded_documents,
    ],
    jobs=[ingest_documents, source_schedules.pull_sources],
    sensors=[sensors.raw_folder_sensor],
    schedules=[schedules.daily_rescan, source_schedules.hourly_pull],
    resources={"raw_folder": resources.raw_folder(), "duckdb": resources.warehouse_db()},
)
