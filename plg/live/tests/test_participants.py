"""Who takes part and how: guests with a link, attending school leaders, rounds with a written
variant, steps moved or given another werkvorm live, clusters, and sharing the results."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from conftest import PASSWORD, World
from plg.live import commands
from plg.live import state as live_state
from plg.live.authorizers import live_access, viewer_for
from plg.live.commands import Refused, Revoked
from plg.live.models import Gastlink, Kaart, LiveSessie, Zone
from plg.live.participants import Deelname, Viewer
from plg.live.tests import screen
from plg.live.tests.websocket_client import APP, Patient, play
from plg.meetings import services as meeting_services
from plg.meetings.models import Terugblik
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm


@pytest.fixture
def sessie(world: World) -> LiveSessie:
    from plg.methods.catalogue import load_catalogue

    load_catalogue()  # transactional tests flush the rows the migration loaded
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now())
    blok = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    blok.werkvorm = Werkvorm.objects.get(slug="beginsituatie-analyse", school=None)
    blok.save()
    return LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=world.coach)


def coach(world: World) -> Viewer:
    return Viewer(world.coach.pk, "Charlotte", Deelname.COACH)


def member(world: World) -> Viewer:
    return Viewer(world.member.pk, "Mehdi", Deelname.LID)


def leader(world: World) -> Viewer:
    return Viewer(world.leader.pk, "Lies", Deelname.SCHOOLLEIDER)


def blok(sessie: LiveSessie, stap: str) -> int:
    return sessie.bijeenkomst.blokken.get(stap=stap).pk


def state_for(sessie: LiveSessie, viewer: Viewer) -> dict[str, Any]:
    import json

    message = live_state.broadcast(live_state.snapshot(sessie.pk))
    part = json.loads(json.dumps(live_state.viewer_part(message, viewer)))
    names = json.loads(message.names) if viewer.reads_members_part else None
    return screen.merged(json.loads(message.public), part, names)


def guest_link(world: World, sessie: LiveSessie, **extra: object) -> Gastlink:
    fields = {"expires_at": timezone.now() + timedelta(hours=2)} | extra
    return Gastlink.objects.create(
        sessie=sessie, name="Eva Expert", created_by=world.coach, **fields
    )


# Guests -------------------------------------------------------------------------------------


def test_a_guest_link_opens_the_session_and_nothing_else(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    link = guest_link(world, sessie)
    page = client.get(reverse("live_gast", args=[link.token]))
    assert page.status_code == 200
    assert "Eva Expert" in page.content.decode() and sessie.code in page.content.decode()
    assert 'id="live-add"' not in page.content.decode()
    # the same browser still cannot open the PLG or its notes
    assert client.get(reverse("plg_detail", args=[world.plg.pk])).status_code == 302
    assert client.get(reverse("samenvatting", args=[sessie.bijeenkomst_id])).status_code == 302


@pytest.mark.parametrize("how", ["expired", "withdrawn"])
def test_a_dead_guest_link_opens_nothing(
    client: Client, world: World, sessie: LiveSessie, how: str
) -> None:
    link = guest_link(world, sessie)
    assert client.get(reverse("live_gast", args=[link.token])).status_code == 200
    if how == "expired":
        link.expires_at = timezone.now() - timedelta(minutes=1)
    else:
        link.withdrawn_at = timezone.now()
    link.save()
    page = client.get(reverse("live_gast", args=[link.token]))
    assert page.status_code == 404 and "procescoach" in page.content.decode()
    assert live_access(AnonymousUser(), sessie.code, [link.token]) is None


def test_a_guest_link_is_for_one_session_only(world: World, sessie: LiveSessie) -> None:
    link = guest_link(world, sessie)
    other = LiveSessie.objects.create(
        bijeenkomst=meeting_services.plan_bijeenkomst(
            plg=world.plg, starts_at=timezone.now(), place="Zaal", duration_minutes=60
        )
    )
    access = live_access(AnonymousUser(), sessie.code, [link.token])
    assert access is not None and access[1] == Viewer(0, "Eva Expert", Deelname.GAST)
    assert live_access(AnonymousUser(), other.code, [link.token]) is None
    assert live_access(AnonymousUser(), sessie.code, ["guessed"]) is None


def test_coach_makes_and_withdraws_a_guest_link(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.login(username=world.coach.email, password=PASSWORD)
    url = reverse("live_gast_nieuw", args=[sessie.bijeenkomst_id])
    refused = client.post(url, {"name": "Eva", "hours": "500"})
    assert refused.status_code == 400
    assert 'value="Eva"' in refused.content.decode()  # what was typed is kept
    assert not Gastlink.objects.exists()
    client.post(url, {"name": "Eva", "hours": "3"})
    link = Gastlink.objects.get()
    assert timedelta(hours=2, minutes=59) < link.expires_at - timezone.now() <= timedelta(hours=3)
    page = client.get(reverse("live", args=[sessie.bijeenkomst_id])).content.decode()
    assert reverse("live_gast", args=[link.token]) in page
    client.post(reverse("live_gast_intrekken", args=[sessie.bijeenkomst_id, link.pk]))
    assert not Gastlink.objects.get().is_valid(timezone.now())


def test_a_guest_link_leads_to_the_site_whatever_host_the_request_named(
    client: Client, world: World, sessie: LiveSessie, settings: Settings
) -> None:
    settings.SITE_URL = "https://plg.example"
    link = guest_link(world, sessie)
    client.login(username=world.coach.email, password=PASSWORD)
    page = client.get(
        reverse("live", args=[sessie.bijeenkomst_id]), HTTP_HOST="evil.example"
    ).content.decode()
    assert f'value="https://plg.example{reverse("live_gast", args=[link.token])}"' in page
    assert "evil.example" not in page


def test_the_way_to_join_names_the_sites_own_address(
    client: Client, world: World, sessie: LiveSessie, settings: Settings
) -> None:
    settings.SITE_URL = "https://plg.example"
    client.login(username=world.member.email, password=PASSWORD)
    page = client.get(
        reverse("live", args=[sessie.bijeenkomst_id]), HTTP_HOST="evil.example"
    ).content.decode()
    assert f"<strong>plg.example{reverse('live_join')}</strong>" in page
    assert "evil.example" not in page


@pytest.mark.django_db(transaction=True)
def test_a_guest_joins_the_socket_sees_the_board_and_cannot_write(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    link = guest_link(world, sessie)
    client.get(reverse("live_gast", args=[link.token]))
    session_key = client.cookies["sessionid"].value

    async def scenario() -> list[Any]:
        guest = Patient(
            APP,
            f"/ws/live/{sessie.code}/",
            headers=[(b"cookie", f"sessionid={session_key}".encode())],
        )
        from channels.auth import AuthMiddlewareStack

        guest.application = AuthMiddlewareStack(APP)
        connected, _ = await guest.connect()
        assert connected
        first = await guest.receive_json_from()
        await guest.send_json_to({"type": "card.add", "blok": 1, "text": "Hallo"})
        answer = await guest.receive_json_from()
        await guest.disconnect()
        return [first, answer]

    first, answer = play(scenario())
    assert first["viewer"]["role"] == "gast" and first["viewer"]["mine"] == []
    assert answer["type"] == "error" and "gast" in answer["message"]
    assert not Kaart.objects.exists()


# School leaders -----------------------------------------------------------------------------


def test_the_school_leader_joins_only_when_listed_as_attending(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    url = reverse("live", args=[sessie.bijeenkomst_id])
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(url).status_code == 404
    assert live_access(world.leader, sessie.code) is None

    client.login(username=world.coach.email, password=PASSWORD)
    client.post(
        reverse("live_schoolleiders", args=[sessie.bijeenkomst_id]),
        {"schoolleiders": [world.leader.pk]},
    )
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("home")).content.decode()
    access = live_access(world.leader, sessie.code)
    assert access is not None and access[1].role == Deelname.SCHOOLLEIDER
    # a leader of another school cannot be listed
    client.login(username=world.coach.email, password=PASSWORD)
    client.post(
        reverse("live_schoolleiders", args=[sessie.bijeenkomst_id]),
        {"schoolleiders": [world.other_leader.pk]},
    )
    assert list(sessie.schoolleiders.all()) == [world.leader]
    assert live_access(world.other_leader, sessie.code) is None


@pytest.mark.parametrize(
    ("persona", "listed", "role"),
    [
        ("coach", False, Deelname.COACH),
        ("member", False, Deelname.LID),
        ("leader", True, Deelname.SCHOOLLEIDER),
        ("leader", False, None),
        ("other_leader", True, None),  # listed, but leads none of the PLG's schools
        ("colleague", True, None),
        ("outsider", False, None),
    ],
)
def test_joining_and_every_command_follow_the_same_rule(
    world: World, sessie: LiveSessie, persona: str, listed: bool, role: str | None
) -> None:
    user = world.persona(persona)
    if listed:
        sessie.schoolleiders.add(user)
    joined = viewer_for(user, sessie)
    assert (joined.role if joined else None) == role
    viewer = Viewer(user.pk, "x", role or Deelname.SCHOOLLEIDER)
    write = {
        "type": "round.write",
        "blok": blok(sessie, "checkin"),
        "text": "Hier",
        "audience": "ik",
    }
    if role is None:
        with pytest.raises(Revoked):
            commands.apply(sessie.pk, viewer, write)
    else:
        commands.apply(sessie.pk, viewer, write)


def test_only_leaders_of_the_plgs_schools_can_be_listed_as_attending(
    world: World, sessie: LiveSessie
) -> None:
    from plg.live.services import set_attending_leaders

    set_attending_leaders(sessie=sessie, leaders=[world.leader, world.other_leader, world.member])
    assert list(sessie.schoolleiders.all()) == [world.leader]


# Rounds -------------------------------------------------------------------------------------


def test_a_check_in_turn_shows_no_countdown_unless_the_coach_chooses_one(
    world: World, sessie: LiveSessie
) -> None:
    commands.apply(sessie.pk, coach(world), {"type": "step.start", "blok": blok(sessie, "checkin")})
    state = state_for(sessie, member(world))
    assert state["turn_name"] and state["turn_remaining"] is None


def test_check_in_turns_have_a_time_per_person_the_coach_sets(
    world: World, sessie: LiveSessie
) -> None:
    commands.apply(sessie.pk, coach(world), {"type": "step.start", "blok": blok(sessie, "checkin")})
    commands.apply(sessie.pk, coach(world), {"type": "round.setup", "seconds": 90, "clock": True})
    state = state_for(sessie, member(world))
    assert state["seconds_per_turn"] == 90
    assert 85 <= state["turn_remaining"] <= 90
    first = state["turn_name"]
    commands.apply(sessie.pk, coach(world), {"type": "turn.next"})
    assert state_for(sessie, member(world))["turn_name"] not in {first, ""}


def test_written_round_contributions_reach_only_their_audience(
    world: World, sessie: LiveSessie
) -> None:
    sessie.schoolleiders.add(world.leader)
    checkin = blok(sessie, "checkin")
    commands.apply(
        sessie.pk,
        member(world),
        {"type": "round.write", "blok": checkin, "text": "Moe maar blij", "audience": "ik"},
    )
    commands.apply(
        sessie.pk,
        coach(world),
        {"type": "round.write", "blok": checkin, "text": "Trots op de groep", "audience": "plg"},
    )
    commands.apply(
        sessie.pk,
        leader(world),
        {"type": "round.write", "blok": checkin, "text": "Fijn hier", "audience": "leiding"},
    )

    def texts(viewer: Viewer) -> set[str]:
        return {w["text"] for w in state_for(sessie, viewer)["written"]}

    assert texts(member(world)) == {"Moe maar blij", "Trots op de groep", "Fijn hier"}
    assert texts(coach(world)) == {"Trots op de groep", "Fijn hier"}
    assert texts(leader(world)) == {"Fijn hier"}
    assert texts(Viewer(0, "Eva", Deelname.GAST)) == set()
    assert "Moe maar blij" not in live_state.broadcast(live_state.snapshot(sessie.pk)).public


def test_writing_is_for_rounds_only(world: World, sessie: LiveSessie) -> None:
    with pytest.raises(Refused, match="check-in en de check-out"):
        commands.apply(
            sessie.pk,
            member(world),
            {
                "type": "round.write",
                "blok": blok(sessie, "verwerking"),
                "text": "x",
                "audience": "plg",
            },
        )


def test_check_out_is_stored_from_the_live_screen_with_ticked_goals(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    bijeenkomst = sessie.bijeenkomst
    bijeenkomst.doelen = "- Leervraag kiezen\n- Data verzamelen"
    bijeenkomst.save()
    client.login(username=world.coach.email, password=PASSWORD)
    url = reverse("terugblik", args=[bijeenkomst.pk]) + "?vanuit=live"
    form = client.get(url).content.decode()
    assert "Leervraag kiezen" in form and "Data verzamelen" in form
    response = client.post(
        url,
        {
            "doelen_gehaald": ["Leervraag kiezen"],
            "doelen_bereikt": "deels",
            "volgende_stap": "Lezen",
            "audience": "plg",
            "opdracht-TOTAL_FORMS": "0",
            "opdracht-INITIAL_FORMS": "0",
        },
    )
    assert response["Location"] == reverse("live", args=[bijeenkomst.pk])
    terugblik = Terugblik.objects.get()
    assert terugblik.doelen_gehaald == ["Leervraag kiezen"]
    summary = client.get(reverse("samenvatting", args=[bijeenkomst.pk])).content.decode()
    assert "✓ Leervraag kiezen" in summary and "Data verzamelen" not in summary


# Steps --------------------------------------------------------------------------------------


def test_coach_moves_a_step_and_gives_it_another_werkvorm(world: World, sessie: LiveSessie) -> None:
    verwerking = blok(sessie, "verwerking")
    before = [b["id"] for b in state_for(sessie, member(world))["blokken"]]
    commands.apply(
        sessie.pk, coach(world), {"type": "blok.move", "blok": verwerking, "direction": "up"}
    )
    after = [b["id"] for b in state_for(sessie, member(world))["blokken"]]
    i = before.index(verwerking)
    assert after[i - 1] == verwerking and after[i] == before[i - 1]
    bbb = Werkvorm.objects.get(slug="borgen-bannen-beginnen", school=None)
    commands.apply(
        sessie.pk, coach(world), {"type": "blok.werkvorm", "blok": verwerking, "werkvorm": bbb.pk}
    )
    shown = next(b for b in state_for(sessie, member(world))["blokken"] if b["id"] == verwerking)
    assert shown["board"] == "borgen-bannen-beginnen" and shown["zones"] == [
        "borgen",
        "bannen",
        "beginnen",
    ]


def test_werkvorm_of_another_school_or_another_board_with_cards_is_refused(
    world: World, sessie: LiveSessie
) -> None:
    verwerking = blok(sessie, "verwerking")
    elders = Werkvorm.objects.create(school=world.other, name="Eigen", slug="eigen", steps=[])
    with pytest.raises(Refused, match="catalogus"):
        commands.apply(
            sessie.pk,
            coach(world),
            {"type": "blok.werkvorm", "blok": verwerking, "werkvorm": elders.pk},
        )
    commands.apply(
        sessie.pk,
        member(world),
        {"type": "card.add", "blok": verwerking, "text": "Sterk team", "zone": Zone.STERKTE},
    )
    kandoe = Werkvorm.objects.get(slug="kandoe", school=None)
    with pytest.raises(Refused, match="al kaarten"):
        commands.apply(
            sessie.pk,
            coach(world),
            {"type": "blok.werkvorm", "blok": verwerking, "werkvorm": kandoe.pk},
        )


# Beginsituatie: write alone, reveal, cluster -------------------------------------------------


def test_beginsituatie_clusters_after_the_reveal_within_one_quadrant(
    world: World, sessie: LiveSessie
) -> None:
    verwerking = blok(sessie, "verwerking")
    for text, zone in [("Sterk team", Zone.STERKTE), ("Goede sfeer", Zone.STERKTE)]:
        commands.apply(
            sessie.pk,
            member(world),
            {"type": "card.add", "blok": verwerking, "text": text, "zone": zone},
        )
    commands.apply(
        sessie.pk,
        coach(world),
        {"type": "card.add", "blok": verwerking, "text": "Weinig tijd", "zone": Zone.ZWAKTE},
    )
    ids = {k.text: k.pk for k in Kaart.objects.all()}
    assert {c["text"] for c in state_for(sessie, coach(world))["cards"]} == {"Weinig tijd", ""}
    merge = {"type": "card.merge", "cards": [ids["Sterk team"], ids["Goede sfeer"]], "text": "Wij"}
    with pytest.raises(Refused, match="toont"):
        commands.apply(sessie.pk, coach(world), merge)
    commands.apply(sessie.pk, coach(world), {"type": "step.start", "blok": verwerking})
    commands.apply(sessie.pk, coach(world), {"type": "board.reveal"})
    with pytest.raises(Refused, match="hetzelfde vak"):
        commands.apply(
            sessie.pk,
            coach(world),
            merge | {"cards": [ids["Sterk team"], ids["Weinig tijd"]]},
        )
    commands.apply(sessie.pk, coach(world), merge)
    cluster = next(c for c in state_for(sessie, member(world))["cards"] if c["text"] == "Wij")
    assert cluster["zone"] == Zone.STERKTE
    assert sorted(cluster["members"]) == ["Goede sfeer", "Sterk team"]


@pytest.mark.parametrize(
    "command", [{"type": "card.move", "zone": Zone.KANS}, {"type": "card.park"}]
)
def test_nobody_moves_or_parks_a_card_of_someone_else_while_the_board_hides_it(
    world: World, sessie: LiveSessie, command: dict[str, Any]
) -> None:
    kaart = Kaart.objects.create(
        sessie=sessie,
        blok_id=blok(sessie, "verwerking"),
        author=world.member,
        text="Geheim",
        zone=Zone.STERKTE,
    )
    with pytest.raises(Refused, match="Wacht tot de procescoach de kaarten toont"):
        commands.apply(sessie.pk, coach(world), command | {"card": kaart.pk, "version": 0})
    kaart.refresh_from_db()
    assert (kaart.zone, kaart.parked, kaart.version) == (Zone.STERKTE, False, 0)


def test_the_author_moves_and_parks_their_own_hidden_card(world: World, sessie: LiveSessie) -> None:
    kaart = Kaart.objects.create(
        sessie=sessie,
        blok_id=blok(sessie, "verwerking"),
        author=world.member,
        text="Geheim",
        zone=Zone.STERKTE,
    )
    move = {"type": "card.move", "card": kaart.pk, "version": 0, "zone": Zone.KANS}
    commands.apply(sessie.pk, member(world), move)
    commands.apply(sessie.pk, member(world), {"type": "card.park", "card": kaart.pk, "version": 1})
    kaart.refresh_from_db()
    assert (kaart.zone, kaart.parked) == (Zone.KANS, True)


# Sharing the results ------------------------------------------------------------------------


def test_summary_for_a_leader_follows_what_the_coach_shared(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    verwerking = sessie.bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    Kaart.objects.create(
        sessie=sessie, blok=verwerking, author=world.member, text="Sterk team", zone=Zone.STERKTE
    )
    sessie.revealed_blokken = [verwerking.pk]
    sessie.save()
    url = reverse("samenvatting", args=[sessie.bijeenkomst_id])
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(url).status_code == 404
    commands.apply(sessie.pk, coach(world), {"type": "session.share", "audience": "leiding"})
    page = client.get(url).content.decode()
    assert "Sterk team" in page and "Mehdi" not in page
    assert url in client.get(reverse("gedeeld", args=[world.plg.pk])).content.decode()
    client.login(username=world.colleague.email, password=PASSWORD)
    assert client.get(url).status_code == 404
    client.login(username=world.member.email, password=PASSWORD)
    assert "Mehdi" in client.get(url).content.decode()


def test_a_cards_why_can_link_to_the_schools_values(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    client.login(username=world.leader.email, password=PASSWORD)
    client.post(
        reverse("school_overview", args=[world.school.pk]),
        {"werkgroep_minutes": "50", "waarden": "Elk kind telt\n\nSamen leren"},
    )
    world.school.refresh_from_db()
    assert world.school.waarden_lijst() == ["Elk kind telt", "Samen leren"]
    client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("live", args=[sessie.bijeenkomst_id])).content.decode()
    assert '<option value="Elk kind telt">' in page and 'list="live-waarden"' in page


# Anonymous in a small group ------------------------------------------------------------------


@pytest.mark.parametrize(("others", "warned"), [(0, True), (1, True), (2, False)])
def test_the_anonymous_box_warns_that_a_small_group_can_trace_a_card(
    client: Client, world: World, sessie: LiveSessie, others: int, warned: bool
) -> None:
    """Coach and member, plus ``others``: two or three people are a small group."""
    from plg.accounts.models import User
    from plg.communities.models import Lidmaatschap

    for n in range(others):
        user = User.objects.create_user(f"lid{n}@regenboog.example", PASSWORD)
        Lidmaatschap.objects.create(plg=world.plg, user=user)
    client.login(username=world.member.email, password=PASSWORD)
    page = client.get(reverse("live", args=[sessie.bijeenkomst_id])).content.decode()
    assert 'id="live-card-named"' in page
    note = "kunnen de anderen een anonieme kaart vaak toch herleiden"
    assert (note in page) is warned


def test_an_attending_leader_counts_for_the_size_of_the_group(
    client: Client, world: World, sessie: LiveSessie
) -> None:
    from plg.accounts.models import User
    from plg.communities.models import Lidmaatschap

    Lidmaatschap.objects.create(
        plg=world.plg, user=User.objects.create_user("lid@regenboog.example", PASSWORD)
    )
    client.login(username=world.member.email, password=PASSWORD)
    url = reverse("live", args=[sessie.bijeenkomst_id])
    assert "anonieme kaart vaak toch herleiden" in client.get(url).content.decode()
    sessie.schoolleiders.add(world.leader)
    assert "anonieme kaart vaak toch herleiden" not in client.get(url).content.decode()
