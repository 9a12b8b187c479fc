"""Where each model class holds ids and references, found once per class from its annotations.

Checking a case's references walked every field of every model; most hold dates and texts.
The plan names, per class, only the fields that are a reference (RefTo) or may hold a model
that defines an id or holds a reference below it. Where an annotation cannot tell (`Any`), the
field is visited, so a plan can only visit too much, never too little.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from ..model.base import RefTo

T = TypeVar("T")


def per_annotation(function: Callable[[Any], T]) -> Callable[[Any], T]:
    """`function` of an annotation, kept per annotation: the model's ~550 fields are written with a
    few dozen annotations (`list[SourceRef]`, `ActorRef | None`), each now taken apart once instead of
    at every field, by the id, reference, consistency and word walks that plan every class at each start."""
    known: dict[Any, T] = {}

    def kept(annotation: Any) -> T:
        try:
            return known[annotation]
        except KeyError:
            found = known[annotation] = function(annotation)
            return found
        except TypeError:  # an annotation carrying something unhashable (a dict of JSON schema)
            return function(annotation)

    return kept


@per_annotation
def _ref_kinds(annotation: Any) -> tuple[str, ...] | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, RefTo):
            return meta.kinds
    for arg in typing.get_args(annotation):
        kinds = _ref_kinds(arg)
        if kinds:
            return kinds
    return None


@cache
def ref_fields(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """The fields of `model` that reference ids, with the kinds each may name."""
    found = {}
    for name, info in model.model_fields.items():
        kinds = _ref_kinds(info.annotation) or next((m.kinds for m in info.metadata if isinstance(m, RefTo)), None)
        if kinds:
            found[name] = kinds
    return found


@dataclass(frozen=True)
class _Plan:
    """The fields of a model class worth visiting: those that may hold an id defined below them
    (`ids`), and those that are or may hold a reference (`refs`), in field order. The walks used
    to visit every field of every model; most hold dates and texts, known once per class."""

    ids: tuple[str, ...]
    refs: tuple[str, ...]


_PLANNING: set[type[BaseModel]] = set()  # classes whose plan is being made (a model may nest itself)


@cache
def plan(model: type[BaseModel]) -> _Plan:
    """Which fields of `model` the id and reference walks visit (load/refs.py)."""
    _PLANNING.add(model)
    try:
        own = ref_fields(model)
        ids, refs = [], []
        for name, info in model.model_fields.items():
            inner = _models_in(info.annotation)
            if inner is None or any(_may_hold(m, ids=True) for m in inner):
                ids.append(name)
            if name in own or inner is None or any(_may_hold(m, ids=False) for m in inner):
                refs.append(name)
    finally:
        _PLANNING.discard(model)
    return _Plan(tuple(ids), tuple(refs))


def _may_hold(model: type[BaseModel], *, ids: bool) -> bool:
    """Whether a `model` may define an id (`ids`) or hold a reference, itself or below it."""
    if model in _PLANNING:
        return True  # its plan is not known yet: assume it may, which only costs a visit
    found = plan(model)
    if ids:
        return bool(getattr(model, "id_kind", None)) or bool(found.ids)
    return bool(ref_fields(model)) or bool(found.refs)


@per_annotation
def _models_in(annotation: Any) -> tuple[type[BaseModel], ...] | None:
    """The model classes a field's annotation may hold; None when it cannot tell (`Any`, a name)."""
    return _find_models_in(annotation)


def _find_models_in(annotation: Any) -> tuple[type[BaseModel], ...] | None:
    if annotation is Any or annotation is object or isinstance(annotation, str | typing.ForwardRef | typing.TypeVar):
        return None
    if isinstance(annotation, type):
        return (annotation,) if issubclass(annotation, BaseModel) else ()
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        inner = _models_in(arg)
        if inner is None:
            return None
        found += inner
    return tuple(found)
