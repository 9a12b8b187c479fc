"""oversight: the board receives reports from the companies and entities it oversees, follows them up and acts.

Oversight (uppsiktsplikt, KL 6 kap. 1 § andra stycket) is judged from what reached the board and
what the examination looked for and did not find. A report by an owned entity (or about it) to a
body is a report received; a decision that acts on it is the board's follow-up. With `reads:
[annual_reviews]` the check judges the board's yearly review of the entities (KL 6 kap. 9 §)
instead: a decision of kind annual_review about an entity is the review made.
PASS: reports from the entities reached the board (or the yearly reviews were made) and no part of
the oversight is recorded missing.
PARTLY: a part is recorded missing (`part_absences`: no register of the entities, no division of
who does what) beside reports in order, or alone; or reports reached the board but it did not act.
FAIL: the reporting itself or the yearly assessment under KL 6 kap. 9 § is recorded missing
(`absences`), and no report from the entities is in order.
CANNOT ASSESS: the case records neither reports from the entities nor absences.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.absence import AbsenceKind
from ..model.facts import DecisionKind
from ._scope import absences, balance, in_scope

REPORT = ("report", "by", "to", "date", "acted_on_by")
ABSENT = ("absence", "kind", "statement")
CODES = Codes(
    report_acted_on=Code(Outcome.fulfilled, "an entity's report reached a body, which decided on it", REPORT),
    report_not_acted_on=Code(Outcome.partly_fulfilled, "an entity's report reached a body, but no decision acts on it", REPORT),
    oversight_missing=Code(Outcome.not_fulfilled, "a recorded absence of the reporting or the yearly assessment", ABSENT),
    oversight_deficient=Code(Outcome.partly_fulfilled, "a recorded absence of a part of the oversight", ABSENT, part=True),
    annual_review_made=Code(
        Outcome.fulfilled, "a body decided on its yearly review of an entity's activity", ("decision", "by", "date", "entity")
    ),
    nothing_known=Code(Outcome.cannot_assess, "neither reports from the entities nor absences are recorded"),
)


class OversightParams(Params):
    absences: list[AbsenceKind] = Field(
        default=[AbsenceKind.reporting, AbsenceKind.annual_review],
        description="Absence kinds that mean the oversight itself is missing.",
    )
    part_absences: list[AbsenceKind] = Field(
        default=[AbsenceKind.register, AbsenceKind.responsibility_division],
        description="Absence kinds that mean a part of the oversight is missing.",
    )
    require_action: bool = Field(default=True, description="Whether a report counts only when a decision acts on it.")
    reads: list[Literal["reports", "annual_reviews"]] = Field(
        default=["reports"],
        description="What of the oversight is judged: the entities' reports to the board, or the yearly reviews (KL 6 kap. 9 §).",
    )


def run(ctx: CheckContext, params: OversightParams) -> Iterable[Finding]:
    entities = {s.id for s in ctx.case.subjects if s.kind == "entity"}
    findings = _reports(ctx, params, entities) if "reports" in params.reads else []
    if "annual_reviews" in params.reads:
        findings += _reviews(ctx, entities)
    for path, absence in absences(ctx, [*params.absences, *params.part_absences]):
        code = CODES.oversight_missing if absence.kind in params.absences else CODES.oversight_deficient
        findings.append(code({"absence": absence.id, "kind": absence.kind.value, "statement": absence.statement}, [path]))
    return findings or [CODES.nothing_known(facts=[("reporting",)])]


def _reviews(ctx: CheckContext, entities: set[str]) -> list[Finding]:
    """The yearly reviews made: decisions of kind annual_review about an entity in the question's scope."""
    return [
        CODES.annual_review_made({"decision": d.id, "by": d.by, "date": d.date, "entity": d.subject}, [("decisions", index)])
        for index, d in enumerate(ctx.case.decisions)
        if d.kind == DecisionKind.annual_review and d.subject in entities and in_scope(ctx, d.subject)
    ]


def _reports(ctx: CheckContext, params: OversightParams, entities: set[str]) -> list[Finding]:
    """The entities' reports that reached a body, each with whether a decision acts on it."""
    findings = []
    for index, report in enumerate(ctx.case.reporting):
        about = report.by if report.by in entities else report.subject if report.subject in entities else None
        if about and in_scope(ctx, about):
            acted = [d.by for d in ctx.case.decisions if report.id in d.acts_on]
            values = {"report": report.id, "by": report.by, "to": report.to, "date": report.date, "acted_on_by": acted}
            code = CODES.report_acted_on if acted or not params.require_action else CODES.report_not_acted_on
            findings.append(code(values, [("reporting", index)]))
    return findings


CHECK = Check(
    id="oversight",
    summary="The board receives reports from the entities it oversees and acts on them; the yearly KL 6 kap. 9 § assessment is made.",
    params=OversightParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
    rule=balance,
)
__doc__ = CHECK.documentation
