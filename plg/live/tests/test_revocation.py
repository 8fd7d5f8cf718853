"""Access taken away reaches an open live screen at once: a withdrawn guest link, a member who
leaves, a school leader taken off the list, a changed role, an archived PLG, an expired link."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Lidmaatschap
from plg.live.authorizers import GUEST_SESSION_KEY
from plg.live.consumers import REFUSED, RELOAD
from plg.live.models import Gastlink, Kaart, LiveSessie
from plg.live.tests.websocket_client import Screen, play
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)
    sessie.schoolleiders.add(world.leader)
    return sessie


def guest_link(world: World, sessie: LiveSessie, hours: float = 2) -> Gastlink:
    return Gastlink.objects.create(
        sessie=sessie,
        name="Eva Expert",
        created_by=world.coach,
        expires_at=timezone.now() + timedelta(hours=hours),
    )


async def joined(
    sessie: LiveSessie, user: User | AnonymousUser, tokens: list[str] | None = None
) -> Screen:
    session: dict[str, object] | None = None if tokens is None else {GUEST_SESSION_KEY: tokens}
    client = Screen(sessie.code, user, session)
    connected, code = await client.connect()
    assert connected, code
    assert (await client.receive_json_from())["type"] == "state"
    return client


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.email, password=PASSWORD)
    return client


async def post(client: Client, url: str, data: dict[str, Any] | None = None) -> None:
    """A page request in the same process, as the ASGI server would run it."""
    response = await database_sync_to_async(client.post)(url, data or {})
    assert response.status_code == 302, response.status_code


async def closed_with(client: Screen) -> int:
    """The close code, skipping any state that was on its way before the close; then the
    client goes, as a browser does."""
    while True:
        output = await client.receive_output(timeout=2)
        if output["type"] == "websocket.close":
            await client.disconnect()
            return int(output["code"])


def test_withdrawing_a_guest_link_closes_the_guests_socket_at_once(
    world: World, sessie: LiveSessie
) -> None:
    link = guest_link(world, sessie)
    coach = signed_in(world.coach)

    async def scenario() -> None:
        guest = await joined(sessie, AnonymousUser(), [link.token])
        member = await joined(sessie, world.member)
        url = reverse("live_gast_intrekken", args=[sessie.bijeenkomst_id, link.pk])
        await post(coach, url)
        assert await closed_with(guest) == REFUSED
        assert await member.receive_nothing(timeout=0.2)  # the others go on undisturbed
        await member.disconnect()

    play(scenario())


def test_a_member_who_leaves_the_plg_is_closed_at_once(world: World, sessie: LiveSessie) -> None:
    member = signed_in(world.member)

    async def scenario() -> None:
        socket = await joined(sessie, world.member)
        coach = await joined(sessie, world.coach)
        await post(member, reverse("plg_leave", args=[world.plg.pk]))
        assert await closed_with(socket) == REFUSED
        assert await coach.receive_nothing(timeout=0.2)
        await coach.disconnect()

    play(scenario())


def test_a_leader_taken_off_the_attendance_list_is_closed_at_once(
    world: World, sessie: LiveSessie
) -> None:
    coach = signed_in(world.coach)

    async def scenario() -> None:
        leader = await joined(sessie, world.leader)
        await post(coach, reverse("live_schoolleiders", args=[sessie.bijeenkomst_id]))
        assert await closed_with(leader) == REFUSED

    play(scenario())


def test_a_coach_who_hands_over_the_role_gets_the_members_screen(
    world: World, sessie: LiveSessie
) -> None:
    coach = signed_in(world.coach)
    own = Lidmaatschap.objects.get(plg=world.plg, user=world.coach)
    other = Lidmaatschap.objects.get(plg=world.plg, user=world.member)

    async def scenario() -> None:
        socket = await joined(sessie, world.coach)
        await post(coach, reverse("lid_rol", args=[world.plg.pk, other.pk]), {"rol": "procescoach"})
        assert await socket.receive_nothing(timeout=0.2)  # still coach
        await post(coach, reverse("lid_rol", args=[world.plg.pk, own.pk]), {"rol": "lid"})
        assert await closed_with(socket) == RELOAD  # the page reloads as a member's

    play(scenario())


def test_archiving_the_plg_ends_the_session_on_every_screen(
    world: World, sessie: LiveSessie
) -> None:
    world.plg.fase = "afronden"
    world.plg.save()
    coach = signed_in(world.coach)
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        member = await joined(sessie, world.member)
        await post(coach, reverse("plg_fase", args=[world.plg.pk]), {"fase": "afgesloten"})
        message = await member.receive_json_from(timeout=2)
        assert message["type"] == "state" and message["state"]["ended"] is True
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Toch nog"})
        answer = await member.receive_json_from()
        assert answer["type"] == "error" and "afgesloten" in answer["message"]
        await member.disconnect()

    play(scenario())
    assert not Kaart.objects.exists()


def test_an_expired_guest_link_stops_at_the_next_message(world: World, sessie: LiveSessie) -> None:
    link = guest_link(world, sessie, hours=0.3 / 3600)  # 0.3 seconds
    blok = sessie.bijeenkomst.blokken.get(stap=Stap.INPUT).pk

    async def scenario() -> None:
        guest = await joined(sessie, AnonymousUser(), [link.token])
        member = await joined(sessie, world.member)
        await asyncio.sleep(0.4)
        await member.send_json_to({"type": "card.add", "blok": blok, "text": "Na afloop"})
        assert (await member.receive_json_from())["type"] == "cards"
        assert await closed_with(guest) == REFUSED
        await member.disconnect()

    play(scenario())


def test_asking_for_the_state_again_checks_the_rights_of_that_moment(
    world: World, sessie: LiveSessie
) -> None:
    """Even when the news of a change never arrived (say, a school leader who is no longer
    a leader of the school), the next request for the state finds out."""
    from plg.organisations.models import Aanstelling

    async def scenario() -> None:
        leader = await joined(sessie, world.leader)
        await database_sync_to_async(Aanstelling.objects.filter(user=world.leader).update)(
            functie="leraar"
        )
        await leader.send_json_to({"type": "sync"})
        assert await closed_with(leader) == REFUSED

    play(scenario())
