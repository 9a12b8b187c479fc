"""The answers to the audit questions: rule 2 from each question's own criteria, rule 3 for an overall
question from its sub-questions (engine/outcome.py), and the auditor's overrides."""

from __future__ import annotations

from typing import Any

from ..model.audit import Answer
from .outcome import DraftedAnswer, draft_answer, weigh_parts
from .results import CriterionResult, QuestionAnswer
from .scopes import Key, lookup, question_scope


def answers(loaded: Any, pack: Any, results: dict[Key, CriterionResult]) -> tuple[QuestionAnswer, ...]:
    """Every question's drafted and final answer, in the case's order; sub-questions are drafted first."""
    audit = loaded.case.audit
    if audit is None:
        return ()
    overrides = {o.question: o for o in audit.overrides}
    drafted: dict[str, tuple[DraftedAnswer, tuple[str, ...], tuple[Any, ...]]] = {}
    for question in _parts_first(audit.questions):
        scope = question_scope(question)
        criteria = tuple(dict.fromkeys(pack.resolve(c) or c for c in question.criteria))  # canonical ids, once each
        # a criterion judged only after the report (the replies) has no result in a case without a missiv
        found = [(c, r) for c in criteria if (r := lookup(results, c, scope)) is not None]
        own = draft_answer((c, r.outcome, r.severity, r.main_part_holds) for c, r in found)
        if question.parts:
            own_part = [own] if question.criteria else []
            own = weigh_parts([*(drafted[p][0] for p in question.parts if p in drafted), *own_part])
        drafted[question.id] = (own, tuple(c for c, _ in found), tuple((r.subject, r.documents) for _, r in found))
    rows = []
    for question in audit.questions:
        draft, criteria, scopes = drafted[question.id]
        override = overrides.get(question.id)
        final: Answer = override.answer if override else draft.answer
        motivation = override.motivation if override else None
        rows.append(
            QuestionAnswer(
                question.id, question.text, draft.answer, final, motivation, criteria, draft.remarks,
                parts=tuple(question.parts), scopes=scopes,
            )
        )  # fmt: skip
    return tuple(rows)


def _parts_first(questions: list[Any]) -> list[Any]:
    """The questions in an order where every sub-question comes before the questions it is part of
    (the loader refuses cycles; a question left in one is drafted last, without the parts it waits for)."""
    by_id = {q.id: q for q in questions}
    done: dict[str, Any] = {}
    pending = list(questions)
    while pending:
        ready = [q for q in pending if all(p in done or p not in by_id for p in q.parts)] or pending[:1]
        for question in ready:
            done[question.id] = question
        pending = [q for q in pending if q.id not in done]
    return list(done.values())
