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

.PHONY: run test dev docs manifest install clean

run: manifest
	$(PY) -m dagster_project.run

test: manifest chromium
	$(PY) -m pytest

dev: manifest
	$(VENV)/bin/dagster dev -h 127.0.0.1 -p 3000 -w workspace.yaml

# Static sites under site/ (git-ignored): Great Expectations data docs (site/gx) and dbt docs (site/dbt)
# of the default warehouse, which `make run` builds first when it is missing.
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

install: $(VENV)/.installed

manifest: dbt/target/manifest.json $(DAGSTER_HOME)/dagster.yaml

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install -q --disable-pip-version-check uv==0.13.9

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

dbt/target/manifest.json: $(VENV)/.installed $(DBT_SOURCES)
	cd dbt && $(DBT) parse --profiles-dir . --quiet
	touch $@

$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	printf 'telemetry:\n  enabled: false\n' > $@

clean:
	rm -rf dbt/target dbt/logs warehouse .dagster
