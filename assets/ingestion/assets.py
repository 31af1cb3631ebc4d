"""The ingestion assets, one partition per document, materialized many documents per run:

raw_document -> parsed_disclosure -> validated_disclosure (GX report; Data Docs)
             -> warehouse/<table> (one check per GX suite, on warehouse/dim_document)
             -> published_disclosure (the document becomes what analysts see)

One step, `ingest`, materializes all of them for every document of its run (a range of the
document partitions; BackfillPolicy.multi_run, so a backfill of thousands of documents is a
few runs): the documents are parsed and validated on every core, each in a worker process of
its own, and land a chunk at a time, one transaction per chunk (`pipelines.batch`). Each
document still gets its own materializations, with its metadata, and its own check results,
per partition; a document that fails (refused by the parser, quarantined by its validation)
fails alone, shown in its partition's metadata and checks, and the run goes on with the others.

Quarantine and blocking checks: a document with extraction errors is recorded (facts kept for
inspection, status 'quarantined', the failed checks as its reason) and never published; its
blocking check (document_completeness) fails. A document whose blocking suite did not run is
not offered for publication either. So `published_disclosure` is materialized only for
documents that passed their blocking checks.

The step is in the "duckdb_warehouse" pool (limit 1, see assets/dagster.yaml): DuckDB allows
one writing process, and the step writes.
"""

import json
import os
import warnings
from collections import Counter
from collections.abc import Iterator

os.environ.setdefault("TQDM_DISABLE", "1")  # before GX is imported: no progress bars in run logs

import dagster as dg
import duckdb
from dagster._core.definitions.asset_checks.asset_check_evaluation import (  # not exported by dagster
    AssetCheckEvaluationTargetMaterializationData,
)

import expectations
from expectations import docs as expectations_docs
from expectations.pages import in_wan, outcome as said_outcome
from pipelines import batch, settings, warehouse
from pipelines.warehouse.connection import WarehouseBusy, ensure_schema
from pipelines.model import Disclosure, ParsedTable
from pipelines.settings import lock_wait

from assets.ingestion.partitions import documents
from assets.ingestion.resources import BUSY_RETRIES, RawFolder, WarehouseResource

POOL = "duckdb_warehouse"
PREVIEW_ROWS = 10
MAX_FAILURE_ROWS = 50


