"""Authorisation cases of running the werkplaats. `/health` is open to everyone, a load balancer
included: it names only which part answers, never an address, a setting or a person."""

from __future__ import annotations

from django.utils import timezone

from conftest import World
from plg.beheer.models import Hartslag
from plg.beheer.tasks import WERKER
from plg.core.tests.authz import PERSONAS, Case


def _beating(w: World, o: object) -> list[object]:
    Hartslag.objects.update_or_create(naam=WERKER, defaults={"laatst": timezone.now()})
    return []


CASES: dict[str, Case] = {
    "health": (_beating, "get", {}, set(PERSONAS), 200),
}
