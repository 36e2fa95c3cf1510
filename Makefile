# Sozialraum-Werkbank — the two commands of the quickstart:
#   make demo   set up, build the demo study, show how to open it
#   make test   set up, run every test (lint, unit, integration, browser, nbval)
# and for researchers and reviewers (see REVIEWING.md):
#   make lab        JupyterLab on notebooks/ with the demo project prepared
#   make nbval      re-run every notebook and compare each output with the committed one
#   make notebooks  re-execute the notebooks in place (after a deliberate change)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# BERTopic's light-weight installation and the Wiktionary's nouns (german-nouns, without
# its dump parser): the versions come from pyproject.toml ([tool.workbench] no-deps) and
# are installed with --no-deps on their own.
NODEPS := $(shell sed -n 's/^no-deps = \[\(.*\)\]/\1/p' pyproject.toml | tr -d '",')
# Packages a dependency pulls in that only slow every process down ([tool.workbench] uninstall).
UNINSTALL := $(shell sed -n 's/^uninstall = \[\(.*\)\]/\1/p' pyproject.toml | tr -d '",')
DEMO_DIR ?= build/demo-projekt
# Jupyter writes nothing into the home folder, here or in CI.
export JUPYTER_CONFIG_DIR := $(CURDIR)/build/jupyter/config
export JUPYTER_DATA_DIR := $(CURDIR)/build/jupyter/data
export JUPYTER_RUNTIME_DIR := $(CURDIR)/build/jupyter/runtime
export IPYTHONDIR := $(CURDIR)/build/jupyter/ipython
export MPLCONFIGDIR := $(CURDIR)/build/jupyter/mpl
export NUMBA_CACHE_DIR := $(CURDIR)/build/numba-cache
# The committed notebook outputs depend on the last bits of the embeddings, and OpenBLAS and
# numpy pick their kernels by CPU (AVX-512 on most Intel servers, AVX2 on AMD): one set of
# kernels for every x86-64 machine, so that nbval agrees wherever it runs.
ifeq ($(shell uname -m),x86_64)
export OPENBLAS_CORETYPE := Haswell
export NPY_DISABLE_CPU_FEATURES := X86_V4 AVX512_ICL AVX512_SPR
endif

.PHONY: setup demo test test-apps test-units lint pytest nbval notebooks lab jupyter-dirs chromium postgresql axe clean \
  screenshots migration hub-proxy

# The packages are installed with uv (from PyPI, pinned in pyproject.toml): the same
# versions as pip resolves, in a quarter of the time (measured on a clean clone: 127 s with
# pip, 30 s with uv, byte code compiled on both cores), which every clean clone and CI pays.
UV_VERSION := 0.13.9
UV := $(BIN)/uv pip --quiet
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) install --python $(BIN)/python --compile-bytecode -e '.[dev]'
	$(UV) install --python $(BIN)/python --compile-bytecode --no-deps $(NODEPS)
	$(UV) uninstall --python $(BIN)/python $(UNINSTALL)
	@touch $@

setup: $(STAMP)

# Debian's chromium for the Playwright browser tests (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installiere Debian-Paket chromium …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL server binaries: the tests start a throw-away cluster of their own
# (tests/pg.py); no server runs outside the test session.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installiere Debian-Paket postgresql …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq postgresql >/dev/null; }

# axe-core for the accessibility tests (tests/browser/test_accessibility.py), from the npm
# registry at the version pinned in tests/browser/axe/package-lock.json; everything (packages,
# npm's cache and logs) stays under build/. Reinstalled only when the lock file changes.
AXE_DIR := build/node
AXE := $(AXE_DIR)/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): tests/browser/axe/package.json tests/browser/axe/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installiere Debian-Paket npm …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm >/dev/null; }
	@mkdir -p $(AXE_DIR)
	cp tests/browser/axe/package.json tests/browser/axe/package-lock.json $(AXE_DIR)/
	npm ci --prefix $(AXE_DIR) --cache $(CURDIR)/build/npm-cache --ignore-scripts \
	  --no-audit --no-fund --loglevel=error
	@touch $@

# configurable-http-proxy for JupyterHub (deploy/jupyterhub, tests/test_jupyterhub.py), from the
# npm registry at the version pinned in deploy/jupyterhub/package-lock.json; into build/node-hub.
HUB_NODE := build/node-hub
CHP := $(HUB_NODE)/node_modules/.bin/configurable-http-proxy
hub-proxy: $(CHP)
$(CHP): deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installiere Debian-Paket npm …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm >/dev/null; }
	@mkdir -p $(HUB_NODE)
	cp deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json $(HUB_NODE)/
	npm ci --prefix $(HUB_NODE) --cache $(CURDIR)/build/npm-cache --ignore-scripts \
	  --no-audit --no-fund --loglevel=error
	@touch $@

# Voilà for the stakeholder apps: loopback only, no tracebacks, <html lang="de"> (screen
# readers speak German). A burst of participants (everyone clicks the link at once) is
# absorbed by POOL_SIZE preheated kernels per participation app (bedarfe_bewerten,
# kodieren): each has run its notebook up to the moment the token is known; set it to the
# number of people expected at once. voila_apps/voila.py (widgets/voila_server.py) forks
# kernels from a warm process and keeps the pages lean. Idle kernels of closed pages are
# culled after 5 minutes; a participant's kernel ends by itself 5 minutes after the last
# stored answer (WORKBENCH_RELEASE_AFTER). README: "Beteiligung im Ansturm".
DEMO_PORT ?= 8866
POOL_SIZE ?= 8
VOILA_FLAGS := --no-browser --Voila.ip=127.0.0.1 --port=$(DEMO_PORT) \
  --VoilaConfiguration.show_tracebacks=False --VoilaExporter.language_code=de \
  --Voila.config_file_paths=$(CURDIR)/voila_apps --preheat_kernel=True --pool_size=$(POOL_SIZE) \
  --MappingKernelManager.cull_idle_timeout=300 --MappingKernelManager.cull_interval=30
