"""decision_points: each decision point of a project was decided by the body or role named for it, in its time.

The decision points are the directive's (`directive.decision_points`); a decision by the named decider
about the subject, dated within the point's window, decided it.
PASS: every decision point whose outcome the case knows was decided by its decider in time.
PARTLY: a point names no decider, names one of a kind that may not decide it (`deciders`), or was
decided after its window closed; or some points were decided and a recorded absence says another was not.
FAIL: a recorded absence (`absences`: no decision, no feasibility study to decide on) and no point decided in time.
CANNOT ASSESS: no decision points and no absences, or only points whose decision the case does not show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.absence import AbsenceKind
from ._scope import absences, balance, in_scope

POINT = ("point", "title", "decided_by", "decision")
CODES = Codes(
    decided_in_time=Code(Outcome.fulfilled, "the named decider decided the point within its window", POINT),
    decided_late=Code(Outcome.partly_fulfilled, "the named decider decided it after its window closed", POINT),
    no_decider=Code(Outcome.partly_fulfilled, "the point names no one who decides it", POINT),
    wrong_decider=Code(Outcome.partly_fulfilled, "the point names a decider of a kind that may not decide it", POINT),
    decision_unconfirmed=Code(Outcome.cannot_assess, "the case shows no decision on the point either way", POINT),
    decision_absent=Code(
        Outcome.not_fulfilled, "a recorded absence of a decision the project model requires", ("absence", "kind", "statement")
    ),
    nothing_known=Code(Outcome.cannot_assess, "neither decision points nor absences are recorded"),
)


class DecisionPointsParams(Params):
    deciders: list[str] = Field(default=["body", "role"], description="Kinds of actor that may decide a decision point.")
    absences: list[AbsenceKind] = Field(
        default=[AbsenceKind.decision, AbsenceKind.feasibility_study],
        description="Absence kinds that mean a decision point was passed without a decision.",
    )


def run(ctx: CheckContext, params: DecisionPointsParams) -> Iterable[Finding]:
    points = (ctx.case.directive.decision_points or []) if ctx.case.directive else []
    findings = [_judge(ctx, params, ("directive", "decision_points", i), p) for i, p in enumerate(points)]
    for path, absence in absences(ctx, params.absences):
        findings.append(
            CODES.decision_absent({"absence": absence.id, "kind": absence.kind.value, "statement": absence.statement}, [path])
        )
    return findings or [CODES.nothing_known(facts=[("directive",)])]


def _judge(ctx: CheckContext, params: DecisionPointsParams, path: tuple, point: Any) -> Finding:
    values: dict[str, Any] = {"point": point.id, "title": point.title, "decided_by": point.decided_by, "decision": None}
    if point.decided_by is None:
        return CODES.no_decider(values, [path])
    if ctx.kind(point.decided_by) not in params.deciders:
        return CODES.wrong_decider(values, [path])
    decisions = [
        (i, d) for i, d in enumerate(ctx.case.decisions) if d.by == point.decided_by and in_scope(ctx, d.subject)
        and (point.start is None or d.date.latest() >= point.start.earliest())
    ]  # fmt: skip
    end = point.end.latest() if point.end else None
    in_time = [(i, d) for i, d in decisions if end is None or d.date.earliest() <= end]
    chosen = in_time or decisions
    if not chosen:
        return CODES.decision_unconfirmed(values, [path])
    index, decision = chosen[0]
    values["decision"] = decision.id
    return (CODES.decided_in_time if in_time else CODES.decided_late)(values, [path, ("decisions", index)])


CHECK = Check(
    id="decision_points",
    summary="Each decision point decided by the body or role named for it, within its window.",
    params=DecisionPointsParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=balance,
)
__doc__ = CHECK.documentation
