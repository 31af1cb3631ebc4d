"""The ingestion assets, one partition per document:

raw_document -> parsed_disclosure -> validated_disclosure (GX report; Data Docs)
             -> warehouse/<table> (one multi-asset: one transaction per document; one check
                per GX suite, on warehouse/dim_document, blocking when the suite has error checks)
             -> published_disclosure (the document becomes what analysts see)

Quarantine and blocking checks: the load runs for every parsed document, so a document with
validation errors is recorded (facts kept for inspection, status 'quarantined', the failed
checks as its reason, every check in fact_validation). A clean document lands as 'validated'.
The load step then reports one asset check per suite; a suite with error checks is blocking,
so when it fails (ERROR) Dagster fails the step after the load has committed and skips
`published_disclosure`, the only step that makes a document 'current' (superseding the
previous version of its department-year). What analysts see is thus gated by the blocking
checks, and the quarantine is still recorded.

Loads and publications run in the "duckdb_warehouse" pool (limit 1, see assets/dagster.yaml),
because DuckDB allows one writing process. Reading, parsing and validating run in parallel; the
one write outside the pool, the quarantine record of a document the parser rejects, waits for
the file's lock (`pipelines.warehouse.connect` retries), so writes never collide.
"""

import json
import os
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("TQDM_DISABLE", "1")  # before GX is imported: no progress bars in run logs

import dagster as dg
import duckdb
from dagster._core.definitions.asset_checks.asset_check_evaluation import (  # not exported by dagster
    AssetCheckEvaluationTargetMaterializationData,
)

import expectations
from expectations import docs as expectations_docs
from expectations.pages import in_wan, outcome
from pipelines import warehouse
from pipelines.warehouse.connection import ensure_schema
from pipelines.model import Disclosure, DocumentError, ParsedTable
from pipelines.isolation import parse_isolated, refuse_oversized
from pipelines.raw import RawDocument, identify, read_raw
from pipelines.sources import load_sources

from assets.ingestion.partitions import documents
from assets.ingestion import resources
from assets.ingestion.resources import RawFolder, WarehouseResource

POOL = "duckdb_warehouse"
PREVIEW_ROWS = 10
MAX_FAILURE_ROWS = 50


def _catalog() -> tuple[dict[str, str | None], dict[str, dg.TableSchema], set[str]]:
    """(table comments, column schemas, tables with a document_sha256 column) as DuckDB's
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
    per_document = {t for t, name, *_ in columns if name == "document_sha256"}
    return comments, schemas, per_document


TABLE_COMMENTS, TABLE_SCHEMAS, PER_DOCUMENT = _catalog()


def _table_spec(table: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        ["warehouse", table],
        deps=["parsed_disclosure", "validated_disclosure"],
        partitions_def=documents,
        group_name="warehouse",
        kinds={"duckdb"},
        # the data dictionary's (warehouse/comments.sql), in Chinese and English
        description=TABLE_COMMENTS.get(table) or f"warehouse table {table}",
        metadata={"dagster/column_schema": TABLE_SCHEMAS[table]} if table in TABLE_SCHEMAS else None,
    )


@dg.asset(partitions_def=documents, group_name="ingestion", kinds={"python"})
def raw_document(context: dg.AssetExecutionContext, raw_folder: RawFolder,
                 duckdb: WarehouseResource) -> dg.Output[RawDocument]:
    """The document's identity (SHA-256, size, format), hashed in blocks. A file that vanished or cannot be read
    since the scan fails alone, logged with the reason: it is the file's problem, not the
    pipeline's."""
    key = context.partition_key
    path = raw_folder.file(key)
    try:
        if not path.exists():
            raise FileNotFoundError(f"no such file in {raw_folder.root} (deleted since the scan?)")
        raw = identify(path, key)  # hashed in blocks: Dagster's storage keeps the identity and path, no bytes
    except OSError as error:
        raise _unreadable(context, duckdb, key, error) from error
    return dg.Output(raw, metadata={"sha256": raw.sha256, "size": raw.size, "format": raw.format})


