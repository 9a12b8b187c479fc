"""committee_involvement: each committee whose administration the initiative changes took part in steering it.

A committee is involved when it has itself decided on the initiative (a decision by it about the
initiative, other than one only noting information), or when it takes part in steering it: it
owns the initiative, gave a mandate for it, decided its directive, is owner or sponsor in the
directive's organisation, or decides one of the directive's decision points.

PASS: every affected committee is involved.
PARTLY: some affected committees are involved, others are not (or not known to be).
FAIL: no affected committee is involved, and for at least one of them the case records that it
made no decision (an absence of kind `decision` concerning it), or that it only noted
information about the initiative (decisions of kind `information_noted`: informed, not steering).
CANNOT ASSESS: the initiative changes no committee's administration (no_committees), or the
case says nothing either way about any affected committee.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.facts import DecisionKind
from ..model.paths import YamlPath

COMMITTEE = ("committee", "administrations", "decisions", "steering", "noted", "absences")
CODES = Codes(
    no_committees=Code(Outcome.cannot_assess, "the initiative changes no committee's administration"),
    committee_involved=Code(Outcome.fulfilled, "the committee decided on or steers the initiative", COMMITTEE),
    committee_only_informed=Code(Outcome.not_fulfilled, "the committee only noted information about it", COMMITTEE),
    committee_not_involved=Code(Outcome.not_fulfilled, "recorded absence of decisions by the committee", COMMITTEE),
    involvement_unknown=Code(Outcome.cannot_assess, "nothing recorded either way about the committee", COMMITTEE),
)


class CommitteeInvolvementParams(Params):
    """No parameters: involvement is a matter of fact, not of degree."""


def run(ctx: CheckContext, params: CommitteeInvolvementParams) -> list[Finding]:
    committees = ctx.affected_committees
    if not committees:
        return [CODES.no_committees(facts=[("initiative",)])]
    return [_judge_committee(ctx, committee) for committee in committees]


def judge(findings: Sequence[Finding]) -> Outcome:
    """Fulfilled if every affected committee is involved; partly if some are; not fulfilled if none
    is and at least one is known not to be; else cannot be assessed."""
    outcomes = [f.outcome for f in findings]
    if outcomes and all(o is Outcome.fulfilled for o in outcomes):
        return Outcome.fulfilled
    if Outcome.fulfilled in outcomes:
        return Outcome.partly_fulfilled
    return Outcome.not_fulfilled if Outcome.not_fulfilled in outcomes else Outcome.cannot_assess


def _judge_committee(ctx: CheckContext, committee: str) -> Finding:
    decided = [(("decisions", i), d) for i, d in enumerate(ctx.case.decisions) if d.by == committee and d.about_initiative]
    steering = _steering(ctx, committee)
    decisions = [(p, d) for p, d in decided if d.kind != DecisionKind.information_noted]
    noted = [(p, d) for p, d in decided if d.kind == DecisionKind.information_noted]
    values = {
        "committee": committee,
        "administrations": [a for a in ctx.case.initiative.affected_administrations if ctx.body_of(a) == committee],
        "decisions": [d.id for _, d in decisions],
        "steering": [role for role, _ in steering],
        "noted": [d.id for _, d in noted],
        "absences": [],
    }
    if decisions or steering:
        facts = tuple(dict.fromkeys([p for p, _ in decisions] + [p for _, p in steering]))
        return CODES.committee_involved(values, facts)
    if noted:
        return CODES.committee_only_informed(values, [p for p, _ in noted])
    absent = ctx.absences("decision", committee)
    if absent:
        values["absences"] = [a.id for _, a in absent]
        return CODES.committee_not_involved(values, [p for p, _ in absent])
    return CODES.involvement_unknown(values, [("initiative",)])


def _steering(ctx: CheckContext, committee: str) -> list[tuple[str, YamlPath]]:
    """The committee's roles in steering the initiative, each with the fact that shows it."""
    case = ctx.case
    found: list[tuple[str, YamlPath]] = [("owner", ("initiative",))] if case.initiative.owner == committee else []
    found += [("mandate", ("mandates", i)) for i, m in enumerate(case.mandates) if m.given_by == committee]
    directive = case.directive
    if directive is None:
        return found
    if directive.decided_by == committee:
        found.append(("directive", ("directive",)))
    organisation = directive.organisation
    if organisation and (organisation.owner == committee or committee in organisation.sponsors):
        found.append(("directive_role", ("directive", "organisation")))
    points = directive.decision_points or []
    found += [("decision_point", ("directive", "decision_points", i)) for i, p in enumerate(points) if p.decided_by == committee]
    return found


CHECK = Check(
    id="committee_involvement",
    summary="Every committee whose administration the initiative changes has itself decided on it or takes part in steering it.",
    params=CommitteeInvolvementParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=judge,
)
__doc__ = CHECK.documentation
