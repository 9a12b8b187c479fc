"""Whether a partly fulfilled criterion's main part holds, as the engine reads it from the findings, and
the answer rule 2 drafts from it: Delvis when the only criterion holds only in part (Smedjebacken's
regulation, neither up to date nor known), a hedged Ja when at least as much of what was judged is in
order as falls short (Kalix's articles beside a wanting owner directive), when only a part is recorded
missing (Västernorrland's oversight without a register of its entities) or when a document is only out
of date (Jönköping's procurement programme); Delvis again when more falls short than is in order
(Kiruna's three documents in order beside three missing and one unevenly applied). A sample test that
found only minor deviations is a part only (Uppsala 2021, "i stort enligt utfärdade direktiv")."""

from __future__ import annotations

from typing import Any

import pytest

from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.outcome import Outcome
from styraudit.engine.run import evaluate
from styraudit.model.audit import Answer
from styraudit.testing import case_on_base

WANTING = {"id": "reglemente", "kind": "regulation", "title": "Reglemente", "up_to_date": False, "known": False}
IN_ORDER = {"id": "rutin", "kind": "routine", "title": "Rutin", "applied": True, "documented": True}
OUTDATED = {"id": "program", "kind": "policy", "title": "Program", "up_to_date": False}
MISSING = {"id": "ingen-plan", "kind": "steering_document", "statement": "Det finns ingen plan."}
SAMPLE = {
    "id": "sp",
    "population": "Bolagens återrapportering",
    "result": "I stort enligt direktiven.",
    "found": "minor_deviations",
}
FEW_IN_ORDER = {"id": "sp", "population": "Fakturor", "sampled": 10, "in_order": 4}
REGISTER = {"id": "ingen-forteckning", "kind": "register", "concerns": ["RS"], "statement": "Ingen förteckning finns."}


def _case(criterion: str, **facts: Any) -> dict[str, Any]:
    for items in facts.values():
        for item in items:
            item.setdefault("sources", ["d-prot"])
    question = {"id": "q", "text": "Är styrningen ändamålsenlig?", "criteria": [criterion]}
    return {**facts, "audit": {"title": "Granskning", "purpose": "Granska.", "questions": [question]}}


CASES = [
    # (id, case, criterion's outcome, main part holds, drafted answer)
    ("wanting-only", _case("styrdokument-finns-tillampas", steering_documents=[WANTING]), Outcome.partly_fulfilled, False, Answer.partly),
    ("in-order-beside", _case("styrdokument-finns-tillampas", steering_documents=[WANTING, IN_ORDER]), Outcome.partly_fulfilled, True, Answer.yes),
    ("more-short-than-in-order", _case("styrdokument-finns-tillampas", steering_documents=[WANTING, IN_ORDER], absences=[MISSING]), Outcome.partly_fulfilled, False, Answer.partly),
    ("outdated-only", _case("styrdokument-finns-tillampas", steering_documents=[OUTDATED]), Outcome.partly_fulfilled, True, Answer.yes),
    ("outdated-and-wanting", _case("styrdokument-finns-tillampas", steering_documents=[{**OUTDATED, "applied": "partly"}]), Outcome.partly_fulfilled, False, Answer.partly),
    ("sample-with-minor-deviations", _case("ik-kontroller-genomforda", samples=[SAMPLE]), Outcome.partly_fulfilled, True, Answer.yes),
    ("sample-mostly-wrong", _case("ik-kontroller-genomforda", samples=[FEW_IN_ORDER]), Outcome.not_fulfilled, False, Answer.no),
    ("part-missing-only", _case("agarstyrning-uppsikt-rapportering", absences=[REGISTER]), Outcome.partly_fulfilled, True, Answer.yes),
    ("all-in-order", _case("styrdokument-finns-tillampas", steering_documents=[IN_ORDER]), Outcome.fulfilled, False, Answer.yes),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "outcome", "holds", "answer"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_main_part_and_the_answer(facts: dict[str, Any], outcome: Outcome, holds: bool, answer: Answer) -> None:
    loaded = case_on_base("main_part.yaml", facts)
    result = evaluate(loaded, load_pack([default_pack_dir()]))
    (criterion,) = result.criteria
    assert (criterion.outcome, criterion.main_part_holds) == (outcome, holds)
    (drafted,) = result.answers
    assert drafted.drafted is answer
    assert drafted.hedged == (answer is Answer.yes and outcome is Outcome.partly_fulfilled)
