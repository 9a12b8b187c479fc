"""Economy: a budget with the body that decided it, estimates, forecasts and outcomes over time,
deviations and who approved them, and the rules on carrying a surplus or deficit over."""

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .amount import Amount
from .base import ACTOR, Id, Inconsistency, PartialDate, Period, Sourced, StrictModel, Text, new_list, ref
from .common import Fact, YesNo


class BudgetKind(StrEnum):
    """What the amount frames: costs, revenues, an investment, a result requirement or a whole project."""

    operating = "operating"
    revenue = "revenue"
    investment = "investment"
    result_requirement = "result_requirement"
    project = "project"
    other = "other"


class FigureKind(StrEnum):
    estimate = "estimate"
    forecast = "forecast"
    outcome = "outcome"


class Adjustment(StrictModel):
    """A balanskravsjustering: an item the law's balance requirement (KL 11 kap.) leaves out of a year's
    result, as the source states it. Signed as it changes the result: a cost left out (the effect of a
    changed discount rate for the pension liability, an unrealised loss) is positive, a gain left out
    (realisationsvinster) negative."""

    amount: Amount
    reason: Text


class Figure(Sourced):
    """An estimate (kalkyl), forecast (prognos) or outcome (utfall) at a date, and to whom it was reported.
    On the outcome or forecast of a result requirement, `adjustments` are the balance requirement's
    adjustments of that result; a figure that records them is the year's result the balance result is
    counted from."""

    kind: FigureKind
    date: PartialDate
    amount: Amount | None = None
    deviation_percent: float | None = Field(default=None, ge=-1000, le=1000)
    covers: str | None = None
    reported_to: ref("body") | None = None
    report: ref("report") | None = None
    adjustments: list[Adjustment] = Field(default_factory=new_list)


class Deviation(Fact):
    """A deviation from the budget: how large, whether explained, who approved it and what was done."""

    id_kind: ClassVar[str | None] = "deviation"

    id: Id | None = None
    date: PartialDate | None = None
    amount: Amount | None = None
    percent: float | None = Field(default=None, ge=-1000, le=1000)
    description: Text
    explained: YesNo = None
    approved_by: ref(*ACTOR) | None = None
    decision: ref("decision") | None = None
    measures: list[Text] = Field(default_factory=new_list)


class CarryOver(Sourced):
    """The rules on carrying a result over to the next year (resultatöverföring)."""

    surplus_carried: YesNo = None
    deficit_carried: YesNo = None
    rule: str | None = None
    document: ref("document", "steering_document") | None = None


class BudgetFrame(Fact):
    """A budget (or result requirement) for a subject or a body, for a year or a period."""

    id_kind: ClassVar[str | None] = "budget"

    id: Id
    kind: BudgetKind = BudgetKind.operating
    title: str | None = None
    body: ref("body") | None = None
    year: int | None = Field(default=None, ge=1900, le=2200)
    period: Period | None = None
    amount: Amount | None = None
    decided_by: ref(*ACTOR) | None = None
    decision: ref("decision") | None = None
    decided: PartialDate | None = None
    figures: list[Figure] = Field(default_factory=new_list)
    deviations: list[Deviation] = Field(default_factory=new_list)
    carry_over: CarryOver | None = None

    def first_day(self) -> PartialDate | None:
        """The start of the budget's year or period, where outcomes can begin."""
        if self.period is not None:
            return self.period.start
        return PartialDate(self.year) if self.year else None

    def inconsistencies(self) -> Iterator[Inconsistency]:
        if self.amount is not None and self.amount.kr < 0 and self.kind is not BudgetKind.result_requirement:
            yield (("amount",), f"impossible budget {self.amount}: a budget is not negative", _NEGATIVE)
        start = self.first_day()
        for index, figure in enumerate(self.figures):
            if start and figure.kind is FigureKind.outcome and figure.date.latest() < start.earliest():
                yield (
                    ("figures", index, "date"),
                    f"an outcome dated {figure.date} is before the budget's {'period' if self.period else 'year'} ({start})",
                    "an outcome (utfall) can only be reported from the budget year on; is it an estimate or a forecast?",
                )
        for index, figure in enumerate(self.figures):
            if figure.adjustments and (self.kind is not BudgetKind.result_requirement or figure.kind is FigureKind.estimate):
                yield (
                    ("figures", index, "adjustments"),
                    "balance requirement adjustments belong to the outcome or forecast of a result",
                    "record them on an outcome or forecast of a budget of kind: result_requirement",
                )
        if self.decided and start and self.decided.earliest() > _end(self).latest():
            yield (("decided",), f"the budget is decided ({self.decided}) after its year or period has ended", "check the dates")


_NEGATIVE = "write the amount as a positive number; a deficit is a negative outcome or deviation, or kind: result_requirement"


def _end(budget: BudgetFrame) -> PartialDate:
    if budget.period is not None:
        return budget.period.end or PartialDate(9999)
    return PartialDate(budget.year or 9999)
