"""A revisionsfråga weighed from its delfrågor (`parts`), and a question judged on the steering documents
it names (`documents`): the scope principle one level down. Every branch of rule 3 is in
test_answer_rule.py; here the engine, the keys of its results, the outputs and the report."""

from __future__ import annotations

import io
import json
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from clirunner import ROOT
from styraudit.engine.criteria import CriteriaPack, default_pack_dir, load_pack
from styraudit.engine.outcome import Outcome, Severity
from styraudit.engine.results import CaseResult
from styraudit.engine.run import evaluate
from styraudit.errors import InputError
from styraudit.load.case import LoadedCase
from styraudit.model.audit import Answer
from styraudit.report.build import build_report
from styraudit.report.labels import load_labels
from styraudit.reporters import Summary
from styraudit.reporters.json_out import JsonReporter
from styraudit.testing import case_on_base

CRITERION = "styrdokument-finns-tillampas"
SOURCE = {"sources": ["d-prot"]}
FACTS: dict[str, Any] = {
    "steering_documents": [
        {"id": "reglemente", "kind": "regulation", "title": "Reglemente", "requires": ["Uppsikten beskrivs."], **SOURCE},
        {"id": "styrmodell", "kind": "steering_model", "title": "Styrmodell", "lacks": ["Inget om uppsikten."], **SOURCE},
        {"id": "arbetsordning", "kind": "routine", "title": "Arbetsordning", "applied": True, **SOURCE},
    ],
    "absences": [{"id": "inga-riktlinjer", "kind": "steering_document", "statement": "Riktlinjer saknas.", **SOURCE}],
}


def _question(ident: str, **named: Any) -> dict[str, Any]:
    return {"id": ident, "text": f"Fråga {ident}?", **named}


QUESTIONS = [
    # An overall question before the questions it rests on: sub-questions are drafted first, whatever the order.
    _question("q-hela", parts=["q-samlad", "q-egna"]),
    _question("q-reglemente", documents=["reglemente"], criteria=[CRITERION]),
    _question("q-styrmodell", documents=["styrmodell"], criteria=[CRITERION]),
    _question("q-riktlinjer", documents=["inga-riktlinjer"], criteria=[CRITERION]),
    _question("q-alla", criteria=[CRITERION]),  # names no documents: judged on all, as before
    _question("q-samlad", parts=["q-reglemente", "q-riktlinjer"]),
    _question("q-egna", parts=["q-reglemente"], criteria=[CRITERION]),  # its own criteria count as one more part
    _question("q-oklar", parts=["q-reglemente", "q-okand"]),
    _question("q-okand", documents=["reglemente"], criteria=["agarstyrning-direktiv"]),
]
EXPECTED = {
    "q-reglemente": (Answer.yes, ()),  # the regulation alone is in order
    "q-styrmodell": (Answer.partly, ()),  # the steering model alone lacks what it should hold
    "q-riktlinjer": (Answer.no, ()),  # the recorded absence it names
    "q-alla": (Answer.yes, (CRITERION,)),  # two in order beside a lack and an absence: the main part holds
    "q-samlad": (Answer.partly, ()),  # Ja and Nej
    "q-egna": (Answer.yes, (CRITERION,)),  # Ja, and its own criteria's hedged Ja: hedged, with that remark
    "q-hela": (Answer.partly, ()),  # Delvis and Ja
    "q-oklar": (Answer.yes, ()),  # a part that cannot be assessed is left out
    "q-okand": (Answer.cannot_assess, ()),  # the owner directives it asks about are not among its documents
}


@cache
def _pack() -> CriteriaPack:
    return load_pack([default_pack_dir()])


def _loaded(questions: list[dict[str, Any]] = QUESTIONS) -> LoadedCase:
    audit = {"audit": {"title": "Uppsikt", "purpose": "Granska uppsikten.", "questions": questions}}
    return case_on_base("struktur.yaml", FACTS, audit)


@cache
def _result() -> CaseResult:
    return evaluate(_loaded(), _pack())


@pytest.mark.parametrize("question", list(EXPECTED))
def test_each_question_is_answered_from_its_own_scope_and_parts(question: str) -> None:
    [answer] = [a for a in _result().answers if a.question == question]
    assert (answer.drafted, answer.remarks) == EXPECTED[question]


