"""Each page runs a number of queries that does not grow with the data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.communities import services
from plg.communities.models import Lidmaatschap, Mijlpaal, Notitie, Thema
from plg.communities.sharing import Audience
from plg.meetings import services as meeting_services
from plg.meetings.models import Bijeenkomst, LeerlogEntry, Opdracht, Terugblik


def _grow(world: World, n: int) -> None:
    """n PLG's for coach/member/leader/advisor, and n bijeenkomsten with records in the first."""
    for i in range(n):
        plg = (
            world.plg
            if i == 0
            else services.create_plg(coach=world.coach, name=f"PLG {i}", schools=[world.school])
        )
        if i:
            Lidmaatschap.objects.create(plg=plg, user=world.member)
        Mijlpaal.objects.create(
            plg=plg,
            author=world.coach,
            title=f"m{i}",
            due_date=timezone.localdate(),
            audience=Audience.NETWERK,
        )
        meeting_services.plan_bijeenkomst(
            plg=plg,
            starts_at=timezone.now() + timedelta(days=i + 1),
            place="x",
            duration_minutes=100,
        )
    for i in range(n):
        b = meeting_services.plan_bijeenkomst(
            plg=world.plg,
            starts_at=timezone.now() - timedelta(days=i + 1),
            place="x",
            duration_minutes=100,
        )
        Terugblik.objects.create(
            bijeenkomst=b, author=world.coach, doelen_bereikt="ja", audience=Audience.PLG
        )
        LeerlogEntry.objects.create(
            bijeenkomst=b, author=world.member, kennis_inzicht="k", audience=Audience.PLG
        )
        Notitie.objects.create(plg=world.plg, author=world.coach, text=str(i))
        Thema.objects.create(plg=world.plg, title=str(i), created_by=world.coach, position=i)
        services.add_leervraag(plg=world.plg, text=f"Waarom {i}?", author=world.coach)
        services.invite(
            plg=world.plg,
            email=f"genodigde{i}@regenboog.example",
            school=world.school,
            invited_by=world.coach,
        )
        Opdracht.objects.create(
            bijeenkomst=b, owner=world.member, description="x", due_date=timezone.localdate()
        )
    _grow_live(world, n)
    _grow_samen(world, n)
    _grow_rondes(world, n)


def _grow_rondes(world: World, n: int) -> None:
    """n visit rounds of De Regenboog with the member and the colleague in them, and n applied
    visits in the first."""
    from plg.bezoeken.models import Bezoekronde, Klasbezoek, RondeStatus, Status

    for i in range(n):
        ronde = Bezoekronde.objects.create(
            scholengemeenschap=world.sg,
            school=world.school,
            titel=f"Ronde {i}",
            van=timezone.localdate() + timedelta(days=1),
            tot=timezone.localdate() + timedelta(days=20),
            door=world.leader,
            status=RondeStatus.TOEGEPAST,
            voorstel={"gevraagd": 2, "deelnemers": 2, "bezoeken": [], "vervangingen": []},
        )
        ronde.deelnemers.add(world.member, world.colleague)
    eerste = Bezoekronde.objects.filter(school=world.school).earliest("id")
    for i in range(n):
        begin = timezone.now() + timedelta(days=i + 1)
        Klasbezoek.objects.create(
            ronde=eerste,
            school=world.school,
            geobserveerde=world.colleague if i % 2 else world.member,
            bezoeker=world.member if i % 2 else world.colleague,
            begin=begin,
            einde=begin + timedelta(minutes=50),
            status=Status.AANVAARD,
            klas="3A",
        )


def _ronde(world: World) -> int:
    from plg.bezoeken.models import Bezoekronde

    return Bezoekronde.objects.filter(school=world.school).earliest("id").pk


def _live(world: World) -> Bijeenkomst:
    return world.plg.bijeenkomsten.earliest("id")


