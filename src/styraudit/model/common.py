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
