"""The timeline of decisions and reports per body, with the gaps the reporting criterion does not allow.

Rows: the council (when it decided something about the initiative), the owner and the affected
committees. A body is "silent" when the case records that it received no reports (an absence of
kind reporting); with neither reports nor such a record the picture says the facts are missing. Gaps are the *certain* gaps of checks/_timeline.py, the same arithmetic the
follow_up_cadence check uses, so the picture never shows a gap the findings do not claim.
The picture itself is drawn by report/figure.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..checks._timeline import Mark, gaps
from ..engine.context import CheckContext
from ..engine.criteria import CriteriaPack
from ..model.base import PartialDate
from ..model.org import BodyKind
from .model import Timeline, TimelineEvent, TimelineGap

REPORTING_CRITERION = "aterrapportering"
DEFAULT_MAX_GAP_MONTHS = 6


def max_gap_months(pack: CriteriaPack) -> int:
    """The reporting criterion's `max_gap_months` parameter when the pack has it, else 6."""
    criterion = pack.criteria.get(REPORTING_CRITERION)
    for bound in criterion.checks if criterion else ():
        value = getattr(bound.params, "max_gap_months", None)
        if isinstance(value, int):
            return value
    return DEFAULT_MAX_GAP_MONTHS


def build_timeline(ctx: CheckContext, pack: CriteriaPack, labels: dict[str, Any]) -> Timeline | None:
    """The timeline, or None when the case has no body to draw or no date to start from."""
    case = ctx.case
    owner = case.initiative.owner
    responsible = list(dict.fromkeys([owner, *ctx.affected_committees] if owner else ctx.affected_committees))
    councils = [b.id for b in case.bodies if b.kind == BodyKind.council and any(_decides(d, b.id) for d in case.decisions)]
    rows = list(dict.fromkeys(councils + responsible))
    events = [e for body in rows for e in _events(ctx, body, labels)]
    period = case.initiative.period
    start = period.start if period else min((PartialDate.parse(e.date) for e in events), default=None)
    end = ctx.period_end() or max((date.fromisoformat(e.date) for e in events), default=None)
    if not rows or start is None or end is None:
        return None
    limit = max_gap_months(pack)
    reported = {b: _reports(ctx, b, start, end) for b in responsible}
    found = [g for b, marks in reported.items() if marks for g in _gaps(b, start, marks, end, limit)]
    first = min([start.earliest(), *(date.fromisoformat(e.date) for e in events)])
    return Timeline(
        rows=tuple((b, ctx.name(b)) for b in rows),
        start=first.isoformat(),
        end=max([end, *(date.fromisoformat(e.date) for e in events)]).isoformat(),
        events=tuple(sorted(events, key=lambda e: (rows.index(e.body), e.date, e.kind))),
        gaps=tuple(found),
        # Only a recorded absence makes a body "silent"; no report and no record of one is unknown.
        silent=tuple(b for b, marks in reported.items() if not marks and ctx.absences("reporting", b)),
        max_gap_months=limit,
    )


def _decides(decision: Any, body: str) -> bool:
    return decision.by == body and decision.about_initiative


def _events(ctx: CheckContext, body: str, labels: dict[str, Any]) -> list[TimelineEvent]:
    from ..text.swedish import date_sv

    words = labels["timeline"]
    found = [
        TimelineEvent(body, str(d.date.earliest()), d.date.precision, "decision", date_sv(d.date), d.reference or "")
        for d in ctx.case.decisions
        if _decides(d, body)
    ]
    for report in ctx.case.reporting:
        if report.to == body:
            detail = [words["depth"][report.depth.value]] if report.depth else []
            detail += [words["form"][report.form.value]] if report.form else []
            found.append(
                TimelineEvent(
                    body, str(report.date.earliest()), report.date.precision, "report", date_sv(report.date), ", ".join(detail)
                )
            )
    return found


def _reports(ctx: CheckContext, body: str, start: PartialDate, end: date) -> list[Mark]:
    """Reports to `body` that can fall within the period, as marks spanning the days their dates may mean."""
    return [
        Mark.of(r.date, ("reporting", i))
        for i, r in enumerate(ctx.case.reporting)
        if r.to == body and r.date.earliest() <= end and r.date.latest() >= start.earliest()
    ]


def _gaps(body: str, start: PartialDate, marks: list[Mark], end: date, limit: int) -> list[TimelineGap]:
    first, last = Mark.of(start, ("initiative", "period"), "start"), Mark.of(end, ("initiative", "period"), "end")
    return [
        TimelineGap(body, g.start.latest.isoformat(), g.end.earliest.isoformat(), g.months)
        for g in gaps(first, marks, last, limit)
        if g.certain
    ]
