"""anchoring: the affected administrations took part in the design, and the managers who must carry it understood it.

PASS: every affected administration took part in designing the initiative (an anchoring event of
kind `took_part_in_design` by the administration itself, a unit inside it, or a group or role that
belongs to it; the initiative's lead taking part does not count, since the lead's own work is what
is to be anchored), and every understanding the case records is good.
PARTLY: some affected administrations took part while the case records that others did not, or
the recorded understanding is mixed (some understood, some did not, or a group is recorded as mixed).
FAIL: no affected administration took part while the case records that at least one did not (an
`absences` entry of kind `design_participation` concerning it), or the recorded understanding is
predominantly poor (more than half of the anchoring events with a recorded understanding say poor).
CANNOT ASSESS: the case records neither participation nor its absence, and nothing about
understanding. Administrations the case is silent about are named; silence is never a pass.

Participation that the case is silent about for every affected administration was not examined; it
is then left aside, and the criterion is judged on what shows the anchoring instead. That is the
recorded understanding; where none is recorded, the indirect evidence: a steering document of the
initiative that the affected administrations are recorded as knowing (or not knowing), and training
or workshops held for them. Silence on participation alone never fails and never passes.

Formal anchoring: a steering document of the initiative (a policy, strategy, plan, guideline or
steering model) adopted by a body, whose follow-up reaches that body or the owner in the ordinary
steering (an applied reporting routine to it, or reports to it). The initiative is then decided
and carried by the organisation's own steering and follow-up, so a poor understanding shows an
anchoring that falls short, not one that is missing: the understanding counts as partly, never
worse. Formal anchoring alone never passes (it says nothing of those who must carry the work),
and it never outweighs a recorded absence of participation: an initiative designed without the
administrations stays not fulfilled.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome, combine
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.common import Application
from ..model.facts import AnchoringKind, Understanding
from ..model.paths import YamlPath
from ..model.steering import SteeringKind
from ._routines import reporting_routines
from ._scope import in_scope

# The outcome a single anchoring event's recorded understanding stands for.
LEVELS = {
    Understanding.good: Outcome.fulfilled,
    Understanding.mixed: Outcome.partly_fulfilled,
    Understanding.poor: Outcome.not_fulfilled,
}
UNDERSTOOD = ("event", "group", "understanding", "kind", "date", "observation")
KNOWN = ("document", "title", "administrations")
# Anchoring activities that reach those who must carry the work; being informed is one-way and is not one.
ACTIVITIES = (AnchoringKind.training, AnchoringKind.workshop)
# The steering documents that decide an initiative's direction (a routine or an instruction only carries it out).
DIRECTING = (SteeringKind.policy, SteeringKind.strategy, SteeringKind.plan, SteeringKind.guideline, SteeringKind.steering_model)
FORMAL = ("document", "title", "adopted_by", "routines", "reports", "bodies")

CODES = Codes(
    no_affected_administrations=Code(
        Outcome.cannot_assess, "the case names no affected administrations, so participation cannot be judged"
    ),
    took_part=Code(
        Outcome.fulfilled, "an affected administration took part in the design", ("administration", "events", "groups")
    ),
    did_not_take_part=Code(
        Outcome.not_fulfilled,
        "recorded absence: an affected administration did not take part",
        ("administration", "absences", "statements"),
    ),
    participation_unknown=Code(
        Outcome.cannot_assess, "the case is silent on whether an affected administration took part", ("administration",)
    ),
    understanding_good=Code(Outcome.fulfilled, "an anchoring event records good understanding", UNDERSTOOD),
    understanding_mixed=Code(Outcome.partly_fulfilled, "an anchoring event records mixed understanding", UNDERSTOOD),
    understanding_poor=Code(Outcome.not_fulfilled, "an anchoring event records poor understanding", UNDERSTOOD),
    understanding_unknown=Code(
        Outcome.cannot_assess, "no anchoring event records the understanding of those who must carry it", ("events",)
    ),
    plan_known=Code(
        Outcome.fulfilled, "indirect evidence: affected administrations are recorded as knowing a steering document", KNOWN
    ),
    plan_not_known=Code(
        Outcome.not_fulfilled,
        "indirect evidence: affected administrations are recorded as not knowing a steering document",
        KNOWN,
    ),
    trained=Code(
        Outcome.fulfilled,
        "indirect evidence: training or a workshop was held for an affected administration",
        ("event", "group", "kind", "date", "observation"),
    ),
    formally_anchored=Code(
        Outcome.fulfilled,
        "formal anchoring: a directing steering document adopted by a body and followed up to it or the owner "
        "(an applied reporting routine, or reports); a poor understanding then counts as partly",
        FORMAL,
    ),
)
# The codes about how the work is understood, directly or by indirect evidence; the rest are about participation.
UNDERSTANDING = frozenset({"plan_known", "plan_not_known", "trained"})


class AnchoringParams(Params):
    """No parameters: the criterion is the same for every initiative."""


def run(ctx: CheckContext, params: AnchoringParams) -> list[Finding]:
    return _participation(ctx) + _understanding(ctx) + _formal(ctx)


def judge(findings: Sequence[Finding]) -> Outcome:
    """Participation and understanding are judged apart and combined by rule 1. Participation:
    fulfilled if every affected administration took part; partly if some did and some are recorded
    as not; not fulfilled if some are recorded as not and none took part; else cannot be assessed.
    Understanding: fulfilled if all recorded is good; not fulfilled if more than half is poor (partly
    when the initiative is formally anchored); partly otherwise; cannot be assessed when none is recorded."""
    # The understanding codes are the ones named understanding_*; every other code but formal anchoring is
    # about participation.
    understanding = _understanding_outcome([f.outcome for f in findings if _about_understanding(f)])
    if understanding is Outcome.not_fulfilled and any(f.code == "formally_anchored" for f in findings):
        understanding = Outcome.partly_fulfilled  # decided and followed up: anchoring falls short, is not missing
    participation = [f for f in findings if not _about_understanding(f) and f.code != "formally_anchored"]
    silent = bool(participation) and all(f.code == "participation_unknown" for f in participation)
    if silent and understanding is not Outcome.cannot_assess:
        return understanding  # participation was not examined: the anchoring is judged on what shows it
    return combine([_participation_outcome([f.outcome for f in participation]), understanding])


def _about_understanding(finding: Finding) -> bool:
    return finding.code.startswith("understanding_") or finding.code in UNDERSTANDING


def _participation_outcome(outcomes: list[Outcome]) -> Outcome:
    if outcomes and all(o is Outcome.fulfilled for o in outcomes):
        return Outcome.fulfilled
    if Outcome.not_fulfilled in outcomes:
        return Outcome.partly_fulfilled if Outcome.fulfilled in outcomes else Outcome.not_fulfilled
    return Outcome.cannot_assess  # only participation and silence: the silent ones may yet have taken part


def _understanding_outcome(outcomes: list[Outcome]) -> Outcome:
    if not outcomes or Outcome.cannot_assess in outcomes:
        return Outcome.cannot_assess
    if all(o is Outcome.fulfilled for o in outcomes):
        return Outcome.fulfilled
    poor = sum(o is Outcome.not_fulfilled for o in outcomes)
    return Outcome.not_fulfilled if 2 * poor > len(outcomes) else Outcome.partly_fulfilled


def belongs_to(ctx: CheckContext, actor: str, administration: str) -> bool:
    """Whether `actor` is the administration, a unit inside it (part_of), or a group or role of either."""
    current: str | None = ctx.get(actor).administration if ctx.kind(actor) in ("group", "role") else actor
    seen: set[str] = set()
    while current and current not in seen and ctx.kind(current) == "administration":
        if current == administration:
            return True
        seen.add(current)
        current = ctx.get(current).part_of
    return False


def _participation(ctx: CheckContext) -> list[Finding]:
    """Per affected administration: took part, recorded as not taking part, or unknown."""
    administrations = ctx.case.initiative.affected_administrations
    if not administrations:
        return [CODES.no_affected_administrations(facts=[("initiative",)])]
    return [_one_administration(ctx, k, admin) for k, admin in enumerate(administrations)]


def _one_administration(ctx: CheckContext, position: int, admin: str) -> Finding:
    lead = ctx.case.initiative.lead
    events = [
        (("anchoring", i), e)
        for i, e in enumerate(ctx.case.anchoring)
        # The lead designing the initiative is its origin, not evidence that it is anchored.
        if e.kind == AnchoringKind.took_part_in_design and e.group != lead and belongs_to(ctx, e.group, admin)
    ]
    if events:
        values = {
            "administration": admin,
            "events": [e.id for _, e in events],
            "groups": list(dict.fromkeys(e.group for _, e in events)),
        }
        return CODES.took_part(values, [p for p, _ in events])
    absences = ctx.absences("design_participation", admin)
    if absences:
        values = {
            "administration": admin,
            "absences": [a.id for _, a in absences],
            "statements": [a.statement for _, a in absences],
        }
        return CODES.did_not_take_part(values, [p for p, _ in absences])
    where: YamlPath = ("initiative", "affected_administrations", position)
    return CODES.participation_unknown({"administration": admin}, [where])


def _understanding(ctx: CheckContext) -> list[Finding]:
    """One finding per anchoring event with a recorded understanding."""
    known = [(i, e) for i, e in enumerate(ctx.case.anchoring) if e.understanding in LEVELS]
    if not known:
        indirect = _indirect(ctx)
        if indirect:
            return indirect
        facts = [("anchoring", i) for i in range(len(ctx.case.anchoring))] or [("initiative",)]
        return [CODES.understanding_unknown({"events": [e.id for e in ctx.case.anchoring]}, facts)]
    return [
        CODES[f"understanding_{e.understanding.value}"](
            {
                "event": e.id,
                "group": e.group,
                "understanding": e.understanding.value,
                "kind": e.kind.value,
                "date": str(e.date) if e.date else None,
                "observation": e.observation,
            },
            [("anchoring", i)],
        )
        for i, e in known
    ]


def _indirect(ctx: CheckContext) -> list[Finding]:
    """Where no understanding is recorded: steering documents the affected administrations are recorded
    as knowing or not knowing, and training or workshops held for them (never the lead's own)."""
    administrations = ctx.case.initiative.affected_administrations
    lead = ctx.case.initiative.lead
    found: list[Finding] = []
    for i, doc in enumerate(ctx.case.steering_documents):
        reached = [a for a in administrations if any(belongs_to(ctx, x, a) for x in doc.applies_to)]
        if doc.known is None or not reached or not (in_scope(ctx, doc.subject, doc.applies_to) and ctx.examines(doc.id)):
            continue
        code = CODES.plan_known if doc.known else CODES.plan_not_known
        found.append(code({"document": doc.id, "title": doc.title, "administrations": reached}, [("steering_documents", i)]))
    for i, e in enumerate(ctx.case.anchoring):
        if e.kind in ACTIVITIES and e.group != lead and any(belongs_to(ctx, e.group, a) for a in administrations):
            values = {"event": e.id, "group": e.group, "kind": e.kind.value, "date": str(e.date) if e.date else None}
            found.append(CODES.trained({**values, "observation": e.observation}, [("anchoring", i)]))
    return found


def _formal(ctx: CheckContext) -> list[Finding]:
    """Directing steering documents of the initiative adopted by a body, with the applied reporting
    routines and the reports that bring their follow-up back to that body or the owner."""
    owner = ctx.case.initiative.owner
    found: list[Finding] = []
    for i, doc in enumerate(ctx.case.steering_documents):
        if (
            doc.kind not in DIRECTING
            or not ctx.is_body(doc.adopted_by)
            or not (in_scope(ctx, doc.subject, doc.applies_to) and ctx.examines(doc.id))
        ):
            continue
        bodies = list(dict.fromkeys(b for b in (doc.adopted_by, owner) if b))
        routines = [(p, r) for p, r in reporting_routines(ctx) if r.applied is Application.yes and r.reports_to in bodies]
        reports = [(("reporting", j), r) for j, r in enumerate(ctx.case.reporting) if r.to in bodies]
        if not routines and not reports:
            continue
        reached = list(dict.fromkeys([*(r.reports_to for _, r in routines), *(r.to for _, r in reports)]))
        values = {"document": doc.id, "title": doc.title, "adopted_by": doc.adopted_by, "bodies": reached}
        values |= {"routines": [r.id for _, r in routines], "reports": [r.id for _, r in reports]}
        facts = [("steering_documents", i), *(p for p, _ in routines), *(p for p, _ in reports)]
        found.append(CODES.formally_anchored(values, facts))
    return found


CHECK = Check(
    id="anchoring",
    summary="The affected administrations took part in designing the initiative, and the managers who must carry it understood it.",
    params=AnchoringParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=judge,
)
__doc__ = CHECK.documentation
