"""reported_to_body: what a fact collection records was reported to the right body, at the cadence expected.

Reads budget figures (forecasts and outcomes, per budget), risks, internkontrollplaner (their
results) or delegations (anmälan av delegationsbeslut). The right recipient is any political
body, the item's own body (or the one that decided it), or the board. Dates are read with the
benefit of the doubt: a gap is the shortest the partial dates allow. `plan_bodies` keeps only
items whose body is of those kinds (the committees' plans, for the board's oversight).

PASS: every item was reported to the right body, at the cadence, and (if required) the body decided on the results.
PARTLY: a report went to the wrong recipient, or a gap between reports exceeds the cadence.
FAIL: the case says an item was not reported, or records an absence of a kind in `absences`.
CANNOT ASSESS: no item, no report recorded, or the recipient, the dates or the decision are not stated.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Literal

from pydantic import Field

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.registry import Check, Params
from ..engine.results import Finding
from ..model.absence import AbsenceKind
from ..model.economy import FigureKind
from ..model.org import BodyKind
from ._elements import Collection
from ._reports import Reporting, reportings
from ._timeline import whole_months

ITEM = ("collection", "item", "label", "body")
Recipient = Literal["any_body", "own_body", "board"]

CODES = Codes(
    none_recorded=Code(Outcome.cannot_assess, "the case records no item to report on", ("collection",)),
    recorded_absence=Code(
        Outcome.not_fulfilled, "the case records that no such report was made", ("collection", "kind", "statement", "concerns")
    ),
    not_reported=Code(Outcome.not_fulfilled, "the case says the item was not reported", ITEM),
    reporting_unknown=Code(Outcome.cannot_assess, "the case records no report of the item, nor that there was none", ITEM),
    wrong_recipient=Code(
        Outcome.partly_fulfilled, "reports went to others than the right body", (*ITEM, "recipients", "expected")
    ),
    recipient_unknown=Code(Outcome.cannot_assess, "the reports name no recipient", ITEM),
    reporting_gap=Code(
        Outcome.partly_fulfilled, "a gap between reports exceeds the cadence", (*ITEM, "start", "end", "months", "cadence_months")
    ),
    cadence_unknown=Code(Outcome.cannot_assess, "the reports or the period are not dated", (*ITEM, "cadence_months")),
    decision_unknown=Code(Outcome.cannot_assess, "the case does not say what the body decided on the results", ITEM),
    reported=Code(Outcome.fulfilled, "the item was reported to the right body", (*ITEM, "count", "recipients", "first", "last")),
)


class ReportedParams(Params):
    collection: Literal[Collection.budgets, Collection.risks, Collection.ic_plans, Collection.delegations] = Field(
        description="budgets (their figures), risks, ic_plans or delegations."
    )
    kinds: list[FigureKind] = Field(
        default=[FigureKind.forecast, FigureKind.outcome], description="Budget figures that count as reports."
    )
    recipient: Recipient = Field(default="any_body", description="Who must receive: any_body, own_body or board.")
    recipient_required: bool = Field(
        default=True, description="Whether a report with no stated recipient leaves the check unassessed."
    )
    cadence_months: int | None = Field(
        default=None, ge=1, description="The longest gap between reports in the period; none: no cadence."
    )
    require_decision: bool = Field(default=False, description="Whether the body must have decided on the reported results.")
    plan_bodies: list[Literal["council", "board", "committee", "subject"]] = Field(
        default_factory=list, description="Keep only items whose body is of these kinds (empty: all)."
    )
    absences: list[AbsenceKind] = Field(default_factory=list, description="Absence kinds that mean no report was made.")


def run(ctx: CheckContext, params: ReportedParams) -> list[Finding]:
    collection = params.collection.value
    found = [
        CODES.recorded_absence(
            {"collection": collection, "kind": a.kind.value, "statement": a.statement, "concerns": list(a.concerns)}, [p]
        )
        for kind in params.absences
        for p, a in ctx.absences(kind)
    ]
    chosen = [r for r in reportings(ctx, params.collection, tuple(params.kinds)) if _kept(ctx, params, r)]
    for r in chosen:
        found += _judge(ctx, params, r)
    return found or [CODES.none_recorded({"collection": collection})]


def _kept(ctx: CheckContext, params: ReportedParams, r: Reporting) -> bool:
    if not params.plan_bodies:
        return True
    body = r.item.body
    kind = "subject" if body and ctx.kind(body) == "subject" else ctx.get(body).kind.value if ctx.is_body(body) else None
    return kind in params.plan_bodies


def _judge(ctx: CheckContext, params: ReportedParams, r: Reporting) -> list[Finding]:
    item = r.item
    values = {
        "collection": params.collection.value,
        "item": getattr(item.fact, "id", None),
        "label": item.label,
        "body": item.body,
    }
    if r.said is False:
        return [CODES.not_reported(values, [item.path])]
    if not r.events and r.said is not True:
        return [CODES.reporting_unknown(values, [item.path])]
    found = _recipients(ctx, params, r, values) + _cadence(params, r, values) + _decision(params, r, values)
    if found:
        return found
    dated = sorted(str(e.date) for e in r.events if e.date)
    recipients = list(dict.fromkeys(e.to for e in r.events if e.to))
    first, last = (dated[0], dated[-1]) if dated else (None, None)
    more = {"count": len(r.events), "recipients": recipients, "first": first, "last": last}
    return [CODES.reported(values | more, [e.path for e in r.events] or [item.path])]


def _right(ctx: CheckContext, params: ReportedParams, r: Reporting, to: str) -> bool:
    if params.recipient == "board":
        return ctx.is_body(to, BodyKind.board)
    if params.recipient == "own_body":
        fact = r.item.fact
        own = {
            r.item.body,
            getattr(fact, "decided_by", None),
            getattr(fact, "adopted_by", None),
            getattr(fact, "delegated_by", None),
        }
        return to in own
    return ctx.is_body(to)


def _recipients(ctx: CheckContext, params: ReportedParams, r: Reporting, values: dict) -> list[Finding]:
    given = [e for e in r.events if e.to]
    wrong = [e for e in given if not _right(ctx, params, r, e.to)]
    if wrong:
        more = {"recipients": list(dict.fromkeys(e.to for e in wrong)), "expected": params.recipient}
        return [CODES.wrong_recipient(values | more, [e.path for e in wrong])]
    if not given and params.recipient_required:
        return [CODES.recipient_unknown(values, [e.path for e in r.events] or [r.item.path])]
    return []


def _cadence(params: ReportedParams, r: Reporting, values: dict) -> list[Finding]:
    limit = params.cadence_months
    if limit is None:
        return []
    dated = sorted((e for e in r.events if e.date), key=lambda e: e.date.earliest())
    if not dated or r.period is None:
        return [CODES.cadence_unknown(values | {"cadence_months": limit}, [r.item.path])]
    start, end = r.period
    stops: list[tuple[date, date, tuple]] = [(start, dated[0].date.earliest(), (r.item.path, dated[0].path))]
    stops += [(a.date.latest(), b.date.earliest(), (a.path, b.path)) for a, b in pairwise(dated)]
    stops.append((dated[-1].date.latest(), end, (dated[-1].path, r.item.path)))
    found = []
    for first, last, facts in stops:
        months = whole_months(first, last) if last > first else 0
        if months > limit:
            more = {"start": first.isoformat(), "end": last.isoformat(), "months": months, "cadence_months": limit}
            found.append(CODES.reporting_gap(values | more, facts))
    return found


def _decision(params: ReportedParams, r: Reporting, values: dict) -> list[Finding]:
    if params.require_decision and r.decided is None:
        return [CODES.decision_unknown(values, [r.item.path])]
    return []


CHECK = Check(
    id="reported_to_body",
    summary="What a fact collection records (budget figures, risks, internal-control results, delegated decisions) was reported to the right body at the expected cadence.",
    params=ReportedParams,
    codes=CODES,
    run=run,
    doc=__doc__ or "",
)
__doc__ = CHECK.documentation
