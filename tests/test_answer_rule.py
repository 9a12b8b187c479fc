"""Rule 2, case by case: every branch of the answer rule, with the README's example and the real audits
that decided where the main part holds."""

from __future__ import annotations

from typing import Any

import pytest

from styraudit.engine.outcome import DraftedAnswer, Outcome, Severity, draft_answer, weigh_parts
from styraudit.model.audit import Answer

F, P, N, C = Outcome.fulfilled, Outcome.partly_fulfilled, Outcome.not_fulfilled, Outcome.cannot_assess
HIGH, MEDIUM, LOW = Severity.high, Severity.medium, Severity.low

CASES = [
    # (linked criteria as (outcome, severity), answer, remarks as indexes)
    ([(F, HIGH), (F, MEDIUM)], Answer.yes, ()),
    ([(F, HIGH), (P, MEDIUM)], Answer.yes, (1,)),  # "Ja, i huvudsak"
    ([(F, HIGH), (C, LOW)], Answer.yes, (1,)),  # a low criterion without facts is a remark, not a blocker
    ([(P, HIGH), (F, MEDIUM)], Answer.partly, ()),
    ([(F, HIGH), (N, LOW), (F, LOW)], Answer.partly, ()),
    ([(N, HIGH), (F, MEDIUM), (F, MEDIUM)], Answer.no, ()),
    ([(F, HIGH), (N, MEDIUM)], Answer.partly, ()),  # an even split is Delvis, not Nej
    # An even split is Nej where the half not failing holds not even in its main part (Gotland 2016,
    # Kalmar IT), Delvis where it does (Eksjö 2016: a sample 67 % in order beside missing routines).
    ([(P, MEDIUM), (N, MEDIUM)], Answer.no, ()),
    ([(P, MEDIUM, True), (N, MEDIUM)], Answer.partly, ()),
    ([(P, MEDIUM), (N, MEDIUM), (F, LOW), (N, LOW)], Answer.partly, ()),  # one holds whole
    ([(F, MEDIUM), (N, MEDIUM), (N, LOW)], Answer.no, ()),  # more than half of the assessed ones are not fulfilled
    ([(N, MEDIUM), (C, MEDIUM)], Answer.no, ()),  # the only assessed one is not fulfilled
    ([(C, HIGH), (F, MEDIUM)], Answer.cannot_assess, ()),
    ([(C, MEDIUM), (C, LOW)], Answer.cannot_assess, ()),
    ([(N, HIGH), (C, HIGH)], Answer.no, ()),  # a breach is a breach, whatever else lacks facts
    # The main part must hold for a Ja: partly fulfilled with nothing in order holds only in part,
    # unless the engine says its main part holds (a third element, True).
    ([(P, MEDIUM)], Answer.partly, ()),  # Smedjebacken 2014: "endast till viss del"
    ([(P, MEDIUM, True)], Answer.yes, (0,)),  # Norrbotten 2019: five of six directives in order, "till övervägande del"
    ([(P, MEDIUM), (C, MEDIUM)], Answer.partly, ()),  # what lacks facts does not make the main part
    ([(P, MEDIUM, True), (C, MEDIUM)], Answer.yes, (0, 1)),
    ([(F, MEDIUM), (P, MEDIUM)], Answer.yes, (1,)),  # an even split still holds in the main part
    ([(F, MEDIUM), (P, MEDIUM), (P, LOW)], Answer.partly, ()),  # more than half hold only in part
    ([(F, MEDIUM), (P, MEDIUM, True), (P, LOW)], Answer.yes, (1, 2)),
    ([(P, HIGH, True), (F, MEDIUM)], Answer.partly, ()),  # a high criterion partly fulfilled is Delvis all the same
    # Of two or more criteria, one must hold whole: where every one falls short, even each in a part
    # only, the question is not met in its main part.
    ([(P, MEDIUM, True), (P, MEDIUM, True)], Answer.partly, ()),  # Vaxholm 2020: "inte helt tillräcklig"
    ([(P, MEDIUM, True), (P, LOW, True), (C, LOW)], Answer.partly, ()),
    ([(P, MEDIUM, True), (C, MEDIUM), (C, LOW)], Answer.yes, (0, 1, 2)),  # one assessed: it is the question's whole
]


@pytest.mark.parametrize(("linked", "expected", "remarks"), CASES)
def test_answer_rule(linked: list[tuple[Any, ...]], expected: Answer, remarks: tuple[int, ...]) -> None:
    drafted = draft_answer((f"k{i}", *item) for i, item in enumerate(linked))
    assert drafted.answer is expected
    assert drafted.remarks == tuple(f"k{i}" for i in remarks)
    assert drafted.hedged == (expected is Answer.yes and bool(remarks))


J, D, NEJ, K = Answer.yes, Answer.partly, Answer.no, Answer.cannot_assess
PARTS = [
    # (the parts' drafted answers, each with its remarks; the overall answer and its remarks)
    ([(J, ()), (J, ())], J, ()),
    ([(J, ("a",)), (J, ()), (J, ("b", "a"))], J, ("a", "b")),  # hedged when a part is, with the parts' remarks once each
    ([(NEJ, ()), (NEJ, ())], NEJ, ()),
    ([(D, ()), (D, ())], D, ()),
    ([(J, ()), (NEJ, ())], D, ()),  # Vingåker 2013: reglemente Ja, riktlinjer Nej, "inte fullt ut"
    ([(J, ("a",)), (D, ())], D, ()),  # a mix is Delvis, and a Delvis has no remarks
    ([(NEJ, ()), (D, ())], D, ()),
    ([(J, ()), (K, ())], J, ()),  # a part that could not be assessed is left out
    ([(NEJ, ()), (K, ()), (K, ())], NEJ, ()),
    ([(K, ()), (K, ())], K, ()),  # unless every part is
    ([], K, ()),
]


@pytest.mark.parametrize(("parts", "expected", "remarks"), PARTS)
def test_overall_question_from_its_parts(
    parts: list[tuple[Answer, tuple[str, ...]]], expected: Answer, remarks: tuple[str, ...]
) -> None:
    weighed = weigh_parts(DraftedAnswer(answer, r) for answer, r in parts)
    assert (weighed.answer, weighed.remarks) == (expected, remarks)
