# Tsunagaru — the two commands: `make run` and `make test`.
# Both work on a fresh Debian machine with Python 3.11: they create .venv, install what is
# missing (Python packages; gettext, Chromium and Japanese fonts from Debian), then act.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The site's public address: e-mails, the sitemap, .ics files, share links, /go/ short links
# and their QR codes start with it (seed_demo points the default Wagtail site at it on every
# run). `make run` and `make seed` use where they serve, http://$(HOST):$(PORT), unless
# WAGTAILADMIN_BASE_URL is set on the command line, in the environment or in .env
# (DJANGO_ENV_FILE).
ifeq ($(origin WAGTAILADMIN_BASE_URL),undefined)
ifeq ($(shell grep -Es '^[[:space:]]*(export[[:space:]]+)?WAGTAILADMIN_BASE_URL[[:space:]]*=' $(or $(DJANGO_ENV_FILE),.env)),)
run seed: export WAGTAILADMIN_BASE_URL := http://$(HOST):$(PORT)
endif
endif
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get
# Two pytest-xdist workers (each with its own test database and live server); tests are handed
# out in collection order, so every worker runs the tests that flush the database
# (transactional and browser tests) after the others. `make test PYTEST_ARGS=tests/home/...`
# runs one file in a single process.
PYTEST_ARGS ?= -n 2 --dist load
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench messages makemessages migrate seed lint format ci clean system-deps browser-deps report-deps

run: $(VENV)/.runtime report-deps messages migrate seed ## serve the demo site on http://127.0.0.1:8000 (make run PORT=8123: on another port)
	@echo "Tsunagaru: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.dev browser-deps report-deps messages ## the whole suite, browser tests included
	$(BIN)/pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev browser-deps report-deps messages ## requests per second (pages vs static HTML); Entry Pass uses/s with 20 clients; the KPI dashboard and report at 100,000 members; the load and fault bench (50 users, PostgreSQL restarted) against the production deployment behind nginx
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		DATABASE_URL=$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tsunagaru_bench} \
		$(BIN)/python scripts/bench_passes.py; \
	else echo "PostgreSQL is not running: the Entry Pass bench runs on file SQLite"; \
		$(BIN)/python scripts/bench_passes.py; fi
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		DATABASE_URL=$${BENCH_REPORTS_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tsunagaru_bench_reports} \
		$(BIN)/python scripts/bench_reports.py $(BENCH_REPORTS_ARGS); \
	else echo "PostgreSQL is not running: the reports bench runs on file SQLite (var/bench-reports.sqlite3)"; \
		DATABASE_URL=sqlite:///$(CURDIR)/var/bench-reports.sqlite3 $(BIN)/python scripts/bench_reports.py $(BENCH_REPORTS_ARGS); fi
	@if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		echo "PostgreSQL is not running on 127.0.0.1:5432: the load and fault bench is skipped"; \
	elif ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then \
		echo "Redis is not running on 127.0.0.1:6379: the load and fault bench is skipped"; \
	elif [ ! -x /usr/sbin/nginx ]; then \
		echo "nginx is not installed (make browser-deps): the load and fault bench is skipped"; \
	else $(BIN)/python scripts/bench_load.py $(BENCH_LOAD_ARGS); fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) $(APT_GET) update -qq && \
		$(SUDO) $(APT_GET) install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# gettext's msgfmt compiles the catalogues.
system-deps:
	@command -v msgfmt >/dev/null || { $(SUDO) $(APT_GET) update -qq && \
		$(SUDO) $(APT_GET) install -y -qq gettext; }

# Debian's Chromium and Noto CJK fonts for the browser tests, nginx for the test that serves the
# static hand-over copy (RUNLEVEL=1: installed, not started), poppler to read PDFs back.
# Nothing is downloaded elsewhere.
browser-deps: system-deps
	@{ [ -x /usr/bin/chromium ] && [ -x /usr/sbin/nginx ] && command -v pdftotext >/dev/null && \
		fc-list 2>/dev/null | grep -q "Noto Sans CJK"; } || { \
		$(SUDO) $(APT_GET) update -qq && \
		RUNLEVEL=1 $(SUDO) $(APT_GET) install -y -qq chromium fonts-noto-cjk fontconfig nginx-light poppler-utils; }

# The results report's PDF: Japanese fonts (Noto CJK) and HarfBuzz's subsetter (without it
# WeasyPrint falls back to a font subsetting twenty times slower). `manage.py check` fails
# when the fonts are missing.
report-deps:
	@{ fc-list 2>/dev/null | grep -q "Noto Sans CJK" && \
		ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset; } || { \
		$(SUDO) $(APT_GET) update -qq && \
		$(SUDO) $(APT_GET) install -y -qq fonts-noto-cjk fontconfig libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0; }

messages: system-deps $(VENV)/.runtime ## compile the translation catalogues
	$(MANAGE) compilemessages --ignore=.venv -v0

makemessages: $(VENV)/.runtime ## extract UI strings into locale/*/django.po
	$(MANAGE) makemessages -l ja -l zh_Hans -l zh_Hant -l ko --no-location --no-obsolete --ignore=.venv --ignore=var

migrate: $(VENV)/.runtime
	$(MANAGE) migrate --no-input -v0

seed: $(VENV)/.runtime
	$(MANAGE) seed_demo

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ci: ## what CI runs
	bash .ci/run

clean:
	rm -rf $(VENV) var/static var/test*.sqlite3*
