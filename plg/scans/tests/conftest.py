"""Scan fixtures: a wave for De Regenboog and a way to let respondents answer through services."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from django.core.mail import EmailMessage
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import World
from plg.organisations.models import School
from plg.scans import services
from plg.scans.models import Afname, Toegang


def answer(
    afname: Afname,
    school: School | None,
    value: Callable[[str], int] | int,
    *,
    rolgroep: int | None = 1,
    comments: dict[str, str] | None = None,
    submit: bool = True,
) -> Toegang:
    """One respondent, through the poster of ``school``: every item answered, then submitted."""
    toegang = services.poster(afname, school)
    data: dict[str, str] = {}
    for section in afname.instrument.sections:
        for item in section.items:
            data[item.key] = str(value(item.key) if callable(value) else value)
        if section.comment_label:
            text = (comments or {}).get(section.key) or (
                "Een voorbeeld." if section.comment_required else ""
            )
            data[services.COMMENT_PREFIX + section.key] = text
    if rolgroep is not None:
        data[services.BACKGROUND_FIELD] = str(rolgroep)
    if submit:
        assert services.respond(toegang=toegang, data=data) == []
    else:
        key = secrets.token_urlsafe(32)
        assert services.save_answers(toegang=toegang, key=key, data=data) == []
    return toegang


@pytest.fixture
def wave(
    world: World,
    mailoutbox: list[EmailMessage],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> Afname:
    """Opened by the school leader; the invitations are in ``mailoutbox``."""
    with django_capture_on_commit_callbacks(execute=True):
        return services.open_afname(
            opened_by=world.leader, title="PLG-scan voorjaar", schools=[world.school]
        )