def _grow_live(world: World, n: int) -> None:
    """A live session on the PLG's first bijeenkomst, with n cards, clusters, written round
    contributions, guest links and OASE rounds; shared with the school leader."""
    from plg.live.models import Gastlink, Intervisie, Kaart, LiveSessie, Rondebijdrage, Zone

    bijeenkomst = _live(world)
    sessie, _ = LiveSessie.objects.get_or_create(
        bijeenkomst=bijeenkomst,
        defaults={"opened_by": world.coach, "audience": Audience.PLG_EN_SCHOOLLEIDER},
    )
    blokken = list(bijeenkomst.blokken.all())
    sessie.schoolleiders.add(world.leader)
    for i in range(n):
        blok = blokken[i % len(blokken)]
        cluster = Kaart.objects.create(
            sessie=sessie, blok=blok, author=world.member, text=f"k{i}", anonymous=bool(i % 2)
        )
        Kaart.objects.create(
            sessie=sessie,
            blok=blok,
            author=world.coach,
            text=f"d{i}",
            merged_into=cluster,
            zone=Zone.LOS,
            parked=bool(i % 3),
        )
        Rondebijdrage.objects.create(
            sessie=sessie, blok=blok, author=world.member, text=f"r{i}", audience=Audience.PLG
        )
        Gastlink.objects.create(
            sessie=sessie,
            name=f"Gast {i}",
            expires_at=timezone.now() + timedelta(hours=1),
            created_by=world.coach,
        )
        Intervisie.objects.get_or_create(
            sessie=sessie, blok=blok, defaults={"inbrenger": world.member, "thema": f"t{i}"}
        )


def _grow_samen(world: World, n: int) -> None:
    """n blitsbezoeken with feedback in the member's class, n co-teaching series of the member
    and the colleague with n lessons and notes in the first, n buddy groups of theirs."""
    from plg.bezoeken import blits, coteaching
    from plg.bezoeken.models import Buddykoppel, CoTeachingReeks
    from plg.bezoeken.schooljaar import schooljaar_van
    from plg.bezoeken.tests.factories_samen import BlitsbezoekFactory

    for i in range(n):
        bezoek = BlitsbezoekFactory.create(
            geobserveerde=world.member, bezoeker=world.colleague, school=world.school
        )
        blits.leave_blitsfeedback(
            bezoek=bezoek, author=world.colleague, waardering=f"w{i}", vraag="v", audience="wij"
        )
        coteaching.start_reeks(
            eigenaar=world.member, partner=world.colleague, school=world.school, titel="T", klas="1"
        )
        reeks = CoTeachingReeks.objects.earliest("id")
        les = coteaching.add_les(
            reeks=reeks,
            door=world.member,
            begin=timezone.now() + timedelta(hours=1),
            minuten=50,
            plan=f"p{i}",
        )
        coteaching.save_nota(les=les, door=world.colleague, plan="p", reflectie="r", audience=None)
        koppel = Buddykoppel.objects.create(
            scholengemeenschap=world.sg, schooljaar=schooljaar_van(timezone.localdate())
        )
        koppel.leden.set([world.member, world.colleague, world.coach])


def _samen(world: World) -> list[object]:
    from plg.bezoeken.models import CoTeachingReeks

    return [CoTeachingReeks.objects.earliest("id").pk]


def _blits(world: World) -> int:
    from plg.bezoeken.models import Klasbezoek

    return Klasbezoek.objects.filter(soort="blits").earliest("id").pk


Args = Callable[[World], list[object]]


def _first_blok(w: World) -> list[object]:
    """A block of the last bijeenkomst, opened for editing where it stands."""
    bijeenkomst = w.plg.bijeenkomsten.latest("starts_at")
    return [bijeenkomst.pk, bijeenkomst.blokken.all()[0].pk]


