"""Blitsbezoeken, buddies and co-teaching: the rules their services keep."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.bezoeken import authorizers, blits, buddies, coteaching, services
from plg.bezoeken.models import (
    Blitsfeedback,
    Buddykoppel,
    Buddyvoorkeur,
    CoTeachingNota,
    Klasbezoek,
    Periode,
    Soort,
)
from plg.bezoeken.schooljaar import schooljaar_van
from plg.bezoeken.tests.factories_samen import (
    BlitsbezoekFactory,
    BuddyvoorkeurFactory,
    CoTeachingReeksFactory,
)
from plg.communities.sharing import BezoekAudience


def invite_blits(*, begin: datetime, minuten: int = 15, **kwargs: Any) -> Klasbezoek:
    return services.invite_bezoeker(
        soort=Soort.BLITS, begin=begin, einde=begin + timedelta(minutes=minuten), **kwargs
    )


def _later() -> datetime:
    return timezone.now() + timedelta(days=2)


def test_a_blitsbezoek_of_forty_minutes_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="10 tot 15 minuten"):
        invite_blits(
            geobserveerde=world.member,
            bezoeker=world.colleague,
            school=world.school,
            begin=_later(),
            minuten=40,
        )
    assert not Klasbezoek.objects.exists()


def test_a_blitsbezoek_in_your_own_class_by_yourself_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="jezelf"):
        invite_blits(
            geobserveerde=world.member, bezoeker=world.member, school=world.school, begin=_later()
        )


def test_a_blitsbezoek_in_the_past_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="voorbij"):
        invite_blits(
            geobserveerde=world.member,
            bezoeker=world.colleague,
            school=world.school,
            begin=timezone.now() - timedelta(hours=1),
        )


def test_an_invited_blitsbezoek_lasts_the_minutes_chosen(world: World) -> None:
    bezoek = invite_blits(
        geobserveerde=world.member,
        bezoeker=world.colleague,
        school=world.school,
        begin=_later(),
        minuten=10,
    )
    assert bezoek.einde - bezoek.begin == timedelta(minutes=10)
    assert bezoek.soort == "blits"


def _feedback(world: World, audience: str = BezoekAudience.WIJ_TWEE) -> Blitsfeedback:
    bezoek = BlitsbezoekFactory.create(
        geobserveerde=world.member, bezoeker=world.colleague, school=world.school, plg=world.plg
    )
    return blits.leave_blitsfeedback(
        bezoek=bezoek, author=world.colleague, waardering="Mooi", vraag="Hoe?", audience=audience
    )


def test_the_observed_teacher_reads_the_feedback(world: World) -> None:
    feedback = _feedback(world)
    assert list(blits.feedback_voor_mij(world.member)) == [feedback]


@pytest.mark.parametrize("persona", ["coach", "leader", "advisor", "outsider"])
def test_nobody_else_reads_the_feedback_of_two(world: World, persona: str) -> None:
    _feedback(world)
    assert not Blitsfeedback.objects.visible_to(world.persona(persona)).exists()


def test_the_plg_reads_feedback_shared_with_it_and_the_leader_still_does_not(
    world: World,
) -> None:
    _feedback(world, BezoekAudience.PLG)
    assert Blitsfeedback.objects.visible_to(world.coach).exists()
    assert not Blitsfeedback.objects.visible_to(world.leader).exists()


def test_feedback_kept_to_the_visitor_is_not_read_by_the_observed_teacher(world: World) -> None:
    _feedback(world, BezoekAudience.ALLEEN_IK)
    assert not blits.feedback_voor_mij(world.member).exists()


def test_leaving_feedback_twice_keeps_one(world: World) -> None:
    feedback = _feedback(world)
    blits.leave_blitsfeedback(
        bezoek=feedback.bezoek,
        author=world.colleague,
        waardering="Ook",
        vraag="Waarom?",
        audience="wij",
    )
    assert Blitsfeedback.objects.get().waardering == "Ook"


def test_feedback_waits_until_the_blitsbezoek_began(world: World) -> None:
    bezoek = BlitsbezoekFactory.create(
        geobserveerde=world.member,
        bezoeker=world.colleague,
        school=world.school,
        begin=_later(),
        einde=_later() + timedelta(minutes=15),
    )
    assert not blits.may_leave_feedback(bezoek, world.colleague)


def test_co_teaching_with_yourself_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="jezelf"):
        coteaching.start_reeks(
            eigenaar=world.member, partner=world.member, school=world.school, titel="T", klas="1"
        )


def _reeks_met_les(world: World) -> Klasbezoek:
    reeks = coteaching.start_reeks(
        eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
    )
    return coteaching.add_les(
        reeks=reeks, door=world.colleague, begin=_later(), minuten=50, plan="Samen starten"
    )


def test_a_lesson_is_the_owners_class_with_the_partner_along(world: World) -> None:
    les = _reeks_met_les(world)
    assert (les.geobserveerde, les.bezoeker, les.soort) == (
        world.member,
        world.colleague,
        "co_teaching",
    )
    assert CoTeachingNota.objects.visible_to(world.member).get().plan == "Samen starten"


def test_stopping_the_series_ends_the_partners_access(world: World) -> None:
    les = _reeks_met_les(world)
    assert les.reeks is not None
    coteaching.stop_reeks(reeks=les.reeks)
    with pytest.raises(Http404):
        authorizers.get_reeks(world.colleague, les.reeks.pk)
    assert not CoTeachingNota.objects.visible_to(world.colleague).exists()
    assert authorizers.get_reeks(world.member, les.reeks.pk) == les.reeks


def test_a_stopped_series_takes_no_more_lessons(world: World) -> None:
    les = _reeks_met_les(world)
    assert les.reeks is not None
    coteaching.stop_reeks(reeks=les.reeks)
    with pytest.raises(ValidationError):
        coteaching.add_les(reeks=les.reeks, door=world.member, begin=_later(), minuten=50)


def test_the_partner_edits_the_note_but_not_who_reads_it(world: World) -> None:
    les = _reeks_met_les(world)
    nota = coteaching.save_nota(
        les=les, door=world.member, plan="P", reflectie="R", audience=BezoekAudience.PLG
    )
    assert (nota.reflectie, nota.audience) == ("R", BezoekAudience.WIJ_TWEE)


def test_series_of_others_are_not_mine(world: World) -> None:
    CoTeachingReeksFactory.create(eigenaar=world.member, partner=world.colleague)
    assert not coteaching.mijn_reeksen(world.coach).exists()
    assert coteaching.mijn_reeksen(world.colleague).count() == 1


def _sign_up(world: World, *names: str) -> None:
    for name in names:
        BuddyvoorkeurFactory.create(user=world.persona(name), school=world.school)


def test_matching_stores_one_group_per_pair_or_trio(world: World) -> None:
    _sign_up(world, "coach", "member", "colleague")
    uitkomst = buddies.match_buddies(
        school=world.school,
        schooljaar=schooljaar_van(timezone.localdate()),
        periode=Periode.TRIMESTER,
    )
    assert (uitkomst.paren, uitkomst.trios) == (0, 1)
    assert Buddykoppel.objects.get().leden.count() == 3


def test_matching_twice_in_one_term_adds_no_second_group(world: World) -> None:
    _sign_up(world, "coach", "member")
    jaar = schooljaar_van(timezone.localdate())
    buddies.match_buddies(school=world.school, schooljaar=jaar, periode=Periode.TRIMESTER)
    buddies.match_buddies(school=world.school, schooljaar=jaar, periode=Periode.TRIMESTER)
    assert Buddykoppel.objects.count() == 1


def test_next_term_never_pairs_this_years_buddies_again(world: World) -> None:
    _sign_up(world, "coach", "member")
    jaar = schooljaar_van(timezone.localdate())
    buddies.match_buddies(school=world.school, schooljaar=jaar, periode=Periode.TRIMESTER)
    Buddykoppel.objects.update(created_at=timezone.now() - timedelta(days=200))
    uitkomst = buddies.match_buddies(
        school=world.school, schooljaar=jaar, periode=Periode.TRIMESTER
    )
    assert (uitkomst.paren, uitkomst.niet_gekoppeld) == (0, 2)
    assert Buddykoppel.objects.count() == 1


def test_a_sister_school_colleague_joins_only_when_both_want_it(
    world: World, sister_teacher: User
) -> None:
    BuddyvoorkeurFactory.create(user=world.member, school=world.school, over_scholen=True)
    BuddyvoorkeurFactory.create(user=sister_teacher, school=world.sister, over_scholen=True)
    jaar = schooljaar_van(timezone.localdate())
    buddies.match_buddies(school=world.school, schooljaar=jaar, periode=Periode.JAAR)
    assert set(Buddykoppel.objects.get().leden.all()) == {world.member, sister_teacher}


def test_a_beginning_teacher_is_asked_whether_they_look_for_a_mentor(world: World) -> None:
    from plg.organisations.models import Aanstelling, Functie

    Aanstelling.objects.create(
        user=world.colleague, school=world.school, functie=Functie.BEGINNENDE_LERAAR
    )
    assert buddies.voorkeur_initial(world.colleague) == {
        "zoekt_mentor": True,
        "wil_mentor": False,
    }


@pytest.mark.parametrize(
    ("persona", "organises"),
    [("leader", True), ("other_leader", False), ("advisor", False), ("member", False)],
)
def test_who_organises_the_buddies_of_a_school(world: World, persona: str, organises: bool) -> None:
    assert (
        authorizers.organiser_schools(world.persona(persona)).filter(pk=world.school.pk).exists()
        is organises
    )


def test_matching_that_fails_halfway_stores_no_group(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(4):
        BuddyvoorkeurFactory.create(school=world.school, user__email=f"l{i}@regenboog.example")
    made: list[Buddykoppel] = []
    create = Buddykoppel.objects.create

    def create_then_fail(**kwargs: object) -> Buddykoppel:
        if made:
            raise RuntimeError("database gone")
        made.append(create(**kwargs))
        return made[-1]

    monkeypatch.setattr(Buddykoppel.objects, "create", create_then_fail)
    with pytest.raises(RuntimeError):
        buddies.match_buddies(
            school=world.school,
            schooljaar=schooljaar_van(timezone.localdate()),
            periode=Periode.JAAR,
        )
    assert made and not Buddykoppel.objects.exists()


def test_signing_up_at_another_school_replaces_the_first(world: World) -> None:
    jaar = schooljaar_van(timezone.localdate())
    buddies.sign_up(user=world.member, school=world.school, schooljaar=jaar)
    buddies.sign_up(user=world.member, school=world.sister, schooljaar=jaar, graad="2")
    assert list(Buddyvoorkeur.objects.values_list("school", "graad")) == [(world.sister.pk, "2")]
