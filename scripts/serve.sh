#!/usr/bin/env bash
# Local serving for `make run`: one ASGI process for pages and live WebSockets, and the task
# worker beside it. (Production: gunicorn for pages, uvicorn for /ws/ only; see docs/decisions.md.)
set -euo pipefail
HOST=${1:-127.0.0.1}; PORT=${2:-8000}
.venv/bin/python manage.py werker &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT
echo
echo "PLG-werkplaats draait op http://$HOST:$PORT/aanmelden/ (demo-accounts hierboven; stoppen met Ctrl+C)"
echo
.venv/bin/uvicorn plg.asgi:application --host "$HOST" --port "$PORT" --log-level warning
