"""Great Expectations, set up once per process and kept quiet.

Importing GX takes seconds and building a context, its suites and validation definitions
tens of milliseconds, while a validation takes about 25 ms: so all of it is built on first use
and cached for the life of the process; `import expectations` alone imports neither GX nor
pandas.
Quiet: GX's tqdm "Calculating Metrics" bars are switched off through the context's
`progress_bars` setting (GX passes `disable=` explicitly, so TQDM_DISABLE alone does not
reach them), analytics are off (GX_ANALYTICS_ENABLED), and the `great_expectations`
logger, chatty at INFO during import, is held at WARNING.
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

_lock = threading.Lock()
_gx: Any = None
_context: Any = None
_definitions: dict[str, Any] = {}

# Every unexpected row, identified by our own row_id (and its location, for people reading
# Data Docs), with no index query string.
RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": ["row_id", "location"],
    "return_unexpected_index_query": False,
    "partial_unexpected_count": 20,
}


def quiet_import() -> Any:
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # GX imports sre_parse
        import great_expectations as gx
    return gx


def _source() -> Any:
    """The process's one ephemeral context and its pandas data source."""
    global _gx, _context
    if _context is None:
        _gx = quiet_import()
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        # no Data Docs site of its own (GX would make a temporary directory for one): docs.py
        # renders the site from the results the reports carry
        config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False))
        _context = _gx.get_context(project_config=config, mode="ephemeral")
        _context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        _context.data_sources.add_pandas(name="juesuan")
    return _context.data_sources.get("juesuan")


def expectation_suite(context: Any, spec: Any) -> Any:
    """The ExpectationSuite `spec` declares, added to `context` (the validating one, or the
    one that renders Data Docs)."""
    suite = context.suites.add(_gx.ExpectationSuite(name=spec.name, meta={"notes": {
        "format": "markdown", "content": [f"**{spec.concern}**"]}}))
    for expectation in spec.expectations(_gx):
        suite.add_expectation(expectation)
    return suite


def definition(spec: Any) -> Any:
    """A suite's dataframe asset, its whole-dataframe batch definition, the ExpectationSuite
    (one expectation per severity of its checks) and the ValidationDefinition joining them."""
    if spec.name not in _definitions:
        batch = _source().add_dataframe_asset(name=spec.name).add_batch_definition_whole_dataframe("whole")
        suite = expectation_suite(_context, spec)
        _definitions[spec.name] = _context.validation_definitions.add(
            _gx.ValidationDefinition(name=spec.name, data=batch, suite=suite)
        )
    return _definitions[spec.name]


def gx() -> Any:
    """The great_expectations module, imported quietly on first use."""
    _source()
    return _gx


def run(spec: Any, data: pd.DataFrame) -> Any:
    """Validate `data` with the suite `spec` declares; GX's ExpectationSuiteValidationResult.
    GX also keeps every result in the context's (in-memory) results store; that store is
    emptied after each run, so a long-lived process does not accumulate them (Data Docs are
    built from the results the report carries, see docs.py)."""
    with _lock:  # one shared context: build on first use, validate one frame at a time
        result = definition(spec).run(batch_parameters={"dataframe": data}, result_format=RESULT_FORMAT)
        store = _context.validation_results_store
        for key in store.list_keys():
            store.remove_key(key)
        return result


def stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Several documents' frames as one, `row_id` numbering the rows of all in order."""
    import pandas as pd

    data = pd.concat(frames, ignore_index=True)
    data["row_id"] = range(len(data))
    return data


def flagged_rows(result: Any) -> set[int] | None:
    """The row_ids any expectation of a suite's result found unexpected; None when one failed
    without naming rows (GX could not evaluate it)."""
    rows: set[int] = set()
    for r in result.results:
        unexpected = r.result.get("unexpected_index_list") or []
        if not r.success and not unexpected:
            return None
        rows.update(int(u["row_id"]) for u in unexpected)
    return rows


def clean_result(together: Any, rows: int) -> Any:
    """What GX says of a frame of `rows` rows in which no expectation finds an unexpected row,
    taken from a run over several documents' frames in which none of this one's rows was."""
    from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult

    def zeroed(value: Any) -> Any:
        return [] if isinstance(value, list) else 0.0 if isinstance(value, float) else 0

    results = [ExpectationValidationResult(
        success=True, expectation_config=r.expectation_config, meta=r.meta, exception_info=r.exception_info,
        result={k: rows if k == "element_count" else zeroed(v) for k, v in r.result.items()})
        for r in together.results]
    statistics = dict(together.statistics, successful_expectations=len(results), unsuccessful_expectations=0,
                      success_percent=100.0 if results else None)
    return ExpectationSuiteValidationResult(success=True, results=results, suite_name=together.suite_name,
                                            suite_parameters=together.suite_parameters, statistics=statistics,
                                            meta=dict(together.meta), batch_id=together.batch_id)
