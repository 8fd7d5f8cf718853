"""A browser asks every site for /favicon.ico: it is there, served as a file."""

from __future__ import annotations

from django.http import HttpResponse
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware


def test_the_favicon_a_browser_asks_for_is_served(rf: RequestFactory) -> None:
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    response = middleware(rf.get("/favicon.ico"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
