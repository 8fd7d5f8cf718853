"""The demo's library: the reading PLG shared with the network, and packages for everyone."""

from __future__ import annotations

import pytest

from plg.accounts.models import User
from plg.bibliotheek.models import Bibliotheekitem
from plg.pages.management.commands.seed_demo import build_demo, reset_demo


@pytest.mark.django_db
def test_the_demo_library_has_a_shared_path_and_imported_packages() -> None:
    build_demo()
    teacher = User.objects.get(email="gert@regenboog.example")
    titels = set(Bibliotheekitem.objects.zichtbaar_voor(teacher).values_list("titel", flat=True))
    assert "Lezen met plezier" in titels
    assert Bibliotheekitem.objects.zichtbaar_voor(None).count() == 3
    assert not Bibliotheekitem.objects.exclude(namen="").exists()


@pytest.mark.django_db
def test_the_demo_library_is_built_again_after_a_reset() -> None:
    build_demo()
    reset_demo()
    build_demo()
    assert Bibliotheekitem.objects.count() == 4
