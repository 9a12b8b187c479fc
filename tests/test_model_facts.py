"""The case model beyond one initiative: subjects, amounts, yes/no that may be unknown, one id namespace."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from clirunner import ROOT
from styraudit.engine.context import CheckContext
from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.errors import InputError
from styraudit.load.case import LoadedCase, load_case, validate_document
from styraudit.load.yamldoc import parse_text
from styraudit.model.amount import Amount

HEAD = "schema_version: 1\nid: t\ntitle: T\norganisation: {name: Region Test}\n"
AUDIT_CASE = ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml"


def _load(body: str) -> LoadedCase:
    return validate_document(parse_text(HEAD + body, "t.yaml"))


def _problems(body: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        _load(body)
    return [f"{p.location.line}:{p.location.column} {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("written", "kr", "unit"),
    [
        ("12,5 mnkr", Decimal("12500000"), "mnkr"),
        ("-300 tkr", Decimal("-300000"), "tkr"),
        ("1 200 000 kr", Decimal("1200000"), "kr"),
        ("2.1 mdkr", Decimal("2100000000"), "mdkr"),
        ("−4 MNKR", Decimal("-4000000"), "mnkr"),
    ],
)
def test_amounts_are_normalised_to_kronor(written: str, kr: Decimal, unit: str) -> None:
    amount = TypeAdapter(Amount).validate_python(written)
    assert (amount.kr, amount.unit) == (kr, unit)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("120", "has no unit"),
        (120, "has no unit"),
        ("12 mkr", "unknown unit 'mkr'"),
        ("tolv mnkr", "not an amount"),
        ("9999999 mdkr", r"over 10\^15"),
    ],
)
def test_impossible_amounts_are_refused(written: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        TypeAdapter(Amount).validate_python(written)


def test_yes_no_facts_default_to_unknown_not_false() -> None:
    case = _load(
        "bodies: [{id: KS, name: KS, kind: board}, {id: BN, name: BN, kind: committee}]\n"
        "initiative: {name: I}\n"
        "responsibilities: [{id: r, parties: [KS, BN], description: Ansvaret beskrivs.}]\n"
        "reporting: [{id: rep, date: 2024-03, by: KS, to: BN, covered: Läget, costs: unknown, risks: false}]\n"
        "internal_control: [{id: ik, body: BN, risk_analysis: true}]\n"
    ).case
    assert case.responsibilities[0].written is None
    report = case.reporting[0]
    assert (report.status_against_goals, report.costs, report.risks, report.deviation) == (None, None, False, None)
    assert case.internal_control[0].risk_analysis is True and case.internal_control[0].results_reported is None


def test_a_case_of_subjects_reads_its_first_subject_as_the_initiative() -> None:
    loaded = _load(
        "bodies: [{id: KS, name: KS, kind: board}]\n"
        "subjects:\n"
        "  - {id: ik, kind: process, name: Intern kontroll, owner: KS}\n"
        "  - {id: bolag, kind: entity, name: Bolaget AB, legal_form: limited_company, ownership_percent: 100}\n"
    )
    case = loaded.case
    assert case.initiative is case.subjects[0] and case.initiative_is_first_subject
    assert case.subject_path("bolag") == ("subjects", 1) and case.subject_path() == ("subjects", 0)
    # a finding that names the main subject by its old path still points at the right line
    assert loaded.doc.locate(("initiative", "owner")) == loaded.doc.locate(("subjects", 0, "owner"))
    assert case.model_dump(mode="json")["initiative"]["name"] == "Intern kontroll"


def test_an_unknown_id_in_the_first_subject_is_reported_once_at_its_place() -> None:
    problems = _problems(
        "bodies: [{id: KS, name: KS, kind: board}]\nsubjects:\n  - {id: ik, kind: process, name: IK, owner: KSS}\n"
    )
    assert problems == ["7:46 unknown body id 'KSS'"]


def test_a_standing_process_takes_the_audit_period() -> None:
    case = _load(
        "subjects:\n  - {id: ik, kind: process, name: Intern kontroll}\n"
        "  - {id: p, kind: project, name: P, period: {start: 2021-01, end: 2022-06}}\n"
        "audit: {title: G, purpose: S, period: {start: 2012, end: 2012}, questions: [{id: q, text: F?, criteria: [x]}]}\n"
    ).case
    assert str(case.examined_period().start) == "2012"
    assert str(case.examined_period("ik").end) == "2012"
    assert str(case.examined_period("p").start) == "2021-01"


def test_nested_ids_share_the_one_namespace() -> None:
    loaded = _load(
        "subjects: [{id: knc, kind: entity, name: KNC}]\n"
        "earlier_audits:\n  - id: g2011\n    title: Ägarstyrning\n"
        "    recommendations: [{id: rek-1, text: Förtydliga ändamålet., actions: [{description: Uppdrag gavs.}]}]\n"
        "internal_control: [{id: ik, body: knc, controls: [{id: k1, title: Attest}]}]\n"
        "audit: {title: U, purpose: S, questions: [{id: q, text: Åtgärdat?, criteria: [x], subject: rek-1}]}\n"
    )
    ctx = CheckContext(loaded.case)
    assert ctx.kind("rek-1") == "recommendation" and ctx.get("rek-1").text == "Förtydliga ändamålet."
    assert ctx.kind("k1") == "control" and ctx.kind("knc") == "subject" and ctx.kind("ik") == "ic_plan"
    problems = _problems("subjects: [{id: x, kind: process, name: X}]\nrisks: [{id: x, risk: R}]\n")
    assert problems == ["6:14 the id 'x' is defined twice"]


def test_portfolio_sample_cannot_exceed_its_population() -> None:
    problems = _problems("subjects: [{id: p, kind: portfolio, name: P, population: 4, sample_size: 6}]\n")
    assert problems == ["5:74 subjects[0].sample_size: impossible sample: 6 examined out of a population of 4"]


def test_the_expected_answer_is_not_an_override() -> None:
    original = AUDIT_CASE.read_text(encoding="utf-8")
    text = original.replace(
        "    - id: q-styrning\n", "    - id: q-styrning\n      expected: yes\n      published: i huvudsak\n", 1
    )
    assert text != original, "the question was not found to add `expected` to"
    marked = validate_document(parse_text(text, str(AUDIT_CASE)))
    question = marked.case.audit.questions[0]
    assert (question.expected, question.published) == ("yes", "i huvudsak")
    pack = load_pack([default_pack_dir()])
    before = {a.question: (a.drafted, a.final) for a in evaluate(load_case(str(AUDIT_CASE)), pack).answers}
    after = {a.question: (a.drafted, a.final) for a in evaluate(marked, pack).answers}
    assert after == before and after["q-styrning"] == ("no", "no")
