"""Demo data for the library: finished PLG's of earlier years in the demo network, and two
packages another installation shared with everyone, so searching has something to find."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from plg.bibliotheek.models import Bibliotheekitem, Zichtbaarheid
from plg.organisations.models import Network

PREFIX = "demo-"

ITEMS = [
    {
        "slug": "demo-leesplezier-derde-graad",
        "titel": "Lezen omdat je het graag doet",
        "onderwijsniveau": "basis",
        "schooljaar": "2023-2024",
        "praktijknood": "In het vijfde en zesde leerjaar bleef de leeshoek leeg; boekbesprekingen "
        "voelden als een toets.",
        "leervraag": "Waarom lezen onze oudste leerlingen zo weinig voor hun plezier, en wat "
        "zegt dat over hoe wij lezen aanbieden?",
        "themas": ["Leesmotivatie", "Taalbeleid"],
        "actieplan": "Elke dag een kwartier vrij lezen, boekenkringen in plaats van "
        "boekbesprekingen, samen met de openbare bibliotheek de klasbib vernieuwen.",
        "werkvormen": ["kandoe", "borgen-bannen-beginnen"],
        "voorstel": "Vrij lezen krijgt een vaste plek in het weekrooster van de derde graad.",
        "wat_we_leerden": "Kinderen lezen meer als ze zelf kiezen en erover mogen praten "
        "zonder cijfer.",
    },
    {
        "slug": "demo-cyberpesten-eerste-graad",
        "titel": "Wat op de gsm gebeurt, komt de klas binnen",
        "onderwijsniveau": "secundair",
        "schooljaar": "2024-2025",
        "praktijknood": "Ruzies uit groepschats barsten 's maandags uit op de speelplaats.",
        "leervraag": "Waarom merken wij als leerkrachten cyberpesten pas als het te laat is?",
        "themas": ["Welbevinden", "Mediawijsheid"],
        "actieplan": "Leerlingen bevragen over hun online leven, een vertrouwensleerkracht per "
        "klasgroep, afspraken met het CLB.",
        "werkvormen": ["swot"],
        "voorstel": "Een jaarlijkse bevraging en een vast aanspreekpunt per klas.",
        "wat_we_leerden": "Leerlingen vertellen het eerder aan een leerkracht die ze kennen dan "
        "aan een procedure.",
    },
    {
        "slug": "demo-taalrijke-kleuterklas",
        "titel": "Een taalrijke kleuterklas",
        "onderwijsniveau": "kleuter",
        "schooljaar": "2022-2023",
        "praktijknood": "Veel kleuters spreken thuis een andere taal dan het Nederlands.",
        "leervraag": "Hoe praten wij met kleuters zodat hun woordenschat groeit, ook als ze "
        "thuis een andere taal spreken?",
        "themas": ["Taal", "Nieuwkomers"],
        "actieplan": "Bij elkaar in de kring kijken, een kijkwijzer rond open vragen, ouders "
        "uitnodigen om in de thuistaal voor te lezen.",
        "werkvormen": ["kandoe"],
        "voorstel": "Open vragen in de kring als gewoonte van het hele kleuterteam.",
        "wat_we_leerden": "De thuistaal is een hefboom, geen hindernis.",
    },
    {
        "slug": "demo-evalueren-zonder-punten",
        "titel": "Een rapport dat iets vertelt",
        "onderwijsniveau": "basis",
        "schooljaar": "2024-2025",
        "praktijknood": "Het rapport telt punten op maar zegt weinig over groei.",
        "leervraag": "Waarom evalueren we, en wat vertelt ons rapport de kinderen over hun leren?",
        "themas": ["Evaluatie", "Rapportering"],
        "actieplan": "Rapporten van andere scholen lezen, met leerlingen praten over feedback, "
        "een proefrapport in twee klassen.",
        "werkvormen": ["borgen-bannen-beginnen"],
        "voorstel": "Een rapport met groeitaal in plaats van alleen punten.",
        "wat_we_leerden": "Feedback werkt pas als kinderen er iets mee mogen doen.",
    },
]


def seed_bibliotheek(network: Network) -> None:
    """The first two for the demo network, the others for everyone (as if imported)."""
    for n, velden in enumerate(ITEMS):
        Bibliotheekitem.objects.create(
            **velden,
            network=network if n < 2 else None,
            zichtbaarheid=Zichtbaarheid.NETWERK if n < 2 else Zichtbaarheid.IEDEREEN,
            published_at=timezone.now() - timedelta(days=30 * (n + 1)),
        )


def reset_bibliotheek() -> None:
    Bibliotheekitem.objects.filter(slug__startswith=PREFIX).delete()
