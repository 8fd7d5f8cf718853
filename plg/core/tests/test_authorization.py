"""Every URL, every persona: deny by default, and a new URL without a row here fails."""

from __future__ import annotations

from datetime import timedelta
from typing import TypedDict

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from conftest import PASSWORD, World
from plg.bezoeken.models import Bezoekronde, CoTeachingReeks, Klasbezoek
from plg.bezoeken.tests.factories_samen import BlitsbezoekFactory
from plg.communities.models import (
    Afronding,
    Bijlage,
    Leervraag,
    Lidmaatschap,
    Mijlpaal,
    Thema,
    Uitnodiging,
)
from plg.communities.sharing import Audience
from plg.core.tests.authz import (
    COACH,
    IN_SCHOOL,
    IN_SG,
    LOGGED_IN,
    MEMBERS,
    PERSONAS,
    PLANNERS,
    SCHOOL_TEACHERS,
    TEAM,
    WAVE_OPENERS,
    WAVE_RUNNERS,
    Case,
    parts,
)
from plg.live.models import Gastlink, LiveSessie
from plg.meetings.models import AgendaBlok, Bijeenkomst, Opdracht
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.methods.models import Stap, Werkvorm
from plg.planning.models import Kalenderfeed, Maandplan
from plg.planning.tests.factories import proposal_with_one_meeting, ronde_met_voorstel
from plg.post.models import Bericht, Soort, Status
from plg.roosters.models import SoortVrij, VrijeDagen
from plg.roosters.services import add_vrije_dagen, kalender_van
from plg.scans import services as scan_services
from plg.scans.models import Afname, Toegang


class SamenObjects(TypedDict):
    blits: Klasbezoek
    reeks: CoTeachingReeks
    co_les: Klasbezoek


class Objects(SamenObjects):
    """One of each thing a URL can be about, made for the personas' world."""

    werkvorm: Werkvorm
    afname: Afname
    gesloten: Afname
    toegang: Toegang
    zelfscan: Afname
    zelfscan_toen: Afname
    gastlink: Gastlink
    kandoe: AgendaBlok
    opdracht: Opdracht
    bijeenkomst: Bijeenkomst
    blok: AgendaBlok
    leervraag: Leervraag
    thema: Thema
    mijlpaal: Mijlpaal
    lid: Lidmaatschap
    bijlage: Bijlage
    uitnodiging: Uitnodiging
    vrij: VrijeDagen
    maandplan: Maandplan
    feed: Kalenderfeed
    bericht: Bericht
    bezoekronde: Bezoekronde


def _bijlage(w: World) -> Bijlage:
    from django.core.files.base import ContentFile

    afronding = Afronding.objects.create(
        plg=w.plg, author=w.coach, voorstel="Voorstel", audience=Audience.NETWERK
    )
    return Bijlage.objects.create(
        afronding=afronding, name="plan.txt", file=ContentFile(b"plan", name="plan.txt")
    )


def _vrij(w: World) -> VrijeDagen:
    return add_vrije_dagen(
        kalender=kalender_van(w.school),
        van=timezone.localdate(),
        tot=timezone.localdate(),
        soort=SoortVrij.VAKANTIE,
        omschrijving="Vrij",
    )


