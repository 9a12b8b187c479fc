"""Swedish where a person types it: the words an auditor writes for enum values and yes/no facts.

`templates/input/words.sv.yaml` lists, for every enum of the model (and for yes/no facts), the
Swedish words accepted for each value; the first is also the value's description in the schema.
`normalise` rewrites such words in the parsed data to the model's English values before the model
sees them, in place, so that every position the loader recorded still holds. Keys stay English.
"""

from __future__ import annotations

import typing
from enum import Enum
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model.common import is_yes_no
from .ref_fields import per_annotation
from .resources import data_dir

WORDS_FILE = "input/words.sv.yaml"
YES_NO = "yes_no"


@cache
def vocabulary() -> dict[str, dict[str, list[str]]]:
    """Enum name (or `yes_no`) -> English value -> Swedish words, the description first."""
    text = (data_dir("templates") / WORDS_FILE).read_text(encoding="utf-8")
    # libyaml's loader when PyYAML has it: the same data (same constructor), ~2 ms where the
    # pure-Python one took ~20 ms of every `validate`, most of it in its scanner's regexes.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _key(word: str) -> str:
    return "_".join(word.strip().lower().replace("-", " ").split())


@cache
def _lookup(name: str) -> dict[str, str]:
    return {_key(w): value for value, words in vocabulary().get(name, {}).items() for w in [value, *words]}


def swedish(name: str, value: str) -> str:
    """The Swedish description of an enum's value ('' when the vocabulary has none)."""
    words = vocabulary().get(name, {}).get(value) or []
    return words[0] if words else ""


def normalise(data: Any, model: type[BaseModel]) -> None:
    """Replace the Swedish words in `data` (a mapping for `model`) by the values they stand for."""
    if not isinstance(data, dict):
        return
    plans = _plans(model)
    for key, value in data.items():
        plan = plans.get(key) if isinstance(key, str) else None
        if plan is not None:
            data[key] = _field_value(value, *plan)


@cache
def _plans(model: type[BaseModel]) -> dict[str, tuple[FieldInfo, bool, type[Enum] | None, type[BaseModel] | None]]:
    """The fields of `model` that can hold a word to replace (a yes/no, an enum, a model below):
    most hold dates and texts, and are now passed over without a call."""
    return {
        key: plan
        for key in model.model_fields
        if (plan := _plan(model, key)) is not None and (plan[1] or plan[2] is not None or plan[3] is not None)
    }


@cache
def _plan(model: type[BaseModel], key: str) -> tuple[FieldInfo, bool, type[Enum] | None, type[BaseModel] | None] | None:
    """What a field of `model` takes: found once per class and key, not once per value (it was
    the largest part of loading a case: the annotations were taken apart again for every item)."""
    field = model.model_fields.get(key)
    if field is None:
        return None
    return field, _is_bool(field.annotation), enum_in(field.annotation), _model_in(field.annotation)


def _field_value(value: Any, field: FieldInfo, is_bool: bool, enum: type[Enum] | None, inner: type[BaseModel] | None) -> Any:
    if isinstance(value, str) and is_bool:
        found = _lookup(YES_NO).get(_key(value))
        if found == "unknown" and not is_yes_no(field):
            return value  # a plain yes/no field cannot be unknown: leave it for the model to refuse
        return {"true": True, "false": False, "unknown": None}.get(found, value) if found else value
    if enum is None and inner is None:
        return value
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        if enum is not None and isinstance(item, str) and item not in enum._value2member_map_:
            items[index] = _lookup(enum.__name__).get(_key(item), item)
        elif inner is not None:
            normalise(item, inner)
    return items if isinstance(value, list) else items[0]


@per_annotation
def _is_bool(annotation: Any) -> bool:
    return annotation is bool or bool in typing.get_args(annotation)


@per_annotation
def enum_in(annotation: Any) -> type[Enum] | None:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := enum_in(arg))), None)


@per_annotation
def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := _model_in(arg))), None)
