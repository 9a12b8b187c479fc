"""The fact collections the generic checks read, and the elements each item of them may have.

An element is a yes/no question about one item (a budget, a deviation, a risk, an
internkontrollplan, a delegation) with three answers: True (present), False (recorded as
missing or wrong) and None (the case does not say). None is never read as False.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..engine.context import CheckContext
from ..model.economy import FigureKind
from ..model.org import BodyKind
from ..model.paths import YamlPath

Element = Callable[[CheckContext, Any], bool | None]
POLITICAL = (BodyKind.council, BodyKind.board, BodyKind.committee)


class Collection(StrEnum):
    budgets = "budgets"
    deviations = "deviations"
    risks = "risks"
    ic_plans = "ic_plans"
    delegations = "delegations"


@dataclass(frozen=True)
class Item:
    """One item of a collection: where it is, the item, a label for texts and the body it belongs to."""

    path: YamlPath
    fact: Any
    label: str
    body: str | None


def items(ctx: CheckContext, collection: Collection) -> Iterator[Item]:
    """The items of `collection` in file order."""
    case = ctx.case
    if collection is Collection.budgets:
        for i, b in enumerate(case.budgets):
            yield Item(("budgets", i), b, b.title or b.id, b.body or b.decided_by)
    elif collection is Collection.deviations:
        for i, b in enumerate(case.budgets):
            for j, d in enumerate(b.deviations):
                yield Item(("budgets", i, "deviations", j), d, d.description, b.body)
    elif collection is Collection.risks:
        for i, r in enumerate(case.risks):
            yield Item(("risks", i), r, r.risk, r.owner if ctx.is_body(r.owner) else None)
    elif collection is Collection.ic_plans:
        for i, p in enumerate(case.internal_control):
            yield Item(("internal_control", i), p, p.id, p.body)
    else:
        for i, d in enumerate(case.delegations):
            yield Item(("delegations", i), d, d.title or d.id, d.delegated_by)


def _known(value: Any) -> bool | None:
    """A recorded value counts as present; an empty one says nothing."""
    return True if value else None


def _by_body(ctx: CheckContext, actor: str | None, decision: str | None, *kinds: BodyKind) -> bool | None:
    """Whether an actor (or the maker of a decision) is a political body of `kinds`; None when neither is given."""
    if actor is None and decision is not None and ctx.kind(decision) == "decision":
        actor = ctx.get(decision).by
    if actor is None:
        return None
    return ctx.is_body(actor, *(kinds or POLITICAL))


def _answered_by_absence(ctx: CheckContext, fact: Any, kind: str) -> bool:
    """Whether the case records an absence of `kind` whose `in_response_to` names this fact."""
    return bool(fact.id) and any(fact.id in a.in_response_to for _, a in ctx.absences(kind))


def _deviation_decided(ctx: CheckContext, deviation: Any) -> bool | None:
    """Approved or decided by a political body; False when the case records that no decision
    answered it (an absence of kind `decision` whose `in_response_to` names the deviation)."""
    found = _by_body(ctx, deviation.approved_by, deviation.decision)
    return False if found is None and _answered_by_absence(ctx, deviation, "decision") else found


def _deviation_measures(ctx: CheckContext, deviation: Any) -> bool | None:
    """Measures recorded for the deviation; False when the case records that none answered it
    (an absence of kind `action` naming the deviation: no plan to deal with the overrun)."""
    if deviation.measures:
        return True
    return False if _answered_by_absence(ctx, deviation, "action") else None


def _carried_out(ctx: CheckContext, plan: Any) -> bool | None:
    planned, done = plan.controls_planned, plan.controls_carried_out
    if planned and done is not None:
        return done >= planned
    marks = [c.carried_out for c in plan.controls]
    if False in marks:
        return False
    return True if marks and all(marks) else None


def _documented(ctx: CheckContext, plan: Any) -> bool | None:
    """Results of the controls carried out are recorded; a plan none of whose controls was carried out has none."""
    done = [c for c in plan.controls if c.carried_out]
    if done:
        return True if all(c.result for c in done) else None
    none_done = plan.controls_carried_out == 0 or (plan.controls and all(c.carried_out is False for c in plan.controls))
    return False if none_done else None


def _risk_analysis(ctx: CheckContext, plan: Any) -> bool | None:
    if plan.risk_analysis is not None:
        return plan.risk_analysis
    return _known(plan.risk_analysis_document)


def _no_non_delegable(ctx: CheckContext, d: Any) -> bool | None:
    return None if d.non_delegable_included is None else not d.non_delegable_included


ELEMENTS: dict[Collection, dict[str, Element]] = {
    Collection.budgets: {
        "decided_by_body": lambda ctx, b: _by_body(ctx, b.decided_by, b.decision),
        "decided_by_council": lambda ctx, b: _by_body(ctx, b.decided_by, b.decision, BodyKind.council),
        "amount": lambda ctx, b: _known(b.amount),
        "followed_up": lambda ctx, b: _known([f for f in b.figures if f.kind is not FigureKind.estimate]),
    },
    Collection.deviations: {
        "explained": lambda ctx, d: d.explained,
        "measures": _deviation_measures,
        "approved_by_body": _deviation_decided,
    },
    Collection.risks: {
        "owner": lambda ctx, r: _known(r.owner),
        "assessment": lambda ctx, r: _known(r.assessment or (r.probability and r.consequence)),
        "measures": lambda ctx, r: _known(r.measures),
        "status": lambda ctx, r: _known(r.status),
        "reported": lambda ctx, r: _known(r.reported),
    },
    Collection.ic_plans: {
        "adopted_by_body": lambda ctx, p: _by_body(ctx, p.adopted_by, p.decision),
        "risk_analysis": _risk_analysis,
        "controls_carried_out": _carried_out,
        "controls_documented": _documented,
    },
    Collection.delegations: {
        "decided": lambda ctx, d: _known(d.decision or d.date),
        "recipients_clear": lambda ctx, d: d.recipients_clear if d.recipients_clear is not None else _known(d.to),
        "limits": lambda ctx, d: _known(d.limits or d.amount_limit),
        "up_to_date": lambda ctx, d: d.up_to_date,
        "no_non_delegable": _no_non_delegable,
        "chain_complete": lambda ctx, d: d.chain_complete,
    },
}
