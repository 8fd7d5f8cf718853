"""The staff list from the school's administration: read, compared, applied all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.accounts.models import User
from plg.communities.models import Lidmaatschap
from plg.organisations.models import Aanstelling, Functie
from plg.roosters import personeel
from plg.roosters.imports.errors import ImportMislukt
from plg.roosters.imports.personeel_csv import read_personeel_csv


def _lijn(user: User, functie: str = "leraar", school: str = "De Regenboog") -> str:
    return f"{user.first_name};{user.last_name};{user.email};{school};{functie}"


def _bestand(world: World, *extra: str, zonder: tuple[User, ...] = ()) -> bytes:
    """Today's staff of De Regenboog as the administration lists it, changed by ``extra``."""
    functies = {
        world.coach: "zorgcoördinator",
        world.member: "leraar",
        world.colleague: "leraar",
        world.leader: "directeur",
    }
    lijnen = [_lijn(u, f) for u, f in functies.items() if u not in zonder]
    return "\n".join(["voornaam;naam;e-mail;school;functie", *lijnen, *extra]).encode()


def test_a_full_name_alone_gives_its_first_word_as_first_name() -> None:
    regels = read_personeel_csv(b"Naam,E-mail\nAn Van den Broeck,AN@school.be\n", "lijst.csv")
    assert (regels[0].voornaam, regels[0].familienaam) == ("An", "Van den Broeck")
    assert regels[0].email == "an@school.be" and regels[0].functie == Functie.LERAAR


def test_the_administrations_words_for_a_function_are_understood() -> None:
    data = b"naam;voornaam;e-mail;ambt\nMertens;Inge;inge@school.be;Directeur\n"
    assert read_personeel_csv(data, "lijst.csv")[0].functie == Functie.SCHOOLLEIDER


def test_every_mistake_is_named_by_line_and_column_at_once() -> None:
    data = b"voornaam;naam;e-mail;functie\nAn;Peeters;geen-adres;leraar\n;;b@school.be;kok\n"
    with pytest.raises(ImportMislukt) as fout:
        read_personeel_csv(data, "lijst.csv")
    meldingen = [str(f) for f in fout.value.fouten]
    assert any("regel 2" in m and "e-mail" in m for m in meldingen)
    assert any("regel 3" in m and "naam" in m for m in meldingen)
    assert any("regel 3" in m and "'kok'" in m for m in meldingen)


def test_a_missing_email_column_is_named_with_an_example() -> None:
    with pytest.raises(ImportMislukt, match="e-mail"):
        read_personeel_csv(b"voornaam;naam\nAn;Peeters\n", "lijst.csv")


def test_the_same_list_changes_nothing(world: World) -> None:
    voorstel = personeel.vergelijk(
        school=world.school, regels=read_personeel_csv(_bestand(world), "l.csv"), bestand="l.csv"
    )
    assert not voorstel.iets_te_doen
    assert voorstel.blijft == 4


def test_the_comparison_shows_who_is_new_changed_and_gone(world: World) -> None:
    data = _bestand(
        world,
        "Nora;Claes;nora@regenboog.example;De Regenboog;leerkracht",
        zonder=(world.colleague,),
    )
    data = data.replace(
        f"{world.member.email};De Regenboog;leraar".encode(),
        f"{world.member.email};De Regenboog;zorgcoördinator".encode(),
    )
    voorstel = personeel.vergelijk(
        school=world.school, regels=read_personeel_csv(data, "l.csv"), bestand="l.csv"
    )
    assert [p.email for p in voorstel.nieuw] == ["nora@regenboog.example"]
    assert [w.nieuw.email for w in voorstel.gewijzigd] == [world.member.email]
    assert [p.email for p in voorstel.weg] == [world.colleague.email]


def test_lines_about_another_school_are_left_out_and_counted(world: World) -> None:
    data = _bestand(world, "Sam;Smet;sam@sintjozef.example;Sint-Jozef;leraar")
    voorstel = personeel.vergelijk(
        school=world.school, regels=read_personeel_csv(data, "l.csv"), bestand="l.csv"
    )
    assert voorstel.andere_school == [6]
    assert not voorstel.nieuw


def test_applying_adds_changes_and_lets_leave_but_keeps_accounts_and_plgs(world: World) -> None:
    data = _bestand(
        world, "Nora;Claes;nora@regenboog.example;De Regenboog;leraar", zonder=(world.member,)
    )
    personeel.apply_personeel(
        school=world.school,
        door=world.leader,
        regels=read_personeel_csv(data, "l.csv"),
        bestand="l.csv",
    )
    nora = User.objects.get(email="nora@regenboog.example")
    assert Aanstelling.objects.filter(user=nora, school=world.school).exists()
    assert not nora.has_usable_password()
    assert not Aanstelling.objects.filter(user=world.member, school=world.school).exists()
    assert User.objects.filter(pk=world.member.pk).exists()
    assert Lidmaatschap.objects.filter(user=world.member, plg=world.plg).exists()
    assert Aanstelling.objects.filter(user=world.advisor, school=world.school).exists()


def test_a_leader_cannot_import_themselves_out_and_nothing_changes(world: World) -> None:
    data = _bestand(world, "Nora;Claes;nora@regenboog.example;;leraar", zonder=(world.leader,))
    with pytest.raises(ImportMislukt, match="schoolleider"):
        personeel.apply_personeel(
            school=world.school,
            door=world.leader,
            regels=read_personeel_csv(data, "l.csv"),
            bestand="l.csv",
        )
    assert not User.objects.filter(email="nora@regenboog.example").exists()


def test_one_person_under_two_names_is_refused(world: World) -> None:
    data = _bestand(world, f"Ander;Naam;{world.member.email};De Regenboog;mentor")
    with pytest.raises(ImportMislukt, match="andere naam"):
        personeel.vergelijk(
            school=world.school, regels=read_personeel_csv(data, "l.csv"), bestand="l.csv"
        )


def _login(client: Client, user: User) -> None:
    assert client.login(username=user.email, password=PASSWORD)


def test_the_leader_sees_the_changes_first_and_applies_them_on_a_yes(
    client: Client, world: World
) -> None:
    _login(client, world.leader)
    url = reverse("school_personeel", args=[world.school.pk])
    upload = SimpleUploadedFile(
        "personeel.csv", _bestand(world, "Nora;Claes;nora@regenboog.example;De Regenboog;leraar")
    )
    page = client.post(url, {"bestand": upload}).content.decode()
    assert "Nora Claes" in page
    assert not User.objects.filter(email="nora@regenboog.example").exists()
    client.post(reverse("school_personeel_toepassen", args=[world.school.pk]))
    assert User.objects.filter(email="nora@regenboog.example").exists()


def test_a_wrong_file_names_its_lines_and_changes_nothing(client: Client, world: World) -> None:
    _login(client, world.leader)
    upload = SimpleUploadedFile("personeel.csv", b"voornaam;naam;e-mail\nAn;Peeters;geen\n")
    response = client.post(reverse("school_personeel", args=[world.school.pk]), {"bestand": upload})
    assert response.status_code == 422
    assert "personeel.csv, regel 2" in response.content.decode()


def test_applying_without_a_list_waiting_asks_for_the_file_again(
    client: Client, world: World
) -> None:
    _login(client, world.leader)
    response = client.post(
        reverse("school_personeel_toepassen", args=[world.school.pk]), follow=True
    )
    assert "Kies de personeelslijst opnieuw" in response.content.decode()
