"""Ingestion: each raw document -> parsed -> validated -> DuckDB warehouse, as one partition."""
