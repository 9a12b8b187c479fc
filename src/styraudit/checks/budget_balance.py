"""budget_balance: each budget in the question's scope keeps within its frame (ekonomi i balans), and a deficit has measures.

A budget's standing is read from its outcomes and forecasts and from its deviations. A figure
is a deficit when its `deviation_percent` is negative (the deviations' sign: negative for a
shortfall), or, without one, when its amount passes the budget's amount: above it for costs
(operating, project, investment), below it for revenues and a result requirement. A deviation
is a deficit when its amount (else its percent) is negative; a surplus is in balance. The latest
dated reading decides; when none is dated, any deficit recorded stands.
PASS: the latest outcome, forecast or deviation keeps within the budget.
PARTLY: a deficit is recorded, with measures decided against it (measures or a decision on the deviation).
FAIL: a deficit is recorded and the case records that no measures or decision answered it
(an absence of kind `action` or `decision` whose `in_response_to` names the deviation).
CANNOT ASSESS: no budget in scope, no reading whose sign is known, or a deficit whose measures
the case does not mention: unknown is never read as missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.base import PartialDate
from ..model.economy import BudgetFrame, BudgetKind, FigureKind
from ..model.paths import YamlPath
from ._scope import in_scope

BUDGET = ("budget", "label", "body")
READING = (*BUDGET, "reading", "amount")
COSTS = (BudgetKind.operating, BudgetKind.project, BudgetKind.investment)
FLOORS = (BudgetKind.revenue, BudgetKind.result_requirement)

CODES = Codes(
    no_budget=Code(Outcome.cannot_assess, "the case records no budget for the question's subject", ()),
    nothing_recorded=Code(Outcome.cannot_assess, "a budget with no outcome, forecast or deviation whose sign is known", BUDGET),
    in_balance=Code(Outcome.fulfilled, "the latest outcome, forecast or deviation keeps within the budget", READING),
    deficit_with_measures=Code(
        Outcome.partly_fulfilled, "a deficit is recorded, with measures decided against it", (*READING, "measures")
    ),
    deficit_without_measures=Code(
        Outcome.not_fulfilled, "a deficit is recorded and no measures or decision answered it", (*READING, "statements")
    ),
    deficit_measures_unknown=Code(
        Outcome.cannot_assess, "a deficit is recorded and the case does not say whether measures were decided", READING
    ),
)


class BudgetBalanceParams(Params):
    """The check takes no parameters: the budget's own figures and deviations decide."""


@dataclass(frozen=True)
class Reading:
    """One figure or deviation whose sign is known: whether it is a deficit, when, and where it is."""

    deficit: bool
    date: PartialDate | None
    kind: str
    amount: str | None
    path: YamlPath


def run(ctx: CheckContext, params: BudgetBalanceParams) -> Iterable[Finding]:
    found = [
        _judge(ctx, budget, ("budgets", index)) for index, budget in enumerate(ctx.case.budgets) if in_scope(ctx, budget.subject)
    ]
    return found or [CODES.no_budget({})]


def _judge(ctx: CheckContext, budget: BudgetFrame, path: YamlPath) -> Finding:
    base = {"budget": budget.id, "label": budget.title or budget.id, "body": budget.body}
    readings = list(_readings(budget, path))
    if not readings:
        return CODES.nothing_recorded(base, [path])
    decisive = _decisive(readings)
    values = {**base, "reading": decisive.kind, "amount": decisive.amount}
    if not decisive.deficit:
        return CODES.in_balance(values, [decisive.path])
    answers = (CODES.deficit_with_measures, CODES.deficit_without_measures, CODES.deficit_measures_unknown)
    return answered_deficit(ctx, budget, values, [decisive.path], answers)


def answered_deficit(
    ctx: CheckContext, budget: BudgetFrame, values: dict[str, Any], facts: list[YamlPath], codes: tuple[Code, Code, Code]
) -> Finding:
    """How the budget's deficit was answered, as one of three codes (with measures, without, not known):
    measures or decisions on its deviations, else recorded absences of action or decision that name one
    of them (`in_response_to`), else nothing the case says."""
    with_measures, without_measures, unknown = codes
    deficits = [d for d in budget.deviations if _deviation_deficit(d)] or list(budget.deviations)
    measures = [m for d in deficits for m in d.measures]
    if measures or any(d.decision for d in deficits):
        return with_measures({**values, "measures": measures}, facts)
    answered = [
        (a_path, a)
        for kind in ("action", "decision")
        for a_path, a in ctx.absences(kind)
        if any(d.id and d.id in a.in_response_to for d in deficits)
    ]
    if answered:
        statements = [a.statement for _, a in answered]
        return without_measures({**values, "statements": statements}, [*facts, *(p for p, _ in answered)])
    return unknown(values, facts)


def _readings(budget: BudgetFrame, path: YamlPath) -> Iterable[Reading]:
    for index, figure in enumerate(budget.figures):
        deficit = _figure_deficit(budget, figure)
        if deficit is not None:
            amount = _shown(figure.amount)
            yield Reading(deficit, figure.date, figure.kind.value, amount, (*path, "figures", index))
    for index, deviation in enumerate(budget.deviations):
        deficit = _deviation_deficit(deviation)
        if deficit is not None:
            amount = _shown(deviation.amount)
            yield Reading(deficit, deviation.date, "deviation", amount, (*path, "deviations", index))


def _shown(amount: Any) -> str | None:
    """The amount as the source wrote it, without its sign: the texts say whether it is a deficit."""
    return str(amount).lstrip("-") if amount is not None else None


def _decisive(readings: list[Reading]) -> Reading:
    """The latest dated reading (a deficit first on a tie); with none dated, the first deficit, else the first."""
    dated = [r for r in readings if r.date is not None]
    if dated:
        return max(dated, key=lambda r: (r.date, r.deficit))
    return next((r for r in readings if r.deficit), readings[0])


def _figure_deficit(budget: BudgetFrame, figure: Any) -> bool | None:
    if figure.kind is FigureKind.estimate:
        return None  # a kalkyl is a plan, not an outcome or a forecast of one
    if figure.deviation_percent is not None:
        return figure.deviation_percent < 0
    if figure.amount is None or budget.amount is None:
        return None
    if budget.kind in COSTS:
        return figure.amount.kr > budget.amount.kr
    return figure.amount.kr < budget.amount.kr if budget.kind in FLOORS else None


def _deviation_deficit(deviation: Any) -> bool | None:
    if deviation.amount is not None:
        return deviation.amount.kr < 0
    return None if deviation.percent is None else deviation.percent < 0


CHECK = Check(
    id="budget_balance",
    summary="Each budget in scope keeps within its frame (ekonomi i balans); a deficit has measures decided against it.",
    params=BudgetBalanceParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
