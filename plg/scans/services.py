"""Writes of the scans app: opening and closing waves, saving answers, submitting once."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plg.core.http import parse_small_int
from plg.organisations.models import Aanstelling, School
from plg.post import services as post
from plg.scans import mails
from plg.scans.instruments import Instrument, Section, latest_version, localised
from plg.scans.models import (
    Afname,
    Antwoord,
    Antwoordset,
    Sectiescore,
    Toegang,
    ToegangSoort,
    Toelichting,
    key_hash,
)

if TYPE_CHECKING:
    from plg.accounts.models import User
    from plg.communities.models import PLG

COMMENT_PREFIX = "toelichting-"
BACKGROUND_FIELD = "rolgroep"
MAX_COMMENT = 2000


@dataclass(frozen=True)
class Recipient:
    email: str
    school: School


def parse_recipients(text: str, schools: list[School]) -> list[Recipient]:
    """Extra addresses, one per line: ``adres`` (one school) or ``adres; school``.

    All or nothing: every bad line is named in one ValidationError.
    """
    by_name = {school.name.casefold(): school for school in schools}
    found: list[Recipient] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        address, _sep, school_name = (part.strip() for part in line.partition(";"))
        try:
            validate_email(address)
        except ValidationError:
            errors.append(
                _("Regel %(n)s: '%(value)s' is geen e-mailadres.") % {"n": number, "value": address}
            )
            continue
        if school_name:
            school = by_name.get(school_name.casefold())
            if school is None:
                errors.append(
                    _("Regel %(n)s: de school '%(value)s' hoort niet bij deze afname.")
                    % {"n": number, "value": school_name}
                )
                continue
        elif len(schools) == 1:
            school = schools[0]
        else:
            errors.append(
                _("Regel %(n)s: zet na het adres een puntkomma en de naam van de school.")
                % {"n": number}
            )
            continue
        found.append(Recipient(email=address.lower(), school=school))
    if errors:
        raise ValidationError(errors)
    return found


@transaction.atomic
def open_afname(
    *,
    opened_by: User,
    title: str,
    schools: list[School],
    closes_on: date | None = None,
    poster: bool = True,
    team: bool = True,
    extra: Iterable[Recipient] = (),
) -> Afname:
    """A PLG-scan wave for some schools: a personal link for each invited person, a poster per
    school if asked; the invitations leave by e-mail once the wave is stored."""
    afname = Afname.objects.create(
        instrument_slug="plg-scan",
        instrument_version=latest_version("plg-scan"),
        title=title,
        opened_by=opened_by,
        closes_on=closes_on,
        poster=poster,
    )
    afname.schools.set(schools)
    posters = [
        Toegang(afname=afname, school=school, soort=ToegangSoort.AFFICHE)
        for school in (schools if poster else [])
    ]
    Toegang.objects.bulk_create(
        [*_personal_links(afname, schools=schools if team else [], extra=extra), *posters]
    )
    post.queue_berichten(
        mails.uitnodigingen(
            afname=afname,
            toegangen=list(
                reminder_recipients(afname=afname, schools=schools)
                .select_related("school")
                .order_by("pk")
            ),
            door=opened_by,
            herinnering=False,
        )
    )
    return afname


def _personal_links(
    afname: Afname, *, schools: list[School], extra: Iterable[Recipient]
) -> list[Toegang]:
    """One link per address: the active staff of these schools, then the extra addresses."""
    toegangen: dict[str, Toegang] = {}
    staff = (
        Aanstelling.objects.team()
        .filter(school__in=schools, user__is_active=True)
        .select_related("user", "school")
        .order_by("school__name", "pk")
    )
    for aanstelling in staff if schools else []:
        email = aanstelling.user.email.lower()
        toegangen.setdefault(
            email,
            Toegang(
                afname=afname,
                school=aanstelling.school,
                soort=ToegangSoort.PERSOONLIJK,
                email=email,
                user=aanstelling.user,
            ),
        )
    for ontvanger in extra:
        toegangen.setdefault(
            ontvanger.email,
            Toegang(
                afname=afname,
                school=ontvanger.school,
                soort=ToegangSoort.PERSOONLIJK,
                email=ontvanger.email,
            ),
        )
    return list(toegangen.values())


@transaction.atomic
def open_zelfscan(*, plg: PLG, opened_by: User, title: str) -> Afname:
    """A Zelfscan run inside a PLG: every member gets a way in, shown on the PLG's page."""
    afname = Afname.objects.create(
        instrument_slug="zelfscan-lfl",
        instrument_version=latest_version("zelfscan-lfl"),
        title=title,
        plg=plg,
        opened_by=opened_by,
        poster=False,
    )
    Toegang.objects.bulk_create(
        Toegang(afname=afname, soort=ToegangSoort.PERSOONLIJK, user_id=user_id)
        for user_id in plg.lidmaatschappen.values_list("user_id", flat=True)
    )
    return afname


def toegang_for_member(*, afname: Afname, user: User) -> Toegang:
    """A member who joined the PLG after the run opened still gets a way in."""
    toegang, _created = Toegang.objects.get_or_create(
        afname=afname, user=user, defaults={"soort": ToegangSoort.PERSOONLIJK}
    )
    return toegang


