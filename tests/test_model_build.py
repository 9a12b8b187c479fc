"""The model's prebuilt string types are the schemas they stand for: built once instead of at
every field, they must validate, refuse and describe exactly as the constraints written out would."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from styraudit.model.base import ID_PATTERN, Id, RefTo, SourceRef, Text, Url

WRITTEN_OUT: list[tuple[Any, Any]] = [
    (Text, Annotated[str, Field(min_length=1)]),
    (Id, Annotated[str, Field(min_length=1, max_length=80, pattern=ID_PATTERN)]),
    (Url, Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)]),
    (SourceRef, Annotated[str, Field(min_length=1)]),
]


def _without_empty_metadata(schema: Any) -> dict[str, Any]:
    """pydantic leaves an empty `metadata` where constraints were taken apart: it says nothing."""
    return {k: v for k, v in schema.items() if not (k == "metadata" and not v)}


@pytest.mark.parametrize(("prebuilt", "written"), WRITTEN_OUT)
def test_a_prebuilt_type_has_the_schema_of_its_constraints_written_out(prebuilt: Any, written: Any) -> None:
    assert _without_empty_metadata(TypeAdapter(prebuilt).core_schema) == _without_empty_metadata(TypeAdapter(written).core_schema)
    assert TypeAdapter(prebuilt).json_schema() == TypeAdapter(written).json_schema()


@pytest.mark.parametrize("value", ["", "x" * 81, "två ord", "-a", 7, "https://x", "ok-id"])
@pytest.mark.parametrize(("prebuilt", "written"), WRITTEN_OUT)
def test_a_prebuilt_type_accepts_and_refuses_as_its_constraints_do(prebuilt: Any, written: Any, value: object) -> None:
    outcomes = []
    for annotation in (prebuilt, written):
        try:
            outcomes.append(("valid", TypeAdapter(annotation).validate_python(value)))
        except ValidationError as error:
            outcomes.append(("invalid", [(e["type"], e["msg"]) for e in error.errors(include_url=False)]))
    assert outcomes[0] == outcomes[1]


def test_a_reference_still_carries_the_kinds_it_may_name() -> None:
    assert [m.kinds for m in SourceRef.__metadata__ if isinstance(m, RefTo)] == [("document", "interview")]
