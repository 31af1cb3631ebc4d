"""Read-only SQL on the warehouse: `make query SQL="SELECT …"` (or SQL on standard input).

A read-only connection cannot change the warehouse. DuckDB refuses it while an ingestion
run holds the file for writing; it then waits for the run, like a writer would.
"""

from __future__ import annotations

import os
import sys

from pipelines.warehouse import connect


def main() -> int:
    sql = os.environ.get("SQL") or " ".join(sys.argv[1:]) or sys.stdin.read()
    if not sql.strip():
        print("usage: make query SQL=\"SELECT * FROM v_documents\"", file=sys.stderr)
        return 2
    conn = connect(read_only=True)
    try:
        conn.sql(sql).show(max_width=200, max_rows=200)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
