"""What every fact may say beyond its sources: yes/no that may be unknown, the subject it concerns, its level."""

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic.fields import FieldInfo

from .base import Sourced, ref


def _unknown_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and value.strip().lower() == "unknown" else value


# A yes/no fact that may be unknown: true, false, or left out / `unknown` when the source does not say.
# Unknown is not false: a check must treat None as "cannot be assessed", never as "no".
YesNo = Annotated[
    bool | None,
    BeforeValidator(_unknown_is_none),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "null"}, {"const": "unknown"}]}),
]


class Application(StrEnum):
    """How far a steering document or routine is applied, as the source states it. `not_yet`: adopted so
    lately that it has not yet had time to be applied, so its application cannot yet be judged."""

    yes = "yes"
    partly = "partly"
    no = "no"
    not_yet = "not_yet"


_BOOLEAN = {"true": Application.yes, "false": Application.no}


def _application(value: Any) -> Any:
    """true and false (as YAML writes them, kept as text by the loader) are yes and no."""
    if isinstance(value, bool):
        return Application.yes if value else Application.no
    if isinstance(value, str) and value in _BOOLEAN:
        return _BOOLEAN[value]
    return _unknown_is_none(value)


# Whether a document is applied: true (yes), partly (with departures, or varying between units), false
# (no), not_yet, or left out / `unknown` when the source does not say.
Applied = Annotated[
    Application | None,
    BeforeValidator(_application),
    WithJsonSchema(
        {"anyOf": [{"type": "boolean"}, {"enum": [a.value for a in Application]}, {"type": "null"}, {"const": "unknown"}]}
    ),
]


def is_yes_no(field: FieldInfo) -> bool:
    """True when a field is a YesNo fact (true, false or unknown), not a plain boolean."""
    return any(getattr(m, "func", None) is _unknown_is_none for m in field.metadata)


class Level(StrEnum):
    """The level of the organisation a fact concerns."""

    political = "political"
    management = "management"
    project = "project"


class Fact(Sourced):
    """A fact about one of the case's subjects, at one level of the organisation (both optional)."""

    subject: ref("subject") | None = None
    level: Level | None = None