def _catalog() -> tuple[dict[str, str | None], dict[str, dg.TableSchema]]:
    """(table comments, column schemas) as DuckDB's
    catalog states them once the warehouse DDL and its dictionary (warehouse/*.sql, applied as
    to every warehouse file) have run in an in-memory database: the tables, columns, types,
    keys and COMMENTs are written once, there."""
    conn = duckdb.connect(":memory:")
    try:
        ensure_schema(conn)
        comments = dict(conn.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'").fetchall())
        columns = conn.execute("""SELECT table_name, column_name, data_type, is_nullable, comment
                                  FROM duckdb_columns() WHERE schema_name = 'main'
                                  ORDER BY table_name, column_index""").fetchall()
        keys = conn.execute("""SELECT table_name, constraint_type, constraint_column_names
                               FROM duckdb_constraints() WHERE schema_name = 'main'
                               AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')""").fetchall()
    finally:
        conn.close()
    schemas: dict[str, dg.TableSchema] = {}
    for table in comments:
        unique = {cols[0] for t, _, cols in keys if t == table and len(cols) == 1}
        composite = [f"{kind} ({', '.join(cols)})" for t, kind, cols in keys if t == table and len(cols) > 1]
        schemas[table] = dg.TableSchema(
            columns=[dg.TableColumn(name, type=data_type, description=comment or None,
                                    constraints=dg.TableColumnConstraints(nullable=bool(nullable),
                                                                          unique=name in unique))
                     for t, name, data_type, nullable, comment in columns if t == table],
            constraints=dg.TableConstraints(other=composite) if composite else None,
        )
    return comments, schemas


TABLE_COMMENTS, TABLE_SCHEMAS = _catalog()


RAW, PARSED, VALIDATED, PUBLISHED = (dg.AssetKey(k) for k in (
    "raw_document", "parsed_disclosure", "validated_disclosure", "published_disclosure"))
DOCUMENT = dg.AssetKey(["warehouse", "dim_document"])  # the landed document: its checks are about it
TABLES = [dg.AssetKey(["warehouse", table]) for table in warehouse.TABLES if table != "dim_document"]


def _table_spec(key: dg.AssetKey, **partitioned) -> dg.AssetSpec:
    table = key.path[-1]
    return dg.AssetSpec(
        key,
        group_name="warehouse",
        kinds={"duckdb"},
        # the data dictionary's (warehouse/comments.sql), in Chinese and English
        description=TABLE_COMMENTS.get(table) or f"warehouse table {table}",
        metadata={"dagster/column_schema": TABLE_SCHEMAS[table]} if table in TABLE_SCHEMAS else None,
        **partitioned,
    )


SPECS = [
    dg.AssetSpec(RAW, partitions_def=documents, group_name="ingestion", kinds={"python"}, skippable=True,
                 description="The document's identity (SHA-256, size, format), hashed in blocks; Dagster "
                             "keeps no copy of its bytes. A file that vanished or cannot be read fails alone."),
    dg.AssetSpec(PARSED, deps=[RAW], partitions_def=documents, group_name="ingestion", kinds={"python"},
                 skippable=True,
                 description="The parsed disclosure, parsed in a worker process within its memory and time "
                             "limits. A document the parser refuses is recorded as failed, with its reason "
                             "(warehouse/dim_document's materialization says it), and is not materialized here."),
    dg.AssetSpec(VALIDATED, deps=[PARSED], partitions_def=documents, group_name="ingestion", kinds={"python"},
                 skippable=True,
                 description="The GX suites' report (dagster-ge does not support GX 1.x) and its Data Docs "
                             "page, beside the warehouse file in data_docs/; the checks are reported on "
                             "warehouse/dim_document."),
    _table_spec(DOCUMENT, deps=[PARSED, VALIDATED], partitions_def=documents, skippable=True),
    dg.AssetSpec(PUBLISHED, deps=[PARSED, DOCUMENT], partitions_def=documents, group_name="warehouse",
                 kinds={"duckdb"}, skippable=True,
                 description="The validated document offered for publication: it becomes the current version "
                             "of its department-year (what analysts' views show), or is held (it would make "
                             "what they see worse: the reason says how), a duplicate, or superseded by a later "
                             "version (pipelines/warehouse/publication.py). Only for documents whose blocking "
                             "checks passed."),
]
# The other tables are one thing each, not one per document: each run that lands documents
# records one materialization of each (its rows, the run's rows), not one per document, which
# would be 16 more events per document in Dagster's storage (its cost per document, measured
# in docs/SCALING.md). They are loaded with dim_document, in the same transaction.
TABLE_SPECS = [_table_spec(key, deps=[DOCUMENT]) for key in TABLES]

with warnings.catch_warnings():
    # Partitioned checks are a Dagster preview feature (1.13); without them the UI keeps only
    # the latest document's result per suite instead of one per document.
    warnings.simplefilter("ignore", dg.PreviewWarning)
    SUITE_CHECKS = [
        dg.AssetCheckSpec(name, asset=DOCUMENT, partitions_def=documents,
                          description=expectations.CONCERNS[name], blocking=expectations.BLOCKING[name])
        for name in expectations.SUITE_NAMES
    ]


@dg.multi_asset(
    name="ingest",
    specs=SPECS,
    check_specs=SUITE_CHECKS,
    partitions_def=documents,
    pool=POOL,
    # many documents per run: a backfill over thousands of partitions is a few runs
    backfill_policy=dg.BackfillPolicy.multi_run(settings.run_size()),
    # subsettable so that a job can select the assets without their checks (ingest_documents
    # does: see definitions.py); the step always does all of a document's work
    can_subset=True,
)
def ingest(context: dg.AssetExecutionContext, raw_folder: RawFolder,
           duckdb: WarehouseResource) -> Iterator[dg.AssetMaterialization | dg.AssetCheckEvaluation]:
    """Every document of the run's partitions, read, parsed, validated, landed and published
    (`pipelines.batch.ingest`); its materializations and checks as each lands. A document
    already landed under the same rules is left alone (nothing is recorded for it). A document
    whose landing hit a pipeline bug fails the step at the end, once the others have landed; a
    warehouse held by another process through the whole wait retries the step later."""
    files, errors, rows, documents_landed = [], [], Counter(), 0
    for key in context.partition_keys:
        try:
            files.append((key, raw_folder.file(key)))
        except dg.Failure as refused:  # a key leading outside its folder
            errors.append(f"{key}: {refused.description}")
    docs = expectations_docs.default_directory(duckdb.database)
    try:
        for outcome in batch.ingest(files, duckdb.database, run_id=context.run_id, data_docs=docs,
                                    source_of=lambda key: str(raw_folder.folder_of(key)[1])):
            if outcome.status in ("error", "validated"):
                errors.append(f"{outcome.key}: {outcome.reason}")
                context.log.error(f"{outcome.key}: {outcome.reason}")
            elif outcome.status == "held":
                context.log.warning(f"{outcome.key}: held - {outcome.reason}")
            if isinstance(outcome.data_docs, str):  # the docs are a view: the document landed all the same
                context.log.warning(f"{outcome.key}: {outcome.data_docs}")
            yield from _events(context, outcome)
            if outcome.load is not None and outcome.load.status != "unchanged":
                rows.update(outcome.load.rows)
                documents_landed += 1
    except WarehouseBusy as error:
        raise dg.RetryRequested(max_retries=BUSY_RETRIES, seconds_to_wait=lock_wait() / 4) from error
    if documents_landed:
        yield from _tables(duckdb, documents_landed, rows)
    if errors:
        raise dg.Failure(description=f"{len(errors)} of {len(context.partition_keys)} documents could not be "
                                     "ingested (pipeline errors; the others landed):\n" + "\n".join(errors),
                         metadata={"errors": dg.MetadataValue.json(errors)}, allow_retries=False)


def _events(context: dg.AssetExecutionContext, outcome: batch.Outcome
            ) -> Iterator[dg.AssetMaterialization | dg.AssetCheckEvaluation]:
    """One document's materializations and check results, each for its partition."""
    key, d = outcome.key, outcome.disclosure
    if outcome.status == "unchanged" and outcome.load is None:
        return  # not parsed: its bytes were in the warehouse already
    if outcome.identity is not None:
        raw = outcome.identity
        yield dg.AssetMaterialization(RAW, partition=key, metadata={
            "sha256": raw.sha256, "size": raw.size, "format": raw.format})
    if d is None:
        if outcome.status == "failed" and outcome.identity is not None:  # recorded in dim_document
            yield dg.AssetMaterialization(DOCUMENT, partition=key, description=f"refused: {outcome.reason}",
                                          metadata={"status": "failed", "document_status": "failed",
                                                    "reason": outcome.reason or "-", "file": key,
                                                    "sha256": outcome.identity.sha256})
        elif outcome.status == "failed":  # no bytes to know it by: the file, as seen
            yield dg.AssetObservation(RAW, partition=key, description=f"cannot be read: {outcome.reason}",
                                      metadata={"status": "failed", "reason": outcome.reason or "-", "file": key})
        return
    report = outcome.report
    yield dg.AssetMaterialization(PARSED, partition=key, metadata=_describe(d))
    yield dg.AssetMaterialization(VALIDATED, partition=key, metadata={
        "department": d.info.department,
        "fiscal_year": dg.MetadataValue.int(d.info.fiscal_year),
        "kind": d.info.kind,
        "has_errors": report.has_errors,
        "errors": dg.MetadataValue.int(len(report.errors)),
        "warnings": dg.MetadataValue.int(len(report.warnings)),
        "suites_passed": sum(s.success for s in report.suites),
        "suites_failed": sum(not s.success for s in report.suites),
        **_docs_metadata(outcome.data_docs),
    })
    load = outcome.load
    if load is None:
        return
    about = {
        "department": d.info.department,
        "fiscal_year": dg.MetadataValue.int(d.info.fiscal_year),
        "kind": d.info.kind,
        "scope": d.info.scope,
        # validated | quarantined (validation errors) | unchanged, as the load left it
        "status": load.status if load.status in ("quarantined", "unchanged") else "validated",
        "document_status": load.status,  # dim_document.status after this run
        "file": d.source_path,
        "sha256": d.sha256,
    }
    rows = {"dim_document_table": len(d.tables), "fact_validation": len(report.rows()), **load.rows}
    yield dg.AssetMaterialization(DOCUMENT, partition=key, metadata={
        **about, "dagster/row_count": dg.MetadataValue.int(1),
        "rows": dg.MetadataValue.json(rows)})  # this document's rows in each table it landed in
    target = _latest(context, key)
    ran = {s.name: s for s in report.suites}
    for name in expectations.SUITE_NAMES:
        if name in ran:
            yield _evaluation(_check_result(ran[name]), key, target)
        else:
            context.log.warning(f"{d.source_path}: suite {name} did not run (a stored report of older "
                                "rules?): its check is not reported for this document")
    if load.status in ("current", "held", "duplicate", "superseded"):
        yield dg.AssetMaterialization(PUBLISHED, partition=key, metadata={
            "status": load.status,  # current | held | duplicate | superseded
            "reason": outcome.reason or "-",
            "sha256": d.sha256,
            "department": d.info.department,
            "fiscal_year": dg.MetadataValue.int(d.info.fiscal_year),
            "superseded": ", ".join(load.replaced) or "-",
        })


def _tables(duckdb: WarehouseResource, documents: int, rows: Counter) -> Iterator[dg.AssetMaterialization]:
    """One materialization of each table per run that landed documents: its rows now (as
    readers see them: the snapshot this run published) and the fact rows this run landed."""
    with duckdb.get_connection(read_only=True) as conn:
        for key in TABLES:
            table = key.path[-1]
            total = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            yield dg.AssetMaterialization(key, metadata={
                "dagster/row_count": dg.MetadataValue.int(total),
                "documents_landed": dg.MetadataValue.int(documents),
                **({"rows_loaded": dg.MetadataValue.int(rows[table])} if table in rows else {})})


def _docs_metadata(docs: dict | str | None) -> dict[str, object]:
    if isinstance(docs, dict):
        return {"data_docs": dg.MetadataValue.path(str(docs["index"])),  # every document, offline
                "validation_page": dg.MetadataValue.path(str(docs["document"])),  # this one's, offline
                "data_docs_pages": dg.MetadataValue.int(len(docs["pages"]))}  # GX's, one per suite
    return {"data_docs_error": docs} if docs else {}


def _latest(context: dg.AssetExecutionContext, key: str) -> AssetCheckEvaluationTargetMaterializationData | None:
    """This document's dim_document materialization just recorded: its checks point at it, as a
    planned check's result would, so the UI shows which load a check was about."""
    latest = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=DOCUMENT, asset_partitions=[key]), limit=1).records
    return (AssetCheckEvaluationTargetMaterializationData(
        run_id=latest[0].event_log_entry.run_id, storage_id=latest[0].storage_id,
        timestamp=latest[0].timestamp) if latest else None)


