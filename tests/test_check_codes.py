"""A check declares each finding code once (engine.codes); findings, the check's outcome, its
documentation and the criteria loader's checks all come from that one declaration."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from styraudit.engine.codes import CheckContractError, Code, Codes
from styraudit.engine.context import CheckContext
from styraudit.engine.outcome import Outcome
from styraudit.engine.registry import Check, Params, checks, worst
from styraudit.engine.results import Finding, Found
from styraudit.load.case import validate_document
from styraudit.load.yamldoc import YamlDocument
from styraudit.testing import load_fixtures

FIXTURES = Path(__file__).parent / "checks"

CODES = Codes(
    fine=Code(Outcome.fulfilled, "all is well", ("count",)),
    some=Code((Outcome.partly_fulfilled, Outcome.not_fulfilled), "some are missing", ("missing",)),
)


class NoParams(Params):
    """No parameters."""


def _check(run, **more) -> Check:
    return Check(id="probe", summary="A probe.", params=NoParams, codes=CODES, run=run, **more)


def _context() -> CheckContext:
    """The shipped base case, as a check sees it."""
    fixture = load_fixtures(FIXTURES / "clear_mandate.yaml")[0]
    loaded = validate_document(YamlDocument(fixture.file, fixture.data, dict(fixture.positions)))
    return CheckContext(loaded.case)


def test_a_finding_takes_its_name_and_outcome_from_its_code() -> None:
    finding = CODES.fine({"count": 3}, [("decisions", 0)])
    assert finding == Finding("fine", Outcome.fulfilled, {"count": 3}, (("decisions", 0),))
    assert CODES.some({"missing": ["x"]}, outcome=Outcome.not_fulfilled).outcome is Outcome.not_fulfilled


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: CODES.fine({"cuont": 3}), "values cuont are not declared"),
        (lambda: CODES.some({"missing": []}), "choose one of its outcomes partly_fulfilled or not_fulfilled"),
        (lambda: CODES.fine({}, outcome=Outcome.not_fulfilled), "outcome not_fulfilled is not among fulfilled"),
    ],
)
def test_a_finding_outside_its_declaration_is_refused(make, message: str) -> None:
    with pytest.raises(CheckContractError, match=message):
        make()


def test_a_misspelt_code_is_an_attribute_error_with_did_you_mean() -> None:
    with pytest.raises(AttributeError, match="did you mean 'some'"):
        CODES.smoe  # noqa: B018


def test_the_outcome_is_derived_by_the_rule_and_data_is_carried() -> None:
    def both(ctx: CheckContext, params: NoParams) -> Found:
        made = [CODES.fine({"count": 1}), CODES.some({"missing": ["a"]}, outcome=Outcome.partly_fulfilled)]
        return Found(made, {"n": [1]})

    result = _check(both).judge(_context(), NoParams())
    assert result.outcome is Outcome.partly_fulfilled and [f.code for f in result.findings] == ["fine", "some"]
    assert dict(result.data) == {"n": [1]}
    assert _check(lambda ctx, params: []).judge(_context(), NoParams()).outcome is Outcome.cannot_assess
    lenient = _check(both, rule=lambda findings: Outcome.fulfilled)
    assert lenient.judge(_context(), NoParams()).outcome is Outcome.fulfilled


def test_a_check_making_a_finding_of_another_check_breaks_its_contract() -> None:
    stranger = Code(Outcome.fulfilled, "not ours")
    foreign = Codes(other=stranger).other
    with pytest.raises(CheckContractError, match="undeclared finding other"):
        _check(lambda ctx, params: [foreign()]).judge(_context(), NoParams())


def test_worst_is_rule_one() -> None:
    made = [CODES.fine({"count": 1}), CODES.some({}, outcome=Outcome.not_fulfilled)]
    assert worst(made) is Outcome.not_fulfilled and worst([]) is Outcome.cannot_assess


@pytest.mark.parametrize("check_id", sorted(checks()))
def test_the_docstring_lists_the_declared_codes(check_id: str) -> None:
    check = checks()[check_id]
    module = importlib.import_module(check.run.__module__)
    assert module.__doc__ == check.documentation
    listed = check.documentation.split("Finding codes:\n", 1)[1].splitlines()
    assert listed == [f"- {name}: {code}" for name, code in check.codes.items()]
    assert all(code.description and code.outcomes for code in check.codes.values())


def test_a_mapping_of_codes_is_taken_as_a_table() -> None:
    check = Check(id="x", summary="", params=NoParams, codes={"only": Code(Outcome.fulfilled, "one")}, run=lambda c, p: [])
    assert isinstance(check.codes, Codes) and check.codes.only.name == "only"
