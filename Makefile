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

# The CJK font the fixture renderer embeds (TrueType outlines: reportlab cannot embed the
# OpenType/CFF Noto CJK). Debian bookworm's package, pinned; installed once.
FONT_PACKAGE := fonts-wqy-zenhei
FONT_VERSION := 0.9.45-8
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install font run test ui query clean fixtures office-fixtures bench-pdf bench-ingest publish

# The virtualenv is rebuilt whenever the lock file changes.
$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	touch $@

install: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml font

font:
	@if [ "$$(dpkg-query -W -f='$${Status} $${Version}' $(FONT_PACKAGE) 2>/dev/null)" != "install ok installed $(FONT_VERSION)" ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			$(FONT_PACKAGE)=$(FONT_VERSION); \
	fi

$(DAGSTER_HOME)/dagster.yaml: assets/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp assets/dagster.yaml $@

run: install
	$(BIN)/python -m assets.run $(ARGS)

test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadfile  # two workers, a test file each at a time

ui: install
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

# The PDF fixtures (tests/fixtures/pdf/) from raw/'s seed; deterministic, so re-running
# changes no byte unless the renderer or the seed changed.
fixtures: install
	$(BIN)/python -m pipelines.render.fixtures

# Real-producer PDF fixtures (tests/fixtures/office/): the seed laid out in LibreOffice Calc and
# Writer and exported to PDF. LibreOffice is Debian bookworm's, pinned (the packages below pull
# in libreoffice-core-nogui and -common of the same version); installed once. Same versions,
# same bytes: the export's dates and ids are fixed.
OFFICE_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui
OFFICE_VERSION := 4:7.4.7-1+deb12u14

office-fixtures: install
	@for package in $(OFFICE_PACKAGES); do \
		if [ "$$(dpkg-query -W -f='$${Status} $${Version}' $$package 2>/dev/null)" != "install ok installed $(OFFICE_VERSION)" ]; then \
			$(SUDO) apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
				$(foreach package,$(OFFICE_PACKAGES),$(package)=$(OFFICE_VERSION)) || exit 1; \
			break; \
		fi; \
	done
	$(BIN)/python tests/fixtures/office/make_office_fixtures.py

# The PDF path against naive camelot lattice on every page (see docs/PERFORMANCE.md).
bench-pdf: install
	$(BIN)/python benchmarks/bench_pdf.py

# One text document step by step, and a run over an unchanged raw/ (see docs/PERFORMANCE.md).
bench-ingest: install
	$(BIN)/python benchmarks/bench_ingest.py

query: install
	SQL="$(SQL)" $(BIN)/python -m pipelines.query

publish: install  # a held version, on purpose: make publish DOC=<file name or sha256 prefix> WHY="…"
	$(BIN)/python -m pipelines.warehouse.publication "$(DOC)" --why "$(WHY)"

clean:
	rm -rf $(VENV) $(DAGSTER_HOME) warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/data_docs
