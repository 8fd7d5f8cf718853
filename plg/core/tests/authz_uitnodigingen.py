"""Authorisation cases of a PLG's invitations: only its coach withdraws one."""

from __future__ import annotations

from conftest import World
from plg.communities import services
from plg.core.tests.authz import COACH, Case


def _open_invitation(w: World, o: object) -> list[object]:
    invitation = services.invite(
        plg=w.plg, email="kato@regenboog.example", school=w.school, invited_by=w.coach
    )
    return [w.plg.pk, invitation.pk]


CASES: dict[str, Case] = {
    "uitnodiging_intrekken": (_open_invitation, "post", {}, COACH, 302),
}
