"""A teacher invites a colleague into their class; bad input is refused field by field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bezoeken import authorizers, services
from plg.bezoeken.models import Klasbezoek, Status
from plg.bezoeken.tests.factories import KijkwijzerFactory
from plg.communities.models import Leervraag
from plg.post.models import Bericht, Soort
from plg.roosters.services import kalender_van


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _data(world: World, **kwargs: str) -> dict[str, str]:
    dag = timezone.localdate() + timedelta(days=7)
    return {
        "bezoeker": str(world.colleague.pk),
        "school": str(world.school.pk),
        "focus": "Hoe leerlingen elkaar helpen",
        "les": "Wiskunde",
        "klas": "3B",
        "kijken_naar": "Wie vraagt hulp aan wie?",
        "datum": f"{dag:%Y-%m-%d}",
        "begin": "10:00",
        "einde": "10:50",
    } | kwargs


def test_invitation_creates_the_visit_owned_by_the_observed_teacher(
    client: Client, world: World
) -> None:
    _login(client, world.member)
    response = client.post(reverse("bezoek_nieuw"), _data(world))
    bezoek = Klasbezoek.objects.get()
    assert response.status_code == 302
    assert (bezoek.geobserveerde, bezoek.bezoeker) == (world.member, world.colleague)
    assert bezoek.status == Status.UITGENODIGD
    assert timezone.localtime(bezoek.begin).hour == 10


def test_invitation_mails_the_visitor_a_calendar_request_without_what_the_visit_is_about(
    client: Client, world: World
) -> None:
    _login(client, world.member)
    client.post(reverse("bezoek_nieuw"), _data(world))
    bericht = Bericht.objects.get(soort=Soort.KLASBEZOEK)
    ics = bericht.bijlagen[0]["inhoud"]
    assert bericht.aan == world.colleague.email
    assert "METHOD:REQUEST" in ics
    assert "SUMMARY:Klasbezoek" in ics
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(event["organizer"]) == f"mailto:{world.member.email}"
    assert str(event["attendee"]) == f"mailto:{world.colleague.email}"
    for private in ("elkaar helpen", "hulp aan wie"):
        assert private not in bericht.tekst and private not in ics


def test_a_lesuur_of_the_school_calendar_sets_the_time(client: Client, world: World) -> None:
    uur = kalender_van(world.school).lesuren.get(nummer=2)
    _login(client, world.member)
    client.post(reverse("bezoek_nieuw"), _data(world, lesuur="2", begin="", einde=""))
    bezoek = Klasbezoek.objects.get()
    assert timezone.localtime(bezoek.begin).time() == uur.begin
    assert bezoek.lesuur == 2


def test_the_focus_can_come_from_the_plg_leervraag(client: Client, world: World) -> None:
    leervraag = Leervraag.objects.create(
        plg=world.plg, created_by=world.coach, current_text="Hoe geven we huiswerk zin?"
    )
    world.plg.gekozen_leervraag = leervraag
    world.plg.save()
    _login(client, world.member)
    kijkwijzer = KijkwijzerFactory.create(eigenaar=world.coach, plg=world.plg)
    page = client.get(reverse("bezoek_nieuw"))
    assert "Hoe geven we huiswerk zin?" in page.content.decode()
    assert page.context["form"].initial["kijkwijzer"] == kijkwijzer.pk
    client.post(reverse("bezoek_nieuw"), _data(world, focus="", leervraag=str(leervraag.pk)))
    bezoek = Klasbezoek.objects.get()
    assert (bezoek.focus, bezoek.plg) == ("Hoe geven we huiswerk zin?", world.plg)


def test_a_colleague_of_the_sister_school_may_be_invited(
    client: Client, world: World, sister_teacher: User
) -> None:
    _login(client, world.member)
    client.post(reverse("bezoek_nieuw"), _data(world, bezoeker=str(sister_teacher.pk)))
    assert Klasbezoek.objects.get().bezoeker == sister_teacher


BAD = [
    ("past", {"datum": "2020-03-02"}, "Datum", "al voorbij"),
    ("self", {"bezoeker": "member"}, "Wie nodig je uit?", "jezelf niet uitnodigen"),
    ("outsider", {"bezoeker": "outsider"}, "Wie nodig je uit?", "school of scholengemeenschap"),
    ("leader", {"bezoeker": "leader"}, "Wie nodig je uit?", "school of scholengemeenschap"),
    ("nobody", {"bezoeker": "999999"}, "Wie nodig je uit?", "school of scholengemeenschap"),
    ("end_before_start", {"einde": "09:00"}, "Einde", "na het begin"),
    ("no_time", {"begin": "", "einde": ""}, "Begin", "lesuur"),
]


@pytest.mark.parametrize(("case", "change", "label", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_invitation_names_the_field_keeps_the_input_and_writes_nothing(
    client: Client, world: World, case: str, change: dict[str, str], label: str, message: str
) -> None:
    personas = world.personas()
    values = {k: str(personas[v].pk) if v in personas else v for k, v in change.items()}
    _login(client, world.member)
    response = client.post(reverse("bezoek_nieuw"), _data(world, **values))
    page = response.content.decode()
    assert response.status_code == 422
    assert message in page
    assert label in page
    assert "Wie vraagt hulp aan wie?" in page  # what was typed stays
    assert not Klasbezoek.objects.exists()
    assert not Bericht.objects.exists()


def test_the_service_refuses_what_the_form_refuses(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.invite_bezoeker(
            geobserveerde=world.member,
            bezoeker=world.member,
            school=world.school,
            begin=timezone.now() - timedelta(days=1),
            einde=timezone.now() - timedelta(days=2),
        )
    assert set(error.value.message_dict) == {"bezoeker", "datum", "einde"}
    assert not Klasbezoek.objects.exists()


def test_the_list_of_colleagues_holds_no_leader_advisor_outsider_or_self(world: World) -> None:
    names = set(authorizers.colleagues(world.member))
    assert names == {world.coach, world.colleague}


def test_a_teacher_of_a_sister_school_may_be_asked_for_a_blitsbezoek(
    client: Client, world: World, sister_teacher: User
) -> None:
    _login(client, world.member)
    page = client.get(reverse("blits_nieuw")).content.decode()
    assert sister_teacher.display_name in page
    assert world.leader.display_name not in page


def test_a_leader_is_not_asked_along_for_co_teaching(client: Client, world: World) -> None:
    _login(client, world.member)
    page = client.get(reverse("coteaching_nieuw")).content.decode()
    assert world.colleague.display_name in page
    assert world.leader.display_name not in page


def test_a_leader_has_no_class_to_invite_into(client: Client, world: World) -> None:
    _login(client, world.leader)
    assert client.get(reverse("bezoek_nieuw")).status_code == 404
