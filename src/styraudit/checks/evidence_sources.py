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

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
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

CODES = Codes(
    no_facts=Code(Outcome.cannot_assess, "the named sections hold no facts", ("sections",)),
    unsourced_fact=Code(
        (Outcome.partly_fulfilled, Outcome.not_fulfilled),
        "a fact names no source; not fulfilled when more than max_unsourced_share of the facts do",
        ("kind", "id", "label", "unsourced", "count", "share"),
    ),
    interview_only=Code(
        (Outcome.fulfilled, Outcome.partly_fulfilled),
        "facts resting only on interviews: informational, partly fulfilled when interview_only is partly",
        ("items", "interview_only", "count"),
    ),
    all_sourced=Code(Outcome.fulfilled, "every fact names a source", ("count",)),
)


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


def run(ctx: CheckContext, params: EvidenceSourcesParams) -> list[Finding]:
    facts = [(path, fact) for section in params.sections for path, fact in _facts(getattr(ctx.case, section), (section,))]
    if not facts:
        return [CODES.no_facts({"sections": list(params.sections)})]
    unsourced = [(path, fact) for path, fact in facts if not fact.sources]
    by_interview = [
        (path, fact) for path, fact in facts if fact.sources and all(ctx.kind(s) == "interview" for s in fact.sources)
    ]
    share = round(len(unsourced) / len(facts), 2)
    # The exact share decides (a rounded 0.2 may be 0.204 > 0.2); the rounded one is for the text.
    outcome = Outcome.partly_fulfilled if len(unsourced) / len(facts) <= params.max_unsourced_share else Outcome.not_fulfilled
    findings = [
        CODES.unsourced_fact(
            {**_describe(path, fact), "unsourced": len(unsourced), "count": len(facts), "share": share}, [path], outcome=outcome
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
        findings.append(CODES.interview_only(values, [path for path, _ in by_interview], outcome=informational))
    if not unsourced:
        findings.insert(0, CODES.all_sourced({"count": len(facts)}))
    return findings


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
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
