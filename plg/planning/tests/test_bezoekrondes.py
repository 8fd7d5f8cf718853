"""Visit rounds in the app: sign up, compute, see figures only, apply; cover for a visit; the
slot finder; bad input with Dutch messages.

The ``rooster`` world: the member teaches 3A every morning (periods 1-4), the colleague 4B in
the afternoons (periods 5-7) except on Wednesday, their day off.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks

from conftest import PASSWORD
from plg.bezoeken.models import Bezoekronde, Klasbezoek, RondeStatus, Soort, Status
from plg.planning.models import Vervangbeurt
from plg.planning.rondes import services
from plg.planning.rondes.build import paar_van
from plg.planning.rondes.forms import BezoekrondeForm, MomentenForm
from plg.planning.rondes.slots import bezoekmomenten

pytestmark = pytest.mark.django_db


def nieuwe_ronde(w: Any, **changes: Any) -> Bezoekronde:
    velden = {
        "scholengemeenschap": w.sg,
        "school": w.school,
        "titel": "Kijken bij elkaar",
        "van": timezone.localdate() + timedelta(days=1),
        "tot": timezone.localdate() + timedelta(days=14),
        "bezoeken_per_persoon": 1,
        "bezocht_per_persoon": 1,
        "door": w.leader,
    } | changes
    return Bezoekronde.objects.create(**velden)


def berekend(w: Any, capture: DjangoCaptureOnCommitCallbacks) -> Bezoekronde:
    ronde = nieuwe_ronde(w)
    services.sign_up(ronde=ronde, user=w.member)
    services.sign_up(ronde=ronde, user=w.colleague)
    with capture(execute=True):
        assert services.start_berekening(ronde=ronde)
    ronde.refresh_from_db()
    return ronde


def test_a_computed_round_places_every_visit_without_cover(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    assert ronde.status == RondeStatus.KLAAR
    assert len(ronde.voorstel["bezoeken"]) == 2
    assert ronde.voorstel["vervangingen"] == []


def test_applying_a_round_makes_accepted_visits_in_the_class_of_the_timetable(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    services.apply_bezoekronde(ronde=ronde, door=rooster.leader)
    bezoeken = Klasbezoek.objects.filter(ronde=ronde)
    assert {(b.bezoeker, b.klas) for b in bezoeken} == {
        (rooster.member, "4B"),
        (rooster.colleague, "3A"),
    }
    assert all(b.status == Status.AANVAARD and b.soort == Soort.KLASBEZOEK for b in bezoeken)
    assert services.apply_bezoekronde(ronde=ronde, door=rooster.leader) == []
    assert bezoeken.count() == 2


def test_the_colleague_is_never_visited_on_their_day_off(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    dagen = {b["begin"][:10] for b in ronde.voorstel["bezoeken"]}
    assert all(date.fromisoformat(d).weekday() != 2 for d in dagen)


def test_withdrawing_makes_the_proposal_stale(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    assert services.withdraw(ronde=ronde, user=rooster.colleague)
    ronde.refresh_from_db()
    assert ronde.status == RondeStatus.OPEN
    assert ronde.voorstel == {}


def test_nobody_withdraws_from_an_applied_round(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    services.apply_bezoekronde(ronde=ronde, door=rooster.leader)
    assert not services.withdraw(ronde=ronde, user=rooster.colleague)
    assert ronde.deelnemers.filter(pk=rooster.colleague.pk).exists()


def test_the_organiser_sees_figures_never_who_visits_whom(
    client: Client,
    rooster: Any,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    client.login(username=rooster.leader.email, password=PASSWORD)
    html = client.get(reverse("bezoekronde", args=[ronde.pk])).content.decode()
    assert "2 / 2" in html
    assert rooster.member.display_name not in html
    assert rooster.colleague.display_name not in html


def test_a_participant_sees_their_own_visits_once_applied(
    client: Client,
    rooster: Any,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    ronde = berekend(rooster, django_capture_on_commit_callbacks)
    services.apply_bezoekronde(ronde=ronde, door=rooster.leader)
    client.login(username=rooster.member.email, password=PASSWORD)
    html = client.get(reverse("bezoekronde", args=[ronde.pk])).content.decode()
    assert f"je gaat kijken bij {rooster.colleague.display_name}" in html


def test_a_teacher_signs_up_on_the_page(client: Client, rooster: Any) -> None:
    ronde = nieuwe_ronde(rooster)
    client.login(username=rooster.member.email, password=PASSWORD)
    client.post(reverse("bezoekronde_inschrijven", args=[ronde.pk]))
    assert ronde.deelnemers.filter(pk=rooster.member.pk).exists()


def test_cover_for_a_visit_says_why_but_not_whom_the_colleague_visits(
    rooster: Any,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    begin = timezone.now() + timedelta(days=3)
    ronde = nieuwe_ronde(rooster, status=RondeStatus.KLAAR)
    bezoek = Klasbezoek.objects.create(
        ronde=ronde,
        school=rooster.school,
        geobserveerde=rooster.colleague,
        bezoeker=rooster.member,
        begin=begin,
        einde=begin + timedelta(minutes=50),
        klas="4B",
    )
    beurt = Vervangbeurt.objects.create(
        bezoek=bezoek,
        school=rooster.school,
        afwezige=rooster.member,
        vervanger=rooster.coach,
        datum=begin.date(),
        lesuur=2,
        begin=begin,
        einde=begin + timedelta(minutes=50),
        groep="3A",
    )
    assert rooster.member.display_name in beurt.uitleg
    assert "klasbezoek" in beurt.uitleg
    assert rooster.colleague.display_name not in beurt.uitleg + beurt.titel + beurt.omschrijving
    from plg.planning import mails
    from plg.post.services import queue_berichten

    with django_capture_on_commit_callbacks(execute=True):
        queue_berichten(mails.bezoek_vervangingen(ronde, {rooster.coach.pk: [beurt]}, door=None))
    assert len(mailoutbox) == 1
    assert rooster.colleague.display_name not in mailoutbox[0].body
    assert "3A" in mailoutbox[0].body


def test_a_cover_duty_is_for_a_bijeenkomst_or_a_visit_never_neither(rooster: Any) -> None:
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Vervangbeurt.objects.create(
            school=rooster.school,
            afwezige=rooster.member,
            vervanger=rooster.coach,
            datum=now.date(),
            lesuur=1,
            begin=now,
            einde=now + timedelta(minutes=50),
        )


def test_the_slot_finder_lists_the_observed_teachers_lessons_without_cover_first(
    rooster: Any,
) -> None:
    van = timezone.localdate() + timedelta(days=1)
    ronde = paar_van(
        geobserveerde=rooster.colleague,
        bezoeker=rooster.member,
        van=van,
        tot=van + timedelta(days=6),
    )
    momenten = bezoekmomenten(ronde, geobserveerde=rooster.colleague.pk, bezoeker=rooster.member.pk)
    assert momenten
    assert all(m.klas == "4B" and m.lesuur in (5, 6, 7) for m in momenten)
    assert all(m.dag.weekday() != 2 for m in momenten)
    assert [m.vervanging for m in momenten] == sorted(m.vervanging for m in momenten)


def test_the_slot_finder_page_answers_a_teacher(client: Client, rooster: Any) -> None:
    van = timezone.localdate() + timedelta(days=1)
    client.login(username=rooster.member.email, password=PASSWORD)
    response = client.get(
        reverse("bezoekmomenten_hx", args=[rooster.colleague.pk]),
        {"rol": "ik", "van": van.isoformat(), "tot": (van + timedelta(days=6)).isoformat()},
    )
    assert "4B" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "veld", "boodschap"),
    [
        ({"tot": -1}, "tot", "De laatste dag ligt voor de eerste."),
        ({"bezoeken_per_persoon": 0}, "bezoeken_per_persoon", "Kies een aantal van 1 tot 5."),
        ({"bezocht_per_persoon": 40}, "bezocht_per_persoon", "Kies een aantal van 1 tot 5."),
        ({"tot": 40}, "tot", "Een bezoekronde duurt hoogstens vier weken."),
        (
            {"soort": "blits", "minuten": 15, "tot": 9},
            "tot",
            "Een blitsweek duurt hoogstens een week.",
        ),
        ({"soort": "blits", "minuten": 50}, "minuten", "Een blitsbezoek duurt 10 tot 15 minuten."),
    ],
)
def test_a_bad_round_gets_a_dutch_message_on_its_field(
    changes: dict[str, Any], veld: str, boodschap: str
) -> None:
    van = timezone.localdate() + timedelta(days=3)
    data: dict[str, Any] = {
        "titel": "Ronde",
        "soort": "klasbezoek",
        "van": van,
        "tot": van + timedelta(days=4),
        "bezoeken_per_persoon": 2,
        "bezocht_per_persoon": 2,
        "minuten": 50,
        "vervang_max_maand": 3,
    }
    for key, value in changes.items():
        data[key] = van + timedelta(days=value) if key == "tot" else value
    form = BezoekrondeForm(data)
    assert not form.is_valid()
    assert boodschap in form.errors[veld]


def test_a_slot_search_over_more_than_four_weeks_is_refused() -> None:
    van = timezone.localdate() + timedelta(days=1)
    form = MomentenForm({"rol": "ik", "van": van, "tot": van + timedelta(days=40)})
    assert not form.is_valid()
    assert "Zoek in hoogstens vier weken tegelijk." in form.errors["tot"]


def test_buddies_are_the_preferred_pairs_of_a_round(rooster: Any) -> None:
    from plg.bezoeken.models import Buddykoppel
    from plg.planning.rondes.build import ronde_van

    koppel = Buddykoppel.objects.create(scholengemeenschap=rooster.sg, schooljaar="2026-2027")
    koppel.leden.add(rooster.member, rooster.colleague)
    ronde = nieuwe_ronde(rooster)
    ronde.deelnemers.add(rooster.member, rooster.colleague)
    plain = ronde_van(ronde)
    assert (rooster.member.pk, rooster.colleague.pk) in plain.voorkeuren
    assert (rooster.colleague.pk, rooster.member.pk) in plain.voorkeuren


def test_cover_already_done_this_month_counts_toward_the_cap(rooster: Any) -> None:
    from plg.planning.rondes.build import ronde_van
    from plg.planning.rondes.probleem import maand

    ronde = nieuwe_ronde(rooster)
    begin = timezone.now() + timedelta(days=2)
    bezoek = Klasbezoek.objects.create(
        school=rooster.school,
        geobserveerde=rooster.colleague,
        bezoeker=rooster.member,
        begin=begin,
        einde=begin + timedelta(minutes=50),
    )
    Vervangbeurt.objects.create(
        bezoek=bezoek,
        school=rooster.school,
        afwezige=rooster.member,
        vervanger=rooster.coach,
        datum=ronde.van,
        lesuur=1,
        begin=begin,
        einde=begin + timedelta(minutes=50),
    )
    plain = ronde_van(ronde)
    assert plain.reeds_vervangen[(rooster.coach.pk, maand(ronde.van))] == 1
