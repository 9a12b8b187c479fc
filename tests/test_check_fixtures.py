"""Every check's YAML fixture cases, run by the public generic runner (`pytest -k <check>` runs one check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.engine.outcome import Outcome
from styraudit.engine.registry import checks
from styraudit.testing import CheckFixture, assert_fixture, fixture_params, load_fixtures, run_fixture

FIXTURES = Path(__file__).parent / "checks"


@pytest.mark.parametrize("fixture", fixture_params(FIXTURES))
def test_check_fixture(fixture: CheckFixture) -> None:
    assert_fixture(fixture)


@pytest.mark.parametrize("check_id", sorted(checks()))
def test_every_check_has_a_fixture_for_each_outcome(check_id: str) -> None:
    path = FIXTURES / f"{check_id}.yaml"
    assert path.is_file(), f"no fixture file for check {check_id}"
    seen = {Outcome(f.expect["outcome"]) for f in load_fixtures(path)}
    assert seen == set(Outcome), f"{check_id} lacks fixtures for {sorted(o.value for o in set(Outcome) - seen)}"


@pytest.mark.parametrize("check_id", sorted(checks()))
def test_every_finding_code_is_exercised(check_id: str) -> None:
    expected_codes = {w["code"] for f in load_fixtures(FIXTURES / f"{check_id}.yaml") for w in f.expect.get("findings", [])}
    assert set(checks()[check_id].codes) <= expected_codes, (
        f"{check_id}: codes without a fixture: {set(checks()[check_id].codes) - expected_codes}"
    )


@pytest.mark.parametrize("check_id", sorted(checks()))
def test_every_declared_outcome_of_every_code_is_exercised(check_id: str) -> None:
    """A code that may be partly or not fulfilled has a fixture of each, so both are known to occur."""
    seen = {
        (f.code, f.outcome) for fixture in load_fixtures(FIXTURES / f"{check_id}.yaml") for f in run_fixture(fixture).findings
    }
    declared = {(name, outcome) for name, code in checks()[check_id].codes.items() for outcome in code.outcomes}
    assert declared <= seen, f"{check_id}: declared but never made: {sorted(declared - seen)}"
