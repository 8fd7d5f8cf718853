"""The printable session kit, for PLG's that meet without screens: the sheets as plain data.

Every sheet is one part of one PDF template (``meetings/kit_pdf.html``); ``Kit`` says which
parts to print and carries what they show. Printed for a bijeenkomst, the agenda shows its
blocks with their clock times, the check-out form its goals and the OASE cards the minutes of
its OASE block; printed from a werkvorm page, the sheets are blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from plg.meetings.models import AgendaBlok, Bijeenkomst, Terugblik
from plg.methods.kit import PAPIER, WERKVORM_BLAD, Blad
from plg.methods.models import Stap

# Sheets that make sense without a bijeenkomst (the agenda has nothing to show).
LOSSE_BLADEN = tuple(blad for blad in Blad if blad != Blad.AGENDA)


@dataclass(frozen=True)
class AgendaRegel:
    begin: datetime
    stap: str
    titel: str
    werkvorm: str
    minutes: int


@dataclass(frozen=True)
class Vak:
    """One field of a sheet to write in: its heading and the question that opens it."""

    titel: str
    vraag: str


@dataclass(frozen=True)
class Kit:
    bladen: tuple[Blad, ...]
    plg_naam: str = ""
    begin: datetime | None = None
    plaats: str = ""
    duur: int = 0
    doelen: tuple[str, ...] = ()
    agenda: tuple[AgendaRegel, ...] = ()
    oase_minuten: int | None = None

    @property
    def agenda_minuten(self) -> int:
        return sum(regel.minutes for regel in self.agenda)

    @property
    def papier(self) -> tuple[str, ...]:
        return tuple(PAPIER[blad] for blad in self.bladen)

    def toont(self, blad: str) -> bool:
        return blad in self.bladen

    @property
    def checkout_vragen(self) -> tuple[str, ...]:
        """The questions of the check-out record, as the screen asks them: what is written on
        paper can be typed in later without translating one form into another."""
        fields = (
            Terugblik.hoe_was_het,
            Terugblik.behouden,
            Terugblik.veranderen,
            Terugblik.volgende_stap,
        )
        return tuple(capfirst(str(f.field.verbose_name)) for f in fields)

    @property
    def leerlog_vragen(self) -> tuple[Vak, ...]:
        return (
            Vak(_("Kennis en inzicht"), _("Wat weet of begrijp ik nu beter dan voordien?")),
            Vak(
                _("Vaardigheden"),
                _("Wat kan ik nu (beter), of wat wil ik uitproberen in mijn klas?"),
            ),
            Vak(
                _("Attitudes"),
                _("Hoe kijk ik nu anders naar mijn leerlingen, mijn collega's of mezelf?"),
            ),
        )

    @property
    def bbb(self) -> tuple[Vak, ...]:
        return (
            Vak(_("Borgen"), _("Wat loopt al goed en willen we zeker houden?")),
            Vak(_("Bannen"), _("Waar stoppen we beter mee?")),
            Vak(_("Beginnen"), _("Wat willen we nieuw opstarten?")),
        )

    @property
    def swot(self) -> tuple[Vak, ...]:
        return (
            Vak(_("Sterktes"), _("Wat doen wij als school al goed?")),
            Vak(_("Zwaktes"), _("Waar lopen wij binnen de school vast?")),
            Vak(_("Kansen"), _("Wat van buiten de school kan ons vooruit helpen?")),
            Vak(_("Bedreigingen"), _("Wat van buiten de school kan ons afremmen?")),
        )

    @property
    def oase(self) -> tuple[Vak, ...]:
        return (
            Vak(
                _("Onderzoek"),
                _(
                    "Enkel vragen die de situatie verhelderen. Nog geen raad, nog geen eigen verhaal."
                ),
            ),
            Vak(
                _("Appreciatie"),
                _(
                    "Ieder zegt wat hij of zij waardeert in de inbrenger of in de aanpak tot nu toe."
                ),
            ),
            Vak(
                _("Suggestie"),
                _(
                    "Andere manieren om naar de situatie te kijken, en aanpakken om uit te proberen."
                ),
            ),
            Vak(
                _("Evaluatie"),
                _("De inbrenger vertelt wat hij of zij meeneemt. De anderen luisteren."),
            ),
        )


def losse_kit(blad: Blad | None = None) -> Kit:
    """One blank sheet as a werkvorm page prints it, or (``None``) every blank sheet."""
    return Kit(bladen=LOSSE_BLADEN if blad is None else (blad,))


def kit_voor(bijeenkomst: Bijeenkomst, blad: Blad | None = None) -> Kit:
    """The kit of one bijeenkomst: one sheet, or (``None``) the agenda, the sheets of the
    werkvormen on its agenda, and the check-out form."""
    blokken = list(bijeenkomst.blokken.select_related("werkvorm"))
    if blad is None:
        op_agenda = {
            WERKVORM_BLAD.get(b.werkvorm.slug)
            for b in blokken
            if b.werkvorm is not None and b.werkvorm.school_id is None
        }
        bladen = tuple(b for b in Blad if b in {Blad.AGENDA, Blad.CHECKOUT} or b in op_agenda)
    else:
        bladen = (blad,)
    oase = [b.minutes for b in blokken if b.werkvorm is not None and b.werkvorm.slug == "oase"]
    return Kit(
        bladen=bladen,
        plg_naam=bijeenkomst.plg.name,
        begin=bijeenkomst.starts_at,
        plaats=bijeenkomst.place,
        duur=bijeenkomst.duration_minutes,
        doelen=tuple(bijeenkomst.doelen_lijst()),
        agenda=_agenda(bijeenkomst.starts_at, blokken),
        oase_minuten=oase[0] // 4 if oase else None,
    )


def _agenda(start: datetime, blokken: list[AgendaBlok]) -> tuple[AgendaRegel, ...]:
    regels = []
    begin = timezone.localtime(start)
    for blok in blokken:
        regels.append(
            AgendaRegel(
                begin=begin,
                stap=capfirst(str(Stap(blok.stap).label)),
                titel=blok.title,
                werkvorm=str(blok.werkvorm) if blok.werkvorm else "",
                minutes=blok.minutes,
            )
        )
        begin += timedelta(minutes=blok.minutes)
    return tuple(regels)
