"""Pull the configured URLs every hour; the raw-folder sensor ingests what arrives.

Off by default: it reaches the network, and sources.toml lists no URL until someone adds one
(`make run` pulls the configured URLs too). Turn it on in the UI (Automation) once it does."""

import dagster as dg

from assets.sources.assets import downloaded_documents

pull_sources = dg.define_asset_job("pull_sources", selection=[downloaded_documents])

hourly_pull = dg.ScheduleDefinition(
    name="hourly_pull", job=pull_sources, cron_schedule="17 * * * *",
    execution_timezone="Asia/Shanghai", default_status=dg.DefaultScheduleStatus.STOPPED,
)
