from typing import Any

from plg.accounts.http import AuthedRequest
from plg.accounts.models import User
from plg.communities.models import PLG, Actieplan, Fase, Lidmaatschap

NOT_NOW = "fase_niet_nu_{pk}"
"""The session key under which a coach put off the suggested phase of one PLG."""


def plg_context(plg: PLG, lid: Lidmaatschap) -> dict[str, Any]:
    """What every page of one PLG shows around its own content (header, phases, tabs)."""
    return {"plg": plg, "lid": lid, "is_coach": lid.is_coach, "fases": list(Fase)}


def has_actieplan(plg: PLG, user: User) -> bool:
    """An actieplan this person may read: a coach's private draft tells a co-coach nothing."""
    return Actieplan.objects.visible_to(user).filter(plg=plg).exists()


def fase_voorstel(request: AuthedRequest, plg: PLG, lid: Lidmaatschap) -> Fase | None:
    """The phase to suggest to this reader: to a coach only, and not the one they put off."""
    if not lid.is_coach:
        return None
    fase = plg.suggested_fase(has_actieplan=has_actieplan(plg, request.user))
    if fase is None or request.session.get(NOT_NOW.format(pk=plg.pk)) == fase:
        return None
    return fase
