"""`styraudit import` and `styraudit export`: the auditor's event log in Excel or CSV, to a case and back.

Import loads the case it makes as every command does (the session) before writing it, so a table
that makes an invalid case writes nothing and is reported by the rows it came from, as
file:sheet:row:column. Export loads the case the same way first, so only a valid case is written
out as a table.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from ..engine.session import Session
from ..errors import InputError, Location, Problem, UsageError
from ..load.eventlog import case_from_rows, flow, rows_from_case
from ..load.origins import Origins, at_origins
from ..load.sheets import REST_SHEET, read_table, write_table
from ..load.yamldoc import parse_text
from ..text.i18n import _
from .output import refuse_existing, write_atomic

SUFFIXES = (".xlsx", ".csv")
HEADER = "# Importerad från {source} med styraudit import; kontrollera med: styraudit validate {case}\n"


def _table_path(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        hint = _("name a .xlsx or a .csv file")
        raise UsageError([Problem(Location(str(path)), _("not a spreadsheet: {name}").format(name=path.name), hint, "usage")])


def run_import(session: Session, source: Path, output: Path, force: bool) -> int:
    """Read the event log, validate the case it makes in memory, and only then write it; returns the exit code."""
    _table_path(source)
    if not source.is_file():
        raise UsageError([Problem(Location(str(source)), _("no such file"), _("check the path"), "usage")])
    refuse_existing(output, force)
    rows, columns, rest = read_table(source)
    origins: Origins = {}
    data, problems = case_from_rows(rows, columns, origins=origins)
    if problems:
        raise InputError(problems)
    merged = _merged(data, _rest(rest, source))
    text = HEADER.format(source=source.name, case=output.name) + _dump(merged)
    try:  # checked before writing: a table that makes an invalid case leaves the output as it was
        session.load(output, text=text)
    except InputError as error:
        raise InputError(at_origins(error.problems, text, str(output), origins, str(source))) from None
    write_atomic(output, text, force=force)
    print(_("wrote {path}").format(path=output), file=sys.stderr)
    return 0


def run_export(session: Session, case: Path, output: Path, force: bool) -> int:
    """Write a valid case's event log as a table (.xlsx, or .csv with the rest in the `ärende` row)."""
    _table_path(output)
    refuse_existing(output, force)
    loaded = session.load(case)
    rows, rest = rows_from_case(loaded.doc.data)
    csv = output.suffix.lower() == ".csv"
    if csv and rest:
        rows[0]["övrigt"] = flow(rest)
    write_table(output, rows, "" if csv else _dump(rest) if rest else "")
    print(_("wrote {path}").format(path=output), file=sys.stderr)
    return 0


def _rest(text: str, source: Path) -> dict[str, Any]:
    """The case's other sections from the workbook's `Ärende` sheet (one line of YAML a row), located by row."""
    if not text.strip():
        return {}
    where = f"{source}:{REST_SHEET}"
    rest = parse_text(text, where).data  # a YAML problem is named by the sheet's row and column
    if not isinstance(rest, dict):
        hint = _("write the case's other sections there as YAML, one line a row, e.g. `organisation: {name: ..., kind: kommun}`")
        raise InputError([Problem(Location(where, 1, 1), _("the sheet holds no YAML mapping of sections"), hint, "import")])
    return rest


def _merged(data: dict[str, Any], rest: Any) -> dict[str, Any]:
    if not isinstance(rest, dict):
        return data
    first = {k: data[k] for k in ("id", "title", "as_of") if k in data}
    merged = {**first, **rest, **{k: v for k, v in data.items() if k not in first}}
    if isinstance(rest.get("evidence"), dict):
        merged["evidence"] = {**rest["evidence"], **data.get("evidence", {})}
    return merged


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
