"""Demo data of the tandems: An and Inge of De Regenboog agreed at the start and talk every
few weeks; Jonas of Sint-Jozef has proposed an agreement that Peter has not answered yet."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from plg.accounts.models import User
from plg.communities.models import PLG
from plg.meetings.models import Bijeenkomst
from plg.tandem import services
from plg.tandem.models import Antwoord, Steun, Tandem


def seed_tandem(people: dict[str, User]) -> None:
    _regenboog(people)
    services.start_tandem(
        plg=PLG.objects.get(name="Evalueren en rapporteren", schools__name__contains="Sint-Jozef"),
        coach=people["jonas@sintjozef.example"],
        schoolleider=people["directie@sintjozef.example"],
        afspraak=services.Afspraak(
            delen="De leervraag zodra we ze kozen, en ons voorstel aan het team.",
            binnen_plg="Wat collega's over hun eigen rapporten en evaluaties vertellen.",
            overleg="Elke zes weken, op maandag na school.",
            expert="Iemand die breed evalueren in een andere school invoerde.",
        ),
    )


def _regenboog(people: dict[str, User]) -> None:
    an, inge = people["an@regenboog.example"], people["directie@regenboog.example"]
    plg = PLG.objects.get(name="Huiswerk met betekenis", schools__name__contains="Regenboog")
    tandem = services.start_tandem(
        plg=plg,
        coach=an,
        schoolleider=inge,
        afspraak=services.Afspraak(
            delen="De leervraag, het actieplan, de mijlpalen en het voorstel aan het team.",
            binnen_plg="Wie wat zei, twijfels, de leerlogs en wat we in elkaars klas zagen.",
            overleg="Een halfuur na elke tweede bijeenkomst, in het bureau van Inge.",
            tijd="Twee lesuren per maand tijdens de schooluren; de zorgjuf vervangt.",
            budget="150 euro voor boeken en artikels.",
            expert="Een begeleider van het netwerk voor één bijeenkomst in het voorjaar.",
        ),
    )
    services.agree(tandem=tandem, by=inge)
    Tandem.objects.filter(pk=tandem.pk).update(
        voorgesteld_op=timezone.now() - timedelta(days=45),
        akkoord_op=timezone.now() - timedelta(days=43),
    )
    today = timezone.localdate()
    services.add_moment(
        tandem=tandem,
        author=an,
        datum=today - timedelta(days=30),
        notitie="De groep zoekt nog; Inge houdt zich in en vraagt wat we van haar verwachten.",
    )
    services.add_moment(
        tandem=tandem,
        author=inge,
        datum=today - timedelta(days=10),
        notitie="Het voorstel moet passen in het schoolplan: samen bekijken in het voorjaar.",
    )
    services.answer_steun(
        steunvraag=services.ask_steun(
            tandem=tandem,
            by=an,
            soort=Steun.TIJD,
            vraag="Een halve dag zonder klas om bij elkaar te gaan kijken.",
        ),
        antwoord=Antwoord.JA,
        toelichting="Op de pedagogische studiedag; de procescoaches van Sint-Jozef vervangen.",
    )
    services.ask_steun(
        tandem=tandem,
        by=an,
        soort=Steun.EXPERT,
        vraag="Iemand die onderzoek over huiswerk en gelijke kansen kent.",
    )
    volgende = Bijeenkomst.objects.filter(plg=plg).upcoming().first()
    if volgende is not None:
        services.invite_schoolleider(tandem=tandem, bijeenkomst=volgende, by=an)
