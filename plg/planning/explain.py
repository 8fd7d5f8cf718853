"""Why a month has no complete plan, in sentences a school leader reads without the model.

Every sentence names people, PLG's, schools and days; nothing speaks of constraints or
literals. What a ``Reden`` does not say itself (on which weekdays a member teaches at the PLG's
moments, on which dates they are busy) is looked up in the problem again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plg.planning.analysis import Analyse, analyse_month
from plg.planning.problem import Probleem, Reden, bezet_tijdens


def _lijst(delen: Sequence[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(delen) <= 1:
        return "".join(delen)
    return _("%(eerste)s en %(laatste)s") % {
        "eerste": ", ".join(delen[:-1]),
        "laatste": delen[-1],
    }


def _weekdag(dag: int) -> str:
    return (
        _("maandag"),
        _("dinsdag"),
        _("woensdag"),
        _("donderdag"),
        _("vrijdag"),
        _("zaterdag"),
        _("zondag"),
    )[dag]


def _datum(dag: date) -> str:
    return date_format(dag, "j F")


class _Namen:
    def __init__(self, probleem: Probleem) -> None:
        self.probleem = probleem
        self.groepen = {g.id: g for g in probleem.groepen}

    def plg(self, g: int) -> str:
        groep = self.groepen.get(g)
        return _("PLG %(naam)s") % {"naam": groep.naam if groep else g}

    def plgs(self, ids: Sequence[int]) -> str:
        return _lijst([self.plg(g) for g in ids])

    def persoon(self, t: int) -> str:
        leraar = self.probleem.leerkrachten.get(t)
        return leraar.naam if leraar else _("leerkracht %(nummer)s") % {"nummer": t}

    def personen(self, ids: Sequence[int]) -> str:
        return _lijst([self.persoon(t) for t in ids])

    def school(self, s: int) -> str:
        return self.probleem.schoolnamen.get(s) or _("school %(nummer)s") % {"nummer": s}

    def scholen(self, ids: Sequence[int]) -> str:
        return _lijst([self.school(s) for s in ids])


def _blocks(analyse: Analyse, namen: _Namen, g: int, t: int) -> str | None:
    """On which weekdays a member teaches, and on which dates they are busy, at the moments
    their PLG could meet."""
    probleem = analyse.probleem
    leraar = probleem.leerkrachten[t]
    lesdagen: set[int] = set()
    bezet: set[date] = set()
    for ident, wie in analyse.blokkeerders.get(g, {}).items():
        if t not in wie:
            continue
        moment = analyse.momenten[ident]
        if bezet_tijdens(probleem, leraar, moment.begin, moment.einde):
            bezet.add(moment.dag)
        else:
            lesdagen.add(moment.dag.weekday())
    waarden = {"naam": namen.persoon(t), "plg": namen.plg(g)}
    dagen = _lijst([_weekdag(d) for d in sorted(lesdagen)])
    data = _lijst([_datum(d) for d in sorted(bezet)])
    if len(bezet) > 5:
        data = _("%(aantal)s dagen tussen %(van)s en %(tot)s") % {
            "aantal": len(bezet),
            "van": _datum(min(bezet)),
            "tot": _datum(max(bezet)),
        }
    if lesdagen and bezet:
        return _(
            "%(naam)s (%(plg)s) geeft elke %(dagen)s les op de momenten dat %(plg)s kan "
            "samenkomen, en staat in de agenda als bezet op %(data)s."
        ) % {**waarden, "dagen": dagen, "data": data}
    if lesdagen:
        return _(
            "%(naam)s (%(plg)s) geeft elke %(dagen)s les op de momenten dat %(plg)s kan samenkomen."
        ) % {**waarden, "dagen": dagen}
    if bezet:
        return _(
            "%(naam)s (%(plg)s) staat in de agenda als bezet op %(data)s, op de momenten dat "
            "%(plg)s kan samenkomen."
        ) % {**waarden, "data": data}
    return None


def _week(probleem: Probleem, week: int) -> str:
    maandag = next(
        (date.fromisocalendar(m.week[0], week, 1) for m in probleem.momenten if m.week[1] == week),
        None,
    )
    if maandag is None:
        return _("week %(week)s") % {"week": week}
    return _("de week van %(maandag)s") % {"maandag": _datum(maandag)}


def uitleg(probleem: Probleem, redenen: Sequence[Reden]) -> list[str]:
    """One or more plain Dutch sentences per reason, in the order of the reasons."""
    namen = _Namen(probleem)
    analyse: Analyse | None = None
    zinnen: list[str] = []
    for reden in redenen:
        if reden.soort in ("geen_moment", "te_weinig_momenten") and analyse is None:
            analyse = analyse_month(probleem)
        zinnen.extend(_zinnen(probleem, namen, analyse, reden))
    return zinnen


def _zinnen(probleem: Probleem, namen: _Namen, analyse: Analyse | None, reden: Reden) -> list[str]:
    if reden.soort in ("geen_moment", "te_weinig_momenten"):
        assert analyse is not None
        return _geen_moment(namen, analyse, reden)
    zinnen = _ZINNEN.get(reden.soort)
    if zinnen is None:
        return [_("Nog een reden: %(soort)s.") % {"soort": reden.soort}]
    return zinnen(probleem, namen, reden)


def _geen_moment(namen: _Namen, analyse: Analyse, reden: Reden) -> list[str]:
    groep = namen.groepen[reden.groepen[0]]
    plg = namen.plg(groep.id)
    zinnen: list[str] = []
    if reden.soort == "geen_moment" and not reden.waarde:
        zinnen.append(
            _("%(plg)s heeft deze maand geen enkel mogelijk moment op %(scholen)s.")
            % {"plg": plg, "scholen": namen.scholen(groep.scholen)}
        )
    elif reden.soort == "geen_moment":
        zinnen.append(
            _("%(plg)s vindt deze maand geen enkel moment om samen te komen.") % {"plg": plg}
        )
    else:
        zinnen.append(
            _(
                "%(plg)s moet %(aantal)s keer samenkomen met minstens %(dagen)s dagen "
                "ertussen, maar de momenten die overblijven laten maar %(kan)s "
                "bijeenkomsten toe."
            )
            % {
                "plg": plg,
                "aantal": groep.aantal,
                "dagen": groep.min_dagen_tussen,
                "kan": reden.waarde or 0,
            }
        )
    for t in reden.leerkrachten:
        zin = _blocks(analyse, namen, groep.id, t)
        if zin:
            zinnen.append(zin)
    if groep.over_scholen:
        zinnen.append(
            _(
                "%(plg)s bestaat uit leden van %(scholen)s en komt daarom alleen na "
                "school of op een dag zonder leerlingen samen."
            )
            % {"plg": plg, "scholen": namen.scholen(groep.scholen)}
        )
    return zinnen


def _geen_vervanger(probleem: Probleem, namen: _Namen, reden: Reden) -> list[str]:
    plg = namen.plg(reden.groepen[0]) if reden.groepen else ""
    return [
        _(
            "Op %(school)s is er niemand vrij om de lessen van %(namen)s over te nemen op "
            "de momenten dat %(plg)s verder zou kunnen samenkomen."
        )
        % {
            "school": namen.scholen(reden.scholen),
            "namen": namen.personen(reden.leerkrachten),
            "plg": plg,
        }
    ]


def _na_school_limiet(probleem: Probleem, namen: _Namen, reden: Reden) -> list[str]:
    return [
        ngettext(
            "%(namen)s zit in %(plgs)s, over scholen heen: zo'n PLG komt alleen na school of "
            "op een dag zonder leerlingen samen. Daarvoor moet %(namen)s %(nodig)s keer na "
            "school vergaderen, maar een leerkracht mag dat maar %(max)s keer per maand.",
            "%(namen)s zitten in %(plgs)s, over scholen heen: zo'n PLG komt alleen na school "
            "of op een dag zonder leerlingen samen. Daarvoor moeten zij %(nodig)s keer na "
            "school vergaderen, maar een leerkracht mag dat maar %(max)s keer per maand.",
            len(reden.leerkrachten),
        )
        % {
            "namen": namen.personen(reden.leerkrachten),
            "plgs": namen.plgs(reden.groepen),
            "nodig": reden.waarde,
            "max": probleem.na_school_max_maand,
        }
    ]


def _botsing(probleem: Probleem, namen: _Namen, reden: Reden) -> list[str]:
    groepen = reden.groepen
    zinnen: list[str] = []
    if len(groepen) == 1:
        zinnen.append(
            _("%(plg)s krijgt niet al haar bijeenkomsten ingepland.")
            % {"plg": namen.plg(groepen[0])}
        )
    elif len(groepen) == 2:
        zinnen.append(
            _("%(plgs)s kunnen niet allebei al hun bijeenkomsten krijgen.")
            % {"plgs": namen.plgs(groepen)}
        )
    else:
        zinnen.append(
            _("%(plgs)s kunnen niet allemaal al hun bijeenkomsten krijgen.")
            % {"plgs": namen.plgs(groepen)}
        )
    if reden.leerkrachten:
        zinnen.append(
            ngettext(
                "Ze hebben %(namen)s als gemeenschappelijk lid, en die kan niet op twee "
                "plaatsen tegelijk zijn.",
                "Ze hebben %(namen)s als gemeenschappelijke leden, en die kunnen niet op twee "
                "plaatsen tegelijk zijn.",
                len(reden.leerkrachten),
            )
            % {"namen": namen.personen(reden.leerkrachten)}
        )
    return zinnen


def _na_school_max(probleem: Probleem, namen: _Namen, reden: Reden) -> list[str]:
    waarden = {
        "naam": namen.personen(reden.leerkrachten),
        "max": probleem.na_school_max_maand,
        "plgs": namen.plgs(reden.groepen),
        "nodig": reden.waarde,
    }
    if reden.waarde is not None and reden.groepen:
        return [
            _(
                "%(naam)s mag maar %(max)s keer per maand na school vergaderen; voor "
                "%(plgs)s zou dat %(nodig)s keer moeten zijn."
            )
            % waarden
        ]
    return [_("%(naam)s mag maar %(max)s keer per maand na school vergaderen.") % waarden]


def _vervangers_lesuur(probleem: Probleem, namen: _Namen, reden: Reden) -> list[str]:
    return [
        _(
            "Op %(school)s zijn er te weinig collega's vrij om de lessen over te nemen "
            "tijdens de lesuren waarop %(plgs)s kunnen samenkomen."
        )
        % {"school": namen.scholen(reden.scholen), "plgs": namen.plgs(reden.groepen)}
    ]


def _vervangers_week(probleem: Probleem, namen: _Namen, reden: Reden) -> list[str]:
    waarden = {
        "school": namen.scholen(reden.scholen),
        "max": probleem.vervang_max_week,
        "week": _week(probleem, reden.week) if reden.week else "",
        "nodig": reden.waarde,
    }
    if reden.waarde is not None and reden.week:
        return [
            _(
                "De vervangers van %(school)s mogen maar %(max)s lesuren per week "
                "vervangen; in %(week)s zijn er %(nodig)s nodig."
            )
            % waarden
        ]
    return [
        _(
            "De vervangers van %(school)s mogen maar %(max)s lesuren per week "
            "vervangen, en dat is te weinig in %(week)s."
        )
        % waarden
    ]


_ZINNEN: dict[str, Callable[[Probleem, _Namen, Reden], list[str]]] = {
    "geen_vervanger": _geen_vervanger,
    "na_school_limiet": _na_school_limiet,
    "botsing": _botsing,
    "na_school_max": _na_school_max,
    "vervangers_lesuur": _vervangers_lesuur,
    "vervangers_week": _vervangers_week,
}
