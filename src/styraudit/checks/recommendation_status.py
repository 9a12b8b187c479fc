"""recommendation_status: each earlier recommendation is åtgärdad, delvis åtgärdad or ej åtgärdad, from what was done since.

The recommendation judged is the one the audit question names (its `subject`), else the parameter
`recommendation`, else every recommendation of the earlier audits that concern the question's subject.
A recommendation's status is that of its latest action: done is åtgärdad; planned, assigned (a
decided assignment is not yet a result) or ongoing is delvis; not started is ej åtgärdad. With no
action recorded, a recorded absence of action (kind `action`) concerning one of its addressees or
its subject makes it ej åtgärdad; otherwise its status cannot be assessed.
The body's reply to the recommendation (`reply`) counts too: a done action while a measure the body
promised is due only after the reference date is delvis (the body's own plan is not complete); with
no action recorded, a reply that rejects the recommendation makes it ej åtgärdad, and promised
measures none of which is due yet leave it not yet assessable.
Each judged recommendation's status goes to the engine as data (`follow_up`), where the auditor may
override it with a motivation (`audit.status_overrides`).
PASS: every recommendation judged is åtgärdad. PARTLY: some are not fully. FAIL: none is åtgärdad and
at least one is ej åtgärdad. CANNOT ASSESS: nothing is known of what was done.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding, Found
from ..model.followup import ActionStatus
from ..model.lifecycle import FollowUpStatus
from ._scope import balance, in_scope

REC = ("recommendation", "text", "status", "actions", "absence", "statement", "due")
CODES = Codes(
    implemented=Code(Outcome.fulfilled, "the latest action is done (åtgärdad)", REC),
    partly_implemented=Code(Outcome.partly_fulfilled, "an action is planned, assigned or ongoing (delvis åtgärdad)", REC),
    not_implemented=Code(Outcome.not_fulfilled, "not started, or a recorded absence of action (ej åtgärdad)", REC),
    measures_pending=Code(Outcome.partly_fulfilled, "done, but a measure the body promised is due later (delvis)", REC),
    rejected=Code(Outcome.not_fulfilled, "nothing done, and the body's reply rejects the recommendation (ej åtgärdad)", REC),
    status_unknown=Code(Outcome.cannot_assess, "the case records nothing done or left undone", REC),
    measures_not_due=Code(Outcome.cannot_assess, "nothing done yet, and the promised measures are not yet due", REC),
    no_recommendations=Code(
        Outcome.cannot_assess, "the case records no earlier recommendation to follow up", ("recommendation",)
    ),
)
PARTLY = (ActionStatus.planned, ActionStatus.assigned, ActionStatus.ongoing)
# The status each finding gives its recommendation, for the follow-up table.
STATUS = {
    "implemented": FollowUpStatus.implemented,
    "partly_implemented": FollowUpStatus.partly_implemented,
    "measures_pending": FollowUpStatus.partly_implemented,
    "not_implemented": FollowUpStatus.not_implemented,
    "rejected": FollowUpStatus.not_implemented,
}


class RecommendationStatusParams(Params):
    recommendation: str | None = Field(
        default=None, description="The id of the one recommendation judged, when the question names no subject."
    )


def run(ctx: CheckContext, params: RecommendationStatusParams) -> Found:
    wanted = ctx.subject if ctx.kind(ctx.subject or "") == "recommendation" else params.recommendation
    findings, rows = [], []
    for ai, audit in enumerate(ctx.case.earlier_audits):
        for ri, rec in enumerate(audit.recommendations):
            chosen = rec.id == wanted if wanted else in_scope(ctx, rec.subject or audit.subject, rec.to)
            if chosen:
                finding = _judge(ctx, ("earlier_audits", ai, "recommendations", ri), rec, audit)
                findings.append(finding)
                status = STATUS.get(finding.code, FollowUpStatus.cannot_assess)
                rows.append({"recommendation": rec.id, "audit": audit.id, "status": status.value, "code": finding.code})
    if not findings:
        return Found([CODES.no_recommendations({"recommendation": wanted}, [("earlier_audits",)])])
    return Found(findings, {"follow_up": rows})


def _judge(ctx: CheckContext, path: tuple, rec: Any, audit: Any) -> Finding:
    values: dict[str, Any] = {"recommendation": rec.id, "text": rec.text, "actions": [a.description for a in rec.actions]}
    if rec.actions:
        index = _latest(rec.actions)
        status = rec.actions[index].status
        values["status"] = status.value if status else None
        facts = [(*path, "actions", index)]
        if status is ActionStatus.done:
            if later := _later(ctx, rec):
                return CODES.measures_pending(values | {"due": later[-1]}, [*facts, (*path, "reply")])
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
    reply = rec.reply
    if reply is not None and reply.accepts is False:
        return CODES.rejected(values, [(*path, "reply")])
    if reply is not None and reply.measures and len(later := _later(ctx, rec)) == len(reply.measures):
        return CODES.measures_not_due(values | {"due": later[-1]}, [(*path, "reply")])
    return CODES.status_unknown(values, [path])


def _later(ctx: CheckContext, rec: Any) -> list[str]:
    """The due dates of the promised measures that fall after the reference date, earliest first."""
    today = ctx.reference_date
    measures = rec.reply.measures if rec.reply else []
    return sorted(str(m.due) for m in measures if m.due and today and m.due.earliest() > today)


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
