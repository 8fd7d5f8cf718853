# The one front door for developer commands. `make run` and `make test` set up what they need.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint typecheck check-deploy test-sqlite test-postgres messages demo clean prod-check

# On one's own machine: debug on and a development key (plg/settings/development.py). Everything
# else starts only with a SECRET_KEY, and with debug off unless DEBUG turns it on.
setup run demo messages: export DJANGO_SETTINGS_MODULE = plg.settings.development
# Links in mails and calendar files lead to the address the app is served on.
run demo: export HOST := $(HOST)
run demo: export PORT := $(PORT)

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q uv==0.13.9

$(VENV)/.synced: $(BIN)/uv pyproject.toml uv.lock
	$(BIN)/uv sync --frozen --inexact -q
	touch $@

setup: $(VENV)/.synced
	scripts/system-deps.sh run
	cd plg && ../$(BIN)/python ../manage.py compilemessages -v0

run: setup
	mkdir -p var
	$(MANAGE) migrate -v0
	$(MANAGE) seed_demo
	$(MANAGE) collectstatic --noinput -v0
	scripts/serve.sh $(HOST) $(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/house_rules.py
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy plg conftest.py prodcheck

check-deploy: setup
	SECRET_KEY=check-only-$$(date +%s)-a-long-random-looking-value-for-the-check \
	  ALLOWED_HOSTS=plg.example DJANGO_SETTINGS_MODULE=plg.settings.production \
	  $(MANAGE) check --deploy --fail-level WARNING

test-sqlite: setup
	$(BIN)/pytest --cov=plg --cov-report=term:skip-covered --cov-fail-under=90

test-postgres: setup
	scripts/with-postgres.sh $(BIN)/pytest -m "not browser and not processes"

test:
	scripts/system-deps.sh test
	$(MAKE) lint typecheck check-deploy test-sqlite test-postgres

# The production topology on 127.0.0.1 (PostgreSQL, Redis, nginx, gunicorn, 2 × uvicorn, the
# worker), a smoke journey through nginx and a locust load; its own command, not part of `test`.
prod-check: setup
	scripts/system-deps.sh prod
	$(BIN)/python -m prodcheck $(PRODCHECK_ARGS)

messages: setup
	cd plg && ../$(BIN)/python ../manage.py makemessages -l en -v0

demo: setup
	$(MANAGE) seed_demo --reset

clean:
	rm -rf $(VENV) var
