"""Reading and writing the event log's table: an Excel workbook (openpyxl, from the `report` extra)
or a CSV file. Every row read keeps where it stands (file:sheet, row), for messages."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem, UsageError
from ..text.i18n import _
from .eventlog_layout import COLUMNS

SHEET = "Händelser"
REST_SHEET = "Ärende"  # the case's other sections, as YAML, one line a row
MAX_CELL = 32_000  # Excel keeps at most 32,767 characters in a cell

Rows = list[tuple[Location, dict[str, str]]]


def read_table(path: Path) -> tuple[Rows, dict[str, int], str]:
    """The rows (by column name), the columns' numbers, and the YAML of the rest sheet ('' when none)."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = [[cell for cell in row] for row in csv.reader(handle, delimiter=_delimiter(path))]
        return (*_rows(table, str(path)), "")
    book = _workbook(path)
    if SHEET not in book.sheetnames:
        raise InputError(
            [
                Problem(
                    Location(str(path)),
                    _("the workbook has no sheet {sheet!r}").format(sheet=SHEET),
                    _("name the sheet with the events {sheet}, or export a case to see the layout").format(sheet=SHEET),
                    "import",
                )
            ]
        )
    table = [[_text(c) for c in row] for row in book[SHEET].iter_rows(values_only=True)]
    rest = (
        "\n".join(_text(row[0]) for row in book[REST_SHEET].iter_rows(values_only=True)) if REST_SHEET in book.sheetnames else ""
    )
    return (*_rows(table, f"{path}:{SHEET}"), rest)


def _delimiter(path: Path) -> str:
    first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","  # Swedish Excel saves CSV with semicolons


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "isoformat"):  # a date typed as a date in Excel
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(table: list[list[str]], where: str) -> tuple[Rows, dict[str, int]]:
    if not table:
        return [], {}
    header = [cell.strip().lower() for cell in table[0]]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        column = header.index(unknown[0]) + 1
        raise InputError(
            [
                Problem(
                    Location(where, 1, column),
                    _("unknown column {name!r}").format(name=unknown[0]),
                    _("the columns are: {names}").format(names=", ".join(COLUMNS)),
                    "import",
                )
            ]
        )
    columns = {name: index + 1 for index, name in enumerate(header) if name}
    rows = [
        (Location(where, number, 1), {name: (row[i - 1] if i - 1 < len(row) else "") for name, i in columns.items()})
        for number, row in enumerate(table[1:], start=2)
    ]
    return rows, columns


def _workbook(path: Path) -> Any:
    openpyxl = _openpyxl()
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as error:
        raise InputError(
            [
                Problem(
                    Location(str(path)),
                    _("not an Excel workbook: {error}").format(error=error),
                    _("save it as .xlsx, or as .csv"),
                    "import",
                )
            ]
        ) from None


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise UsageError(
            [
                Problem(
                    Location("xlsx"),
                    _("reading and writing Excel needs openpyxl"),
                    _("install the extra: pip install 'styraudit[report]', or use a .csv file"),
                    "usage",
                )
            ]
        ) from None
    return openpyxl


def write_table(path: Path, rows: list[dict[str, str]], rest: str) -> None:
    """Write the table (and, in a workbook, the rest sheet) to `path`, .xlsx or .csv."""
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows([row.get(c, "") for c in COLUMNS] for row in rows)
        return
    book = _openpyxl().Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(c, "") for c in COLUMNS])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLMNOP", (10, 18, 12, 12, 10, 16, 10, 14, 50, 10, 10, 10, 12, 14, 18, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    if rest:
        extra = book.create_sheet(REST_SHEET)
        for line in rest.splitlines():
            extra.append([line])
    book.save(path)
