"""Data Docs: the validation of every document as HTML a person can open, offline.

    build(report, disclosure, directory) -> {"index": …/index.html, "document": its page,
                                             "pages": [GX's, one per suite that failed]}

The site lives in `directory` (by default `data_docs/` next to the warehouse file, i.e.
`warehouse/data_docs/`; `JUESUAN_DATA_DOCS` overrides). Its validation results are kept as
JSON in `directory/results/` (a filesystem store), so the index lists every document validated
by any process, not only this one's; a document validated again replaces its own pages.

Two renderings: GX's pages (one per suite that failed in a document, under `validations/`, and
the suites under `expectations/`), whose styles and index list come from CDNs; and the
project's own (`pages.py`): `index.html`, which replaces GX's index, and one page per document
under `documents/` covering every suite, with inline CSS, no script and no external reference,
so they read the same without the network. (GX's rendering costs a tenth of a second per page:
for every suite of every document it was a quarter of a document's ingestion.)

A separate ephemeral GX context renders the site: the validating context keeps no results (see
runtime.run), and this one is bound to its directory. Some GX 1.x versions silently skip
writing pages (no error, no file), so after every build the index and each page are checked
on disk and their absence raises `DataDocsError`. Builds from parallel processes take turns
on a lock file. Nothing is written when the site's filesystem is short of the space the
warehouse needs (`NoRoom`): the pages are a view, the warehouse is the data.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from expectations import pages as offline
from expectations import runtime
from expectations.report import ValidationReport
from expectations.suites import SUITES
from pipelines import settings
from pipelines.model import Disclosure

SITE = "juesuan"
MIN_RESERVE = 1 << 30  # bytes
_contexts: dict[Path, Any] = {}


class DataDocsError(RuntimeError):
    """GX did not write the pages it was asked to build."""


class NoRoom(DataDocsError):
    """The site's filesystem has less free space than the warehouse must keep."""


def reserve(warehouse_path: str | Path | None = None) -> int:
    """Free bytes Data Docs leave alone: twice the warehouse (each write copies it whole into a
    snapshot, and a checkpoint can need as much again), at least 1 GiB (a small one's growth)."""
    path = Path(warehouse_path or settings.warehouse_path())
    return max(MIN_RESERVE, 2 * (path.stat().st_size if path.exists() else 0))


def check_room(directory: Path, warehouse_path: str | Path | None = None) -> None:
    """Raises NoRoom when writing into `directory` would eat into the reserve of the warehouse
    (by default the configured one, as `make run` and the Dagster resource use)."""
    existing = next(p for p in (directory, *directory.parents) if p.exists())
    free, needed = shutil.disk_usage(existing).free, reserve(warehouse_path)
    if free < needed:
        raise NoRoom(f"only {free / 2**20:.0f} MiB free on the filesystem of {directory}, below "
                     f"the {needed / 2**20:.0f} MiB kept for the warehouse (twice its size, at least "
                     f"{MIN_RESERVE / 2**30:.0f} GiB); free some space")


def default_directory(warehouse_path: str | Path | None = None) -> Path:
    return settings.data_docs_folder(warehouse_path)


VIEW = {"module_name": "expectations.gx_view", "class_name": "SharedTemplatesPageView"}


def site_context(directory: Path) -> Any:
    """An ephemeral context whose results store and Data Docs site are `directory`."""
    if directory not in _contexts:
        gx = runtime.gx()
        from great_expectations.data_context.types.base import DataContextConfig, InMemoryStoreBackendDefaults

        config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False))
        config.stores[config.validation_results_store_name] = {
            "class_name": "ValidationResultsStore",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(directory / "results")},
        }
        config.data_docs_sites = {SITE: {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(directory)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "site_section_builders": {section: {"view": VIEW} for section in ("expectations", "validations")}
                                     | {"profiling": "False"},  # no profiling results here
        }}
        context = gx.get_context(project_config=config, mode="ephemeral")
        for spec in SUITES:
            runtime.expectation_suite(context, spec)
        _contexts[directory] = context
    return _contexts[directory]


@contextmanager
def _turn(directory: Path) -> Iterator[None]:
    """One build at a time per site, across processes (the index is rewritten whole)."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as lock:
        try:
            import fcntl
        except ImportError:  # not POSIX: builds are not expected to run in parallel there
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _safe(text: str) -> str:
    """A path segment: GX writes run names and batch ids into file paths."""
    return "".join("_" if c in '/\\:*?"<>|' else c for c in text).strip() or "_"


def run_name(disclosure: Disclosure) -> str:
    info = disclosure.info
    return _safe(f"{info.department} {info.fiscal_year} {disclosure.sha256[:12]}")


def build(report: ValidationReport, disclosure: Disclosure, directory: Path, with_index: bool = True) -> dict:
    """This document's offline page (every suite), GX's own page of each suite that failed, and
    (unless `with_index` is False: a batch builds them once, `build_index`, since each reads every
    document's results) both indexes. GX renders a page in a tenth of a second and its pages
    need the network for their styles, so it renders only the suites someone must look into."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    missing = [s.name for s in report.suites if s.gx_result is None]
    if missing:
        raise DataDocsError(f"no GX results for {', '.join(missing)}: build Data Docs where the report was made")
    directory = Path(directory).resolve()
    check_room(directory)
    name = run_name(disclosure)
    run_time = report.suites[0].gx_result.meta["run_id"].run_time
    batch = _safe(disclosure.source_path)
    with _turn(directory):
        context = site_context(directory)
        store = context.validation_results_store
        for suite in report.suites:  # this document's previous validation: results and pages
            shutil.rmtree(directory / "results" / suite.name / name, ignore_errors=True)
            shutil.rmtree(directory / "validations" / suite.name / name, ignore_errors=True)
        keys, failed = [], [suite for suite in report.suites if not suite.success]
        for suite in failed:
            run_id = RunIdentifier(run_name=name, run_time=run_time)
            suite.gx_result.meta["run_id"] = run_id  # what the page shows as its run
            key = ValidationResultIdentifier(ExpectationSuiteIdentifier(suite.name), run_id, batch)
            store.set(key, suite.gx_result)
            keys.append(key)
        suites = [ExpectationSuiteIdentifier(s.name) for s in SUITES]
        # the suites' own pages are the same for every document: built with the index
        if keys or with_index:
            context.build_data_docs(site_names=[SITE], resource_identifiers=[*keys, *(suites if with_index else [])],
                                    build_index=with_index)
        index = directory / "index.html"
        pages = [directory / "validations" / k.expectation_suite_identifier.name / k.run_id.run_name
                 / k.run_id.run_time.strftime("%Y%m%dT%H%M%S.%fZ") / f"{k.batch_identifier}.html" for k in keys]
        absent = [p for p in ((index,) if with_index else ()) + tuple(pages) if not p.is_file()]
        if absent:
            raise DataDocsError(f"GX did not write {len(absent)} Data Docs pages, e.g. {absent[0]}")
        written = offline.write(report, disclosure, directory, name, run_time,
                                {s.name: page for s, page in zip(failed, pages)}, index=with_index)
    return {"index": written["index"], "document": written["page"], "pages": pages}


def build_index(directory: Path) -> Path:
    """Both indexes (GX's and the offline one) over every document validated in `directory`."""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    directory = Path(directory).resolve()
    with _turn(directory):
        context = site_context(directory)
        context.build_data_docs(site_names=[SITE],
                                resource_identifiers=[ExpectationSuiteIdentifier(s.name) for s in SUITES])
        return offline.write_index(directory)