@dg.asset(partitions_def=documents, group_name="ingestion", kinds={"python"})
def parsed_disclosure(
    context: dg.AssetExecutionContext, raw_document: RawDocument, duckdb: WarehouseResource
) -> dg.Output[Disclosure]:
    """The parsed disclosure. A document the parser rejects is quarantined and the step fails.
    The bytes are read here (the stored raw_document holds none), once the file's size is within
    its limit, and must still be the ones hashed; the parse runs in a worker within the limits."""
    limits = load_sources().limits
    try:
        refuse_oversized(raw_document.name, raw_document.format, raw_document.size, limits)
    except DocumentError as err:
        raise _quarantine(context, duckdb, raw_document, err) from err
    try:
        raw = read_raw(Path(raw_document.path), name=raw_document.name)
    except OSError as error:
        raise _unreadable(context, duckdb, raw_document.name, error) from error
    if raw.sha256 != raw_document.sha256:
        raise _quarantine(context, duckdb, raw_document,
                          DocumentError(raw.name, "the file changed after it was hashed; it is read again next run"))
    try:
        disclosure = parse_isolated(raw, limits)  # a worker with a memory limit and a deadline
    except DocumentError as err:
        raise _quarantine(context, duckdb, raw_document, err) from err
    return dg.Output(disclosure, metadata=_describe(disclosure))


DOCUMENT = dg.AssetKey(["warehouse", "dim_document"])  # the checks are about the landed document

with warnings.catch_warnings():
    # Partitioned checks are a Dagster preview feature (1.13); without them the UI keeps only
    # the latest document's result per suite instead of one per document.
    warnings.simplefilter("ignore", dg.PreviewWarning)
    SUITE_CHECKS = [
        dg.AssetCheckSpec(name, asset=DOCUMENT, partitions_def=documents,
                          description=expectations.CONCERNS[name], blocking=expectations.BLOCKING[name])
        for name in expectations.SUITE_NAMES
    ]


@dg.asset(partitions_def=documents, group_name="ingestion", kinds={"python"})
def validated_disclosure(
    context: dg.AssetExecutionContext, parsed_disclosure: Disclosure, duckdb: WarehouseResource
) -> dg.Output:
    """Runs the GX suites here (dagster-ge does not support GX 1.x) and writes their Data Docs
    (next to the warehouse file, in data_docs/); the checks are reported by the load."""
    report = expectations.validate(parsed_disclosure)
    docs: dict[str, object] = {}
    try:
        built = expectations.build_data_docs(report, parsed_disclosure,
                                             expectations_docs.default_directory(duckdb.database))
        docs = {"data_docs": dg.MetadataValue.path(str(built["index"])),  # every document, offline
                "validation_page": dg.MetadataValue.path(str(built["document"])),  # this one's, offline
                "data_docs_pages": dg.MetadataValue.int(len(built["pages"]))}  # GX's, one per suite
    except Exception as error:  # noqa: BLE001 - the docs are a view; validation itself succeeded
        context.log.warning(f"{parsed_disclosure.source_path}: Data Docs not written: {error}")
        docs = {"data_docs_error": str(error)}
    return dg.Output(
        report,
        metadata={
            "department": parsed_disclosure.info.department,
            "fiscal_year": dg.MetadataValue.int(parsed_disclosure.info.fiscal_year),
            "kind": parsed_disclosure.info.kind,
            "has_errors": report.has_errors,
            "errors": dg.MetadataValue.int(len(report.errors)),
            "warnings": dg.MetadataValue.int(len(report.warnings)),
            "suites_passed": sum(s.success for s in report.suites),
            "suites_failed": sum(not s.success for s in report.suites),
            **docs,
        },
    )


