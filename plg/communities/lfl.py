"""The five principles of Leadership for Learning, as a compass a coach holds up to the work.

The guide's advisor used the framework to place what a PLG was doing ("now we are working on
dialogue"); the same five pillars carry the Zelfscan (``scans/instruments/zelfscan-lfl-1.yaml``),
so a principle here has the key of its pillar there. A coach tags bijeenkomsten and notes with
them; the archive counts them. A tag is the coach's reading, not a grade of anyone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Principe(models.TextChoices):
    FOCUS_OP_LEREN = "focus_op_leren", _("Focus op leren")
    VOORWAARDEN = "voorwaarden_voor_leren", _("Voorwaarden voor leren")
    DIALOOG = "dialoog", _("Dialoog")
    GEDEELD_LEIDERSCHAP = "gedeeld_leiderschap", _("Gedeeld leiderschap")
    GEDEELDE_VERANTWOORDING = "gedeelde_verantwoording", _("Gedeelde verantwoording")


UITLEG: dict[str, Promise] = {
    Principe.FOCUS_OP_LEREN: _(
        "Het leren van leerlingen en van onszelf staat in het midden van wat we doen."
    ),
    Principe.VOORWAARDEN: _(
        "We zorgen voor tijd, ruimte, middelen en een veilige sfeer waarin leren kan."
    ),
    Principe.DIALOOG: _(
        "We praten open en onderzoekend over onze praktijk, ook als we het oneens zijn."
    ),
    Principe.GEDEELD_LEIDERSCHAP: _(
        "Iedereen kan het initiatief nemen; leiden is niet voorbehouden aan één persoon."
    ),
    Principe.GEDEELDE_VERANTWOORDING: _(
        "We dragen samen zorg voor wat we afspreken en tonen wat het oplevert."
    ),
}


def principes() -> list[tuple[str, str, str]]:
    """Each principle as (key, label, explanation), in the framework's order."""
    return [(p.value, str(p.label), str(UITLEG[p])) for p in Principe]


class PrincipesForm(forms.Form):
    principes = forms.MultipleChoiceField(
        label=_("Principes van leiderschap voor leren"),
        choices=Principe.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


@transaction.atomic
def set_principes(*, tags: models.Manager[models.Model], gekozen: Iterable[str]) -> None:
    """Make the tags of one bijeenkomst or note exactly ``gekozen`` (the manager of its tag rows,
    e.g. ``notitie.principes``): the form shows all five, so what is not ticked goes."""
    keep = set(gekozen) & set(Principe.values)
    tags.exclude(principe__in=keep).delete()
    have = set(tags.values_list("principe", flat=True))
    for principe in sorted(keep - have):
        tags.create(principe=principe)
