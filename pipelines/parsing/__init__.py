"""Parsers: from a document's text (or PDF grids) to the `pipelines.model` objects."""
