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
"""

from __future__ import annotations

from ..engine.context import CheckContext
from ..engine.outcome import Outcome, combine
from ..engine.registry import Check, Params
from ..engine.results import CheckResult, Finding
from ..model.facts import AnchoringKind, Understanding
from ..model.paths import YamlPath

# The outcome a single anchoring event's recorded understanding stands for.
LEVELS = {
    Understanding.good: Outcome.fulfilled,
    Understanding.mixed: Outcome.partly_fulfilled,
    Understanding.poor: Outcome.not_fulfilled,
}


class AnchoringParams(Params):
    """No parameters: the criterion is the same for every initiative."""


def run(ctx: CheckContext, params: AnchoringParams) -> CheckResult:
    participation, found = _participation(ctx)
    understanding, more = _understanding(ctx)
    return CheckResult(combine([participation, understanding]), tuple(found + more))


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


def _participation(ctx: CheckContext) -> tuple[Outcome, list[Finding]]:
    """Per affected administration: took part, recorded as not taking part, or unknown."""
    administrations = ctx.case.initiative.affected_administrations
    if not administrations:
        return Outcome.cannot_assess, [Finding("no_affected_administrations", Outcome.cannot_assess, {}, (("initiative",),))]
    findings = [_one_administration(ctx, k, admin) for k, admin in enumerate(administrations)]
    took = sum(f.outcome is Outcome.fulfilled for f in findings)
    absent = sum(f.outcome is Outcome.not_fulfilled for f in findings)
    if took == len(findings):
        outcome = Outcome.fulfilled
    elif took and absent:
        outcome = Outcome.partly_fulfilled
    elif absent:
        outcome = Outcome.not_fulfilled
    else:  # only participation and silence: the silent ones may yet have taken part
        outcome = Outcome.cannot_assess
    return outcome, findings


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
        return Finding("took_part", Outcome.fulfilled, values, tuple(p for p, _ in events))
    absences = ctx.absences("design_participation", admin)
    if absences:
        values = {
            "administration": admin,
            "absences": [a.id for _, a in absences],
            "statements": [a.statement for _, a in absences],
        }
        return Finding("did_not_take_part", Outcome.not_fulfilled, values, tuple(p for p, _ in absences))
    where: YamlPath = ("initiative", "affected_administrations", position)
    return Finding("participation_unknown", Outcome.cannot_assess, {"administration": admin}, (where,))


def _understanding(ctx: CheckContext) -> tuple[Outcome, list[Finding]]:
    """One finding per anchoring event with a recorded understanding; the whole judged by the balance."""
    known = [(i, e) for i, e in enumerate(ctx.case.anchoring) if e.understanding in LEVELS]
    if not known:
        facts = tuple(("anchoring", i) for i in range(len(ctx.case.anchoring))) or (("initiative",),)
        values = {"events": [e.id for e in ctx.case.anchoring]}
        return Outcome.cannot_assess, [Finding("understanding_unknown", Outcome.cannot_assess, values, facts)]
    findings = [
        Finding(
            f"understanding_{e.understanding.value}",
            LEVELS[e.understanding],
            {
                "event": e.id,
                "group": e.group,
                "understanding": e.understanding.value,
                "kind": e.kind.value,
                "date": str(e.date) if e.date else None,
                "observation": e.observation,
            },
            (("anchoring", i),),
        )
        for i, e in known
    ]
    poor = sum(e.understanding is Understanding.poor for _, e in known)
    if all(e.understanding is Understanding.good for _, e in known):
        return Outcome.fulfilled, findings
    return (Outcome.not_fulfilled if 2 * poor > len(known) else Outcome.partly_fulfilled), findings


CHECK = Check(
    id="anchoring",
    summary="The affected administrations took part in designing the initiative, and the managers who must carry it understood it.",
    params=AnchoringParams,
    codes={
        "no_affected_administrations": "the case names no affected administrations, so participation cannot be judged",
        "took_part": "an affected administration took part in the design; values: administration, events, groups",
        "did_not_take_part": "recorded absence: an affected administration did not take part; values: administration, absences, statements",
        "participation_unknown": "the case is silent on whether an affected administration took part; values: administration",
        "understanding_good": "an anchoring event records good understanding; values: event, group, understanding, kind, date, observation",
        "understanding_mixed": "an anchoring event records mixed understanding; values as understanding_good",
        "understanding_poor": "an anchoring event records poor understanding; values as understanding_good",
        "understanding_unknown": "no anchoring event records the understanding of those who must carry it; values: events",
    },
    run=run,
    doc=__doc__ or "",
)
