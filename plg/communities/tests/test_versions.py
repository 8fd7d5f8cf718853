"""Two people saving the same text from stale forms: nothing is lost, the second one merges.

Every shared edit page carries the version it was opened with; a save from an older version
writes nothing and shows the text saved in the meantime beside the one just typed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from plg.communities.models import PLG, Actieplan, Afronding, Lidmaatschap, Mijlpaal, Rol
from plg.meetings import services as meeting_services
from plg.meetings.models import Bijeenkomst, LeerlogEntry, Opdracht, Terugblik

MINE = "Mijn tekst van deze namiddag"
THEIRS = "Hun tekst van vanmorgen"
MERGED = "Samen: beide teksten"


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.email, password=PASSWORD)
    return client


def _co_coach(world: Any) -> Any:
    Lidmaatschap.objects.filter(plg=world.plg, user=world.member).update(rol=Rol.PROCESCOACH)
    return world.member


def _bijeenkomst(world: Any) -> Bijeenkomst:
    return meeting_services.plan_bijeenkomst(
        plg=world.plg,
        starts_at=timezone.now() - timedelta(days=1),
        place="Zaal",
        duration_minutes=100,
    )


def _no_assignments() -> dict[str, str]:
    return {
        "opdracht-TOTAL_FORMS": "0",
        "opdracht-INITIAL_FORMS": "0",
        "opdracht-MIN_NUM_FORMS": "0",
        "opdracht-MAX_NUM_FORMS": "1000",
    }


@dataclass
class EditPage:
    """One edit page of a text several people write: how to reach it, fill it and read it back."""

    name: str
    url: Callable[[Any], str]
    data: Callable[[Any, str], dict[str, Any]]
    stored: Callable[[Any], str]
    create: Callable[[Any], object] | None = None

    def __str__(self) -> str:
        return self.name


def _terugblik_url(world: Any) -> str:
    bijeenkomst = Bijeenkomst.objects.filter(plg=world.plg).first() or _bijeenkomst(world)
    return reverse("terugblik", args=[bijeenkomst.pk])


PAGES = [
    EditPage(
        "praktijknood",
        url=lambda w: reverse("plg_edit", args=[w.plg.pk]),
        data=lambda w, text: {"name": w.plg.name, "praktijknood": text},
        stored=lambda w: PLG.objects.get(pk=w.plg.pk).praktijknood,
    ),
    EditPage(
        "actieplan",
        url=lambda w: reverse("actieplan", args=[w.plg.pk]),
        data=lambda w, text: {
            "target_date": "2027-06-30",
            "gewenste_verandering": text,
            "aanpak": "",
            "audience": "leiding",
        },
        stored=lambda w: Actieplan.objects.get().gewenste_verandering,
        create=lambda w: Actieplan.objects.create(
            plg=w.plg,
            author=w.coach,
            target_date=timezone.localdate(),
            gewenste_verandering="Het eerste plan",
            audience="leiding",
        ),
    ),
    EditPage(
        "terugblik",
        url=_terugblik_url,
        data=lambda w, text: {
            "doelen_bereikt": "deels",
            "hoe_was_het": text,
            "behouden": "",
            "veranderen": "",
            "volgende_stap": "",
            "audience": "plg",
            **_no_assignments(),
        },
        stored=lambda w: Terugblik.objects.get().hoe_was_het,
        create=lambda w: Terugblik.objects.create(
            bijeenkomst=_bijeenkomst(w),
            author=w.coach,
            doelen_bereikt="ja",
            hoe_was_het="De eerste check-out",
        ),
    ),
    EditPage(
        "afronding",
        url=lambda w: reverse("afronden", args=[w.plg.pk]),
        data=lambda w, text: {
            "voorstel": text,
            "audience": "team",
            "viering_datum": "",
            "viering_notitie": "",
        },
        stored=lambda w: Afronding.objects.get().voorstel,
        create=lambda w: Afronding.objects.create(
            plg=w.plg, author=w.coach, voorstel="Het eerste voorstel", audience="team"
        ),
    ),
    EditPage(
        "mijlpaal vieren",
        url=lambda w: reverse("mijlpaal_vier", args=[w.plg.pk, Mijlpaal.objects.get().pk]),
        data=lambda w, text: {"celebrated_on": "2026-11-20", "celebration_note": text},
        stored=lambda w: Mijlpaal.objects.get().celebration_note,
        create=lambda w: Mijlpaal.objects.create(
            plg=w.plg, author=w.coach, title="Lezen", due_date=timezone.localdate()
        ),
    ),
]
PAGES.append(
    EditPage(
        "bijeenkomst",
        url=lambda w: reverse("bijeenkomst_edit", args=[Bijeenkomst.objects.get().pk]),
        data=lambda w, text: {
            "starts_at": "2027-01-12T15:45",
            "place": "Zaal",
            "duration_minutes": "100",
            "doelen": text,
        },
        stored=lambda w: Bijeenkomst.objects.get().doelen,
        create=_bijeenkomst,
    )
)
NEW_ROW_PAGES = [edit for edit in PAGES if edit.name in {"actieplan", "terugblik", "afronding"}]


def _version(html: str) -> str:
    """The version a form was opened with ('' when it carries none)."""
    match = re.search(r'<input type="hidden" name="version" value="(\d+)"', html)
    return match.group(1) if match else ""


def _stale_save(world: Any, edit: EditPage, *, first: Any = None, create: bool = True) -> Any:
    """The coach and a co-coach open the same form; the co-coach saves first, then the coach."""
    if create and edit.create:
        edit.create(world)
    first = first or _co_coach(world)
    them, me = _client(first), _client(world.coach)
    url = edit.url(world)
    their_version = _version(them.get(url).content.decode())
    my_version = _version(me.get(url).content.decode())
    saved = them.post(url, edit.data(world, THEIRS) | {"version": their_version})
    assert saved.status_code == 302
    return me.post(url, edit.data(world, MINE) | {"version": my_version}), me


@pytest.mark.parametrize("edit", PAGES, ids=str)
def test_a_stale_save_overwrites_nothing(world: Any, edit: EditPage) -> None:
    _stale_save(world, edit)
    assert edit.stored(world) == THEIRS


@pytest.mark.parametrize("edit", PAGES, ids=str)
def test_a_stale_save_shows_the_saved_text_beside_mine(world: Any, edit: EditPage) -> None:
    response, _me = _stale_save(world, edit)
    html = response.content.decode()
    assert response.status_code == 409
    assert THEIRS in html and MINE in html
    assert "Mehdi Test heeft dit intussen ook bewaard" in html


@pytest.mark.parametrize("edit", PAGES, ids=str)
def test_the_merged_text_saves_on_the_new_version(world: Any, edit: EditPage) -> None:
    response, me = _stale_save(world, edit)
    version = _version(response.content.decode())
    saved = me.post(edit.url(world), edit.data(world, MERGED) | {"version": version})
    assert saved.status_code == 302
    assert edit.stored(world) == MERGED


@pytest.mark.parametrize("edit", NEW_ROW_PAGES, ids=str)
def test_two_first_saves_of_a_new_text_do_not_overwrite(world: Any, edit: EditPage) -> None:
    if edit.name == "terugblik":
        _bijeenkomst(world)
    response, _me = _stale_save(world, edit, create=False)
    assert response.status_code == 409 and MINE in response.content.decode()
    assert edit.stored(world) == THEIRS


def test_someone_who_left_the_plg_is_not_named(world: Any) -> None:
    edit = PAGES[0]
    colleague = _co_coach(world)
    them = _client(colleague)
    url = edit.url(world)
    their_version = _version(them.get(url).content.decode())
    me = _client(world.coach)
    my_version = _version(me.get(url).content.decode())
    them.post(url, edit.data(world, THEIRS) | {"version": their_version})
    Lidmaatschap.objects.filter(plg=world.plg, user=colleague).delete()
    html = me.post(url, edit.data(world, MINE) | {"version": my_version}).content.decode()
    assert "Mehdi" not in html
    assert "Iemand anders heeft dit intussen bewaard" in html and THEIRS in html


def test_a_text_made_private_meanwhile_is_not_shown_beside_mine(world: Any) -> None:
    """Between opening the form and saving, a co-coach saved the actieplan for themselves
    alone: the conflict says so without showing a text that is no longer shared."""
    from plg.communities.forms import ActieplanForm
    from plg.communities.versions import VersionConflict

    co_coach = _co_coach(world)
    plan = Actieplan.objects.create(
        plg=world.plg,
        author=co_coach,
        last_saved_by=co_coach,
        target_date=timezone.localdate(),
        gewenste_verandering=THEIRS,
        audience="ik",
    )
    form = ActieplanForm(
        {"target_date": "2027-06-30", "gewenste_verandering": MINE, "audience": "plg"},
        instance=Actieplan(plg=world.plg),
    )
    assert form.is_valid()
    form.show_conflict(VersionConflict(plan), plg=world.plg, viewer=world.coach)
    assert form.conflict is not None and form.conflict.unreadable
    assert form.conflict.differences == []
    form.conflict.add("Opdrachten", theirs="hun opdrachten", mine="mijn opdrachten")
    assert form.conflict.differences == [], "nor a part outside the form's own fields"
    assert form.data["gewenste_verandering"] == MINE
    assert "version" not in form.data, "saving again must not overwrite the private text"


def test_every_field_of_a_versioned_form_is_saved() -> None:
    """``save_versioned`` writes the model's edited fields: a form field outside them is lost."""
    import plg.communities.forms
    import plg.meetings.forms  # noqa: F401
    from plg.communities.versions import VersionedForm

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    forms = [form for form in subclasses(VersionedForm) if form._meta.model is not None]
    assert forms
    for form in forms:
        unsaved = set(form._meta.fields or ()) - set(form._meta.model.versioned_fields)
        assert not unsaved, f"{form.__name__}: {sorted(unsaved)}"


