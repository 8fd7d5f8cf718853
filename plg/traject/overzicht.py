"""What the traject page and the network dashboard show: built once per page, from querysets
whose number of queries does not grow with the data.

Schools and PLG's are counted, people never: a figure from a scan only when that school's wave
reached the minimum group, and a count over the group's schools only when it covers at least
that many schools, so a leader cannot subtract their own row and read another's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time

from django.db.models import Count, Prefetch, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.accounts.models import User
from plg.bezoeken.schooljaar import dit_schooljaar
from plg.bibliotheek.models import Bibliotheekitem
from plg.communities.models import FASE_ORDER, PLG, Mijlpaal
from plg.core.privacy import may_show, minimum_group
from plg.meetings.models import Bijeenkomst
from plg.organisations.models import Network, School
from plg.scans.network import Overview, SchoolRow, network_overview
from plg.traject.authorizers import Rol
from plg.traject.models import Deelname, Traject

RICHTING = {
    "hoger": _("hoger dan de vorige scan"),
    "lager": _("lager dan de vorige scan"),
    "gelijk": _("geen duidelijk verschil met de vorige scan"),
}


@dataclass(frozen=True)
class Evolutie:
    """Per characteristic of the scan: how many schools clearly rose, fell, or held."""

    titel: str
    hoger: int
    lager: int
    gelijk: int


@dataclass(frozen=True)
class Rij:
    """One leader in the traject: their school, its PLG and its scan."""

    deelname: Deelname
    scan: SchoolRow | None
    gedeeld: list[Mijlpaal]
    changes: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Groep:
    """The group's aggregates, or nothing when the group is too small to hide a school."""

    fases: list[tuple[str, int]]
    zonder_plg: int
    profielen: list[tuple[str, int]]
    evolutie: list[Evolutie]


def _richting(change: object) -> str:
    clear = getattr(change, "clear", False)
    if change is None:
        return ""
    if not clear:
        return "gelijk"
    return "hoger" if getattr(change, "estimate", 0.0) > 0 else "lager"


def evolutie(overview: Overview) -> list[Evolutie]:
    tellers = [Counter[str]() for _ in overview.characteristic_titles]
    for row in overview.rows:
        for teller, change in zip(tellers, row.changes, strict=False):
            if richting := _richting(change):
                teller[richting] += 1
    return [
        Evolutie(titel, t["hoger"], t["lager"], t["gelijk"])
        for titel, t in zip(overview.characteristic_titles, tellers, strict=True)
    ]


def fase_counts(counts: Counter[str]) -> list[tuple[str, int]]:
    return [(str(fase.label), counts.get(fase, 0)) for fase in FASE_ORDER]


def _rij(deelname: Deelname, scans: dict[int, SchoolRow], titles: list[str]) -> Rij:
    scan = scans.get(deelname.school_id)
    plg = deelname.school_plg
    changes = []
    if scan is not None and scan.enough:
        changes = [
            (titel, str(RICHTING[_richting(change)]))
            for titel, change in zip(titles, scan.changes, strict=False)
            if change is not None
        ]
    return Rij(
        deelname=deelname,
        scan=scan,
        gedeeld=list(getattr(plg, "gedeelde_mijlpalen", [])) if plg else [],
        changes=changes,
    )


def _groep(deelnames: Sequence[Deelname], overview: Overview) -> Groep | None:
    if not may_show(len(deelnames), minimum_group()):
        return None
    plgs = [d.school_plg for d in deelnames if d.school_plg is not None]
    shown = [row for row in overview.rows if row.enough]
    return Groep(
        fases=fase_counts(Counter(plg.fase for plg in plgs)),
        zonder_plg=len(deelnames) - len(plgs),
        profielen=overview.profile_counts if may_show(len(shown), minimum_group()) else [],
        evolutie=evolutie(overview) if may_show(len(shown), minimum_group()) else [],
    )


@dataclass(frozen=True)
class TrajectOverzicht:
    traject: Traject
    rol: Rol
    rijen: list[Rij]
    groep: Groep | None
    characteristic_titles: list[str]


def traject_overzicht(traject: Traject, rol: Rol, user: User) -> TrajectOverzicht:
    """The advisor reads every leader's row; a leader only their own, beside the group's counts."""
    deelnames = list(
        Deelname.objects.filter(traject=traject)
        .select_related("leider", "school", "school_plg")
        .prefetch_related(
            Prefetch(
                "school_plg__mijlpalen",
                queryset=Mijlpaal.objects.visible_to(user),
                to_attr="gedeelde_mijlpalen",
            )
        )
    )
    schools = [d.school for d in deelnames]
    overview = network_overview(
        network_id=traject.network_id, schools=schools, minimum=minimum_group()
    )
    scans = {row.school.pk: row for row in overview.rows}
    eigen = [d for d in deelnames if rol == Rol.BEGELEIDER or d.leider_id == user.pk]
    return TrajectOverzicht(
        traject=traject,
        rol=rol,
        rijen=[_rij(d, scans, overview.characteristic_titles) for d in eigen],
        groep=_groep(deelnames, overview),
        characteristic_titles=overview.characteristic_titles,
    )


@dataclass(frozen=True)
class Tijd:
    bijeenkomsten: int
    uren: float


@dataclass(frozen=True)
class Dashboard:
    network: Network
    schooljaar: str
    plgs: int
    fases: list[tuple[str, int]]
    themas: list[tuple[str, int]]
    tijd: Tijd
    profielen: list[tuple[str, int]]
    scholen_met_scan: int
    evolutie: list[Evolutie]
    bibliotheek: int
    bibliotheek_dit_jaar: int


def _themas(network: Network) -> list[tuple[str, int]]:
    """The themes of what the network published in the library: chosen to be read by others,
    unlike the themes a PLG weighs among itself."""
    counts: Counter[str] = Counter()
    for themas in (
        Bibliotheekitem.objects.gepubliceerd()
        .filter(network=network)
        .values_list("themas", flat=True)
    ):
        counts.update({str(t).strip().lower() for t in themas or [] if str(t).strip()})
    return counts.most_common(12)


def dashboard(network: Network) -> Dashboard:
    """The whole network in counts: PLG's, time, scans and the library; never a person."""
    jaar = dit_schooljaar()
    begin = timezone.make_aware(datetime.combine(jaar.van, time.min))
    fases = Counter(
        dict(
            PLG.objects.filter(scholengemeenschap__network=network)
            .values_list("fase")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    tijd = Bijeenkomst.objects.filter(
        plg__scholengemeenschap__network=network,
        starts_at__gte=begin,
        starts_at__lte=timezone.now(),
    ).aggregate(n=Count("pk"), minuten=Sum("duration_minutes"))
    schools = list(School.objects.filter(scholengemeenschap__network=network))
    overview = network_overview(network_id=network.pk, schools=schools, minimum=minimum_group())
    gepubliceerd = Bibliotheekitem.objects.gepubliceerd().filter(network=network)
    return Dashboard(
        network=network,
        schooljaar=str(jaar.label),
        plgs=sum(fases.values()),
        fases=fase_counts(fases),
        themas=_themas(network),
        tijd=Tijd(bijeenkomsten=tijd["n"] or 0, uren=round((tijd["minuten"] or 0) / 60, 1)),
        profielen=overview.profile_counts,
        scholen_met_scan=overview.schools_with_data,
        evolutie=evolutie(overview),
        bibliotheek=gepubliceerd.count(),
        bibliotheek_dit_jaar=gepubliceerd.filter(published_at__gte=begin).count(),
    )
