"""The visits part of a person's leerlog, in the shape every part shares (``LeerlogMoment``).

What the observed teacher took from the conversation afterwards and what a visitor takes back
to their own class: the same rows "Mijn klasbezoeken" shows as its leerlog, read through
``visible_to``. Without the colleague's name or the class, because the leerlog may go into a
professional file that others read: who visited whom stays between the two of them.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from plg.accounts.models import User
from plg.bezoeken.models import Meegenomen, Nagesprek
from plg.meetings.leerlog import LeerlogMoment


def from_bezoeken(user: User) -> list[LeerlogMoment]:
    nagesprekken = Nagesprek.objects.visible_to(user).filter(author=user).select_related("bezoek")
    meegenomen = Meegenomen.objects.visible_to(user).filter(author=user).select_related("bezoek")
    return [
        *(
            LeerlogMoment(
                when=nota.bezoek.begin,
                soort=_("Klasbezoek"),
                context=_("in mijn klas"),
                parts=tuple(
                    (label, text)
                    for label, text in (
                        (_("Wat neem ik mee?"), nota.wat_neem_ik_mee),
                        (_("Volgende stap"), nota.volgende_stap),
                    )
                    if text.strip()
                ),
                audience=nota.get_audience_display(),
                url=reverse("bezoek_detail", args=[nota.bezoek_id]),
            )
            for nota in nagesprekken
        ),
        *(
            LeerlogMoment(
                when=nota.bezoek.begin,
                soort=_("Klasbezoek"),
                context=_("bij een collega"),
                parts=((_("Wat neem ik mee naar mijn klas?"), nota.tekst),),
                audience=nota.get_audience_display(),
                url=reverse("bezoek_detail", args=[nota.bezoek_id]),
            )
            for nota in meegenomen
        ),
    ]
