"""Execution of decisions and assignments (verkställighet), and sample tests of how many were in order."""

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, Inconsistency, PartialDate, Period, Text, ref
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


class SampleTest(Fact):
    """A stickprov: how many items were sampled from which population, and how many were found in order."""

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

    def inconsistencies(self) -> Iterator[Inconsistency]:
        if self.sampled is not None and self.in_order is not None and self.in_order > self.sampled:
            yield (("in_order",), f"impossible count: {self.in_order} found in order of {self.sampled} sampled", _COUNT)
        if self.sampled is not None and self.population_size is not None and self.sampled > self.population_size:
            yield (("sampled",), f"impossible sample: {self.sampled} sampled of {self.population_size}", _COUNT)


_COUNT = "a part cannot be larger than the whole it is counted from"
