"""The uppdragsdirektiv, section by section as seed 003 has them; every section is optional."""

from enum import StrEnum
from typing import Any, ClassVar

from pydantic import AliasChoices, Field, model_validator
from pydantic_core import PydanticCustomError

from .base import ACTOR, Id, PartialDate, Sourced, StrictModel, Text, new_list, ref


class DatedItem(StrictModel):
    """Keeps the source's own spelling of a date ("8/12-24") beside its reading."""

    as_written: str | None = None

    @model_validator(mode="after")
    def _start_before_end(self) -> "DatedItem":
        start, end = getattr(self, "start", None), getattr(self, "end", None)
        if start is not None and end is not None and end.latest() < start.earliest():
            raise PydanticCustomError(
                "date_order", "ends ({end}) before it starts ({start})", {"end": str(end), "start": str(start)}
            )
        return self


class DecisionPoint(DatedItem):
    id: Id
    title: Text
    start: PartialDate | None = None
    end: PartialDate | None = None
    decided_by: ref(*ACTOR) | None = None


class Milestone(DatedItem):
    id: Id
    title: Text
    date: PartialDate | None = None
    comment: str | None = None


class SubActivity(DatedItem):
    title: Text
    start: PartialDate | None = None
    end: PartialDate | None = None
    owner: list[ref(*ACTOR)] = Field(default_factory=new_list)
    owner_as_written: str | None = None


class Budget(StrictModel):
    costs: str | None = None
    financing: str | None = None


class DirectiveRisk(StrictModel):
    """A risk as a directive lists it. A bare text is a risk listed without an owner or a measure."""

    text: Text
    owner: ref(*ACTOR) | None = None
    measure: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        # Not a union with str: a union would report a wrong mapping twice, once as "should be a text".
        return {"text": data} if isinstance(data, str) else data


def _text_or_risk(schema: dict[str, Any]) -> None:
    """The schema editors see: each risk a text or a mapping, as the validator accepts."""
    for branch in schema.get("anyOf", []):
        if branch.get("type") == "array":
            branch["items"] = {"anyOf": [{"type": "string", "minLength": 1}, branch["items"]]}


class DirectiveOrganisation(StrictModel):
    """Roles in the mandate: sponsors, owner, leader, members, recipient, other stakeholders."""

    sponsors: list[ref(*ACTOR)] = Field(default_factory=new_list)
    owner: ref(*ACTOR) | None = None
    leader: ref(*ACTOR) | None = None
    members: list[ref(*ACTOR)] = Field(default_factory=new_list)
    recipient: ref(*ACTOR) | None = None
    stakeholders: list[str] = Field(default_factory=new_list)


class CoverSheet(StrictModel):
    """The signature page many directives end with; it restates name, owner and leader."""

    mission_name: str | None = None
    owner: ref(*ACTOR) | None = None
    leader: ref(*ACTOR) | None = None


class ChecklistAnswer(StrEnum):
    yes = "yes"
    no = "no"
    unanswered = "unanswered"


class ChecklistItem(StrictModel):
    text: Text
    answer: ChecklistAnswer = ChecklistAnswer.unanswered


class Checklist(StrictModel):
    decision_point: str | None = None
    items: list[ChecklistItem] = Field(default_factory=new_list)
    signed: bool | None = None


class Directive(Sourced):
    """An uppdragsdirektiv. PPS-style section names are accepted as aliases."""

    id_kind: ClassVar[str | None] = "directive"

    id: Id
    title: Text
    document: ref("document") | None = None
    decided_by: ref(*ACTOR) | None = None
    decision: ref("decision") | None = None
    mandate: ref("mandate") | None = None
    background: str | None = None
    idea: str | None = None
    effect_goals: list[Text] | None = Field(default=None, validation_alias=AliasChoices("effect_goals", "business_goals"))
    mission_goals: list[Text] | None = Field(default=None, validation_alias=AliasChoices("mission_goals", "project_goals"))
    prerequisites: list[Text] | None = None
    delimitations: list[Text] | None = Field(default=None, validation_alias=AliasChoices("delimitations", "scope_exclusions"))
    dependencies: list[Text] | None = None
    decision_points: list[DecisionPoint] | None = Field(
        default=None, validation_alias=AliasChoices("decision_points", "schedule")
    )
    milestones: list[Milestone] | None = None
    budget: Budget | None = None
    risks: list[DirectiveRisk] | None = Field(default=None, json_schema_extra=_text_or_risk)
    organisation: DirectiveOrganisation | None = None
    sub_activities: list[SubActivity] | None = Field(default=None, validation_alias=AliasChoices("sub_activities", "activities"))
    communication: str | None = None
    reporting: str | None = None
    handover: str | None = None
    management: str | None = None
    definitions: dict[str, str] | None = None
    cover_sheet: CoverSheet | None = None
    checklist: Checklist | None = None

    @model_validator(mode="after")
    def _unique_point_ids(self) -> "Directive":
        # Decision points and milestones share ids on purpose (BP0 in both), but not within one list.
        for name in ("decision_points", "milestones"):
            ids = [item.id for item in getattr(self, name) or []]
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise PydanticCustomError(
                    "duplicate_id", "{name}: the id '{ident}' is used twice", {"name": name, "ident": repeated[0]}
                )
        return self