def _objects(w: World) -> Objects:
    bijeenkomst = BijeenkomstFactory.create(plg=w.plg)
    kandoe = bijeenkomst.blokken.get(stap=Stap.VERWERKING)
    kandoe.werkvorm = Werkvorm.objects.get(slug="kandoe", school=None)
    kandoe.save()
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst, opened_by=w.coach)
    afname = scan_services.open_afname(opened_by=w.leader, title="Scan", schools=[w.school])
    gesloten = scan_services.open_afname(opened_by=w.leader, title="Toen", schools=[w.school])
    scan_services.close_afname(afname=gesloten)
    zelfscan = scan_services.open_zelfscan(plg=w.plg, opened_by=w.coach, title="Start")
    zelfscan_toen = scan_services.open_zelfscan(plg=w.plg, opened_by=w.coach, title="Toen")
    scan_services.close_afname(afname=zelfscan_toen)
    return {
        "werkvorm": Werkvorm.objects.get(slug="kandoe"),
        "afname": afname,
        "gesloten": gesloten,
        "toegang": afname.toegangen.get(email=w.member.email),
        "zelfscan": zelfscan,
        "zelfscan_toen": zelfscan_toen,
        "gastlink": Gastlink.objects.create(
            sessie=sessie,
            name="Expert",
            expires_at=timezone.now() + timedelta(hours=2),
            created_by=w.coach,
        ),
        "kandoe": kandoe,
        "opdracht": Opdracht.objects.create(
            bijeenkomst=bijeenkomst,
            owner=w.member,
            description="Lezen",
            due_date=timezone.localdate(),
        ),
        "bijeenkomst": bijeenkomst,
        "blok": bijeenkomst.blokken.all()[0],
        "leervraag": Leervraag.objects.create(
            plg=w.plg, created_by=w.coach, current_text="Waarom?"
        ),
        "thema": Thema.objects.create(plg=w.plg, title="Thema", created_by=w.coach),
        "mijlpaal": Mijlpaal.objects.create(
            plg=w.plg, author=w.coach, title="M", due_date=timezone.localdate()
        ),
        "lid": w.plg.lidmaatschappen.get(user=w.member),
        "bijlage": _bijlage(w),
        "uitnodiging": Uitnodiging.objects.create(
            plg=w.plg, email="new@regenboog.example", school=w.school, invited_by=w.coach
        ),
        "vrij": _vrij(w),
        "maandplan": proposal_with_one_meeting(w),
        "feed": Kalenderfeed.objects.create(user=w.member),
        "bericht": _failed_mail(w),
        "bezoekronde": ronde_met_voorstel(w),
        **_samen(w),
    }


def _samen(w: World) -> SamenObjects:
    """A blitsbezoek in the member's class by the colleague; a co-teaching series of the two."""
    from plg.bezoeken import coteaching

    reeks = coteaching.start_reeks(
        eigenaar=w.member, partner=w.colleague, school=w.school, titel="Samen", klas="2A"
    )
    return {
        "blits": BlitsbezoekFactory.create(
            geobserveerde=w.member, bezoeker=w.colleague, school=w.school
        ),
        "reeks": reeks,
        "co_les": coteaching.add_les(
            reeks=reeks,
            door=w.member,
            begin=timezone.now() + timedelta(hours=1),
            minuten=50,
            plan="Plan",
        ),
    }


FAILED_MAIL = 9_000_001  # a fixed pk, so the POST data of its case can name it


def _failed_mail(w: World) -> Bericht:
    return Bericht.objects.create(
        pk=FAILED_MAIL,
        sleutel="test",
        soort=Soort.SCAN_UITNODIGING,
        over=w.school,
        door=w.leader,
        aan="x@regenboog.example",
        onderwerp="Scan",
        message_id="<test@plg.invalid>",
        status=Status.MISLUKT,
    )


