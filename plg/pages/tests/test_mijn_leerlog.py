"""Mijn leerlog: a person's own writing about their learning, over bijeenkomsten, PLG's and
class visits, in time order, and as a PDF for their professional file."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.bezoeken.models import Meegenomen, Nagesprek
from plg.bezoeken.schooljaar import startjaar
from plg.bezoeken.tests.factories import bezoek_bij_member
from plg.communities import services as plg_services
from plg.communities.models import PLG, Fase, Lidmaatschap
from plg.communities.sharing import Audience, BezoekAudience
from plg.meetings.models import LeerlogEntry
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.meetings.tests.pdfs import needs_poppler, paper, pdf_text
from plg.pages.views_leerlog import build_leerlog


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def _days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def _entry(plg: PLG, author: User, text: str, *, days_ago: int, **kw: str) -> LeerlogEntry:
    bijeenkomst = BijeenkomstFactory.create(plg=plg, starts_at=_days_ago(days_ago))
    return LeerlogEntry.objects.create(
        bijeenkomst=bijeenkomst, author=author, kennis_inzicht=text, **kw
    )


def _second_plg(world: World, name: str = "Lezen in de eerste graad") -> PLG:
    plg = plg_services.create_plg(coach=world.coach, name=name, schools=[world.school])
    Lidmaatschap.objects.create(plg=plg, user=world.member)
    return plg


def _page(client: Client, user: User) -> str:
    _login(client, user)
    return client.get(reverse("mijn_leerlog")).content.decode()


def test_my_leerlog_holds_my_entries_of_every_plg_oldest_first(
    client: Client, world: World
) -> None:
    _entry(world.plg, world.member, "Later inzicht over feedback", days_ago=3)
    _entry(_second_plg(world), world.member, "Eerder inzicht over lezen", days_ago=30)
    page = _page(client, world.member)
    assert page.index("Eerder inzicht over lezen") < page.index("Later inzicht over feedback")
    assert "Lezen in de eerste graad" in page


def test_my_leerlog_keeps_what_i_wrote_in_a_closed_plg(client: Client, world: World) -> None:
    _entry(world.plg, world.member, "Inzicht van toen", days_ago=10)
    PLG.objects.filter(pk=world.plg.pk).update(fase=Fase.AFGESLOTEN, closed_at=timezone.now())
    assert "Inzicht van toen" in _page(client, world.member)


def test_my_leerlog_keeps_what_i_wrote_in_a_plg_i_left_without_a_link_to_it(
    client: Client, world: World
) -> None:
    plg = _second_plg(world)
    entry = _entry(plg, world.member, "Wat ik meenam voor ik stopte", days_ago=10)
    plg_services.leave(lid=Lidmaatschap.objects.get(plg=plg, user=world.member))
    page = _page(client, world.member)
    assert "Wat ik meenam voor ik stopte" in page
    assert reverse("bijeenkomst_detail", args=[entry.bijeenkomst_id]) not in page


def test_my_leerlog_holds_what_i_took_from_class_visits(client: Client, world: World) -> None:
    in_mijn_klas = bezoek_bij_member(world, begin=_days_ago(5))
    Nagesprek.objects.create(
        bezoek=in_mijn_klas, author=world.member, wat_neem_ik_mee="Wachttijd na een vraag"
    )
    bij_collega = bezoek_bij_member(
        world, geobserveerde=world.colleague, bezoeker=world.member, begin=_days_ago(4)
    )
    Meegenomen.objects.create(bezoek=bij_collega, author=world.member, tekst="Stille start")
    page = _page(client, world.member)
    assert page.index("Wachttijd na een vraag") < page.index("Stille start")


def test_my_leerlog_never_holds_what_others_wrote_even_when_shared_with_me(
    client: Client, world: World
) -> None:
    _entry(world.plg, world.coach, "Inzicht van de coach", days_ago=2, audience=Audience.PLG)
    bezoek = bezoek_bij_member(world, begin=_days_ago(5))
    Meegenomen.objects.create(
        bezoek=bezoek,
        author=world.colleague,
        tekst="Wat de bezoeker meenam",
        audience=BezoekAudience.WIJ_TWEE,
    )
    page = _page(client, world.member)
    assert "Inzicht van de coach" not in page
    assert "Wat de bezoeker meenam" not in page


def test_my_leerlog_is_grouped_by_school_year(client: Client, world: World) -> None:
    _entry(world.plg, world.member, "Vorig jaar", days_ago=400)
    _entry(world.plg, world.member, "Dit jaar", days_ago=1)
    page = _page(client, world.member)
    assert page.count("Schooljaar ") == 2


def test_the_meetings_leerlog_page_leads_to_my_leerlog(client: Client, world: World) -> None:
    bijeenkomst = BijeenkomstFactory.create(plg=world.plg, starts_at=_days_ago(1))
    _login(client, world.member)
    page = client.get(reverse("leerlog", args=[bijeenkomst.pk])).content.decode()
    assert reverse("mijn_leerlog") in page


@needs_poppler
def test_the_leerlog_pdf_is_my_writing_on_a4_without_colleagues_or_classes(
    client: Client, world: World
) -> None:
    _entry(world.plg, world.member, "Differentiatie begint bij observeren", days_ago=3)
    bezoek = bezoek_bij_member(world, begin=_days_ago(5), klas="5C-Latijn")
    Nagesprek.objects.create(bezoek=bezoek, author=world.member, volgende_stap="Exit tickets")
    _entry(world.plg, world.coach, "Inzicht van de coach", days_ago=2, audience=Audience.PLG)
    _login(client, world.member)
    response = client.get(reverse("mijn_leerlog_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Differentiatie begint bij observeren" in text and "Exit tickets" in text
    assert world.member.display_name in text
    for someone_else in ("Inzicht van de coach", world.colleague.display_name, "5C-Latijn"):
        assert someone_else not in text
    assert set(paper(response.content)) == {"A4"}


def test_a_school_year_of_the_leerlog_keeps_only_that_year(world: World) -> None:
    _entry(world.plg, world.member, "Vorig jaar", days_ago=400)
    _entry(world.plg, world.member, "Dit jaar", days_ago=1)
    this_year = startjaar(timezone.localdate())
    leerlog = build_leerlog(world.member, start=this_year)
    assert [j.start for j in leerlog.jaren] == [this_year]
    assert [m.parts[0][1] for m in leerlog.jaren[0].moments] == ["Dit jaar"]


def test_my_leerlog_leaves_out_what_the_visitor_saw(world: World) -> None:
    bezoek = bezoek_bij_member(world, begin=_days_ago(5))
    Nagesprek.objects.create(
        bezoek=bezoek,
        author=world.member,
        wat_zag_je="Ayla zat lang te wachten",
        wat_neem_ik_mee="Sneller rondgaan",
    )
    texts = [t for j in build_leerlog(world.member).jaren for m in j.moments for _, t in m.parts]
    assert texts == ["Sneller rondgaan"]