def reminder_recipients(*, afname: Afname, schools: Iterable[School]) -> QuerySet[Toegang]:
    """Who a mail about these schools of the wave reaches (the invitation when it opens, a
    reminder later): the personal links there that have not been used to submit."""
    return afname.toegangen.filter(
        soort=ToegangSoort.PERSOONLIJK, responded=False, school__in=list(schools)
    ).exclude(email="")


@transaction.atomic
def remind(*, afname: Afname, schools: Iterable[School], door: User | None = None) -> int:
    """E-mail again, in the given schools of the wave only, everyone whose personal link has not
    been used to submit; returns how many. Someone whose previous mail has not left yet is not
    mailed twice. A wave closed meanwhile mails nobody."""
    if not Afname.objects.select_for_update().filter(pk=afname.pk, closed_at=None).exists():
        return 0
    onderweg = post.onderweg_over(afname.toegangen.all())
    toegangen = [
        t
        for t in reminder_recipients(afname=afname, schools=schools)
        .select_related("school")
        .order_by("pk")
        if t.pk not in onderweg
    ]
    post.queue_berichten(
        mails.uitnodigingen(afname=afname, toegangen=toegangen, door=door, herinnering=True)
    )
    Toegang.objects.filter(pk__in=[t.pk for t in toegangen]).update(
        reminders_sent=F("reminders_sent") + 1
    )
    return len(toegangen)


def find_antwoordset(*, afname: Afname, key: str) -> Antwoordset | None:
    """The answer set a browser's key opens in this wave, if anything was answered with it."""
    return Antwoordset.objects.filter(afname=afname, key_hash=key_hash(key)).first()


def antwoordset_for(*, toegang: Toegang, key: str) -> Antwoordset:
    """The answer set this browser's key opens; created with the first answer given."""
    antwoordset, _created = Antwoordset.objects.get_or_create(
        key_hash=key_hash(key), defaults={"afname": toegang.afname, "school": toegang.school}
    )
    return antwoordset


@dataclass
class AnswerInput:
    """What one save holds, checked: answers, comments (empty: remove) and the role group."""

    values: dict[str, int]
    comments: dict[str, str]
    rolgroep: int | None
    problems: list[str]

    @property
    def empty(self) -> bool:
        return not self.values and not any(self.comments.values()) and self.rolgroep is None


def read_answers(instrument: Instrument, data: Mapping[str, str]) -> AnswerInput:
    invoer = AnswerInput(values={}, comments={}, rolgroep=None, problems=[])
    for section in instrument.sections:
        for item in section.items:
            raw = str(data.get(item.key) or "")
            if not raw:
                continue
            value = parse_small_int(raw, section.points)
            if value:
                invoer.values[item.key] = value
            else:
                invoer.problems.append(
                    _("'%(item)s': kies een van de antwoorden.") % {"item": localised(item.text)}
                )
        comment_field = COMMENT_PREFIX + section.key
        if section.comment_label and comment_field in data:
            invoer.comments[section.key] = str(data[comment_field]).strip()[:MAX_COMMENT]
        if section.choice_key and data.get(BACKGROUND_FIELD, "") != "":
            rolgroep = parse_small_int(data[BACKGROUND_FIELD], len(section.choices["nl"]) - 1)
            if rolgroep is not None:
                invoer.rolgroep = rolgroep
            else:
                invoer.problems.append(_("Kies een van de rollen."))
    return invoer


class AfnameClosed(Exception):
    """The wave closed before this answer could be written."""


CLOSED_TEXT = gettext_lazy(
    "Deze bevraging is intussen afgesloten: je antwoorden worden niet meer bewaard."
)


def _still_open(afname: Afname) -> bool:
    """Whether the wave takes answers, read inside the caller's transaction so a close cannot
    slip in between. On PostgreSQL the row is held FOR SHARE: many people's answers go on side
    by side, and closing (an UPDATE of that row) waits for them, or they for it. SQLite's
    write lock already puts every writer in a row."""
    if connection.vendor != "postgresql":
        return Afname.objects.filter(pk=afname.pk, closed_at=None).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT closed_at FROM scans_afname WHERE id = %s FOR SHARE", [afname.pk])
        row = cursor.fetchone()
    return row is not None and row[0] is None


@transaction.atomic
def save_answers(*, toegang: Toegang, key: str, data: Mapping[str, str]) -> list[str]:
    """Store whatever valid answers ``data`` holds (as they are given); returns problems found.

    The answer set is created with the first answer, so opening a link (or a poster, fifty
    times) stores nothing. A submitted answer set is final, and so is a closed wave.
    """
    if not _still_open(toegang.afname):
        return [str(CLOSED_TEXT)]
    invoer = read_answers(toegang.afname.instrument, data)
    antwoordset = find_antwoordset(afname=toegang.afname, key=key)
    if antwoordset is not None and antwoordset.submitted:
        return [_("Je antwoorden zijn al ingediend; ze kunnen niet meer veranderen.")]
    if antwoordset is None:
        if invoer.empty:
            return invoer.problems
        antwoordset = antwoordset_for(toegang=toegang, key=key)
    for item, value in invoer.values.items():
        Antwoord.objects.update_or_create(
            antwoordset=antwoordset, item=item, defaults={"value": value}
        )
    for section, text in invoer.comments.items():
        if text:
            Toelichting.objects.update_or_create(
                antwoordset=antwoordset, section=section, defaults={"text": text}
            )
        else:
            Toelichting.objects.filter(antwoordset=antwoordset, section=section).delete()
    if invoer.rolgroep is not None:
        antwoordset.rolgroep = invoer.rolgroep
        antwoordset.save(update_fields=["rolgroep"])
    return invoer.problems


