"""The library's search box and filters; the filters offer only what the reader can find."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from plg.bibliotheek.models import Bibliotheekitem, Onderwijsniveau, Zoekfacet
from plg.bibliotheek.zoeken import Filters
from plg.core.validators import single_line
from plg.methods.models import Werkvorm


def _keuzes(items: QuerySet[Bibliotheekitem]) -> dict[str, list[tuple[str, str]]]:
    """Themes, werkvormen and school years present among the entries a reader may see."""
    keuzes: dict[str, dict[str, str]] = {Zoekfacet.Soort.THEMA: {}, Zoekfacet.Soort.WERKVORM: {}}
    for soort, sleutel, label in (
        Zoekfacet.objects.filter(item__in=items.values("pk"))
        .order_by("soort", "sleutel", "label")
        .values_list("soort", "sleutel", "label")
        .distinct()
    ):
        keuzes[soort].setdefault(sleutel, label)
    namen = dict(
        Werkvorm.objects.filter(
            school__isnull=True, slug__in=list(keuzes[Zoekfacet.Soort.WERKVORM])
        ).values_list("slug", "name")
    )
    jaren = items.order_by("-schooljaar").values_list("schooljaar", flat=True).distinct()
    return {
        "thema": sorted(keuzes[Zoekfacet.Soort.THEMA].items(), key=lambda kv: kv[1].lower()),
        "werkvorm": sorted(
            ((s, namen.get(s, s)) for s in keuzes[Zoekfacet.Soort.WERKVORM]),
            key=lambda kv: kv[1].lower(),
        ),
        "schooljaar": [(j, j) for j in jaren],
    }


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=_("Waar zoek je naar?"),
        max_length=200,
        required=False,
        validators=[single_line],
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("bijvoorbeeld: leesmotivatie, huiswerk")}
        ),
    )
    onderwijsniveau = forms.ChoiceField(label=_("Onderwijsniveau"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    schooljaar = forms.ChoiceField(label=_("Schooljaar"), required=False)
    werkvorm = forms.ChoiceField(label=_("Werkvorm"), required=False)

    def __init__(self, *args: Any, items: QuerySet[Bibliotheekitem] | None, **kwargs: Any) -> None:
        """Without ``items`` (the results as you type, where no select is drawn) the theme,
        year and werkvorm are taken as sent: a value no entry has simply finds nothing."""
        super().__init__(*args, **kwargs)
        alle = [("", _("alle"))]
        keuzes = _keuzes(items) if items is not None else self._zoals_gestuurd()
        velden: dict[str, Any] = {
            "onderwijsniveau": Onderwijsniveau.choices,
            "thema": keuzes["thema"],
            "schooljaar": keuzes["schooljaar"],
            "werkvorm": keuzes["werkvorm"],
        }
        for naam, opties in velden.items():
            veld = self.fields[naam]
            assert isinstance(veld, forms.ChoiceField)
            veld.choices = alle + list(opties)

    def _zoals_gestuurd(self) -> dict[str, list[tuple[str, str]]]:
        return {
            naam: [(str(waarde)[:200], str(waarde)[:200])]
            if (waarde := self.data.get(naam))
            else []
            for naam in ("thema", "schooljaar", "werkvorm")
        }

    def vraag_en_filters(self) -> tuple[str, Filters]:
        """What to search for; a value that is not valid narrows nothing."""
        if not self.is_bound:
            return "", Filters()
        self.is_valid()
        data = {n: self.cleaned_data.get(n) or "" for n in self.fields}
        return data["q"], Filters(
            onderwijsniveau=data["onderwijsniveau"],
            thema=data["thema"],
            schooljaar=data["schooljaar"],
            werkvorm=data["werkvorm"],
        )
