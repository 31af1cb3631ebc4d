# juesuan: `make run` ingests raw/ into the warehouse; `make test` runs the tests.
# Everything is installed from here (pinned in requirements.lock); nothing else is assumed.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export DAGSTER_HOME := $(CURDIR)/.dagster
export JUESUAN_RAW ?= $(CURDIR)/raw
export JUESUAN_WAREHOUSE ?= $(CURDIR)/warehouse/juesuan.duckdb
export TQDM_DISABLE := 1

.PHONY: install run test ui query clean

# The virtualenv is rebuilt whenever the lock file changes.
$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	touch $@

install: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml

$(DAGSTER_HOME)/dagster.yaml: assets/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp assets/dagster.yaml $@

run: install
	$(BIN)/python -m assets.run

test: install
	$(BIN)/python -m pytest -q

ui: install
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

query: install
	SQL="$(SQL)" $(BIN)/python -m pipelines.query

clean:
	rm -rf $(VENV) $(DAGSTER_HOME) warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/data_docs
