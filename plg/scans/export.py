"""Tables as files for spreadsheets: CSV for Belgian Excel and XLSX, with no cell that runs.

A text that starts with ``= + - @ | %`` or a tab or carriage return is what a spreadsheet reads
as a formula (a wave's title is typed by a user). ``is_formula`` decides once for both files:
the CSV escapes such a cell with a leading apostrophe (through ``defusedcsv``), the XLSX stores
it as text, never as a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from defusedcsv import csv as safe_csv
from openpyxl import Workbook

Cell = str | int | float | None
Row = Sequence[Cell]

FORMULA_START = ("=", "+", "-", "@", "|", "%", "\t", "\r")
NUMBER = re.compile(r"^-?[0-9]+([.,][0-9]+)?$")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def is_formula(value: object) -> bool:
    """Would a spreadsheet run this cell? Texts only (a written number such as ``-0,25`` never)."""
    return isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.match(value)


def _csv_cell(value: Cell) -> str | int:
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str) and is_formula(value):
        return "'" + value
    return "" if value is None else value


def csv_bytes(rows: Sequence[Row]) -> bytes:
    """``;`` between fields and a decimal comma, UTF-8 with a BOM: how Excel in Belgium opens a
    CSV by double-click. ``defusedcsv`` escapes anything that slipped past ``_csv_cell``."""
    buffer = io.StringIO()
    safe_csv.writer(buffer, delimiter=";").writerows([_csv_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode()


def xlsx_bytes(rows: Sequence[Row], *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if is_formula(value):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
