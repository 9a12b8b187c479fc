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

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.facts import Analysis, AnalysisKind

ANALYSIS = ("analysis", "kind", "title", "by", "date", "documents", "interview_only")
CODES = Codes(
    root_cause_documented=Code(Outcome.fulfilled, "a documented root-cause analysis", ANALYSIS),
    root_cause_undocumented=Code(Outcome.partly_fulfilled, "a root-cause analysis without documents", ANALYSIS),
    other_analysis_only=Code(Outcome.partly_fulfilled, "only another kind of analysis (one finding each)", ANALYSIS),
    no_root_cause_analysis=Code(
        Outcome.not_fulfilled, "recorded absence of a root-cause analysis", ("absences", "statements", "others", "other_kinds")
    ),
    analysis_unknown=Code(Outcome.cannot_assess, "the case records neither an analysis nor that there was none"),
)


class ProblemAnalysisParams(Params):
    """No parameters: the criterion is the same for every initiative."""


def run(ctx: CheckContext, params: ProblemAnalysisParams) -> list[Finding]:
    analyses = list(enumerate(ctx.case.analyses))
    root = [(i, a) for i, a in analyses if a.kind is AnalysisKind.root_cause]
    documented = [(i, a) for i, a in root if a.documents]
    if documented:
        return [_finding(ctx, CODES.root_cause_documented, i, a) for i, a in documented]
    if root:
        return [_finding(ctx, CODES.root_cause_undocumented, i, a) for i, a in root]
    others = [(i, a) for i, a in analyses if a.kind is not AnalysisKind.root_cause]
    absences = ctx.absences("root_cause_analysis")
    if absences:
        values = {
            "absences": [a.id for _, a in absences],
            "statements": [a.statement for _, a in absences],
            "others": [a.id for _, a in others],
            "other_kinds": [a.kind.value for _, a in others],
        }
        facts = [*(p for p, _ in absences), *(("analyses", i) for i, _ in others)]
        return [CODES.no_root_cause_analysis(values, facts)]
    if others:
        return [_finding(ctx, CODES.other_analysis_only, i, a) for i, a in others]
    return [CODES.analysis_unknown(facts=[("initiative",)])]


def _finding(ctx: CheckContext, code: Code, index: int, analysis: Analysis) -> Finding:
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
    return code(values, [("analyses", index)])


CHECK = Check(
    id="problem_analysis",
    summary="The initiative rests on a documented analysis of the root causes of the problems it is to solve.",
    params=ProblemAnalysisParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
