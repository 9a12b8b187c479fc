"""The timeline of decisions and reports per body and per official, with the gaps the reporting criterion does not allow.

Rows: the council (when it decided something about the initiative), the owner and the affected
committees, then every other body, role or group of officials that decided something about the
initiative or received a report, and in a directive case a row for the directive's own decision
points and milestones. A body is "silent" when the case records that it received no reports (an
absence of kind reporting); with neither reports nor such a record the picture says the facts
are missing. The gaps, the silent bodies and the limit in force are the engine's data
(`CaseResult.data`: `reporting_gaps`, `silent_bodies`, `max_gap_months`), so the picture never
shows a gap the findings do not claim and never judges the case again.
Every event is numbered in date order; the number is drawn on its mark and listed with its date
and a short text in the key under the picture. The picture itself is drawn by report/figure.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..engine.context import CheckContext
from ..model.base import PartialDate
from ..model.org import BodyKind
from .model import Timeline, TimelineEvent, TimelineGap
from .timeline_events import directive_events, events_of

DEFAULT_MAX_GAP_MONTHS = 6  # shown only when no criterion measured gaps: the key then names none


def build_timeline(ctx: CheckContext, data: Mapping[str, Any], labels: dict[str, Any]) -> Timeline | None:
    """The timeline, or None when the case has no row to draw or no date to start from; `data` is
    the engine's merged renderer data."""
    case = ctx.case
    owner = case.initiative.owner
    responsible = list(dict.fromkeys([owner, *ctx.affected_committees] if owner else ctx.affected_committees))
    rows = _rows(ctx, responsible)
    events = [e for row in rows for e in events_of(ctx, row, labels)]
    if case.directive is not None:
        found = directive_events(ctx, case.directive, labels)
        events += found
        rows += [case.directive.id] if found else []
    period = case.examined_period()
    start = period.start if period else min((PartialDate.parse(e.date) for e in events), default=None)
    end = ctx.period_end() or max((date.fromisoformat(e.end or e.date) for e in events), default=None)
    if not rows or start is None or end is None:
        return None
    limits = data.get("max_gap_months", ())
    found_gaps = [TimelineGap(g["body"], g["start"], g["end"], g["months"]) for g in data.get("reporting_gaps", ())]
    first = min([start.earliest(), *(date.fromisoformat(e.date) for e in events)])
    names = {row: ctx.name(row) for row in rows}
    if case.directive is not None:
        names[case.directive.id] = labels["timeline"]["directive_row"]
    return Timeline(
        rows=tuple((row, _upper_first(names[row])) for row in rows),
        start=first.isoformat(),
        end=max([end, *(date.fromisoformat(e.end or e.date) for e in events)]).isoformat(),
        events=_numbered(events, rows),
        gaps=tuple(found_gaps),
        # Only a recorded absence makes a body "silent"; no report and no record of one is unknown.
        silent=tuple(data.get("silent_bodies", ())),
        max_gap_months=limits[0] if limits else DEFAULT_MAX_GAP_MONTHS,
    )


def _rows(ctx: CheckContext, responsible: list[str]) -> list[str]:
    """Councils that decided, the responsible bodies, then other deciders and recipients of reports, bodies first."""
    case = ctx.case
    deciders = [d.by for d in case.decisions if d.about_initiative]
    councils = [b.id for b in case.bodies if b.kind == BodyKind.council and b.id in deciders]
    others = list(dict.fromkeys([*deciders, *(r.to for r in case.reporting)]))
    bodies = [b for b in others if ctx.kind(b) == "body"]
    officials = [b for b in others if ctx.kind(b) != "body"]
    return list(dict.fromkeys(councils + responsible + bodies + officials))


def _numbered(events: list[TimelineEvent], rows: list[str]) -> tuple[TimelineEvent, ...]:
    """Events numbered 1, 2, ... in date order (row order breaks ties), listed row by row."""
    order = sorted(events, key=lambda e: (e.date, e.end or e.date, rows.index(e.body), e.kind, e.text))
    numbered = [_with_number(e, i) for i, e in enumerate(order, start=1)]
    return tuple(sorted(numbered, key=lambda e: (rows.index(e.body), e.date, e.number)))


def _with_number(event: TimelineEvent, number: int) -> TimelineEvent:
    from dataclasses import replace

    return replace(event, number=number)


def _upper_first(text: str) -> str:
    """A row's name stands alone: "Regiondirektören", not "regiondirektören"."""
    return text[:1].upper() + text[1:]