# url name → (args from world+objects, method, post data, personas allowed, success status)
CASES: dict[str, Case] = {
    "home": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "werkvormen": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "vragenkit": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "werkvorm_detail": (lambda w, o: [o["werkvorm"].pk], "get", {}, LOGGED_IN, 200),
    "werkvorm_nieuw": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "plg_create": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "plg_edit": (lambda w, o: [w.plg.pk], "get", {}, COACH, 200),
    "plg_fase": (lambda w, o: [w.plg.pk], "post", {"fase": "leervraag"}, COACH, 302),
    "plg_fase_voorstel": (
        lambda w, o: [w.plg.pk],
        "post",
        {"fase": "actieplan", "antwoord": "niet_nu"},
        COACH,
        302,
    ),
    "plg_leden": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "lid_rol": (lambda w, o: [w.plg.pk, o["lid"].pk], "post", {"rol": "procescoach"}, COACH, 302),
    "plg_leave": (lambda w, o: [w.plg.pk], "post", {}, MEMBERS, 302),
    "leervragen": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "leervraag_check_hx": (lambda w, o: [w.plg.pk], "post", {"text": "Waarom?"}, MEMBERS, 200),
    "leervraag_detail": (lambda w, o: [w.plg.pk, o["leervraag"].pk], "get", {}, MEMBERS, 200),
    "leervraag_kies": (lambda w, o: [w.plg.pk, o["leervraag"].pk], "post", {}, COACH, 302),
    "themas": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "prioriteit_hx": (
        lambda w, o: [w.plg.pk, "thema", o["thema"].pk, "park"],
        "post",
        {},
        MEMBERS,
        302,
    ),
    "actieplan": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "mijlpaal_nieuw": (lambda w, o: [w.plg.pk], "get", {}, COACH, 200),
    "mijlpaal_vier": (lambda w, o: [w.plg.pk, o["mijlpaal"].pk], "get", {}, COACH, 200),
    "notitie_nieuw": (
        lambda w, o: [w.plg.pk],
        "post",
        {"text": "x", "audience": "plg"},
        MEMBERS,
        302,
    ),
    "afronden": (lambda w, o: [w.plg.pk], "get", {}, COACH, 200),
    "archief": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "gedeeld": (lambda w, o: [w.plg.pk], "get", {}, IN_SG, 200),
    "bijlage": (lambda w, o: [w.plg.pk, o["bijlage"].pk], "get", {}, IN_SG, 200),
    "uitnodiging": (lambda w, o: [o["uitnodiging"].token], "get", {}, {"anonymous"}, 200),
    "bijeenkomst_nieuw": (lambda w, o: [w.plg.pk], "get", {}, COACH, 200),
    "bijeenkomst_detail": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, MEMBERS, 200),
    "bijeenkomst_edit": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, COACH, 200),
    "agenda_blok_nieuw_hx": (
        lambda w, o: [o["bijeenkomst"].pk],
        "post",
        {"stap": "input", "minutes": "10", "title": "Lezen"},
        COACH,
        302,
    ),
    "agenda_blok_hx": (
        lambda w, o: [o["bijeenkomst"].pk, o["blok"].pk, "down"],
        "post",
        {},
        COACH,
        302,
    ),
    "opdracht_klaar": (lambda w, o: [o["opdracht"].pk], "post", {}, MEMBERS, 302),
    "terugblik": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, COACH, 200),
    "leerlog": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, MEMBERS, 200),
    "live": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, MEMBERS, 200),
    "live_join": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "samenvatting": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, MEMBERS, 200),
    "samenvatting_pdf": (lambda w, o: [o["bijeenkomst"].pk], "get", {}, MEMBERS, 200),
    "live_save_ranking": (
        lambda w, o: [o["bijeenkomst"].pk, o["kandoe"].pk],
        "post",
        {"als": "thema"},
        COACH,
        302,
    ),
    "live_gast_nieuw": (
        lambda w, o: [o["bijeenkomst"].pk],
        "post",
        {"name": "Expert", "hours": "4"},
        COACH,
        302,
    ),
    "live_gast_intrekken": (
        lambda w, o: [o["bijeenkomst"].pk, o["gastlink"].pk],
        "post",
        {},
        COACH,
        302,
    ),
    "live_schoolleiders": (lambda w, o: [o["bijeenkomst"].pk], "post", {}, COACH, 302),
    # the link itself is the key: whoever holds a valid one sees that session, signed in or not
    "live_gast": (lambda w, o: [o["gastlink"].token], "get", {}, set(PERSONAS), 200),
    "school_overview": (lambda w, o: [w.school.pk], "get", {}, {"leader"}, 200),
    # a scan link is the key: whoever holds it answers, signed in or not, and nothing else opens;
    # the answer key lives in a cookie, never in a URL
    "scan_start": (lambda w, o: [o["toegang"].token], "get", {}, set(PERSONAS), 200),
    "scan_bedankt": (lambda w, o: [o["toegang"].token], "get", {}, set(PERSONAS), 200),
    # without the cookie a first visit sets, nothing is stored, and the page says why
    "scan_bewaar_hx": (lambda w, o: [o["toegang"].token], "post", {"cv1": "4"}, set(PERSONAS), 200),
    "scan_indienen": (lambda w, o: [o["toegang"].token], "post", {}, set(PERSONAS), 400),
    "scan_verder": (
        lambda w, o: [o["toegang"].token],
        "post",
        {"email": "mij@thuis.example"},
        set(PERSONAS),
        302,
    ),
    "scan_hervat": (lambda w, o: [], "get", {}, set(PERSONAS), 200),
    "scans": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "scan_nieuw": (lambda w, o: [], "get", {}, WAVE_OPENERS, 200),
    "scan_afname": (lambda w, o: [o["afname"].pk], "get", {}, WAVE_RUNNERS, 200),
    "scan_herinneren": (lambda w, o: [o["afname"].pk], "post", {}, WAVE_RUNNERS, 302),
    "scan_sluiten": (lambda w, o: [o["afname"].pk], "post", {}, WAVE_RUNNERS, 302),
    "scan_affiche": (
        lambda w, o: [o["afname"].pk, w.school.pk],
        "get",
        {},
        WAVE_RUNNERS,
        200,
    ),
    "scan_rapport": (lambda w, o: [o["gesloten"].pk, w.school.pk], "get", {}, IN_SCHOOL, 200),
    "scan_rapport_pdf": (
        lambda w, o: [o["gesloten"].pk, w.school.pk],
        "get",
        {},
        IN_SCHOOL,
        200,
    ),
    "begeleiding_scans": (lambda w, o: [], "get", {}, {"advisor", "other_advisor"}, 200),
    "begeleiding_scans_export": (
        lambda w, o: ["xlsx"],
        "get",
        {},
        {"advisor", "other_advisor"},
        200,
    ),
    "zelfscans": (lambda w, o: [w.plg.pk], "get", {}, MEMBERS, 200),
    "zelfscan_nieuw": (lambda w, o: [w.plg.pk], "post", {"title": "Later"}, COACH, 302),
    "zelfscan_invullen": (lambda w, o: [w.plg.pk, o["zelfscan"].pk], "get", {}, MEMBERS, 302),
    "zelfscan_sluiten": (lambda w, o: [w.plg.pk, o["zelfscan"].pk], "post", {}, COACH, 302),
    "zelfscan_resultaat": (
        lambda w, o: [w.plg.pk, o["zelfscan_toen"].pk],
        "get",
        {},
        MEMBERS,
        200,
    ),
    "begeleiding": (lambda w, o: [], "get", {}, {"advisor", "other_advisor"}, 200),
    "tijd": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    # sharing your own busy times needs a place in a school's team (an empty form: 422)
    "tijd_bezet": (lambda w, o: [], "post", {}, TEAM, 422),
    "feed_nieuw": (lambda w, o: [], "post", {}, LOGGED_IN, 302),
    "feed_intrekken": (lambda w, o: [], "post", {}, LOGGED_IN, 302),
    # the feed link is the key, for calendar programs that cannot sign in
    "agenda_feed": (lambda w, o: [o["feed"].token], "get", {}, set(PERSONAS), 200),
    "plg_momenten": (lambda w, o: [w.plg.pk], "get", {}, COACH, 200),
    "plg_moment_kiezen": (
        lambda w, o: [w.plg.pk],
        "post",
        {"begin": "2030-01-07T08:30:00+01:00", "van": "2030-01-07", "tot": "2030-01-08"},
        COACH,
        302,
    ),
    "school_tijd": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    "school_kalender": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    "vrije_dagen_nieuw": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    "vrije_dagen_weg": (lambda w, o: [w.school.pk, o["vrij"].pk], "post", {}, PLANNERS, 302),
    "rooster_import": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    "school_rollen": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    # a teacher's week: the teacher, and the school's planners; never a colleague
    "leerkracht_rooster": (
        lambda w, o: [w.school.pk, w.member.pk],
        "get",
        {},
        PLANNERS | {"member"},
        200,
    ),
    "maandplannen": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    "maandplan": (lambda w, o: [o["maandplan"].pk], "get", {}, PLANNERS, 200),
    "maandplan_hx": (lambda w, o: [o["maandplan"].pk], "get", {}, PLANNERS, 200),
    "maandplan_toepassen": (lambda w, o: [o["maandplan"].pk], "post", {}, PLANNERS, 302),
    "maandplan_bijsturen": (lambda w, o: [o["maandplan"].pk, 0], "get", {}, PLANNERS, 200),
    "maandplan_verplaatsen": (lambda w, o: [o["maandplan"].pk, 0], "post", {}, PLANNERS, 302),
    "maandplan_weglaten": (lambda w, o: [o["maandplan"].pk, 0], "post", {}, PLANNERS, 302),
    # visit rounds: organised by the school's planners, joined by its teachers; the organiser
    # sees figures only, a teacher their own visits
    "bezoekrondes": (lambda w, o: [w.school.pk], "get", {}, PLANNERS, 200),
    "mijn_bezoekrondes": (lambda w, o: [], "get", {}, LOGGED_IN, 200),
    "bezoekronde": (lambda w, o: [o["bezoekronde"].pk], "get", {}, PLANNERS | SCHOOL_TEACHERS, 200),
    "bezoekronde_hx": (lambda w, o: [o["bezoekronde"].pk], "get", {}, PLANNERS, 200),
    "bezoekronde_berekenen": (lambda w, o: [o["bezoekronde"].pk], "post", {}, PLANNERS, 302),
    "bezoekronde_toepassen": (lambda w, o: [o["bezoekronde"].pk], "post", {}, PLANNERS, 302),
    "bezoekronde_inschrijven": (
        lambda w, o: [o["bezoekronde"].pk],
        "post",
        {},
        SCHOOL_TEACHERS,
        302,
    ),
    "bezoekronde_uitschrijven": (
        lambda w, o: [o["bezoekronde"].pk],
        "post",
        {},
        SCHOOL_TEACHERS,
        302,
    ),
    # moments for one visit: a teacher of the same scholengemeenschap, never with themselves
    "bezoekmomenten": (lambda w, o: [w.member.pk], "get", {}, {"coach", "colleague"}, 200),
    "bezoekmomenten_hx": (lambda w, o: [w.member.pk], "get", {}, {"coach", "colleague"}, 200),
    # a failed e-mail is tried again by whoever caused it to be sent, nobody else
    "bericht_opnieuw": (lambda w, o: [], "post", {"bericht": str(FAILED_MAIL)}, {"leader"}, 302),
}
_PART_CASES, REFUSED = parts()
CASES.update(_PART_CASES)
# The invitation (for a new address) refuses anyone signed in with another account.
SIGNED_IN_AS_SOMEONE_ELSE = {"uitnodiging"}
# Django's own account pages: open to everyone by design.
OPEN_AUTH_VIEWS = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
}


