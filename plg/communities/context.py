from typing import Any

from plg.communities.models import PLG, Fase, Lidmaatschap


def plg_context(plg: PLG, lid: Lidmaatschap) -> dict[str, Any]:
    """What every page of one PLG shows around its own content (header, phases, tabs)."""
    return {"plg": plg, "lid": lid, "is_coach": lid.is_coach, "fases": list(Fase)}
