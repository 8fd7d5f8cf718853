"""Tandems for tests: made as a coach makes one (``services.start_tandem``)."""

from __future__ import annotations

from conftest import World
from plg.meetings.tests.factories import BijeenkomstFactory
from plg.tandem import services
from plg.tandem.models import Aanwezigheid, Steunvraag, Tandem

AFSPRAAK = services.Afspraak(
    delen="De leervraag, het actieplan en de mijlpalen.",
    binnen_plg="Wie wat zei, de leerlogs en de klasbezoeken.",
    overleg="Een halfuur na elke tweede bijeenkomst.",
    tijd="Twee lesuren per maand, de zorgcoördinator vervangt.",
)


def tandem_of(w: World, *, akkoord: bool = False) -> Tandem:
    """The coach's tandem with the leader of De Regenboog, proposed by the coach (the one
    already there, when a crawl asks for it once per persona)."""
    tandem = Tandem.objects.filter(plg=w.plg).first() or services.start_tandem(
        plg=w.plg, coach=w.coach, schoolleider=w.leader, afspraak=AFSPRAAK
    )
    if akkoord:
        services.agree(tandem=tandem, by=w.leader)
    return tandem


def steunvraag_of(w: World, pk: int | None = None) -> Steunvraag:
    """The coach asks for an expert (``pk`` fixed when a test's POST data must name it)."""
    tandem = tandem_of(w)
    if pk is not None and (found := Steunvraag.objects.filter(pk=pk, tandem=tandem).first()):
        return found
    return Steunvraag.objects.create(
        pk=pk,
        tandem=tandem,
        gevraagd_door=w.coach,
        soort="expert",
        vraag="Iemand die huiswerk onderzocht.",
    )


def uitnodiging_of(w: World) -> Aanwezigheid:
    return services.invite_schoolleider(
        tandem=tandem_of(w), bijeenkomst=BijeenkomstFactory.create(plg=w.plg), by=w.coach
    )
