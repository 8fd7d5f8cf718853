"""Demo data for recommendation 8 and the LfL compass: the bronnen the homework PLG found with
its leervraag, the coach's principle tags on a bijeenkomst and a note, and an expert's visit in
preparation for the next bijeenkomst."""

from __future__ import annotations

from django.utils import timezone

from plg.accounts.models import User
from plg.communities.lfl import Principe
from plg.communities.models import PLG, Bron, NotitiePrincipe
from plg.meetings.expert import voorgestelde_vragen
from plg.meetings.models import BijeenkomstPrincipe, Expertbezoek

BRONNEN = [
    (
        "Overzichtsstudie over huiswerk en leerwinst",
        "https://voorbeeld.example/huiswerk-en-leerwinst",
        "",
        "Ze toonde dat huiswerk in de lagere school weinig leerwinst geeft, tenzij het kort is en "
        "teruggekoppeld wordt. Dat zette ons aan het denken over het waarom.",
    ),
    (
        "Bezoek aan Basisschool Sint-Jozef",
        "",
        "Hun derde graad werkt met een weektaak op school in plaats van huiswerk.",
        "We zagen hoe leerlingen zelf plannen zonder thuis hulp nodig te hebben: "
        "een antwoord op de vraag naar gelijke kansen.",
    ),
]


def seed_lfl(plg: PLG, coach: User, bram: User) -> None:
    for titel, link, beschrijving, waarom in BRONNEN:
        Bron.objects.create(
            plg=plg,
            leervraag=plg.gekozen_leervraag,
            titel=titel,
            link=link,
            beschrijving=beschrijving,
            waarom=waarom,
            added_by=bram,
        )
    past, ahead = plg.bijeenkomsten.order_by("starts_at")[:2]
    for principe in (Principe.DIALOOG, Principe.FOCUS_OP_LEREN):
        BijeenkomstPrincipe.objects.create(bijeenkomst=past, principe=principe)
    notitie = plg.notities.first()
    if notitie is not None:
        NotitiePrincipe.objects.create(notitie=notitie, principe=Principe.GEDEELD_LEIDERSCHAP)
    leervraag = plg.gekozen_leervraag.current_text if plg.gekozen_leervraag else ""
    Expertbezoek.objects.create(
        plg=plg,
        bijeenkomst=ahead,
        naam="Sofie Claeys",
        email="sofie.claeys@hogeschool.example",
        datum=timezone.localtime(ahead.starts_at).date(),
        vragen="\n".join(voorgestelde_vragen(leervraag)[:3]),
        created_by=coach,
    )
