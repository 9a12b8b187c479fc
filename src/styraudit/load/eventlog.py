"""The auditor's event log as a table: one row per organ, decision, report, document, interview,
absence or budget, in Swedish columns, to a case file's data and back.

Columns that a row of its type does not use stay empty; anything an item has beyond the columns
goes, as a YAML flow mapping, into `övrigt`, and the case's other sections into the `ärende` row's
`övrigt`, so that a case exported and imported again is the same case.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Location, Problem
from ..text.i18n import _
from .eventlog_cells import cell_mapping, problem_at, wrong_row
from .eventlog_layout import CASE_KEYS, CASE_ROW, TYPES
from .origins import Origins
from .row_ids import content_id
from .vocabulary import YES_NO, swedish

LIST_SEPARATOR = ";"


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def _flow(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9, sort_keys=False).strip()


def rows_from_case(data: dict[str, Any]) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """The table for a case's data (as loaded: scalars are text), the `ärende` row first, and the
    case's other sections, which the table has no columns for."""
    covered = {t.section[0] for t in TYPES.values()}
    rest = {k: v for k, v in data.items() if k not in covered and k not in CASE_KEYS.values()}
    evidence = {k: v for k, v in (data.get("evidence") or {}).items() if k not in ("documents", "interviews")}
    if evidence:
        rest["evidence"] = evidence
    rows = [{"typ": CASE_ROW, **_cells(data, CASE_KEYS, ())}]
    for name, kind in TYPES.items():
        items = data
        for key in kind.section:
            items = (items or {}).get(key) or {}
        for item in items or []:
            extra = {k: v for k, v in item.items() if k not in kind.keys.values()}
            cells = _cells(item, kind.keys, kind.lists)
            for column, enum in kind.enums:  # the auditor reads and writes the Swedish word; import reads it back
                if column in cells:
                    cells[column] = swedish(enum, cells[column]) or cells[column]
            rows.append({"typ": name, **cells, "övrigt": _flow(extra) if extra else ""})
    return rows, rest


def flow(value: Any) -> str:
    """A value as one line of YAML (a flow mapping), as the `övrigt` column holds it."""
    return _flow(value)


def _cells(item: dict[str, Any], keys: dict[str, str], lists: tuple[str, ...]) -> dict[str, str]:
    cells = {}
    for column, key in keys.items():
        value = item.get(key)
        if value is None:
            continue
        if column in lists and isinstance(value, list):
            cells[column] = f"{LIST_SEPARATOR} ".join(str(v) for v in value)
        elif isinstance(value, dict | list):
            cells[column] = _flow(value)
        elif isinstance(value, bool):
            cells[column] = swedish(YES_NO, str(value).lower())
        else:
            cells[column] = str(value)
    return cells


def case_from_rows(
    rows: list[tuple[Location, dict[str, str]]], columns: dict[str, int], *, origins: Origins | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Case data from the table's rows (each with where it stands), and a problem for every row it cannot use.

    `origins`, when given, receives each item's path in the case and the row and columns it came from."""
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    taken = {text for _where, row in rows if (text := (row.get("id") or "").strip())}
    for where, row in rows:
        kind = row.get("typ", "").strip().lower()
        if not any(row.values()):
            continue
        if kind == CASE_ROW:
            data.update(_item(row, CASE_KEYS, (), where, columns, problems))
            if origins is not None:
                origins[()] = (where, _key_columns(data, CASE_KEYS, columns, where))
            continue
        wrong = wrong_row(kind, row, where, columns)
        if wrong is not None:
            problems.append(wrong)
            continue
        row_type = TYPES[kind]
        item = _item(row, row_type.keys, row_type.lists, where, columns, problems)
        if "id" not in item:  # made from what the row says, so that inserting a row renumbers nothing
            item["id"] = content_id(kind, row.get("datum", ""), row.get("beskrivning") or row.get("organ") or "", taken)
        target = data
        for key in row_type.section[:-1]:
            target = target.setdefault(key, {})
        items = target.setdefault(row_type.section[-1], [])
        if origins is not None:
            origins[(*row_type.section, len(items))] = (where, _key_columns(item, row_type.keys, columns, where))
        items.append(item)
    return data, problems


def _key_columns(item: dict[str, Any], keys: dict[str, str], columns: dict[str, int], where: Location) -> dict[str, Location]:
    """The cell each of the item's keys came from (keys beyond the columns: `övrigt`)."""
    by_key = {key: columns[column] for column, key in keys.items() if column in columns}
    rest = columns.get("övrigt", 1)
    return {key: Location(where.file, where.line, by_key.get(key, rest)) for key in item}


def _item(
    row: dict[str, str],
    keys: dict[str, str],
    lists: tuple[str, ...],
    where: Location,
    columns: dict[str, int],
    problems: list[Problem],
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for column, key in keys.items():
        text = (row.get(column) or "").strip()
        if text:
            item[key] = _split(text) if column in lists else text
    extra = (row.get("övrigt") or "").strip()
    if extra:
        parsed, trouble = cell_mapping(extra)
        if trouble is None:
            item.update(parsed)
        else:
            message, hint = trouble
            hint += " " + (
                _(
                    "In the ärende row, övrigt holds the case's other sections as one mapping, e.g. "
                    "{organisation: {name: Lilla kommun, kind: kommun}, audit: {title: ..., purpose: ..., questions: [...]}}."
                )
                if keys is CASE_KEYS
                else _("In övrigt go the fact's keys that have no column, e.g. {role_as_written: projektledaren}.")
            )
            problems.append(problem_at(where, columns, "övrigt", message, hint))
    return item
