"""What the checks of the standing-process packs share: which facts concern the question's subject,
and the balance rule by which some things in order and some missing make a partly fulfilled whole."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..engine.context import CheckContext
from ..engine.outcome import Outcome, combine
from ..engine.results import Finding
from ..model.paths import YamlPath


def in_scope(ctx: CheckContext, subject: str | None, concerns: Sequence[str] = ()) -> bool:
    """Whether a fact about `subject` (concerning `concerns`) belongs to the question's subject. A case
    judged without a subject takes every fact; a fact tied to no subject belongs to every subject; a
    part of a portfolio or programme belongs to it."""
    wanted = ctx.subject
    if wanted is None or ctx.kind(wanted) != "subject":
        return True
    named = [s for s in (subject, *concerns) if s and ctx.kind(s) == "subject"]
    return not named or any(s == wanted or _part_of(ctx, s, wanted) for s in named)


def _part_of(ctx: CheckContext, ident: str, whole: str) -> bool:
    seen: set[str] = set()
    current = ctx.get(ident).part_of
    while current and current not in seen:
        if current == whole:
            return True
        seen.add(current)
        current = ctx.get(current).part_of if ctx.kind(current) == "subject" else None
    return False


def absences(ctx: CheckContext, kinds: Sequence[str]) -> Iterator[tuple[YamlPath, Any]]:
    """Recorded absences of these kinds that concern the question's subject, with their paths; a
    question that names what it examines (`documents`) takes only the absences it names."""
    for index, absence in enumerate(ctx.case.absences):
        if absence.kind in kinds and in_scope(ctx, absence.subject, absence.concerns) and ctx.examines(absence.id):
            yield ("absences", index), absence


def steering_documents(ctx: CheckContext) -> Iterator[tuple[YamlPath, Any]]:
    """The steering documents of the question's subject that it examines: those it names
    (`documents`), else all of the subject's, with their paths."""
    for index, doc in enumerate(ctx.case.steering_documents):
        if in_scope(ctx, doc.subject, doc.applies_to) and ctx.examines(doc.id):
            yield ("steering_documents", index), doc


def balance(findings: Sequence[Finding]) -> Outcome:
    """Balance: not fulfilled when something is missing and nothing is in order; partly fulfilled
    when some things are in order and others missing or deficient; fulfilled when everything judged
    is in order. Findings that lack the facts are left aside when others decide; with none that
    decide, cannot be assessed."""
    seen = {f.outcome for f in findings}
    if Outcome.not_fulfilled in seen:
        return Outcome.partly_fulfilled if Outcome.fulfilled in seen else Outcome.not_fulfilled
    if Outcome.partly_fulfilled in seen:
        return Outcome.partly_fulfilled
    return Outcome.fulfilled if Outcome.fulfilled in seen else Outcome.cannot_assess


def decided_worst(findings: Sequence[Finding]) -> Outcome:
    """Worst of the findings that decide: findings that lack the facts are left aside when others
    decide; with none that decide, cannot be assessed."""
    decided = [f.outcome for f in findings if f.outcome is not Outcome.cannot_assess]
    return combine(decided) if decided else Outcome.cannot_assess


def grade_share(share: float, params: Any) -> Outcome:
    """A share found in order (of executions, of a sample) against the check's two thresholds:
    fulfilled at `params.fulfilled_share` or more, partly at `params.partly_share` or more."""
    if share >= params.fulfilled_share:
        return Outcome.fulfilled
    return Outcome.partly_fulfilled if share >= params.partly_share else Outcome.not_fulfilled


def ordered_shares(params: Any) -> Any:
    """The two thresholds' own rule, for a params model's validator: partly cannot be above fulfilled."""
    if params.partly_share > params.fulfilled_share:
        raise ValueError("partly_share cannot be above fulfilled_share")
    return params
