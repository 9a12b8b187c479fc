"""The event log's cells: what is wrong with a row's typ or columns, and the YAML of an `övrigt` cell."""

from __future__ import annotations

from typing import Any

from ..errors import InputError, Location, Problem
from ..text.i18n import _
from .eventlog_layout import CASE_ROW, TYPES
from .yamldoc import parse_text


def wrong_row(kind: str, row: dict[str, str], where: Location, columns: dict[str, int]) -> Problem | None:
    """The problem of a row of an unknown typ, or with a column its typ has no place for; else None."""
    if kind not in TYPES:
        kinds = ", ".join([CASE_ROW, *TYPES])
        return problem_at(
            where, columns, "typ", _("unknown typ {kind!r}").format(kind=kind), _("write one of: {kinds}").format(kinds=kinds)
        )
    row_type = TYPES[kind]
    unused = [c for c, text in row.items() if text.strip() and c not in row_type.keys and c not in ("typ", "övrigt")]
    if not unused:
        return None
    return problem_at(
        where,
        columns,
        unused[0],
        _("column {column!r} is filled, but a row of typ {kind} does not use it").format(kind=kind, column=unused[0]),
        _("a {kind} row uses the columns {used}; leave {column} empty, or give the key in övrigt as {{key: value}}").format(
            kind=kind, column=unused[0], used=", ".join(f"{c} ({k})" for c, k in row_type.keys.items())
        ),
    )


def cell_mapping(text: str) -> tuple[dict[str, Any], tuple[str, str] | None]:
    """The mapping a cell's YAML holds, or what is wrong with it (message, hint)."""
    try:
        parsed = parse_text(text, "övrigt").data
    except InputError as error:
        first = error.problems[0]
        at = _("at character {n} of the cell").format(n=first.location.column) if first.location.line <= 1 else ""
        return {}, (_("övrigt: {message} {at}").format(message=first.message, at=at).strip(), first.hint + ".")
    if not isinstance(parsed, dict):
        return {}, (_("övrigt holds no YAML mapping {key: value, ...}"), "")
    return parsed, None


def problem_at(where: Location, columns: dict[str, int], column: str, message: str, hint: str) -> Problem:
    return Problem(Location(where.file, where.line, columns.get(column, 0)), message, hint, "import")