@dg.multi_asset(
    name="warehouse_tables",
    specs=[_table_spec(table) for table in warehouse.TABLES],
    check_specs=SUITE_CHECKS,
    ins={
        "parsed_disclosure": dg.AssetIn("parsed_disclosure"),
        "validated_disclosure": dg.AssetIn("validated_disclosure"),
    },
    partitions_def=documents,
    pool=POOL,
    # subsettable so that a job can select the tables without their checks (ingest_documents
    # does: see below); the load always writes every table, in one transaction
    can_subset=True,
)
def warehouse_tables(
    context: dg.AssetExecutionContext,
    parsed_disclosure: Disclosure,
    validated_disclosure,  # expectations.ValidationReport
    duckdb: WarehouseResource,
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Loads the document into every warehouse table in one transaction (`load_disclosure`,
    which leaves the warehouse unchanged when the same bytes were landed by the same parser):
    'quarantined' with validation errors, else 'validated' (published by the next asset). Then
    one check per suite; a failed blocking check fails this step and skips the publication.

    The checks are reported when the suites ran, never promised: the `ingest_documents` job
    plans no check (Dagster resolves a planned check whose run failed, e.g. on a document the
    parser refused, as "execution failed", shown as Failed), so each result is yielded as an
    evaluation of its own; where a run did select the checks (materializing this asset in the
    UI), as that check's result. Either way a failed blocking check fails the step.
    A suite that did not run (a report stored by older rules, re-used by a re-execution of this
    step alone) is not reported at all: never shown as failed. A blocking suite that did not run
    fails the step instead, so the document is not offered for publication unchecked."""
    d = parsed_disclosure
    with duckdb.get_connection() as conn:
        result = warehouse.load_disclosure(conn, d, validated_disclosure, run_id=context.run_id,
                                           publish=False)
        if result.status in ("quarantined", "unchanged"):
            reason = (conn.execute("SELECT status_reason FROM dim_document WHERE document_sha256 = ?",
                                   [d.sha256]).fetchone()[0] if result.status == "quarantined"
                      else "these bytes were already loaded by this parser")
            _log(context, conn, d.source_path, d.sha256,
                 "quarantined" if result.status == "quarantined" else "skipped", reason)
        document_status = conn.execute("SELECT status FROM dim_document WHERE document_sha256 = ?",
                                       [d.sha256]).fetchone()[0]
        counts = _row_counts(conn, d.sha256)
    if result.status == "unchanged":
        context.log.info(f"{d.source_path}: already landed ({d.sha256[:12]}, {d.parser})")
    about = {
        "department": d.info.department,
        "fiscal_year": dg.MetadataValue.int(d.info.fiscal_year),
        "kind": d.info.kind,
        "scope": d.info.scope,
        "status": result.status,  # validated | quarantined (validation errors) | unchanged
        "document_status": document_status,  # dim_document.status after this load
        "file": d.source_path,
        "sha256": d.sha256,
    }
    for table in warehouse.TABLES:
        if dg.AssetKey(["warehouse", table]) not in context.selected_asset_keys:
            continue  # loaded all the same (one transaction); reported where selected
        mine, total = counts[table]
        yield dg.MaterializeResult(
            asset_key=["warehouse", table],
            metadata={
                **about,
                # this document's rows; a dimension shared by every document: the whole table's
                "dagster/row_count": dg.MetadataValue.int(total if mine is None else mine),
                **({"rows_loaded": dg.MetadataValue.int(result.rows[table])} if table in result.rows
                   else {}),  # LoadResult.rows counts the fact rows this load inserted
                "table_rows": dg.MetadataValue.int(total),  # every document's
            },
        )
    ran = {s.name: s for s in validated_disclosure.suites}
    selected = context.selected_asset_check_keys
    for name in expectations.SUITE_NAMES:
        if name in ran:
            check = _check_result(ran[name])
            yield check if dg.AssetCheckKey(DOCUMENT, name) in selected else _evaluation(context, check)
        else:
            context.log.warning(f"{d.source_path}: suite {name} did not run (a stored report of older "
                                "rules?): its check is not reported for this document")
    unchecked = [n for n in expectations.SUITE_NAMES if n not in ran and expectations.BLOCKING[n]]
    if unchecked:  # never a silent pass: not offered for publication without its blocking checks
        raise dg.Failure(
            description=f"{d.source_path}: blocking suites did not run: {', '.join(unchecked)}; the document "
                        "is not published (materialize validated_disclosure again)",
            metadata={"document": d.source_path, "sha256": d.sha256, "suites_not_run": ", ".join(unchecked)},
            allow_retries=False,
        )


def _evaluation(context: dg.AssetExecutionContext, result: dg.AssetCheckResult) -> dg.AssetCheckEvaluation:
    """A check result as the evaluation Dagster records, for a run that did not plan the check;
    blocking as declared, so Dagster still fails the step when a blocking check fails; pointing
    at this document's latest dim_document materialization (this step's, yielded above), as
    Dagster points a planned check's result, so the UI shows which load the check was about."""
    latest = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=DOCUMENT, asset_partitions=[context.partition_key]), limit=1).records
    target = (AssetCheckEvaluationTargetMaterializationData(
        run_id=latest[0].event_log_entry.run_id, storage_id=latest[0].storage_id,
        timestamp=latest[0].timestamp) if latest else None)
    return dg.AssetCheckEvaluation(
        asset_key=DOCUMENT, check_name=result.check_name, passed=result.passed, metadata=result.metadata,
        target_materialization_data=target, severity=result.severity, description=result.description,
        blocking=expectations.BLOCKING[result.check_name], partition=context.partition_key,
    )


