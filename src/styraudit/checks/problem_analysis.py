"""problem_analysis: the initiative rests on a documented analysis of the root causes of the problems it is to solve.

PASS: the case records an analysis of kind `root_cause` with documents that make up the analysis.
PARTLY: a root-cause analysis exists but is documented nowhere (it is known from interviews or
mentions only), or the case records only other kinds of analyses (an investigation, an evaluation,
a risk or needs analysis); each is named.
FAIL: the case records that no root-cause analysis was made (an `absences` entry of kind
`root_cause_analysis`); other analyses are named as context, since they did not take its place.
CANNOT ASSESS: the case records no analysis at all and no absence of one.
"""

from __future__ import annotations

from typing import Any

from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import CheckResult, Finding
from ..model.facts import Analysis, AnalysisKind


class ProblemAnalysisParams(Params):
    """No parameters: the criterion is the same for every initiative."""


def run(ctx: CheckContext, params: ProblemAnalysisParams) -> CheckResult:
    analyses = list(enumerate(ctx.case.analyses))
    root = [(i, a) for i, a in analyses if a.kind is AnalysisKind.root_cause]
    documented = [(i, a) for i, a in root if a.documents]
    if documented:
        findings = tuple(_finding(ctx, "root_cause_documented", Outcome.fulfilled, i, a) for i, a in documented)
        return CheckResult(Outcome.fulfilled, findings)
    if root:
        findings = tuple(_finding(ctx, "root_cause_undocumented", Outcome.partly_fulfilled, i, a) for i, a in root)
        return CheckResult(Outcome.partly_fulfilled, findings)
    others = [(i, a) for i, a in analyses if a.kind is not AnalysisKind.root_cause]
    absences = ctx.absences("root_cause_analysis")
    if absences:
        values = {
            "absences": [a.id for _, a in absences],
            "statements": [a.statement for _, a in absences],
            "others": [a.id for _, a in others],
            "other_kinds": [a.kind.value for _, a in others],
        }
        facts = tuple(p for p, _ in absences) + tuple(("analyses", i) for i, _ in others)
        return CheckResult(Outcome.not_fulfilled, (Finding("no_root_cause_analysis", Outcome.not_fulfilled, values, facts),))
    if others:
        findings = tuple(_finding(ctx, "other_analysis_only", Outcome.partly_fulfilled, i, a) for i, a in others)
        return CheckResult(Outcome.partly_fulfilled, findings)
    return CheckResult(Outcome.cannot_assess, (Finding("analysis_unknown", Outcome.cannot_assess, {}, (("initiative",),)),))


def _finding(ctx: CheckContext, code: str, outcome: Outcome, index: int, analysis: Analysis) -> Finding:
    sources = analysis.sources
    values: dict[str, Any] = {
        "analysis": analysis.id,
        "kind": analysis.kind.value,
        "title": analysis.title,
        "by": analysis.by,
        "date": str(analysis.date) if analysis.date else None,
        "documents": list(analysis.documents),
        # "Known only from interviews" weighs differently from "mentioned in a protocol".
        "interview_only": bool(sources) and all(ctx.kind(s) == "interview" for s in sources),
    }
    return Finding(code, outcome, values, (("analyses", index),))


CHECK = Check(
    id="problem_analysis",
    summary="The initiative rests on a documented analysis of the root causes of the problems it is to solve.",
    params=ProblemAnalysisParams,
    codes={
        "root_cause_documented": "a documented root-cause analysis; values: analysis, kind, title, by, date, documents, interview_only",
        "root_cause_undocumented": "a root-cause analysis without documents; values as root_cause_documented",
        "other_analysis_only": "only another kind of analysis (one finding each); values as root_cause_documented",
        "no_root_cause_analysis": "recorded absence of a root-cause analysis; values: absences, statements, others, other_kinds",
        "analysis_unknown": "the case records neither an analysis nor that there was none",
    },
    run=run,
    doc=__doc__ or "",
)
