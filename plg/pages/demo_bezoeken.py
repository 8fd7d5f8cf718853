"""Demo data for In elkaars klas: visits with a kijkwijzer, notes and a conversation afterwards,
a blitsweek with feedback, buddy and mentor pairs, co-teaching series, and visits around the
two PLG-scan waves of the demo, so the leader's overview and the scan report show counts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from plg.accounts.models import User
from plg.bezoeken.models import (
    Bezoekronde,
    Blitsfeedback,
    Buddykoppel,
    CoTeachingNota,
    CoTeachingReeks,
    Kijkwijzer,
    KijkwijzerItem,
    Klasbezoek,
    KoppelSoort,
    Meegenomen,
    Nagesprek,
    Observatie,
    RondeStatus,
    Soort,
    Status,
)
from plg.bezoeken.schooljaar import dit_trimester, schooljaar_van
from plg.communities.models import PLG
from plg.communities.sharing import BezoekAudience
from plg.organisations.models import School

KIJKPUNTEN = [
    "Leerlingen zeggen in eigen woorden waarom ze deze taak meekrijgen.",
    "Leerlingen beginnen aan de taak zonder eerst extra uitleg te vragen.",
    "Leerlingen vragen eerst een klasgenoot om hulp en pas dan de leraar.",
]

NOTITIES = [
    "Drie kinderen leggen de taak uit aan hun buur.",
    "Bijna iedereen begint meteen; twee wachten op de leraar.",
    "Een leerling vraagt: 'Moet dit echt thuis?'",
]

RING = ["an", "bram", "chloe", "dries", "eva"]
BLITS = ["bram", "chloe", "fien", "gert", "hanne", "eva"]


def _past(days: int, hour: int = 9) -> datetime:
    """A moment ``days`` ago, but inside this trimester, so the overview has something to show."""
    moment = timezone.now().replace(hour=hour, minute=0, second=0, microsecond=0)
    moment -= timedelta(days=days)
    start = timezone.make_aware(datetime.combine(dit_trimester().van, datetime.min.time()))
    return max(moment, start + timedelta(minutes=days + hour))


def _bezoek(
    school: School, observed: User, visitor: User, begin: datetime, **fields: object
) -> Klasbezoek:
    """A visit that was accepted (it took place, or it is coming)."""
    return Klasbezoek.objects.create(
        school=school,
        geobserveerde=observed,
        bezoeker=visitor,
        begin=begin,
        einde=begin + timedelta(minutes=50),
        status=Status.AANVAARD,
        **fields,
    )


def seed_bezoeken(people: dict[str, User], schools: dict[str, School]) -> None:
    """Everything In elkaars klas shows, for De Regenboog (enough people) and Sint-Jozef (too
    few for figures: its leader sees the calm sentence)."""
    regenboog = schools["regenboog"]
    staff = {email.split("@")[0]: user for email, user in people.items() if "regenboog" in email}
    plg = PLG.objects.get(name="Huiswerk met betekenis")
    kijkwijzer = Kijkwijzer.objects.create(
        plg=plg, eigenaar=staff["an"], leervraag=plg.gekozen_leervraag, titel="Huiswerk in de klas"
    )
    KijkwijzerItem.objects.bulk_create(
        KijkwijzerItem(kijkwijzer=kijkwijzer, volgorde=i, tekst=text)
        for i, text in enumerate(KIJKPUNTEN)
    )
    _klasbezoeken(regenboog, staff, plg, kijkwijzer)
    _blitsweek(regenboog, staff, people["directie@regenboog.example"])
    _koppels(regenboog, staff)
    _co_teaching(regenboog, staff, plg)
    _rond_de_scans(regenboog, staff)
    karen, lars = people["karen@sintjozef.example"], people["lars@sintjozef.example"]
    _bezoek(schools["sintjozef"], karen, lars, _past(3), focus="Rapportgesprekken met kinderen")


def _klasbezoeken(school: School, staff: dict[str, User], plg: PLG, kijkwijzer: Kijkwijzer) -> None:
    """Each of five PLG-members visited by the next, with notes on the first visit."""
    items = list(kijkwijzer.items.all())
    for i, name in enumerate(RING):
        observed, visitor = staff[name], staff[RING[(i + 1) % len(RING)]]
        bezoek = _bezoek(
            school,
            observed,
            visitor,
            _past(2 + 2 * i, hour=10),
            plg=plg,
            kijkwijzer=kijkwijzer,
            focus=plg.gekozen_leervraag.current_text if plg.gekozen_leervraag else "",
            les="Wiskunde: breuken",
            klas=f"{i + 3}A",
            kijken_naar="Hoe leerlingen de huiswerktaak voor morgen opvatten.",
            notities_audience=BezoekAudience.WIJ_TWEE,
        )
        if i:
            continue
        for minute, (item, text) in enumerate(zip(items, NOTITIES, strict=True)):
            Observatie.objects.create(
                bezoek=bezoek,
                author=visitor,
                item=item,
                tekst=text,
                moment=bezoek.begin + timedelta(minutes=10 + 12 * minute),
            )
        Nagesprek.objects.create(
            bezoek=bezoek,
            author=observed,
            wat_zag_je="De kinderen weten wat ze moeten doen, minder waarom.",
            wat_neem_ik_mee="Het doel van de taak hardop zeggen voor ik ze meegeef.",
            volgende_stap="Volgende week het doel laten verwoorden door een leerling.",
        )
        Meegenomen.objects.create(
            bezoek=bezoek,
            author=visitor,
            audience=BezoekAudience.PLG,
            tekst="Kinderen eerst elkaar laten helpen: dat probeer ik ook in mijn klas.",
        )
    _bezoek(school, staff["an"], staff["bram"], timezone.now() + timedelta(days=6), plg=plg)


def _blitsweek(school: School, staff: dict[str, User], leader: User) -> None:
    """A blitsweek the leader organised: six colleagues, each visiting the next for a quarter."""
    van = timezone.localdate(_past(12))
    ronde = Bezoekronde.objects.create(
        scholengemeenschap=school.scholengemeenschap,
        school=school,
        soort=Soort.BLITS,
        titel="Blitsweek",
        van=van,
        tot=van + timedelta(days=4),
        minuten=15,
        status=RondeStatus.TOEGEPAST,
        door=leader,
    )
    ronde.deelnemers.set(staff[name] for name in BLITS)
    for i, name in enumerate(BLITS):
        begin = _past(12 - i % 5, hour=11)
        bezoek = Klasbezoek.objects.create(
            soort=Soort.BLITS,
            school=school,
            ronde=ronde,
            geobserveerde=staff[name],
            bezoeker=staff[BLITS[(i + 1) % len(BLITS)]],
            begin=begin,
            einde=begin + timedelta(minutes=15),
            status=Status.AANVAARD,
        )
        if i == 0:
            Blitsfeedback.objects.create(
                bezoek=bezoek,
                author=bezoek.bezoeker,
                waardering="Hoe rustig de overgang naar het groepswerk ging.",
                vraag="Hoe kies je wie in welke groep zit?",
            )


def _koppels(school: School, staff: dict[str, User]) -> None:
    """A starter with a mentor, and two buddy pairs, for this school year."""
    jaar = schooljaar_van(timezone.localdate())
    for soort, a, b in [
        (KoppelSoort.MENTOR, "fien", "dries"),
        (KoppelSoort.BUDDY, "gert", "hanne"),
        (KoppelSoort.BUDDY, "chloe", "eva"),
    ]:
        koppel = Buddykoppel.objects.create(
            scholengemeenschap=school.scholengemeenschap,
            schooljaar=jaar,
            soort=soort,
            mentor=staff[a] if soort == KoppelSoort.MENTOR else None,
        )
        koppel.leden.set([staff[a], staff[b]])


def _co_teaching(school: School, staff: dict[str, User], plg: PLG) -> None:
    """Three co-teaching series; the first with a taught lesson reflected on and one to come."""
    for i, (a, b) in enumerate([("bram", "gert"), ("chloe", "hanne"), ("an", "eva")]):
        reeks = CoTeachingReeks.objects.create(
            eigenaar=staff[a],
            partner=staff[b],
            school=school,
            plg=plg if i == 0 else None,
            titel="Samen lesgeven" if i else "Huiswerk samen voorbereiden",
            klas=f"{i + 4}B",
            focus="Een taak die leerlingen zelf kunnen plannen.",
        )
        les = _bezoek(
            school, staff[a], staff[b], _past(4 + i, hour=13), soort=Soort.CO_TEACHING, reeks=reeks
        )
        if i == 0:
            CoTeachingNota.objects.create(
                bezoek=les,
                author=staff[a],
                plan="Jij start, ik begeleid de groepjes achteraan.",
                reflectie="Met twee zagen we sneller wie vastliep.",
            )
            _bezoek(
                school,
                staff[a],
                staff[b],
                timezone.now() + timedelta(days=9),
                soort=Soort.CO_TEACHING,
                reeks=reeks,
            )


def _rond_de_scans(school: School, staff: dict[str, User]) -> None:
    """A few visits before the first scan wave (200 days ago) and more between the waves, so the
    report shows an evolution next to deprivatised practice."""
    for days, names in [(260, RING), (120, BLITS), (60, RING)]:
        for i, name in enumerate(names):
            begin = timezone.now().replace(hour=10, minute=0) - timedelta(days=days + i)
            visitor = staff[names[(i + 1) % len(names)]]
            _bezoek(school, staff[name], visitor, begin)
