"""The facts of a case: the initiative, decisions, mandates, reports, anchoring, analyses, goals."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

# Absence and Goal are re-exported: they lived here before they had modules of their own.
from .absence import Absence as Absence
from .absence import AbsenceKind as AbsenceKind
from .base import ACTOR, Id, PartialDate, Period, Sourced, Text, new_list, ref
from .common import Fact, YesNo
from .goals import Goal as Goal
from .goals import GoalLevel as GoalLevel


class Purpose(Sourced):
    text: Text


class Initiative(Sourced):
    """The governance initiative the case is about."""

    name: Text
    description: str | None = None
    purposes: list[Purpose] = Field(default_factory=new_list)
    period: Period | None = None
    owner: ref("body") | None = None
    lead: ref(*ACTOR) | None = None
    affected_bodies: list[ref("body")] = Field(default_factory=new_list)
    affected_administrations: list[ref("administration")] = Field(default_factory=new_list)


class DecisionKind(StrEnum):
    assignment = "assignment"
    plan = "plan"
    budget = "budget"
    directive = "directive"
    information_noted = "information_noted"
    organisation = "organisation"
    report = "report"
    # The board's yearly review of an owned company's activity (KL 6 kap. 9 §).
    annual_review = "annual_review"
    other = "other"


class Matter(StrEnum):
    """What a decision is about; goals, direction, scope and quality may not be delegated (KL 6:38);
    `principal` is a matter of principle or otherwise of greater importance, which the council decides (KL 5:1)."""

    goals = "goals"
    direction = "direction"
    scope = "scope"
    quality = "quality"
    organisation = "organisation"
    resources = "resources"
    implementation = "implementation"
    follow_up = "follow_up"
    principal = "principal"


class Decision(Fact):
    """A dated decision by a body (or, as a tjänstemannabeslut, by an official or group)."""

    id_kind: ClassVar[str | None] = "decision"

    id: Id
    date: PartialDate
    by: ref(*ACTOR)
    reference: str | None = None
    paragraph: str | None = None
    kind: DecisionKind
    summary: Text
    matters: list[Matter] = Field(default_factory=new_list)
    assigns_to: list[ref(*ACTOR)] = Field(default_factory=new_list)
    about_initiative: bool = True
    acts_on: list[ref("report")] = Field(default_factory=new_list)


class Mandate(Fact):
    """An uppdrag from a body to an official or a body."""

    id_kind: ClassVar[str | None] = "mandate"

    id: Id
    decision: ref("decision") | None = None
    given_by: ref(*ACTOR)
    given_to: list[ref(*ACTOR)] = Field(min_length=1)
    task: Text
    purpose: str | None = None
    period: Period | None = None
    report_back: str | None = None
    directive: ref("directive", "document") | None = None


class ReportForm(StrEnum):
    oral = "oral"
    written = "written"


class ReportDepth(StrEnum):
    overview = "overview"
    detailed = "detailed"


class ReportingEvent(Fact):
    """A report (återrapportering, information) to a body."""

    id_kind: ClassVar[str | None] = "report"

    id: Id
    date: PartialDate
    by: ref(*ACTOR)
    to: ref("body", "group")
    form: ReportForm | None = None
    depth: ReportDepth | None = None
    covered: Text
    status_against_goals: YesNo = None
    costs: YesNo = None
    risks: YesNo = None
    deviation: YesNo = None
    proposed_measures: YesNo = None
    reference: str | None = None


class AnchoringKind(StrEnum):
    took_part_in_design = "took_part_in_design"
    informed = "informed"
    workshop = "workshop"
    training = "training"
    decided = "decided"


class Understanding(StrEnum):
    good = "good"
    mixed = "mixed"
    poor = "poor"
    unknown = "unknown"


class AnchoringEvent(Fact):
    """Evidence of förankring: who took part, how, and what was seen of their understanding."""

    id_kind: ClassVar[str | None] = "anchoring"

    id: Id
    date: PartialDate | None = None
    group: ref(*ACTOR)
    kind: AnchoringKind
    understanding: Understanding = Understanding.unknown
    observation: Text


class AnalysisKind(StrEnum):
    root_cause = "root_cause"
    investigation = "investigation"
    risk = "risk"
    needs = "needs"
    evaluation = "evaluation"


class Analysis(Fact):
    id_kind: ClassVar[str | None] = "analysis"

    id: Id
    kind: AnalysisKind
    title: Text
    date: PartialDate | None = None
    by: ref(*ACTOR) | None = None
    summary: str | None = None
    documents: list[ref("document")] = Field(default_factory=new_list)


class Responsibility(Fact):
    """How responsibility is divided between parties, and whether it is written down."""

    id_kind: ClassVar[str | None] = "responsibility"

    id: Id
    parties: list[ref(*ACTOR)] = Field(min_length=2)
    description: Text
    written: YesNo = None
    document: ref("document") | None = None