PAGES: list[tuple[str, str, Args]] = [
    ("member", "home", lambda w: []),
    ("coach", "plg_detail", lambda w: [w.plg.pk]),
    ("coach", "plg_leden", lambda w: [w.plg.pk]),
    ("coach", "themas", lambda w: [w.plg.pk]),
    ("coach", "leervragen", lambda w: [w.plg.pk]),
    ("coach", "actieplan", lambda w: [w.plg.pk]),
    ("member", "archief", lambda w: [w.plg.pk]),
    ("leader", "gedeeld", lambda w: [w.plg.pk]),
    ("leader", "school_overview", lambda w: [w.school.pk]),
    ("advisor", "begeleiding", lambda w: []),
    (
        "coach",
        "bijeenkomst_detail",
        lambda w: [w.plg.bijeenkomsten.latest("starts_at").pk],
    ),
    ("coach", "werkvormen", lambda w: []),
    ("coach", "terugblik", lambda w: [w.plg.bijeenkomsten.earliest("starts_at").pk]),
    ("coach", "agenda_blok_bewerken_hx", _first_blok),
    ("coach", "vragenkit", lambda w: []),
    ("coach", "live", lambda w: [_live(w).pk]),
    ("member", "live", lambda w: [_live(w).pk]),
    ("leader", "live", lambda w: [_live(w).pk]),
    ("member", "samenvatting", lambda w: [_live(w).pk]),
    ("leader", "samenvatting", lambda w: [_live(w).pk]),
    ("outsider", "live_gast", lambda w: [_live(w).live.gastlinks.all()[0].token]),
    ("member", "samen", lambda w: []),
    ("colleague", "samen", lambda w: []),
    ("member", "coteaching_reeks", _samen),
    ("colleague", "coteaching_reeks", _samen),
    ("leader", "buddies_koppelen", lambda w: [w.school.pk]),
    ("member", "blits_detail", lambda w: [_blits(w)]),
    ("leader", "bezoekrondes", lambda w: [w.school.pk]),
    ("member", "mijn_bezoekrondes", lambda w: []),
    ("leader", "bezoekronde", lambda w: [_ronde(w)]),
    ("member", "bezoekronde", lambda w: [_ronde(w)]),
    ("leader", "bezoekronde_hx", lambda w: [_ronde(w)]),
    ("coach", "bezoekmomenten", lambda w: [w.member.pk]),
    ("colleague", "team", lambda w: [w.school.pk]),
    ("coach", "team", lambda w: [w.school.pk]),
    ("leader", "team_poster_pdf", lambda w: [w.school.pk, w.plg.pk]),
    ("member", "mijn_leerlog", lambda w: []),
    ("member", "mijn_gegevens_json", lambda w: []),
    ("colleague", "mijn_gegevens_json", lambda w: []),
    ("coach", "bijeenkomst_kit", lambda w: [w.plg.bijeenkomsten.latest("starts_at").pk]),
]


def _count(client: Client, world: World, persona: str, name: str, args: Args) -> int:
    client.login(username=world.persona(persona).email, password=PASSWORD)
    url = reverse(name, args=args(world))
    ContentType.objects.clear_cache()  # each count starts cold: the cache is per process
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _assert_constant(
    client: Client,
    world: World,
    grow: Callable[[World, int], None],
    persona: str,
    name: str,
    args: Args,
) -> None:
    """The page runs as many queries with 30 of everything as with 1."""
    grow(world, 1)
    small = _count(client, world, persona, name, args)
    grow(world, 29)
    large = _count(client, world, persona, name, args)
    assert large == small, f"{name}: {small} queries with 1, {large} with 30"


@pytest.mark.parametrize(("persona", "name", "args"), PAGES, ids=[f"{p[1]}-{p[0]}" for p in PAGES])
def test_queries_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _assert_constant(client, world, _grow, persona, name, args)


def _grow_visits(world: World, n: int) -> None:
    """n visits in the member's class by the colleague and n the other way, with notes, a
    nagesprek and a meegenomen each, and n kijkwijzers of the PLG."""
    from plg.bezoeken.models import Meegenomen, Nagesprek, Observatie, Status
    from plg.bezoeken.tests.factories import KijkwijzerFactory, bezoek_bij_member

    kijkwijzer = KijkwijzerFactory.create(eigenaar=world.member, plg=world.plg)
    for i in range(n):
        KijkwijzerFactory.create(eigenaar=world.member, plg=world.plg)
        bezoek = bezoek_bij_member(world, kijkwijzer=kijkwijzer, notities_audience="plg")
        terug = bezoek_bij_member(world, geobserveerde=world.colleague, bezoeker=world.member)
        bezoek_bij_member(
            world, geobserveerde=world.colleague, status=Status.UITGENODIGD, bezoeker=world.member
        )
        for b in (bezoek, terug):
            Observatie.objects.create(
                bezoek=b,
                author=b.bezoeker,
                tekst=f"o{i}",
                moment=timezone.now(),
                item=kijkwijzer.items.first(),
            )
            Nagesprek.objects.create(
                bezoek=b, author=b.geobserveerde, wat_neem_ik_mee=f"n{i}", audience="plg"
            )
            Meegenomen.objects.create(bezoek=b, author=b.bezoeker, tekst=f"m{i}")


def _first_visit(w: World) -> list[object]:
    from plg.bezoeken.models import Klasbezoek

    return [Klasbezoek.objects.filter(geobserveerde=w.member).earliest("id").pk]


def _first_kijkwijzer(w: World) -> list[object]:
    from plg.bezoeken.models import Kijkwijzer

    return [Kijkwijzer.objects.earliest("id").pk]


