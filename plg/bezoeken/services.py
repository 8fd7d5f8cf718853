"""Writes about visits that span several rows: small keyword-only functions in a transaction."""

from __future__ import annotations
