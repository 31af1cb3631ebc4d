"""The code location: assembles the Definitions that `workspace.yaml` and `assets.run` load."""

import dagster as dg

from assets.ingestion import assets, resources, schedules, sensors
from assets.ingestion.partitions import documents
from assets.sources import assets as source_assets
from assets.sources import schedules as source_schedules

ingest_documents = dg.define_asset_job(
    "ingest_documents",
    # every asset of a document. Its checks are reported once the suites ran, not planned: a
    # planned check of a document the parser refused would show as failed though it never ran.
    selection=dg.AssetSelection.assets(assets.ingest).without_checks(),
    partitions_def=documents,
    description="Ingest raw documents (a range of the document partitions per run): read, parse and "
                "validate them on every core, land them in the warehouse, publish what passed.",
)

defs = dg.Definitions(
    assets=[assets.ingest, *assets.TABLE_SPECS, source_assets.downloaded_documents],
    jobs=[ingest_documents, source_schedules.pull_sources],
    sensors=[sensors.raw_folder_sensor],
    schedules=[schedules.daily_rescan, source_schedules.hourly_pull],
    resources={"raw_folder": resources.raw_folder(), "duckdb": resources.warehouse_db()},
)
