# Two commands for a fresh machine:  `make run` (the whole pipeline, embedded default)
# and `make test` (the test suite). Each installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
export DAGSTER_HOME := $(CURDIR)/data/dagster_home
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install instance run test verify bench ui clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: the CPU wheel from local disk (unpinned pulls a multi-GB CUDA build)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Create $(DAGSTER_HOME) (dagster.yaml + storage) under a file lock: concurrent first starts on an
# empty home would otherwise race on its SQLite schema (arc_pipeline/defs/runner.py: open_instance).
instance: install
	$(PY) -m arc_pipeline.defs.runner

run: install
	$(VENV)/bin/arc-pipeline run

test: install
	bash scripts/install_ui_deps.sh
	$(PY) -m pytest

verify: install
	$(VENV)/bin/arc-pipeline verify

bench: install
	$(VENV)/bin/arc-pipeline bench

ui: instance
	$(VENV)/bin/dagster dev -w workspace.yaml -h 127.0.0.1

clean:
	rm -rf data/warehouse.duckdb data/checkpoints data/reports data/dagster_home
