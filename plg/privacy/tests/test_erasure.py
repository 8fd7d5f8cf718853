"""Forgetting a person follows the audiences: what they wrote only for themselves goes, what
they wrote for others stays by "een oud-lid"; each model as ``rules.REGELS`` says."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone

from conftest import World
from plg.accounts.models import User
from plg.bezoeken.models import Klasbezoek, Observatie
from plg.bezoeken.tests.factories import bezoek_bij_member
from plg.bibliotheek.tests.factories import gepubliceerd
from plg.communities.models import Lidmaatschap, Notitie, Uitnodiging
from plg.communities.sharing import Audience
from plg.pages.management.commands.seed_demo import build_demo
from plg.privacy.erasure import OUD_LID_EMAIL, OUD_LID_NAAM, oud_lid, vergeet
from plg.privacy.rules import REGELS, Actie

pytestmark = pytest.mark.django_db


def _note(world: World, audience: str) -> Notitie:
    return Notitie.objects.create(
        plg=world.plg, author=world.member, audience=audience, text="Wat ik zag"
    )


def test_a_note_only_for_oneself_is_removed(world: World) -> None:
    note = _note(world, Audience.ALLEEN_IK)
    vergeet(user=world.member)
    assert not Notitie.objects.filter(pk=note.pk).exists()


def test_a_note_for_the_plg_stays_by_een_oud_lid(world: World) -> None:
    note = _note(world, Audience.PLG)
    vergeet(user=world.member)
    note.refresh_from_db()
    assert (note.text, note.author.display_name) == ("Wat ik zag", OUD_LID_NAAM)


def test_the_person_and_their_memberships_are_gone(world: World) -> None:
    pk = world.member.pk
    vergeet(user=world.member)
    assert not User.objects.filter(pk=pk).exists()
    assert not Lidmaatschap.objects.filter(user_id=pk).exists()


def test_a_visit_goes_with_the_observed_teacher(world: World) -> None:
    bezoek = bezoek_bij_member(world)
    vergeet(user=world.member)
    assert not Klasbezoek.objects.filter(pk=bezoek.pk).exists()


def test_a_visitor_becomes_een_oud_lid_and_their_notes_stay(world: World) -> None:
    bezoek = bezoek_bij_member(world)
    note = Observatie.objects.create(
        bezoek=bezoek, author=world.colleague, tekst="Rustige start", moment=timezone.now()
    )
    vergeet(user=world.colleague)
    note.refresh_from_db()
    bezoek.refresh_from_db()
    assert (bezoek.bezoeker, note.author, note.tekst) == (oud_lid(), oud_lid(), "Rustige start")


def test_the_library_names_the_forgotten_member_een_oud_lid(world: World) -> None:
    item = gepubliceerd(world)
    item.namen = f"{world.coach.display_name}, {world.member.display_name}"
    item.save()
    vergeet(user=world.member)
    item.refresh_from_db()
    assert item.namen == f"{world.coach.display_name}, {OUD_LID_NAAM}"


def test_invitations_to_the_address_are_removed(world: World) -> None:
    Uitnodiging.objects.create(
        plg=world.plg,
        school=world.school,
        email=world.colleague.email.upper(),
        invited_by=world.coach,
        token="t" * 32,
    )
    vergeet(user=world.colleague)
    assert not Uitnodiging.objects.exists()


def test_the_stand_in_cannot_sign_in(world: World) -> None:
    vergeet(user=world.member)
    stand_in = oud_lid()
    assert (stand_in.is_active, stand_in.has_usable_password()) == (False, False)


def test_the_stand_in_is_never_forgotten(world: World) -> None:
    with pytest.raises(ValueError):
        vergeet(user=oud_lid())


def test_the_command_without_ja_changes_nothing(world: World) -> None:
    out = StringIO()
    call_command("vergeet", world.member.email, stdout=out)
    assert User.objects.filter(pk=world.member.pk).exists()
    assert "communities.Lidmaatschap.user: 1 wissen" in out.getvalue()


def test_the_command_warns_about_a_plg_that_loses_its_only_coach(world: World) -> None:
    err = StringIO()
    call_command("vergeet", world.coach.email, stdout=StringIO(), stderr=err)
    assert f"enige procescoach van de PLG '{world.plg.name}'" in err.getvalue()


def test_the_command_with_ja_forgets(world: World) -> None:
    call_command("vergeet", world.member.email.upper(), "--ja", stdout=StringIO())
    assert not User.objects.filter(pk=world.member.pk).exists()


def test_the_command_refuses_an_unknown_address(world: World) -> None:
    with pytest.raises(CommandError, match="Niemand gevonden"):
        call_command("vergeet", OUD_LID_EMAIL, "--ja")


def _snapshot(user: User) -> list[tuple[str, str, Actie, dict[int, str]]]:
    """Per rule, the rows pointing at ``user`` now, and each one's audience if it has one."""
    found = []
    for label, regel in REGELS.items():
        model = apps.get_model(label)
        for veld, actie in regel.personen.items():
            rows: models.QuerySet[Any] = model._default_manager.filter(**{veld: user})
            has_audience = any(f.name == "audience" for f in model._meta.concrete_fields)
            found.append(
                (
                    label,
                    veld,
                    actie,
                    {r.pk: getattr(r, "audience", "") if has_audience else "" for r in rows},
                )
            )
    return found


def _broken(label: str, veld: str, actie: Actie, before: dict[int, str], user: int) -> list[str]:
    model = apps.get_model(label)
    manager = model._default_manager
    left = manager.filter(pk__in=before)
    if manager.filter(**{f"{veld}__pk": user}).exists():
        return [f"{label}.{veld}: still points at the person"]
    expected_gone = {
        pk
        for pk, audience in before.items()
        if actie == Actie.WISSEN or (actie == Actie.PUBLIEK and audience == Audience.ALLEEN_IK)
    }
    if left.filter(pk__in=expected_gone).exists():
        return [f"{label}.{veld}: rows that were theirs are still there"]
    if (
        actie in (Actie.ANONIEM, Actie.PUBLIEK)
        and left.exclude(pk__in=expected_gone).exclude(**{veld: oud_lid()}).exists()
    ):
        return [f"{label}.{veld}: kept rows are not by een oud-lid"]
    return []


def test_forgetting_each_demo_person_follows_the_rule_of_every_model() -> None:
    """Every person of the demo, one after the other: per model and field, the rows that were
    theirs are gone, the rows kept for others are by een oud-lid, nothing points at them."""
    build_demo()
    problems: list[str] = []
    touched: set[str] = set()
    for user in list(User.objects.filter(email__endswith=".example")):
        pk, before = user.pk, _snapshot(user)
        vergeet(user=user)
        for label, veld, actie, rows in before:
            problems += _broken(label, veld, actie, rows, pk)
            if rows:
                touched.add(f"{label}.{veld}")
    assert "\n".join(sorted(set(problems))) == ""
    assert len(touched) >= 35
