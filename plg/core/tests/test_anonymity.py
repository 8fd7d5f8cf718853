"""What people write reaches its audience and nobody else, on every output channel.

Markers are planted in everything a member can write (notes, leerlog, check-out record,
actieplan, milestone, proposal, round contributions, cards of a shared board), all with one
audience, and every page of the URL conf is fetched by every persona: HTML pages and htmx
fragments, PDFs (read back with pdftotext) and exports (CSV, XLSX). The server's log records
of the whole crawl are read too. A marker may only turn up for a persona in the audience, and
for anyone outside the PLG no member's name stands beside what was written (their names do
appear where they belong: a planner's staff list, the invitation a coach sent).
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.communities.sharing import Audience
from plg.core.tests.authz import PERSONAS
from plg.core.tests.test_authorization import CASES, Objects, _objects

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

# Who reads each audience in the test world: the member writes, the coach is in the PLG,
# the leader leads its school, the colleague is in its team, the advisor supports a school
# of the same scholengemeenschap; the others belong to another scholengemeenschap. Cards on a
# board are for everyone in the room; the audience says who around the PLG sees the results.
READERS = {
    Audience.ALLEEN_IK: {"member"},
    Audience.PLG: {"member", "coach"},
    Audience.PLG_EN_SCHOOLLEIDER: {"member", "coach", "leader"},
    Audience.TEAM: {"member", "coach", "leader", "colleague"},
    Audience.NETWERK: {"member", "coach", "leader", "colleague", "advisor"},
}
IN_PLG = {"member", "coach"}
COACH_NAME, MEMBER_NAME = "Coachnaamqz", "Lidnaamqz"


def _plant(world: World, objects: Objects, audience: str) -> dict[str, str]:
    """One marker per kind of written thing, all written by the member for ``audience``."""
    from plg.communities.models import Actieplan, Afronding, Mijlpaal, Notitie
    from plg.live.models import Kaart, LiveSessie, Rondebijdrage, Zone
    from plg.meetings.models import LeerlogEntry, Terugblik

    world.coach.first_name, world.member.first_name = COACH_NAME, MEMBER_NAME
    world.coach.save()
    world.member.save()
    bijeenkomst = objects["bijeenkomst"]
    by = {"author": world.member, "audience": audience}
    markers = {
        "notitie": "MRKnotitie",
        "leerlog": "MRKleerlog",
        "terugblik": "MRKterugblik",
        "actieplan": "MRKactieplan",
        "mijlpaal": "MRKmijlpaal",
        "afronding": "MRKafronding",
        "rondebijdrage": "MRKronde",
        "kaart": "MRKkaart",
    }
    Notitie.objects.create(plg=world.plg, text=markers["notitie"], **by)
    LeerlogEntry.objects.create(bijeenkomst=bijeenkomst, kennis_inzicht=markers["leerlog"], **by)
    Terugblik.objects.create(
        bijeenkomst=bijeenkomst, doelen_bereikt="ja", hoe_was_het=markers["terugblik"], **by
    )
    Actieplan.objects.create(
        plg=world.plg,
        target_date=bijeenkomst.starts_at.date(),
        gewenste_verandering=markers["actieplan"],
        **by,
    )
    Mijlpaal.objects.create(
        plg=world.plg, title=markers["mijlpaal"], due_date=bijeenkomst.starts_at.date(), **by
    )
    Afronding.objects.filter(plg=world.plg).update(voorstel=markers["afronding"], **by)
    sessie = LiveSessie.objects.get(bijeenkomst=bijeenkomst)
    blok = objects["kandoe"]
    LiveSessie.objects.filter(pk=sessie.pk).update(audience=audience, revealed_blokken=[blok.pk])
    Rondebijdrage.objects.create(sessie=sessie, blok=blok, text=markers["rondebijdrage"], **by)
    Kaart.objects.create(
        sessie=sessie, blok=blok, author=world.member, text=markers["kaart"], zone=Zone.RING_3
    )
    return markers


def _readable(response: TestResponse) -> str:
    """The text a person gets from a response, whatever its format."""
    content_type = response.get("Content-Type", "")
    body = b"".join(response) if isinstance(response, StreamingHttpResponse) else response.content
    if content_type.startswith("application/pdf"):
        done = subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True, timeout=60
        )
        return done.stdout.decode()
    if "spreadsheetml" in content_type:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(body))
        return "\n".join(
            str(cell.value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        )
    return body.decode("utf-8", errors="replace")


GETS = sorted(name for name, case in CASES.items() if case[1] == "get")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("audience", Audience.values)
def test_written_things_reach_their_audience_only(
    client: Client, world: World, audience: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    objects = _objects(world)
    markers = _plant(world, objects, audience)
    seen: dict[str, set[str]] = {persona: set() for persona in PERSONAS}
    leaks: list[str] = []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            assert client.login(username=world.persona(persona).email, password=PASSWORD)
        for name in GETS:
            url = reverse(name, args=CASES[name][0](world, objects))
            text = _readable(client.get(url))
            found = {kind for kind, marker in markers.items() if marker in text}
            seen[persona] |= found
            unread = found - {"kaart"} if persona in IN_PLG else found
            if unread and persona not in READERS[Audience(audience)]:
                leaks.append(f"{persona} reads {sorted(unread)} on {name}")
            if found and persona not in IN_PLG:
                leaks += [
                    f"{persona} sees the name {who} next to what was written, on {name}"
                    for who in (COACH_NAME, MEMBER_NAME)
                    if who in text
                ]
    assert not leaks
    assert seen["member"] == set(markers), "the author finds back everything they wrote"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not [marker for marker in markers.values() if marker in logged]
