"""recommendation_status: each earlier recommendation is åtgärdad, delvis åtgärdad or ej åtgärdad, from what was done since.

The recommendation judged is the one the audit question names (its `subject`), else the parameter
`recommendation`, else every recommendation of the earlier audits that concern the question's subject.
A recommendation's status is that of its latest action: done is åtgärdad; planned, assigned (a
decided assignment is not yet a result) or ongoing is delvis; not started is ej åtgärdad. With no
action recorded, a recorded absence of action (kind `action`) concerning one of its addressees or
its subject makes it ej åtgärdad; otherwise its status cannot be assessed.
PASS: every recommendation judged is åtgärdad. PARTLY: some are not fully. FAIL: none is åtgärdad and
at least one is ej åtgärdad. CANNOT ASSESS: nothing is known of what was done.
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
from ..model.followup import ActionStatus
from ._scope import balance, in_scope

REC = ("recommendation", "text", "status", "actions", "absence", "statement")
CODES = Codes(
    implemented=Code(Outcome.fulfilled, "the latest action is done (åtgärdad)", REC),
    partly_implemented=Code(Outcome.partly_fulfilled, "an action is planned, assigned or ongoing (delvis åtgärdad)", REC),
    not_implemented=Code(Outcome.not_fulfilled, "not started, or a recorded absence of action (ej åtgärdad)", REC),
    status_unknown=Code(Outcome.cannot_assess, "the case records nothing done or left undone", REC),
    no_recommendations=Code(
        Outcome.cannot_assess, "the case records no earlier recommendation to follow up", ("recommendation",)
    ),
)
PARTLY = (ActionStatus.planned, ActionStatus.assigned, ActionStatus.ongoing)


class RecommendationStatusParams(Params):
    recommendation: str | None = Field(
        default=None, description="The id of the one recommendation judged, when the question names no subject."
    )


def run(ctx: CheckContext, params: RecommendationStatusParams) -> Iterable[Finding]:
    wanted = ctx.subject if ctx.kind(ctx.subject or "") == "recommendation" else params.recommendation
    findings = []
    for ai, audit in enumerate(ctx.case.earlier_audits):
        for ri, rec in enumerate(audit.recommendations):
            chosen = rec.id == wanted if wanted else in_scope(ctx, rec.subject or audit.subject, rec.to)
            if chosen:
                findings.append(_judge(ctx, ("earlier_audits", ai, "recommendations", ri), rec, audit))
    return findings or [CODES.no_recommendations({"recommendation": wanted}, [("earlier_audits",)])]


def _judge(ctx: CheckContext, path: tuple, rec: Any, audit: Any) -> Finding:
    values: dict[str, Any] = {"recommendation": rec.id, "text": rec.text, "actions": [a.description for a in rec.actions]}
    if rec.actions:
        index = _latest(rec.actions)
        status = rec.actions[index].status
        values["status"] = status.value if status else None
        facts = [(*path, "actions", index)]
        if status is ActionStatus.done:
            return CODES.implemented(values, facts)
        if status in PARTLY:
            return CODES.partly_implemented(values, facts)
        if status is ActionStatus.not_started:
            return CODES.not_implemented(values, facts)
        return CODES.status_unknown(values, facts)
    concerned = {*rec.to, rec.subject or audit.subject} - {None}
    for index, absence in enumerate(ctx.case.absences):
        if absence.kind == "action" and concerned & {*absence.concerns, absence.subject}:
            values |= {"absence": absence.id, "statement": absence.statement}
            return CODES.not_implemented(values, [path, ("absences", index)])
    return CODES.status_unknown(values, [path])


def _latest(actions: list[Any]) -> int:
    """The latest action: the one with the latest date, else the last one listed."""
    dated = [(a.date.latest(), i) for i, a in enumerate(actions) if a.date]
    return max(dated)[1] if dated else len(actions) - 1


CHECK = Check(
    id="recommendation_status",
    summary="Each earlier recommendation judged åtgärdad, delvis or ej åtgärdad from the actions and facts since.",
    params=RecommendationStatusParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=balance,
)
__doc__ = CHECK.documentation
