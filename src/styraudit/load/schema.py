"""The JSON Schema of the case file, with the Swedish descriptions kept in templates/."""

from __future__ import annotations

import json
from typing import Any

from ..model.base import _DATE
from .resources import data_dir
from .vocabulary import vocabulary
from .yamldoc import load_file

SCHEMA_ID = "https://styraudit.invalid/schema/case-1.schema.json"
DESCRIPTIONS = "schema_descriptions.yaml"

# A date as the loader accepts it, as one regular expression an editor can apply: YYYY, YYYY-MM
# with a month 01-12, or YYYY-MM-DD with a day the month has (29 February only in leap years).
# The model's own check (model/base.py) is the authority; this only lets the editor flag the
# same impossible dates (2023-13-45, 2023-02-30) on their line.
_YEAR = r"(?!0000)\d{4}"
_DAY_31 = r"(?:0[13578]|1[02])(?:-(?:0[1-9]|[12]\d|3[01]))?"
_DAY_30 = r"(?:0[469]|11)(?:-(?:0[1-9]|[12]\d|30))?"
_FEBRUARY = r"02(?:-(?:0[1-9]|1\d|2[0-8]))?"
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
DATE_PATTERN = rf"^(?:{_YEAR}(?:-(?:{_DAY_31}|{_DAY_30}|{_FEBRUARY}))?|(?!0000){_LEAP_YEAR}-02-29)$"


def descriptions() -> dict[str, dict[str, str]]:
    """Model name -> {field or '_' for the model itself -> Swedish description}."""
    return load_file(str(data_dir("templates") / DESCRIPTIONS)).data or {}


def case_schema() -> dict[str, Any]:
    """The case JSON Schema (draft 2020-12) that editors such as yaml-language-server use."""
    from ..model.case import Case

    schema = _strict_dates(Case.model_json_schema(by_alias=False))
    _without_null(schema["properties"], "initiative")
    texts = descriptions()
    for name, definition in [("Case", schema), *schema.get("$defs", {}).items()]:
        _describe(definition, texts.get(name, {}))
        _describe_values(definition, name)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def _without_null(properties: dict[str, Any], name: str) -> None:
    """An optional section is written or left out, never `null`: without the null branch an editor
    names a misspelt key inside it instead of saying that nothing matches."""
    branches = properties[name].pop("anyOf")
    properties[name].update(next(b for b in branches if b.get("type") != "null"))


def _strict_dates(node: Any) -> Any:
    """The schema with the model's loose date pattern (four digits, two, two) replaced by DATE_PATTERN."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("pattern") == _DATE.pattern:
            return {**node, "pattern": DATE_PATTERN}
        return {key: _strict_dates(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_strict_dates(item) for item in node]
    return node


def _describe(definition: dict[str, Any], texts: dict[str, str]) -> None:
    # The docstrings are English notes for developers; the schema speaks Swedish or not at all.
    definition.pop("description", None)
    if "_" in texts:
        definition["description"] = texts["_"]
    for field, prop in definition.get("properties", {}).items():
        if field in texts:
            prop["description"] = texts[field]


def _describe_values(definition: dict[str, Any], name: str) -> None:
    """An enum's values in Swedish, as yaml-language-server shows them beside each value; the Swedish
    words the loader also accepts are named there too."""
    values = definition.get("enum")
    if not values or not vocabulary().get(name):
        return
    words = [vocabulary()[name].get(str(v), []) for v in values]
    definition["enumDescriptions"] = [", ".join(w) for w in words]
    definition["markdownEnumDescriptions"] = [", ".join(f"`{x}`" for x in w) for w in words]


def schema_text() -> str:
    """The schema as the stable, pretty JSON that is committed in schema/."""
    return json.dumps(case_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
