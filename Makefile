# warta: two commands on a fresh machine with Python 3.11 and make.
#   make report   install, then write the report suite for seeds/ into reports/<run-id>/
#   make test     install, then run every test (unit, notebooks through nbval, browser)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install build report test lab clean

install: $(STAMP)

# Pinned by constraints.txt so that two fresh installs are identical.
$(STAMP): pyproject.toml setup.py lib/warta/_tokens.pyx constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name warta --display-name "Python (warta)" >/dev/null
	touch $@

# Compile the per-article modules again after editing them (until then their source runs, more slowly).
build: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e . --no-deps

report: $(STAMP)
	$(BIN)/warta report $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks --nbval-lax --nbval-kernel-name warta -p no:cacheprovider -v $(ARGS)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) .pytest_cache .warta-cache
