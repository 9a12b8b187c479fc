"""`--format json`: every outcome, finding, source, location and answer, streamed.

The document's shape is versioned by its `schema` key and described by
schema/check-output.schema.json; a change to the shape bumps the version.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..engine.results import AuditRecommendation, CaseResult, CriterionResult, FollowUpRow, Observation
from ..errors import Location, Problem
from . import Summary, WorkerCopy

SCHEMA = "styraudit-check/1"


class JsonReporter(WorkerCopy):
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.first = True

    def begin(self) -> None:
        self.stream.write(f'{{"schema": "{SCHEMA}", "tool": {{"name": "styraudit", "version": "{__version__}"}}, "cases": [')

    def prepare(self, result: CaseResult) -> str:
        """Serialise one case; pure, so worker processes can do it in parallel."""
        return json.dumps(case_dict(result), ensure_ascii=False, sort_keys=True)

    def case(self, result: CaseResult, prepared: str | None = None) -> None:
        self.stream.write(("\n" if self.first else ",\n") + (self.prepare(result) if prepared is None else prepared))
        self.first = False

    def end(self, summary: Summary) -> None:
        totals = {
            "files": summary.files,
            "invalid": summary.invalid,
            "outcomes": summary.outcomes,
            "failing": summary.failing,
            "waived": summary.waived,
            "check_failures": summary.check_failures,
            "fail_on": summary.fail_on.value,
            "exit_code": summary.exit_code,
        }
        self.stream.write(f'\n], "summary": {json.dumps(totals, sort_keys=True)}}}\n')


def location(where: Location) -> dict[str, Any]:
    return {"file": where.file, "line": where.line, "column": where.column}


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {**location(problem.location), "message": problem.message, "hint": problem.hint, "code": problem.code}


def observation_dict(observation: Observation) -> dict[str, Any]:
    facts = [
        {"path": f.path, **location(f.location), "sources": list(f.sources), "interview_only": f.interview_only}
        for f in observation.facts
    ]
    return {
        "check": observation.check,
        "code": observation.code,
        "outcome": observation.outcome.value,
        "text": observation.text,
        "facts": facts,
    }


def criterion_dict(criterion: CriterionResult, rec_ids: dict[str, str] | None = None) -> dict[str, Any]:
    """One criterion's result; `rec_ids` maps a recommendation text to the id of the audit's recommendation."""
    recommendation = criterion.recommendation
    waiver = criterion.waiver
    failures = [f.__dict__ for f in criterion.check_failures]
    return {
        **({"check_failures": failures} if failures else {}),
        "id": criterion.criterion,
        **({"subject": criterion.subject} if criterion.subject else {}),
        **({"documents": list(criterion.documents)} if criterion.documents else {}),
        "title": criterion.title,
        "theme": criterion.theme,
        "severity": criterion.severity.value,
        "outcome": criterion.outcome.value,
        "failing": criterion.failing,
        "baselined": criterion.baselined,
        "assessment": criterion.assessment,
        "composed_of": list(criterion.composed_of),
        "observations": [observation_dict(o) for o in criterion.observations],
        "recommendation": {
            **({"id": rec_ids[recommendation.text]} if rec_ids and recommendation.text in rec_ids else {}),
            "text": recommendation.text,
            "addressees": list(recommendation.addressees),
        }
        if recommendation
        else None,
        "waiver": {k: getattr(waiver, k) for k in ("motivation", "decided_by", "expires", "origin")} if waiver else None,
        "criterion_file": location(criterion.location),
    }


def case_dict(result: CaseResult) -> dict[str, Any]:
    rec_ids = {r.drafted_text: r.id for r in result.recommendations if r.drafted_text}
    return {
        "file": result.file,
        "status": "ok" if result.loaded else "invalid",
        "case_id": result.case_id,
        "title": result.title,
        "as_of": result.as_of,
        "problems": [problem_dict(p) for p in result.problems],
        "criteria": [criterion_dict(c, rec_ids) for c in result.criteria],
        "answers": [
            {
                "question": a.question,
                "text": a.text,
                "drafted": a.drafted.value,
                "final": a.final.value,
                "overridden": a.overridden,
                "motivation": a.motivation,
                "criteria": list(a.criteria),
                **({"parts": list(a.parts)} if a.parts else {}),
            }
            for a in result.answers
        ],
        **({"recommendations": [recommendation_dict(r) for r in result.recommendations]} if result.recommendations else {}),
        **({"follow_up": [follow_up_dict(r) for r in result.follow_up]} if result.follow_up else {}),
        **({"extra": dict(result.extra)} if result.extra else {}),
    }


def follow_up_dict(row: FollowUpRow) -> dict[str, Any]:
    keys = ("recommendation", "audit", "drafted", "final", "motivation")
    return {key: getattr(row, key) for key in keys} | {"overridden": row.overridden}


def recommendation_dict(rec: AuditRecommendation) -> dict[str, Any]:
    keys = ("id", "text", "addressees", "criteria", "status", "drafted_text", "motivation")
    return {key: list(value) if isinstance(value := getattr(rec, key), tuple) else value for key in keys}
