"""Risks and internal control: the risk, its owner, assessment, measure and status and where it was
reported; the internkontrollplan with its risk analysis, the controls planned and carried out, the
results reported and what the body decided."""

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, Inconsistency, PartialDate, Sourced, Text, new_list, ref
from .common import Fact, YesNo


class RiskStatus(StrEnum):
    open = "open"
    measure_planned = "measure_planned"
    measure_taken = "measure_taken"
    closed = "closed"


class BodyReport(Sourced):
    """That something was reported to a body, when, and in which report."""

    to: ref("body", "group")
    date: PartialDate | None = None
    report: ref("report", "document") | None = None


class Risk(Fact):
    """A risk as the organisation (or the audit's source) records it."""

    id_kind: ClassVar[str | None] = "risk"

    id: Id
    risk: Text
    owner: ref(*ACTOR) | None = None
    probability: str | None = None
    consequence: str | None = None
    assessment: str | None = None
    measures: list[Text] = Field(default_factory=new_list)
    status: RiskStatus | None = None
    analysis: ref("analysis", "document") | None = None
    reported: list[BodyReport] = Field(default_factory=new_list)


class Control(Fact):
    """One control in an internkontrollplan: what is checked, how, and whether it was carried out."""

    id_kind: ClassVar[str | None] = "control"

    id: Id | None = None
    title: Text
    process: str | None = None
    method_described: YesNo = None
    scope_described: YesNo = None
    carried_out: YesNo = None
    result: str | None = None
    deviations_found: YesNo = None


class InternalControlPlan(Fact):
    """A body's internkontrollplan for a year, with its risk analysis, controls and reporting."""

    id_kind: ClassVar[str | None] = "ic_plan"

    id: Id
    body: ref("body", "subject")
    year: int | None = Field(default=None, ge=1900, le=2200)
    adopted_by: ref(*ACTOR) | None = None
    adopted: PartialDate | None = None
    decision: ref("decision") | None = None
    document: ref("document") | None = None
    risk_analysis: YesNo = None
    risk_analysis_document: ref("analysis", "document") | None = None
    controls: list[Control] = Field(default_factory=new_list)
    controls_planned: int | None = Field(default=None, ge=0)
    controls_carried_out: int | None = Field(default=None, ge=0)
    results_reported: YesNo = None
    reported: list[BodyReport] = Field(default_factory=new_list)
    results_decided: str | None = None
    results_decision: ref("decision") | None = None

    def inconsistencies(self) -> Iterator[Inconsistency]:
        planned, done = self.controls_planned, self.controls_carried_out
        if planned is not None and done is not None and done > planned:
            yield (
                ("controls_carried_out",),
                f"impossible count: {done} of {planned} planned controls carried out",
                "controls_carried_out counts the planned controls that were carried out",
            )
        if planned is not None and self.controls and len(self.controls) > planned:
            yield (("controls_planned",), f"{len(self.controls)} controls listed but {planned} planned", "correct the count")
