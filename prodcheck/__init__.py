"""`make prod-check`: the production topology on 127.0.0.1, a smoke journey and a load test.

PostgreSQL, Redis, nginx (TLS with a certificate made for the run), gunicorn for pages, two
uvicorn processes for ``/ws/`` and the task worker, all with ``plg.settings.production``; then a
journey through nginx and locust in a process of its own. Everything started is stopped again.
"""
