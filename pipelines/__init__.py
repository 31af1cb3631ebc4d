"""juesuan's core: reading, parsing and modelling final-accounts disclosures, and loading
them into the DuckDB warehouse. Plain Python: nothing here needs Dagster."""

PARSER_VERSION = "juesuan-parser/2"
