"""The model of a fixture file: what styraudit.testing accepts, checked before any case is run,
with every mistake located at file:line:col like any other input of the tool."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field, ValidationError

from ..engine.outcome import Outcome
from ..engine.registry import checks
from ..errors import InputError, Problem
from ..load.refs import suggest
from ..load.yamldoc import YamlDocument
from ..model.base import StrictModel
from ..model.paths import dotted


class FindingExpectation(StrictModel):
    code: str = Field(min_length=1)
    facts: list[str] | None = None
    values: dict[str, Any] = Field(default_factory=dict)
    outcome: Outcome | None = None


class Expectation(StrictModel):
    outcome: Outcome
    findings: list[FindingExpectation] | None = None


class FixtureRecommendation(StrictModel):
    """One of the audit's recommendations, as an after-report check (replies) sees it."""

    id: str = Field(min_length=1)
    text: str = "Rekommendation."
    to: list[str] = Field(default_factory=list)


class FixtureCase(StrictModel):
    name: str = Field(min_length=1)
    case: dict[str, Any] | None = None
    params: dict[str, Any] | None = None
    as_of: date | None = None
    subject: str | None = Field(default=None, description="The question subject the check judges, when the case names several.")
    documents: list[str] | None = Field(
        default=None, description="The steering documents (or recorded absences) the question names as what it examines."
    )
    recommendations: list[FixtureRecommendation] = Field(
        default_factory=list, description="The audit's recommendations, for checks judged after the report."
    )
    expect: Expectation


class FixtureFile(StrictModel):
    check: str = Field(min_length=1)
    base: str | None = None
    cases: list[FixtureCase] = Field(min_length=1)


def validated(doc: YamlDocument) -> FixtureFile:
    """The fixture file's model, or an InputError naming every mistake at its place."""
    try:
        spec = FixtureFile.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([_problem(doc, error) for error in exc.errors(include_url=False)]) from None
    problems = []
    if spec.check not in checks():
        hint = suggest(spec.check, checks()) or f"registered checks: {', '.join(checks())}"
        problems.append(Problem(doc.locate(("check",)), f"unknown check {spec.check!r}", hint, "fixture"))
    names = [case.name for case in spec.cases]
    for index, name in enumerate(names):
        if name in names[:index]:
            problems.append(
                Problem(
                    doc.locate(("cases", index, "name")),
                    f"a second case named {name!r}",
                    "give each case its own name",
                    "fixture",
                )
            )
    if problems:
        raise InputError(problems)
    return spec


def _problem(doc: YamlDocument, error: Any) -> Problem:
    path = tuple(p for p in error["loc"] if isinstance(p, int | str))
    if error["type"] == "extra_forbidden":
        return Problem(
            doc.locate(path, key=True), f"unknown key {path[-1]!r}", "see the keys in styraudit.testing's docstring", "fixture"
        )
    if error["type"] == "missing":
        return Problem(doc.locate(path), f"{dotted(path)}: a required key is missing", f"add `{path[-1]}:`", "fixture")
    return Problem(
        doc.locate(path), f"{dotted(path)}: {error['msg']}", "see the example in styraudit.testing's docstring", "fixture"
    )
