"""The reference check visits only the fields that can hold ids or references: it must find
exactly what a walk over every field of every model finds, on every shipped case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from styraudit.load.case import load_case
from styraudit.load.ref_fields import ref_fields
from styraudit.load.refs import defined_ids, references
from styraudit.model.case import Case

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").rglob("*.yaml"))


def _every_reference(model: BaseModel, path: tuple) -> Iterator[tuple]:
    refs = ref_fields(type(model))
    for name in type(model).model_fields:
        if name == "initiative" and isinstance(model, Case) and model.initiative_is_first_subject:
            continue
        value, here = getattr(model, name), (*path, name)
        if name in refs:
            values = value if isinstance(value, list) else [value]
            yield from (
                (v, refs[name], (*here, i) if isinstance(value, list) else here) for i, v in enumerate(values) if v is not None
            )
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, BaseModel) and name not in refs:
                yield from _every_reference(item, (*here, index) if isinstance(value, list) else here)


def _every_id(model: BaseModel, path: tuple) -> Iterator[tuple]:
    if getattr(model, "id_kind", None) and isinstance(getattr(model, "id", None), str):
        yield model.id, model.id_kind, (*path, "id")
    for name in type(model).model_fields:
        value = getattr(model, name)
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, BaseModel):
                yield from _every_id(item, (*path, name, index) if isinstance(value, list) else (*path, name))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_the_planned_walks_find_what_a_walk_of_every_field_finds(path: Path) -> None:
    case = load_case(str(path)).case
    found = list(references(case))
    assert found and found == list(_every_reference(case, ()))
    walked = [
        i for s in ("bodies", "decisions", "subjects") for n, m in enumerate(getattr(case, s)) for i in _every_id(m, (s, n))
    ]
    assert walked and set(walked) <= set(defined_ids(case))
