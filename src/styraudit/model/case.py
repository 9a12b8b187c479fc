"""The case file as a whole."""

from __future__ import annotations

from pydantic import Field

from .audit import Audit, Waiver
from .base import Id, PartialDate, StrictModel, Text
from .directive import Directive
from .evidence import Evidence
from .facts import (
    Absence,
    Analysis,
    AnchoringEvent,
    Decision,
    Goal,
    Initiative,
    Mandate,
    ReportingEvent,
    Responsibility,
)
from .org import Administration, Body, Group, Organisation, Role

SCHEMA_VERSION = 1


class Case(StrictModel):
    """A governance initiative, its facts and their sources; optionally the audit of it."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    id: Id
    title: Text
    as_of: PartialDate | None = None
    organisation: Organisation
    bodies: list[Body] = Field(default_factory=list)
    administrations: list[Administration] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    initiative: Initiative
    decisions: list[Decision] = Field(default_factory=list)
    mandates: list[Mandate] = Field(default_factory=list)
    directive: Directive | None = None
    reporting: list[ReportingEvent] = Field(default_factory=list)
    anchoring: list[AnchoringEvent] = Field(default_factory=list)
    analyses: list[Analysis] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    absences: list[Absence] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    evidence: Evidence = Field(default_factory=Evidence)
    audit: Audit | None = None
    waivers: list[Waiver] = Field(default_factory=list)