def test_a_criterion_is_judged_once_for_each_set_of_documents_its_questions_name() -> None:
    keyed = {(c.criterion, c.subject, c.documents): c.outcome for c in _result().criteria}
    assert keyed == {
        (CRITERION, None, ("reglemente",)): Outcome.fulfilled,
        (CRITERION, None, ("styrmodell",)): Outcome.partly_fulfilled,
        (CRITERION, None, ("inga-riktlinjer",)): Outcome.not_fulfilled,
        (CRITERION, None, ()): Outcome.partly_fulfilled,
        ("agarstyrning-direktiv", None, ("reglemente",)): Outcome.cannot_assess,
    }


def test_an_answer_names_the_result_it_rests_on() -> None:
    result = _result()
    answers = {a.question: a for a in result.answers}
    for question, documents in (("q-reglemente", ("reglemente",)), ("q-alla", ())):
        found = answers[question].result(CRITERION, result.criteria)
        assert found is not None and found.documents == documents
    assert answers["q-hela"].parts == ("q-samlad", "q-egna") and answers["q-hela"].criteria == ()


def test_without_documents_or_parts_a_case_is_judged_as_before() -> None:
    plain = evaluate(_loaded([_question("q-alla", criteria=[CRITERION])]), _pack())
    assert [(c.criterion, c.documents, c.severity) for c in plain.criteria] == [(CRITERION, (), Severity.medium)]
    assert [(a.drafted, a.parts) for a in plain.answers] == [(Answer.yes, ())]


def test_the_report_says_an_overall_answer_rests_on_its_delfragor() -> None:
    labels = load_labels()
    report = build_report(_loaded(), _result(), _pack(), labels)
    rows = {row.question: row for row in report.answers}
    said = rows["Fråga q-samlad?"].comment[0]
    named = [
        labels["answers_table"]["part"].format(question=f"Fråga {q}?", answer=a)
        for q, a in (("q-reglemente", "ja"), ("q-riktlinjer", "nej"))
    ]
    assert said == labels["answers_table"]["rests_on_parts"].format(parts=f"{named[0]} och {named[1]}")
    assert not rows["Fråga q-reglemente?"].comment[0].startswith(said[:20])
    # each sub-question's comment reads its own documents' result
    assert rows["Fråga q-reglemente?"].comment != rows["Fråga q-styrmodell?"].comment


def test_the_json_output_names_documents_and_parts_within_its_schema() -> None:
    stream = io.StringIO()
    reporter = JsonReporter(stream, {})
    summary = Summary(Severity.high)
    summary.add(_result())
    reporter.begin(), reporter.case(_result()), reporter.end(summary)
    document = json.loads(stream.getvalue())
    schema = json.loads((ROOT / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))
    assert not [e.message for e in Draft202012Validator(schema).iter_errors(document)]
    case = document["cases"][0]
    assert {tuple(c.get("documents", ())) for c in case["criteria"]} >= {("reglemente",), ()}
    assert {a["question"]: a.get("parts") for a in case["answers"]}["q-samlad"] == ["q-reglemente", "q-riktlinjer"]


def test_a_question_with_parts_needs_no_criteria_of_its_own_but_one_without_does() -> None:
    _loaded([_question("q-a", criteria=[CRITERION]), _question("q-b", parts=["q-a"])])
    with pytest.raises(InputError, match="should have at least 1 items"):
        _loaded([_question("q-a", criteria=[])])


def test_a_question_about_a_programme_may_name_the_documents_of_its_parts() -> None:
    subjects = {
        "subjects": [
            {"id": "programmet", "kind": "programme", "name": "Programmet", "owner": "RS", **SOURCE},
            {"id": "projektet", "kind": "project", "name": "Projektet", "owner": "RS", "part_of": "programmet", **SOURCE},
        ],
        "steering_documents": [
            {"id": "modell", "kind": "project_model", "title": "Projektmodell", "subject": "projektet", **SOURCE}
        ],
    }
    question = _question("q1", subject="programmet", documents=["modell"], criteria=[CRITERION])
    audit = {"audit": {"title": "Program", "purpose": "Granska.", "questions": [question]}}
    loaded = case_on_base("program.yaml", subjects, audit)
    assert [(c.documents, c.outcome) for c in evaluate(loaded, _pack()).criteria] == [(("modell",), Outcome.cannot_assess)]
    with pytest.raises(InputError, match="is about the subject 'programmet', not the question's 'projektet'"):
        other = {**question, "subject": "projektet", "documents": ["modell"]}
        programme_doc = {"steering_documents": [{**subjects["steering_documents"][0], "subject": "programmet"}]}
        case_on_base("program.yaml", subjects, programme_doc, {"audit": {**audit["audit"], "questions": [other]}})
