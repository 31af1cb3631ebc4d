"""Which version of a department-year analysts see: a function of the landed versions alone.

Versions offered for publication (every landed document without extraction errors) are
taken in the order they were published (`dim_document.published_at`: printed, else PDF
metadata, else file time), ties by content hash, then bytes. The first is current; each next
one replaces the current one unless it would make what analysts see worse:

* it lacks standard tables, parts (绩效自评表, 情况说明, 概况) or facts the current one has;
* its amounts differ from the current one's by a unit factor (10⁴: 元 against 万元);
* it has error findings (the document's own) the current one lacks;

then it is 'held', with the reasons, until a person publishes it on purpose (a row in
publication_decision; `make publish`). A version with the current one's facts exactly
(other bytes: another export, a re-scan) is a 'duplicate' and changes nothing. Deleting the
warehouse and loading the same documents in any order elects the same versions (decisions
are the warehouse's own: a rebuilt warehouse holds again until decided again).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb

from pipelines.amounts import WAN

ELIGIBLE = ("current", "superseded", "held", "duplicate")
PARTS = {"fact_project_performance": "绩效自评表", "fact_performance_indicator": "绩效指标",
         "fact_narrative": "情况说明", "fact_staffing": "概况 人员", "fact_internal_department": "概况 内设机构"}
UNIT_FACTOR = int(WAN)
FACTOR_SLACK = 0.001  # printed roundings keep a rescaled amount within this share of 10⁴
SHOWN = 10  # names listed in a reason before "…"


@dataclass(frozen=True)
class Version:
    sha256: str
    file_name: str
    content: str | None


def content_hash(conn: duckdb.DuckDBPyConnection, sha256: str) -> str:
    """The hash of a document's facts (cell keys, values, words, flags; no provenance)."""
    return conn.execute(
        """SELECT sha256(COALESCE(string_agg(concat_ws('=', cell_key, COALESCE(value::VARCHAR, '∅'),
                                                       COALESCE(text, '∅'), flag), chr(10) ORDER BY cell_key), ''))
           FROM v_fact_cell WHERE document_sha256 = ?""", [sha256]).fetchone()[0]


def elect(conn: duckdb.DuckDBPyConnection, department_key: int, fiscal_year: int, kind: str, scope: str,
          offered: str | None = None) -> dict[str, str]:
    """Decide every version's status (`offered`: a 'validated' version joining them); returns
    sha256 -> status. Runs inside the caller's transaction. A disclosure is a department-year of
    one kind (决算 | 预算) and level (部门 | 单位): a 部门 and a 单位 document never supersede
    each other."""
    rows = conn.execute(
        f"""SELECT document_sha256, file_name, content_sha256 FROM dim_document
            WHERE department_key = ? AND fiscal_year = ? AND kind = ? AND scope IS NOT DISTINCT FROM ?
              AND (status IN ({', '.join('?' for _ in ELIGIBLE)}) OR document_sha256 = ?)
            ORDER BY COALESCE(published_at, ingested_at), content_sha256, document_sha256""",
        [department_key, fiscal_year, kind, scope, *ELIGIBLE, offered]).fetchall()
    decided = {sha for (sha,) in conn.execute("SELECT document_sha256 FROM publication_decision").fetchall()}
    outcome: dict[str, tuple[str, str | None, str | None, str | None]] = {}
    current: Version | None = None
    for version in (Version(*r) for r in rows):
        if current is None:
            current = version
            continue
        against = current.sha256
        if version.content is not None and version.content == current.content:
            outcome[version.sha256] = ("duplicate", f"the same facts as {current.file_name}; changes nothing",
                                       current.sha256, against)
            continue
        lacks = worse(conn, version.sha256, current.sha256)
        if lacks and version.sha256 not in decided:
            outcome[version.sha256] = ("held", _held_reason(lacks, current, version), None, against)
            continue
        outcome[current.sha256] = ("superseded", f"replaced by {version.file_name}", version.sha256,
                                   outcome.get(current.sha256, (None,) * 4)[3])
        current = version
        outcome[current.sha256] = ("current", None, None, against)
    if current is not None:
        compared = outcome.get(current.sha256, (None,) * 4)[3]
        outcome[current.sha256] = ("current", _current_note(conn, current.sha256), None, compared)
    for sha, (status, reason, by, compared) in outcome.items():
        conn.execute("""UPDATE dim_document SET status = ?, status_reason = ?, superseded_by = ?, compared_with = ?
                        WHERE document_sha256 = ?""", [status, reason, by, compared, sha])
    return {sha: status for sha, (status, *_) in outcome.items()}


