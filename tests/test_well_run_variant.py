"""A well-run version of the 2021–2023 case (fictional, so under tests/) answers Ja to both questions,
and each question moves only with the facts its own criteria read: the scope principle, tested."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from clirunner import ROOT
from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.load.case import validate_document
from styraudit.load.yamldoc import YamlDocument, load_file
from styraudit.model.audit import Answer

CASE = ROOT / "tests" / "well_run" / "verksamhetsstyrningsmodell-valskott.yaml"
COMMITTEES = {"HSN", "RUN"}


def _answers(change: Callable[[dict[str, Any]], None] | None = None) -> dict[str, tuple[Answer, tuple[str, ...]]]:
    data = load_file(str(CASE)).data
    if change:
        change(data)
    loaded = validate_document(YamlDocument(str(CASE.relative_to(ROOT)), data, {}))
    return {a.question: (a.drafted, a.remarks) for a in evaluate(loaded, load_pack([default_pack_dir()])).answers}


def _drop_committee_decisions(data: dict[str, Any]) -> None:
    data["decisions"] = [d for d in data["decisions"] if d["by"] not in COMMITTEES]


def _drop_committee_reports(data: dict[str, Any]) -> None:
    data["reporting"] = [r for r in data["reporting"] if r["to"] not in COMMITTEES]


def _record_no_committee_decisions(data: dict[str, Any]) -> None:
    _drop_committee_decisions(data)
    data["absences"] = [_absence("decision", body) for body in sorted(COMMITTEES)]


def _record_no_committee_reports(data: dict[str, Any]) -> None:
    _drop_committee_reports(data)
    data["absences"] = [_absence("reporting", body) for body in sorted(COMMITTEES)]


def _absence(kind: str, body: str) -> dict[str, Any]:
    text = {"decision": "Nämnden fattade inget beslut om införandet.", "reporting": "Nämnden fick inga rapporter."}[kind]
    return {"id": f"inget-{kind}-{body.lower()}", "kind": kind, "concerns": [body], "statement": text, "sources": ["direktiv"]}


def test_the_well_run_variant_answers_yes_to_both_questions_without_remarks() -> None:
    assert _answers() == {"q-styrning": (Answer.yes, ()), "q-uppfoljning": (Answer.yes, ())}


@pytest.mark.parametrize(
    ("change", "moved", "kept", "answer"),
    [
        # Silence about the committees is no pass: the question they decide cannot be assessed ...
        (_drop_committee_decisions, "q-styrning", "q-uppfoljning", Answer.cannot_assess),
        (_drop_committee_reports, "q-uppfoljning", "q-styrning", Answer.cannot_assess),
        # ... and a recorded absence is a Nej, still to that question only.
        (_record_no_committee_decisions, "q-styrning", "q-uppfoljning", Answer.no),
        (_record_no_committee_reports, "q-uppfoljning", "q-styrning", Answer.no),
    ],
    ids=[
        "without-the-committees-decisions",
        "without-the-reports-to-the-committees",
        "committees-recorded-as-not-deciding",
        "committees-recorded-as-not-reported-to",
    ],
)
def test_dropping_one_kind_of_fact_moves_only_the_question_that_reads_it(
    change: Callable[[dict[str, Any]], None], moved: str, kept: str, answer: Answer
) -> None:
    changed = _answers(change)
    assert changed[kept] == (Answer.yes, ())
    assert changed[moved][0] is answer