def test_my_own_save_in_another_window_is_called_mine(world: Any) -> None:
    response, _me = _stale_save(world, PAGES[0], first=world.coach)
    assert "Je hebt dit intussen zelf bewaard" in response.content.decode()


def test_a_form_without_its_version_saves_nothing(world: Any) -> None:
    me = _client(world.coach)
    response = me.post(reverse("plg_edit", args=[world.plg.pk]), PAGES[0].data(world, MINE))
    assert response.status_code == 409
    assert PLG.objects.get().praktijknood == "Het huiswerkbeleid loopt stroef."


def test_a_stale_check_out_saves_none_of_its_assignments(world: Any) -> None:
    edit = PAGES[2]
    edit.create and edit.create(world)
    them, me = _client(_co_coach(world)), _client(world.coach)
    url = edit.url(world)
    their_version = _version(them.get(url).content.decode())
    my_version = _version(me.get(url).content.decode())
    them.post(url, edit.data(world, THEIRS) | {"version": their_version})
    assignment = {
        "opdracht-TOTAL_FORMS": "1",
        "opdracht-0-description": "Artikel zoeken",
        "opdracht-0-owner": world.member.pk,
        "opdracht-0-due_date": "2027-01-10",
    }
    response = me.post(url, edit.data(world, MINE) | assignment | {"version": my_version})
    assert response.status_code == 409 and "Artikel zoeken" in response.content.decode()
    assert not Opdracht.objects.exists()