def worse(conn: duckdb.DuckDBPyConnection, candidate: str, current: str) -> list[str]:
    """What the candidate would make worse than the current version; empty when nothing."""
    reasons = []
    tables = {sha: {t for (t,) in conn.execute(
        "SELECT table_id FROM dim_document_table WHERE document_sha256 = ? AND problem IS NULL", [sha]).fetchall()}
        for sha in (candidate, current)}
    if lacking := sorted(tables[current] - tables[candidate]):
        reasons.append("lacks tables " + _names(lacking))
    parts = []
    for table, part in PARTS.items():
        had, has = (conn.execute(f"SELECT count(*) FROM {table} WHERE document_sha256 = ?", [sha]).fetchone()[0]
                    for sha in (current, candidate))
        if had and not has:
            parts.append(f"{part} ({had} rows)")
    if parts:
        reasons.append("lacks " + ", ".join(parts))
    missing, total = conn.execute(
        """SELECT count(*) FILTER (WHERE n.cell_key IS NULL), count(*)
           FROM (SELECT cell_key FROM v_fact_cell WHERE document_sha256 = ?) o
           LEFT JOIN (SELECT cell_key FROM v_fact_cell WHERE document_sha256 = ?) n USING (cell_key)""",
        [current, candidate]).fetchone()
    if missing:
        reasons.append(f"lacks {missing} of the current version's {total} fact cells")
    scaled, compared = conn.execute(
        """SELECT count(*) FILTER (WHERE abs(ratio - ?) <= ? * ? OR abs(1 / ratio - ?) <= ? * ?), count(*)
           FROM (SELECT (n.value / o.value)::DOUBLE AS ratio
                 FROM v_fact_cell o JOIN v_fact_cell n USING (cell_key)
                 WHERE o.document_sha256 = ? AND n.document_sha256 = ? AND o.unit = '元'
                   AND o.value <> 0 AND n.value <> 0)""",
        [UNIT_FACTOR, FACTOR_SLACK, UNIT_FACTOR] * 2 + [current, candidate]).fetchone()
    if scaled and scaled * 2 >= compared:
        reasons.append(f"{scaled} of {compared} amounts differ from the current version's by a factor of "
                       f"{UNIT_FACTOR} (元 against 万元)")
    added = conn.execute(f"SELECT check_name, count(*) FROM ({_ERRORS} EXCEPT {_ERRORS}) GROUP BY 1 ORDER BY 1",
                         [candidate, current]).fetchall()
    if added:
        reasons.append(f"adds {sum(n for _, n in added)} error findings the current version lacks: "
                       + _names([f"{check} ×{n}" if n > 1 else check for check, n in added]))
    return reasons


# a document's own error findings, by check and place (row numbers left out: rows move between versions)
_ERRORS = """SELECT check_name, regexp_replace(COALESCE(location, ''), ' (row|line) [0-9]+', '', 'g')
             FROM fact_validation WHERE document_sha256 = ? AND severity = 'error' AND NOT success
               AND check_name <> 'summary'"""


def _names(names: list[str]) -> str:
    return ", ".join(names[:SHOWN]) + (f", … ({len(names)} in all)" if len(names) > SHOWN else "")


def _held_reason(lacks: list[str], current: Version, version: Version) -> str:
    return (f"held: {'; '.join(lacks)} — against the current {current.file_name}; "
            f"publish it on purpose with `make publish DOC={version.sha256[:12]} WHY=…`")


def _current_note(conn, sha256: str) -> str | None:
    """A current version's own error findings, said where the status is."""
    decision = conn.execute("SELECT note FROM publication_decision WHERE document_sha256 = ?", [sha256]).fetchone()
    errors = conn.execute(f"SELECT count(*) FROM ({_ERRORS})", [sha256]).fetchone()[0]
    notes = ([f"published on purpose: {decision[0]}"] if decision else []) + (
        [f"lands with {errors} error findings of the document itself (see v_validation)"] if errors else [])
    return "; ".join(notes) or None


def find_document(conn: duckdb.DuckDBPyConnection, reference: str) -> tuple[str, str, str]:
    """(sha256, file name, status) of the one document a file name or sha256 prefix names."""
    rows = conn.execute(
        """SELECT document_sha256, file_name, status FROM dim_document
           WHERE file_name = ? OR (length(?) >= 8 AND document_sha256 LIKE ? || '%')""",
        [reference, reference, reference.lower()]).fetchall()
    if len(rows) != 1:
        raise LookupError(f"{reference}: {'no document' if not rows else f'{len(rows)} documents'} by that "
                          "name or hash prefix (see v_documents)")
    return rows[0]


def publish_on_purpose(conn: duckdb.DuckDBPyConnection, reference: str, why: str,
                       by: str | None = None) -> dict[str, str]:
    """A person's decision: the held version becomes eligible despite what it lacks or adds."""
    if not why.strip():
        raise ValueError("say why this version is published (it is recorded with the decision)")
    sha, file_name, status = find_document(conn, reference)
    if status != "held":
        raise ValueError(f"{file_name} is {status}, not held: only a held version is published on purpose")
    department_key, fiscal_year, kind, scope = conn.execute(
        "SELECT department_key, fiscal_year, kind, scope FROM dim_document WHERE document_sha256 = ?", [sha]).fetchone()
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("INSERT OR REPLACE INTO publication_decision VALUES (?, ?, ?, ?)",
                     [sha, datetime.now(timezone.utc).replace(tzinfo=None), by or getpass.getuser(), why.strip()])
        statuses = elect(conn, department_key, fiscal_year, kind, scope)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return statuses


def main(argv: list[str] | None = None) -> int:
    """`make publish DOC=<file name or sha256 prefix> WHY="…"`."""
    from pipelines.warehouse.backends import writer

    parser = argparse.ArgumentParser(prog="make publish", description="Publish a held version on purpose.")
    parser.add_argument("document", help="file name or sha256 prefix (≥ 8 characters), see v_documents")
    parser.add_argument("--why", required=True, help="why it is published despite its held reason")
    args = parser.parse_args(argv)
    try:
        with writer() as conn:
            sha, file_name, _ = find_document(conn, args.document)
            publish_on_purpose(conn, args.document, args.why)
            status, reason = conn.execute("SELECT status, status_reason FROM dim_document WHERE document_sha256 = ?",
                                          [sha]).fetchone()
    except (LookupError, ValueError) as error:
        print(f"not published: {error}", file=sys.stderr)
        return 2
    # current, or superseded at once by a later version that is not worse than it (the reason says which)
    print(f"{file_name}: {status}" + (f" - {reason}" if reason else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
