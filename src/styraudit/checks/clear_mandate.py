"""clear_mandate: the owning body itself gave a mandate, with directive, purpose, time frame and report-back.

PASS: the board decided a mandate to the regional director, with a directive, purpose,
period and report-back.
PARTLY: the mandate exists but lacks some of these (each missing one is named).
FAIL: the case records that the owning body gave no mandate (an `absences` entry of kind
`mandate` concerning the owner).
CANNOT ASSESS: the case names no owner, or says nothing either way about a mandate from it.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding

ELEMENTS = ("decision", "directive", "purpose", "period", "report_back")
ABSENT = ("owner", "lead", "received")
PRESENT = ("owner", "given_to", "task", "missing")

CODES = Codes(
    no_owner=Code(Outcome.cannot_assess, "the case names no owning body for the initiative"),
    mandate_unknown=Code(
        Outcome.cannot_assess, "the case neither records a mandate from the owner nor that there was none", ABSENT
    ),
    no_mandate=Code(Outcome.not_fulfilled, "the owner gave no mandate (recorded absence)", ABSENT),
    mandate_incomplete=Code(Outcome.partly_fulfilled, "a mandate exists but lacks elements", PRESENT),
    mandate_complete=Code(Outcome.fulfilled, "a complete mandate", PRESENT),
)


class ClearMandateParams(Params):
    require: list[str] = Field(default=list(ELEMENTS), description="Elements a clear mandate must have.")


def run(ctx: CheckContext, params: ClearMandateParams) -> Iterable[Finding]:
    owner = ctx.case.initiative.owner
    if owner is None:
        return [CODES.no_owner(facts=[("initiative",)])]
    mandates = [(("mandates", i), m) for i, m in enumerate(ctx.case.mandates) if m.given_by == owner]
    if mandates:
        return [_judge_mandate(ctx, params, owner, *mandates[0])]
    received = [("mandates", i) for i, m in enumerate(ctx.case.mandates) if owner in m.given_to]
    absent = ctx.absences("mandate", owner) + ctx.absences("directive", owner)
    values = {"owner": owner, "lead": ctx.case.initiative.lead, "received": [ctx.case.mandates[p[1]].given_by for p in received]}
    if not absent:
        return [CODES.mandate_unknown(values, [("initiative",)])]
    return [CODES.no_mandate(values, [*(path for path, _ in absent), *received])]


def _judge_mandate(ctx: CheckContext, params: ClearMandateParams, owner: str, path: tuple, mandate) -> Finding:
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
    return (CODES.mandate_incomplete if missing else CODES.mandate_complete)(values, facts)


CHECK = Check(
    id="clear_mandate",
    summary="The owning body itself decided a mandate to a named role or body, with directive, purpose, time frame and report-back.",
    params=ClearMandateParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
