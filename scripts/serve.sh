#!/usr/bin/env bash
# Local serving for `make run`: gunicorn for the pages and the task worker beside it.
set -euo pipefail
HOST=${1:-127.0.0.1}; PORT=${2:-8000}
.venv/bin/python manage.py db_worker &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT
echo "PLG-werkplaats draait op http://$HOST:$PORT (stoppen met Ctrl+C)"
.venv/bin/gunicorn plg.wsgi:application --bind "$HOST:$PORT" --workers 2 --access-logfile - 