def _evaluation(result: dg.AssetCheckResult, key: str,
                target: AssetCheckEvaluationTargetMaterializationData | None) -> dg.AssetCheckEvaluation:
    """A check result as the evaluation Dagster records, for a run that did not plan the check
    (see definitions.py). Not blocking at run time: a failed blocking check would fail the step,
    and with it every other document of the run; the gate it stands for is kept by the load,
    which never publishes a document that failed it (so no published_disclosure for it)."""
    return dg.AssetCheckEvaluation(
        asset_key=DOCUMENT, check_name=result.check_name, passed=result.passed, metadata=result.metadata,
        target_materialization_data=target, severity=result.severity, description=result.description,
        blocking=False, partition=key,
    )


def _describe(d: Disclosure) -> dict[str, object]:
    rows = {table_id: len(t.rows) for table_id, t in sorted(d.tables.items())}
    preview = next((t for _, t in sorted(d.tables.items()) if t.rows), None)
    return {
        "department": d.info.department,
        "fiscal_year": dg.MetadataValue.int(d.info.fiscal_year),
        "kind": d.info.kind,
        "unit": d.info.unit,
        "scope": d.info.scope,
        "parser": d.parser,
        "tables_found": dg.MetadataValue.int(len(d.tables)),
        "rows_per_table": dg.MetadataValue.json(rows),
        "projects": dg.MetadataValue.int(len(d.projects)),
        "narrative_facts": dg.MetadataValue.int(len(d.narrative)),
        "warnings": dg.MetadataValue.int(len(d.warnings)),
        "preview": dg.MetadataValue.md(_table_markdown(preview) if preview else "(no table rows)"),
    }


