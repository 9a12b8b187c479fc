"""The engine on the seeds' real cases reaches the judgements a careful auditor reached."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from clirunner import ROOT, run_cli

AUDIT = "cases/verksamhetsstyrningsmodell-2021-2023.yaml"
DIRECTIVE = "cases/uppdragil-2024-starka-ledning-och-styrning.yaml"
GOALS = "cases/fokusomraden-2024-2027.yaml"


@cache
def _check(case: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", case, "--format", "json")
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def _criteria(case: str) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in _check(case)[1]["cases"][0]["criteria"]}


def _codes(case: str, criterion: str) -> list[str]:
    return [o["code"] for o in _criteria(case)[criterion]["observations"]]


def test_json_output_follows_its_published_schema() -> None:
    schema = json.loads((ROOT / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))
    for case in (AUDIT, DIRECTIVE, GOALS):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(_check(case)[1])]
        assert not errors, errors[:5]


def test_audit_case_answers_both_questions_no() -> None:
    code, data = _check(AUDIT)
    assert code == 1
    answers = {a["question"]: (a["drafted"], a["final"], a["overridden"]) for a in data["cases"][0]["answers"]}
    assert answers == {"q-styrning": ("no", "no", False), "q-uppfoljning": ("no", "no", False)}


def test_audit_case_reasons_match_the_seed_observations() -> None:
    criteria = _criteria(AUDIT)
    for criterion in (
        "tydligt-uppdrag",
        "namndernas-delaktighet",
        "aterrapportering",
        "forankring",
        "problemanalys",
        "ansvarsfordelning",
    ):
        assert criteria[criterion]["outcome"] == "not_fulfilled", criterion
    assert _codes(AUDIT, "tydligt-uppdrag") == ["no_mandate"]  # no mandate or directive from the board
    assert _codes(AUDIT, "namndernas-delaktighet") == ["committee_not_involved"] * 2  # neither committee decided
    follow_up = _codes(AUDIT, "aterrapportering")
    assert "overview_only" in follow_up and follow_up.count("no_reports") == 2  # overview to the board, nothing to the committees
    assert "did_not_take_part" in _codes(AUDIT, "forankring") and "understanding_poor" in _codes(AUDIT, "forankring")
    assert _codes(AUDIT, "problemanalys") == ["no_root_cause_analysis"]
    assert set(_codes(AUDIT, "ansvarsfordelning")) == {"pair_absent"}


def test_every_audit_observation_cites_sources_and_yaml_lines() -> None:
    for criterion in _criteria(AUDIT).values():
        for observation in criterion["observations"]:
            assert observation["facts"], (criterion["id"], observation["code"])
            for fact in observation["facts"]:
                assert fact["file"] == AUDIT and fact["line"] > 0
                assert fact["sources"], (criterion["id"], fact["path"])


def test_directive_case_names_every_contradiction_of_its_source() -> None:
    consistency = _criteria(DIRECTIVE)["uppdragsdirektiv-konsekvent"]
    assert consistency["outcome"] == "not_fulfilled"
    found = {(o["code"], o["facts"][0]["path"]) for o in consistency["observations"]}
    assert ("adopted_without_competence", "directive.decided_by") in found  # CLG, a group of officials, adopts it
    assert ("dates_differ", "directive.decision_points[0]") in found  # BP0 21/12-2023 vs 8/12-24
    assert ("out_of_order", "directive.milestones[0]") in found  # BP0 8/12-24 after BP1 1/1-2024
    assert ("role_differs", "directive.organisation.owner") in found  # Direktör Ledningsstaben vs Utvecklingsdirektör
    assert ("activity_outside_period", "directive.sub_activities[1]") in found  # ends 31/12-2024, after BP3
    texts = " ".join(o["text"] for o in consistency["observations"])
    assert "8/12-24" in texts and "utvecklingsdirektören" in texts


def test_directive_case_names_what_is_missing() -> None:
    completeness = _criteria(DIRECTIVE)["uppdragsdirektiv-komplett"]
    assert completeness["outcome"] == "partly_fulfilled"
    assert [(o["code"], o["facts"][0]["path"]) for o in completeness["observations"]] == [
        ("section_missing", "directive.budget.financing")
    ]


def test_goal_case_names_goals_without_owner_measure_or_upward_link() -> None:
    chain = _criteria(GOALS)["malkedja"]
    assert chain["outcome"] == "not_fulfilled"
    codes = [o["code"] for o in chain["observations"]]
    assert {"no_owner", "no_measure", "no_upward_link"} <= set(codes)
    assert all(o["facts"][0]["path"].startswith("goals[") for o in chain["observations"])


def test_fail_on_threshold_and_exit_codes() -> None:
    assert run_cli("check", AUDIT, "--fail-on", "high", "-q").returncode == 1
    assert run_cli("check", GOALS, "--fail-on", "high", "-q").returncode == 0  # the goal chain is a medium finding
    assert run_cli("check", GOALS, "--fail-on", "medium", "-q").returncode == 1
