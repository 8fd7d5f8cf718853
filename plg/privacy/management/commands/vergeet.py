"""``manage.py vergeet EMAIL --ja``: forget a person (the AVG's right to erasure)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from plg.accounts.models import User
from plg.privacy.erasure import OUD_LID_EMAIL, coached_alone, plan, vergeet


class Command(BaseCommand):
    help = (
        "Vergeet een persoon: wat die alleen voor zichzelf schreef of wat enkel over hem of haar "
        "gaat, wordt gewist; wat voor anderen geschreven is, blijft staan van 'een oud-lid'. "
        "Zonder --ja toont het enkel wat er zou gebeuren."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument(
            "--ja", action="store_true", help="Bevestigt dat deze persoon vergeten wordt."
        )

    def handle(self, *args: Any, email: str, ja: bool, **options: Any) -> None:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None or user.email == OUD_LID_EMAIL:
            raise CommandError(f"Niemand gevonden met e-mailadres {email}.")
        for plg in coached_alone(user):
            self.stderr.write(
                f"Let op: {email} is de enige procescoach van de PLG '{plg.name}'. "
                "Geef die rol eerst door, anders blijft de PLG zonder procescoach achter."
            )
        stappen = [stap for stap in (vergeet(user=user) if ja else plan(user)) if stap[3]]
        for model, veld, actie, aantal in stappen:
            self.stdout.write(f"{model}.{veld}: {aantal} {actie}")
        if ja:
            self.stdout.write(f"{email} is vergeten.")
        else:
            self.stdout.write(
                f"Er is nog niets gewijzigd. Herhaal met --ja om {email} te vergeten."
            )