VISIT_PAGES: list[tuple[str, str, Args]] = [
    ("member", "mijn_klasbezoeken", lambda w: []),
    ("coach", "mijn_klasbezoeken", lambda w: []),
    ("member", "bezoek_detail", _first_visit),
    ("colleague", "bezoek_detail", _first_visit),
    ("colleague", "observeren", _first_visit),
    ("member", "nagesprek", _first_visit),
    ("member", "bezoek_nieuw", lambda w: []),
    ("member", "kijkwijzers", lambda w: []),
    ("member", "kijkwijzer_detail", _first_kijkwijzer),
    ("member", "mijn_leerlog", lambda w: []),
    ("colleague", "mijn_leerlog", lambda w: []),
]


@pytest.mark.parametrize(
    ("persona", "name", "args"), VISIT_PAGES, ids=[f"{p[1]}-{p[0]}" for p in VISIT_PAGES]
)
def test_visit_pages_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _assert_constant(client, world, _grow_visits, persona, name, args)


def _grow_tandem(world: World, n: int) -> None:
    """The tandem of the coach and the leader with n moments, n requests for support (every
    other one answered) and n bijeenkomsten ahead, the leader invited to each."""
    from plg.meetings.tests.factories import BijeenkomstFactory
    from plg.tandem import services as tandem_services
    from plg.tandem.models import Tandem
    from plg.tandem.tests.factories import tandem_of

    tandem = Tandem.objects.filter(plg=world.plg).first() or tandem_of(world, akkoord=True)
    for i in range(n):
        tandem_services.add_moment(
            tandem=tandem, author=world.leader, datum=timezone.localdate(), notitie=f"t{i}"
        )
        vraag = tandem_services.ask_steun(tandem=tandem, by=world.coach, soort="tijd", vraag="v")
        if i % 2:
            tandem_services.answer_steun(steunvraag=vraag, antwoord="ja", toelichting="ok")
        bijeenkomst = BijeenkomstFactory.create(
            plg=world.plg, starts_at=timezone.now() + timedelta(days=i + 2)
        )
        tandem_services.invite_schoolleider(tandem=tandem, bijeenkomst=bijeenkomst, by=world.coach)
        BijeenkomstFactory.create(plg=world.plg, starts_at=timezone.now() + timedelta(days=i + 40))


TANDEM_PAGES: list[tuple[str, str, Args]] = [
    ("coach", "tandem", lambda w: [w.plg.pk]),
    ("leader", "tandem", lambda w: [w.plg.pk]),
    ("leader", "plg_detail", lambda w: [w.plg.pk]),
    ("leader", "home", lambda w: []),
]


@pytest.mark.parametrize(
    ("persona", "name", "args"), TANDEM_PAGES, ids=[f"{p[1]}-{p[0]}" for p in TANDEM_PAGES]
)
def test_tandem_pages_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _assert_constant(client, world, _grow_tandem, persona, name, args)


def _grow_lfl(world: World, n: int) -> None:
    """n bronnen, n expert visits, n bijeenkomsten and n notes (half of them private) tagged
    with every principle."""
    from plg.communities.lfl import Principe
    from plg.communities.models import Bron, NotitiePrincipe
    from plg.meetings.models import BijeenkomstPrincipe
    from plg.meetings.tests.lfl import expertbezoek

    for i in range(n):
        Bron.objects.create(
            plg=world.plg, titel=f"b{i}", beschrijving="x", waarom="y", added_by=world.member
        )
        expertbezoek(world)
        b = meeting_services.plan_bijeenkomst(
            plg=world.plg,
            starts_at=timezone.now() + timedelta(days=i + 1),
            place="x",
            duration_minutes=100,
        )
        notitie = Notitie.objects.create(
            plg=world.plg,
            author=world.coach,
            text=str(i),
            audience=Audience.ALLEEN_IK if i % 2 else Audience.PLG,
        )
        for principe in Principe:
            BijeenkomstPrincipe.objects.create(bijeenkomst=b, principe=principe)
            NotitiePrincipe.objects.create(notitie=notitie, principe=principe)


def _first_expertbezoek(w: World) -> list[object]:
    from plg.meetings.models import Expertbezoek

    return [Expertbezoek.objects.earliest("id").pk]


LFL_PAGES: list[tuple[str, str, Args]] = [
    ("member", "archief", lambda w: [w.plg.pk]),
    ("coach", "archief", lambda w: [w.plg.pk]),
    ("coach", "plg_detail", lambda w: [w.plg.pk]),
    ("member", "bronnen", lambda w: [w.plg.pk]),
    ("member", "expertbezoeken", lambda w: [w.plg.pk]),
    ("coach", "expertbezoek_detail", _first_expertbezoek),
    ("coach", "bijeenkomst_detail", lambda w: [w.plg.bijeenkomsten.earliest("starts_at").pk]),
]


