"""The JSON Schema for editors: in sync with the model, Swedish throughout, and it accepts the shipped cases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from clirunner import ROOT, run_cli
from styraudit.load.schema import case_schema, descriptions, schema_text

CASES = sorted((ROOT / "cases").glob("*.yaml"))


class Yaml12Loader(yaml.SafeLoader):
    """What yaml-language-server sees: YAML 1.2 core types (no timestamps, no yes/no booleans)."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _validator() -> Draft202012Validator:
    schema = json.loads((ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schema_is_in_sync_with_the_model() -> None:
    assert (ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8") == schema_text(), (
        "run: styraudit schema -o schema/case.schema.json --force"
    )


def test_every_model_and_key_has_a_swedish_description() -> None:
    schema = case_schema()
    texts = descriptions()
    models = {"Case": schema, **schema["$defs"]}
    assert set(texts) == set(models), f"descriptions out of step: {set(texts) ^ set(models)}"
    for name, definition in models.items():
        assert definition.get("description"), f"{name} has no description"
        for key, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{key} has no description"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_schema_accepts_shipped_case(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/case.schema.json\n")
    errors = list(_validator().iter_errors(yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_schema_rejects_a_broken_case() -> None:
    data = yaml.load((ROOT / "templates" / "init" / "case.yaml").read_text(encoding="utf-8"), Loader=Yaml12Loader)
    assert not list(_validator().iter_errors(data))
    data["bodies"][0]["kind"] = "bord"
    data["initiative"]["ägare"] = "RS"
    data["decisions"][0]["date"] = "30/11-2023"
    messages = sorted(e.message for e in _validator().iter_errors(data))
    assert any("'bord' is not one of" in m for m in messages), messages
    assert any("'ägare' was unexpected" in m for m in messages), messages
    assert any("'30/11-2023' is not valid" in m for m in messages), messages


def test_schema_command_prints_the_committed_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8")


def test_the_schema_rejects_impossible_dates_as_the_loader_does(tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(run_cli("schema").stdout)
    from styraudit.load.yamldoc import load_file  # scalars as written, as an editor sees them

    base = {**load_file(str(ROOT / "templates" / "testing" / "base_case.yaml")).data, "schema_version": 1}
    verdicts = {}
    for date in (
        "2023-10-23",
        "2024-02-29",
        "2023-12",
        "2023",
        "2023-13-45",
        "2023-02-29",
        "2023-04-31",
        "2023-00",
        "0000-01-01",
    ):
        case = {**base, "as_of": date}
        schema_ok = not list(Draft202012Validator(schema).iter_errors(case))
        (tmp_path / "fall.yaml").write_text(yaml.safe_dump(case, allow_unicode=True).replace(f"'{date}'", date), encoding="utf-8")
        loader_ok = run_cli("validate", str(tmp_path / "fall.yaml")).returncode == 0
        verdicts[date] = (schema_ok, loader_ok)
    # The loader (model/base.py) takes "2023-00" for the year 2023; the schema refuses month 00.
    assert all(schema_ok == loader_ok for date, (schema_ok, loader_ok) in verdicts.items() if date != "2023-00"), str(verdicts)
    assert [d for d, (ok, _) in verdicts.items() if not ok] == ["2023-13-45", "2023-02-29", "2023-04-31", "2023-00", "0000-01-01"]
