"""Building blocks of the case model: strict models, partial dates, periods and id references."""

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from .paths import YamlPath

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# A value that is impossible in its context, found after the model is built: (path below the model, message, hint).
Inconsistency = tuple[YamlPath, str, str]


def new_list() -> list[Any]:
    """A new empty list, the default of a list field (`Field(default_factory=new_list)`).

    pydantic asks every default factory for its signature; the builtin `list` answers by having
    its text signature parsed, about half a millisecond for each of the model's ~120 list fields,
    where a function's is read from its code at once."""
    return []


class StrictModel(BaseModel):
    """Every model refuses unknown keys: a misspelt key is an error, never silently dropped.

    `id_kind` names the kind of id a model defines in the case's one id namespace (None: its id,
    if any, is only a label). `inconsistencies` reports values that are impossible together
    (an outcome before its budget year), each at its own path, for the loader to locate.

    `defer_build`: a model's validator is built when it is first used, not with its class. A
    part of the case is validated as part of the case, whose one validator covers it; building
    one for each of the ~70 parts as well cost more than the case's own."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)
    id_kind: ClassVar[str | None] = None

    def inconsistencies(self) -> Iterator[Inconsistency]:
        return iter(())


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year, as sources often give it ("i mars 2021")."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        match = _DATE.match(text.strip())
        if not match:
            raise PydanticCustomError(
                "partial_date", "not a date: write YYYY-MM-DD, YYYY-MM or YYYY, got '{text}'", {"text": text}
            )
        written_year, written_month, written_day = match.groups()
        year = int(written_year)
        month = int(written_month) if written_month else 0
        day = int(written_day) if written_day else 0
        if not year:  # Python's dates start at year 1; year 0 would crash every later date computation
            raise PydanticCustomError("impossible_date", "impossible date {text}: there is no year 0", {"text": text})
        if written_month is not None and not 1 <= month <= 12:  # "2023-00" is no month, not "month unknown"
            raise PydanticCustomError(
                "impossible_date", "impossible date {text}: there is no month {month}", {"text": text, "month": month}
            )
        # every month has 28 days: the calendar is asked only about the 29th to the 31st
        if written_day is not None and not 1 <= day <= (28 if day <= 28 else calendar.monthrange(year, month)[1]):
            raise PydanticCustomError(
                "impossible_date", "impossible date {text}: the month has no day {day}", {"text": text, "day": day}
            )
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> date:
        """The first day the date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day the date can mean."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p])

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._coerce, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def _coerce(cls, value: Any) -> "PartialDate":
        if isinstance(value, cls):
            return value
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, str | int):
            return cls.parse(str(value))
        raise PydanticCustomError("partial_date", "not a date: write YYYY-MM-DD, YYYY-MM or YYYY", {})

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        # A bare year is an integer to YAML 1.2 editors, and the loader accepts it as written.
        return {
            "anyOf": [{"type": "string", "pattern": _DATE.pattern}, {"type": "integer", "minimum": 1000, "maximum": 9999}],
            "examples": ["2023-10-23", "2021-03", 2022],
        }


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as a reference to an id defined elsewhere in the case."""

    kinds: tuple[str, ...]


class Prebuilt:
    """A string type's pydantic schema, made once: the model's ~700 fields are mostly a few such
    types (a text, an id, a reference), and pydantic took each one's constraints apart again at
    every field. The same schema, so the same validation, messages and JSON schema. (Hashed by
    identity: `typing` hashes what an annotation carries.)"""

    __slots__ = ("schema",)

    def __init__(self, schema: core_schema.CoreSchema) -> None:
        self.schema = schema

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return dict(self.schema)  # type: ignore[return-value]  # a copy: pydantic may annotate what it gets


_NON_EMPTY = Prebuilt(core_schema.str_schema(min_length=1))


def ref(*kinds: str) -> Any:
    """An id reference to one of `kinds` (body, administration, role, group, document, interview, ...)."""
    return Annotated[str, RefTo(kinds), _NON_EMPTY]


# An owned company or other entity under oversight (a subject) can act too: report, decide, be concerned.
ACTOR = ("body", "administration", "role", "group", "subject")
SOURCE = ("document", "interview")
ID_PATTERN = r"^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö_.\-]*$"
Id = Annotated[str, Prebuilt(core_schema.str_schema(min_length=1, max_length=80, pattern=ID_PATTERN))]
Text = Annotated[str, _NON_EMPTY]
Url = Annotated[str, Prebuilt(core_schema.str_schema(pattern=r"^https?://\S+$", max_length=2000))]
SourceRef = ref(*SOURCE)
ActorRef = ref(*ACTOR)
BodyRef = ref("body")


class Sourced(StrictModel):
    """A fact: it names the documents and interviews it rests on."""

    sources: list[SourceRef] = Field(default_factory=new_list)


class Period(StrictModel):
    """A span of time; the end may be open (ongoing)."""

    start: PartialDate
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "Period":
        if self.end is not None and self.end.latest() < self.start.earliest():
            raise PydanticCustomError(
                "date_order",
                "the period ends ({end}) before it starts ({start})",
                {"end": str(self.end), "start": str(self.start)},
            )
        return self
