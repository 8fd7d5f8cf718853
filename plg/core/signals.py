"""Signals that cross the layers without an import upwards."""

from __future__ import annotations

from django.dispatch import Signal

worker_started = Signal()
"""The task worker starts (``manage.py werker``): an app with a daily task puts it on the queue."""
