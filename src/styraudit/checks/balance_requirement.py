"""balance_requirement: the year's result meets the law's balance requirement (balanskravet, KL 11 kap. 5 §), and a negative balance result is met by a plan.

The balance requirement is not the council's budgeted result: it asks that the year's result, adjusted
as the law allows (balanskravsjusteringar: realisationsvinster, unrealised losses in securities, the
effect of a changed discount rate for the pension liability), is not negative. The check reads each
result requirement (`kind: result_requirement`) in the question's scope: its latest outcome (else its
latest forecast) is the year's result; where several share that date, the one that records its
`adjustments` is the year's result, and without one the reading is ambiguous. The balance result is the
result plus its adjustments.
PASS: the balance result is zero or more.
PARTLY: the balance result is negative, with measures or a decision recorded against it (a plan to
restore it, KL 11 kap. 12 §).
FAIL: the balance result is negative, and the case records that no measures or decision answered it.
CANNOT ASSESS: no result requirement in scope, no outcome or forecast with an amount, several readings
of the same date with none recording its adjustments, or a negative balance result whose measures the
case does not mention: unknown is never read as missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.amount import UNITS, Amount
from ..model.economy import BudgetFrame, BudgetKind, FigureKind
from ..model.paths import YamlPath
from ._scope import in_scope
from .budget_balance import answered_deficit

BUDGET = ("budget", "label")
RESULT = (*BUDGET, "reading", "result", "balance", "adjustments")

CODES = Codes(
    no_result_requirement=Code(Outcome.cannot_assess, "the case records no result requirement for the question's subject", ()),
    no_result=Code(Outcome.cannot_assess, "a result requirement with no outcome or forecast whose amount is known", BUDGET),
    ambiguous_result=Code(
        Outcome.cannot_assess, "several results of the same date, none recording its adjustments", (*BUDGET, "readings")
    ),
    balance_met=Code(Outcome.fulfilled, "the year's result, adjusted as the law allows, is not negative", RESULT),
    negative_with_plan=Code(
        Outcome.partly_fulfilled, "a negative balance result, with measures decided against it", (*RESULT, "measures")
    ),
    negative_without_plan=Code(
        Outcome.not_fulfilled, "a negative balance result, and no measures or decision answered it", (*RESULT, "statements")
    ),
    negative_plan_unknown=Code(
        Outcome.cannot_assess, "a negative balance result, and the case does not say whether measures were decided", RESULT
    ),
)


class BalanceRequirementParams(Params):
    """The check takes no parameters: the law sets the requirement (a balance result not below zero)."""


def run(ctx: CheckContext, params: BalanceRequirementParams) -> Iterable[Finding]:
    found = [
        _judge(ctx, budget, ("budgets", index))
        for index, budget in enumerate(ctx.case.budgets)
        if budget.kind is BudgetKind.result_requirement and in_scope(ctx, budget.subject)
    ]
    return found or [CODES.no_result_requirement({})]


def _judge(ctx: CheckContext, budget: BudgetFrame, path: YamlPath) -> Finding:
    base = {"budget": budget.id, "label": budget.title or budget.id}
    readings = _latest(budget)
    if not readings:
        return CODES.no_result(base, [path])
    chosen = [(i, f) for i, f in readings if f.adjustments] if len(readings) > 1 else readings
    if len(chosen) != 1:
        return CODES.ambiguous_result({**base, "readings": len(readings)}, [(*path, "figures", i) for i, _ in readings])
    index, figure = chosen[0]
    balance = figure.amount.kr + sum((a.amount.kr for a in figure.adjustments), Decimal(0))
    values = {**base, "reading": figure.kind.value, "result": str(figure.amount), "balance": _shown(balance, figure.amount)}
    values["adjustments"] = [{"amount": str(a.amount), "reason": a.reason} for a in figure.adjustments]
    facts = [(*path, "figures", index)]
    if balance >= 0:
        return CODES.balance_met(values, facts)
    answers = (CODES.negative_with_plan, CODES.negative_without_plan, CODES.negative_plan_unknown)
    return answered_deficit(ctx, budget, values, facts, answers)


def _latest(budget: BudgetFrame) -> list[tuple[int, Any]]:
    """The outcomes of the latest date with an amount, else the forecasts of the latest date."""
    for kind in (FigureKind.outcome, FigureKind.forecast):
        known = [(i, f) for i, f in enumerate(budget.figures) if f.kind is kind and f.amount is not None]
        if known:
            last = max(f.date for _, f in known)
            return [(i, f) for i, f in known if f.date == last]
    return []


def _shown(kr: Decimal, like: Amount) -> str:
    """The balance result in the unit the source wrote the result in."""
    value = kr / UNITS[like.unit]
    return str(Amount(kr, value.quantize(Decimal(1)) if value == value.to_integral() else value, like.unit))


CHECK = Check(
    id="balance_requirement",
    summary="The year's result, adjusted as the law allows, meets the balance requirement (balanskravet); a negative balance result has measures.",
    params=BalanceRequirementParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