def _table_markdown(table: ParsedTable) -> str:
    """The first rows of one table, row labels then cells as printed."""
    rows = table.rows[:PREVIEW_ROWS]
    keys = list(dict.fromkeys(k for r in rows for k in r.keys))
    cells = list(dict.fromkeys(c for r in rows for c in r.cells))
    lines = [
        f"**{table.table_id} {table.title}** "
        f"(unit {table.unit}; {len(rows)} of {len(table.rows)} rows)",
        "",
        _md_row([*keys, *cells]),
        _md_row(["---"] * (len(keys) + len(cells))),
    ]
    for r in rows:
        lines.append(
            _md_row([r.keys.get(k, "") for k in keys]
                    + [r.cells[c].raw if c in r.cells else "" for c in cells])
        )
    return "\n".join(lines)


def _check_result(suite) -> dg.AssetCheckResult:
    """Passed unless an error check failed, as the warehouse records it (fact_validation's
    summary: success = no error): warnings (a rounding difference within tolerance, a narrative
    mismatch, a check that could not be evaluated) do not fail a suite, and the document is
    published with them; their count is in the description and the metadata. Severity says what
    a failure of the suite means: ERROR for a suite with error checks, WARN for a suite of
    warnings only (it never fails: Dagster shows severity only on a failed check)."""
    _, said = said_outcome(len(suite.errors), len(suite.warnings))  # "passed with 15 warnings", "failed: 2 errors"
    return dg.AssetCheckResult(
        asset_key=DOCUMENT,
        check_name=suite.name,
        passed=not suite.errors,
        severity=dg.AssetCheckSeverity.ERROR if suite.severity == "error" else dg.AssetCheckSeverity.WARN,
        description=f"{said}: {suite.concern}",
        metadata={
            "success": bool(suite.success),  # no error (warnings allowed)
            "errors": dg.MetadataValue.int(len(suite.errors)),
            "warnings": dg.MetadataValue.int(len(suite.warnings)),
            "failed_checks": dg.MetadataValue.json(_jsonable(sorted({f["check"] for f in suite.errors}))),
            "statistics": dg.MetadataValue.json(_jsonable(suite.statistics)),
            "failures": dg.MetadataValue.md(_failures_markdown(suite.errors + suite.warnings)),
        },
    )


def _failures_markdown(failures: list[dict]) -> str:
    """Errors first: check, severity, expected / actual / difference / tolerance (money in 万元,
    as the views show it), and where (table, row, column)."""
    if not failures:
        return "(none)"
    columns = ["check", "severity", "expected", "actual", "difference", "tolerance", "unit", "location"]
    lines = [_md_row(columns), _md_row(["---"] * len(columns))]
    lines += [_md_row([_text(f.get(c)) for c in columns]) for f in map(in_wan, failures[:MAX_FAILURE_ROWS])]
    if len(failures) > MAX_FAILURE_ROWS:
        lines.append(f"\n… and {len(failures) - MAX_FAILURE_ROWS} more (v_validation has them all)")
    return "\n".join(lines)


def _md_row(values: list[str]) -> str:
    return "| " + " | ".join(str(v).replace("|", "\\|").replace("\n", " ") for v in values) + " |"


def _text(value: object) -> str:
    value = "" if value is None else _jsonable(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _jsonable(value: object) -> object:
    """Decimals, dates and dataclasses as strings, so metadata is plain JSON."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))
