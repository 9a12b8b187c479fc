"""The generic runner for check fixtures, public so criteria packs outside the project test the same way.

A fixture file is YAML:

    check: clear_mandate
    base: my_base_case.yaml        # optional, relative to this file; default: the shipped base case
    cases:
      - name: complete-mandate
        case: {mandates: [...]}   # merged onto the base: mappings merge, lists replace, null removes
        params: {}
        as_of: 2024-01-01          # optional reference date
        subject: rek-1             # optional: the subject the audit question names
        documents: [reglemente]    # optional: the steering documents the question examines (default: all)
        recommendations:           # optional: the audit's recommendations, for after-report checks
          - {id: rek-tydligt-uppdrag, to: [RS]}
        expect:
          outcome: fulfilled
          findings:                # optional: codes in order, and (optionally) the facts' YAML paths
            - {code: mandate_complete, facts: ["mandates[0]"]}

Each finding expectation may also give the finding's `outcome`. The file is validated by its
own model (FixtureFile): an unknown key, a missing `expect` or a value of the wrong kind is an
InputError at file:line:col, as any other input of the tool.

In pytest: `@pytest.mark.parametrize("fixture", fixture_params(folder))` then `assert_fixture(fixture)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import checks
from ..engine.results import AuditRecommendation, CheckResult
from ..errors import InputError, Problem
from ..load.case import LoadedCase, validate_document
from ..load.resources import data_dir
from ..load.yamldoc import YamlDocument, load_file
from ..model.paths import dotted
from .spec import Expectation, FindingExpectation, FixtureCase, FixtureFile, validated

BASE_CASE = "testing/base_case.yaml"
__all__ = [
    "CheckFixture",
    "Expectation",
    "FindingExpectation",
    "FixtureCase",
    "FixtureFile",
    "assert_fixture",
    "case_on_base",
    "fixture_params",
    "load_fixtures",
    "merge",
    "mismatches",
    "run_fixture",
]


@dataclass(frozen=True)
class CheckFixture:
    """One case of a fixture file."""

    file: str
    check: str
    name: str
    data: dict[str, Any]
    positions: dict[tuple[str | int, ...], tuple[int, int]]
    params: dict[str, Any] = field(default_factory=dict)
    as_of: date | None = None
    expect: dict[str, Any] = field(default_factory=dict)
    subject: str | None = None
    recommendations: tuple[Any, ...] = ()  # engine.results.AuditRecommendation, for after-report checks
    documents: frozenset[str] | None = None  # the question's own documents, when it names them

    @property
    def id(self) -> str:
        return f"{self.check}-{self.name}"


def load_fixtures(path: Path) -> list[CheckFixture]:
    """Every case of one fixture file, merged onto its base case; a malformed file is a located InputError."""
    doc = load_file(str(path))
    spec = validated(doc)
    base_file = path.parent / spec.base if spec.base else data_dir("templates") / BASE_CASE
    if not base_file.is_file():
        raise InputError(
            [Problem(doc.locate(("base",)), f"no base case {spec.base!r}", "name a file relative to this one", "fixture")]
        )
    base = load_file(str(base_file)).data
    fixtures = []
    for index, case in enumerate(spec.cases):
        prefix = ("cases", index, "case")
        positions = {p[len(prefix) :]: pos for p, pos in doc.positions.items() if p[: len(prefix)] == prefix}
        expect = case.expect.model_dump(mode="json", exclude_none=True)
        data = merge(base, case.case or {})
        fixtures.append(
            CheckFixture(
                str(path),
                spec.check,
                case.name,
                data,
                positions,
                case.params or {},
                case.as_of,
                expect,
                case.subject,
                tuple(AuditRecommendation(r.id, r.text, tuple(r.to)) for r in case.recommendations),
                frozenset(case.documents) if case.documents is not None else None,
            )
        )
    return fixtures


def case_on_base(name: str, *changes: Any) -> LoadedCase:
    """The shipped base case with each of `changes` merged onto it in turn, validated as the case
    file `name` (with no positions of its own: a test of the judgement, not of the loader)."""
    data = load_file(str(data_dir("templates") / BASE_CASE)).data
    for change in changes:
        data = merge(data, change)
    return validate_document(YamlDocument(name, data, {}))


def merge(base: Any, change: Any) -> Any:
    """Mappings merge key by key, a null removes a key, anything else replaces."""
    if not (isinstance(base, dict) and isinstance(change, dict)):
        return change
    merged = dict(base)
    for key, value in change.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge(base.get(key), value)
    return merged


def run_fixture(fixture: CheckFixture) -> CheckResult:
    """Validate the fixture's case and run its check with its parameters."""
    loaded = validate_document(YamlDocument(fixture.file, fixture.data, dict(fixture.positions)))
    check = checks()[fixture.check]
    ctx = CheckContext(loaded.case, fixture.as_of, fixture.subject, fixture.recommendations, fixture.documents)
    return check.judge(ctx, check.params.model_validate(fixture.params))


def mismatches(fixture: CheckFixture, result: CheckResult) -> list[str]:
    """What differs between the expectation and the result; empty when the fixture passes."""
    problems = []
    expected = Outcome(fixture.expect["outcome"])
    if result.outcome is not expected:
        problems.append(f"outcome {result.outcome.value}, expected {expected.value}")
    if "findings" in fixture.expect:
        got = [(f.code, [dotted(p) for p in f.facts]) for f in result.findings]
        want = fixture.expect["findings"]
        if [code for code, _ in got] != [w["code"] for w in want]:
            problems.append(f"finding codes {[c for c, _ in got]}, expected {[w['code'] for w in want]}")
        for finding, wanted in zip(result.findings, want, strict=False):
            facts = [dotted(p) for p in finding.facts]
            if "facts" in wanted and facts != wanted["facts"]:
                problems.append(f"{finding.code}: facts {facts}, expected {wanted['facts']}")
            if "outcome" in wanted and finding.outcome.value != wanted["outcome"]:
                problems.append(f"{finding.code}: outcome {finding.outcome.value}, expected {wanted['outcome']}")
            for key, value in (wanted.get("values") or {}).items():
                # Fixture scalars load as text (as every YAML scalar here does), so compare as text.
                if _plain(finding.values.get(key)) != _plain(value):
                    problems.append(f"{finding.code}: value {key}={finding.values.get(key)!r}, expected {value!r}")
    return problems


def assert_fixture(fixture: CheckFixture) -> None:
    """Run one fixture and fail with every mismatch, naming the fixture file."""
    problems = mismatches(fixture, run_fixture(fixture))
    assert not problems, f"{fixture.file} [{fixture.name}]: " + "; ".join(problems)


def fixture_params(folder: Path) -> list[Any]:
    """pytest parameters for every fixture case in `folder`, with ids like `clear_mandate-complete-mandate`."""
    import pytest

    return [pytest.param(f, id=f.id) for path in sorted(folder.glob("*.yaml")) for f in load_fixtures(path)]


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, bool):
        return str(value).lower()
    return None if value is None else str(value)
