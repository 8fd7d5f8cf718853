"""The signed-in request type: a request whose user is one of our accounts."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from plg.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind ``login_required``: its user is a real account."""

    user: User
    htmx: HtmxDetails
