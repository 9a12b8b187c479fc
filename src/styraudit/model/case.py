"""The case file as a whole."""

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .audit import Audit, Waiver
from .base import Id, PartialDate, Period, StrictModel, Text, new_list
from .control import InternalControlPlan, Risk
from .delegation import Delegation
from .directive import Directive
from .economy import BudgetFrame
from .evidence import Evidence
from .execution import Execution, SampleTest
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
from .followup import EarlierAudit
from .lifecycle import Missiv, Reply
from .org import Administration, Body, Group, Organisation, Role
from .paths import YamlPath
from .steering import Resource, SteeringDocument
from .subjects import Subject

SCHEMA_VERSION = 1


class Case(StrictModel):
    """What an audit (or a self-check) examines, its facts and their sources; optionally the audit itself.

    The subjects are `subjects` (each with an id and a kind) and, as files have always written it,
    the single `initiative`. When a file has `subjects` but no `initiative`, `initiative` is the
    first subject, so that code written for one initiative reads the case's main subject.
    """

    # Editors see the rule of `_has_a_subject` too: one of the two keys is required. Built with the
    # class (its parts are not, see StrictModel): every command that imports it validates a case,
    # and a check run's forked workers then share the one validator the parent built.
    model_config = ConfigDict(
        **{**StrictModel.model_config, "defer_build": False},
        json_schema_extra={
            "anyOf": [{"required": ["initiative"]}, {"required": ["subjects"], "properties": {"subjects": {"minItems": 1}}}]
        },
    )

    schema_version: int = Field(default=SCHEMA_VERSION, ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    id: Id
    title: Text
    as_of: PartialDate | None = None
    organisation: Organisation
    bodies: list[Body] = Field(default_factory=new_list)
    administrations: list[Administration] = Field(default_factory=new_list)
    roles: list[Role] = Field(default_factory=new_list)
    groups: list[Group] = Field(default_factory=new_list)
    initiative: Initiative | None = None
    subjects: list[Subject] = Field(default_factory=new_list)
    decisions: list[Decision] = Field(default_factory=new_list)
    mandates: list[Mandate] = Field(default_factory=new_list)
    directive: Directive | None = None
    reporting: list[ReportingEvent] = Field(default_factory=new_list)
    anchoring: list[AnchoringEvent] = Field(default_factory=new_list)
    analyses: list[Analysis] = Field(default_factory=new_list)
    responsibilities: list[Responsibility] = Field(default_factory=new_list)
    absences: list[Absence] = Field(default_factory=new_list)
    goals: list[Goal] = Field(default_factory=new_list)
    budgets: list[BudgetFrame] = Field(default_factory=new_list)
    risks: list[Risk] = Field(default_factory=new_list)
    internal_control: list[InternalControlPlan] = Field(default_factory=new_list)
    delegations: list[Delegation] = Field(default_factory=new_list)
    executions: list[Execution] = Field(default_factory=new_list)
    samples: list[SampleTest] = Field(default_factory=new_list)
    steering_documents: list[SteeringDocument] = Field(default_factory=new_list)
    resources: list[Resource] = Field(default_factory=new_list)
    earlier_audits: list[EarlierAudit] = Field(default_factory=new_list)
    evidence: Evidence = Field(default_factory=Evidence)
    audit: Audit | None = None
    missiv: Missiv | None = None
    replies: list[Reply] = Field(default_factory=new_list)
    waivers: list[Waiver] = Field(default_factory=new_list)

    @model_validator(mode="after")
    def _has_a_subject(self) -> "Case":
        if self.initiative is None:
            if not self.subjects:
                raise PydanticCustomError(
                    "no_subject", "the case names nothing it examines: add `subjects:` (or the single `initiative:`)", {}
                )
            object.__setattr__(self, "initiative", self.subjects[0])  # frozen: set once, while validating
        return self

    @property
    def initiative_is_first_subject(self) -> bool:
        """True when `initiative` was not written but stands for the first subject."""
        return bool(self.subjects) and self.initiative is self.subjects[0]

    def subject_path(self, ident: str | None = None) -> YamlPath:
        """Where a subject stands in the file: `ident`'s entry in `subjects`, else the main subject."""
        for index, subject in enumerate(self.subjects):
            if subject.id == ident or (ident is None and subject is self.initiative):
                return ("subjects", index)
        return ("initiative",)

    def examined_period(self, ident: str | None = None) -> Period | None:
        """The period a check judges: the subject's own (the main subject's when `ident` is None),
        else the audit's examined period (a standing process has none of its own)."""
        subject = next((s for s in self.subjects if s.id == ident), None) if ident else self.initiative
        own = subject.period if subject is not None else None
        return own or (self.audit.period if self.audit else None)
