"""The audit's life after the report: the auditor's edits to the drafted recommendations, the cover
letter (missiv) that sends the report, and each audited body's reply (yttrande).

Recommendations are named by the ids the engine gives them (`rek-<criterion>`, see
engine/recommendations.py), so a reply written against one run stays valid in the next.
"""

from collections.abc import Iterator
from enum import StrEnum

from pydantic import Field

from .base import ACTOR, Id, Inconsistency, PartialDate, Sourced, StrictModel, Text, new_list, ref
from .common import YesNo


class EditAction(StrEnum):
    """What the auditor does with a drafted recommendation, or `add` for one of the auditor's own."""

    keep = "keep"
    rephrase = "rephrase"
    drop = "drop"
    add = "add"


class RecommendationEdit(StrictModel):
    """The auditor's decision on one recommendation; like an answer override, it needs a motivation."""

    id: Id
    action: EditAction
    text: Text | None = None
    to: list[ref("body", "subject")] = Field(
        default_factory=new_list, description="The addressees, replacing the drafted ones when given."
    )
    motivation: Text

    def inconsistencies(self) -> Iterator[Inconsistency]:
        wants_text = self.action in (EditAction.rephrase, EditAction.add)
        if wants_text and self.text is None:
            yield ("action",), f"`{self.action.value}` needs the recommendation's `text`", "add `text:` with the wording"
        if not wants_text and self.text is not None:
            yield ("text",), f"`{self.action.value}` keeps or drops the drafted text", "use `action: rephrase` to reword it"
        if self.action is EditAction.add and not self.to:
            yield ("action",), "an added recommendation needs its addressees", "add `to: [<body id>]`"


class Missiv(Sourced):
    """The cover letter that sends the report to the audited bodies and asks them to reply by a date."""

    date: PartialDate
    addressees: list[ref("body")] = Field(min_length=1)
    reply_due: PartialDate | None = None
    document: ref("document") | None = None
    signed_by: list[Text] = Field(default_factory=new_list, description="The elected auditors who sign the letter.")


class Measure(Sourced):
    """A measure a body promises in its reply: what, who is responsible, by when."""

    description: Text
    responsible: ref(*ACTOR) | None = None
    due: PartialDate | None = None


class RecommendationReply(Sourced):
    """A body's answer to one recommendation: whether it accepts it, and what it will do."""

    recommendation: Id
    accepts: YesNo = None
    comment: Text | None = None
    measures: list[Measure] = Field(default_factory=new_list)


class Reply(Sourced):
    """A body's yttrande over the report."""

    body: ref("body")
    received: PartialDate | None = None
    document: ref("document") | None = None
    recommendations: list[RecommendationReply] = Field(default_factory=new_list)


class FollowUpStatus(StrEnum):
    """A recommendation's status in a follow-up: åtgärdad, delvis åtgärdad, ej åtgärdad, kan ej bedömas."""

    implemented = "implemented"
    partly_implemented = "partly_implemented"
    not_implemented = "not_implemented"
    cannot_assess = "cannot_assess"


class StatusOverride(StrictModel):
    """The auditor's own status of a followed-up recommendation, replacing the derived one; the motivation is required."""

    recommendation: ref("recommendation")
    status: FollowUpStatus
    motivation: Text


class EarlierReply(Sourced):
    """What the body replied to an earlier recommendation: whether it accepted it, and the measures it promised."""

    body: ref("body") | None = None
    accepts: YesNo = None
    comment: Text | None = None
    measures: list[Measure] = Field(default_factory=new_list)
