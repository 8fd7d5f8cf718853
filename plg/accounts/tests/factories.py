"""Accounts for tests: every one signs in with the same password."""

from __future__ import annotations

from factory.declarations import Sequence
from factory.django import DjangoModelFactory, Password

from plg.accounts.models import User

PASSWORD = "een-goed-wachtwoord-42"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User

    email = Sequence(lambda n: f"persoon{n}@school.example")
    first_name = "Test"
    last_name = "Test"
    password = Password(PASSWORD)
