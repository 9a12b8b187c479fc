"""A criterion named by questions about different subjects is judged once for each subject."""

from __future__ import annotations

from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.model.audit import Answer
from styraudit.testing import case_on_base

REC = {"text": "Gör något.", "sources": ["d-prot"]}
AUDIT = {
    "earlier_audits": [
        {
            "id": "g1",
            "title": "Granskning",
            "sources": ["d-prot"],
            "recommendations": [
                {"id": "r1", **REC, "actions": [{"description": "Klart.", "status": "done", "sources": ["d-prot"]}]},
                {"id": "r2", **REC, "actions": [{"description": "Ej påbörjat.", "status": "not_started", "sources": ["d-prot"]}]},
            ],
        }
    ],
    "audit": {
        "title": "Uppföljning",
        "purpose": "Följa upp.",
        "questions": [
            {"id": f"q{n}", "text": "Åtgärdad?", "subject": f"r{n}", "criteria": ["rekommendation-atgardad"]} for n in (1, 2)
        ],
    },
}


def test_each_recommendation_question_gets_its_own_answer() -> None:
    loaded = case_on_base("subjects.yaml", AUDIT)
    result = evaluate(loaded, load_pack([default_pack_dir()]))
    assert {a.question: a.drafted for a in result.answers} == {"q1": Answer.yes, "q2": Answer.no}
    assert [(c.criterion, c.subject) for c in result.criteria] == [
        ("rekommendation-atgardad", "r1"),
        ("rekommendation-atgardad", "r2"),
    ]


def test_a_question_s_narrowed_context_shares_what_was_made_of_the_case() -> None:
    """The id index, the display names and the facts findings cite depend on the case alone: a
    question's context (its subject) hands them on instead of making them again."""
    from datetime import date

    from styraudit.engine.context import CheckContext

    ctx = CheckContext(case_on_base("subjects.yaml", AUDIT).case, date(2024, 1, 1))
    narrow = ctx.narrowed(subject="r1")
    assert narrow.subject == "r1" and ctx.subject is None
    assert narrow.index is ctx.index and narrow.name is ctx.name and narrow.fact_refs is ctx.fact_refs