def missing(antwoordset: Antwoordset | None, instrument: Instrument) -> list[str]:
    """Section titles with an unanswered item or a required comment still empty."""
    if antwoordset is None:
        return [localised(section.title) for section in instrument.sections]
    answered = set(antwoordset.antwoorden.values_list("item", flat=True))
    commented = set(antwoordset.toelichtingen.values_list("section", flat=True))
    titles = []
    for section in instrument.sections:
        incomplete = any(item.key not in answered for item in section.items) or (
            section.comment_required and section.key not in commented
        )
        if incomplete:
            titles.append(localised(section.title))
    return titles


def resume_step(antwoordset: Antwoordset | None, instrument: Instrument) -> int:
    """Where a person stopped: the last part they answered anything in, or the part after it
    when that one is complete (after the last part: the page to hand in)."""
    if antwoordset is None:
        return 0
    answered = set(antwoordset.antwoorden.values_list("item", flat=True))
    commented = set(antwoordset.toelichtingen.values_list("section", flat=True))

    def touched(section: Section) -> bool:
        if section.choice_key:
            return antwoordset.rolgroep is not None
        return section.key in commented or any(item.key in answered for item in section.items)

    last = max((i for i, s in enumerate(instrument.sections) if touched(s)), default=None)
    if last is None:
        return 0
    section = instrument.sections[last]
    complete = all(item.key in answered for item in section.items) and (
        not section.comment_required or section.key in commented
    )
    return last + 1 if complete else last


def section_scores(instrument: Instrument, values: Mapping[str, int]) -> dict[str, float]:
    """Each section's mean on its own scale, reverse items turned (1 ↔ highest point)."""
    scores = {}
    for section in instrument.scored_sections():
        turned = [
            section.points + 1 - values[item.key] if item.reverse else values[item.key]
            for item in section.items
        ]
        scores[section.key] = sum(turned) / len(turned)
    return scores


class AlreadySubmitted(Exception):
    """This personal link was already used to submit another answer set."""


@transaction.atomic
def submit(*, toegang: Toegang, key: str) -> list[str]:
    """Hand in once. A double click or a retry finds the set submitted and changes nothing.

    Returns the incomplete sections (nothing is submitted then); raises ``AfnameClosed`` when
    the wave closed meanwhile.
    """
    if not _still_open(toegang.afname):
        raise AfnameClosed
    found = find_antwoordset(afname=toegang.afname, key=key)
    if found is None:
        return missing(None, toegang.afname.instrument)
    locked = Antwoordset.objects.select_for_update().get(pk=found.pk)
    if locked.submitted:
        return []
    if toegang.is_personal:
        toegang = Toegang.objects.select_for_update().get(pk=toegang.pk)
        if toegang.responded:
            raise AlreadySubmitted
    instrument = locked.afname.instrument
    gaps = missing(locked, instrument)
    if gaps:
        return gaps
    values = dict(locked.antwoorden.values_list("item", "value"))
    Sectiescore.objects.bulk_create(
        Sectiescore(antwoordset=locked, section=section, score=score)
        for section, score in section_scores(instrument, values).items()
    )
    locked.submitted = True
    locked.save(update_fields=["submitted"])
    if toegang.is_personal:
        toegang.responded = True
        toegang.save(update_fields=["responded"])
    return []


@transaction.atomic
def respond(*, toegang: Toegang, data: Mapping[str, str]) -> list[str]:
    """A whole answer set given at once (demo data, tests): saved, then submitted."""
    key = secrets.token_urlsafe(32)
    problems = save_answers(toegang=toegang, key=key, data=data)
    return problems or submit(toegang=toegang, key=key)


def poster(afname: Afname, school: School | None) -> Toegang:
    """The shared way in of a school (or of a PLG's run): the poster's link."""
    toegang, _created = Toegang.objects.get_or_create(
        afname=afname, school=school, soort=ToegangSoort.AFFICHE
    )
    return toegang


@transaction.atomic
def close_afname(*, afname: Afname) -> None:
    """Close the wave: unfinished answer sets are dropped, the results computed and stored.
    Closed once: a second close (two people at the same moment) changes nothing."""
    from plg.scans.results import compute

    if not Afname.objects.select_for_update().filter(pk=afname.pk, closed_at=None).exists():
        return
    afname.closed_at = timezone.now()
    afname.save(update_fields=["closed_at"])
    afname.antwoordsets.filter(submitted=False).delete()
    post.withdraw_berichten(afname.toegangen.all())
    compute([afname])
