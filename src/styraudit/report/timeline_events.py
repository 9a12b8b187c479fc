"""The marks of the timeline: decisions, reports, and a directive's decision points and milestones.

Each event carries its date as the reader sees it and a short text for the key under the
picture; the words come from labels.yaml (`timeline.key`). report/timeline.py numbers them.
"""

from __future__ import annotations

from typing import Any

from ..engine.context import CheckContext
from ..model.base import PartialDate
from ..model.directive import Directive
from ..text.swedish import date_sv, lower_first
from .model import TimelineEvent


def events_of(ctx: CheckContext, row: str, labels: dict[str, Any]) -> list[TimelineEvent]:
    """The decisions `row` made about the initiative and the reports it received."""
    words = labels["timeline"]
    key = words["key"]
    found = []
    # An official's or a group's plan or standpoint is told as such, not as a body's decision.
    official = {} if row in {b.id for b in ctx.case.bodies} else key.get("official", {})
    verbs = {**key["decision"], **official}
    for decision in ctx.case.decisions:
        if decision.by == row and decision.about_initiative:
            text = verbs[decision.kind.value].format(actor=_upper_first(ctx.name(row)))
            if decision.reference:
                text += " " + key["reference"].format(reference=decision.reference)
            # An official's own decision (under delegation: organisation, say) stays a decision mark.
            mark = "position" if decision.kind.value in official else "decision"
            found.append(_event(row, decision.date, mark, text, decision.reference or ""))
    for report in ctx.case.reporting:
        if report.to == row:
            detail = [words["depth"][report.depth.value]] if report.depth else []
            detail += [words["form"][report.form.value]] if report.form else []
            text = key["report"].format(by=_upper_first(ctx.name(report.by)), to=lower_first(ctx.name(row)))
            text += f" ({', '.join(detail)})" if detail else ""
            found.append(_event(row, report.date, "report", text, ", ".join(detail)))
    return found


def directive_events(ctx: CheckContext, directive: Directive, labels: dict[str, Any]) -> list[TimelineEvent]:
    """The directive's decision points (a span from start to end) and milestones, on the directive's row."""
    key = labels["timeline"]["key"]
    found = []
    for point in directive.decision_points or []:
        start = point.start or point.end
        if start is not None:
            text = key["decision_point"].format(id=point.id, title=point.title)
            if point.decided_by:
                text += " " + key["decided_by"].format(actor=lower_first(ctx.name(point.decided_by)))
            found.append(_event(directive.id, start, "decision_point", text, point.id, end=point.end))
    for milestone in directive.milestones or []:
        if milestone.date is not None:
            text = key["milestone"].format(id=milestone.id, title=milestone.title)
            found.append(_event(directive.id, milestone.date, "milestone", text, milestone.id))
    return found


def _event(row: str, when: PartialDate, kind: str, text: str, detail: str, end: PartialDate | None = None) -> TimelineEvent:
    """One mark; a span's end is kept only when it differs from its start."""
    last = str(end.latest()) if end is not None and end.latest() > when.latest() else None
    shown = date_sv(when) if last is None or end is None else _span_sv(when, end)
    return TimelineEvent(row, str(when.earliest()), when.precision, kind, shown, detail, text=text, end=last)


def _span_sv(start: PartialDate, end: PartialDate) -> str:
    """'20–30 oktober 2024' within one month, else '21 december 2023–8 januari 2024'."""
    same_month = (start.year, start.month) == (end.year, end.month) and start.precision == end.precision == "day"
    return f"{start.day}–{date_sv(end)}" if same_month else f"{date_sv(start)}–{date_sv(end)}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
