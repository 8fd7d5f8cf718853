"""The data of the check, made in the check's database: the demo, plus staff enough for the
load test, each already signed in (a session, as after a login days ago), in a live session of
their PLG and with a personal link to an open scan wave.

Run by the check as ``python -m prodcheck.seed <out.json> <staff>`` with its environment.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import django

PER_PLG = 12  # a coach and eleven members: a PLG of a usual size


def main(out: Path, staff: int) -> None:
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", verbosity=0, stdout=quiet)
    out.write_text(json.dumps({"staff": load_staff(staff), "smoke": smoke_data()}))


def session_for(user: Any) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


def load_staff(count: int) -> list[dict[str, Any]]:
    """``count`` teachers over the two demo schools, in PLG's of twelve, each PLG with a live
    session today; one scan wave open for both schools gives each a personal link."""
    from django.db import transaction

    from plg.accounts.models import User
    from plg.organisations.models import School
    from plg.scans import services as scans
    from plg.scans.models import Toegang

    schools = list(School.objects.order_by("name")[:2])
    with transaction.atomic():
        users = _teachers(count, schools)
        rows = [
            row
            for start in range(0, count, PER_PLG)
            for row in _plg(users[start : start + PER_PLG], schools[start // PER_PLG % 2])
        ]
    leider = User.objects.get(email="directie@regenboog.example")
    afname = scans.open_afname(opened_by=leider, title="PLG-scan van de proef", schools=schools)
    tokens = dict(
        Toegang.objects.filter(afname=afname, user__isnull=False).values_list("user_id", "token")
    )
    for row, user in zip(rows, users, strict=True):
        row["session"] = session_for(user)
        row["scan"] = tokens[user.pk]
    return rows


def _teachers(count: int, schools: list[Any]) -> list[Any]:
    from django.contrib.auth.hashers import make_password

    from plg.accounts.models import User
    from plg.organisations.models import Aanstelling, Functie

    password = make_password(None)  # nobody logs in with these: they come with a session
    users = [
        User.objects.create(
            email=f"leraar{i}@belasting.example",
            first_name="Leraar",
            last_name=str(i),
            password=password,
        )
        for i in range(count)
    ]
    Aanstelling.objects.bulk_create(
        Aanstelling(user=user, school=schools[i % 2], functie=Functie.LERAAR)
        for i, user in enumerate(users)
    )
    return users


def _plg(group: list[Any], school: Any) -> list[dict[str, Any]]:
    """A PLG of ``group`` (the first is its procescoach) with a bijeenkomst live today."""
    from django.urls import reverse
    from django.utils import timezone

    from plg.communities import services
    from plg.communities.models import Lidmaatschap
    from plg.live.models import LiveSessie
    from plg.meetings.services import plan_bijeenkomst

    plg = services.create_plg(coach=group[0], name=f"Belasting {group[0].pk}", schools=[school])
    Lidmaatschap.objects.bulk_create(Lidmaatschap(plg=plg, user=u) for u in group[1:])
    bijeenkomst = plan_bijeenkomst(
        plg=plg, starts_at=timezone.now(), place="Lokaal 1", duration_minutes=120
    )
    sessie = LiveSessie.objects.create(bijeenkomst=bijeenkomst)
    blok = bijeenkomst.blokken.order_by("position").first()
    assert blok is not None
    pages = [
        ["home", reverse("home")],
        ["plg", reverse("plg_detail", args=[plg.pk])],
        ["leervragen", reverse("leervragen", args=[plg.pk])],
        ["bijeenkomst", reverse("bijeenkomst_detail", args=[bijeenkomst.pk])],
        ["archief", reverse("archief", args=[plg.pk])],
        ["live", reverse("live", args=[bijeenkomst.pk])],
    ]
    return [{"email": u.email, "live": sessie.code, "blok": blok.pk, "pages": pages} for u in group]


def smoke_data() -> dict[str, Any]:
    """What the journey needs: the demo's procescoach and a member, their PLG's bijeenkomst
    with a live session, and its steps."""
    from django.urls import reverse

    from plg.communities.models import PLG
    from plg.live.models import LiveSessie
    from plg.pages.management.commands.seed_demo import PASSWORD

    plg = PLG.objects.get(name="Huiswerk met betekenis")
    bijeenkomst = plg.bijeenkomsten.order_by("-starts_at").first()
    assert bijeenkomst is not None
    sessie, _created = LiveSessie.objects.get_or_create(bijeenkomst=bijeenkomst)
    return {
        "coach": "an@regenboog.example",
        "member": "bram@regenboog.example",
        "password": PASSWORD,
        "live": sessie.code,
        "blokken": list(bijeenkomst.blokken.order_by("position").values_list("pk", flat=True)),
        "pages": [
            reverse("home"),
            reverse("plg_detail", args=[plg.pk]),
            reverse("bijeenkomst_detail", args=[bijeenkomst.pk]),
            reverse("archief", args=[plg.pk]),
            reverse("live", args=[bijeenkomst.pk]),
        ],
    }


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
