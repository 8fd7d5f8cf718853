"""What other apps may want to hear from a PLG, without the PLG knowing who listens.

Live sessions listen to ``rights_changed`` to close or refresh open screens at once; the
domain does not import the features built on it.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that changes who may do what in a PLG: ``plg_id``, and ``users``
# (user ids concerned, or None for everyone in it).
rights_changed = Signal()
