"""Absences: what the examination looked for and did not find, recorded as facts with their sources."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, Period, Text, new_list, ref
from .common import Fact


class AbsenceKind(StrEnum):
    mandate = "mandate"
    directive = "directive"
    decision = "decision"
    reporting = "reporting"
    design_participation = "design_participation"
    root_cause_analysis = "root_cause_analysis"
    responsibility_division = "responsibility_division"
    steering_document = "steering_document"
    routine = "routine"
    risk_analysis = "risk_analysis"
    internal_control_plan = "internal_control_plan"
    internal_control_report = "internal_control_report"
    delegation_reporting = "delegation_reporting"
    owner_directive = "owner_directive"
    annual_review = "annual_review"
    register = "register"
    feasibility_study = "feasibility_study"
    benefit_plan = "benefit_plan"
    # The budget, or a saving it contains, is not broken down to the units that must keep it.
    budget_breakdown = "budget_breakdown"
    action = "action"


class Absence(Fact):
    """Something the examination looked for and did not find; a fact in its own right."""

    id_kind: ClassVar[str | None] = "absence"

    id: Id
    kind: AbsenceKind
    concerns: list[ref(*ACTOR)] = Field(default_factory=new_list)
    period: Period | None = None
    statement: Text
    # What the absence answers: the report of a delay or overrun on which the body then decided nothing.
    in_response_to: list[ref("report", "deviation", "decision", "mandate")] = Field(default_factory=new_list)
