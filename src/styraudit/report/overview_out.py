"""The overview's three formats, by the output's extension: JSON (versioned, schema/overview.schema.json),
one self-contained HTML page (templates/report/overview.html.j2) and an Excel workbook (openpyxl).

Each writer streams the long tables from disk (report/overview.py `Rows`) into the open output, so
memory stays flat: JSON row by row, Excel through openpyxl's write-only sheets. The HTML page is for
people and shows the first HTML_ROWS rows of a long table, saying how many there are in all.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from ..text.i18n import _
from ..text.sandbox import render_template
from .formats import extension
from .ooxml import stable_zip
from .overview import Rows
from .render import _folders

EXTENSIONS = (".html", ".xlsx", ".json")
HTML_ROWS = 500  # rows of one table a reader can still scan on a page; the files have them all
Sink = Callable[[bytes], Any]  # where a writer puts its bytes, in order
Writer = Callable[[dict[str, Any], dict[str, Any], Sink], None]


def overview_writer(path: Path) -> Writer:
    """The writer for `path`'s extension; any other extension is a usage error naming these."""
    writers = {".json": _json, ".html": _html, ".xlsx": _xlsx}
    return writers[extension(path, EXTENSIONS, _("the overview cannot be written as {suffix!r}"))]


def _json(data: dict[str, Any], labels: dict[str, Any], write: Sink) -> None:
    """The same bytes as `json.dumps(data, sort_keys=True, indent=1)`, the long tables written row by row."""
    write(b"{")
    for index, key in enumerate(sorted(data)):
        write(f"{',' if index else ''}\n {json.dumps(key)}: ".encode())
        value = data[key]
        if not isinstance(value, (list, Rows)) or not len(value):
            write(_dumped([] if isinstance(value, Rows) else value, 1))
            continue
        for number, row in enumerate(value):
            write(b",\n  " if number else b"[\n  ")
            write(_dumped(row, 2))
        write(b"\n ]")
    write(b"\n}\n")


def _dumped(value: Any, depth: int) -> bytes:
    """`value` as indented JSON nested `depth` levels deep (a JSON string never holds a raw newline)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("\n", "\n" + " " * depth).encode("utf-8")


def _html(data: dict[str, Any], labels: dict[str, Any], write: Sink) -> None:
    cells = {(c["body"], c["theme"]): c for c in data["heatmap"]}
    grid = [(body, [cells.get((body, theme)) for theme in data["themes"]]) for body in data["bodies"]]
    shown = {key: list(islice(data[key], HTML_ROWS)) for key in ("open_recommendations", "answers")}
    totals = {key: len(data[key]) for key in shown}
    context = {"o": {**data, **shown}, "totals": totals, "w": labels["overview"], "answers": labels["answers"], "grid": grid}
    write(render_template("overview.html.j2", context, _folders(None), html=True).encode("utf-8"))


# Column widths in characters: long texts wide, names wide enough to read, figures and dates narrow.
WIDTHS = {"text": 60, "question": 60, "cases": 60, "theme": 34, "body": 50, "case": 36}
# One sheet per table: (sheet title label, rows key, columns as (label, key)).
SHEETS = (
    (
        "heatmap",
        "heatmap",
        (("body", "body"), ("theme", "theme"), ("judged", "judged"), ("deficient", "deficient"), ("fulfilled", "fulfilled")),
    ),
    (
        "open",
        "open_recommendations",
        (("case", "case"), ("recommendation", "text"), ("made", "made"), ("age_days", "age_days"), ("status", "status")),
    ),
    ("overdue", "overdue_replies", (("case", "case"), ("body", "body"), ("due", "due"))),
    ("answers", "answers", (("case", "case"), ("question", "question"), ("answer", "answer"), ("overridden", "overridden"))),
    ("repeated", "repeated_deficiencies", (("body", "body"), ("theme", "theme"), ("audits", "audits"), ("cases", "cases"))),
)


def _xlsx(data: dict[str, Any], labels: dict[str, Any], write: Sink) -> None:
    """One sheet per table with Swedish headers, a frozen header row and typed cells (numbers, dates, yes/no)."""
    from openpyxl import Workbook

    words = labels["overview"]
    book = Workbook(write_only=True)  # rows go to disk as they are appended
    for title, key, columns in SHEETS:
        sheet = book.create_sheet(words[title][:31])  # Excel's limit on a sheet name
        sheet.freeze_panes = "A2"
        _printable(sheet)
        for index, (_label, field) in enumerate(columns, start=1):
            sheet.column_dimensions[_letter(index)].width = WIDTHS.get(field, 14)
        sheet.append(_header(sheet, [words[label] for label, _key in columns]))
        for row in data[key]:
            sheet.append([_typed(field, row.get(field), labels) for _label, field in columns])
    book.properties.creator = "styraudit"
    raw = io.BytesIO()
    book.save(raw)
    write(stable_zip(raw.getvalue(), fix_core_dates=True))  # the same bytes on every run


def _printable(sheet: Any) -> None:
    """Printed, each sheet is landscape and one page wide (LibreOffice and Excel otherwise cut the columns)."""
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0


def _header(sheet: Any, titles: list[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    cells = [WriteOnlyCell(sheet, value=title) for title in titles]
    for cell in cells:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="D9E2F3")
    return cells


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _typed(field: str, value: Any, labels: dict[str, Any]) -> Any:
    """A cell's value as its type: a date as a date, yes/no as a word, a status and an answer in Swedish."""
    from datetime import date

    words = labels["overview"]
    if value is None:
        return None
    if field in ("made", "due"):
        parts = str(value).split("-")
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    if field == "overridden":
        return words["yes"] if value else words["no"]
    if field == "status":
        return words["statuses"].get(value, value)
    if field == "answer":
        return labels["answers"].get(value, value)
    if field == "cases":
        return ", ".join(value)
    return value
