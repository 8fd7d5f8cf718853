"""What other apps may want to hear about a visit, without ``bezoeken`` knowing who listens.

Planning listens to ``bezoek_cancelled`` to withdraw the cover it arranged for the visit; the
visit does not import the planner built on it.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that cancels a visit: ``bezoek`` (the Klasbezoek, cancelled).
bezoek_cancelled = Signal()