@pytest.mark.parametrize(
    ("persona", "name", "args"), LFL_PAGES, ids=[f"{p[1]}-{p[0]}" for p in LFL_PAGES]
)
def test_lfl_pages_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _assert_constant(client, world, _grow_lfl, persona, name, args)


def _grow_bibliotheek(world: World, n: int) -> None:
    from plg.bibliotheek.tests import groei

    groei.grow(world, n)


def _concept(w: World) -> list[object]:
    from plg.bibliotheek.tests import groei

    return groei.concept(w)


def _item(w: World) -> list[object]:
    from plg.bibliotheek.tests import groei

    return groei.gepubliceerd(w)


BIBLIOTHEEK_PAGES: list[tuple[str, str, Args]] = [
    ("coach", "bibliotheek_delen", lambda w: [w.plg.pk]),  # the form, filled from the PLG
    ("coach", "bibliotheek_delen", _concept),
    ("member", "bibliotheek_delen", _concept),
    ("outsider", "bibliotheekitem", _item),
    ("outsider", "bibliotheekitem_pakket", _item),
    ("colleague", "bibliotheekitem_starten", _item),
]


def _grow_zoekindex(world: World, n: int) -> None:
    """n library entries for everyone and n for the network, with themes and werkvormen."""
    from plg.bibliotheek.models import Zichtbaarheid
    from plg.bibliotheek.tests.factories import BibliotheekitemFactory

    for i in range(n):
        for zichtbaarheid in (Zichtbaarheid.IEDEREEN, Zichtbaarheid.NETWERK):
            BibliotheekitemFactory.create(
                titel=f"Huistaken en leesmotivatie {i}",
                leervraag="Waarom geven we huiswerk, en wat leren de kinderen ervan?",
                themas=[f"Thema {i}", "Huiswerk"],
                werkvormen=["kandoe", f"vorm-{i}"],
                zichtbaarheid=zichtbaarheid,
                network=world.network,
            )


ZOEK_PAGES: list[tuple[str, str, dict[str, str]]] = [
    ("bibliotheek", "member", {}),
    ("bibliotheek", "member", {"q": "huiswerk leesmotvatie", "thema": "huiswerk"}),
    ("bibliotheek_hx", "outsider", {"q": "leesmotivatie", "werkvorm": "kandoe"}),
    ("bibliotheek_verwant_hx", "coach", {"text": "Waarom geven we huiswerk?"}),
]


@pytest.mark.parametrize(
    ("persona", "name", "args"),
    BIBLIOTHEEK_PAGES,
    ids=[f"{p[1]}-{p[0]}-{i}" for i, p in enumerate(BIBLIOTHEEK_PAGES)],
)
def test_library_pages_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _assert_constant(client, world, _grow_bibliotheek, persona, name, args)


@pytest.mark.parametrize(
    ("name", "persona", "query"),
    ZOEK_PAGES,
    ids=[f"{p[0]}-{p[1]}" for p in ZOEK_PAGES],
)
def test_library_search_does_not_grow_with_data(
    client: Client, world: World, name: str, persona: str, query: dict[str, str]
) -> None:
    client.login(username=world.persona(persona).email, password=PASSWORD)
    counts = []
    for n in (1, 29):
        _grow_zoekindex(world, n)
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(name), query).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1], f"{name}: {counts[0]} queries with 1, {counts[1]} with 30"


def _grow_traject(world: World, n: int) -> None:
    from plg.traject.tests.factories import grow_traject

    grow_traject(world, n)


def _deelname(w: World) -> list[object]:
    from plg.traject.tests.factories import deelname_of

    return [deelname_of(w).pk]


TRAJECT_PAGES: list[tuple[str, str, Args]] = [
    ("advisor", "traject", lambda w: [w.advisor.begeleide_trajecten.get().pk]),
    ("leader", "traject", lambda w: [w.advisor.begeleide_trajecten.get().pk]),
    ("advisor", "trajecten", lambda w: []),
    ("leader", "trajecten", lambda w: []),
    ("advisor", "traject_nieuw", lambda w: []),
    ("advisor", "netwerk", lambda w: []),
    ("leader", "deelname_plg", _deelname),
]


@pytest.mark.parametrize(
    ("persona", "name", "args"), TRAJECT_PAGES, ids=[f"{p[1]}-{p[0]}" for p in TRAJECT_PAGES]
)
def test_traject_pages_do_not_grow_with_data(
    client: Client, world: World, persona: str, name: str, args: Args
) -> None:
    _assert_constant(client, world, _grow_traject, persona, name, args)
