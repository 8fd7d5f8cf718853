"""The accounts tests' own fixture: a real OpenID Connect provider for the school login."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from oidc_provider_mock import run_server_in_thread

from plg.accounts.tests.school_provider import Provider


@pytest.fixture
def provider(settings: Any) -> Iterator[Provider]:
    """The provider, set up as the school's Microsoft (Entra ID) account."""
    with run_server_in_thread() as server:
        url = f"http://localhost:{server.server_port}"
        found = Provider(url=url)
        settings.SCHOOL_ACCOUNTS = {"microsoft": found.config()}
        # The mock signs with its one key and names none (no ``kid``); real providers do.
        settings.OIDC_VERIFY_KID = False
        yield found
