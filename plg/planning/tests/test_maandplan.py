"""Planning all PLG's of a month at once: proposal, explanation, applying it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, NoReturn

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks

from plg.communities import services as community_services
from plg.communities.models import Lidmaatschap
from plg.meetings.models import Bijeenkomst
from plg.planning import services
from plg.planning.models import Maandplan, MaandplanStatus, Vervangbeurt
from plg.planning.problem import BRUSSELS
from plg.planning.tests.factories import busy_every_afternoon
from plg.planning.voorstel import Voorstel
from plg.roosters.models import Bezetting

pytestmark = pytest.mark.django_db


def month_after_next() -> date:
    return (timezone.localdate().replace(day=1) + timedelta(days=62)).replace(day=1)


def plan(w: Any, capture: DjangoCaptureOnCommitCallbacks, **kwargs: Any) -> Maandplan:
    with capture(execute=True):
        maandplan = services.start_maandplan(
            door=w.leader,
            maand=month_after_next(),
            scholengemeenschap=w.sg,
            school=kwargs.pop("school", w.school),
            **kwargs,
        )
    maandplan.refresh_from_db()
    return maandplan


def test_a_month_plan_places_every_meeting_far_enough_apart(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    assert maandplan.status == MaandplanStatus.KLAAR
    voorstel = maandplan.get_voorstel()
    assert voorstel.status == "optimaal"
    begins = sorted(x.begin for x in voorstel.plaatsingen)
    assert len(begins) == 2
    assert (begins[1].date() - begins[0].date()).days >= 7
    assert voorstel.aantal_vervanguren == 0  # afternoons free the member without anyone covering
    assert all(x.soort == "les" for x in voorstel.plaatsingen)


def test_applying_a_month_plan_creates_the_bijeenkomsten_once_and_tells_everyone(
    rooster: Any,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        created = services.apply_maandplan(maandplan=maandplan)
    assert len(created) == 2
    assert Bijeenkomst.objects.filter(plg=rooster.plg).count() == 2
    assert {m.to[0] for m in mailoutbox} == {rooster.coach.email, rooster.member.email}
    maandplan.refresh_from_db()
    assert maandplan.status == MaandplanStatus.TOEGEPAST
    assert services.apply_maandplan(maandplan=maandplan) == []
    assert Bijeenkomst.objects.filter(plg=rooster.plg).count() == 2


def test_substitutes_are_named_when_only_lesson_time_is_left(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    busy_every_afternoon(rooster.coach, month_after_next())
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    voorstel = maandplan.get_voorstel()
    assert maandplan.status == MaandplanStatus.KLAAR, voorstel
    assert voorstel.aantal_vervanguren == 4
    assert {v.vervanger_naam for v in voorstel.vervangingen} == {"Kato Test"}
    assert voorstel.max_vervanger_last == 4
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_maandplan(maandplan=maandplan)
    assert Vervangbeurt.objects.filter(vervanger=rooster.colleague, groep="3A").count() == 4


def test_an_impossible_month_is_explained_in_plain_dutch(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    first = month_after_next()
    Bezetting.objects.create(
        user=rooster.member,
        begin=datetime.combine(first - timedelta(days=1), time(0), tzinfo=BRUSSELS),
        einde=datetime.combine(first + timedelta(days=40), time(0), tzinfo=BRUSSELS),
    )
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    assert maandplan.status == MaandplanStatus.ONHAALBAAR
    uitleg = " ".join(maandplan.get_voorstel().uitleg)
    assert "Mehdi Test" in uitleg and "Huiswerk met betekenis" in uitleg


def test_a_cross_school_plg_is_planned_after_school_only(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    plg = community_services.create_plg(
        coach=rooster.coach, name="Over de scholen heen", schools=[rooster.school, rooster.sister]
    )
    Lidmaatschap.objects.create(plg=plg, user=rooster.colleague)
    maandplan = plan(rooster, django_capture_on_commit_callbacks, school=None)
    placed = [x for x in maandplan.get_voorstel().plaatsingen if x.plg == plg.pk]
    assert len(placed) == 2
    assert {x.soort for x in placed} == {"na_school"}


def test_a_plan_for_the_whole_scholengemeenschap_is_for_its_coordinator(
    world: Any, client: Client
) -> None:
    from django.urls import reverse

    from conftest import PASSWORD
    from plg.accounts.models import User
    from plg.organisations.models import Aanstelling, Functie
    from plg.planning.models import Maandplan

    coordinator = User.objects.create_user("rita@leieland.example", PASSWORD, first_name="Rita")
    Aanstelling.objects.create(
        user=coordinator, school=world.sister, functie=Functie.COORDINEREND_DIRECTEUR
    )
    client.login(username=coordinator.email, password=PASSWORD)
    page = client.get(reverse("maandplannen", args=[world.school.pk])).content.decode()
    assert "Alle PLG&#x27;s van de scholengemeenschap samen plannen" in page
    client.post(
        reverse("maandplannen", args=[world.school.pk]),
        {
            "maand": month_after_next().strftime("%Y-%m"),
            "aantal": 1,
            "min_dagen_tussen": 7,
            "heel_sg": "on",
        },
    )
    plan = Maandplan.objects.get()
    assert plan.school is None and plan.scholengemeenschap == world.sg
    assert client.get(reverse("maandplan", args=[plan.pk])).status_code == 200
    client.login(username=world.leader.email, password=PASSWORD)
    assert client.get(reverse("maandplan", args=[plan.pk])).status_code == 404


def test_a_failed_computation_is_shown_as_failed_not_as_still_busy(
    rooster: Any,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from plg.planning import services as planning_services

    def broken(*args: Any, **kwargs: Any) -> NoReturn:
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(planning_services, "plan_cpsat", broken)
    assert plan(rooster, django_capture_on_commit_callbacks).status == MaandplanStatus.MISLUKT


def test_a_school_with_shorter_bijeenkomsten_gets_moments_of_its_own_length(rooster: Any) -> None:
    from plg.planning import build

    rooster.sister.werkgroep_minutes = 25
    rooster.sister.save()
    kort = community_services.create_plg(
        coach=rooster.coach, name="Kort en krachtig", schools=[rooster.sister]
    )
    first = month_after_next()
    probleem = build.probleem(
        schools=[rooster.school, rooster.sister],
        plgs=[rooster.plg, kort],
        van=first,
        tot=first + timedelta(days=13),
    )
    assert {g.id: g.minuten for g in probleem.groepen} == {rooster.plg.pk: 100, kort.pk: 50}
    lengths = {(m.school, m.einde - m.begin) for m in probleem.momenten}
    assert (rooster.sister.pk, timedelta(minutes=50)) in lengths
    assert (rooster.school.pk, timedelta(minutes=100)) in lengths
    assert len({m.id for m in probleem.momenten}) == len(probleem.momenten)


def test_a_meeting_planned_by_hand_counts_and_is_kept_at_distance(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from plg.meetings.services import plan_bijeenkomst
    from plg.planning import build

    first = month_after_next()
    by_hand = datetime.combine(first + timedelta(days=9), time(14, 0), tzinfo=BRUSSELS)
    plan_bijeenkomst(plg=rooster.plg, starts_at=by_hand, place="", duration_minutes=100)
    [groep] = build.probleem(
        schools=[rooster.school], plgs=[rooster.plg], van=first, tot=first + timedelta(days=27)
    ).groepen
    assert (groep.aantal, groep.vaste_dagen) == (1, (by_hand.date(),))
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    [placed] = maandplan.get_voorstel().plaatsingen  # two asked, one planned already
    day = placed.begin.date()
    assert abs((day - by_hand.date()).days) >= 7


def test_a_stored_proposal_reads_back_as_it_was_written(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    busy_every_afternoon(rooster.coach, month_after_next())
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    voorstel = maandplan.get_voorstel()
    assert voorstel.plaatsingen and voorstel.vervangingen
    assert Voorstel.from_json(voorstel.to_json()) == voorstel
    assert voorstel.to_json() == maandplan.voorstel


def test_a_proposal_still_being_computed_reads_as_empty() -> None:
    voorstel = Voorstel.from_json({"aantal": 1, "min_dagen_tussen": 14})
    assert (voorstel.aantal, voorstel.min_dagen_tussen) == (1, 14)
    assert not (voorstel.plaatsingen or voorstel.vervangingen or voorstel.weggelaten)
    assert not voorstel.aangepast and voorstel.status == ""
