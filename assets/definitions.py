"""The code location: assembles the Definitions that `workspace.yaml` and `assets.run` load."""

import dagster as dg

from assets.ingestion import assets, resources, schedules, sensors
from assets.ingestion.partitions import documents

ingest_documents = dg.define_asset_job(
    "ingest_documents",
    selection=dg.AssetSelection.all(),  # every asset of a document, with its checks
    partitions_def=documents,
    description="Ingest one raw document: read, parse, validate, load into the warehouse.",
)

defs = dg.Definitions(
    assets=[
        assets.raw_document,
        assets.parsed_disclosure,
        assets.validated_disclosure,
        assets.warehouse_tables,
    ],
    jobs=[ingest_documents],
    sensors=[sensors.raw_folder_sensor],
    schedules=[schedules.daily_rescan],
    resources={"raw_folder": resources.raw_folder(), "duckdb": resources.warehouse_db()},
)
