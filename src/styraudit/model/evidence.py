"""Evidence: the documents and interviews every fact rests on."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, PartialDate, StrictModel, Text, Url, new_list, ref


class DocumentKind(StrEnum):
    protocol = "protocol"
    plan = "plan"
    annual_report = "annual_report"
    report = "report"
    presentation = "presentation"
    directive = "directive"
    decision = "decision"
    minutes = "minutes"
    steering_document = "steering_document"
    audit_report = "audit_report"
    other = "other"


class Document(StrictModel):
    id_kind: ClassVar[str | None] = "document"

    id: Id
    title: Text
    kind: DocumentKind = DocumentKind.other
    date: PartialDate | None = None
    reference: str | None = None
    paragraph: str | None = None
    author: ref(*ACTOR) | None = None
    url: Url | None = None


class Interview(StrictModel):
    """An interview, named by the role interviewed, never by the person."""

    id_kind: ClassVar[str | None] = "interview"

    id: Id
    role: ref(*ACTOR) | None = None
    role_as_written: str | None = None
    date: PartialDate | None = None
    statements: list[Text] = Field(default_factory=new_list)


class Evidence(StrictModel):
    documents: list[Document] = Field(default_factory=new_list)
    interviews: list[Interview] = Field(default_factory=new_list)
