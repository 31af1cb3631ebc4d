# juesuan: `make run` ingests raw/ into the warehouse; `make test` runs the tests.
# Everything is installed from here (pinned in requirements.lock); nothing else is assumed.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export JUESUAN_RAW ?= $(CURDIR)/raw
export JUESUAN_WAREHOUSE ?= $(CURDIR)/warehouse/juesuan.duckdb
# Dagster's state follows the warehouse, as `juesuan run` chooses it: .dagster/<warehouse stem>/
# beside the warehouse file, unless DAGSTER_HOME is set (not exported: `juesuan run --warehouse`
# picks its own); `make ui JUESUAN_WAREHOUSE=…` shows that warehouse's runs.
DAGSTER_HOME ?= $(abspath $(dir $(JUESUAN_WAREHOUSE)))/.dagster/$(basename $(notdir $(JUESUAN_WAREHOUSE)))
export TQDM_DISABLE := 1

# The CJK font the fixture renderer embeds (TrueType outlines: reportlab cannot embed the
# OpenType/CFF Noto CJK). Debian bookworm's package, pinned; installed once, and only for what
# renders PDFs (the tests, `make fixtures`, `make office-fixtures`): `make run` needs no font
# and no root.
FONT_PACKAGE := fonts-wqy-zenhei
FONT_VERSION := 0.9.45-8
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install font run test ui query clean fixtures office-fixtures bench-pdf bench-ingest bench-scale publish

# The virtualenv is rebuilt whenever the lock file changes; then the project itself is installed
# into it (editable, no dependencies: the `juesuan` command, .venv/bin/juesuan). Bytecode is
# compiled at install: where PYTHONDONTWRITEBYTECODE is set, as on our machines, every process
# would otherwise compile Dagster's sources again (4.5 s of each `juesuan` command).
$(VENV)/.installed: requirements.lock pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml

font:
	@if [ "$$(dpkg-query -W -f='$${Status} $${Version}' $(FONT_PACKAGE) 2>/dev/null)" != "install ok installed $(FONT_VERSION)" ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			$(FONT_PACKAGE)=$(FONT_VERSION); \
	fi

$(DAGSTER_HOME)/dagster.yaml: assets/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp assets/dagster.yaml $@

run: install  # make run ARGS="--strict" (see juesuan run --help)
	$(BIN)/juesuan run $(ARGS)

test: install font  # some tests render PDFs with the fixture font
	$(BIN)/python -m pytest -q -n 2 --dist loadfile  # two workers, a test file each at a time

# Dagster's dev server (`dg dev`, from dagster-dg-cli; `dagster dev` is superseded), under a
# wrapper that stops all of it on Ctrl-C or SIGTERM (assets/ui.py). No telemetry and no sign-up
# dialog: both are off in assets/dagster.yaml.
ui: export DAGSTER_HOME := $(DAGSTER_HOME)
ui: install
	exec $(BIN)/python -m assets.ui -w workspace.yaml -h 127.0.0.1 -p 3000

# The PDF fixtures (tests/fixtures/pdf/) from raw/'s seed; deterministic, so re-running
# changes no byte unless the renderer or the seed changed.
fixtures: install font
	$(BIN)/python -m tests.render.fixtures

# Real-producer PDF fixtures (tests/fixtures/office/): the seed laid out in LibreOffice Calc and
# Writer and exported to PDF; and the 预算 variants the corpus lacks (tests/fixtures/budget_office/).
# LibreOffice is Debian bookworm's, pinned (the packages below pull in libreoffice-core-nogui and
# -common of the same version); installed once. Same versions, same bytes: the export's dates and
# ids are fixed.
OFFICE_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui
OFFICE_VERSION := 4:7.4.7-1+deb12u14

office-fixtures: install font
	@for package in $(OFFICE_PACKAGES); do \
		if [ "$$(dpkg-query -W -f='$${Status} $${Version}' $$package 2>/dev/null)" != "install ok installed $(OFFICE_VERSION)" ]; then \
			$(SUDO) apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
				$(foreach package,$(OFFICE_PACKAGES),$(package)=$(OFFICE_VERSION)) || exit 1; \
			break; \
		fi; \
	done
	$(BIN)/python tests/fixtures/office/make_office_fixtures.py
	$(BIN)/python tests/fixtures/budget_office/make_budget_fixtures.py

# The PDF path against naive camelot lattice on every page (see docs/PERFORMANCE.md).
bench-pdf: install
	$(BIN)/python benchmarks/bench_pdf.py

# One text document step by step, and a run over an unchanged raw/ (see docs/PERFORMANCE.md).
bench-ingest: install
	$(BIN)/python benchmarks/bench_ingest.py

# The real `juesuan run` over a generated province-like corpus (tests/scale_corpus.py; the
# PDFs need the font): documents/s, an unchanged rerun, peak memory, warehouse size and the
# README's queries, beside their goals. make bench-scale ARGS="--sizes 20,40 --pdf 3 --work /tmp/b"
bench-scale: install font
	$(BIN)/python benchmarks/bench_scale.py $(ARGS)

# make query SQL='SELECT "check" FROM v_validation' [ARGS="--format csv --out x.csv"]: the SQL
# reaches juesuan through the environment, unexpanded and unquoted by make or the shell.
query: override export SQL := $(value SQL)
query: install
	$(BIN)/juesuan query $(ARGS) -- "$$SQL"

publish: override export DOC := $(value DOC)
publish: override export WHY := $(value WHY)
publish: install  # a held version, on purpose: make publish DOC=<file name or sha256 prefix> WHY="…"
	$(BIN)/juesuan publish --why "$$WHY" -- "$$DOC"

clean:
	rm -rf $(VENV) $(DAGSTER_HOME) warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/data_docs
