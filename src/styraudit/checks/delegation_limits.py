"""delegation_limits: officials have not decided matters that may not be delegated (KL 6 kap. 38 §).

A decision is an official's when `decision.by` is not a body: a role, a group of officials (a
ledningsgrupp has no decision competence of its own) or an administration. Only decisions about
the initiative count (`about_initiative`). The reserved matters are, by default, goals,
direction, scope and quality: ärenden som rör verksamhetens mål, inriktning, omfattning eller kvalitet.

PASS: officials decided only other matters (organisation, resources, implementation, follow-up),
or every decision about the initiative was taken by a body, so nothing was delegated.
PARTLY: an official decided a reserved matter, but a body afterwards (on the same date or later)
decided every such matter itself: the body took the matter back; both decisions are cited.
FAIL: an official decided a reserved matter and no later decision by a body covers it; one
finding per such decision, naming the matters still decided by officials only.
NOT A DECISION: a breach is stated only on a decision-level fact: a decision of a kind (plan,
directive, organisation ...) or one with a reference (a minuted decision). An officials'
conclusion recorded as `kind: other` with no reference (a strategy day, a management group's
conclusion) decides nothing; it is no finding against the body and goes on the points to
verify (code conclusion_not_decision), since whether it was acted on as a decision is for the
auditor to confirm.
CANNOT ASSESS: the case records no decisions about the initiative, or an official decision whose
matters are not recorded (and nothing fails): its matters cannot be judged.
"""

from __future__ import annotations

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.facts import Decision, DecisionKind, Matter

RESERVED = (Matter.goals, Matter.direction, Matter.scope, Matter.quality)

Indexed = list[tuple[int, Decision]]
DECISION = ("decision", "by", "by_kind", "date", "reference", "summary", "all_matters")
RESERVED_VALUES = (*DECISION, "matters", "taken_back", "taken_back_by", "bodies")

CODES = Codes(
    no_decisions=Code(Outcome.cannot_assess, "the case records no decisions about the initiative"),
    nothing_delegated=Code(Outcome.fulfilled, "every decision about the initiative was taken by a body", ("decisions", "bodies")),
    delegated_other_matters=Code(
        Outcome.fulfilled, "an official decided only matters that may be delegated", (*DECISION, "matters")
    ),
    matters_unknown=Code(Outcome.cannot_assess, "an official decision whose matters are not recorded", DECISION),
    reserved_matter_delegated=Code(
        Outcome.not_fulfilled,
        "an official decided reserved matters no body decided afterwards; matters: the reserved ones still uncovered",
        RESERVED_VALUES,
    ),
    conclusion_not_decision=Code(
        Outcome.fulfilled,
        "officials concluded on reserved matters without a decision-level fact (kind other, no reference): "
        "no breach is stated, and it goes on the points to verify",
        (*DECISION, "matters"),
        verify="inference",
    ),
    taken_back=Code(
        Outcome.partly_fulfilled,
        "an official decided reserved matters, but a body afterwards decided them itself; matters: the reserved ones",
        RESERVED_VALUES,
    ),
)


class DelegationParams(Params):
    reserved: list[Matter] = Field(default=list(RESERVED), description="Matters that may not be delegated to officials.")


def run(ctx: CheckContext, params: DelegationParams) -> list[Finding]:
    decisions = [(i, d) for i, d in enumerate(ctx.case.decisions) if d.about_initiative]
    if not decisions:
        return [CODES.no_decisions(facts=[("initiative",)])]
    official = [(i, d) for i, d in decisions if not ctx.is_body(d.by)]
    if not official:
        values = {"decisions": [d.id for _, d in decisions], "bodies": list(dict.fromkeys(d.by for _, d in decisions))}
        return [CODES.nothing_delegated(values, [("decisions", i) for i, _ in decisions])]
    return [_judge(ctx, params, i, d, decisions) for i, d in official]


def _judge(ctx: CheckContext, params: DelegationParams, index: int, decision: Decision, decisions: Indexed) -> Finding:
    values = {
        "decision": decision.id,
        "by": decision.by,
        "by_kind": ctx.kind(decision.by),
        "date": str(decision.date),
        "reference": decision.reference,
        "summary": decision.summary,
        "all_matters": [m.value for m in decision.matters],
    }
    here = ("decisions", index)
    if not decision.matters:
        return CODES.matters_unknown(values, [here])
    reserved = [m for m in decision.matters if m in params.reserved]
    if not reserved:
        return CODES.delegated_other_matters({**values, "matters": values["all_matters"]}, [here])
    if decision.kind == DecisionKind.other and not decision.reference:
        return CODES.conclusion_not_decision({**values, "matters": [m.value for m in reserved]}, [here])
    takers = _taken_back_by(ctx, decision, reserved, decisions)
    taken = [m for m in reserved if any(m in d.matters for _, d in takers)]
    remaining = [m for m in reserved if m not in taken]
    values |= {
        "matters": [m.value for m in remaining or reserved],
        "taken_back": [m.value for m in taken],
        "taken_back_by": [d.id for _, d in takers],
        "bodies": list(dict.fromkeys(d.by for _, d in takers)),
    }
    facts = (here, *(("decisions", j) for j, _ in takers))
    return (CODES.reserved_matter_delegated if remaining else CODES.taken_back)(values, facts)


def _taken_back_by(ctx: CheckContext, decision: Decision, reserved: list[Matter], decisions: Indexed) -> Indexed:
    """Decisions by a body, dated no earlier than the official's, that decide one of its reserved matters."""
    start = decision.date.earliest()
    return [
        (j, d) for j, d in decisions if ctx.is_body(d.by) and d.date.earliest() >= start and any(m in d.matters for m in reserved)
    ]


CHECK = Check(
    id="delegation_limits",
    summary="Officials have not decided matters of the initiative's goals, direction, scope or quality, which may not be delegated.",
    params=DelegationParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
