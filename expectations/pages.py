"""The validation of every document as static HTML that reads offline: one page per document
and an index of all of them, written from the same results GX Data Docs render.

    write(report, disclosure, directory, validated_at, gx_pages) -> {"index": …, "page": …}

GX's own index builds its list of validations with JavaScript fetched from CDNs, so without the
network it is empty, and its pages render unstyled. These pages need nothing but the files:
inline CSS, no script, no external reference. They live in the Data Docs folder:
`index.html` (this index replaces GX's, which GX rewrites on every build; GX's pages link
"home" to it) and `documents/<department> <year> <sha256 prefix>.html`, with a JSON summary
beside each page, so the index lists every document any process validated. Money is shown in
万元, as the analysts' views show it (the report's rows are exact 元).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from expectations.report import ValidationReport
from expectations.suites import SUITES
from pipelines.model import Disclosure

FOLDER = "documents"
WAN = Decimal("0.0001")  # 元 -> 万元, as the views convert
CENT = Decimal("0.01")
MONEY = ("expected", "actual", "difference", "tolerance")
COLUMNS = ("check", "severity", "expected", "actual", "difference", "tolerance", "unit", "location", "detail")
BLOCKING = {s.name: s.blocking for s in SUITES}

CSS = """
body { font: 14px/1.45 "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
       color: #1f2328; margin: 24px 32px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 6px; }
.sub { color: #59636e; margin-bottom: 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 8px 0; }
dt { color: #59636e; } dd { margin: 0; }
.passed { color: #1a7f37; font-weight: 600; } .warning { color: #9a6700; font-weight: 600; }
.error { color: #cf222e; font-weight: 600; }
tr.row-error td:first-child { border-left: 4px solid #cf222e; }
tr.row-warning td:first-child { border-left: 4px solid #d4a72c; }
td.nowrap { white-space: nowrap; } th.suite { max-width: 8em; overflow-wrap: anywhere; }
details { margin: 4px 0 12px; } summary { cursor: pointer; color: #0969da; }
a { color: #0969da; } code { font-size: 12px; }
"""


def in_wan(row: dict) -> dict:
    """A report row with its money (元, exact) in 万元, as v_validation shows it; other units
    (%, 分, 辆 …) as they are."""
    if row.get("unit") != "元":
        return row
    return {**row, **{k: wan(row.get(k)) for k in MONEY}, "unit": "万元"}


def wan(value: object) -> str | None:
    """1555.63, -0.01, 0.0000005: two decimals unless that would round; no exponent."""
    if value is None:
        return None
    amount = Decimal(str(value)) * WAN
    return f"{amount:.2f}" if amount == amount.quantize(CENT) else format(amount.normalize(), "f")


def outcome(errors: int, warnings: int) -> tuple[str, str]:
    """(css class, words): a suite passes unless an error check failed; warnings are counted."""
    if errors:
        return "error", f"failed: {errors} errors" + (f", {warnings} warnings" if warnings else "")
    if warnings:
        return "warning", f"passed with {warnings} warnings"
    return "passed", "passed"


def page_name(name: str) -> str:
    return f"{name}.html"


def write(report: ValidationReport, disclosure: Disclosure, directory: Path, name: str,
          validated_at: datetime, gx_pages: dict[str, Path] | None = None, index: bool = True) -> dict[str, Path]:
    """This document's page and summary (replacing an earlier validation's), then the index
    (unless `index` is False: a batch writes it once, `write_index`, as it reads every summary)."""
    folder = directory / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / page_name(name)
    links = {suite: _relative(path, folder) for suite, path in (gx_pages or {}).items()}
    _replace(page, document_page(report, disclosure, validated_at, links))
    _replace(folder / f"{name}.json", json.dumps(summary(report, disclosure, name, validated_at),
                                                 ensure_ascii=False, indent=1))
    return {"index": write_index(directory) if index else directory / "index.html", "page": page}


def write_index(directory: Path) -> Path:
    """The index of every document's page, from their summaries."""
    index = directory / "index.html"
    _replace(index, index_page(_summaries(directory / FOLDER)))
    return index


def summary(report: ValidationReport, disclosure: Disclosure, name: str, validated_at: datetime) -> dict:
    info = disclosure.info
    return {
        "page": f"{FOLDER}/{page_name(name)}", "department": info.department, "fiscal_year": info.fiscal_year,
        "kind": info.kind, "scope": info.scope, "file": disclosure.source_path, "sha256": disclosure.sha256,
        "validated_at": validated_at.isoformat(timespec="seconds"),
        "suites": [{"name": s.name, "errors": len(s.errors), "warnings": len(s.warnings)} for s in report.suites],
    }


def document_page(report: ValidationReport, disclosure: Disclosure, validated_at: datetime,
                  gx_links: dict[str, str]) -> str:
    info = disclosure.info
    title = f"{info.department} {info.fiscal_year} {info.kind}: validation"
    errors = sum(len(s.errors) for s in report.suites)
    warnings = sum(len(s.warnings) for s in report.suites)
    css, words = outcome(errors, warnings)
    facts = [("department", info.department), ("fiscal year", info.fiscal_year), ("kind", info.kind),
             ("scope", info.scope), ("printed unit", info.unit), ("file", disclosure.source_path),
             ("sha256", disclosure.sha256), ("parser", disclosure.parser),
             ("validated", validated_at.isoformat(timespec="seconds"))]
    rows = []
    for s in report.suites:
        cls, said = outcome(len(s.errors), len(s.warnings))
        st = s.statistics
        rows.append("<tr>" + "".join([
            f'<td><a href="#{_e(s.name)}">{_e(s.name)}</a></td>', f"<td>{_e(s.concern)}</td>",
            f"<td>{_e(s.finding)}</td>", f"<td>{'yes' if BLOCKING.get(s.name) else 'no'}</td>",
            f'<td class="{cls}">{_e(said)}</td>',
            *(f'<td class="num">{_e(st.get(k, ""))}</td>' for k in ("rows_checked", "not_evaluated")),
        ]) + "</tr>")
    sections = [_suite_section(s, gx_links.get(s.name)) for s in report.suites]
    return _document(title, f"""
<p><a href="../index.html">All documents</a></p>
<h1>{_e(title)}</h1>
<div class="sub">Great Expectations suites over the parsed disclosure: <span class="{css}">{_e(words)}</span>.
A suite fails only on an error; warnings (a rounding difference within tolerance, a narrative figure that
differs, a check that could not be evaluated) are recorded and the document is published with them.
Money in 万元.</div>
<dl>{''.join(f'<dt>{_e(k)}</dt><dd>{_e(v)}</dd>' for k, v in facts)}</dl>
<h2>Suites</h2>
<table><tr><th>suite</th><th>concern</th><th>finding</th><th>blocking</th><th>outcome</th>
<th>rows checked</th><th>not evaluated</th></tr>
{''.join(rows)}</table>
{''.join(sections)}""")


def _suite_section(suite, gx_link: str | None) -> str:
    cls, said = outcome(len(suite.errors), len(suite.warnings))
    checks = suite.statistics.get("checks", {})
    check_rows = "".join(
        f"<tr><td>{_e(name)}</td>" + "".join(f'<td class="num">{_e(c.get(k, 0))}</td>' for k in ("rows", "failed", "warned"))
        + "</tr>" for name, c in checks.items())
    failures = [in_wan(f) for f in suite.errors + suite.warnings]
    failure_rows = "".join(
        f'<tr class="row-{_e(f.get("severity"))}">' + "".join(
            f'<td class="num">{_e(f.get(c))}</td>' if c in MONEY
            else f'<td class="nowrap">{_e(f.get(c))}</td>' if c in ("severity", "unit") else f"<td>{_e(f.get(c))}</td>"
            for c in COLUMNS)
        + "</tr>" for f in failures)
    gx = f' · <a href="{_e(gx_link)}">GX result page</a>' if gx_link else ""
    return f"""
<h2 id="{_e(suite.name)}">{_e(suite.name)} <span class="{cls}">{_e(said)}</span></h2>
<div class="sub">{_e(suite.concern)}{gx}</div>
<details><summary>{len(checks)} {"check" if len(checks) == 1 else "checks"}: rows evaluated, errors, warnings</summary>
<table><tr><th>check</th><th>rows</th><th>errors</th><th>warnings</th></tr>{check_rows}</table></details>
{f'<table><tr>{"".join(f"<th>{c}</th>" for c in COLUMNS)}</tr>{failure_rows}</table>' if failures
 else '<p class="passed">No error, no warning.</p>'}"""


def index_page(summaries: list[dict]) -> str:
    names = [s.name for s in SUITES]
    rows = []
    for doc in sorted(summaries, key=lambda d: (str(d.get("department")), -int(d.get("fiscal_year") or 0),
                                                 str(d.get("validated_at")))):
        by_suite = {s["name"]: s for s in doc.get("suites", [])}
        cells = []
        for name in names:
            s = by_suite.get(name)
            if s is None:
                cells.append("<td>—</td>")
                continue
            cls, said = outcome(s["errors"], s["warnings"])
            cells.append(f'<td class="{cls}">{_e(said)}</td>')
        rows.append("<tr>" + "".join([
            f'<td><a href="{_e(quote(doc["page"]))}">{_e(doc.get("department"))}</a></td>',
            f'<td class="num">{_e(doc.get("fiscal_year"))}</td>', f'<td class="nowrap">{_e(doc.get("kind"))}</td>',
            f"<td>{_e(doc.get('file'))}</td>", f"<td><code>{_e(str(doc.get('sha256'))[:12])}</code></td>",
            f'<td class="nowrap">{_e(str(doc.get("validated_at", "")).replace("T", " "))}</td>', *cells]) + "</tr>")
    head = "".join(f"<th>{_e(n)}</th>" for n in ("department", "year", "kind", "file", "sha256", "validated"))
    head += "".join(f'<th class="suite">{_e(n)}</th>' for n in names)
    return _document("juesuan: validation of every document", f"""
<h1>Validation of every document</h1>
<div class="sub">{len(summaries)} {"document" if len(summaries) == 1 else "documents"} validated (each version
by its SHA-256; the latest validation of each). A suite fails only on an error; warnings are counted. Each document's page lists every failing row
with expected, actual, difference and tolerance (money in 万元) and where it is. The same results are in the
warehouse: <code>SELECT * FROM v_validation</code>.</div>
<table><tr>{head}</tr>{''.join(rows) or '<tr><td colspan="99">No document validated yet.</td></tr>'}</table>""")


def _document(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{CSS}</style></head><body>{body}\n</body></html>\n")


def _summaries(folder: Path) -> list[dict]:
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):  # a summary being replaced, or damaged: the page stays
            continue
    return found


def _relative(path: Path, folder: Path) -> str:
    parts = path.relative_to(folder.parent).parts
    return "../" + "/".join(quote(p) for p in parts)


def _replace(path: Path, text: str) -> None:
    """Written beside, then renamed: a reader never sees half a page."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))
