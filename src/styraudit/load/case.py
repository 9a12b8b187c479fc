"""Loading a case file: YAML with positions, then the model, then the references between ids."""

from __future__ import annotations

import reprlib
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import InputError, Problem, input_error
from ..model.case import Case
from ..model.paths import YamlPath, dotted
from ..text.i18n import _
from .consistency import check_consistency, mirror_positions
from .hints import is_empty_criteria, schema_hint, unknown_key_hint
from .limits import DEFAULT_LIMITS, Limits
from .refs import check_references
from .vocabulary import enum_in, normalise
from .wording import worded
from .yamldoc import YamlDocument, load_file


@dataclass(frozen=True)
class LoadedCase:
    """A validated case together with the document it came from, for locations."""

    case: Case
    doc: YamlDocument

    @property
    def file(self) -> str:
        return self.doc.file


def load_case(path: str, display: str | None = None, limits: Limits = DEFAULT_LIMITS) -> LoadedCase:
    """Load, validate and cross-check one case file; raises InputError listing every problem found."""
    return validate_document(load_file(path, display, limits))


def validate_document(doc: YamlDocument) -> LoadedCase:
    """Validate parsed YAML as a case file."""
    if not isinstance(doc.data, dict):
        found = _("an empty file") if doc.data in (None, "") else _kind(doc.data)
        raise input_error(
            doc.locate(()),
            _("a case file is a mapping of keys, but this is {found}").format(found=found),
            _("start from `styraudit init` for a commented example"),
            "schema",
        )
    normalise(doc.data, Case)  # Swedish words for enum values and yes/no facts, before the model sees them
    try:
        case = Case.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([_problem(doc, error) for error in exc.errors(include_url=False)]) from None
    problems = check_references(case, doc) + check_consistency(case, doc)
    if problems:
        raise InputError(problems)
    if case.initiative_is_first_subject:
        mirror_positions(doc, ("subjects", 0), ("initiative",))
    return LoadedCase(case, doc)


def _kind(data: Any) -> str:
    """What a YAML value is, in a person's words rather than a Python type name."""
    if isinstance(data, list):
        return _("a list")
    if isinstance(data, bool):
        return _("a yes/no value")
    return _("a number") if isinstance(data, int | float) else _("a text")


def _data_path(data: Any, loc: tuple[Any, ...]) -> YamlPath:
    """Keep the loc entries that index real data; drop pydantic's union and function tags."""
    path: list[str | int] = []
    for item in loc:
        if (isinstance(data, dict) and item in data) or (
            isinstance(data, list) and isinstance(item, int) and 0 <= item < len(data)
        ):
            data = data[item]
        elif isinstance(data, dict) and isinstance(item, str) and item == loc[-1]:
            path.append(item)  # a missing or unknown key: keep it so the message can name it
            break
        else:
            continue
        path.append(item)
    return tuple(path)


def _model_at(path: YamlPath) -> type[BaseModel] | None:
    model: Any = Case
    for item in path:
        if isinstance(item, int):
            continue
        field = model.model_fields.get(item) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _brief(value: Any) -> str:
    """A short repr of what the file gave: an aliased list can stand for millions of values."""
    brief = reprlib.Repr()
    brief.maxlevel, brief.maxlist, brief.maxdict, brief.maxstring, brief.maxother = 2, 4, 4, 80, 80
    return brief.repr(value)


def _enum_at(path: YamlPath) -> Any:
    names = tuple(item for item in path if not isinstance(item, int))
    model = _model_at(names[:-1]) if names else None
    field = model.model_fields.get(str(names[-1])) if model is not None else None
    return enum_in(field.annotation) if field is not None else None


def _problem(doc: YamlDocument, error: Any) -> Problem:
    path = _data_path(doc.data, error["loc"])
    kind, message = error["type"], worded(error)
    if kind == "extra_forbidden":
        key = str(path[-1])
        model = _model_at(path[:-1])
        allowed = sorted(model.model_fields) if model else []
        hint = unknown_key_hint(key, allowed, at_top=len(path) == 1)
        return Problem(doc.locate(path, key=True), _("unknown key {key!r}").format(key=key), hint, "unknown-key")
    if kind == "missing":
        key = str(path[-1]) if path else "?"
        message, hint = _("missing required key {key!r}").format(key=key), _("add `{key}:` here").format(key=key)
        return Problem(doc.locate(path[:-1]), message, hint, "missing-key")
    if kind == "enum":
        message = _("{message}, got {given}").format(message=message, given=_brief(error.get("input")))
    where = dotted(path) or _("the file")
    code = "no-criteria" if is_empty_criteria(error, path) else "schema"
    return Problem(doc.locate(path), f"{where}: {message}", schema_hint(error, path, _enum_at(path)), code)
