"""Execution of decisions and assignments (verkställighet), and sample tests of how many were in order."""

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, Inconsistency, PartialDate, Period, StrictModel, Text, ref
from .common import Fact


class ExecutionStatus(StrEnum):
    executed = "executed"
    partly = "partly"
    not_executed = "not_executed"


class SampleFinding(StrEnum):
    """What a sample test found, as the source states it where it gives no counts."""

    in_order = "in_order"
    minor_deviations = "minor_deviations"
    significant_deficiencies = "significant_deficiencies"


class Execution(Fact):
    """Whether a decision or assignment was carried out, by when it was due and when it was reported."""

    id_kind: ClassVar[str | None] = "execution"

    id: Id
    what: Text
    decision: ref("decision") | None = None
    mandate: ref("mandate") | None = None
    responsible: ref(*ACTOR) | None = None
    decided: PartialDate | None = None
    due: PartialDate | None = None
    reported: PartialDate | None = None
    reported_to: ref("body") | None = None
    status: ExecutionStatus | None = None
    status_date: PartialDate | None = None

    def inconsistencies(self) -> Iterator[Inconsistency]:
        for name in ("due", "reported", "status_date"):
            later = getattr(self, name)
            if self.decided and later and later.latest() < self.decided.earliest():
                yield ((name,), f"{name} ({later}) is before the decision ({self.decided})", "check the dates")


class SampleCount(StrictModel):
    """How many items of a sample were in order on one point the test verified (carried out,
    reported back), of how many the source tells that point; by default every item sampled."""

    in_order: int = Field(ge=0)
    judged: int | None = Field(default=None, ge=0)

    def judged_of(self, sampled: int | None) -> int | None:
        """How many items were judged on this point: those the source tells, else every item sampled."""
        return self.judged if self.judged is not None else sampled


class SampleTest(Fact):
    """A stickprov: how many items were sampled from which population, and how many were found in order.

    `in_order` counts the items without any remark; where the source counts each point the test
    verified, `executed` and `reported` say how many were carried out and how many reported back
    (one item reported late is then a shortfall in reporting only)."""

    id_kind: ClassVar[str | None] = "sample"

    id: Id
    population: Text
    period: Period | None = None
    population_size: int | None = Field(default=None, ge=0)
    sampled: int | None = Field(default=None, ge=0)
    in_order: int | None = Field(default=None, ge=0)
    by: ref(*ACTOR) | None = None
    method: str | None = None
    result: str | None = None
    # Where the source gives no counts: "inga avvikelser", "vissa avvikelser", "väsentliga brister".
    found: SampleFinding | None = None
    executed: SampleCount | None = None
    reported: SampleCount | None = None

    def inconsistencies(self) -> Iterator[Inconsistency]:
        if self.sampled is not None and self.in_order is not None and self.in_order > self.sampled:
            yield (("in_order",), f"impossible count: {self.in_order} found in order of {self.sampled} sampled", _COUNT)
        if self.sampled is not None and self.population_size is not None and self.sampled > self.population_size:
            yield (("sampled",), f"impossible sample: {self.sampled} sampled of {self.population_size}", _COUNT)
        for point in ("executed", "reported"):
            count = getattr(self, point)
            if count is not None:
                yield from _point_inconsistencies(point, count, self.sampled, self.in_order)


def _point_inconsistencies(point: str, count: SampleCount, sampled: int | None, in_order: int | None) -> Iterator[Inconsistency]:
    judged = count.judged_of(sampled)
    if judged is not None and count.in_order > judged:
        yield ((point, "in_order"), f"impossible count: {count.in_order} {point} in order of {judged} judged", _COUNT)
    if count.judged is not None and sampled is not None and count.judged > sampled:
        yield ((point, "judged"), f"impossible count: {count.judged} judged of {sampled} sampled", _COUNT)
    if in_order is not None and count.in_order < in_order:
        yield (
            (point, "in_order"),
            f"impossible count: {count.in_order} {point} in order, fewer than the {in_order} without any remark",
            "an item without any remark is in order on every point",
        )


_COUNT = "a part cannot be larger than the whole it is counted from"
