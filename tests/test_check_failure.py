"""A check that raises is contained: the case's other criteria are still judged, the criterion
whose check failed cannot be assessed and says which check failed and why, and the run exits 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from styraudit.engine import registry
from styraudit.engine.codes import Code, Codes
from styraudit.engine.context import CheckContext
from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.outcome import Outcome, Severity
from styraudit.engine.registry import Check, Params
from styraudit.engine.results import Finding
from styraudit.engine.run import evaluate
from styraudit.load.case import load_case
from styraudit.reporters import Summary
from styraudit.reporters.json_out import JsonReporter
from styraudit.reporters.text import TextReporter

ROOT = Path(__file__).resolve().parent.parent
DIRECTIVE = ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml"  # no audit: every criterion applies
CRITERION = """id: trasig
title: Ett kriterium vars kontroll kraschar
theme: Uppdrag och styrning
authority: {kind: good_practice, citation: God sed}
requirement: Kontrollen ska inte krascha.
checks:
  - check: clear_mandate
  - check: crashing
    texts: {seen: "Kontrollen såg {{ count }} beslut."}
assessment:
  fulfilled: Uppfyllt.
  partly_fulfilled: Delvis uppfyllt.
  not_fulfilled: Inte uppfyllt.
  cannot_assess: Kan inte bedömas.
"""


class NoParams(Params):
    """No parameters."""


def _crash(ctx: CheckContext, params: NoParams) -> list[Finding]:
    return [CODES.seen({"count": len(ctx.case.decisions) // 0})]


CODES = Codes(seen=Code(Outcome.fulfilled, "seen", ("count",)))
CRASHING = Check("crashing", "A check with a bug.", NoParams, CODES, _crash)


@pytest.fixture
def judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(registry._REGISTRY, "crashing", CRASHING)
    (tmp_path / "trasig.yaml").write_text(CRITERION, encoding="utf-8")
    pack = load_pack([default_pack_dir(), tmp_path])
    return evaluate(load_case(str(DIRECTIVE)), pack), evaluate(load_case(str(DIRECTIVE)), load_pack([default_pack_dir()]))


def test_the_other_criteria_are_judged_as_without_the_failing_check(judged) -> None:
    result, without = judged
    others = [c for c in result.criteria if c.criterion != "trasig"]
    assert [(c.criterion, c.outcome, c.observations) for c in others] == [
        (c.criterion, c.outcome, c.observations) for c in without.criteria
    ]


def test_the_failing_criterion_cannot_be_assessed_and_says_why(judged) -> None:
    [broken] = [c for c in judged[0].criteria if c.criterion == "trasig"]
    assert broken.outcome is Outcome.cannot_assess and broken.assessment == "Kan inte bedömas."
    [failure] = broken.check_failures
    assert (failure.check, failure.error, failure.message) == (
        "crashing",
        "ZeroDivisionError",
        "integer division or modulo by zero",
    )
    assert failure.where.startswith("test_check_failure.py:") and failure.where.endswith("in _crash")
    assert [o.check for o in broken.observations] == ["clear_mandate"]  # what the sound check found is kept


def test_the_run_exits_2_and_every_output_counts_it(judged) -> None:
    result, _ = judged
    summary = Summary(Severity.high)
    summary.add(result)
    assert (summary.check_failures, summary.exit_code) == (1, 2)
    stream = io.StringIO()
    reporter = JsonReporter(stream, {})
    reporter.begin(), reporter.case(result), reporter.end(summary)
    document = json.loads(stream.getvalue())
    schema = json.loads((ROOT / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))
    assert not [e.message for e in Draft202012Validator(schema).iter_errors(document)]
    assert document["summary"]["check_failures"] == 1 and document["summary"]["exit_code"] == 2
    [broken] = [c for c in document["cases"][0]["criteria"] if c["id"] == "trasig"]
    assert broken["check_failures"][0]["check"] == "crashing"
    text = io.StringIO()
    TextReporter(text, {}).end(summary)
    assert "1 check failed" in text.getvalue()
