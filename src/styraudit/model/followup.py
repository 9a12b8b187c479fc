"""Earlier audits, their recommendations, and what was done about each one."""

from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from .base import ACTOR, Id, PartialDate, Text, new_list, ref
from .common import Fact, YesNo
from .lifecycle import EarlierReply


class ActionStatus(StrEnum):
    """How far a measure has come: a decided assignment is not yet a result."""

    planned = "planned"
    assigned = "assigned"
    ongoing = "ongoing"
    done = "done"
    not_started = "not_started"


class Action(Fact):
    """Something done (or planned, or left undone) about a recommendation."""

    date: PartialDate | None = None
    by: ref(*ACTOR) | None = None
    description: Text
    status: ActionStatus | None = None
    decision: ref("decision") | None = None
    due: PartialDate | None = None


class Recommendation(Fact):
    """A recommendation of an earlier audit; a question of a follow-up can examine it (`question.subject`)."""

    id_kind: ClassVar[str | None] = "recommendation"

    id: Id
    text: Text
    to: list[ref("body", "subject")] = Field(default_factory=new_list)
    quoted: YesNo = None
    actions: list[Action] = Field(default_factory=new_list)
    reply: EarlierReply | None = None


class EarlierAudit(Fact):
    """An audit report the case follows up, or that came before it."""

    id_kind: ClassVar[str | None] = "earlier_audit"

    id: Id
    title: Text
    date: PartialDate | None = None
    office: str | None = None
    document: ref("document") | None = None
    case_file: str | None = Field(
        default=None, description="The earlier audit's own case file, relative to this one: its recommendation ids are checked."
    )
    handled_by: list[ref("body")] = Field(default_factory=new_list)
    recommendations: list[Recommendation] = Field(default_factory=new_list)
    actions: list[Action] = Field(default_factory=new_list)
