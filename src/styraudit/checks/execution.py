"""execution: decisions and assignments were carried out by their due date, or reported back to the body that decided them.

`aspect: executed` judges whether each decision or assignment was carried out, and on time, and the
sample tests (stickprov): the share found in order. `aspect: reported` judges whether the execution
was reported back to the deciding body (the decision's body, else the mandate's giver), by the due date.
A sample that counts each point it verified (`executed`, `reported`) is judged on that point's count,
of the items whose point the source tells: a decision carried out but not reported back is then a
shortfall in reporting only. A sample with one count for everything is judged on execution alone.
PASS: the share in order is at least `fulfilled_share` (of the executions, and of each sample).
PARTLY: the share is at least `partly_share`.
FAIL: the share is below `partly_share`; or a recorded absence (`absences`) says it was not done.
CANNOT ASSESS: the case records no execution with a known status (or report) and no sample with counts.
Executions whose status is unknown are left out of the share, and named.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import Field, model_validator

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.absence import AbsenceKind
from ..model.execution import ExecutionStatus
from ._scope import absences, decided_worst, grade_share, in_scope, ordered_shares

SHARE = ("in_order", "judged", "share", "late", "not_done", "partly_done")
SHARE_OUTCOMES = (Outcome.fulfilled, Outcome.partly_fulfilled, Outcome.not_fulfilled)

CODES = Codes(
    share_in_order=Code(SHARE_OUTCOMES, "the share of the executions in order, against the two thresholds", SHARE),
    sample_in_order=Code(
        SHARE_OUTCOMES,
        "the share of a sample test found in order (on the aspect, where the sample counts it)",
        ("sample", "population", "in_order", "judged", "sampled", "share", "aspect"),
    ),
    status_unknown=Code(Outcome.cannot_assess, "executions whose status (or report) the case does not know", ("executions",)),
    recorded_absence=Code(Outcome.not_fulfilled, "a recorded absence says it was not done", ("absence", "statement")),
    nothing_known=Code(Outcome.cannot_assess, "no execution, sample or absence to judge", ("aspect",)),
)


class ExecutionParams(Params):
    aspect: Literal["executed", "reported"] = Field(
        default="executed", description="Carried out, or reported back to the deciding body."
    )
    fulfilled_share: float = Field(default=0.9, ge=0, le=1, description="The share in order that counts as fulfilled.")
    partly_share: float = Field(default=0.5, ge=0, le=1, description="The share in order that counts as partly fulfilled.")
    absences: list[AbsenceKind] = Field(default_factory=list, description="Absence kinds that mean it was not done.")

    @model_validator(mode="after")
    def _ordered(self) -> ExecutionParams:
        return ordered_shares(self)


def run(ctx: CheckContext, params: ExecutionParams) -> Iterable[Finding]:
    judged: dict[str, list[str]] = {"in_order": [], "late": [], "not_done": [], "partly_done": [], "unknown": []}
    paths = []
    for index, execution in enumerate(ctx.case.executions):
        if in_scope(ctx, execution.subject):
            verdict = _executed(execution) if params.aspect == "executed" else _reported(ctx, execution)
            judged[verdict].append(execution.id)
            paths.append(("executions", index))
    findings = []
    count = sum(len(v) for k, v in judged.items() if k != "unknown")
    if count:
        share = len(judged["in_order"]) / count
        values = {"in_order": len(judged["in_order"]), "judged": count, "share": round(share, 3)}
        values |= {k: judged[k] for k in ("late", "not_done", "partly_done")}
        findings.append(CODES.share_in_order(values, paths, outcome=grade_share(share, params)))
    if judged["unknown"]:
        findings.append(CODES.status_unknown({"executions": judged["unknown"]}, paths))
    findings += _samples(ctx, params)
    for path, absence in absences(ctx, params.absences):
        findings.append(CODES.recorded_absence({"absence": absence.id, "statement": absence.statement}, [path]))
    return findings or [CODES.nothing_known({"aspect": params.aspect}, [("executions",)])]


def _executed(execution: Any) -> str:
    if execution.status is None:
        return "unknown"
    if execution.status is ExecutionStatus.not_executed:
        return "not_done"
    if execution.status is ExecutionStatus.partly:
        return "partly_done"
    done, due = execution.status_date, execution.due
    return "late" if done and due and done.earliest() > due.latest() else "in_order"


def _reported(ctx: CheckContext, execution: Any) -> str:
    if execution.reported is None:
        return "unknown"
    decider = ctx.get(execution.decision).by if execution.decision else None
    decider = decider or (ctx.get(execution.mandate).given_by if execution.mandate else None)
    if decider and execution.reported_to and execution.reported_to != decider:
        return "not_done"  # reported, but not to the body that decided
    due = execution.due
    return "late" if due and execution.reported.earliest() > due.latest() else "in_order"


def _samples(ctx: CheckContext, params: ExecutionParams) -> list[Finding]:
    """Each sample's share in order on the aspect judged: its count for that point where the source
    gives one, else (for execution only) the items without any remark."""
    findings = []
    for index, sample in enumerate(ctx.case.samples):
        if not in_scope(ctx, sample.subject):
            continue
        point = getattr(sample, params.aspect)
        if point is not None:
            in_order, judged, aspect = point.in_order, point.judged_of(sample.sampled), params.aspect
        elif params.aspect == "executed":
            in_order, judged, aspect = sample.in_order, sample.sampled, None
        else:
            continue
        if judged and in_order is not None:
            share = in_order / judged
            values = {"sample": sample.id, "population": sample.population, "in_order": in_order, "judged": judged}
            values |= {"sampled": sample.sampled, "share": round(share, 3), "aspect": aspect}
            findings.append(CODES.sample_in_order(values, [("samples", index)], outcome=grade_share(share, params)))
    return findings


CHECK = Check(
    id="execution",
    summary="Decisions and assignments carried out by their due date (with sample tests), or reported back to the deciding body.",
    params=ExecutionParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=decided_worst,
)
__doc__ = CHECK.documentation
