"""The tandem of procescoach and school leader: what each side may do, and who reads what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.live.authorizers import live_access
from plg.live.models import LiveSessie
from plg.live.participants import Deelname
from plg.meetings.models import Bijeenkomst
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.post import geldig
from plg.post.models import Bericht, Soort, Status
from plg.tandem import services
from plg.tandem.models import Antwoord, Steunvraag, Tandem, Tandemmoment
from plg.tandem.tests.factories import AFSPRAAK, steunvraag_of, tandem_of, uitnodiging_of

NOTE = "Vertrouwelijk: de vervanging loopt mis."


def _login(client: Client, world: World, persona: str) -> None:
    assert client.login(username=world.persona(persona).email, password=PASSWORD)


def test_a_tandem_is_formed_only_with_a_leader_of_the_plgs_schools(world: World) -> None:
    with pytest.raises(services.NotALeader):
        services.start_tandem(
            plg=world.plg, coach=world.coach, schoolleider=world.other_leader, afspraak=AFSPRAAK
        )
    assert not Tandem.objects.exists()


def test_the_agreement_holds_once_the_other_side_agrees(world: World) -> None:
    tandem = tandem_of(world)
    assert not services.agree(tandem=tandem, by=world.coach)
    assert not tandem.is_akkoord
    assert services.agree(tandem=tandem, by=world.leader)
    assert tandem.is_akkoord


def test_a_change_to_the_agreement_waits_for_the_other_side_again(world: World) -> None:
    tandem = tandem_of(world, akkoord=True)
    services.propose_afspraak(tandem=tandem, by=world.leader, afspraak=AFSPRAAK)
    assert not tandem.is_akkoord
    assert not services.may_agree(tandem, world.leader)
    assert services.may_agree(tandem, world.coach)


def test_the_coach_proposes_and_the_leader_agrees_through_the_pages(
    client: Client, world: World
) -> None:
    _login(client, world, "coach")
    response = client.post(
        reverse("tandem_start", args=[world.plg.pk]),
        {
            "schoolleider": world.leader.pk,
            "delen": "De leervraag",
            "binnen_plg": "De leerlogs",
            "overleg": "Elke maand",
            "budget": "150 euro voor boeken",
        },
    )
    assert response.status_code == 302
    _login(client, world, "leader")
    client.post(reverse("tandem_akkoord", args=[world.plg.pk]))
    tandem = Tandem.objects.get(plg=world.plg)
    assert tandem.is_akkoord and tandem.budget == "150 euro voor boeken"


def test_a_start_without_what_is_shared_names_the_field_and_keeps_what_was_typed(
    client: Client, world: World
) -> None:
    _login(client, world, "coach")
    response = client.post(
        reverse("tandem_start", args=[world.plg.pk]),
        {"schoolleider": world.leader.pk, "binnen_plg": "De leerlogs", "overleg": "Elke maand"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "wat we met de schoolleider delen" in page.lower() and "Elke maand" in page
    assert not Tandem.objects.exists()


@pytest.mark.parametrize("persona", ["member", "colleague", "advisor", "other_leader"])
def test_tandem_notes_are_read_by_the_two_only(client: Client, world: World, persona: str) -> None:
    tandem = tandem_of(world, akkoord=True)
    services.add_moment(
        tandem=tandem, author=world.coach, datum=tandem.created_at.date(), notitie=NOTE
    )
    _login(client, world, "leader")
    assert NOTE in client.get(reverse("tandem", args=[world.plg.pk])).content.decode()
    _login(client, world, persona)
    for name in ("tandem", "plg_detail", "gedeeld", "home"):
        assert NOTE not in client.get(reverse(name, args=_args(name, world))).content.decode()


def _args(name: str, world: World) -> list[object]:
    return [] if name == "home" else [world.plg.pk]


def test_members_read_what_is_shared_and_what_stays_inside_once_agreed(
    client: Client, world: World
) -> None:
    tandem = tandem_of(world)
    _login(client, world, "member")
    url = reverse("plg_detail", args=[world.plg.pk])
    assert AFSPRAAK.binnen_plg not in client.get(url).content.decode()
    services.agree(tandem=tandem, by=world.leader)
    page = client.get(url).content.decode()
    assert AFSPRAAK.binnen_plg in page and AFSPRAAK.tijd not in page


def test_the_leader_answers_a_request_for_support(client: Client, world: World) -> None:
    vraag = steunvraag_of(world)
    _login(client, world, "leader")
    client.post(
        reverse("tandem_steunantwoord", args=[world.plg.pk, vraag.pk]),
        {f"steun{vraag.pk}-antwoord": "ja", f"steun{vraag.pk}-toelichting": "Ik bel Els."},
    )
    vraag.refresh_from_db()
    assert vraag.antwoord == Antwoord.JA and vraag.toelichting == "Ik bel Els."


def test_the_coach_cannot_answer_their_own_request(client: Client, world: World) -> None:
    vraag = steunvraag_of(world)
    _login(client, world, "coach")
    response = client.post(
        reverse("tandem_steunantwoord", args=[world.plg.pk, vraag.pk]),
        {f"steun{vraag.pk}-antwoord": "ja"},
    )
    assert response.status_code == 403
    assert Steunvraag.objects.get().is_open


def test_the_leader_attends_only_after_the_coachs_invitation_and_a_yes(
    client: Client, world: World
) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    live_url = reverse("live", args=[bijeenkomst.pk])
    _login(client, world, "leader")
    assert client.get(live_url).status_code == 404
    aanwezigheid = services.invite_schoolleider(
        tandem=tandem_of(world), bijeenkomst=bijeenkomst, by=world.coach
    )
    assert client.get(live_url).status_code == 404
    client.post(reverse("tandem_komt", args=[world.plg.pk, aanwezigheid.pk]), {"komt": "ja"})
    assert client.get(live_url).status_code == 200
    access = live_access(world.leader, LiveSessie.objects.get(bijeenkomst=bijeenkomst).code)
    assert access is not None and access[1].role == Deelname.SCHOOLLEIDER


def test_a_no_after_a_yes_takes_the_leader_off_the_list(world: World) -> None:
    aanwezigheid = uitnodiging_of(world)
    services.answer_uitnodiging(aanwezigheid=aanwezigheid, komt=True)
    services.answer_uitnodiging(aanwezigheid=aanwezigheid, komt=False)
    sessie = LiveSessie.objects.get(bijeenkomst=aanwezigheid.bijeenkomst)
    assert not sessie.schoolleiders.exists()


def test_a_bijeenkomst_of_another_plg_cannot_be_the_invitation(world: World) -> None:
    elders = BijeenkomstFactory.create()
    with pytest.raises(ValueError):
        services.invite_schoolleider(tandem=tandem_of(world), bijeenkomst=elders, by=world.coach)


def test_the_leaders_view_shows_the_leervraag_and_no_member_names(
    client: Client, world: World
) -> None:
    from plg.communities import services as community_services

    leervraag = community_services.add_leervraag(
        plg=world.plg, text="Waarom geven we huiswerk?", author=world.member
    )
    world.plg.gekozen_leervraag = leervraag
    world.plg.save()
    _login(client, world, "leader")
    page = client.get(reverse("plg_detail", args=[world.plg.pk])).content.decode()
    assert "Waarom geven we huiswerk?" in page
    assert reverse("gedeeld", args=[world.plg.pk]) in page
    assert world.member.display_name not in page and world.coach.display_name not in page


def test_a_leader_who_no_longer_leads_the_school_is_out_of_the_tandem(
    client: Client, world: World
) -> None:
    tandem_of(world, akkoord=True)
    world.leader.aanstellingen.all().delete()
    _login(client, world, "leader")
    assert client.get(reverse("tandem", args=[world.plg.pk])).status_code == 404
    assert not Tandemmoment.objects.exists()


def test_the_leader_finds_the_plg_from_the_school_overview_and_the_tandem_from_home(
    client: Client, world: World
) -> None:
    tandem_of(world)
    _login(client, world, "leader")
    overview = client.get(reverse("school_overview", args=[world.school.pk])).content.decode()
    assert reverse("plg_detail", args=[world.plg.pk]) in overview
    assert reverse("tandem", args=[world.plg.pk]) in client.get(reverse("home")).content.decode()


def test_an_invitation_to_a_bijeenkomst_of_an_archived_plg_is_not_answered(
    client: Client, world: World
) -> None:
    aanwezigheid = uitnodiging_of(world)
    world.plg.fase = "afgesloten"
    world.plg.save()
    _login(client, world, "leader")
    url = reverse("tandem_komt", args=[world.plg.pk, aanwezigheid.pk])
    assert client.post(url, {"komt": "ja"}).status_code == 403
    assert not LiveSessie.objects.filter(bijeenkomst=aanwezigheid.bijeenkomst).exists()


def test_the_coach_invites_the_leader_to_a_bijeenkomst_ahead_through_the_page(
    client: Client, world: World
) -> None:
    tandem_of(world, akkoord=True)
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    _login(client, world, "coach")
    page = client.get(reverse("tandem", args=[world.plg.pk])).content.decode()
    assert reverse("tandem_uitnodigen", args=[world.plg.pk]) in page
    client.post(reverse("tandem_uitnodigen", args=[world.plg.pk]), {"bijeenkomst": bijeenkomst.pk})
    aanwezigheid = Tandem.objects.get().uitnodigingen.get()
    assert aanwezigheid.bijeenkomst == bijeenkomst and aanwezigheid.komt is None
    assert not LiveSessie.objects.filter(bijeenkomst=bijeenkomst).exists()


def test_a_moment_without_a_date_names_the_field_and_keeps_the_note(
    client: Client, world: World
) -> None:
    tandem_of(world)
    _login(client, world, "leader")
    response = client.post(
        reverse("tandem_moment", args=[world.plg.pk]), {"datum": "", "notitie": NOTE}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<a href="#id_datum">Datum</a>' in page and NOTE in page
    assert not Tandemmoment.objects.exists()


def test_an_answer_without_a_choice_writes_nothing(client: Client, world: World) -> None:
    vraag = steunvraag_of(world)
    _login(client, world, "leader")
    response = client.post(
        reverse("tandem_steunantwoord", args=[world.plg.pk, vraag.pk]),
        {f"steun{vraag.pk}-toelichting": "Misschien in mei."},
    )
    assert response.status_code == 400 and "Misschien in mei." in response.content.decode()
    assert Steunvraag.objects.get().is_open


def test_the_leader_proposes_a_change_and_the_coach_agrees(client: Client, world: World) -> None:
    tandem_of(world, akkoord=True)
    _login(client, world, "leader")
    client.post(
        reverse("tandem_afspraak", args=[world.plg.pk]),
        {"delen": "Ook de terugblikken", "binnen_plg": "De leerlogs", "overleg": "Maandelijks"},
    )
    assert not Tandem.objects.get().is_akkoord
    _login(client, world, "coach")
    client.post(reverse("tandem_akkoord", args=[world.plg.pk]))
    tandem = Tandem.objects.get()
    assert tandem.is_akkoord and tandem.delen == "Ook de terugblikken"


def test_the_coach_withdraws_an_invitation_and_the_leader_no_longer_attends(
    client: Client, world: World
) -> None:
    aanwezigheid = uitnodiging_of(world)
    services.answer_uitnodiging(aanwezigheid=aanwezigheid, komt=True)
    _login(client, world, "coach")
    url = reverse("tandem_uitnodiging_intrekken", args=[world.plg.pk, aanwezigheid.pk])
    assert url in client.get(reverse("tandem", args=[world.plg.pk])).content.decode()
    client.post(url)
    assert not tandem_of(world).uitnodigingen.exists()
    assert not LiveSessie.objects.get(bijeenkomst=aanwezigheid.bijeenkomst).schoolleiders.exists()
    assert aanwezigheid.bijeenkomst in services.invitable(tandem_of(world))


def test_an_invitation_to_a_past_bijeenkomst_stays(client: Client, world: World) -> None:
    aanwezigheid = uitnodiging_of(world)
    Bijeenkomst.objects.filter(pk=aanwezigheid.bijeenkomst_id).update(
        starts_at=timezone.now() - timedelta(days=1)
    )
    _login(client, world, "coach")
    response = client.post(
        reverse("tandem_uitnodiging_intrekken", args=[world.plg.pk, aanwezigheid.pk])
    )
    assert response.status_code == 403
    assert tandem_of(world).uitnodigingen.exists()


def test_the_invited_leader_gets_a_mail_with_the_date_and_no_word_of_the_plgs_work(
    world: World,
) -> None:
    world.plg.praktijknood = NOTE
    world.plg.save()
    aanwezigheid = uitnodiging_of(world)
    mail = Bericht.objects.get(soort=Soort.TANDEM_UITNODIGING)
    assert mail.aan == world.leader.email
    assert f"{timezone.localtime(aanwezigheid.bijeenkomst.starts_at):%d/%m/%Y}" in mail.onderwerp
    assert reverse("tandem", args=[world.plg.pk]) in mail.tekst
    assert NOTE not in mail.tekst and world.member.display_name not in mail.tekst


def test_a_withdrawn_invitation_keeps_its_unsent_mail_home(world: World) -> None:
    aanwezigheid = uitnodiging_of(world)
    services.withdraw_uitnodiging(aanwezigheid=aanwezigheid)
    assert Bericht.objects.get(soort=Soort.TANDEM_UITNODIGING).status == Status.INGETROKKEN


def test_a_failed_invitation_mail_may_go_again_only_by_the_coach_while_it_stands(
    world: World,
) -> None:
    aanwezigheid = uitnodiging_of(world)
    Bericht.objects.update(status=Status.MISLUKT)
    mail = Bericht.objects.get()
    assert geldig.may_resend(world.coach, [mail]) == {mail.pk}
    assert geldig.may_resend(world.leader, [mail]) == set()
    Bijeenkomst.objects.filter(pk=aanwezigheid.bijeenkomst_id).update(
        starts_at=timezone.now() - timedelta(hours=1)
    )
    assert geldig.may_resend(world.coach, [mail]) == set()
