"""reserved_decisions: no decision was taken below the level the law reserves it for.

Two limits, each judged on decisions (a breach needs a decision-level fact):
- KL 6 kap. 38 §: a matter of goals, direction, scope or quality (`official_reserved`) is not
  decided by an official, a group of officials or an administration;
- KL 5 kap. 1 §: a matter the council must decide (`council_matters`, by default `principal`:
  of principle or otherwise of greater importance) is not decided by a board or committee or
  anyone below them.
A delegation order is read only in support: one that excludes such matters (`non_delegable_included:
false`) is evidence of the limit; one that includes them is a matter for the delegation order
criterion and, without a decision taken under it, leaves this check unassessed.

PARTLY: a decision broke a limit, but a body at the right level decided the same matters afterwards.
PASS: the decisions recorded are within the limits, or the order excludes reserved matters and
no decision shows otherwise.
FAIL: a decision breaks a limit (one finding per decision).
CANNOT ASSESS: no decisions or orders to judge, an official's decision whose matters are not
recorded, or an order that includes reserved matters with no decision taken under it.
"""

from __future__ import annotations

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.facts import Decision, Matter
from ..model.org import BodyKind

DECISION = ("decision", "by", "by_kind", "date", "reference", "summary", "matters")

CODES = Codes(
    nothing_to_judge=Code(Outcome.cannot_assess, "the case records no decision or delegation order to judge"),
    official_decided_reserved=Code(
        Outcome.not_fulfilled, "an official decided a matter that may not be delegated (KL 6:38)", DECISION
    ),
    lower_decided_council_matter=Code(
        Outcome.not_fulfilled, "a matter for the council was decided lower down (KL 5:1)", DECISION
    ),
    taken_back=Code(
        Outcome.partly_fulfilled,
        "a decision broke a limit, but the right body decided the same matters afterwards",
        (*DECISION, "taken_back_by", "bodies"),
    ),
    matters_unknown=Code(Outcome.cannot_assess, "an official's decision whose matters are not recorded", DECISION),
    order_includes_reserved=Code(
        Outcome.cannot_assess,
        "the delegation order includes reserved matters; no decision under it is recorded",
        ("delegation", "title"),
    ),
    within_limits=Code(Outcome.fulfilled, "the recorded decisions are within the limits", ("decisions",)),
    order_excludes_reserved=Code(Outcome.fulfilled, "the delegation order excludes reserved matters", ("delegation", "title")),
)


class ReservedParams(Params):
    official_reserved: list[Matter] = Field(
        default=[Matter.goals, Matter.direction, Matter.scope, Matter.quality],
        description="Matters no official may decide (KL 6 kap. 38 §).",
    )
    council_matters: list[Matter] = Field(
        default=[Matter.principal], description="Matters only the council decides (KL 5 kap. 1 §)."
    )


def run(ctx: CheckContext, params: ReservedParams) -> list[Finding]:
    judged = [(i, d, _judge(ctx, params, i, d)) for i, d in enumerate(ctx.case.decisions)]
    found = [f for _, _, f in judged if isinstance(f, Finding)]
    breaches = [f for f in found if f.outcome is not Outcome.cannot_assess]
    within = [(i, d) for i, d, f in judged if f is True]
    if within:
        found.append(CODES.within_limits({"decisions": [d.id for _, d in within]}, [("decisions", i) for i, _ in within]))
    for i, order in enumerate(ctx.case.delegations):
        values = {"delegation": order.id, "title": order.title}
        reserved = order.non_delegable_included or any(m in params.official_reserved for m in order.matters)
        if reserved and not breaches:
            found.append(CODES.order_includes_reserved(values, [("delegations", i)]))
        elif order.non_delegable_included is False:
            found.append(CODES.order_excludes_reserved(values, [("delegations", i)]))
    return found or [CODES.nothing_to_judge(facts=[ctx.case.subject_path()])]


def _judge(ctx: CheckContext, params: ReservedParams, index: int, decision: Decision) -> Finding | bool | None:
    """A finding on a decision that breaks a limit or cannot be judged; True when it is within the
    limits; None when it says nothing about them (the council's own, or a body's with unknown matters)."""
    values = {
        "decision": decision.id,
        "by": decision.by,
        "by_kind": ctx.get(decision.by).kind.value if ctx.is_body(decision.by) else ctx.kind(decision.by),
        "date": str(decision.date),
        "reference": decision.reference,
        "summary": decision.summary,
        "matters": [m.value for m in decision.matters],
    }
    here = [("decisions", index)]
    if ctx.is_body(decision.by, BodyKind.council):
        return None
    official = not ctx.is_body(decision.by)
    if not decision.matters:
        return CODES.matters_unknown(values, here) if official else None
    council = [m for m in decision.matters if m in params.council_matters]
    if council:
        return _breach(ctx, decision, council, values, here, CODES.lower_decided_council_matter, BodyKind.council)
    reserved = [m for m in decision.matters if m in params.official_reserved]
    if official and reserved:
        return _breach(ctx, decision, reserved, values, here, CODES.official_decided_reserved)
    return True


def _breach(ctx: CheckContext, decision: Decision, matters: list, values: dict, here: list, code, *kinds: BodyKind) -> Finding:
    """The breach, or `taken_back` when a body of `kinds` (any body) decided every such matter on the same day or later."""
    start = decision.date.earliest()
    later = [
        (j, d)
        for j, d in enumerate(ctx.case.decisions)
        if d is not decision and ctx.is_body(d.by, *kinds) and d.date.earliest() >= start and any(m in d.matters for m in matters)
    ]
    values = values | {"matters": [m.value for m in matters]}
    if later and all(any(m in d.matters for _, d in later) for m in matters):
        facts = [*here, *(("decisions", j) for j, _ in later)]
        more = {"taken_back_by": [d.id for _, d in later], "bodies": list(dict.fromkeys(d.by for _, d in later))}
        return CODES.taken_back(values | more, facts)
    return code(values, here)


CHECK = Check(
    id="reserved_decisions",
    summary="No decision was taken below the level the law reserves it for: KL 6 kap. 38 § (not by officials) and 5 kap. 1 § (by the council).",
    params=ReservedParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
