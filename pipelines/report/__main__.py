"""`python -m pipelines.report --out FILE.html [--warehouse FILE.duckdb]`: write the report."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.report import build_report
from pipelines.warehouse import reader


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.report", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="the warehouse file (default: JUESUAN_WAREHOUSE; its read snapshot is read)")
    args = parser.parse_args(argv)
    conn = reader(args.warehouse)
    try:
        out = build_report(conn, args.out)
    finally:
        conn.close()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
