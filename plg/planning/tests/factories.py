"""Test data shared by the planning tests and the authorisation table."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from plg.bezoeken.models import Bezoekronde, RondeStatus
from plg.planning.models import Maandplan
from plg.planning.problem import BRUSSELS
from plg.planning.rondes.voorstel import GeplandBezoek, Rondevoorstel
from plg.planning.voorstel import Plaatsing, Voorstel
from plg.roosters.models import Bezetting


def proposal_with_one_meeting(w: Any) -> Maandplan:
    """A month proposal of one after-school meeting in three days, ready to adjust or apply."""
    begin = timezone.now() + timedelta(days=3)
    return Maandplan.objects.create(
        school=w.school,
        scholengemeenschap=w.sg,
        maand=timezone.localdate().replace(day=1),
        door=w.leader,
        status="klaar",
        voorstel=Voorstel(
            plaatsingen=[
                Plaatsing(
                    plg=w.plg.pk,
                    naam=w.plg.name,
                    begin=begin,
                    minuten=100,
                    soort="na_school",
                    school=w.school.name,
                )
            ]
        ).to_json(),
    )


def busy_every_afternoon(user: Any, month: date) -> None:
    """Afternoons and after school taken for a whole month: only mornings remain."""
    day = month
    while day.month == month.month:
        Bezetting.objects.create(
            user=user,
            begin=datetime.combine(day, time(12, 30), tzinfo=BRUSSELS),
            einde=datetime.combine(day, time(19, 0), tzinfo=BRUSSELS),
        )
        day += timedelta(days=1)


def ronde_met_voorstel(w: Any) -> Bezoekronde:
    """A visit round of De Regenboog with the member and the colleague signed up and a proposal
    of one visit (the member in the colleague's class in a week), ready to apply."""
    begin = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    ronde = Bezoekronde.objects.create(
        scholengemeenschap=w.sg,
        school=w.school,
        titel="Kijken bij elkaar",
        van=timezone.localdate() + timedelta(days=1),
        tot=timezone.localdate() + timedelta(days=14),
        door=w.leader,
        status=RondeStatus.KLAAR,
        voorstel=Rondevoorstel(
            gevraagd=2,
            deelnemers=2,
            bezoeken=[
                GeplandBezoek(
                    geobserveerde=w.colleague.pk,
                    bezoeker=w.member.pk,
                    school=w.school.pk,
                    lesuur=3,
                    klas="3A",
                    begin=begin,
                    einde=begin + timedelta(minutes=50),
                )
            ],
        ).to_json(),
    )
    ronde.deelnemers.add(w.member, w.colleague)
    return ronde
