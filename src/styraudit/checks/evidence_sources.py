"""evidence_sources: every fact of the case names the documents or interviews it rests on.

Facts are the Sourced entries of the sections named by `sections` (by default the initiative
and its purposes, decisions, mandates, the directive, reporting, anchoring, analyses,
responsibilities, absences and goals); the organisation (bodies, administrations, roles,
groups) needs no source. A document or interview that no fact cites is not a problem.

PASS: every fact names at least one source.
PARTLY: some facts name no source, at most `max_unsourced_share` of them (each one is named).
FAIL: more than `max_unsourced_share` of the facts name no source.
CANNOT ASSESS: the named sections hold no facts.

Facts resting only on interviews are listed in one informational finding; they lower the
outcome to partly fulfilled only when `interview_only` is "partly".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import CheckResult, Finding
from ..load.refs import suggest
from ..model.base import Sourced
from ..model.case import Case
from ..model.paths import YamlPath

FACT_SECTIONS = (
    "initiative",
    "decisions",
    "mandates",
    "directive",
    "reporting",
    "anchoring",
    "analyses",
    "responsibilities",
    "absences",
    "goals",
)
# The first of these a fact has is the words a reader recognises it by.
LABEL_FIELDS = ("title", "name", "summary", "task", "statement", "covered", "observation", "description", "text")


class EvidenceSourcesParams(Params):
    sections: list[str] = Field(default=list(FACT_SECTIONS), description="Top-level case sections whose facts need a source.")
    max_unsourced_share: float = Field(
        default=0.2, ge=0, le=1, description="Largest share of unsourced facts that is still partly fulfilled."
    )
    interview_only: Literal["inform", "partly"] = Field(
        default="inform", description="Whether facts resting only on interviews just inform, or lower the outcome to partly."
    )

    @field_validator("sections")
    @classmethod
    def _known_sections(cls, sections: list[str]) -> list[str]:
        for section in sections:
            if section not in Case.model_fields:
                hint = suggest(section, Case.model_fields) or f"sections: {', '.join(FACT_SECTIONS)}"
                raise ValueError(f"{section!r} is not a section of a case file ({hint})")
        return sections


def run(ctx: CheckContext, params: EvidenceSourcesParams) -> CheckResult:
    facts = [(path, fact) for section in params.sections for path, fact in _facts(getattr(ctx.case, section), (section,))]
    if not facts:
        values = {"sections": list(params.sections)}
        return CheckResult(Outcome.cannot_assess, (Finding("no_facts", Outcome.cannot_assess, values, ()),))
    unsourced = [(path, fact) for path, fact in facts if not fact.sources]
    by_interview = [
        (path, fact) for path, fact in facts if fact.sources and all(ctx.kind(s) == "interview" for s in fact.sources)
    ]
    outcome = _outcome(len(facts), len(unsourced), bool(by_interview), params)
    share = round(len(unsourced) / len(facts), 2)
    findings = [
        Finding(
            "unsourced_fact",
            outcome,
            {**_describe(path, fact), "unsourced": len(unsourced), "count": len(facts), "share": share},
            (path,),
        )
        for path, fact in unsourced
    ]
    if by_interview:
        informational = Outcome.partly_fulfilled if params.interview_only == "partly" else Outcome.fulfilled
        values = {
            "items": [_label(path, fact) for path, fact in by_interview],
            "interview_only": len(by_interview),
            "count": len(facts),
        }
        findings.append(Finding("interview_only", informational, values, tuple(path for path, _ in by_interview)))
    if not unsourced:
        findings.insert(0, Finding("all_sourced", Outcome.fulfilled, {"count": len(facts)}, ()))
    return CheckResult(outcome, tuple(findings))


def _outcome(total: int, unsourced: int, interview_only: bool, params: EvidenceSourcesParams) -> Outcome:
    if unsourced:
        return Outcome.partly_fulfilled if unsourced / total <= params.max_unsourced_share else Outcome.not_fulfilled
    if interview_only and params.interview_only == "partly":
        return Outcome.partly_fulfilled
    return Outcome.fulfilled


def _facts(node: Any, path: YamlPath) -> Iterator[tuple[YamlPath, Sourced]]:
    """Every Sourced model at or below `node`, in model order, with its path."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _facts(item, (*path, index))
    elif isinstance(node, BaseModel):
        if isinstance(node, Sourced):
            yield path, node
        for name in type(node).model_fields:
            yield from _facts(getattr(node, name), (*path, name))


def _describe(path: YamlPath, fact: Sourced) -> dict[str, Any]:
    """What the fact is (a snake_case kind such as `reporting_event`), its id if it has one, and its words."""
    kind = re.sub(r"(?<!^)(?=[A-Z])", "_", type(fact).__name__).lower()
    return {"kind": kind, "id": getattr(fact, "id", None), "label": _label(path, fact)}


def _label(path: YamlPath, fact: Sourced) -> str:
    for name in LABEL_FIELDS:
        value = getattr(fact, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return str(getattr(fact, "id", None) or ".".join(str(p) for p in path))


CHECK = Check(
    id="evidence_sources",
    summary="Every fact of the case names the documents or interviews it rests on; facts known only from interviews are listed.",
    params=EvidenceSourcesParams,
    codes={
        "no_facts": "the named sections hold no facts; values: sections",
        "unsourced_fact": "a fact names no source; values: kind, id, label, unsourced, count, share",
        "interview_only": "facts resting only on interviews (informational unless interview_only is partly); values: items, interview_only, count",
        "all_sourced": "every fact names a source; values: count",
    },
    run=run,
    doc=__doc__ or "",
)
