"""`juesuan report`: one self-contained HTML file of the warehouse, with inline SVG charts.

`build_report(conn, out)` reads the analysts' views through `conn` (a read-only connection,
`pipelines.warehouse.reader()`, is enough) and writes `out`: per department-year its income by
source, expenditure by 功能分类 class split by expenditure type, 三公 budget vs actual, project
scores and findings; across the warehouse, the department-years side by side; the versions not
shown, with why. No network: inline CSS, charts as inline SVG, no script.
"""

from pipelines.report.build import build_report

__all__ = ["build_report"]
