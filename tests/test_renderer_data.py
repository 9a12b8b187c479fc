"""Checks give renderers data instead of renderers judging again: follow_up_cadence's certain
reporting gaps, silent bodies and max_gap_months reach `CaseResult.data`, agree with the
check's own findings, and are what the report's timeline draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.engine.context import CheckContext
from styraudit.engine.criteria import customise, default_pack_dir, load_pack
from styraudit.engine.registry import checks
from styraudit.engine.run import evaluate
from styraudit.load.case import load_case, validate_document
from styraudit.load.yamldoc import YamlDocument
from styraudit.report.build import build_report
from styraudit.testing import CheckFixture, load_fixtures

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
CADENCE = load_fixtures(Path(__file__).parent / "checks" / "follow_up_cadence.yaml")


def _nowhere(*path: object, key: bool = False) -> object:
    raise AssertionError(f"the configuration's parameters are valid: {path}")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_timeline_draws_the_engines_data(path: Path) -> None:
    pack = load_pack([default_pack_dir()])
    loaded = load_case(str(path))
    result = evaluate(loaded, pack)
    assert set(result.data) >= {"reporting_gaps", "silent_bodies", "max_gap_months"}
    timeline = build_report(loaded, result, pack).timeline
    assert timeline is not None
    gaps = [(g.body, g.start, g.end, g.months) for g in timeline.gaps]
    assert gaps == [(g["body"], g["start"], g["end"], g["months"]) for g in result.data["reporting_gaps"]]
    assert list(timeline.silent) == list(result.data["silent_bodies"])
    assert timeline.max_gap_months == result.data["max_gap_months"][0]


def test_the_configured_limit_reaches_the_timeline() -> None:
    """The parameter in force, not the shipped one: a stricter limit finds more gaps and the key says so."""
    [fixture] = [f for f in CADENCE if f.name == "regular-written-reporting-and-action-on-a-deviation"]
    loaded = validate_document(YamlDocument(fixture.file, fixture.data, dict(fixture.positions)))
    shipped = load_pack([default_pack_dir()])
    strict = customise(shipped, {}, {"aterrapportering": {"follow_up_cadence": {"max_gap_months": 2}}}, _nowhere)
    default, tight = (build_report(loaded, evaluate(loaded, p, fixture.as_of), p).timeline for p in (shipped, strict))
    assert default is not None and tight is not None
    assert (default.max_gap_months, tight.max_gap_months) == (6, 2)
    assert (len(default.gaps), len(tight.gaps) > 0) == (0, True)


@pytest.mark.parametrize("fixture", CADENCE, ids=[f.name for f in CADENCE])
def test_the_check_data_agrees_with_its_findings(fixture: CheckFixture) -> None:
    loaded = validate_document(YamlDocument(fixture.file, fixture.data, dict(fixture.positions)))
    ctx = CheckContext(loaded.case, fixture.as_of)
    check = checks()["follow_up_cadence"]
    params = check.params.model_validate(fixture.params)
    result = check.judge(ctx, params)
    certain = sorted((f.values["body"], f.values["months"]) for f in result.findings if f.code == "reporting_gap")
    assert sorted((g["body"], g["months"]) for g in result.data["reporting_gaps"]) == certain
    assert all(g["start"] < g["end"] for g in result.data["reporting_gaps"])
    assert result.data["silent_bodies"] == [f.values["body"] for f in result.findings if f.code == "no_reports"]
    assert result.data["max_gap_months"] == params.max_gap_months