def test_my_leerlog_saved_from_two_windows_keeps_the_first(world: Any) -> None:
    bijeenkomst = _bijeenkomst(world)
    url = reverse("leerlog", args=[bijeenkomst.pk])
    window, other_window = _client(world.member), _client(world.member)
    version = _version(window.get(url).content.decode())
    other_version = _version(other_window.get(url).content.decode())
    data = {"vaardigheden": "", "attitudes": "", "audience": "plg"}
    window.post(url, data | {"kennis_inzicht": THEIRS, "version": version})
    response = other_window.post(url, data | {"kennis_inzicht": MINE, "version": other_version})
    assert response.status_code == 409
    assert "Je hebt dit intussen zelf bewaard" in response.content.decode()
    assert LeerlogEntry.objects.get().kennis_inzicht == THEIRS


def test_a_fase_change_does_not_make_the_praktijknood_stale(world: Any) -> None:
    from plg.communities import services

    me = _client(world.coach)
    url = reverse("plg_edit", args=[world.plg.pk])
    version = _version(me.get(url).content.decode())
    services.change_fase(plg=PLG.objects.get(), fase="leervraag")
    response = me.post(url, PAGES[0].data(world, MINE) | {"version": version})
    assert response.status_code == 302 and PLG.objects.get().praktijknood == MINE


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write; the race is PostgreSQL's to refuse",
)
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_saves_only_one_wins(world: Any) -> None:
    """Two connections write the same version at once: the database lets one of them win."""
    plan = Actieplan.objects.create(
        plg=world.plg,
        author=world.coach,
        target_date=timezone.localdate(),
        gewenste_verandering="Het eerste plan",
    )
    first_wrote = threading.Event()
    outcomes: dict[str, str] = {}

    def save(who: str, text: str, wait: threading.Event | None) -> None:
        from django.db import connection as own
        from django.db import transaction

        from plg.communities.versions import VersionConflict, save_versioned

        try:
            if wait is not None:
                wait.wait(5)
            with transaction.atomic():
                row = Actieplan.objects.get(pk=plan.pk)
                row.gewenste_verandering = text
                try:
                    save_versioned(row, version=plan.version, by=world.coach)
                    outcomes[who] = "won"
                except VersionConflict:
                    outcomes[who] = "conflict"
                if wait is None:
                    first_wrote.set()
                    threading.Event().wait(0.5)  # hold the row while the other one tries
        finally:
            own.close()

    threads = [
        threading.Thread(target=save, args=("first", "Eerst", None)),
        threading.Thread(target=save, args=("second", "Tweede", first_wrote)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes == {"first": "won", "second": "conflict"}
    assert Actieplan.objects.get().gewenste_verandering == "Eerst"


def test_a_moved_bijeenkomst_shows_both_times_in_words(world: Any) -> None:
    edit = next(edit for edit in PAGES if edit.name == "bijeenkomst")
    edit.create and edit.create(world)
    them, me = _client(_co_coach(world)), _client(world.coach)
    url = edit.url(world)
    their_version = _version(them.get(url).content.decode())
    my_version = _version(me.get(url).content.decode())
    them.post(
        url, edit.data(world, "") | {"starts_at": "2027-01-14T13:30", "version": their_version}
    )
    response = me.post(url, edit.data(world, "") | {"version": my_version})
    html = response.content.decode()
    assert "14 januari 2027, 13:30" in html and "12 januari 2027, 15:45" in html


def test_assignments_saved_in_the_meantime_are_shown_beside_mine(world: Any) -> None:
    edit = PAGES[2]
    edit.create and edit.create(world)
    them, me = _client(_co_coach(world)), _client(world.coach)
    url = edit.url(world)
    their_version = _version(them.get(url).content.decode())
    my_version = _version(me.get(url).content.decode())
    assignment = {
        "opdracht-TOTAL_FORMS": "1",
        "opdracht-0-description": "Artikel zoeken",
        "opdracht-0-owner": world.member.pk,
        "opdracht-0-due_date": "2027-01-10",
    }
    them.post(url, edit.data(world, MINE) | assignment | {"version": their_version})
    response = me.post(url, edit.data(world, MINE) | {"version": my_version})
    html = response.content.decode()
    assert "Opdrachten tot de volgende keer" in html
    assert "Artikel zoeken · Mehdi Test · 10 januari 2027" in html
