"""Demo data for the library: the reading PLG of De Regenboog shared its path with the network,
and three packages from elsewhere were imported for everyone."""

from __future__ import annotations

import json

from plg.bibliotheek import services
from plg.bibliotheek.models import Zichtbaarheid
from plg.bibliotheek.pakket import FORMAAT, importeer, lees
from plg.communities.models import PLG

PAKKETTEN: list[dict[str, object]] = [
    {
        "id": "evalueren-zonder-punten-eerste-graad",
        "titel": "Evalueren zonder punten in de eerste graad",
        "onderwijsniveau": "secundair",
        "schooljaar": "2023-2024",
        "praktijknood": "Leerlingen kijken enkel naar het cijfer en lezen de feedback niet.",
        "leervraag": "Hoe geven we feedback die leerlingen gebruiken voor hun volgende taak?",
        "themas": ["evaluatie", "feedback", "breed evalueren"],
        "actieplan": "Per vak één taak per trimester met feedback in plaats van een score.",
        "werkvormen": ["kandoe", "oase"],
        "voorstel": "Een rapport met groeicommentaar per vak, zonder punten voor dagelijks werk.",
        "wat_we_leerden": "Feedback werkt pas als er tijd is om ze te gebruiken, in de les zelf.",
    },
    {
        "id": "cyberpesten-derde-graad-lager",
        "titel": "Samen sterk tegen cyberpesten",
        "onderwijsniveau": "basis",
        "schooljaar": "2024-2025",
        "praktijknood": "Ruzies uit de groepschat van de klas komen 's maandags mee de klas in.",
        "leervraag": "Hoe praten we met leerlingen van de derde graad over wat online gebeurt?",
        "themas": ["cyberpesten", "welbevinden", "mediawijsheid"],
        "actieplan": "Elke week een klasgesprek van tien minuten over het online leven.",
        "werkvormen": [],
        "voorstel": "Een klasafspraak over de groepschat, door de leerlingen zelf geschreven.",
        "wat_we_leerden": "Leerlingen willen erover praten als de leerkracht niet meteen oordeelt.",
    },
    {
        "id": "schrijfplezier-vijfde-leerjaar",
        "titel": "Schrijfplezier in het vijfde leerjaar",
        "onderwijsniveau": "basis",
        "schooljaar": "2024-2025",
        "praktijknood": "Kinderen schrijven het minimum en vinden schrijven saai.",
        "leervraag": "Hoe laten we kinderen schrijven voor een echt publiek?",
        "themas": ["schrijven", "motivatie"],
        "actieplan": "Een klaskrant die elke maand verschijnt.",
        "werkvormen": [],
        "voorstel": "Elke klas schrijft minstens één keer per trimester voor lezers buiten de klas.",
        "wat_we_leerden": "Een echte lezer doet meer dan een punt.",
    },
]


def seed_bibliotheek() -> None:
    _lezen_gedeeld()
    pakketten = [lees(str(p["id"]), _json({"formaat": FORMAAT, **p})) for p in PAKKETTEN]
    importeer((p.slug, p) for p in pakketten)


def _json(obj: dict[str, object]) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


def _lezen_gedeeld() -> None:
    plg = PLG.objects.get(name="Lezen met plezier")
    velden = services.voorstel_uit_plg(plg) | {
        "onderwijsniveau": "basis",
        "themas": ["leesmotivatie", "vrij lezen", "klasbibliotheek"],
        "wat_we_leerden": "Kinderen lezen langer als ze zelf kiezen, en dan moet er genoeg te kiezen zijn.",
        "zichtbaarheid": Zichtbaarheid.NETWERK,
    }
    item = services.save_concept(plg=plg, velden=velden, met_namen=False)
    for lid in plg.lidmaatschappen.select_related("user"):
        services.stem_in(item=item, user=lid.user)
    services.publish(item=item, plg=plg)
