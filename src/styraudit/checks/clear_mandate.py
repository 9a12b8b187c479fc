"""clear_mandate: the owning body itself gave a mandate, with directive, purpose, time frame and report-back.

PASS: the board decided a mandate to the regional director, with a directive, purpose,
period and report-back.
PARTLY: the mandate exists but lacks some of these (each missing one is named).
FAIL: the case records that the owning body gave no mandate (an `absences` entry of kind
`mandate` concerning the owner).
CANNOT ASSESS: the case names no owner, or says nothing either way about a mandate from it.
"""

from __future__ import annotations

from pydantic import Field

from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import CheckResult, Finding

ELEMENTS = ("decision", "directive", "purpose", "period", "report_back")


class ClearMandateParams(Params):
    require: list[str] = Field(default=list(ELEMENTS), description="Elements a clear mandate must have.")


def run(ctx: CheckContext, params: ClearMandateParams) -> CheckResult:
    owner = ctx.case.initiative.owner
    if owner is None:
        return CheckResult(Outcome.cannot_assess, (Finding("no_owner", Outcome.cannot_assess, {}, (("initiative",),)),))
    mandates = [(("mandates", i), m) for i, m in enumerate(ctx.case.mandates) if m.given_by == owner]
    if mandates:
        return _judge_mandate(ctx, params, owner, *mandates[0])
    received = [("mandates", i) for i, m in enumerate(ctx.case.mandates) if owner in m.given_to]
    absent = ctx.absences("mandate", owner) + ctx.absences("directive", owner)
    values = {"owner": owner, "lead": ctx.case.initiative.lead, "received": [ctx.case.mandates[p[1]].given_by for p in received]}
    if not absent:
        return CheckResult(
            Outcome.cannot_assess, (Finding("mandate_unknown", Outcome.cannot_assess, values, (("initiative",),)),)
        )
    facts = tuple(path for path, _ in absent) + tuple(received)
    return CheckResult(Outcome.not_fulfilled, (Finding("no_mandate", Outcome.not_fulfilled, values, facts),))


def _judge_mandate(ctx: CheckContext, params: ClearMandateParams, owner: str, path: tuple, mandate) -> CheckResult:
    present = {
        "decision": mandate.decision is not None and ctx.get(mandate.decision).by == owner,
        "directive": mandate.directive is not None
        or (ctx.case.directive is not None and ctx.case.directive.mandate == mandate.id),
        "purpose": bool(mandate.purpose),
        "period": mandate.period is not None,
        "report_back": bool(mandate.report_back),
    }
    missing = [element for element in params.require if not present.get(element, False)]
    values = {"owner": owner, "given_to": list(mandate.given_to), "task": mandate.task, "missing": missing}
    facts = (path,) + ((ctx.path(mandate.decision),) if mandate.decision else ())
    if missing:
        return CheckResult(Outcome.partly_fulfilled, (Finding("mandate_incomplete", Outcome.partly_fulfilled, values, facts),))
    return CheckResult(Outcome.fulfilled, (Finding("mandate_complete", Outcome.fulfilled, values, facts),))


CHECK = Check(
    id="clear_mandate",
    summary="The owning body itself decided a mandate to a named role or body, with directive, purpose, time frame and report-back.",
    params=ClearMandateParams,
    codes={
        "no_owner": "the case names no owning body for the initiative",
        "mandate_unknown": "the case neither records a mandate from the owner nor that there was none",
        "no_mandate": "the owner gave no mandate (recorded absence); values: owner, lead, received",
        "mandate_incomplete": "a mandate exists but lacks elements; values: owner, given_to, task, missing",
        "mandate_complete": "a complete mandate; values: owner, given_to, task, missing",
    },
    run=run,
    doc=__doc__ or "",
)
