"""Moving one meeting of a month plan before applying it: the rest stays, every rule still holds."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks

from conftest import PASSWORD
from plg.meetings.models import Bijeenkomst
from plg.planning import bijsturen, services, slots
from plg.planning.models import Maandplan, MaandplanStatus
from plg.planning.tests.factories import busy_every_afternoon
from plg.planning.tests.test_maandplan import month_after_next, plan
from plg.planning.voorstel import Weggelaten
from plg.roosters.models import Bezetting

pytestmark = pytest.mark.django_db


def _begins(maandplan: Maandplan) -> list[datetime]:
    return [x.begin for x in maandplan.get_voorstel().plaatsingen]


def _found(maandplan: Maandplan, index: int) -> bijsturen.Bijsturing:
    found = bijsturen.bijsturing(maandplan, index)
    assert found is not None
    return found


def _move(maandplan: Maandplan, index: int, voorstel: slots.Voorstel) -> bool:
    meeting = maandplan.get_voorstel().plaatsingen[index]
    return bijsturen.move(
        maandplan=maandplan,
        index=index,
        plg=meeting.plg,
        was=meeting.begin,
        begin=voorstel.moment.begin,
        school=voorstel.moment.school,
    )


def test_the_alternatives_keep_the_distance_to_the_other_meeting(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    first, second = _begins(maandplan)
    found = _found(maandplan, 0)
    assert found.alternatieven()
    for voorstel in found.alternatieven():
        assert voorstel.moment.begin != first
        assert abs((voorstel.moment.dag - second.date()).days) >= 7


def test_moving_changes_only_that_meeting_and_the_plan_is_no_longer_called_best(
    rooster: Any,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    assert maandplan.get_voorstel().status == "optimaal"
    first, second = _begins(maandplan)
    keuze = _found(maandplan, 0).alternatieven()[-1]
    assert _move(maandplan, 0, keuze)
    maandplan.refresh_from_db()
    assert sorted(_begins(maandplan)) == sorted([keuze.moment.begin, second])
    assert first not in _begins(maandplan)
    assert maandplan.get_voorstel().aangepast is True
    assert maandplan.get_voorstel().status != "optimaal"
    assert maandplan.status == MaandplanStatus.KLAAR
    assert not Bijeenkomst.objects.exists() and not mailoutbox  # still only a proposal
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_maandplan(maandplan=maandplan)
    assert sorted(Bijeenkomst.objects.values_list("starts_at", flat=True)) == sorted(
        [keuze.moment.begin, second]
    )


def test_a_moment_that_was_not_offered_is_refused_and_nothing_changes(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    before = maandplan.get_voorstel()
    _first, second = _begins(maandplan)
    too_close = slots.Voorstel(
        moment=next(
            m
            for m in services.maandprobleem(maandplan).momenten
            if abs((m.dag - second.date()).days) < 7 and m.begin != second
        )
    )
    assert not _move(maandplan, 0, too_close)
    maandplan.refresh_from_db()
    assert maandplan.get_voorstel() == before


def test_substitutes_stay_within_their_weekly_cap_after_a_move(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    busy_every_afternoon(rooster.coach, month_after_next())  # the member's classes need cover
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    _first, second = _begins(maandplan)
    found = _found(maandplan, 0)
    assert found.alternatieven()
    for voorstel in found.alternatieven():
        # the colleague covers two periods for the other meeting: that week is full (cap 2)
        assert voorstel.moment.week != second.isocalendar()[:2]
        assert [v.vervanger for v in voorstel.vervangingen] == [rooster.colleague.pk] * 2
    keuze = found.alternatieven()[0]
    assert _move(maandplan, 0, keuze)
    maandplan.refresh_from_db()
    stored = maandplan.get_voorstel()
    moved = [v for v in stored.vervangingen if v.bijeenkomst == keuze.moment.begin]
    assert len(moved) == 2 and stored.aantal_vervanguren == 4


def test_a_proposal_overtaken_by_the_agendas_cannot_be_adjusted(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    first, _second = _begins(maandplan)
    Bezetting.objects.create(
        user=rooster.member, begin=first - timedelta(hours=1), einde=first + timedelta(hours=3)
    )
    assert bijsturen.bijsturing(maandplan, 0) is None


def test_the_planner_moves_a_meeting_from_the_page(
    client: Client, rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    client.login(username=rooster.leader.email, password=PASSWORD)
    overview = client.get(reverse("maandplan", args=[maandplan.pk])).content.decode()
    assert reverse("maandplan_bijsturen", args=[maandplan.pk, 1]) in overview
    page = client.get(reverse("maandplan_bijsturen", args=[maandplan.pk, 0])).content.decode()
    assert "Hierheen verplaatsen" in page
    keuze = _found(maandplan, 0).alternatieven()[0]
    meeting = maandplan.get_voorstel().plaatsingen[0]
    response = client.post(
        reverse("maandplan_verplaatsen", args=[maandplan.pk, 0]),
        {
            "plg": meeting.plg,
            "was": meeting.begin.isoformat(),
            "begin": keuze.moment.begin.isoformat(),
            "school": keuze.moment.school,
        },
        follow=True,
    )
    assert "verplaatst in het voorstel" in response.content.decode()
    maandplan.refresh_from_db()
    assert keuze.moment.begin in _begins(maandplan)


def test_bad_input_on_the_page_is_refused_with_a_message(
    client: Client, rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    before = maandplan.get_voorstel()
    client.login(username=rooster.leader.email, password=PASSWORD)
    response = client.post(
        reverse("maandplan_verplaatsen", args=[maandplan.pk, 0]),
        {"begin": "gisteren", "school": "x"},
        follow=True,
    )
    assert "Dat moment kan niet (meer)" in response.content.decode()
    assert client.get(reverse("maandplan_bijsturen", args=[maandplan.pk, 9])).status_code == 404
    maandplan.refresh_from_db()
    assert maandplan.get_voorstel() == before


def test_an_applied_plan_cannot_be_adjusted(
    client: Client, rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_maandplan(maandplan=maandplan)
    client.login(username=rooster.leader.email, password=PASSWORD)
    assert client.get(reverse("maandplan_bijsturen", args=[maandplan.pk, 0])).status_code == 404
    page = client.get(reverse("maandplan", args=[maandplan.pk])).content.decode()
    assert "Ander moment" not in page


def test_meetings_of_different_lengths_are_moved_to_moments_of_their_own_length(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from plg.communities import services as community_services

    rooster.sister.werkgroep_minutes = 25
    rooster.sister.save()
    kort = community_services.create_plg(
        coach=rooster.coach, name="Kort en krachtig", schools=[rooster.sister]
    )
    maandplan = plan(rooster, django_capture_on_commit_callbacks, school=None)
    plaatsingen = maandplan.get_voorstel().plaatsingen
    assert {x.plg: x.minuten for x in plaatsingen} == {rooster.plg.pk: 100, kort.pk: 50}
    for index, meeting in enumerate(plaatsingen):
        found = bijsturen.bijsturing(maandplan, index)
        assert found is not None, meeting
        offered = found.alternatieven()
        assert offered
        for voorstel in offered:
            assert voorstel.moment.einde - voorstel.moment.begin == timedelta(
                minutes=meeting.minuten
            )
            assert voorstel.moment.begin != meeting.begin


def test_a_move_for_a_meeting_that_is_no_longer_at_that_index_is_refused(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    before = maandplan.get_voorstel()
    keuze = _found(maandplan, 0).alternatieven()[0]
    other = maandplan.get_voorstel().plaatsingen[1]
    assert not bijsturen.move(
        maandplan=maandplan,
        index=0,
        plg=other.plg,
        was=other.begin,
        begin=keuze.moment.begin,
        school=keuze.moment.school,
    )
    maandplan.refresh_from_db()
    assert maandplan.get_voorstel() == before


def test_moments_of_a_plg_over_schools_name_their_school(
    client: Client, rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from plg.communities import services as community_services
    from plg.communities.models import Lidmaatschap

    samen = community_services.create_plg(
        coach=rooster.coach, name="Over de scholen heen", schools=[rooster.school, rooster.sister]
    )
    Lidmaatschap.objects.create(plg=samen, user=rooster.colleague)
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    plaatsingen = maandplan.get_voorstel().plaatsingen
    index = next(n for n, x in enumerate(plaatsingen) if x.plg == samen.pk)
    client.login(username=rooster.leader.email, password=PASSWORD)
    page = client.get(reverse("maandplan_bijsturen", args=[maandplan.pk, index])).content.decode()
    assert f"· {rooster.school.name}" in page and f"· {rooster.sister.name}" in page


def _leave_out(maandplan: Maandplan, index: int) -> bool:
    meeting = maandplan.get_voorstel().plaatsingen[index]
    return bijsturen.leave_out(maandplan=maandplan, index=index, plg=meeting.plg, was=meeting.begin)


def test_a_meeting_left_out_goes_with_its_substitutions_and_is_listed_apart(
    client: Client, rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    busy_every_afternoon(rooster.coach, month_after_next())  # every meeting needs cover
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    first, second = _begins(maandplan)
    assert maandplan.get_voorstel().aantal_vervanguren == 4
    assert _leave_out(maandplan, 0)
    maandplan.refresh_from_db()
    voorstel = maandplan.get_voorstel()
    assert _begins(maandplan) == [second]
    assert voorstel.aantal_vervanguren == 2
    assert {v.bijeenkomst for v in voorstel.vervangingen} == {second}
    assert voorstel.niet_geplaatst == []  # left out on purpose, not "did not fit"
    assert voorstel.weggelaten == [Weggelaten(rooster.plg.pk, rooster.plg.name, first)]
    client.login(username=rooster.leader.email, password=PASSWORD)
    page = client.get(reverse("maandplan", args=[maandplan.pk])).content.decode()
    assert "Met de hand uit het voorstel gehaald" in page and "Niet alles paste" not in page
    with django_capture_on_commit_callbacks(execute=True):
        created = services.apply_maandplan(maandplan=maandplan)
    assert [b.starts_at for b in created] == [second]


def test_leaving_out_and_then_moving_keeps_the_list_of_what_was_left_out(
    rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    assert _leave_out(maandplan, 0)
    maandplan.refresh_from_db()
    keuze = _found(maandplan, 0).alternatieven()[0]
    assert _move(maandplan, 0, keuze)
    maandplan.refresh_from_db()
    voorstel = maandplan.get_voorstel()
    assert len(voorstel.weggelaten) == 1
    assert _begins(maandplan) == [keuze.moment.begin]
    assert voorstel.niet_geplaatst == []  # taken out, not "did not fit"


def test_the_planner_leaves_a_meeting_out_from_the_page(
    client: Client, rooster: Any, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    maandplan = plan(rooster, django_capture_on_commit_callbacks)
    meeting = maandplan.get_voorstel().plaatsingen[1]
    client.login(username=rooster.leader.email, password=PASSWORD)
    stale = client.post(
        reverse("maandplan_weglaten", args=[maandplan.pk, 0]),
        {"plg": meeting.plg, "was": meeting.begin.isoformat()},  # the other meeting than index 0
        follow=True,
    )
    assert "Het voorstel is intussen veranderd" in stale.content.decode()
    response = client.post(
        reverse("maandplan_weglaten", args=[maandplan.pk, 1]),
        {"plg": meeting.plg, "was": meeting.begin.isoformat()},
        follow=True,
    )
    assert "uit het voorstel gehaald" in response.content.decode()
    maandplan.refresh_from_db()
    assert len(maandplan.get_voorstel().plaatsingen) == 1
