"""The life of one PLG: phases, roles, invitations, leervragen, priorities, plan, afronden."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities import services
from plg.communities.models import (
    Fase,
    Leervraag,
    LeervraagVersie,
    Lidmaatschap,
    Mijlpaal,
    Rol,
    Thema,
    Uitnodiging,
    UitnodigingStatus,
)
from plg.core.db import SlowWorkInTransaction
from plg.organisations.models import Aanstelling


def login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


# Phases -----------------------------------------------------------------------------------------


def test_phase_may_go_one_step_forward_or_any_step_back(world: World) -> None:
    world.plg.fase = Fase.ACTIEPLAN
    assert world.plg.allowed_fases() == [Fase.VERKENNEN, Fase.LEERVRAAG, Fase.AAN_DE_SLAG]


def test_phase_cannot_skip_ahead(world: World) -> None:
    with pytest.raises(ValidationError):
        services.change_fase(plg=world.plg, fase=Fase.AFRONDEN)


def test_closing_stamps_the_date_and_locks_the_plg(world: World) -> None:
    world.plg.fase = Fase.AFRONDEN
    services.change_fase(plg=world.plg, fase=Fase.AFGESLOTEN)
    assert world.plg.closed_at is not None
    assert world.plg.allowed_fases() == []


def test_coach_changes_phase_in_the_browser_flow(client: Client, world: World) -> None:
    login(client, world.coach)
    client.post(reverse("plg_fase", args=[world.plg.pk]), {"fase": "leervraag"})
    world.plg.refresh_from_db()
    assert world.plg.fase == Fase.LEERVRAAG


# Roles ------------------------------------------------------------------------------------------


def test_coach_role_can_be_shared(world: World) -> None:
    lid = Lidmaatschap.objects.get(plg=world.plg, user=world.member)
    services.set_rol(lid=lid, rol=Rol.PROCESCOACH)
    assert world.plg.lidmaatschappen.filter(rol=Rol.PROCESCOACH).count() == 2


def test_coach_hands_over_and_steps_back(world: World) -> None:
    services.set_rol(
        lid=Lidmaatschap.objects.get(plg=world.plg, user=world.member), rol=Rol.PROCESCOACH
    )
    services.set_rol(lid=Lidmaatschap.objects.get(plg=world.plg, user=world.coach), rol=Rol.LID)
    coaches = list(
        world.plg.lidmaatschappen.filter(rol=Rol.PROCESCOACH).values_list("user", flat=True)
    )
    assert coaches == [world.member.pk]


def test_last_coach_cannot_step_back(world: World) -> None:
    with pytest.raises(ValidationError):
        services.set_rol(lid=Lidmaatschap.objects.get(plg=world.plg, user=world.coach), rol=Rol.LID)


def test_member_may_leave(client: Client, world: World) -> None:
    login(client, world.member)
    client.post(reverse("plg_leave", args=[world.plg.pk]))
    assert not Lidmaatschap.objects.filter(plg=world.plg, user=world.member).exists()


# Creating ---------------------------------------------------------------------------------------


def test_coach_creates_plg_and_becomes_procescoach(client: Client, world: World) -> None:
    login(client, world.colleague)
    response = client.post(reverse("plg_create"), {"name": "Lezen", "schools": [world.school.pk]})
    assert response.status_code == 302
    lid = Lidmaatschap.objects.get(plg__name="Lezen")
    assert lid.user == world.colleague and lid.is_coach


def test_networked_plg_spans_schools_of_one_scholengemeenschap(world: World) -> None:
    plg = services.create_plg(
        coach=world.advisor, name="Netwerk", schools=[world.school, world.sister]
    )
    assert set(plg.schools.all()) == {world.school, world.sister}


def test_plg_cannot_span_two_scholengemeenschappen(world: World) -> None:
    with pytest.raises(ValidationError):
        services.create_plg(coach=world.coach, name="x", schools=[world.school, world.other])


def test_create_form_error_names_the_field_and_keeps_input(client: Client, world: World) -> None:
    login(client, world.coach)
    response = client.post(reverse("plg_create"), {"name": "", "praktijknood": "Lezen sputtert"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Naam van de PLG" in html and "Dit veld is verplicht." in html
    assert "Lezen sputtert" in html


# Invitations ------------------------------------------------------------------------------------


def test_invitation_is_sent_by_email(
    client: Client, world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    login(client, world.coach)
    with django_capture_on_commit_callbacks(
        execute=True
    ):  # mail leaves once the invitation is stored
        client.post(
            reverse("plg_leden", args=[world.plg.pk]),
            {"email": "Kato@Regenboog.example", "school": world.school.pk},
        )
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.email == "kato@regenboog.example"
    assert len(mail.outbox) == 1
    assert uitnodiging.token in mail.outbox[0].body


def test_existing_user_accepts_invitation(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    login(client, world.colleague)
    client.post(reverse("uitnodiging", args=[uitnodiging.token]), {"antwoord": "ja"})
    assert Lidmaatschap.objects.filter(plg=world.plg, user=world.colleague).exists()


def test_newcomer_creates_account_when_accepting(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    response = client.post(
        reverse("uitnodiging", args=[uitnodiging.token]),
        {
            "antwoord": "ja",
            "first_name": "Nora",
            "last_name": "Nieuw",
            "password1": "lang-en-veilig-99",
            "password2": "lang-en-veilig-99",
        },
    )
    assert response.status_code == 302
    lid = Lidmaatschap.objects.get(plg=world.plg, user__email="nieuw@regenboog.example")
    assert Aanstelling.objects.filter(user=lid.user, school=world.school).exists()


def test_newcomer_mismatched_passwords_keeps_names(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    response = client.post(
        reverse("uitnodiging", args=[uitnodiging.token]),
        {
            "antwoord": "ja",
            "first_name": "Nora",
            "last_name": "Nieuw",
            "password1": "lang-en-veilig-99",
            "password2": "anders-99-lang",
        },
    )
    html = response.content.decode()
    assert "De twee wachtwoorden zijn niet gelijk." in html and 'value="Nora"' in html
    assert not Lidmaatschap.objects.filter(user__email="nieuw@regenboog.example").exists()


def test_declining_is_simple_and_final(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    client.post(reverse("uitnodiging", args=[uitnodiging.token]), {"antwoord": "nee"})
    uitnodiging.refresh_from_db()
    assert uitnodiging.status == UitnodigingStatus.AFGEWEZEN


def test_expired_invitation_shows_clear_page(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email="nieuw@regenboog.example", school=world.school, invited_by=world.coach
    )
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    response = client.get(reverse("uitnodiging", args=[uitnodiging.token]))
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()


def test_used_invitation_cannot_be_used_twice(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    services.accept_uitnodiging(uitnodiging=uitnodiging, user=world.colleague)
    response = client.get(reverse("uitnodiging", args=[uitnodiging.token]))
    assert response.status_code == 410
    assert "werd al aanvaard" in response.content.decode()


def test_closing_the_plg_withdraws_open_invitations(client: Client, world: World) -> None:
    uitnodiging = services.invite(
        plg=world.plg, email=world.colleague.email, school=world.school, invited_by=world.coach
    )
    world.plg.fase = Fase.AFRONDEN
    services.change_fase(plg=world.plg, fase=Fase.AFGESLOTEN)
    response = client.get(reverse("uitnodiging", args=[uitnodiging.token]))
    assert response.status_code == 410
    with pytest.raises(ValidationError):
        services.accept_uitnodiging(uitnodiging=uitnodiging, user=world.colleague)


def test_unknown_invitation_token_is_a_clear_404(client: Client, db: None) -> None:
    response = client.get(reverse("uitnodiging", args=["bestaat-niet"]))
    assert response.status_code == 404
    assert "uitnodiging" in response.content.decode().lower()


def test_inviting_a_member_again_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        services.invite(
            plg=world.plg, email=world.member.email, school=world.school, invited_by=world.coach
        )


# Leervraag --------------------------------------------------------------------------------------


def test_every_version_of_a_leervraag_is_kept(world: World) -> None:
    vraag = services.add_leervraag(
        plg=world.plg, text="Hoe plannen we huiswerk?", author=world.coach
    )
    services.revise_leervraag(
        leervraag=vraag, text="Waarom geven we huiswerk aan onze leerlingen?", author=world.member
    )
    texts = list(vraag.versies.values_list("text", flat=True))
    assert texts == ["Waarom geven we huiswerk aan onze leerlingen?", "Hoe plannen we huiswerk?"]


def test_a_version_keeps_no_verdict_of_the_check(world: World) -> None:
    field_names = {f.name for f in LeervraagVersie._meta.get_fields()}
    assert not field_names & {"criteria_met", "score", "passed"}


def test_live_check_fragment_reflects_the_text(client: Client, world: World) -> None:
    login(client, world.member)
    url = reverse("leervraag_check_hx", args=[world.plg.pk])
    observation = client.post(url, {"text": "Het huiswerk sputtert."}).content.decode()
    question = client.post(
        url, {"text": "Waarom geven we huiswerk aan onze leerlingen?"}
    ).content.decode()
    assert 'data-criterion="is_question" data-met="false"' in observation
    assert 'data-criterion="is_question" data-met="true"' in question


def test_leervraag_check_command_prints_json() -> None:
    out = StringIO()
    call_command(
        "leervraag_check", "--json", "Hoe plannen we de oudercontacten op maandag?", stdout=out
    )
    result = json.loads(out.getvalue())
    assert set(result["criteria"]) == {
        "is_question",
        "why_not_how",
        "own_learning",
        "not_too_concrete",
        "not_too_vague",
        "child_link",
    }
    assert result["criteria"]["not_too_concrete"] is False
    assert set(result["explanations"]) == set(result["criteria"])


def test_coach_chooses_the_leervraag(client: Client, world: World) -> None:
    vraag = services.add_leervraag(plg=world.plg, text="Waarom?", author=world.member)
    login(client, world.coach)
    client.post(reverse("leervraag_kies", args=[world.plg.pk, vraag.pk]))
    world.plg.refresh_from_db()
    assert world.plg.gekozen_leervraag == vraag


# Prioriteren ------------------------------------------------------------------------------------


def _themes(world: World, *titles: str) -> list[Thema]:
    return [
        Thema.objects.create(plg=world.plg, title=t, created_by=world.coach, position=i)
        for i, t in enumerate(titles)
    ]


def test_moving_a_theme_up_swaps_it_with_its_neighbour(client: Client, world: World) -> None:
    _a, b, _c = _themes(world, "a", "b", "c")
    login(client, world.member)
    client.post(
        reverse("prioriteit_hx", args=[world.plg.pk, "thema", b.pk, "up"]), HTTP_HX_REQUEST="true"
    )
    assert [t.title for t in world.plg.themas.filter(parked=False)] == ["b", "a", "c"]


def test_parking_a_theme_keeps_it(world: World) -> None:
    a, _b = _themes(world, "a", "b")
    services.toggle_parked(item=a, siblings=world.plg.themas.all())
    assert list(world.plg.themas.filter(parked=True)) == [a]
    services.toggle_parked(item=a, siblings=world.plg.themas.all())
    assert [t.title for t in world.plg.themas.filter(parked=False)] == ["b", "a"]


def test_candidate_questions_are_ordered_too(client: Client, world: World) -> None:
    first = services.add_leervraag(plg=world.plg, text="Een", author=world.coach)
    second = services.add_leervraag(plg=world.plg, text="Twee", author=world.coach)
    login(client, world.member)
    client.post(reverse("prioriteit_hx", args=[world.plg.pk, "leervraag", second.pk, "up"]))
    assert list(Leervraag.objects.filter(plg=world.plg)) == [second, first]


def test_unknown_priority_action_is_refused(client: Client, world: World) -> None:
    (a,) = _themes(world, "a")
    login(client, world.member)
    response = client.post(reverse("prioriteit_hx", args=[world.plg.pk, "thema", a.pk, "delete"]))
    assert response.status_code == 404


# Actieplan and milestones -----------------------------------------------------------------------


def test_coach_writes_the_actieplan(client: Client, world: World) -> None:
    login(client, world.coach)
    client.post(
        reverse("actieplan", args=[world.plg.pk]),
        {
            "target_date": "2027-06-30",
            "gewenste_verandering": "Zinvol huiswerk",
            "audience": "leiding",
        },
    )
    assert world.plg.actieplan.gewenste_verandering == "Zinvol huiswerk"
    assert world.plg.actieplan.author == world.coach


def test_actieplan_bad_date_names_the_field(client: Client, world: World) -> None:
    login(client, world.coach)
    response = client.post(
        reverse("actieplan", args=[world.plg.pk]),
        {"target_date": "morgen", "gewenste_verandering": "Zinvol huiswerk", "audience": "plg"},
    )
    html = response.content.decode()
    assert "Voer een geldige datum in" in html and "Zinvol huiswerk" in html


def test_member_cannot_write_the_actieplan(client: Client, world: World) -> None:
    login(client, world.member)
    response = client.post(
        reverse("actieplan", args=[world.plg.pk]),
        {"target_date": "2027-06-30", "gewenste_verandering": "x", "audience": "plg"},
    )
    assert response.status_code == 403


def test_milestone_is_celebrated(client: Client, world: World) -> None:
    mijlpaal = Mijlpaal.objects.create(
        plg=world.plg, author=world.coach, title="Lezen", due_date=timezone.localdate()
    )
    login(client, world.coach)
    client.post(
        reverse("mijlpaal_vier", args=[world.plg.pk, mijlpaal.pk]),
        {
            "celebrated_on": "2026-11-20",
            "celebration_note": "Koffie en taart",
            "version": mijlpaal.version,
        },
    )
    mijlpaal.refresh_from_db()
    assert mijlpaal.is_celebrated and mijlpaal.celebration_note == "Koffie en taart"


# Afronden ---------------------------------------------------------------------------------------


def test_afronden_stores_proposal_attachment_and_closes(client: Client, world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    world.plg.fase = Fase.AFRONDEN
    world.plg.save()
    login(client, world.coach)
    response = client.post(
        reverse("afronden", args=[world.plg.pk]),
        {
            "voorstel": "Huiswerk alleen als het leren dient.",
            "audience": "team",
            "viering_datum": "2027-06-20",
            "viering_notitie": "Receptie",
            "bijlagen": [SimpleUploadedFile("voorstel.txt", b"tekst")],
            "afsluiten": "1",
        },
    )
    assert response.status_code == 302
    world.plg.refresh_from_db()
    assert world.plg.is_archived
    assert world.plg.afronding.bijlagen.get().name == "voorstel.txt"


def test_an_attachment_is_stored_before_the_proposal_is_written(world: World) -> None:
    """Writing a file is slow work: it never happens while the database's write lock is held."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from plg.communities.models import Afronding

    with transaction.atomic(), pytest.raises(SlowWorkInTransaction):
        services.save_afronding(
            afronding=Afronding(plg=world.plg, voorstel="x", audience="team"),
            version=None,
            by=world.coach,
            bijlagen=[SimpleUploadedFile("voorstel.txt", b"tekst")],
        )


