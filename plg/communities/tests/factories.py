"""PLGs and their members, for tests."""

from __future__ import annotations

from typing import Any

from factory.declarations import LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory

from plg.accounts.tests.factories import UserFactory
from plg.communities import services
from plg.communities.models import PLG, Lidmaatschap, Rol
from plg.organisations.tests.factories import SchoolFactory


class PLGFactory(DjangoModelFactory[PLG]):
    """Made as a coach makes one (``services.create_plg``): the coach is its procescoach."""

    class Meta:
        model = PLG

    coach = SubFactory(UserFactory)
    name = Sequence(lambda n: f"PLG {n}")
    schools = LazyFunction(lambda: [SchoolFactory.create()])
    praktijknood = ""

    @classmethod
    def _create(cls, model_class: type[PLG], *args: Any, **kwargs: Any) -> PLG:
        return services.create_plg(*args, **kwargs)


class LidmaatschapFactory(DjangoModelFactory[Lidmaatschap]):
    class Meta:
        model = Lidmaatschap

    plg = SubFactory(PLGFactory)
    user = SubFactory(UserFactory)
    rol = Rol.LID
