"""Where the timeline's marks go, before anything is drawn: pure arithmetic, tested without matplotlib.

The picture is drawn at the width it is printed (the A4 text width), so a point in the figure
is a point on paper. Marks on one row that would touch are stacked in lanes above and below the
row's middle; a row is as tall as its lanes need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from ..model.base import PartialDate
from .model import Timeline, TimelineEvent

WIDTH_IN = 16 / 2.54  # 16 cm: the Word text width (docx/styles.TEXT_WIDTH); the printed HTML column is 16.3 cm
MARK_PT = 15.0  # a mark's diameter; the number inside it is 8 pt
GAP_PT = 2.0  # air between two marks in one lane
LANE_IN = 0.25  # distance between lanes
ROW_MIN_IN = 0.46


@dataclass(frozen=True)
class Placed:
    event: TimelineEvent
    x: date  # where the mark's middle is
    first: date  # the days the event's date may mean (a year, a month, a span)
    last: date
    y: float  # inches from the bottom of the rows


@dataclass(frozen=True)
class Row:
    ident: str
    name: str
    bottom: float  # inches
    height: float

    @property
    def middle(self) -> float:
        return self.bottom + self.height / 2


def period(timeline: Timeline) -> tuple[date, date]:
    """The x range: whole years over a long period; months with a month's air over a short one."""
    # A period that ends before it starts is still drawn, from its earliest to its latest day.
    start, end = sorted((date.fromisoformat(timeline.start), date.fromisoformat(timeline.end)))
    if short(start, end):
        left = _shifted(date(start.year, start.month, 1), -15)
        following = date(end.year + end.month // 12, end.month % 12 + 1, 1) if end < date(9999, 12, 1) else date.max
        return left, _shifted(following, 14)
    return date(start.year, 1, 1), date(end.year, 12, 31)


def _shifted(day: date, days: int) -> date:
    """`day` moved by `days`, held at the calendar's ends (years 1 and 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def short(start: date, end: date) -> bool:
    """Three years or less: quarters are marked, not only years."""
    return (end - start).days <= 3 * 366


def span(event: TimelineEvent) -> tuple[date, date]:
    """The first and last day the event's date may mean; a decision point spans its start to its end."""
    first = date.fromisoformat(event.date)
    if event.end:
        return first, date.fromisoformat(event.end)
    month = first.month if event.precision != "year" else 0
    day = first.day if event.precision == "day" else 0
    return first, PartialDate(first.year, month, day).latest()


def layout(timeline: Timeline, left: date, right: date, axes_width_in: float) -> tuple[list[Row], list[Placed]]:
    """Rows from the top down (the first row at the top), and every mark's place in them."""
    days_per_in = max((right - left).days, 1) / axes_width_in
    spacing = timedelta(days=days_per_in * (MARK_PT + GAP_PT) / 72)
    lanes_of = {ident: _lanes([e for e in timeline.events if e.body == ident], spacing) for ident, _ in timeline.rows}
    rows, placed, top = [], [], 0.0
    for ident, name in timeline.rows:
        lanes = lanes_of[ident]
        height = max(ROW_MIN_IN, LANE_IN * (max(lanes.values(), default=0) + 1) + 0.2)
        top -= height
        row = Row(ident, name, top, height)
        rows.append(row)
        count = max(lanes.values(), default=0) + 1
        for event, lane in lanes.items():
            first, last = span(event)
            offset = (lane - (count - 1) / 2) * LANE_IN
            placed.append(Placed(event, middle(first, last), first, last, row.middle - offset))
    shift = -top  # from "down from the top" to "up from the bottom"
    rows = [Row(r.ident, r.name, r.bottom + shift, r.height) for r in rows]
    placed = [Placed(p.event, p.x, p.first, p.last, p.y + shift) for p in placed]
    return rows, placed


def _lanes(events: list[TimelineEvent], spacing: timedelta) -> dict[TimelineEvent, int]:
    """Each mark in the lowest lane where it keeps `spacing` from the mark before it (marks in date order)."""
    ends: list[date] = []
    found: dict[TimelineEvent, int] = {}
    for event in sorted(events, key=lambda e: (middle(*span(e)), e.number)):
        x = middle(*span(event))
        lane = next((i for i, last in enumerate(ends) if x - last >= spacing), len(ends))
        if lane == len(ends):
            ends.append(x)
        ends[lane] = x
        found[event] = lane
    return found


def middle(first: date, last: date) -> date:
    return first + (last - first) / 2


def free_stretch(row_marks: list[date], left: date, right: date) -> date:
    """The middle of the widest stretch of a row without marks: where a note on the row can stand."""
    points = [left, *sorted(row_marks), right]
    widest = max(pairwise(points), key=lambda pair: pair[1] - pair[0])
    return middle(*widest)
