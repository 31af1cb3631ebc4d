"""Ingestion: raw documents in `raw/` -> parsed -> validated -> DuckDB warehouse, one partition each."""
