"""The pages of blitsbezoeken, buddies and co-teaching: bad input, and who sees whose names."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bezoeken import coteaching
from plg.bezoeken.models import (
    Blitsfeedback,
    Buddykoppel,
    Buddyvoorkeur,
    CoTeachingNota,
    CoTeachingReeks,
    Klasbezoek,
)
from plg.bezoeken.schooljaar import schooljaar_van
from plg.bezoeken.tests.factories_samen import BlitsbezoekFactory, BuddyvoorkeurFactory


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _moment(days: int = 3) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_a_blitsbezoek_of_forty_minutes_is_refused_with_what_was_typed(
    client: Client, world: World
) -> None:
    _login(client, world.member)
    response = client.post(
        reverse("blits_nieuw"),
        {"bezoeker": world.colleague.pk, "begin": _moment(), "minuten": "40", "klas": "5Lat"},
    )
    assert response.status_code == 400
    assert "Een blitsbezoek duurt 10 tot 15 minuten, niet 40." in response.content.decode()
    assert 'value="5Lat"' in response.content.decode()
    assert not Klasbezoek.objects.exists()


def test_inviting_yourself_for_a_blitsbezoek_names_the_field(client: Client, world: World) -> None:
    _login(client, world.member)
    response = client.post(
        reverse("blits_nieuw"),
        {"bezoeker": world.member.pk, "begin": _moment(), "minuten": "15", "klas": "5"},
    )
    body = response.content.decode()
    assert "Welke collega nodig je uit?" in body
    assert "jezelf uitnodigen kan niet" in body
    assert not Klasbezoek.objects.exists()


def test_a_blitsbezoek_invitation_is_stored_for_the_two(client: Client, world: World) -> None:
    _login(client, world.member)
    response = client.post(
        reverse("blits_nieuw"),
        {"bezoeker": world.colleague.pk, "begin": _moment(), "minuten": "12", "klas": "5"},
    )
    bezoek = Klasbezoek.objects.get()
    assert response["Location"] == reverse("blits_detail", args=[bezoek.pk])
    assert (bezoek.geobserveerde, bezoek.bezoeker, bezoek.school) == (
        world.member,
        world.colleague,
        world.school,
    )


def _blits(world: World) -> Klasbezoek:
    return BlitsbezoekFactory.create(
        geobserveerde=world.member, bezoeker=world.colleague, school=world.school
    )


def test_empty_appreciation_is_refused_and_the_question_kept(client: Client, world: World) -> None:
    bezoek = _blits(world)
    _login(client, world.colleague)
    response = client.post(
        reverse("blits_feedback", args=[bezoek.pk]),
        {"waardering": "", "vraag": "Hoe kies je de groepjes?", "audience": "wij"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Schrijf één zin over wat je waardeerde." in body
    assert "Hoe kies je de groepjes?" in body
    assert not Blitsfeedback.objects.exists()


def test_feedback_of_two_lines_is_refused(client: Client, world: World) -> None:
    bezoek = _blits(world)
    _login(client, world.colleague)
    response = client.post(
        reverse("blits_feedback", args=[bezoek.pk]),
        {"waardering": "Mooi\nen meer", "vraag": "Hoe?", "audience": "wij"},
    )
    assert "één regel" in response.content.decode()
    assert not Blitsfeedback.objects.exists()


def test_the_observed_teacher_reads_the_feedback_on_their_page(
    client: Client, world: World
) -> None:
    bezoek = _blits(world)
    _login(client, world.colleague)
    client.post(
        reverse("blits_feedback", args=[bezoek.pk]),
        {
            "waardering": "De stille start werkte.",
            "vraag": "Hoe lang oefen je dat?",
            "audience": "wij",
        },
    )
    _login(client, world.member)
    body = client.get(reverse("samen")).content.decode()
    assert "De stille start werkte." in body
    assert "Hoe lang oefen je dat?" in body


def test_the_observed_teacher_cannot_write_the_visitors_feedback(
    client: Client, world: World
) -> None:
    bezoek = _blits(world)
    _login(client, world.member)
    assert client.get(reverse("blits_feedback", args=[bezoek.pk])).status_code == 404


def test_co_teaching_with_yourself_names_the_field(client: Client, world: World) -> None:
    _login(client, world.member)
    response = client.post(
        reverse("coteaching_nieuw"), {"partner": world.member.pk, "titel": "Lezen", "klas": "1A"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Met welke collega?" in body
    assert "co-teaching doe je niet met jezelf" in body
    assert 'value="Lezen"' in body
    assert not CoTeachingReeks.objects.exists()


def test_a_lesson_of_ten_hours_is_refused(client: Client, world: World) -> None:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    _login(client, world.colleague)
    response = client.post(
        reverse("coteaching_les_nieuw", args=[reeks.pk]),
        {"begin": _moment(), "minuten": "600", "plan": "Start", "audience": "wij"},
    )
    assert "Een les duurt tussen 10 en 240 minuten." in response.content.decode()
    assert not reeks.lessen.exists()


def test_the_partner_plans_a_lesson_both_read(client: Client, world: World) -> None:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    _login(client, world.colleague)
    client.post(
        reverse("coteaching_les_nieuw", args=[reeks.pk]),
        {"begin": _moment(), "minuten": "50", "plan": "Jij start, ik sluit af", "audience": "wij"},
    )
    _login(client, world.member)
    body = client.get(reverse("coteaching_reeks", args=[reeks.pk])).content.decode()
    assert "Jij start, ik sluit af" in body


def test_a_note_kept_to_its_writer_is_not_opened_by_the_partner(
    client: Client, world: World
) -> None:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    les = coteaching.add_les(
        reeks=reeks,
        door=world.member,
        begin=timezone.now() + timedelta(hours=1),
        minuten=50,
        plan="Mijn idee",
        audience="ik",
    )
    _login(client, world.colleague)
    assert client.get(reverse("coteaching_nota", args=[les.pk])).status_code == 404
    assert (
        "Mijn idee" not in client.get(reverse("coteaching_reeks", args=[reeks.pk])).content.decode()
    )
    assert CoTeachingNota.objects.get().plan == "Mijn idee"


def test_after_stopping_the_partner_loses_the_series(client: Client, world: World) -> None:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    _login(client, world.member)
    client.post(reverse("coteaching_stoppen", args=[reeks.pk]))
    _login(client, world.colleague)
    assert client.get(reverse("coteaching_reeks", args=[reeks.pk])).status_code == 404


def _signed_up(world: World) -> None:
    for user in (world.coach, world.member, world.colleague):
        BuddyvoorkeurFactory.create(user=user, school=world.school)


def test_the_organiser_sees_counts_and_no_names(client: Client, world: World) -> None:
    _signed_up(world)
    _login(client, world.leader)
    response = client.post(
        reverse("buddies_koppelen", args=[world.school.pk]), {"periode": "jaar"}, follow=True
    )
    body = response.content.decode()
    assert "1 trio" in body
    for user in (world.coach, world.member, world.colleague):
        assert user.first_name not in body
    assert Buddykoppel.objects.get().leden.count() == 3


def test_each_teacher_sees_their_own_buddies_with_something_to_do(
    client: Client, world: World
) -> None:
    _signed_up(world)
    _login(client, world.leader)
    client.post(
        reverse("buddies_koppelen", args=[world.school.pk]), {"periode": "jaar"}, follow=True
    )
    _login(client, world.member)
    body = client.get(reverse("samen")).content.decode()
    assert world.coach.first_name in body and world.colleague.first_name in body
    assert "Bezoek elkaars klas" in body


def test_the_leaders_own_page_does_not_show_the_buddies_of_others(
    client: Client, world: World
) -> None:
    _signed_up(world)
    _login(client, world.leader)
    client.post(
        reverse("buddies_koppelen", args=[world.school.pk]), {"periode": "jaar"}, follow=True
    )
    body = client.get(reverse("samen")).content.decode()
    assert world.member.first_name not in body


def test_signing_up_twice_keeps_one_set_of_preferences(client: Client, world: World) -> None:
    _login(client, world.member)
    for graad in ("1", "2"):
        client.post(reverse("buddy_aanmelden"), {"school": world.school.pk, "graad": graad})
    voorkeur = Buddyvoorkeur.objects.get()
    assert (voorkeur.graad, voorkeur.schooljaar) == ("2", schooljaar_van(timezone.localdate()))


def test_mentor_and_starter_at_once_is_refused(client: Client, world: World) -> None:
    _login(client, world.member)
    response = client.post(
        reverse("buddy_aanmelden"),
        {"school": world.school.pk, "wil_mentor": "on", "zoekt_mentor": "on"},
    )
    assert "Kies één van beide" in response.content.decode()
    assert not Buddyvoorkeur.objects.exists()


def test_signing_off_removes_the_preferences(client: Client, world: World) -> None:
    BuddyvoorkeurFactory.create(user=world.member, school=world.school)
    _login(client, world.member)
    client.post(reverse("buddy_afmelden"))
    assert not Buddyvoorkeur.objects.exists()


def test_feedback_is_for_the_two_of_them_unless_the_visitor_chooses(
    client: Client, world: World
) -> None:
    bezoek = _blits(world)
    _login(client, world.colleague)
    body = client.get(reverse("blits_feedback", args=[bezoek.pk])).content.decode()
    checked = re.findall(r'<input type="radio" name="audience" value="(\w+)"[^>]* checked>', body)
    assert checked == ["wij"]


def test_a_cancelled_blitsbezoek_is_gone_for_the_visitor(client: Client, world: World) -> None:
    bezoek = _blits(world)
    Klasbezoek.objects.filter(pk=bezoek.pk).update(ingetrokken=True, status="geannuleerd")
    _login(client, world.colleague)
    assert client.get(reverse("blits_detail", args=[bezoek.pk])).status_code == 404
    assert client.get(reverse("blits_feedback", args=[bezoek.pk])).status_code == 404


def test_a_starter_sees_their_mentor(client: Client, world: World) -> None:
    from plg.organisations.models import Aanstelling, Functie

    Aanstelling.objects.create(
        user=world.colleague, school=world.school, functie=Functie.BEGINNENDE_LERAAR
    )
    BuddyvoorkeurFactory.create(user=world.colleague, school=world.school, zoekt_mentor=True)
    BuddyvoorkeurFactory.create(user=world.coach, school=world.school, wil_mentor=True)
    _login(client, world.leader)
    response = client.post(
        reverse("buddies_koppelen", args=[world.school.pk]), {"periode": "jaar"}, follow=True
    )
    assert "1 starter met een mentor" in response.content.decode()
    _login(client, world.colleague)
    body = client.get(reverse("samen")).content.decode()
    assert f"Je mentor is <strong>{world.coach.display_name}</strong>." in body


def test_a_series_is_started_with_a_colleague(client: Client, world: World) -> None:
    _login(client, world.member)
    response = client.post(
        reverse("coteaching_nieuw"),
        {"partner": world.colleague.pk, "titel": "Lezen", "klas": "1A", "plg": world.plg.pk},
    )
    reeks = CoTeachingReeks.objects.get()
    assert response["Location"] == reverse("coteaching_reeks", args=[reeks.pk])
    assert (reeks.eigenaar, reeks.partner, reeks.school, reeks.plg) == (
        world.member,
        world.colleague,
        world.school,
        world.plg,
    )


def test_the_partner_writes_the_reflection_after_the_lesson(client: Client, world: World) -> None:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    les = coteaching.add_les(
        reeks=reeks,
        door=world.member,
        begin=timezone.now() + timedelta(hours=1),
        minuten=50,
        plan="Plan",
    )
    _login(client, world.colleague)
    form = client.get(reverse("coteaching_nota", args=[les.pk])).content.decode()
    assert 'name="audience"' not in form
    client.post(
        reverse("coteaching_nota", args=[les.pk]),
        {"plan": "Plan", "reflectie": "De groepjes werkten beter met rollen."},
    )
    _login(client, world.member)
    body = client.get(reverse("coteaching_reeks", args=[reeks.pk])).content.decode()
    assert "De groepjes werkten beter met rollen." in body


def test_matching_again_in_the_same_period_says_everyone_has_a_buddy(
    client: Client, world: World
) -> None:
    _signed_up(world)
    _login(client, world.leader)
    url = reverse("buddies_koppelen", args=[world.school.pk])
    client.post(url, {"periode": "trimester"})
    body = client.post(url, {"periode": "trimester"}, follow=True).content.decode()
    assert "3 collega's hadden voor deze periode al een buddy." in body
    assert Buddykoppel.objects.count() == 1


def test_the_organiser_reads_why_someone_stays_alone(client: Client, world: World) -> None:
    BuddyvoorkeurFactory.create(user=world.member, school=world.school)
    _login(client, world.leader)
    url = reverse("buddies_koppelen", args=[world.school.pk])
    body = client.post(url, {"periode": "jaar"}, follow=True).content.decode()
    assert "alleen ingeschreven op hun school en niet open voor andere scholen: 1" in body


def test_a_blitsbezoek_of_the_schools_round_shows_the_round(client: Client, world: World) -> None:
    from plg.bezoeken.models import Bezoekronde

    ronde = Bezoekronde.objects.create(
        scholengemeenschap=world.sg,
        school=world.school,
        soort="blits",
        titel="Blitsweek maart",
        van=timezone.localdate(),
        tot=timezone.localdate() + timedelta(days=4),
        minuten=15,
        door=world.leader,
    )
    BlitsbezoekFactory.create(
        geobserveerde=world.member, bezoeker=world.colleague, school=world.school, ronde=ronde
    )
    _login(client, world.colleague)
    body = client.get(reverse("samen")).content.decode()
    assert "Blitsweek maart" in body
    assert "nog feedback geven" in body
