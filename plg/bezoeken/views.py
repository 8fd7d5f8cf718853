"""Pages of *In elkaars klas*: thin views over ``services`` and ``authorizers``."""

from __future__ import annotations
