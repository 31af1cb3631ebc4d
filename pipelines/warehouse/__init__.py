"""The DuckDB star schema: connecting, loading one disclosure in one transaction, summaries.

Writes are serialised by the caller (one DuckDB writer per file); `connect` retries while
another process holds the file's lock, so a second writer waits instead of failing. Readers
use `reader()`: a snapshot published when a writer ends (a batch: once, at the end of its run).
Where the warehouse lives is the backend's (backends.py, JUESUAN_BACKEND).
"""

from pipelines.warehouse.backends import backend, publish_snapshot, reader, writer
from pipelines.warehouse.connection import connect, snapshot_path
from pipelines.warehouse.facts import FACT_TABLES
from pipelines.warehouse.load import LoadResult, is_landed, load_disclosure, publish_document, record_failure
from pipelines.warehouse.log import log_ingestion
from pipelines.warehouse.state import landed
from pipelines.warehouse.summary import document_summary

TABLES: list[str] = ["dim_document", "dim_document_table", "dim_department", "dim_function_subject",
                     "dim_economic_subject", *FACT_TABLES, "fact_validation", "ingestion_log"]

__all__ = ["TABLES", "LoadResult", "backend", "connect", "document_summary",
           "is_landed", "landed", "load_disclosure", "log_ingestion", "publish_document", "publish_snapshot", "reader",
           "record_failure", "snapshot_path", "writer"]
