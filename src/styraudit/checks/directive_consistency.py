"""directive_consistency: the directive does not contradict itself, and the right body adopts it.

PASS: the decision points and milestones are in date order, a decision point has the same date
in the schedule and among the milestones, the owner and leader are the same roles in the
organisation section and on the cover sheet, every sub-activity lies inside the mandate's
period, and the directive is adopted by the body that owns the mandate.
PARTLY: a contradiction between dates or roles, each with its location: a milestone dated after
the one listed after it (BP0 "8/12-24" before BP1 "1/1-2024"); a decision point dated
differently in the schedule and among the milestones (a milestone on the decision point's start
or end, or between them, agrees); the owner or leader named differently; a sub-activity
outside the mandate's period, or ending after the decision point by which the sub-activities
are to be completed.
FAIL: the directive is adopted (`decided_by`, its decision, or a decision point titled
"fastställande") by a group of officials, a role or an administration, or by a body other than
the one that owns the mandate: a directive sets goals and scope, which only the body may decide.
CANNOT ASSESS: the case has no directive, or it has nothing to compare (no dates, no roles, no
one adopting it).
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.directive import Directive
from .directive_dates import DATE_CODES, activity_findings, date_findings, points

ROLE_PAIRS = ("owner", "leader")  # named both in the organisation section and on the cover sheet

CODES = Codes(
    no_directive=Code(Outcome.cannot_assess, "the case has no directive"),
    nothing_to_compare=Code(Outcome.cannot_assess, "the directive has no dates, roles or adopter to compare"),
    consistent=Code(Outcome.fulfilled, "no contradiction found; compared: what could be compared", ("compared",)),
    adopted_without_competence=Code(
        Outcome.not_fulfilled,
        "adopted by a group, role, administration or another body; competent: the bodies owning the mandate",
        ("adopter", "adopter_kind", "competent"),
    ),
    **DATE_CODES,
    role_differs=Code(
        Outcome.partly_fulfilled,
        "the owner or leader differs between organisation and cover sheet",
        ("role", "organisation", "cover_sheet"),
    ),
)


class DirectiveConsistencyParams(Params):
    adoption_words: list[str] = Field(
        default=["fastställ"], description="A decision point whose title contains one of these adopts the directive."
    )
    completion_words: list[str] = Field(
        default=["delaktiviteter", "slutförd"],
        description="A decision point or milestone whose title contains all of these is when the sub-activities end.",
    )


def run(ctx: CheckContext, params: DirectiveConsistencyParams) -> list[Finding]:
    directive = ctx.case.directive
    if directive is None:
        return [CODES.no_directive(facts=[("initiative",)])]
    compared: list[str] = []
    findings = _adoption_findings(ctx, directive, params, compared)
    findings += date_findings(points(directive), compared)
    findings += _role_findings(directive, compared)
    findings += activity_findings(ctx, directive, params.completion_words, compared)
    if findings:
        # The directive's items carry no sources of their own; citing the directive names its source.
        return [replace(f, facts=(*f.facts, ("directive",))) for f in findings]
    if not compared:
        return [CODES.nothing_to_compare(facts=[("directive",)])]
    return [CODES.consistent({"compared": compared}, [("directive",)])]


def _adopters(ctx: CheckContext, directive: Directive, words: list[str]) -> dict[str, list[tuple[str | int, ...]]]:
    """Who adopts the directive, each with every place that says so, in file order."""
    found: dict[str, list[tuple[str | int, ...]]] = {}
    if directive.decided_by:
        found.setdefault(directive.decided_by, []).append(("directive", "decided_by"))
    if directive.decision and ctx.kind(directive.decision) == "decision":
        found.setdefault(ctx.get(directive.decision).by, []).append(ctx.path(directive.decision))
    for i, point in enumerate(directive.decision_points or []):
        if point.decided_by and any(w.casefold() in point.title.casefold() for w in words):
            found.setdefault(point.decided_by, []).append(("directive", "decision_points", i))
    return found


def _competent(ctx: CheckContext, directive: Directive) -> list[str]:
    """The bodies that own the mandate: the initiative's owner, and those that gave or received it."""
    linked = [m for m in ctx.case.mandates if directive.mandate == m.id or m.directive in (directive.id, directive.document)]
    bodies = [ctx.case.initiative.owner] + [a for m in linked or ctx.case.mandates for a in (*m.given_to, m.given_by)]
    return list(dict.fromkeys(b for b in bodies if b and ctx.is_body(b)))


def _adoption_findings(
    ctx: CheckContext, directive: Directive, params: DirectiveConsistencyParams, compared: list[str]
) -> list[Finding]:
    adopters = _adopters(ctx, directive, params.adoption_words)
    if adopters:
        compared.append("adoption")
    competent = _competent(ctx, directive)
    findings = []
    for adopter, paths in adopters.items():
        is_body = ctx.is_body(adopter)
        if is_body and (not competent or adopter in competent):
            continue  # a body, and the one that owns the mandate (or no owner is known to say otherwise)
        values = {"adopter": adopter, "adopter_kind": ctx.kind(adopter), "competent": competent}
        findings.append(CODES.adopted_without_competence(values, paths))
    return findings


def _role_findings(directive: Directive, compared: list[str]) -> list[Finding]:
    if directive.organisation is None or directive.cover_sheet is None:
        return []
    findings = []
    for role in ROLE_PAIRS:
        in_organisation, on_cover = getattr(directive.organisation, role), getattr(directive.cover_sheet, role)
        if in_organisation is None or on_cover is None:
            continue
        compared += ["roles"] if "roles" not in compared else []
        if in_organisation != on_cover:
            values = {"role": role, "organisation": in_organisation, "cover_sheet": on_cover}
            facts = (("directive", "organisation", role), ("directive", "cover_sheet", role))
            findings.append(CODES.role_differs(values, facts))
    return findings


CHECK = Check(
    id="directive_consistency",
    summary="The directive does not contradict itself (dates, decision points, roles, the period of its activities), "
    "and the body that owns the mandate adopts it.",
    params=DirectiveConsistencyParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
