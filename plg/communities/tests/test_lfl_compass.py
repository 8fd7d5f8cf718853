"""The five Leadership-for-Learning principles as a coach's tags, counted in the archive as far
as each reader may read what was tagged."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.communities.lfl import Principe, principes
from plg.communities.models import Notitie, NotitiePrincipe
from plg.communities.sharing import Audience
from plg.meetings.models import BijeenkomstPrincipe
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.pages.kompas import kompas


def _login(client: Client, world: World, persona: str) -> None:
    assert client.login(username=world.persona(persona).email, password=PASSWORD)


def _notitie(world: World, audience: str = Audience.PLG, author: str = "coach") -> Notitie:
    return Notitie.objects.create(
        plg=world.plg,
        author=world.persona(author),
        text="Iedereen nam het woord",
        audience=audience,
    )


def test_the_principles_share_their_keys_with_the_zelfscan_pillars() -> None:
    from plg.scans.instruments import instruments

    zelfscan = instruments()[("zelfscan-lfl", 1)]
    pillars = [s.key for s in zelfscan.sections if s.kind == "pijler"]
    assert [key for key, _label, _uitleg in principes()] == pillars


def test_a_coach_tags_a_note_with_principles(client: Client, world: World) -> None:
    notitie = _notitie(world)
    _login(client, world, "coach")
    client.post(
        reverse("notitie_principes", args=[world.plg.pk, notitie.pk]),
        {"principes": [Principe.DIALOOG, Principe.GEDEELD_LEIDERSCHAP]},
    )
    assert sorted(notitie.principe_keys()) == [Principe.DIALOOG, Principe.GEDEELD_LEIDERSCHAP]


def test_unticking_a_principle_takes_its_tag_away(client: Client, world: World) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    BijeenkomstPrincipe.objects.create(bijeenkomst=bijeenkomst, principe=Principe.DIALOOG)
    _login(client, world, "coach")
    client.post(
        reverse("bijeenkomst_principes", args=[bijeenkomst.pk]),
        {"principes": [Principe.FOCUS_OP_LEREN]},
    )
    assert bijeenkomst.principe_keys() == [Principe.FOCUS_OP_LEREN]


def test_an_unknown_principle_is_refused_and_changes_nothing(client: Client, world: World) -> None:
    notitie = _notitie(world)
    NotitiePrincipe.objects.create(notitie=notitie, principe=Principe.DIALOOG)
    _login(client, world, "coach")
    client.post(
        reverse("notitie_principes", args=[world.plg.pk, notitie.pk]),
        {"principes": ["dialoog", "<script>"]},
    )
    assert notitie.principe_keys() == [Principe.DIALOOG]


def test_a_coach_cannot_tag_a_note_they_may_not_read(client: Client, world: World) -> None:
    private = _notitie(world, Audience.ALLEEN_IK, author="member")
    _login(client, world, "coach")
    response = client.post(
        reverse("notitie_principes", args=[world.plg.pk, private.pk]),
        {"principes": [Principe.DIALOOG]},
    )
    assert response.status_code == 404
    assert not NotitiePrincipe.objects.exists()


def test_a_private_tagged_note_counts_for_its_author_only(world: World) -> None:
    private = _notitie(world, Audience.ALLEEN_IK)
    NotitiePrincipe.objects.create(notitie=private, principe=Principe.DIALOOG)
    dialoog = {row.key: row for row in kompas(world.coach, world.plg)}[Principe.DIALOOG]
    assert dialoog.aantal == 1
    for_member = {row.key: row for row in kompas(world.member, world.plg)}[Principe.DIALOOG]
    assert for_member.aantal == 0
    assert for_member.notities == []


def test_the_archive_counts_tagged_bijeenkomsten_and_notes(client: Client, world: World) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg)
    BijeenkomstPrincipe.objects.create(bijeenkomst=bijeenkomst, principe=Principe.DIALOOG)
    NotitiePrincipe.objects.create(notitie=_notitie(world), principe=Principe.DIALOOG)
    private = _notitie(world, Audience.ALLEEN_IK)
    NotitiePrincipe.objects.create(notitie=private, principe=Principe.FOCUS_OP_LEREN)
    _login(client, world, "member")
    page = client.get(reverse("archief", args=[world.plg.pk])).content.decode()
    dialoog = page[page.index('id="kompas-dialoog"') :]
    dialoog = dialoog[: dialoog.index("</article>")]
    assert "2 keer" in dialoog
    assert reverse("bijeenkomst_detail", args=[bijeenkomst.pk]) in dialoog
    focus = page[page.index('id="kompas-focus_op_leren"') :]
    assert "0 keer" in focus[: focus.index("</article>")]
