"""The overview's three formats, by the output's extension: JSON (versioned, schema/overview.schema.json),
one self-contained HTML page (templates/report/overview.html.j2) and an Excel workbook (openpyxl)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..text.i18n import _
from ..text.sandbox import render_template
from .formats import extension
from .render import _folders

EXTENSIONS = (".html", ".xlsx", ".json")


def overview_writer(path: Path) -> Callable[[dict[str, Any], dict[str, Any]], bytes]:
    """The writer for `path`'s extension; any other extension is a usage error naming these."""
    writers = {".json": _json, ".html": _html, ".xlsx": _xlsx}
    return writers[extension(path, EXTENSIONS, _("the overview cannot be written as {suffix!r}"))]


def _json(data: dict[str, Any], labels: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _html(data: dict[str, Any], labels: dict[str, Any]) -> bytes:
    cells = {(c["body"], c["theme"]): c for c in data["heatmap"]}
    grid = [(body, [cells.get((body, theme)) for theme in data["themes"]]) for body in data["bodies"]]
    context = {"o": data, "w": labels["overview"], "answers": labels["answers"], "grid": grid}
    return render_template("overview.html.j2", context, _folders(None), html=True).encode("utf-8")


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


def _xlsx(data: dict[str, Any], labels: dict[str, Any]) -> bytes:
    """One sheet per table with Swedish headers, a frozen header row and typed cells (numbers, dates, yes/no)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    words = labels["overview"]
    book = Workbook()
    book.remove(book.active)
    for title, key, columns in SHEETS:
        sheet = book.create_sheet(words[title][:31])  # Excel's limit on a sheet name
        sheet.append([words[label] for label, _key in columns])
        for cell in sheet[1]:
            cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="D9E2F3")
        for row in data[key]:
            sheet.append([_typed(field, row.get(field), labels) for _label, field in columns])
        sheet.freeze_panes = "A2"
        for index, (_label, field) in enumerate(columns, start=1):
            wide = field in ("text", "question", "theme", "cases")
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = 60 if wide else 18
    book.properties.creator = "styraudit"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


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
