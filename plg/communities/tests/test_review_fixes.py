"""Holes found in review, each closed and kept closed."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.communities import services
from plg.communities.models import Actieplan, Afronding, Lidmaatschap, Mijlpaal, Rol
from plg.communities.sharing import Audience
from plg.organisations.models import Aanstelling


def login(client: Any, user: Any) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _co_coach(world: Any) -> Any:
    Lidmaatschap.objects.filter(plg=world.plg, user=world.member).update(rol=Rol.PROCESCOACH)
    return world.member


def test_existing_account_gains_no_staff_place_by_accepting(world: Any) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.other_advisor.email, school=world.school, invited_by=world.coach
    )
    services.accept_invitation(uitnodiging=uitnodiging, user=world.other_advisor)
    assert not Aanstelling.objects.filter(user=world.other_advisor, school=world.school).exists()


def test_co_coach_cannot_open_another_coachs_private_proposal(client: Any, world: Any) -> None:
    Afronding.objects.create(
        plg=world.plg, author=world.coach, voorstel="Geheim", audience=Audience.ALLEEN_IK
    )
    login(client, _co_coach(world))
    response = client.get(reverse("afronden", args=[world.plg.pk]))
    assert response.status_code == 403 and "Geheim" not in response.content.decode()


def test_co_coach_gets_no_form_for_a_private_actieplan(client: Any, world: Any) -> None:
    Actieplan.objects.create(
        plg=world.plg,
        author=world.coach,
        target_date=timezone.localdate(),
        gewenste_verandering="Geheim plan",
        audience=Audience.ALLEEN_IK,
    )
    login(client, _co_coach(world))
    assert (
        "Geheim plan" not in client.get(reverse("actieplan", args=[world.plg.pk])).content.decode()
    )
    response = client.post(
        reverse("actieplan", args=[world.plg.pk]),
        {
            "target_date": "2027-01-01",
            "gewenste_verandering": "Overschreven",
            "audience": "netwerk",
        },
    )
    assert response.status_code == 403
    assert Actieplan.objects.get().gewenste_verandering == "Geheim plan"


def test_co_coach_cannot_celebrate_a_private_milestone(client: Any, world: Any) -> None:
    mijlpaal = Mijlpaal.objects.create(
        plg=world.plg,
        author=world.coach,
        title="Stil",
        due_date=timezone.localdate(),
        audience=Audience.ALLEEN_IK,
    )
    login(client, _co_coach(world))
    assert client.get(reverse("mijlpaal_vier", args=[world.plg.pk, mijlpaal.pk])).status_code == 404


def test_signed_in_as_someone_else_cannot_use_a_newcomer_invitation(
    client: Any, world: Any
) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    login(client, world.colleague)
    response = client.post(
        reverse("uitnodiging", args=[uitnodiging.token]),
        {
            "antwoord": "ja",
            "first_name": "N",
            "last_name": "N",
            "password1": "lang-en-veilig-99",
            "password2": "lang-en-veilig-99",
        },
    )
    assert response.status_code == 403
    assert not Lidmaatschap.objects.filter(user__email="nieuw@regenboog.example").exists()


def test_answering_twice_shows_the_clear_page(client: Any, world: Any) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    login(client, world.colleague)
    url = reverse("uitnodiging", args=[uitnodiging.token])
    client.post(url, {"antwoord": "ja"})
    response = client.post(url, {"antwoord": "ja"})
    assert response.status_code == 410


def test_werkvorm_name_without_letters_is_refused(client: Any, world: Any) -> None:
    login(client, world.coach)
    data = {
        "school": world.school.pk,
        "summary": "s",
        "wat": "w",
        "waarom": "w",
        "hoe": "h",
        "minutes": "10",
        "steps": ["input"],
    }
    client.post(reverse("werkvorm_nieuw"), data | {"name": "!!!"})
    response = client.post(reverse("werkvorm_nieuw"), data | {"name": "???"})
    assert response.status_code == 200
    assert "Gebruik minstens één letter of cijfer in de naam." in response.content.decode()


def test_check_out_saves_when_an_assignment_owner_has_left(client: Any, world: Any) -> None:
    from plg.meetings import services as meeting_services
    from plg.meetings.models import Opdracht

    bijeenkomst = meeting_services.plan_bijeenkomst(
        plg=world.plg, starts_at=timezone.now(), place="x", duration_minutes=100
    )
    opdracht = Opdracht.objects.create(
        bijeenkomst=bijeenkomst,
        owner=world.member,
        description="Lezen",
        due_date=timezone.localdate(),
    )
    Lidmaatschap.objects.filter(plg=world.plg, user=world.member).delete()
    login(client, world.coach)
    response = client.post(
        reverse("terugblik", args=[bijeenkomst.pk]),
        {
            "doelen_bereikt": "ja",
            "audience": "plg",
            "opdracht-TOTAL_FORMS": "1",
            "opdracht-INITIAL_FORMS": "1",
            "opdracht-MIN_NUM_FORMS": "0",
            "opdracht-MAX_NUM_FORMS": "1000",
            "opdracht-0-id": opdracht.pk,
            "opdracht-0-bijeenkomst": bijeenkomst.pk,
            "opdracht-0-description": "Lezen",
            "opdracht-0-owner": world.member.pk,
            "opdracht-0-due_date": "2027-01-10",
        },
    )
    assert response.status_code == 302
