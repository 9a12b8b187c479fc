"""The audit itself, present when the file is an audit rather than a self-check; and waivers."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import Id, PartialDate, Period, StrictModel, Text, Url, new_list, ref
from .lifecycle import RecommendationEdit, StatusOverride


class Answer(StrEnum):
    """The four answers to an audit question."""

    yes = "yes"
    partly = "partly"
    no = "no"
    cannot_assess = "cannot_assess"


class AuditQuestion(StrictModel):
    id_kind: ClassVar[str | None] = "question"

    id: Id
    text: Text
    criteria: list[Id] = Field(min_length=1)
    subject: ref("subject", "recommendation", "body") | None = None
    expected: Answer | None = None
    published: str | None = None


class Author(StrictModel):
    name: Text
    title: str | None = None
    part: str | None = None


class Override(StrictModel):
    """The auditor's own answer to a question, replacing the drafted one; the motivation is required."""

    question: ref("question")
    answer: Answer
    motivation: Text


class Method(StrictModel):
    description: str | None = None
    documents_analysed: list[Text] = Field(default_factory=new_list)


class AuditKind(StrEnum):
    """The common kinds of Swedish performance audit (granskningsslag)."""

    steering = "steering"
    economy = "economy"
    risk = "risk"
    internal_control = "internal_control"
    execution = "execution"
    project = "project"
    delegation = "delegation"
    ownership = "ownership"
    oversight = "oversight"
    follow_up = "follow_up"


class Audit(StrictModel):
    title: Text
    reference: str | None = None
    office: str | None = None
    url: Url | None = None
    kinds: list[AuditKind] = Field(default_factory=new_list)
    period: Period | None = None
    expected_failure: str | None = None
    background: list[Text] = Field(default_factory=new_list)
    reason: str | None = None
    purpose: Text
    questions: list[AuditQuestion] = Field(min_length=1)
    audited_bodies: list[ref("body")] = Field(default_factory=new_list)
    delimitations: list[Text] = Field(default_factory=new_list)
    criteria_text: list[Text] = Field(default_factory=new_list)
    method: Method | None = None
    quality_assurance: str | None = None
    authors: list[Author] = Field(default_factory=new_list)
    place: str | None = None
    date: PartialDate | None = None
    reference_date: PartialDate | None = None
    overrides: list[Override] = Field(default_factory=new_list)
    recommendations: list[RecommendationEdit] = Field(default_factory=new_list)
    status_overrides: list[StatusOverride] = Field(default_factory=new_list)


class Waiver(StrictModel):
    """An accepted deviation from a criterion: who decided, why, and until when."""

    criterion: Id
    scope: str | None = None
    motivation: Text
    decided_by: Text
    expires: PartialDate
