"""The JSON Schema of the case file, with the Swedish descriptions kept in templates/."""

from __future__ import annotations

import json
from typing import Any

from .resources import data_dir
from .yamldoc import load_file

SCHEMA_ID = "https://styraudit.invalid/schema/case-1.schema.json"
DESCRIPTIONS = "schema_descriptions.yaml"


def descriptions() -> dict[str, dict[str, str]]:
    """Model name -> {field or '_' for the model itself -> Swedish description}."""
    return load_file(str(data_dir("templates") / DESCRIPTIONS)).data or {}


def case_schema() -> dict[str, Any]:
    """The case JSON Schema (draft 2020-12) that editors such as yaml-language-server use."""
    from ..model.case import Case

    schema = Case.model_json_schema(by_alias=False)
    _without_null(schema["properties"], "initiative")
    texts = descriptions()
    for name, definition in [("Case", schema), *schema.get("$defs", {}).items()]:
        _describe(definition, texts.get(name, {}))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def _without_null(properties: dict[str, Any], name: str) -> None:
    """An optional section is written or left out, never `null`: without the null branch an editor
    names a misspelt key inside it instead of saying that nothing matches."""
    branches = properties[name].pop("anyOf")
    properties[name].update(next(b for b in branches if b.get("type") != "null"))


def _describe(definition: dict[str, Any], texts: dict[str, str]) -> None:
    # The docstrings are English notes for developers; the schema speaks Swedish or not at all.
    definition.pop("description", None)
    if "_" in texts:
        definition["description"] = texts["_"]
    for field, prop in definition.get("properties", {}).items():
        if field in texts:
            prop["description"] = texts[field]


def schema_text() -> str:
    """The schema as the stable, pretty JSON that is committed in schema/."""
    return json.dumps(case_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
