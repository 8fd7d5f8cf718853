"""Searching the library in Dutch as teachers write it (see `zoek.py` and `taal.py`)."""

from plg.bibliotheek.zoeken.zoek import Filters, Treffer, zoek

__all__ = ["Filters", "Treffer", "zoek"]