def _row_counts(conn, sha256: str) -> dict[str, tuple[int | None, int]]:
    """table -> (rows of this document, or None for a dimension shared by every document; rows
    of every document)."""
    counts = {}
    for table in warehouse.TABLES:
        total = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        mine = (conn.execute(f'SELECT count(*) FROM "{table}" WHERE document_sha256 = ?', [sha256]).fetchone()[0]
                if table in PER_DOCUMENT else None)
        counts[table] = (mine, total)
    return counts


@dg.asset(
    deps=[dg.AssetKey(["warehouse", t]) for t in warehouse.TABLES],
    ins={"parsed_disclosure": dg.AssetIn("parsed_disclosure")},
    partitions_def=documents,
    group_name="warehouse",
    kinds={"duckdb"},
    pool=POOL,
)
def published_disclosure(
    context: dg.AssetExecutionContext, parsed_disclosure: Disclosure, duckdb: WarehouseResource
) -> dg.MaterializeResult:
    """Offers the validated document for publication: it becomes the current version of its
    department-year (the one analysts' views show), or is held (it would make what they see
    worse: status_reason says how), a duplicate, or superseded by a later version
    (pipelines/warehouse/publication.py). Runs only when every blocking check of the load passed."""
    d = parsed_disclosure
    with duckdb.get_connection() as conn:
        result = warehouse.publish_document(conn, d.sha256)
        reason = conn.execute("SELECT status_reason FROM dim_document WHERE document_sha256 = ?",
                              [d.sha256]).fetchone()[0]
        if result.status != "unchanged":  # newly offered (else the load logged 'skipped')
            superseded = ", ".join(r[:12] for r in result.replaced)
            note = f"supersedes {superseded}" if superseded else None
            _log(context, conn, d.source_path, d.sha256, "held" if result.status == "held" else "landed",
                 reason if result.status != "current" else (f"{note}; {reason}" if note and reason else note or reason))
    if result.status == "held":
        context.log.warning(f"{d.source_path}: {reason}")
    return dg.MaterializeResult(metadata={
        "status": result.status,  # current | held | duplicate | superseded | unchanged (already offered)
        "reason": reason or "-",
        "sha256": d.sha256,
        "department": d.info.department,
        "fiscal_year": dg.MetadataValue.int(d.info.fiscal_year),
        "superseded": ", ".join(result.replaced) or "-",
    })


def _unreadable(context: dg.AssetExecutionContext, duckdb: WarehouseResource, key: str,
                error: OSError) -> dg.Failure:
    """A file that vanished or cannot be read: logged, and the Failure that ends this run only."""
    problem = f"cannot be read: {error.strerror or error}"
    with duckdb.get_connection() as conn:
        _log(context, conn, key, None, "failed", problem)
    return dg.Failure(description=f"quarantined {key}: {problem}",
                      metadata={"document": key, "problem": problem, "quarantined": True}, allow_retries=False)


def _quarantine(
    context: dg.AssetExecutionContext,
    duckdb: WarehouseResource,
    raw: RawDocument,
    err: DocumentError,
) -> dg.Failure:
    """Records the document as quarantined, and returns the Failure that ends this run only."""
    with duckdb.get_connection() as conn:
        warehouse.record_failure(conn, raw, err.problem, run_id=context.run_id)
        _log(context, conn, raw.name, raw.sha256, "failed", err.problem)
    return dg.Failure(
        description=f"quarantined {err.document}: {err.problem}",
        metadata={
            "document": err.document,
            "problem": err.problem,
            "sha256": raw.sha256,
            "quarantined": True,  # assets.run tells document problems from pipeline errors by this
        },
        allow_retries=False,
    )


def _log(context: dg.AssetExecutionContext, conn, name: str, sha256: str | None, status: str,
         reason: str | None) -> None:
    """One ingestion_log row; the duration is the run's so far."""
    record = context.instance.get_run_record_by_id(context.run_id)
    started = record.start_time if record and record.start_time else None
    warehouse.log_ingestion(
        conn, name, status, sha256=sha256, reason=reason, run_id=context.run_id,
        source=str(resources.raw_folder().folder_of(name)[1]),
        duration_ms=int((time.time() - started) * 1000) if started else None,
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
    _, said = outcome(len(suite.errors), len(suite.warnings))  # "passed with 15 warnings", "failed: 2 errors"
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