APPS := $(notdir $(wildcard voila_apps/*.ipynb))

demo: setup
	$(BIN)/workbench demo $(DEMO_DIR) --analyse --welle2
	@echo ""
	@echo "Stakeholder-Apps (Strg+C beendet den Server):"
	@$(foreach app,$(APPS),echo "  http://127.0.0.1:$(DEMO_PORT)/voila/render/$(app)";)
	@echo "Ein Zugangscode zum Ausprobieren der Bewertung (Manfort):"
	@$(BIN)/workbench --project $(DEMO_DIR) tokens --n 1 --district Manfort \
	  --base-url http://127.0.0.1:$(DEMO_PORT) | tail -n 1 | cut -d';' -f2
	@echo "Dasselbe als Beteiligungsformular ohne Kern je Person (für viele auf einmal):"
	@$(BIN)/workbench --project $(DEMO_DIR) tokens --n 1 --district Manfort --formular \
	  --base-url http://127.0.0.1:$(DEMO_PORT) | tail -n 1 | cut -d';' -f2
	WORKBENCH_PROJECT=$(CURDIR)/$(DEMO_DIR) $(BIN)/voila voila_apps $(VOILA_FLAGS)

# ruff (lint + format) and the architecture contracts in .importlinter (docs/architecture.md)
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

pytest: setup chromium postgresql axe hub-proxy
	$(BIN)/pytest

# The research notebooks: nbval re-executes each one in a fresh kernel (the venv's python)
# and compares every output with the committed one; notebooks/nbval_sanitize.cfg masks
# only what is volatile by nature (REVIEWING.md lists each rule and why it exists).
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
NBVAL_FLAGS := --nbval --nbval-current-env --nbval-cell-timeout=900 \
  --nbval-sanitize-with notebooks/nbval_sanitize.cfg -p no:cacheprovider
JUPYTER_DIRS := $(JUPYTER_CONFIG_DIR) $(JUPYTER_DATA_DIR) $(JUPYTER_RUNTIME_DIR) $(IPYTHONDIR) \
  $(MPLCONFIGDIR)

jupyter-dirs:
	@mkdir -p $(JUPYTER_DIRS)

# The committed outputs were made with 2 embedding threads (the thread count changes the
# vectors by ~1e-7): pinned here so that nbval agrees on machines with more cores.
nbval: export WORKBENCH_EMBED_THREADS := 2
nbval: setup jupyter-dirs
	$(BIN)/pytest $(NBVAL_FLAGS) notebooks/

# Regenerate the committed outputs. Neither widget state (large; its model ids change on
# every run; nbval compares a widget's text form) nor cell timings (timestamps) are stored.
notebooks: export WORKBENCH_EMBED_THREADS := 2
notebooks: setup jupyter-dirs
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=900 \
	  --ExecutePreprocessor.store_widget_state=False --ExecutePreprocessor.record_timing=False \
	  $(NOTEBOOKS)

# JupyterLab for researchers: the demo project in $(DEMO_DIR) (WORKBENCH_PROJECT) and the
# notebooks' shared embedding cache prepared; loopback only, no browser.
lab: setup jupyter-dirs
	$(BIN)/workbench demo $(DEMO_DIR) --analyse --welle2
	cd notebooks && ../$(BIN)/python -c "import studie; studie.warm_cache()"
	WORKBENCH_PROJECT=$(CURDIR)/$(DEMO_DIR) $(BIN)/jupyter lab notebooks --no-browser \
	  --ServerApp.ip=127.0.0.1 $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# Refresh the README's screenshots in docs/screenshots on purpose (tests write under build/).
screenshots: setup chromium axe
	WORKBENCH_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -m browser -p no:cacheprovider

# After changing tables: write the next schema migration (review it, then commit it).
#   make migration MSG="New tables for …"
migration: setup
	$(BIN)/python -c 'import sys, workbench.store.migrate as m; sys.exit(m.main(sys.argv[1:]))' \
	  neu "$(MSG)"

# `make test` runs two halves at once, each in its own pytest process (the output of a half
# appears when it ends): the apps in chromium, then the notebooks (nbval, one notebook per
# worker); and every other test including the conformance suite, spread over 3 workers
# (pytest-xdist: many tests wait for servers, kernels or subprocesses). The browser half
# waits for pages and is served first; the unit half runs at a lower priority (nice) and with
# one BLAS/embedding thread per worker, so that three workers do not fight over two cores
# with spinning thread pools. `make pytest` and `make nbval` run the same tests one after
# the other.
test: lint
	$(MAKE) --no-print-directory --output-sync=target -j2 test-apps test-units

test-apps: export WORKBENCH_EMBED_THREADS := 2
test-apps: setup chromium postgresql axe hub-proxy jupyter-dirs
	$(BIN)/pytest -p no:cacheprovider -m browser; apps=$$?; \
	$(BIN)/pytest $(NBVAL_FLAGS) -n 2 --dist loadfile notebooks/; notebooks=$$?; \
	exit $$((apps | notebooks))

test-units: export WORKBENCH_EMBED_THREADS := 1
test-units: export OMP_NUM_THREADS := 1
test-units: export OPENBLAS_NUM_THREADS := 1
test-units: export MKL_NUM_THREADS := 1
test-units: setup chromium postgresql axe hub-proxy
	nice -n 10 $(BIN)/pytest -p no:cacheprovider -n 3 -m "not browser" --durations=25

clean:
	rm -rf build .pytest_cache
