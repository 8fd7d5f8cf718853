"""A visit round from sign-up to visits: compute in the background, apply all at once.

Teachers sign up and may withdraw until the round is applied; a change of participants makes
an existing proposal stale, so the round opens again. Applying turns every proposed visit into
a visit through ``bezoeken.services.invite_ronde`` (accepted: the round is the invitation both
signed up for; both get it in their mail and calendar, and the reminders) with its cover duties,
in one transaction. A visit cancelled later withdraws its cover (``withdraw_cover``, on
``bezoeken.signals.bezoek_cancelled``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from plg.accounts.models import User
from plg.bezoeken.models import Bezoekronde, Klasbezoek, RondeStatus
from plg.bezoeken.services import invite_ronde
from plg.core.db import outside_transaction
from plg.planning import mails
from plg.planning.models import Vervangbeurt
from plg.planning.problem import Vervanging
from plg.planning.rondes.build import ronde_van
from plg.planning.rondes.cpsat import plan_cpsat
from plg.planning.rondes.voorstel import Rondevoorstel
from plg.post.services import queue_berichten

WIJZIGBAAR = (RondeStatus.OPEN, RondeStatus.KLAAR, RondeStatus.ONHAALBAAR, RondeStatus.MISLUKT)


@transaction.atomic
def sign_up(*, ronde: Bezoekronde, user: User) -> bool:
    """Join the round; False once it is being computed or applied."""
    ronde = Bezoekronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status not in WIJZIGBAAR:
        return False
    ronde.deelnemers.add(user)
    _reopen(ronde)
    return True


@transaction.atomic
def withdraw(*, ronde: Bezoekronde, user: User) -> bool:
    """Leave the round, any time before it is applied (not while it is being computed)."""
    ronde = Bezoekronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status not in WIJZIGBAAR:
        return False
    ronde.deelnemers.remove(user)
    _reopen(ronde)
    return True


def _reopen(ronde: Bezoekronde) -> None:
    """Another set of participants: a proposal made for the old one is gone."""
    if ronde.status != RondeStatus.OPEN:
        ronde.status = RondeStatus.OPEN
        ronde.voorstel = {}
        ronde.save(update_fields=["status", "voorstel"])


@transaction.atomic
def start_berekening(*, ronde: Bezoekronde) -> bool:
    """Compute in the background: the solver may take seconds."""
    from plg.planning.tasks import compute_bezoekronde

    ronde = Bezoekronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status not in WIJZIGBAAR or ronde.deelnemers.count() < 2:
        return False
    ronde.status = RondeStatus.BEZIG
    ronde.voorstel = {}
    ronde.save(update_fields=["status", "voorstel"])
    transaction.on_commit(lambda: compute_bezoekronde.enqueue(ronde.pk))
    return True


@outside_transaction
def calculate_bezoekronde(ronde: Bezoekronde) -> str:
    """CP-SAT (with the greedy plan as its hint and fallback), from tomorrow on."""
    probleem = ronde_van(ronde, van=timezone.localdate() + timedelta(days=1))
    plan = plan_cpsat(probleem, seconds=settings.PLANNER_SECONDS)
    voorstel = Rondevoorstel.from_plan(probleem, plan)
    status = RondeStatus.KLAAR if voorstel.bezoeken else RondeStatus.ONHAALBAAR
    updated = Bezoekronde.objects.filter(pk=ronde.pk, status=RondeStatus.BEZIG).update(
        status=status, voorstel=voorstel.to_json()
    )
    return str(status) if updated else "vervallen"


@transaction.atomic
def apply_bezoekronde(*, ronde: Bezoekronde, door: User) -> list[Klasbezoek]:
    """Every proposed visit becomes a Klasbezoek with its cover; all of them or none."""
    ronde = Bezoekronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status != RondeStatus.KLAAR:
        return []
    voorstel = Rondevoorstel.from_json(ronde.voorstel)
    bezoeken = invite_ronde(
        ronde=ronde,
        bezoeken=[
            Klasbezoek(
                geobserveerde_id=b.geobserveerde,
                bezoeker_id=b.bezoeker,
                school_id=b.school,
                klas=b.klas[:50],
                begin=b.begin,
                einde=b.einde,
                lesuur=b.lesuur,
            )
            for b in voorstel.bezoeken
        ],
    )
    per_bezoeker = {(k.bezoeker_id, k.begin.date()): k for k in bezoeken}
    beurten = Vervangbeurt.objects.bulk_create(
        Vervangbeurt.for_vervanging(
            None,
            Vervanging(v.afwezige, v.vervanger, v.school, v.dag, v.lesuur, v.groep),
            (v.begin, v.einde),
            bezoek=per_bezoeker[(v.afwezige, v.dag)],
        )
        for v in voorstel.vervangingen
    )
    per_vervanger: dict[int, list[Vervangbeurt]] = defaultdict(list)
    for beurt in beurten:
        per_vervanger[beurt.vervanger_id].append(beurt)
    queue_berichten(mails.bezoek_vervangingen(ronde, per_vervanger, door=door))
    ronde.status = RondeStatus.TOEGEPAST
    ronde.save(update_fields=["status"])
    return bezoeken


def withdraw_cover(*, bezoek: Klasbezoek) -> None:
    """The visit is off: its cover duties go, and each substitute hears they need not come
    (still without whom the colleague would have visited)."""
    beurten = list(Vervangbeurt.objects.filter(bezoek=bezoek).select_related("afwezige"))
    if not beurten:
        return
    per_vervanger: dict[int, list[Vervangbeurt]] = defaultdict(list)
    for beurt in beurten:
        per_vervanger[beurt.vervanger_id].append(beurt)
    queue_berichten(mails.bezoek_vervanging_vervalt(bezoek, per_vervanger))
    Vervangbeurt.objects.filter(pk__in=[b.pk for b in beurten]).delete()


def on_bezoek_cancelled(sender: object, *, bezoek: Klasbezoek, **kwargs: object) -> None:
    withdraw_cover(bezoek=bezoek)