def _stored_files() -> set[str]:
    from plg.communities.models import Bijlage

    storage = Bijlage.file.field.storage
    if not storage.exists("voorstellen"):
        return set()
    folders, _files = storage.listdir("voorstellen")
    return {f"{d}/{f}" for d in folders for f in storage.listdir(f"voorstellen/{d}")[1]}


def test_an_attachment_of_a_proposal_that_was_not_saved_leaves_no_file(world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from plg.communities.models import Afronding, Bijlage
    from plg.communities.versions import VersionConflict

    Afronding.objects.create(plg=world.plg, voorstel="Eerst", audience="team", author=world.coach)
    stale = Afronding.objects.get(plg=world.plg)
    Afronding.objects.filter(pk=stale.pk).update(version=stale.version + 1)
    before = _stored_files()
    with pytest.raises(VersionConflict):
        services.save_afronding(
            afronding=stale,
            version=stale.version,
            by=world.coach,
            bijlagen=[SimpleUploadedFile("voorstel.txt", b"tekst")],
        )
    assert not Bijlage.objects.exists()
    assert _stored_files() == before


def test_archiving_withdraws_the_invitation_mails_that_had_not_left(
    world: World, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from plg.post.models import Bericht, Status

    with django_capture_on_commit_callbacks(execute=False):
        services.invite(
            plg=world.plg,
            email="nieuw@regenboog.example",
            school=world.school,
            invited_by=world.coach,
        )
    world.plg.fase = Fase.AFRONDEN
    world.plg.save()
    services.change_fase(plg=world.plg, fase=Fase.AFGESLOTEN)
    assert list(Bericht.objects.values_list("status", flat=True)) == [Status.INGETROKKEN]
