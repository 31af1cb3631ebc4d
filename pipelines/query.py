"""Read-only SQL on the warehouse: `make query SQL="SELECT …"` (or SQL on standard input).

It reads the snapshot every successful write publishes (`pipelines.warehouse.reader`): a
read-only copy, so it cannot change the warehouse and it works while an ingestion run is
writing; it shows the warehouse as of the last completed load.
"""

from __future__ import annotations

import os
import sys

from pipelines.warehouse import reader


def main() -> int:
    sql = os.environ.get("SQL") or " ".join(sys.argv[1:]) or sys.stdin.read()
    if not sql.strip():
        print("usage: make query SQL=\"SELECT * FROM v_documents\"", file=sys.stderr)
        return 2
    conn = reader()
    try:
        conn.sql(sql).show(max_width=200, max_rows=200)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
