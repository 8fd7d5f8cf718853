"""An expert's visit: questions proposed from the leervraag, rewritten by the group, sent ahead
to the expert with nothing else of the PLG in the mail."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.communities.models import Notitie
from plg.communities.sharing import Audience
from plg.meetings import expert
from plg.meetings.models import Expertbezoek
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.lfl import expertbezoek, met_leervraag
from plg.post import geldig
from plg.post.models import Bericht, Soort, Status

LEERVRAAG = "Waarom geven we in het vijfde leerjaar zo weinig feedback die leerlingen verder helpt?"


def _login(client: Client, world: World, persona: str) -> None:
    assert client.login(username=world.persona(persona).email, password=PASSWORD)


def test_the_proposed_questions_start_from_the_leervraag() -> None:
    vragen = expert.voorgestelde_vragen(LEERVRAAG)
    assert LEERVRAAG in vragen[0]
    assert len(vragen) == 5


def test_the_new_visit_form_proposes_questions_from_the_chosen_leervraag(
    client: Client, world: World
) -> None:
    met_leervraag(world, LEERVRAAG)
    _login(client, world, "coach")
    response = client.get(reverse("expertbezoek_nieuw", args=[world.plg.pk]))
    assert LEERVRAAG in response.content.decode()
    assert response.context["form"].initial["vragen"].startswith("Wat weet u")


def test_a_visit_during_a_bijeenkomst_takes_its_date(client: Client, world: World) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    _login(client, world, "coach")
    response = client.post(
        reverse("expertbezoek_nieuw", args=[world.plg.pk]),
        {
            "naam": "Dr. Feedback",
            "email": "feedback@hogeschool.example",
            "bijeenkomst": bijeenkomst.pk,
            "datum": "",
            "vragen": "Hoe geven jullie feedback?",
        },
    )
    bezoek = Expertbezoek.objects.get()
    assert response.status_code == 302
    assert bezoek.datum == timezone.localtime(bijeenkomst.starts_at).date()
    assert bezoek.created_by == world.coach


def test_a_visit_in_the_past_is_refused_naming_the_date(client: Client, world: World) -> None:
    _login(client, world, "coach")
    response = client.post(
        reverse("expertbezoek_nieuw", args=[world.plg.pk]),
        {
            "naam": "Dr. Feedback",
            "email": "feedback@hogeschool.example",
            "datum": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "vragen": "Een vraag",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Datum van het bezoek" in page and "Kies een datum vanaf vandaag." in page
    assert "Dr. Feedback" in page
    assert not Expertbezoek.objects.exists()


def test_a_member_rewrites_the_questions_but_not_the_address(client: Client, world: World) -> None:
    bezoek = expertbezoek(world)
    _login(client, world, "member")
    response = client.post(
        reverse("expertbezoek_detail", args=[bezoek.pk]),
        {"version": bezoek.version, "vragen": "Onze eigen vraag?", "email": "ander@x.example"},
    )
    bezoek.refresh_from_db()
    assert response.status_code == 302
    assert bezoek.vragen == "Onze eigen vraag?"
    assert bezoek.email == "expert@hogeschool.example"
    assert bezoek.last_saved_by == world.member


def test_a_stale_edit_of_the_questions_writes_nothing(client: Client, world: World) -> None:
    bezoek = expertbezoek(world)
    opened = bezoek.version
    bezoek.vragen = "Intussen bewaard"
    bezoek.save()
    _login(client, world, "member")
    response = client.post(
        reverse("expertbezoek_detail", args=[bezoek.pk]), {"version": opened, "vragen": "Mijn"}
    )
    assert response.status_code == 409
    assert Expertbezoek.objects.get().vragen == "Intussen bewaard"


def test_sending_queues_one_mail_to_the_expert_with_leervraag_and_questions(
    client: Client, world: World
) -> None:
    met_leervraag(world, LEERVRAAG)
    bezoek = expertbezoek(world, vragen="Hoe geef je feedback die werkt?\nWat zegt onderzoek?")
    _login(client, world, "coach")
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    mail = Bericht.objects.get()
    assert mail.soort == Soort.EXPERTBEZOEK
    assert mail.aan == "expert@hogeschool.example"
    assert mail.door == world.coach
    assert LEERVRAAG in mail.tekst
    assert "- Hoe geef je feedback die werkt?" in mail.tekst
    assert "- Wat zegt onderzoek?" in mail.tekst
    assert world.coach.display_name in mail.tekst


def test_the_mail_carries_nothing_of_the_members_notes_or_names(
    client: Client, world: World
) -> None:
    met_leervraag(world, LEERVRAAG)
    for audience in Audience:
        Notitie.objects.create(
            plg=world.plg, author=world.member, text=f"GEHEIM-{audience}", audience=audience
        )
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, doelen="DOEL-VAN-DE-GROEP")
    bezoek = expertbezoek(world, bijeenkomst=bijeenkomst)
    _login(client, world, "coach")
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    mail = Bericht.objects.get()
    text = mail.onderwerp + mail.tekst
    assert "GEHEIM" not in text
    assert "DOEL-VAN-DE-GROEP" not in text
    assert world.member.first_name not in text
    assert world.member.email not in text


def test_sending_the_same_questions_twice_stores_one_mail(client: Client, world: World) -> None:
    bezoek = expertbezoek(world)
    _login(client, world, "coach")
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    assert Bericht.objects.count() == 1


def test_rewritten_questions_go_in_a_mail_of_their_own(client: Client, world: World) -> None:
    bezoek = expertbezoek(world)
    _login(client, world, "coach")
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    bezoek.vragen = "Een betere vraag?"
    bezoek.save()
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    assert Bericht.objects.count() == 2
    assert "Een betere vraag?" in Bericht.objects.latest("pk").tekst


def test_no_mail_leaves_for_a_visit_that_passed(client: Client, world: World) -> None:
    bezoek = expertbezoek(world)
    Expertbezoek.objects.filter(pk=bezoek.pk).update(datum=timezone.localdate() - timedelta(1))
    _login(client, world, "coach")
    client.post(reverse("expertbezoek_versturen", args=[bezoek.pk]))
    assert not Bericht.objects.exists()


def test_a_failed_mail_may_go_again_only_for_the_current_questions(world: World) -> None:
    bezoek = expertbezoek(world)
    expert.send_expertbezoek(bezoek=bezoek, door=world.coach)
    Bericht.objects.update(status=Status.MISLUKT)
    mail = Bericht.objects.get()
    assert geldig.may_resend(world.coach, [mail]) == {mail.pk}
    assert geldig.may_resend(world.member, [mail]) == set()
    bezoek.vragen = "Anders"
    bezoek.save()
    assert geldig.may_resend(world.coach, [mail]) == set()
