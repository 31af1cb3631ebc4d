"""The `juesuan` command: `run`, `status`, `failures`, `query`, `report`, `publish`.

Only `run` loads Dagster (seconds of imports); the others read the warehouse's snapshot
(`pipelines.warehouse.reader`) and start at once. Every command takes `--help`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

WAREHOUSE_HELP = "DuckDB warehouse file [default: $JUESUAN_WAREHOUSE, else warehouse/juesuan.duckdb]"
STATUSES = ["current", "held", "duplicate", "superseded", "quarantined", "failed"]
PROBLEMS = ("failed", "quarantined", "held")


def _warehouse_option(command):
    return click.option("--warehouse", "warehouse_file", type=click.Path(dir_okay=False, path_type=Path),
                        metavar="FILE", help=WAREHOUSE_HELP)(command)


def _use_warehouse(warehouse_file: Path | None) -> Path:
    """The warehouse file this command reads (and sets JUESUAN_WAREHOUSE to it)."""
    from pipelines import settings

    settings.choose(warehouse=warehouse_file)
    return settings.warehouse_path().absolute()


def _reader(warehouse_file: Path | None):
    """(read connection to the snapshot, the warehouse file, the file actually read)."""
    from pipelines.warehouse import reader, snapshot_path
    from pipelines.warehouse.connection import WarehouseBusy

    db = _use_warehouse(warehouse_file)
    if not db.exists():
        raise click.ClickException(f"no warehouse at {db}: `juesuan run` creates it")
    snapshot = snapshot_path(db)
    try:
        return reader(db), db, snapshot if snapshot.exists() else db
    except WarehouseBusy as error:  # no snapshot yet, and a writer holds the file
        raise click.ClickException(str(error)) from None


def _as_of(path: Path) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
def cli() -> None:
    """juesuan 决算: Chinese public-finance final-accounts disclosures in a DuckDB warehouse.

    `juesuan run` ingests the raw folder; `status`, `failures`, `query` and `report` read the
    warehouse's read snapshot (they work while a run writes, and never change anything).
    """


@cli.command(short_help="Ingest the raw folder into the warehouse.")
@click.option("--raw", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="DIR",
              help="folder of raw documents [default: $JUESUAN_RAW, else raw/]")
@_warehouse_option
@click.option("--strict", is_flag=True, help="exit 3 when any file is refused, quarantined or held (for cron)")
def run(raw: Path | None, warehouse_file: Path | None, strict: bool) -> None:
    """Ingest every new document of the raw folder through Dagster, then list what landed.

    One line per document (a progress bar with the time left on a terminal); long reasons are
    wrapped. Dagster's state (what `make ui` shows) lives beside the warehouse, in
    `.dagster/<warehouse stem>/`, unless DAGSTER_HOME is set, so two warehouses never mix.

    Exit status: 0 when the pipeline worked (a refused or quarantined document is data, listed
    with its reason), 1 when the pipeline itself broke or the warehouse stayed busy, 3 with
    --strict when any file is refused, quarantined or held.
    """
    from assets import run as runner
    from pipelines.query import terminal_width
    from pipelines.raw import printable

    raw_dir, db, home = runner.configure(raw, warehouse_file)
    try:
        files, urls = runner.count_documents()
        count = f"{files} document{'' if files == 1 else 's'}" + (f" (and {urls} URLs to pull)" if urls else "")
    except (OSError, ValueError):  # an unreadable sources.toml: the run says what is wrong
        count = "the documents"
    click.echo(f"juesuan run: {count} in {printable(str(raw_dir))} → {printable(str(db))}")
    click.echo(f"Dagster's state: {printable(str(home))}")
    terminal = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    if terminal:
        from rich.console import Console

        with Console().status("loading Dagster …"):
            runner.load()
    else:
        runner.load()
    raise SystemExit(runner.main(strict=strict, wrap=terminal_width(), progress=terminal))


@cli.command(short_help="Documents per department-year, by status.")
@_warehouse_option
def status(warehouse_file: Path | None) -> None:
    """Documents per department-year: current, held, duplicate, superseded, quarantined, failed.

    A department-year is department × fiscal year × kind; a document that could not be read at
    all has none ("-"). `juesuan failures` lists the reasons.
    """
    from pipelines.query import text_table

    conn, db, read = _reader(warehouse_file)
    try:
        rows = conn.execute("""SELECT department, fiscal_year, kind, status, count(*) FROM v_documents
                               GROUP BY ALL ORDER BY department NULLS LAST, fiscal_year, kind""").fetchall()
    finally:
        conn.close()
    click.echo(f"warehouse {db} (as of {_as_of(read)})")
    statuses = STATUSES + sorted({r[3] for r in rows} - set(STATUSES))  # 'validated': not yet offered
    groups: dict[tuple, dict[str, int]] = {}
    for department, year, kind, state, n in rows:
        groups.setdefault((department, year, kind), {})[state] = n
    totals = {s: sum(g.get(s, 0) for g in groups.values()) for s in statuses}
    cells = [[_text(d), _text(y), _text(k)] + [str(g.get(s, 0)) for s in statuses]
             for (d, y, k), g in groups.items()]
    cells.append(["total", "", ""] + [str(totals[s]) for s in statuses])
    lines = text_table(["department", "year", "kind", *statuses], cells, right=set(range(3, 3 + len(statuses))))
    lines.insert(len(lines) - 1, "  ".join("-" * len(c) for c in lines[1].split("  ")))
    click.echo("\n".join(lines))
    documents = sum(totals.values())
    click.echo(f"{documents} document{'' if documents == 1 else 's'} in {len(groups)} "
               f"department-year{'' if len(groups) == 1 else 's'}")


def _text(value: object) -> str:
    from pipelines.raw import printable

    return "-" if value is None else printable(str(value))


@cli.command(short_help="Failed, quarantined and held documents with their reasons.")
@_warehouse_option
def failures(warehouse_file: Path | None) -> None:
    """Every failed, quarantined or held document with its full reason, newest first."""
    from pipelines.query import terminal_width, wrap
    from pipelines.raw import printable

    conn, db, read = _reader(warehouse_file)
    try:
        rows = conn.execute(f"""SELECT ingested_at, status, file_name, department, fiscal_year, kind,
                                       document_sha256, status_reason FROM v_documents
                                WHERE status IN {PROBLEMS} ORDER BY ingested_at DESC, file_name""").fetchall()
    finally:
        conn.close()
    if not rows:
        click.echo(f"no failed, quarantined or held documents in {db} (as of {_as_of(read)})")
        return
    width = terminal_width()
    for n, (at, state, name, department, year, kind, sha, reason) in enumerate(rows):
        if n:
            click.echo()
        what = " ".join(_text(v) for v in (department, year, kind) if v is not None) or "not read"
        when = at.strftime("%Y-%m-%d %H:%M:%S") if at else "-"
        for line in wrap(f"{when}  {state}  {printable(name)}  ({what}; sha256 {sha[:12]})", width):
            click.echo(line)
        for paragraph in (reason or "(no reason recorded)").splitlines() or [""]:
            for line in wrap("    " + printable(paragraph), width, indent="      "):
                click.echo(line)
        if state == "held":
            click.echo(f"    publish it on purpose: juesuan publish {sha[:12]} --why \"…\"")
    counts = {s: sum(1 for r in rows if r[1] == s) for s in PROBLEMS}
    click.echo("\n" + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + f" (as of {_as_of(read)})")


@cli.command(short_help="Read-only SQL: table, csv, json or parquet.")
@click.argument("sql", required=False, metavar="SQL")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "json", "parquet"]), default="table",
              show_default=True, help="table (every column; on a narrow terminal one block per row), csv, "
                                      "json (an array of objects) or parquet (needs --out)")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="write the result to FILE instead of standard output")
@_warehouse_option
def query(sql: str | None, fmt: str, out: Path | None, warehouse_file: Path | None) -> None:
    """Run read-only SQL on the warehouse (its snapshot); SQL "-" or none reads standard input.

    Amounts are exact (DECIMAL) in every format. A SQL error is one line on standard error,
    exit status 2. Example: juesuan query "SELECT * FROM v_documents" --format csv
    """
    from pipelines import query as q

    if sql is None or sql == "-":
        if sql is None and sys.stdin.isatty():
            raise click.UsageError('give the SQL, e.g. juesuan query "SELECT * FROM v_documents", or "-" for stdin')
        sql = sys.stdin.read()
    if not sql.strip():
        raise click.UsageError("the SQL is empty")
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet writes a file: give --out FILE.parquet")
    conn, _, _ = _reader(warehouse_file)
    try:
        q.run(conn, sql, fmt, out)
    except q.QueryError as error:
        click.echo(f"juesuan query: {error}", err=True)
        raise SystemExit(2) from None
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
    finally:
        conn.close()
    if out is not None:
        click.echo(f"juesuan query: wrote {out} ({fmt})", err=True)


@cli.command(short_help="Write an HTML report.")
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.html",
              help="where to write the HTML report")
@_warehouse_option
def report(out: Path, warehouse_file: Path | None) -> None:
    """Write an HTML report of the warehouse (its current documents) to FILE.html."""
    try:
        from pipelines.report import build_report
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("pipelines.report"):
            raise
        raise click.ClickException("the report module (pipelines.report) is not installed in this checkout") from None
    conn, _, _ = _reader(warehouse_file)
    try:
        written = build_report(conn, out)
    finally:
        conn.close()
    click.echo(f"report → {written}")


@cli.command(short_help="Publish a held version on purpose.")
@click.argument("document")
@click.option("--why", required=True, help="why it is published despite its held reason (recorded)")
@_warehouse_option
def publish(document: str, why: str, warehouse_file: Path | None) -> None:
    """Publish a held version on purpose: DOCUMENT is its file name or sha256 prefix (≥ 8)."""
    from pipelines.warehouse import publication

    _use_warehouse(warehouse_file)
    raise SystemExit(publication.main(["--why", why, "--", document]))


def main() -> None:
    cli(prog_name="juesuan")


if __name__ == "__main__":
    main()
