"""One validator for a check's parameters, whoever sets them: a criteria file or the configuration.

Both name an unknown parameter the same way (which one, for which check, did-you-mean) at the
place it is written, so a mistake reads alike wherever it was made.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ...errors import Location, Problem
from ...load.refs import suggest
from ...model.paths import YamlPath, dotted
from ..registry import Check, Params

# locate(path of a parameter below the params mapping, key=True) -> where it is written
Locate = Callable[..., Location]


def validate_params(check: Check, values: Mapping[str, Any], locate: Locate, code: str, problems: list[Problem]) -> Params | None:
    """The check's parameters from `values`, or None after adding one located problem per mistake."""
    try:
        return check.params.model_validate(dict(values))
    except ValidationError as exc:
        problems.extend(_problem(check, error, locate, code) for error in exc.errors(include_url=False))
        return None


def _problem(check: Check, error: Any, locate: Locate, code: str) -> Problem:
    path: YamlPath = tuple(p for p in error["loc"] if isinstance(p, int | str))
    known = ", ".join(check.params.model_fields) or "none"
    if error["type"] == "extra_forbidden" and path:
        fields = _fields_at(check.params, path[:-1])
        message = f"unknown parameter {dotted(path)!r} for check {check.id}"
        hint = suggest(str(path[-1]), fields) or f"parameters of {check.id}: {', '.join(fields) or 'none'}"
    else:
        message = f"parameter{' ' + dotted(path) if path else 's'}: {error['msg']}"
        hint = f"parameters of {check.id}: {known}"
    return Problem(locate(path, key=True), message, hint, code)


def _fields_at(model: type[BaseModel], path: YamlPath) -> list[str]:
    """The parameter names known at `path` (a nested rule such as field_rule's `one_of`)."""
    current: Any = model
    for part in path:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue  # a list index keeps the item's model
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in typing.get_args(annotation) if (m := _model_in(arg)) is not None), None)
