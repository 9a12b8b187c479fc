"""Steering documents and routines (adopted by whom, when, revised, documented or informal, known and
applied), and the organisation's resources: a unit, its assignment, its staffing against the need."""

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, Inconsistency, PartialDate, Text, new_list, ref
from .common import Applied, Fact, YesNo


class SteeringKind(StrEnum):
    policy = "policy"
    guideline = "guideline"
    regulation = "regulation"
    routine = "routine"
    instruction = "instruction"
    plan = "plan"
    strategy = "strategy"
    steering_model = "steering_model"
    project_model = "project_model"
    delegation_order = "delegation_order"
    owner_directive = "owner_directive"
    articles_of_association = "articles_of_association"
    system_description = "system_description"
    other = "other"


class SteeringDocument(Fact):
    """A steering document or a routine. `documented: false` is a routine that exists only in practice."""

    id_kind: ClassVar[str | None] = "steering_document"

    id: Id
    kind: SteeringKind
    title: Text
    adopted_by: ref(*ACTOR) | None = None
    decision: ref("decision") | None = None
    adopted: PartialDate | None = None
    revised: PartialDate | None = None
    up_to_date: YesNo = None
    document: ref("document") | None = None
    documented: YesNo = None
    known: YesNo = None
    applied: Applied = None
    applies_to: list[ref(*ACTOR)] = Field(default_factory=new_list)
    requires: list[Text] = Field(default_factory=new_list)
    lacks: list[Text] = Field(default_factory=new_list)
    # A standing reporting routine: the body it reports to and how many reports a year it gives (the
    # annual cycle's interim report is one, with the annual report two), so that a follow-up with no
    # dated reports and no start date still has a cadence to judge.
    reports_to: ref("body") | None = None
    reports_per_year: int | None = Field(default=None, ge=1, le=366)

    def inconsistencies(self) -> Iterator[Inconsistency]:
        if self.adopted and self.revised and self.revised.latest() < self.adopted.earliest():
            yield (("revised",), f"revised ({self.revised}) before it was adopted ({self.adopted})", "check the dates")


class Resource(Fact):
    """A unit (or role or group), its assignment and its staffing against the need, at a date."""

    id_kind: ClassVar[str | None] = "resource"

    id: Id
    unit: ref(*ACTOR)
    assignment: str | None = None
    date: PartialDate | None = None
    staffed_fte: float | None = Field(default=None, ge=0, le=1_000_000)
    needed_fte: float | None = Field(default=None, ge=0, le=1_000_000)
    sufficient: YesNo = None
    statement: str | None = None
