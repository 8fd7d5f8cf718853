"""What a result suggests as a next step, per profile and per weakest condition: our own words.

Suggestions, not verdicts: the team decides what to do with them.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PROFILE_LABELS: dict[str, Promise] = {
    "beginnend": _("beginnende PLG"),
    "ontwikkelend": _("PLG in ontwikkeling"),
    "volwassen": _("volwassen PLG"),
}

PROFILE_ADVICE: dict[str, Promise] = {
    "beginnend": _(
        "Samen leren is hier nog vooral iets van enkelingen. Begin klein: één vraag uit de "
        "praktijk die meerdere collega's herkennen, een vrijwillige groep en een procescoach die "
        "het gesprek veilig houdt. Succes zit in de eerste keer dat iemand iets uit een collega's "
        "klas meeneemt naar de eigen les."
    ),
    "ontwikkelend": _(
        "Het team praat al over lesgeven en leren, maar de deur van de klas gaat nog niet vaak "
        "open. Een volgende stap: samen een les voorbereiden en bij elkaar gaan kijken, met een "
        "afgesproken kijkvraag, en nadien bespreken wat het opleverde voor de leerlingen."
    ),
    "volwassen": _(
        "Samen leren hoort hier bij het werk. Houd het levend: laat nieuwe collega's snel "
        "aansluiten en zoek samen hoe de klasdeur verder opengaat, met blitsbezoeken of een "
        "buddy voor elke leraar."
    ),
}

CONDITION_ADVICE: dict[str, Promise] = {
    "leiderschap": _(
        "Leiderschap kwam het zwakst uit de bus. Bespreek met de directie hoe zij het samen leren "
        "zichtbaar kan steunen: de visie samen scherpstellen, ruimte geven om iets uit te proberen "
        "en in overleg het leren van leerlingen centraal zetten."
    ),
    "externe_ondersteuning": _(
        "Externe ondersteuning kwam het zwakst uit de bus. Vraag de pedagogisch begeleider om "
        "mee te denken, zoek een school in de buurt die met een gelijkaardige vraag bezig is en "
        "spreek af wie welke kennis van buiten binnenbrengt."
    ),
    "organisatorische_voorwaarden": _(
        "De organisatorische voorwaarden kwamen het zwakst uit de bus, en tijd is de moeilijkste. "
        "Reken op minstens twee uur per maand per leraar om samen te werken, plan die in het "
        "rooster (vervanging, een namiddag zonder leerlingen) en zorg voor een vaste, rustige plek."
    ),
    "groepsdynamiek": _(
        "Groepsdynamiek en vertrouwen kwamen het zwakst uit de bus. Werk eerst aan veiligheid: "
        "vrijwillige deelname, duidelijke afspraken over wat binnen de groep blijft, en een "
        "procescoach die iedereen aan het woord laat, ook wie het anders ziet."
    ),
}
