"""Background work for planning: the month solver."""

from __future__ import annotations

from django_tasks import task

from plg.meetings import tasks as meetings_tasks
from plg.planning import services
from plg.planning.models import Maandplan, MaandplanStatus

# Reminders queued before they moved to meetings name this path in the database queue.
send_herinnering = meetings_tasks.send_herinnering


@task()
def compute_maandplan(maandplan_id: int) -> str:
    """A failure is shown as such: the page must not wait for a plan that never comes."""
    maandplan = Maandplan.objects.select_related("school", "scholengemeenschap").get(
        pk=maandplan_id
    )
    try:
        return str(services.calculate_maandplan(maandplan))
    except Exception:
        Maandplan.objects.filter(pk=maandplan_id).update(status=MaandplanStatus.MISLUKT)
        raise


@task()
def compute_bezoekronde(ronde_id: int) -> str:
    """A failure is shown as such, like a month plan's."""
    from plg.bezoeken.models import Bezoekronde, RondeStatus
    from plg.planning.rondes.services import calculate_bezoekronde

    ronde = Bezoekronde.objects.select_related("school", "scholengemeenschap").get(pk=ronde_id)
    try:
        return calculate_bezoekronde(ronde)
    except Exception:
        Bezoekronde.objects.filter(pk=ronde_id).update(status=RondeStatus.MISLUKT)
        raise
