"""A wave that closes while someone answers takes nothing more: the save and the submit check it
inside their own transaction, not only the page before them."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from plg.post.models import Bericht
from plg.post.models import Status as BerichtStatus
from plg.scans import services
from plg.scans.models import Afname, Antwoordset, ToegangSoort


def _answers(afname: Afname) -> dict[str, str]:
    return {item.key: "4" for item in afname.instrument.items()} | {services.BACKGROUND_FIELD: "1"}


@pytest.fixture
def toegang(wave):
    """A personal link, read (with its wave) while the wave was still open."""
    return wave.toegangen.filter(soort=ToegangSoort.PERSOONLIJK).select_related("afname").first()


def test_answers_saved_just_after_the_wave_closed_are_not_stored(world, wave, toegang):
    services.close_afname(afname=Afname.objects.get(pk=wave.pk))
    problems = services.save_answers(toegang=toegang, key="k" * 40, data=_answers(wave))
    assert "intussen afgesloten" in " ".join(problems)
    assert not Antwoordset.objects.exists()


def test_a_set_left_behind_by_the_close_cannot_be_handed_in(world, wave, toegang):
    """A save that raced the close may leave a set; submitting it afterwards changes nothing."""
    assert services.save_answers(toegang=toegang, key="k" * 40, data=_answers(wave)) == []
    Afname.objects.filter(pk=wave.pk).update(closed_at=timezone.now())
    with pytest.raises(services.AfnameGesloten):
        services.submit(toegang=toegang, key="k" * 40)
    assert not Antwoordset.objects.filter(submitted=True).exists()
    toegang.refresh_from_db()
    assert not toegang.responded


@pytest.fixture
def closed_after_the_check(wave, monkeypatch):
    """The wave closes after the page checked it was open, before the answer is written."""
    services.close_afname(afname=Afname.objects.get(pk=wave.pk))
    monkeypatch.setattr(Afname, "is_open", property(lambda self: True))
    return reverse("scan_start", args=[services.poster(wave, wave.schools.first()).token])


def test_an_autosave_just_after_the_close_says_the_wave_closed(client, closed_after_the_check):
    page = closed_after_the_check
    client.get(page)
    response = client.post(page + "bewaar/", {"cv1": "4"})
    assert "intussen afgesloten" in response.content.decode()
    assert not Antwoordset.objects.exists()


def test_handing_in_just_after_the_close_shows_the_closed_page(
    client, closed_after_the_check, toegang
):
    page = closed_after_the_check
    client.get(page)
    Afname.objects.filter(pk=toegang.afname_id).update(closed_at=None)
    client.post(page + "bewaar/", _answers(toegang.afname))
    Afname.objects.filter(pk=toegang.afname_id).update(closed_at=timezone.now())
    response = client.post(page + "indienen/")
    assert response.status_code == 410
    assert "afgesloten" in response.content.decode()
    assert not Antwoordset.objects.filter(submitted=True).exists()


def test_a_reminder_sent_after_the_wave_closed_mails_nobody(world, wave, mailoutbox):
    """The page checked the wave was open; it closed before the reminder was written."""
    stale = Afname.objects.get(pk=wave.pk)
    services.close_afname(afname=Afname.objects.get(pk=wave.pk))
    mailoutbox.clear()
    assert services.remind(afname=stale, schools=stale.schools.all()) == 0
    assert not Bericht.objects.filter(status=BerichtStatus.WACHT).exists()
    assert mailoutbox == []


def test_closing_a_wave_twice_keeps_the_first_close(world, wave):
    first, second = Afname.objects.get(pk=wave.pk), Afname.objects.get(pk=wave.pk)
    services.close_afname(afname=first)
    closed_at = Afname.objects.get(pk=wave.pk).closed_at
    services.close_afname(afname=second)
    assert Afname.objects.get(pk=wave.pk).closed_at == closed_at
