"""The dates of a directive, read as spans, and the contradictions between them (for directive_consistency)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from ..engine.codes import Code, Codes
from ..engine.context import CheckContext
from ..engine.outcome import Outcome
from ..engine.results import Finding
from ..model.base import PartialDate
from ..model.directive import Directive
from ..model.paths import YamlPath

SECTIONS = ("decision_points", "milestones")
ITEMS = tuple(f"{prefix}{part}" for prefix in ("first", "second") for part in ("", "_title", "_date", "_as_written"))
BOUND = ("bound_id", "bound_title", "bound_date", "bound_as_written")

# The codes of the date comparisons, part of directive_consistency's codes.
DATE_CODES = Codes(
    out_of_order=Code(
        Outcome.partly_fulfilled, "a decision point or milestone dated after the one listed after it", ("section", *ITEMS)
    ),
    dates_differ=Code(
        Outcome.partly_fulfilled,
        "a decision point dated differently in the schedule and among the milestones",
        ("id", "title", "schedule_start", "schedule_end", "schedule_as_written", "milestone_date", "milestone_as_written"),
    ),
    activity_outside_period=Code(
        Outcome.partly_fulfilled,
        "a sub-activity starts before or ends after the mandate's period; side: before or after",
        ("title", "start", "end", "as_written", "side", *BOUND),
    ),
    activity_after_completion=Code(
        Outcome.partly_fulfilled,
        "a sub-activity ends after the point by which sub-activities are to be completed",
        ("title", "start", "end", "as_written", *BOUND),
    ),
)


@dataclass(frozen=True)
class Span:
    """A dated item of the directive, or a period elsewhere in the case, with where it is written."""

    path: YamlPath
    start: PartialDate
    end: PartialDate
    ident: str | None = None
    title: str | None = None
    as_written: str | None = None

    @property
    def first(self) -> date:
        return self.start.earliest()

    @property
    def last(self) -> date:
        return self.end.latest()

    def bound(self, at: PartialDate) -> dict[str, Any]:
        """Values naming this item as the bound a sub-activity crosses, dated `at` (its start or its end)."""
        return {"bound_id": self.ident, "bound_title": self.title, "bound_date": str(at), "bound_as_written": self.as_written}


def points(directive: Directive) -> dict[str, list[Span]]:
    """The dated decision points and milestones, in the directive's own order."""
    found: dict[str, list[Span]] = {section: [] for section in SECTIONS}
    for i, point in enumerate(directive.decision_points or []):
        start, end = point.start or point.end, point.end or point.start
        if start is not None and end is not None:
            found["decision_points"].append(
                Span(("directive", "decision_points", i), start, end, point.id, point.title, point.as_written)
            )
    for i, stone in enumerate(directive.milestones or []):
        if stone.date:
            found["milestones"].append(
                Span(("directive", "milestones", i), stone.date, stone.date, stone.id, stone.title, stone.as_written)
            )
    return found


def date_findings(found: dict[str, list[Span]], compared: list[str]) -> list[Finding]:
    """Items listed before one they come after; decision points dated differently among the milestones.

    Appends to `compared` what the directive's dates allowed to compare."""
    findings = []
    for section in SECTIONS:
        items = found[section]
        compared += ["order"] if len(items) > 1 and "order" not in compared else []
        for before, after in pairwise(items):
            if before.first > after.last:  # surely later, whatever the precision of the dates
                values = {"section": section, **_item(before, "first"), **_item(after, "second")}
                findings.append(DATE_CODES.out_of_order(values, (before.path, after.path)))
    scheduled = {p.ident: p for p in found["decision_points"]}
    for stone in found["milestones"]:
        point = scheduled.get(stone.ident)
        if point is None:
            continue
        compared += ["decision_point_dates"] if "decision_point_dates" not in compared else []
        if stone.last < point.first or stone.first > point.last:  # on the start, the end or between agrees
            values = {
                "id": point.ident, "title": point.title, "schedule_start": str(point.start), "schedule_end": str(point.end),
                "schedule_as_written": point.as_written, "milestone_date": str(stone.start), "milestone_as_written": stone.as_written,
            }  # fmt: skip
            findings.append(DATE_CODES.dates_differ(values, (point.path, stone.path)))
    return findings


def _item(span: Span, prefix: str) -> dict[str, Any]:
    return {
        prefix: span.ident,
        f"{prefix}_title": span.title,
        f"{prefix}_date": str(span.start),
        f"{prefix}_as_written": span.as_written,
    }


def _period(ctx: CheckContext, directive: Directive, found: dict[str, list[Span]]) -> tuple[Span, Span] | None:
    """Where the mandate starts and ends: its schedule (the earliest point; the last one, the delivery),
    else its milestones, else the mandate's or the initiative's period."""
    for section in SECTIONS:
        if found[section]:
            return min(found[section], key=lambda s: s.first), found[section][-1]
    periods = [(("mandates", i, "period"), m.period) for i, m in enumerate(ctx.case.mandates) if m.id == directive.mandate]
    periods.append((("initiative", "period"), ctx.case.initiative.period))
    for path, period in periods:
        if period is not None and period.end is not None:
            span = Span(path, period.start, period.end)
            return span, span
    return None


def _completion(found: dict[str, list[Span]], words: list[str]) -> Span | None:
    """The latest of the points whose title says the sub-activities are completed by then."""
    matching = [
        s for section in SECTIONS for s in found[section] if all(w.casefold() in (s.title or "").casefold() for w in words)
    ]
    return max(matching, key=lambda s: s.last) if words and matching else None


def activity_findings(ctx: CheckContext, directive: Directive, words: list[str], compared: list[str]) -> list[Finding]:
    """Sub-activities outside the mandate's period, or ending after the point that completes them.

    Appends "period" to `compared` when a dated sub-activity could be compared with a bound."""
    found = points(directive)
    period, completion = _period(ctx, directive, found), _completion(found, words)
    findings = []
    for i, activity in enumerate(directive.sub_activities or []):
        start, end = activity.start or activity.end, activity.end or activity.start
        if start is None or end is None or (period is None and completion is None):
            continue
        compared += ["period"] if "period" not in compared else []
        path: YamlPath = ("directive", "sub_activities", i)
        values = {"title": activity.title, "start": str(start), "end": str(end), "as_written": activity.as_written}
        if period and start.latest() < period[0].first:
            bound = period[0]
            values |= {"side": "before", **bound.bound(bound.start)}
            findings.append(DATE_CODES.activity_outside_period(values, (path, bound.path)))
        elif period and end.earliest() > period[1].last:
            values |= {"side": "after", **period[1].bound(period[1].end)}
            findings.append(DATE_CODES.activity_outside_period(values, (path, period[1].path)))
        elif completion and end.earliest() > completion.last:
            values |= completion.bound(completion.end)
            findings.append(DATE_CODES.activity_after_completion(values, (path, completion.path)))
    return findings
