"""The consistency walk and the self-citation walk skip what cannot matter: each must find exactly
what a plain walk of everything finds, in the same order, on every shipped case and fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from styraudit.load.case import load_case
from styraudit.load.consistency import _models
from styraudit.load.self_citation import _citations
from styraudit.load.yamldoc import load_file
from styraudit.model.base import StrictModel
from styraudit.model.case import Case

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").rglob("*.yaml"))
YAML = CASES + sorted((ROOT / "tests").rglob("*.yaml")) + sorted((ROOT / "criteria").rglob("*.yaml"))


def _every_model(model: BaseModel, path: tuple) -> Iterator[tuple]:
    yield path, model
    for name in type(model).model_fields:
        if name == "initiative" and isinstance(model, Case) and model.initiative_is_first_subject:
            continue
        value = getattr(model, name)
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, BaseModel):
                yield from _every_model(item, (*path, name, index) if isinstance(value, list) else (*path, name))


def _every_citation(node: Any, path: tuple) -> Iterator[tuple]:
    if isinstance(node, dict):
        sources = node.get("sources")
        if isinstance(sources, list):
            yield from (((*path, "sources", i), str(v)) for i, v in enumerate(sources))
        for key, value in node.items():
            if not (key == "sources" and isinstance(value, list)):
                yield from _every_citation(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _every_citation(value, (*path, index))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_the_consistency_walk_meets_every_model_that_checks_itself(path: Path) -> None:
    case = load_case(str(path)).case
    own = [(p, id(m)) for p, m in _every_model(case, ()) if type(m).inconsistencies is not StrictModel.inconsistencies]
    assert [(p, id(m)) for p, m in _models(case, ())] == own


def test_the_self_citation_walk_finds_every_source_in_order() -> None:
    found = 0
    for path in YAML:
        try:
            data = load_file(str(path)).data
        except Exception:  # a fixture that is meant not to load
            continue
        expected = list(_every_citation(data, ()))
        assert list(_citations(data, ())) == expected, path
        found += len(expected)
    assert found > 100
