# rcphub: the commands the README names.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The PostgreSQL run of `make test`; skipped with a reason when no server answers there.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/rcphub
PYTEST_ARGS ?=

.PHONY: install run serve test test-sqlite test-postgres test-browser lint bench clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

run: install
	@echo "Preparing the database ($${DATABASE_URL:-SQLite file var/rcphub.sqlite3})…"
	@if [ -n "$$DATABASE_URL" ]; then $(PY) -m rcphub.core.dbcheck --ensure "$$DATABASE_URL"; fi
	@DEBUG=1 $(PY) manage.py migrate --noinput
	@DEBUG=1 $(PY) manage.py load_reference
	@DEBUG=1 $(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT) (demo logins: README.md)"
	@DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production: gunicorn (config/gunicorn.py) on $$DATABASE_URL under RCPHUB_PRODUCTION settings, after the
# migrations, the reference data and the static files; no demo data. Refuses to start without SECRET_KEY,
# ALLOWED_HOSTS and DATABASE_URL, or when `check --deploy` warns. README.md, "Production server".
serve: install
	@missing=""; for name in DATABASE_URL SECRET_KEY ALLOWED_HOSTS; do \
	  if [ -z "$${!name}" ]; then missing="$$missing $$name"; fi; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make serve: set$$missing in the environment (README.md, \"Production server\"); not serving." >&2; \
	  exit 1; \
	fi
	@export RCPHUB_PRODUCTION=1 DEBUG=0 PORT=$(PORT) && \
	  $(PY) -m rcphub.core.dbcheck "$$DATABASE_URL" && \
	  $(PY) manage.py check --deploy --fail-level WARNING && \
	  $(PY) manage.py migrate --noinput && \
	  $(PY) manage.py load_reference && \
	  $(PY) manage.py collectstatic --noinput && \
	  echo "Serving on $${HOST:-127.0.0.1}:$(PORT) with gunicorn (config/gunicorn.py)" || exit 1; \
	  if [ "$${RCPHUB_TASKS_BACKEND:-immediate}" != database ]; then \
	    exec $(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.py; \
	  fi; \
	  echo "Running background tasks with manage.py db_worker beside it (RCPHUB_TASKS_BACKEND=database)"; \
	  stopping=0; trap 'stopping=1; kill -TERM $$web $$worker 2>/dev/null' INT TERM; \
	  $(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	  $(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.py & web=$$!; \
	  wait -n $$web $$worker; \
	  kill -TERM $$web $$worker 2>/dev/null; wait $$web; web_status=$$?; wait $$worker; \
	  if [ $$stopping = 1 ]; then exit $$web_status; fi; \
	  echo "make serve: gunicorn or the task worker stopped; stopped the other too." >&2; \
	  exit 1

# The whole suite on SQLite (or on $$DATABASE_URL when set), then again on PostgreSQL where one answers.
# bin/suite runs it on every core, then the browser and serial tests apart (PYTEST_WORKERS=0 for one process).
test: install
	@if [ -n "$$DATABASE_URL" ]; then \
	  echo "== suite on $$DATABASE_URL"; VENV=$(VENV) bin/suite $(PYTEST_ARGS); \
	else \
	  $(MAKE) --no-print-directory test-sqlite && $(MAKE) --no-print-directory test-postgres; \
	fi

test-sqlite: install
	@echo "== suite on SQLite"
	@env -u DATABASE_URL VENV=$(VENV) bin/suite $(PYTEST_ARGS)

test-postgres: install
	@if $(PY) -m rcphub.core.dbcheck "$(TEST_POSTGRES_URL)"; then \
	  echo "== suite on PostgreSQL ($(TEST_POSTGRES_URL))"; \
	  DATABASE_URL="$(TEST_POSTGRES_URL)" VENV=$(VENV) bin/suite $(PYTEST_ARGS); \
	elif [ -n "$$RCPHUB_REQUIRE_POSTGRES" ]; then \
	  echo "PostgreSQL is required here (RCPHUB_REQUIRE_POSTGRES is set) but does not answer."; exit 1; \
	else \
	  echo "== PostgreSQL run SKIPPED: no server answers at $(TEST_POSTGRES_URL) (set TEST_POSTGRES_URL to use another)."; \
	fi

test-browser: install
	@$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

lint: install
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy rcphub config
	@RCPHUB_PRODUCTION=1 SECRET_KEY="lint-$$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 60)" \
	  ALLOWED_HOSTS=rcphub.example.org DATABASE_URL=sqlite:////tmp/rcphub-lint.sqlite3 \
	  $(PY) manage.py check --deploy --fail-level WARNING
	@$(PY) manage.py makemigrations --check --dry-run

bench: install
	@$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var/rcphub.sqlite3 .mypy_cache .ruff_cache