def test_every_url_has_an_authorisation_case() -> None:
    names = {n for n in get_resolver().reverse_dict if isinstance(n, str)}
    missing = names - set(CASES) - OPEN_AUTH_VIEWS
    assert not missing, f"URL's without an authorisation test: {sorted(missing)}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_access(client: Client, world: World, name: str, persona: str) -> None:
    objects = _objects(world)
    args_fn, method, data, allowed, ok = CASES[name]
    url = reverse(name, args=args_fn(world, objects))
    if persona != "anonymous":
        assert client.login(username=world.persona(persona).email, password=PASSWORD)
    response = getattr(client, method)(url, data)
    if persona in allowed:
        assert response.status_code == ok, response.content[:500]
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif (
        (persona == "member" and allowed == COACH)
        or name in SIGNED_IN_AS_SOMEONE_ELSE
        or persona in REFUSED.get(name, set())
    ):
        assert response.status_code == 403
    else:
        assert response.status_code == 404


# An archived PLG (afgesloten) is read-only. Every URL its coach may open is refused (403) on
# an archived PLG unless it is listed here: deny by default, so a new URL must be placed.
READS_ON_ARCHIVE = {
    "actieplan",
    "archief",
    "bijeenkomst_detail",
    "bijlage",
    "bronnen",
    "expertbezoek_detail",
    "expertbezoeken",
    "gedeeld",
    "leervraag_check_hx",  # checks a text, stores nothing
    "leervraag_detail",
    "leervragen",
    "live",  # the live screen of an archived PLG only shows; every command is refused
    "plg_detail",
    "plg_leden",
    "samenvatting",
    "samenvatting_pdf",
    "themas",
    "zelfscan_resultaat",
    "zelfscans",
}
# Closing a Zelfscan left open shows its results; nothing new is written.
FINISHES_ON_ARCHIVE = {"zelfscan_sluiten"}
# Sharing a finished path in the library is what only a closed PLG does.
SHARES_ON_ARCHIVE = {
    "bibliotheek_delen",
    "bibliotheek_instemmen",
    "bibliotheek_intrekken",
    "bibliotheek_publiceren",
}
NOT_ABOUT_THE_PLG = {
    name
    for name, case in CASES.items()
    if "coach" in case[3]
    and case[3] != MEMBERS
    and case[3] != COACH
    and name not in {"gedeeld", "bijlage"}
}


@pytest.mark.parametrize("name", sorted(n for n, case in CASES.items() if "coach" in case[3]))
def test_archived_plg_is_read_only(client: Client, world: World, name: str) -> None:
    objects = _objects(world)
    world.plg.fase = "afgesloten"
    world.plg.save()
    args_fn, method, data, _allowed, ok = CASES[name]
    client.login(username=world.coach.email, password=PASSWORD)
    response = getattr(client, method)(reverse(name, args=args_fn(world, objects)), data)
    still_open = READS_ON_ARCHIVE | FINISHES_ON_ARCHIVE | SHARES_ON_ARCHIVE | NOT_ABOUT_THE_PLG
    assert response.status_code == (ok if name in still_open else 403)
