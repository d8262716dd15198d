# govinfo-warehouse: `make run` builds the warehouse, `make test` runs the tests.
# Everything installs itself on first use (uv into .tools/, the project into .venv/).

SHELL := /bin/bash
PYTHON ?= python3
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
DBT := $(CURDIR)/$(VENV)/bin/dbt

export GOVINFO_WAREHOUSE ?= $(CURDIR)/warehouse/govinfo.duckdb
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := False
export PYTHONWARNINGS := ignore::DeprecationWarning,ignore::UserWarning

DBT_SOURCES := $(shell find dbt/models dbt/seeds dbt/macros dbt/tests -type f 2>/dev/null) dbt/dbt_project.yml

# make run VERBOSE=1: the full Dagster and dbt log on the terminal too (it always goes to warehouse/logs/)
# make run FULL=1: rescan every document by content, not by size and mtime
ifneq ($(filter 1 yes true,$(FULL)),)
export GOVINFO_FULL_RESCAN := 1
endif
RUN_FLAGS := $(if $(filter 1 yes true,$(VERBOSE)),--verbose,)
# make sql Q="select ...": one query; without Q, an interactive prompt
export Q

.PHONY: run test dev sql docs manifest install clean

run: manifest
	@$(PY) -m dagster_project.run $(RUN_FLAGS)

test: manifest chromium distributed-deps
	$(PY) -m pytest

# The Dagster UI on http://127.0.0.1:$(DEV_PORT) (DEV_PORT=3000); Ctrl-C stops it and everything it started within seconds.
DEV_PORT ?= 3000
dev: manifest
	@exec $(PY) -m dagster_project.run.dev --host 127.0.0.1 --port $(DEV_PORT)

# The DuckDB CLI (package duckdb-cli) on the published warehouse, read-only, with the marts on the search path.
sql: install
	@test -f "$(GOVINFO_WAREHOUSE)" || { echo "no warehouse at $(GOVINFO_WAREHOUSE): run 'make run' first" >&2; exit 1; }
	@if [ -n "$$Q" ]; then \
		exec $(VENV)/bin/duckdb -readonly -cmd "set search_path = 'marts,main'" "$(GOVINFO_WAREHOUSE)" -c "$$Q"; \
	else \
		exec $(VENV)/bin/duckdb -readonly -cmd "set search_path = 'marts,main'" "$(GOVINFO_WAREHOUSE)"; \
	fi

# CSV and Parquet of every mart in exports/ (git-ignored; GOVINFO_EXPORT_DIR), the warehouse opened read-only.
.PHONY: export
export: install
	$(PY) -m dagster_project.export

# Static pages under site/ (git-ignored) that open from a file, offline: the quality page of the GX
# validation (site/quality), the dashboard (site/dashboard.html) and the static dbt docs (site/dbt),
# of the warehouse, which `make run` builds first when it is missing.
docs: manifest
	@test -f "$(GOVINFO_WAREHOUSE)" || $(MAKE) --no-print-directory run
	$(PY) -m dagster_project.docs

# The UI test renders the Dagster UI in Debian's headless chromium (and a CJK font for the screenshots).
.PHONY: chromium
chromium:
	@sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	if ! command -v chromium >/dev/null 2>&1; then \
		echo "installing Debian's chromium (apt-get)"; \
		$$sudo apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei >/dev/null; \
	elif ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		echo "installing a CJK font for chromium (apt-get)"; \
		{ $$sudo apt-get update -qq && \
		  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-zenhei >/dev/null; } \
		|| echo "warning: no CJK font; Chinese text in screenshots shows as boxes"; \
	fi

# The multi-worker profile (docs/distributed.md): the same job, Dagster's storage in PostgreSQL, every
# step on one of WORKERS Celery workers (Redis broker), each standing in for a machine. It builds
# its own warehouse (warehouse/govinfo-distributed.duckdb, or GOVINFO_WAREHOUSE when given) and stops
# the services it started when it ends.
WORKERS ?= 2
DIST_STATE ?= /tmp/govinfo-distributed-$(shell id -u)
DIST_WAREHOUSE := $(if $(filter file,$(origin GOVINFO_WAREHOUSE)),$(CURDIR)/warehouse/govinfo-distributed.duckdb,$(GOVINFO_WAREHOUSE))
.PHONY: run-distributed distributed-deps
run-distributed: manifest distributed-deps
	@export GOVINFO_DIST_WORKERS=$(WORKERS) GOVINFO_DIST_STATE=$(DIST_STATE) GOVINFO_WAREHOUSE=$(DIST_WAREHOUSE); \
	trap 'deploy/distributed/stop.sh >/dev/null' EXIT; \
	deploy/distributed/start.sh && source $(DIST_STATE)/env.sh && $(PY) -m dagster_project.run.distributed

# Debian's PostgreSQL server (Dagster's storage) and Redis (the Celery broker) for run-distributed and its test.
distributed-deps:
	@sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then \
		echo "installing Debian's postgresql and redis-server (apt-get)"; \
		$$sudo apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql redis-server >/dev/null; \
	fi

install: $(VENV)/.installed

manifest: dbt/target/manifest.json $(DAGSTER_HOME)/dagster.yaml

$(UV):
	@echo "installing uv into .tools/"
	@$(PYTHON) -m venv .tools
	@.tools/bin/pip install -q --disable-pip-version-check uv==0.13.9

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	@echo "installing the project into .venv/ (uv sync)"
	@# Bytecode compiled once here: with PYTHONDONTWRITEBYTECODE set (as on CI), every process would
	@# otherwise compile Dagster, dbt and pandas again (10.8 s against 5.5 s to import the definitions).
	@$(UV) sync --frozen --quiet --compile-bytecode --python $(PYTHON)
	@$(VENV)/bin/python -m compileall -q dagster_project >/dev/null
	@touch $@

dbt/target/manifest.json: $(VENV)/.installed $(DBT_SOURCES)
	@echo "parsing the dbt project (dbt parse)"
	@cd dbt && $(DBT) parse --profiles-dir . --quiet
	@touch $@

# Dagster's instance: no telemetry, no "join the community" pop-up in the UI.
$(DAGSTER_HOME)/dagster.yaml:
	@mkdir -p $(DAGSTER_HOME)
	@printf 'telemetry:\n  enabled: false\nnux:\n  enabled: false\n' > $@

clean:
	rm -rf dbt/target dbt/logs warehouse .dagster
