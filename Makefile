# The front door. `make run` and `make test` work on a fresh Debian machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run serve cluster bench lighthouse test test-postgres lint format browser-deps node-deps clean

help:
	@echo "make run    - instala, migra, carga la demo y sirve en http://$(HOST):$(PORT)"
	@echo "make test   - instala lo necesario y ejecuta toda la suite"
	@echo "make serve  - la pila de producción en http://127.0.0.1:8080 (PostgreSQL, Redis, gunicorn)"
	@echo "make cluster - Varnish en http://127.0.0.1:8090 ante dos nodos gunicorn y un worker (scripts/cluster.sh)"
	@echo "make bench  - mide la pila de producción con 100 veces el contenido (bench/run.py)"
	@echo "make lint   - ruff"

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_demo_accounts
	HOST=$(HOST) PORT=$(PORT) scripts/dev.sh

# The production stack on loopback: PostgreSQL, Redis, collectstatic, the worker, gunicorn.
serve: install
	SERVE_PORT=$(or $(SERVE_PORT),8080) scripts/serve.sh

# Several nodes on loopback: Varnish (:8090) in front of two gunicorn nodes (:8091, :8092) sharing
# PostgreSQL, Redis, the media store and one task worker; publishing BANs in Varnish. Ctrl-C stops all.
cluster: install
	@command -v varnishd >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq varnish; }
	scripts/cluster.sh

# Load test: production stack on loopback, content scaled up, wrk; table + bench/results/*.json.
bench: install
	$(BIN)/python bench/run.py

# Lighthouse on the public pages in both languages, production stack on loopback (bench/lighthouse.py).
lighthouse: install
	$(BIN)/python bench/lighthouse.py

# Chromium and its driver, and Varnish (the cluster tests), from Debian's packages, axe-core and vnu-jar (Nu HTML checker) from npm: only when missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; }
	@command -v varnishd >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq varnish; }

node-deps:
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq npm; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
	@test -f node_modules/axe-core/axe.min.js -a -f node_modules/vnu-jar/build/dist/vnu.jar || npm ci --no-audit --no-fund --loglevel=error

test: install browser-deps node-deps
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest --ds=config.settings.denuncias_test --confcutdir=denuncias denuncias

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
