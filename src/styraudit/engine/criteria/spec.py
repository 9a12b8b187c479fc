"""The criteria file's schema: what a criterion YAML may say, checked before anything is bound."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ...errors import Problem, quoted
from ...load.refs import suggest
from ...load.yamldoc import YamlDocument
from ...model.base import StrictModel
from ...model.paths import dotted
from ..outcome import Outcome, Severity


class Authority(StrictModel):
    kind: str = Field(pattern="^(law|council_decision|regulation|good_practice)$")
    citation: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    text: str | None = None


class CheckBinding(StrictModel):
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    texts: dict[str, str] = Field(default_factory=dict)


class RecommendationSpec(StrictModel):
    text: str = Field(min_length=1)
    addressees: list[str] = Field(min_length=1)


CRITERION_ID = r"^[a-z0-9][a-z0-9\-]*$"


class CriterionSpec(StrictModel):
    id: str = Field(pattern=CRITERION_ID)
    aliases: list[Annotated[str, Field(pattern=CRITERION_ID)]] = Field(
        default_factory=list, description="Old ids of this criterion, still accepted wherever a user names it."
    )
    title: str = Field(min_length=1)
    theme: str = Field(min_length=1)
    order: int = 100
    authority: Authority
    requirement: str = Field(min_length=1)
    severity: Severity = Severity.medium
    applies_if: list[str] = Field(default_factory=list)
    checks: list[CheckBinding] = Field(default_factory=list)
    combine: Literal["all", "decided"] = Field(
        default="all",
        description="all: rule 1 over the checks; decided: the checks are alternative evidence, and one that "
        "lacks the facts is left aside when another decides.",
    )
    composed_of: list[str] = Field(default_factory=list)
    assessment: dict[Outcome, str]
    recommendation: RecommendationSpec | None = None
    after_report: bool = Field(
        default=False,
        description="Judged after the recommendations are drafted, over what followed the report (the bodies' replies).",
    )


class Retirement(StrictModel):
    """Why an id no longer names a criterion, and which criteria now judge what it judged."""

    citation: str = Field(min_length=1, description="The provision the retired criterion stood for, now cited by its successors.")
    replaced_by: list[Annotated[str, Field(pattern=CRITERION_ID)]] = Field(min_length=1)


class RetiredSpec(StrictModel):
    """A retired id: kept so that a case, configuration, waiver or baseline naming it gets a located
    message naming the criteria that replace it, rather than "unknown criterion"."""

    id: str = Field(pattern=CRITERION_ID)
    retired: Retirement


def schema_problem(doc: YamlDocument, error: Any) -> Problem:
    """A pydantic error in a criteria file as a located problem: an unknown key with did-you-mean."""
    path = tuple(p for p in error["loc"] if isinstance(p, int | str))
    if error["type"] == "extra_forbidden":
        hint = suggest(str(path[-1]), CriterionSpec.model_fields) or "remove it"
        return Problem(doc.locate(path, key=True), f"unknown key {quoted(path[-1])}", hint, "criteria")
    where = dotted(path)
    return Problem(
        doc.locate(path), f"{where}: {error['msg']}", "see `styraudit criteria show` for a complete example", "criteria"
    )
