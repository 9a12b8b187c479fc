"""A criterion named by questions about different subjects is judged once for each subject."""

from __future__ import annotations

from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.load.case import validate_document
from styraudit.load.resources import data_dir
from styraudit.load.yamldoc import YamlDocument, load_file
from styraudit.model.audit import Answer
from styraudit.testing import merge

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
    base = load_file(str(data_dir("templates") / "testing/base_case.yaml")).data
    loaded = validate_document(YamlDocument("subjects.yaml", merge(base, AUDIT), {}))
    result = evaluate(loaded, load_pack([default_pack_dir()]))
    assert {a.question: a.drafted for a in result.answers} == {"q1": Answer.yes, "q2": Answer.no}
    assert [(c.criterion, c.subject) for c in result.criteria] == [
        ("rekommendation-atgardad", "r1"),
        ("rekommendation-atgardad", "r2"),
    ]
