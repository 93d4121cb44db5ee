# bbc-warehouse: `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export BBC_WAREHOUSE ?= $(CURDIR)/data/warehouse.duckdb
DAGSTER_HOME ?= $(CURDIR)/data/dagster_home
export PATH := $(CURDIR)/$(BIN):$(PATH)
UI_PORT ?= 3000

.PHONY: run test ui install dev-install dbt-parse lint bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

dbt_project/target/manifest.json: $(STAMP) $(shell find dbt_project/models dbt_project/seeds dbt_project/macros dbt_project/tests -type f 2>/dev/null) dbt_project/dbt_project.yml
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .
	touch $@

dbt-parse: dbt_project/target/manifest.json

$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	printf 'telemetry:\n  enabled: false\n' > $@

## run: install, then take the bundled sample(s) into data/warehouse.duckdb and print a summary
run: install dbt-parse $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/bbc ingest data/samples/*

## test: install (with dev dependencies), then run the whole test suite
test: install dbt-parse
	$(BIN)/python -m pytest -q

## ui: the Dagster UI on 127.0.0.1 with a persistent DAGSTER_HOME under data/
ui: install dbt-parse $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/dagster dev -m pipelines.definitions -h 127.0.0.1 -p $(UI_PORT)

lint: install
	$(BIN)/ruff check pipelines tests

clean:
	rm -rf data/warehouse.duckdb* data/staging data/dagster_home dbt_project/target dbt_project/logs

## bench: speed and memory figures (prints; installs poppler-utils for the pdftotext reference when possible)
bench: install dbt-parse
	@command -v pdftotext >/dev/null || (apt-get install -y -qq poppler-utils >/dev/null 2>&1 || true)
	$(BIN)/python -m pipelines.bench

## docs: validate the warehouse's invariants and build the Great Expectations data docs (data/gx_docs/index.html)
docs: install
	$(BIN)/python -m pipelines.quality
