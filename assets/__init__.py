"""juesuan's Dagster layer: orchestration only. All parsing, validation and loading logic lives
in the plain-Python core (`pipelines`, `expectations`); these modules wire it into assets."""
