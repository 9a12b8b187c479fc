"""Values that are impossible together, found once the model is built, and where they stand in the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from ..model.case import Case
from ..model.paths import YamlPath, dotted
from .yamldoc import YamlDocument


def check_consistency(case: Case, doc: YamlDocument) -> list[Problem]:
    """Values that are impossible together (an outcome before its budget year, more found in order than
    sampled), each reported at its own place; every model names its own in `inconsistencies()`."""
    problems = []
    for path, model in _models(case, ()):
        for below, message, hint in model.inconsistencies():
            where = (*path, *below)
            problems.append(Problem(doc.locate(where), f"{dotted(where)}: {message}", hint, "schema"))
    return problems


def _models(model: BaseModel, path: YamlPath) -> Iterator[tuple[YamlPath, Any]]:
    yield path, model
    for name in type(model).model_fields:
        if name == "initiative" and isinstance(model, Case) and model.initiative_is_first_subject:
            continue
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from _models(item, (*path, name) if index is None else (*path, name, index))


def mirror_positions(doc: YamlDocument, source: YamlPath, alias: YamlPath) -> None:
    """Let paths under `initiative` find the first subject's place in the file, for findings that
    name the main subject by its old path."""
    for table in (doc.positions, doc.key_positions):
        for path, position in list(table.items()):
            if path[: len(source)] == source:
                table.setdefault((*alias, *path[len(source) :]), position)
