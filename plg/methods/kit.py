"""The printable session kit: which sheets exist, on which paper, for which werkvorm.

A PLG that meets without screens still works with the werkvormen of the catalogue; each sheet
is the paper form of one of them. The sheets themselves are drawn by ``meetings.kit``, which
also knows a bijeenkomst (its agenda, its goals); the werkvorm pages only need to know that a
sheet exists.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from plg.methods.models import Werkvorm


class Blad(models.TextChoices):
    AGENDA = "agenda", _("Agenda van de bijeenkomst")
    KANDOE = "kandoe", _("KanDoe-cirkel")
    BBB = "borgen-bannen-beginnen", _("Borgen, bannen, beginnen")
    SWOT = "swot", _("SWOT-blad")
    CHECKOUT = "check-out", _("Check-out op papier")
    OASE = "oase", _("OASE-fasekaarten")


PAPIER: dict[Blad, str] = {
    Blad.AGENDA: "A4",
    Blad.KANDOE: "A3",
    Blad.BBB: "A3",
    Blad.SWOT: "A3",
    Blad.CHECKOUT: "A4",
    Blad.OASE: "A4",
}

UITLEG: dict[Blad, Promise] = {
    Blad.AGENDA: _("De stappen van de bijeenkomst met hun uur, werkvorm en minuten."),
    Blad.KANDOE: _(
        "Een cirkel met ringen om op tafel te leggen, met plaats voor de startvraag en de "
        "spelregels: om de beurt één kaartje van iemand anders één ring naar binnen."
    ),
    Blad.BBB: _("Drie vellen om op te hangen: wat we houden, waar we mee stoppen, wat we starten."),
    Blad.SWOT: _("Vier vakken voor sterktes, zwaktes, kansen en bedreigingen rond jullie ambitie."),
    Blad.CHECKOUT: _(
        "Eén blad per deelnemer met de vragen van de check-out en ruimte voor je eigen leerlog."
    ),
    Blad.OASE: _("Vier kaarten, één per fase, om tijdens de intervisie voor je te zetten."),
}

# The catalogue's werkvormen (by slug) and the sheet each is played on; the SWOT is the
# variant of the beginsituatie-analyse.
WERKVORM_BLAD: dict[str, Blad] = {
    "kandoe": Blad.KANDOE,
    "borgen-bannen-beginnen": Blad.BBB,
    "beginsituatie-analyse": Blad.SWOT,
    "check-out": Blad.CHECKOUT,
    "oase": Blad.OASE,
}


def blad_voor(werkvorm: Werkvorm) -> Blad | None:
    """A school's own werkvorm has no sheet: its slug may look like one of ours by chance."""
    if werkvorm.school_id is not None:
        return None
    return WERKVORM_BLAD.get(werkvorm.slug)
