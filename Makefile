# The two commands of README.md. Each sets up .venv on first use.
#   make site   build the sample commune's site into site/
#   make test   lint, type-check and run the whole test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve clean system-packages

$(BIN)/cchc: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/cchc
	$(BIN)/cchc build

# The Debian packages of .ci/packages.txt (chromium, poppler-utils, nginx, …): installed
# as root or with password-less sudo; otherwise make stops with the apt-get line to run.
system-packages:
	@.ci/system-packages

test: system-packages $(BIN)/cchc
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/pytest

serve: $(BIN)/cchc
	$(BIN)/cchc serve

clean:
	rm -rf site site_src .cchc-cache .pytest_cache .mypy_cache .ruff_cache
