# Two commands do everything on a fresh machine with Python 3.11: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

ISSUES_DIR ?= seeds
WAREHOUSE_PATH ?= warehouse/warehouse.duckdb
DAGSTER_HOME ?= .dagster_home
PORT ?= 3000
override ISSUES_DIR := $(abspath $(ISSUES_DIR))
override WAREHOUSE_PATH := $(abspath $(WAREHOUSE_PATH))
override DAGSTER_HOME := $(abspath $(DAGSTER_HOME))
export ISSUES_DIR WAREHOUSE_PATH DAGSTER_HOME
# dagster dev's code server and dbt come from the venv, activated or not.
export PATH := $(abspath $(BIN)):$(PATH)

DBT_SOURCES := $(shell find dbt_project/models dbt_project/macros -type f) dbt_project/dbt_project.yml
MANIFEST := dbt_project/target/manifest.json

.PHONY: setup run refresh retract full-refresh test eval ui bench clean report sql search

setup: $(VENV)/.installed $(MANIFEST) $(DAGSTER_HOME)/dagster.yaml

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# dagster-dbt loads dbt's manifest; outside `dagster dev` nobody else builds it.
$(MANIFEST): $(VENV)/.installed $(DBT_SOURCES)
	cd dbt_project && ../$(BIN)/dbt parse --profiles-dir . --quiet

# The instance settings (one DuckDB writer at a time) unless DAGSTER_HOME has its own.
$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

run: setup  ## build the warehouse from ISSUES_DIR and print a summary
	mkdir -p $(dir $(WAREHOUSE_PATH))
	$(BIN)/python -m gazette_pipeline.build all > $(DAGSTER_HOME)/last_run.log 2>&1 \
		|| { tail -40 $(DAGSTER_HOME)/last_run.log; exit 1; }
	tail -1 $(DAGSTER_HOME)/last_run.log
	$(BIN)/python -m gazette_pipeline.summary

refresh: setup  ## parse only new or changed files of ISSUES_DIR, then update the marts
	$(BIN)/python -m gazette_pipeline.build new

retract: setup  ## remove the rows of FILES="a.txt b.txt" from the warehouse (nothing else ever deletes rows)
	$(BIN)/python -m gazette_pipeline.build retract $(FILES)

full-refresh: setup  ## rebuild the dbt marts from scratch (after a parser or model change, run `make run`)
	cd dbt_project && ../$(BIN)/dbt build --profiles-dir . --full-refresh --threads 1 --quiet

test: setup  ## the whole test suite
	$(BIN)/pytest

eval: setup  ## score the seeds and the dev pages side by side (MISSES=1 lists the disagreements)
	PYTHONPATH=orchestration:. $(BIN)/python -m benchmarks.evaluate $(if $(MISSES),--misses)

ui: setup  ## Dagster UI (webserver and daemon) on 127.0.0.1:$(PORT)
	$(BIN)/dagster dev -m gazette_pipeline.definitions -h 127.0.0.1 -p $(PORT)

report: setup  ## write the HTML report of the warehouse as it is (nothing rebuilt) and print its path
	$(BIN)/python -m gazette_pipeline.report

sql: $(VENV)/.installed  ## the DuckDB shell on the warehouse, read-only (`echo "select 1;" | make -s sql` works too)
	@$(BIN)/python -m gazette_pipeline.shell

search: $(VENV)/.installed  ## the articles best matching Q="消防 隐患": date, paper, headline, passage
	@$(BIN)/python -m gazette_pipeline.search $(if $(LIMIT),--limit $(LIMIT)) -- "$$Q"

bench: setup  ## benchmarks: parse throughput; builds of 10 / 1,000 / 10,000 synthetic issues (wall, CPU, memory), re-runs, refreshes against the framework floor, sensor latency
	PYTHONPATH=orchestration:. $(BIN)/python -m benchmarks.bench

.PHONY: bench-large
bench-large: setup  ## the same figures for 100,000 synthetic issues, in benchmarks/results_large.json
	BENCH_SIZES=100000 BENCH_OUT=benchmarks/results_large.json PYTHONPATH=orchestration:. $(BIN)/python -m benchmarks.bench

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs
